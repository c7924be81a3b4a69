//! Where the holder is in the app and where each action takes them: the screens, the moves
//! between them (an answer, "I don't know", Back, resume), the URL fragment that names a screen
//! in the browser's history, and the steps shown as progress. Pure Rust, tested natively; the
//! interface (`ui`) only renders a [`Screen`] and calls these rules.

pub mod fragment;
#[cfg(any(test, target_arch = "wasm32"))]
pub mod nav;

use crate::engine::Profile;
use crate::questionnaire::overview::Section;
use crate::questionnaire::{Question, is_answered};

/// Progress by steps, the questionnaire's sections: (step, number of steps). Their number never
/// changes, so what the holder reads ("Step 2 of 4") never moves back or grows when an answer
/// opens follow-up questions (a count of questions went "1 of 9", "2 of 10", "4 of 14").
pub fn step(q: Question) -> (usize, usize) {
    let section = q.section();
    let n = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
    (n + 1, Section::ALL.len())
}

/// The page where a holder who changes one answer goes back to once it is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hub {
    Review,
    Results,
}

impl Hub {
    pub fn screen(self) -> Screen {
        match self {
            Hub::Review => Screen::Review,
            Hub::Results => Screen::Results,
        }
    }
}

/// One screen of the app. A question asked to change one answer knows where it returns
/// (`returning`), so "editing" is not a separate flag that could disagree with the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Welcome,
    Ask {
        question: Question,
        /// `None` in the questionnaire's own order; the review or the results when the holder
        /// came from there to change this answer.
        returning: Option<Hub>,
    },
    /// Every answer for a last look before the results.
    Review,
    Results,
    /// A program's page, by index in the catalog.
    Detail(usize),
}

impl Screen {
    /// A question in the questionnaire's order.
    pub fn ask(question: Question) -> Screen {
        Screen::Ask {
            question,
            returning: None,
        }
    }

    /// A question asked from the review or the results, to change its answer.
    pub fn edit(question: Question, from: Hub) -> Screen {
        Screen::Ask {
            question,
            returning: Some(from),
        }
    }

    /// Where an answer given on this screen returns, if the holder is changing one.
    pub fn returning(self) -> Option<Hub> {
        match self {
            Screen::Ask { returning, .. } => returning,
            _ => None,
        }
    }
}

/// What the flow needs to know besides the answers: which questions a partner's settings
/// skip (a locked region is never asked) and how many programs the catalog holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    pub region_locked: bool,
    pub programs: usize,
}

impl Rules {
    pub fn skips(self, q: Question) -> bool {
        q == Question::Region && self.region_locked
    }

    /// Whether the question is put to this holder now.
    pub fn asks(self, q: Question, p: &Profile) -> bool {
        q.applies(p) && !self.skips(q)
    }

    /// The first question put to this holder.
    pub fn first(self, p: &Profile) -> Question {
        let q = Question::first();
        if self.asks(q, p) {
            q
        } else {
            q.next(p).unwrap_or(q)
        }
    }

    /// The next question put to this holder after `q`, in the questionnaire's order.
    fn next(self, q: Question, p: &Profile) -> Option<Question> {
        let mut q = q.next(p)?;
        while self.skips(q) {
            q = q.next(p)?;
        }
        Some(q)
    }

    fn previous(self, q: Question, p: &Profile) -> Option<Question> {
        let mut q = q.previous(p)?;
        while self.skips(q) {
            q = q.previous(p)?;
        }
        Some(q)
    }

    /// The last question put to this holder (what Back on the review returns to).
    fn last(self, p: &Profile) -> Option<Question> {
        Question::sequence(p)
            .into_iter()
            .rev()
            .find(|q| !self.skips(*q))
    }

    /// Where the holder goes once `question` is settled (answered, kept, or "I don't know"):
    /// the next question, then the review; when changing one answer, the follow-up questions
    /// that answer opened and still unanswered, then back where they came from.
    pub fn after(self, question: Question, returning: Option<Hub>, p: &Profile) -> Screen {
        match returning {
            Some(hub) => match question.follow_up(p).filter(|q| !self.skips(*q)) {
                Some(q) => Screen::edit(q, hub),
                None => hub.screen(),
            },
            None => self.next(question, p).map_or(Screen::Review, Screen::ask),
        }
    }

    /// Where the app's own Back button leads from `screen`; `None` on the welcome screen (the
    /// browser's Back leaves the app from there).
    pub fn back(self, screen: Screen, p: &Profile) -> Option<Screen> {
        Some(match screen {
            Screen::Welcome => return None,
            Screen::Ask {
                returning: Some(hub),
                ..
            } => hub.screen(),
            Screen::Ask {
                question,
                returning: None,
            } => self
                .previous(question, p)
                .map_or(Screen::Welcome, Screen::ask),
            Screen::Review => self.last(p).map_or(Screen::Welcome, Screen::ask),
            Screen::Results => Screen::Review,
            Screen::Detail(_) => Screen::Results,
        })
    }

    /// A screen as it can be shown with these answers: a question that no longer applies
    /// (an entry in the history from before an answer changed) gives the next one that does,
    /// an unknown program gives the results.
    pub fn fit(self, screen: Screen, p: &Profile) -> Screen {
        match screen {
            Screen::Ask {
                question,
                returning,
            } if !self.asks(question, p) => match returning {
                Some(hub) => hub.screen(),
                None => self.next(question, p).map_or(Screen::Review, Screen::ask),
            },
            Screen::Detail(i) if i >= self.programs => Screen::Results,
            s => s,
        }
    }

