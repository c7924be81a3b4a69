//! The questionnaire's flow: which questions exist, in which order, and which apply to a holder
//! given the answers so far (legal form, revenue and jobs only for running activities, the
//! amount only when financing is needed…). Pure, so the flow is tested natively.

use crate::catalog::{Need, StageKind};
use crate::engine::Profile;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    Region,
    Province,
    Stage,
    Started,
    LegalForm,
    Sector,
    Age,
    Gender,
    Area,
    Residence,
    Needs,
    Amount,
    Innovative,
    Revenue,
    Jobs,
}

impl Question {
    pub const ORDER: [Question; 15] = [
        Question::Region,
        Question::Province,
        Question::Stage,
        Question::Started,
        Question::LegalForm,
        Question::Revenue,
        Question::Jobs,
        Question::Sector,
        Question::Needs,
        Question::Amount,
        Question::Age,
        Question::Gender,
        Question::Area,
        Question::Residence,
        Question::Innovative,
    ];

    /// Whether the question is asked, given the answers so far.
    pub fn applies(self, p: &Profile) -> bool {
        let running = p.stage == Some(StageKind::Running);
        match self {
            Question::Province => p.region.is_some(),
            Question::Started => matches!(p.stage, Some(StageKind::Running | StageKind::Informal)),
            Question::LegalForm | Question::Revenue | Question::Jobs => running,
            Question::Amount => p
                .needs
                .as_ref()
                .is_some_and(|n| n.contains(&Need::Financing)),
            _ => true,
        }
    }

    /// The questions this holder is asked, in order.
    pub fn sequence(p: &Profile) -> Vec<Question> {
        Question::ORDER
            .into_iter()
            .filter(|q| q.applies(p))
            .collect()
    }

    pub fn next(self, p: &Profile) -> Option<Question> {
        let i = Question::ORDER.iter().position(|q| *q == self)?;
        Question::ORDER[i + 1..]
            .iter()
            .copied()
            .find(|q| q.applies(p))
    }

    pub fn previous(self, p: &Profile) -> Option<Question> {
        let i = Question::ORDER.iter().position(|q| *q == self)?;
        Question::ORDER[..i]
            .iter()
            .rev()
            .copied()
            .find(|q| q.applies(p))
    }

    pub fn first() -> Question {
        Question::ORDER[0]
    }

    /// Position (1-based) and total, for the progress indicator.
    pub fn progress(self, p: &Profile) -> (usize, usize) {
        let seq = Question::sequence(p);
        let n = seq.iter().position(|q| *q == self).map_or(1, |i| i + 1);
        (n, seq.len())
    }

    /// Forgets the answer ("I don't know"), and the answers that depended on it.
    pub fn forget(self, p: &mut Profile) {
        match self {
            Question::Region => {
                p.region = None;
                p.province = None;
            }
            Question::Province => p.province = None,
            Question::Stage => p.stage = None,
            Question::Started => p.started = None,
            Question::LegalForm => p.legal_form = None,
            Question::Sector => p.sector = None,
            Question::Age => p.age = None,
            Question::Gender => p.gender = None,
            Question::Area => p.area = None,
            Question::Residence => p.residence = None,
            Question::Needs => p.needs = None,
            Question::Amount => p.amount = None,
            Question::Innovative => p.innovative = None,
            Question::Revenue => p.revenue = None,
            Question::Jobs => p.jobs = None,
        }
    }

    /// Drops answers to questions that no longer apply (the holder changed an earlier answer),
    /// so hidden answers never sway the results.
    pub fn prune(p: &mut Profile) {
        if p.province.is_some_and(|pr| Some(pr.region()) != p.region) {
            p.province = None;
        }
        for q in Question::ORDER {
            if !q.applies(p) {
                q.forget(p);
            }
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Question::Region => "region",
            Question::Province => "province",
            Question::Stage => "stage",
            Question::Started => "started",
            Question::LegalForm => "legal-form",
            Question::Sector => "sector",
            Question::Age => "age",
            Question::Gender => "gender",
            Question::Area => "area",
            Question::Residence => "residence",
            Question::Needs => "needs",
            Question::Amount => "amount",
            Question::Innovative => "innovative",
            Question::Revenue => "revenue",
            Question::Jobs => "jobs",
        }
    }
}

/// Amount bands offered for financing, MAD. A band is stored as its upper bound: rules are
/// ceilings ("up to 150,000 MAD"), so the upper bound never claims a fit that is not there.
pub const AMOUNT_BANDS: [u64; 5] = [50_000, 150_000, 300_000, 1_200_000, 5_000_000];

/// Revenue bands, MAD per year, stored as their upper bound for the same reason; the ceilings
/// of the auto-entrepreneur status (200,000 / 500,000) and of Intelaka (10 M) are band edges.
pub const REVENUE_BANDS: [u64; 5] = [200_000, 500_000, 1_000_000, 10_000_000, 200_000_000];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Region;

    #[test]
    fn an_idea_skips_the_questions_about_a_running_activity() {
        let p = Profile {
            stage: Some(StageKind::Idea),
            ..Profile::default()
        };
        let seq = Question::sequence(&p);
        for q in [
            Question::Started,
            Question::LegalForm,
            Question::Revenue,
            Question::Jobs,
            Question::Amount,
            Question::Province,
        ] {
            assert!(!seq.contains(&q), "{q:?}");
        }
    }

    #[test]
    fn a_running_activity_is_asked_its_start_year_legal_form_revenue_and_jobs() {
        let p = Profile {
            stage: Some(StageKind::Running),
            ..Profile::default()
        };
        let seq = Question::sequence(&p);
        for q in [
            Question::Started,
            Question::LegalForm,
            Question::Revenue,
            Question::Jobs,
        ] {
            assert!(seq.contains(&q), "{q:?}");
        }
    }

    #[test]
    fn the_amount_is_asked_only_when_financing_is_needed() {
        let mut p = Profile {
            needs: Some(vec![Need::Coaching]),
            ..Profile::default()
        };
        assert!(!Question::Amount.applies(&p));
        p.needs = Some(vec![Need::Financing]);
        assert_eq!(Question::Needs.next(&p), Some(Question::Amount));
    }

    #[test]
    fn next_and_previous_walk_the_same_path() {
        let p = Profile {
            region: Some(Region::Oriental),
            stage: Some(StageKind::Running),
            ..Profile::default()
        };
        let seq = Question::sequence(&p);
        for w in seq.windows(2) {
            assert_eq!(w[0].next(&p), Some(w[1]));
            assert_eq!(w[1].previous(&p), Some(w[0]));
        }
        assert_eq!(seq.last().and_then(|q| q.next(&p)), None);
        assert_eq!(Question::first().previous(&p), None);
    }

    #[test]
    fn changing_the_stage_drops_answers_that_no_longer_apply() {
        let mut p = Profile {
            stage: Some(StageKind::Idea),
            revenue: Some(100_000),
            started: Some(2020),
            ..Profile::default()
        };
        Question::prune(&mut p);
        assert_eq!((p.revenue, p.started), (None, None));
    }

    #[test]
    fn a_province_of_another_region_is_dropped() {
        let mut p = Profile {
            region: Some(Region::Oriental),
            province: crate::catalog::Province::from_id("azilal"),
            ..Profile::default()
        };
        Question::prune(&mut p);
        assert_eq!(p.province, None);
    }
}
