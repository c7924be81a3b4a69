//! The screen and the answers as Leptos signals, and the moves that change them: the part of
//! the app's state a holder steers with answers, "I don't know", Next and Back. No browser
//! here (the history glue is `browser::history`, wired in `ui::history`), so every transition
//! is tested natively under a Leptos `Owner`.

use reactive_graph::signal::RwSignal;
use reactive_graph::traits::{GetUntracked, Set, Update, WithUntracked};

use crate::engine::Profile;
use crate::questionnaire::Question;

use super::{Hub, Rules, Screen};

#[derive(Clone, Copy)]
pub struct Nav {
    pub screen: RwSignal<Screen>,
    pub profile: RwSignal<Profile>,
    pub rules: Rules,
}

impl Nav {
    pub fn go(&self, screen: Screen) {
        self.screen.set(screen);
    }

    /// Shows a screen named by the history or kept for resuming, as it fits these answers.
    pub fn show(&self, screen: Screen) {
        let fitted = self.profile.with_untracked(|p| self.rules.fit(screen, p));
        self.screen.set(fitted);
    }

    /// Moves on from `question` keeping the answers as they are (after an answer was recorded,
    /// or for "Next" on a question already answered): answers that no longer apply are
    /// dropped, then the next question, the review, or back where an edit came from.
    pub fn advance(&self, question: Question) {
        self.profile.update(Question::prune);
        let returning = self.screen.with_untracked(|s| match *s {
            Screen::Ask {
                question: q,
                returning,
            } if q == question => returning,
            _ => None,
        });
        let next = self
            .profile
            .with_untracked(|p| self.rules.after(question, returning, p));
        self.screen.set(next);
    }

    /// Records an answer and moves on.
    pub fn answer(&self, question: Question, record: impl FnOnce(&mut Profile)) {
        self.profile.update(record);
        self.advance(question);
    }

    /// "I don't know", chosen by the holder for this question: forgets its answer (and what
    /// hung on it), then moves on. The only move that erases an answer.
    pub fn dont_know(&self, question: Question) {
        self.profile.update(|p| question.forget(p));
        self.advance(question);
    }

    /// Opens a question to change its answer, from the review or the results.
    pub fn edit(&self, question: Question, from: Hub) {
        self.screen.set(Screen::edit(question, from));
    }

    /// Where the app's Back button leads from the current screen (`None` on the welcome).
    pub fn back_target(&self) -> Option<Screen> {
        let screen = self.screen.get_untracked();
        self.profile.with_untracked(|p| self.rules.back(screen, p))
    }

    /// "Continue" on the welcome screen: where the holder was (`last`), or the first question
    /// not answered.
    pub fn resume(&self, last: Option<Screen>) {
        let to = self.profile.with_untracked(|p| self.rules.resume(last, p));
        self.screen.set(to);
    }
}

#[cfg(test)]
mod tests {
    use reactive_graph::owner::Owner;
    use reactive_graph::traits::Get;

    use super::*;
    use crate::catalog::{Gender, Region, StageKind};
    use crate::engine::Band;

    fn nav(screen: Screen, profile: Profile) -> Nav {
        Nav {
            screen: RwSignal::new(screen),
            profile: RwSignal::new(profile),
            rules: Rules {
                region_locked: false,
                programs: 10,
            },
        }
    }

    #[test]
    fn an_answer_moves_to_the_next_question_and_back_returns() {
        let owner = Owner::new();
        owner.set();
        let n = nav(Screen::ask(Question::Region), Profile::default());
        n.answer(Question::Region, |p| p.region = Some(Region::Oriental));
        assert_eq!(n.screen.get(), Screen::ask(Question::Province));
        assert_eq!(n.back_target(), Some(Screen::ask(Question::Region)));
        n.go(n.back_target().unwrap());
        assert_eq!(n.back_target(), Some(Screen::Welcome));
        // Back never changes an answer.
        assert_eq!(n.profile.get().region, Some(Region::Oriental));
    }

    #[test]
    fn next_on_an_answered_question_keeps_the_answer() {
        // Regression: "I don't know" was how a holder moved on, and it erased the answer.
        let owner = Owner::new();
        owner.set();
        let p = Profile {
            gender: Some(Gender::Female),
            ..Profile::default()
        };
        let n = nav(Screen::ask(Question::Gender), p);
        n.advance(Question::Gender);
        assert_eq!(n.screen.get(), Screen::ask(Question::Area));
        assert_eq!(n.profile.get().gender, Some(Gender::Female));
        // "I don't know", chosen for that question, does forget it.
        n.go(Screen::ask(Question::Gender));
        n.dont_know(Question::Gender);
        assert_eq!(n.profile.get().gender, None);
        assert_eq!(n.screen.get(), Screen::ask(Question::Area));
    }

    #[test]
    fn an_edit_returns_to_the_page_it_came_from_after_its_follow_ups() {
        let owner = Owner::new();
        owner.set();
        let n = nav(Screen::Results, Profile::default());
        n.edit(Question::Stage, Hub::Results);
        assert_eq!(n.back_target(), Some(Screen::Results));
        n.answer(Question::Stage, |p| p.stage = Some(StageKind::Running));
        // The stage opened the start year, the legal form, revenue and jobs: asked, still
        // on the way back to the results.
        assert_eq!(
            n.screen.get(),
            Screen::edit(Question::Started, Hub::Results)
        );
        n.answer(Question::Started, |p| p.started = Some(2020));
        n.dont_know(Question::LegalForm);
        n.answer(Question::Revenue, |p| p.revenue = Some(Band::exact(1)));
        n.answer(Question::Jobs, |p| p.jobs = Some(2));
        assert_eq!(n.screen.get(), Screen::Results);

        n.edit(Question::Age, Hub::Review);
        n.answer(Question::Age, |p| p.age = Some(30));
        assert_eq!(n.screen.get(), Screen::Review);
    }

    #[test]
    fn a_changed_answer_drops_the_answers_that_no_longer_apply() {
        let owner = Owner::new();
        owner.set();
        let p = Profile {
            stage: Some(StageKind::Running),
            revenue: Some(Band::exact(5)),
            ..Profile::default()
        };
        let n = nav(Screen::edit(Question::Stage, Hub::Review), p);
        n.answer(Question::Stage, |p| p.stage = Some(StageKind::Idea));
        assert_eq!(n.profile.get().revenue, None);
        assert_eq!(n.screen.get(), Screen::Review);
    }

    #[test]
    fn resume_goes_where_the_holder_was() {
        let owner = Owner::new();
        owner.set();
        let n = nav(Screen::Welcome, Profile::default());
        n.resume(Some(Screen::ask(Question::Age)));
        assert_eq!(n.screen.get(), Screen::ask(Question::Age));
        n.go(Screen::Welcome);
        n.resume(Some(Screen::Results));
        assert_eq!(n.screen.get(), Screen::Results);
        // A history entry of a program the catalog no longer holds shows the results.
        n.show(Screen::Detail(99));
        assert_eq!(n.screen.get(), Screen::Results);
    }
}