    /// Where "Continue" takes a holder back to: the screen they were on last (`last`, kept
    /// with their answers), else the first question they have not answered, else the results.
    /// Never the welcome screen.
    pub fn resume(self, last: Option<Screen>, p: &Profile) -> Screen {
        match last.map(|s| self.fit(s, p)) {
            Some(Screen::Welcome) | None => Question::sequence(p)
                .into_iter()
                .find(|q| !self.skips(*q) && !is_answered(*q, p))
                .map_or(Screen::Results, Screen::ask),
            Some(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Need, Region, StageKind};

    const OPEN: Rules = Rules {
        region_locked: false,
        programs: 75,
    };
    const LOCKED: Rules = Rules {
        region_locked: true,
        programs: 75,
    };

    fn running() -> Profile {
        Profile {
            region: Some(Region::Oriental),
            stage: Some(StageKind::Running),
            ..Profile::default()
        }
    }

    #[test]
    fn progress_steps_never_go_back_nor_change_their_total_when_a_branch_opens() {
        // Regression: "Question 1 of 9", then "2 of 10", then "4 of 14".
        let plain = Profile::default();
        let branched = Profile {
            stage: Some(StageKind::Running),
            needs: Some(vec![Need::Financing]),
            ..Profile::default()
        };
        for p in [&plain, &branched] {
            let steps: Vec<(usize, usize)> = Question::sequence(p).into_iter().map(step).collect();
            assert!(steps.iter().all(|(_, total)| *total == 4));
            assert!(
                steps
                    .windows(2)
                    .all(|w| w[0].0 <= w[1].0 && w[1].0 - w[0].0 <= 1)
            );
            assert_eq!((steps[0].0, steps[steps.len() - 1].0), (1, 4));
        }
    }

    #[test]
    fn answers_walk_the_questions_then_the_review() {
        let p = running();
        let mut screen = Screen::ask(OPEN.first(&p));
        let mut seen = vec![];
        while let Screen::Ask { question, .. } = screen {
            seen.push(question);
            screen = OPEN.after(question, None, &p);
        }
        assert_eq!(seen, Question::sequence(&p));
        assert_eq!(screen, Screen::Review);
    }

    #[test]
    fn back_retraces_the_answers_to_the_welcome_screen() {
        let p = running();
        let seq = Question::sequence(&p);
        let mut screen = Screen::Review;
        let mut seen = vec![];
        while let Some(s) = OPEN.back(screen, &p) {
            if let Screen::Ask { question, .. } = s {
                seen.push(question);
            }
            screen = s;
        }
        seen.reverse();
        assert_eq!((seen, screen), (seq, Screen::Welcome));
        assert_eq!(OPEN.back(Screen::Detail(3), &p), Some(Screen::Results));
        assert_eq!(OPEN.back(Screen::Results, &p), Some(Screen::Review));
    }

    #[test]
    fn a_locked_region_is_never_asked_nor_returned_to() {
        let p = Profile {
            region: Some(Region::Oriental),
            ..Profile::default()
        };
        assert_eq!(LOCKED.first(&p), Question::Province);
        assert_eq!(
            LOCKED.back(Screen::ask(Question::Province), &p),
            Some(Screen::Welcome)
        );
        assert_eq!(
            LOCKED.fit(Screen::ask(Question::Region), &p),
            Screen::ask(Question::Province)
        );
        assert_eq!(LOCKED.resume(None, &p), Screen::ask(Question::Province));
    }

    #[test]
    fn changing_an_answer_returns_where_the_holder_came_from() {
        // Regression: an `editing` flag beside the screen could send an edit to the results
        // when the holder came from the review.
        let p = running();
        for hub in [Hub::Review, Hub::Results] {
            assert_eq!(OPEN.after(Question::Age, Some(hub), &p), hub.screen());
            assert_eq!(
                OPEN.back(Screen::edit(Question::Age, hub), &p),
                Some(hub.screen())
            );
        }
    }

    #[test]
    fn a_changed_stage_asks_what_it_opened_before_returning() {
        let p = running();
        assert_eq!(
            OPEN.after(Question::Stage, Some(Hub::Review), &p),
            Screen::edit(Question::Started, Hub::Review)
        );
    }

    #[test]
    fn a_stale_question_gives_the_next_that_applies() {
        let p = Profile {
            needs: Some(vec![Need::Coaching]),
            ..Profile::default()
        };
        // The amount is asked only with financing: the question after it comes instead.
        assert_eq!(
            OPEN.fit(Screen::ask(Question::Amount), &p),
            Screen::ask(Question::Age)
        );
        assert_eq!(
            OPEN.fit(Screen::edit(Question::Amount, Hub::Results), &p),
            Screen::Results
        );
        assert_eq!(OPEN.fit(Screen::Detail(75), &p), Screen::Results);
        assert_eq!(OPEN.fit(Screen::Detail(74), &p), Screen::Detail(74));
    }

    #[test]
    fn resume_returns_to_the_last_screen_not_the_first_unanswered_question() {
        // Regression: "Continue" went to the first question answered "I don't know" (ten taps
        // back to the results for one holder).
        let p = running();
        assert_eq!(OPEN.resume(Some(Screen::Results), &p), Screen::Results);
        assert_eq!(
            OPEN.resume(Some(Screen::ask(Question::Age)), &p),
            Screen::ask(Question::Age)
        );
        assert_eq!(OPEN.resume(Some(Screen::Detail(4)), &p), Screen::Detail(4));
        // A holder who answered "I don't know" to everything still returns to the results.
        assert_eq!(
            OPEN.resume(Some(Screen::Results), &Profile::default()),
            Screen::Results
        );
        // Nothing kept of where they were: the first question not answered.
        assert_eq!(OPEN.resume(None, &p), Screen::ask(Question::Province));
        assert_eq!(
            OPEN.resume(Some(Screen::Welcome), &p),
            Screen::ask(Question::Province)
        );
    }
}
