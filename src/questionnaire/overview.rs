//! The questionnaire seen whole, as the review page and the adviser's page show it: its
//! sections, and for each question how many programs still hang on its answer ("answering this
//! would settle 7 programs"). Pure, so both are tested natively.

use crate::catalog::{Catalog, Date};
use crate::engine::check::visit;
use crate::engine::rank::Timing;
use crate::engine::{Outcome, Profile};

use super::{Question, settling_question};

/// A part of the questionnaire, in the order the questions are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Where the project is: region, province.
    Place,
    /// The activity: stage, start year, legal form, revenue, jobs, sector.
    Activity,
    /// What the holder needs, and how much money.
    Needs,
    /// The holder: age, gender, area, residence; and whether the project innovates.
    Holder,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Place,
        Section::Activity,
        Section::Needs,
        Section::Holder,
    ];

    /// The section's questions, in the questionnaire's order (whether they apply or not).
    pub fn questions(self) -> impl Iterator<Item = Question> {
        Question::ORDER
            .into_iter()
            .filter(move |q| q.section() == self)
    }

    pub fn id(self) -> &'static str {
        match self {
            Section::Place => "place",
            Section::Activity => "activity",
            Section::Needs => "needs",
            Section::Holder => "holder",
        }
    }
}

impl Question {
    pub fn section(self) -> Section {
        match self {
            Question::Region | Question::Province => Section::Place,
            Question::Stage
            | Question::Started
            | Question::LegalForm
            | Question::Revenue
            | Question::Jobs
            | Question::Sector => Section::Activity,
            Question::Needs | Question::Amount => Section::Needs,
            Question::Age
            | Question::Gender
            | Question::Area
            | Question::Residence
            | Question::Innovative => Section::Holder,
        }
    }

    fn index(self) -> usize {
        Question::ORDER.iter().position(|q| *q == self).unwrap_or(0)
    }
}

/// For each question, the programs still open to the holder (no rule unmet, taking
/// applications) with a rule "to check" that this question's answer settles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hanging([u16; Question::ORDER.len()]);

impl Hanging {
    /// How many programs hang on `q`'s answer (0 once it is answered).
    pub fn on(&self, q: Question) -> usize {
        usize::from(self.0[q.index()])
    }
}

/// Which questions would settle which programs, for this holder today. A rule on an answer the
/// flow does not ask yet counts for the earlier question it hangs on (the revenue's for the
/// stage, the amount's for the needs): see [`settling_question`].
pub fn hanging(catalog: &Catalog, p: &Profile, today: Date) -> Hanging {
    let mut counts = [0u16; Question::ORDER.len()];
    for program in &catalog.programs {
        if Timing::of(program, today).is_shut() {
            continue;
        }
        let mut settles = 0u16;
        let mut unmet = false;
        visit(program, p, today.year, |c| match c.outcome {
            Outcome::Unmet => unmet = true,
            Outcome::Unknown => settles |= 1 << settling_question(&c.reason, p).index(),
            Outcome::Met => {}
        });
        if unmet {
            continue;
        }
        for (i, n) in counts.iter_mut().enumerate() {
            *n += (settles >> i) & 1;
        }
    }
    Hanging(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Gender, Need, Region, StageKind, embedded};
    use crate::engine::{Verdict, rank};

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 30,
    };

    #[test]
    fn the_sections_hold_every_question_once_in_the_questionnaires_order() {
        let joined: Vec<Question> = Section::ALL
            .into_iter()
            .flat_map(Section::questions)
            .collect();
        assert_eq!(joined, Question::ORDER);
    }

    #[test]
    fn a_holder_who_answered_nothing_has_programs_hanging_on_the_first_questions() {
        let h = hanging(embedded(), &Profile::default(), TODAY);
        assert!(h.on(Question::Region) > 0, "{h:?}");
        assert!(h.on(Question::Stage) > 0, "{h:?}");
        // Not asked yet: the amount's rules hang on the needs, the province's on the region.
        assert_eq!(h.on(Question::Amount), 0);
        assert_eq!(h.on(Question::Province), 0);
        assert!(h.on(Question::Needs) > 0, "{h:?}");
    }

    #[test]
    fn an_answered_question_settles_nothing_more() {
        let p = Profile {
            region: Some(Region::Oriental),
            stage: Some(StageKind::Idea),
            gender: Some(Gender::Female),
            needs: Some(vec![Need::Financing]),
            ..Profile::default()
        };
        let h = hanging(embedded(), &p, TODAY);
        for q in [
            Question::Region,
            Question::Stage,
            Question::Gender,
            Question::Needs,
        ] {
            assert_eq!(h.on(q), 0, "{q:?}");
        }
        // Financing asked: the amount is asked now, and its rules hang on it.
        assert!(h.on(Question::Amount) > 0, "{h:?}");
    }

    #[test]
    fn never_more_than_the_programs_still_possible() {
        let p = Profile {
            stage: Some(StageKind::Running),
            ..Profile::default()
        };
        let possible = rank(embedded(), &p, TODAY)
            .all()
            .filter(|r| r.verdict == Verdict::Possible && !r.timing.is_shut())
            .count();
        let h = hanging(embedded(), &p, TODAY);
        for q in Question::ORDER {
            assert!(h.on(q) <= possible, "{q:?}: {} > {possible}", h.on(q));
        }
        // Every possible program waits on some answer.
        let most = Question::ORDER.into_iter().map(|q| h.on(q)).max();
        assert!(most.is_some_and(|m| m > 0));
    }
}
