//! Progress by steps: the questions fall into four steps that never change in number, so what
//! the holder reads ("Step 2 of 4: your activity") never moves back or grows when an answer
//! opens follow-up questions (a count of questions went "1 of 9", "2 of 10", "4 of 14").

use crate::questionnaire::Question;

/// A step of the questionnaire, in the order the holder meets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Region and province.
    Place,
    /// The stage, and what is asked of a running activity; the sector.
    Activity,
    /// The needs and the amount.
    Needs,
    /// Age, gender, area, residence, innovation.
    You,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Place, Step::Activity, Step::Needs, Step::You];

    pub fn of(q: Question) -> Step {
        match q {
            Question::Region | Question::Province => Step::Place,
            Question::Stage
            | Question::Started
            | Question::LegalForm
            | Question::Revenue
            | Question::Jobs
            | Question::Sector => Step::Activity,
            Question::Needs | Question::Amount => Step::Needs,
            Question::Age
            | Question::Gender
            | Question::Area
            | Question::Residence
            | Question::Innovative => Step::You,
        }
    }

    /// 1-based, for "Step {n} of {total}".
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub const TOTAL: usize = Step::ALL.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Need, StageKind};
    use crate::engine::Profile;

    #[test]
    fn steps_follow_the_questions_order_and_never_go_back() {
        let mut last = Step::Place;
        for q in Question::ORDER {
            let s = Step::of(q);
            assert!(s >= last, "{q:?}");
            last = s;
        }
        assert_eq!(Step::TOTAL, 4);
        assert_eq!(Step::of(Question::Innovative).number(), 4);
    }

    #[test]
    fn opening_a_branch_changes_neither_the_step_nor_the_total() {
        // Regression: "Question 1 of 9", then "2 of 10", then "4 of 14".
        let plain = Profile::default();
        let branched = Profile {
            stage: Some(StageKind::Running),
            needs: Some(vec![Need::Financing]),
            ..Profile::default()
        };
        for p in [&plain, &branched] {
            let steps: Vec<usize> = Question::sequence(p)
                .into_iter()
                .map(|q| Step::of(q).number())
                .collect();
            assert!(steps.windows(2).all(|w| w[0] <= w[1] && w[1] - w[0] <= 1));
            assert_eq!((steps[0], steps[steps.len() - 1]), (1, Step::TOTAL));
        }
    }
}
