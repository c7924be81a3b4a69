//! The questionnaire's flow: which questions exist, in which order, and which apply to a holder
//! given the answers so far (legal form, revenue and jobs only for running activities, the
//! amount only when financing is needed…). Pure, so the flow is tested natively.

pub mod overview;

use crate::catalog::{Need, StageKind, Target};
use crate::engine::profile::limits;
use crate::engine::{Band, CriterionKind, Profile, Reason};

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
        // An informal activity sells and employs too: rules on revenue and jobs apply to it.
        let active = matches!(p.stage, Some(StageKind::Running | StageKind::Informal));
        match self {
            Question::Province => p.region.is_some(),
            Question::Started | Question::Revenue | Question::Jobs => active,
            Question::LegalForm => running,
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

    /// The earlier answer this question hangs on: the region for the province, the stage for
    /// what is asked of an activity, the needs for the amount.
    pub fn root(self) -> Option<Question> {
        match self {
            Question::Province => Some(Question::Region),
            Question::Started | Question::LegalForm | Question::Revenue | Question::Jobs => {
                Some(Question::Stage)
            }
            Question::Amount => Some(Question::Needs),
            _ => None,
        }
    }

    /// After an answer changed from the results page: the next question that answer opened
    /// and that is still unanswered (the start year, the legal form… after the stage), if any.
    pub fn follow_up(self, p: &Profile) -> Option<Question> {
        let root = self.root().unwrap_or(self);
        let i = Question::ORDER.iter().position(|q| *q == self)?;
        Question::ORDER[i + 1..]
            .iter()
            .copied()
            .find(|q| q.root() == Some(root) && q.applies(p) && !is_answered(*q, p))
    }

    pub fn first() -> Question {
        Question::ORDER[0]
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

/// The question whose answer a rule looks at.
pub fn question_of(kind: CriterionKind) -> Question {
    match kind {
        CriterionKind::Region => Question::Region,
        CriterionKind::Province => Question::Province,
        CriterionKind::Stage => Question::Stage,
        CriterionKind::LegalForm => Question::LegalForm,
        CriterionKind::BusinessAge => Question::Started,
        CriterionKind::Age => Question::Age,
        CriterionKind::Gender => Question::Gender,
        CriterionKind::Area => Question::Area,
        CriterionKind::Residence => Question::Residence,
        CriterionKind::Sector | CriterionKind::ExcludedSector => Question::Sector,
        CriterionKind::Innovative => Question::Innovative,
        CriterionKind::Revenue => Question::Revenue,
        CriterionKind::Jobs => Question::Jobs,
        CriterionKind::Amount | CriterionKind::ProjectAmount => Question::Amount,
        // Settled by one of the audience's questions: see [`settling_question`].
        CriterionKind::Audience => Question::Age,
    }
}

/// The question that tells whether the holder belongs to an audience.
pub fn question_of_target(t: Target) -> Question {
    match t {
        Target::Women => Question::Gender,
        Target::Youth => Question::Age,
        Target::Rural => Question::Area,
        Target::Informal => Question::Stage,
        Target::Diaspora => Question::Residence,
        Target::Cooperatives => Question::LegalForm,
        Target::Innovative => Question::Innovative,
    }
}

/// The question to ask so that a rule still "to check" gets settled: the rule's own question
/// when the flow asks it of this holder, else the earlier answer it hangs on (the stage before
/// the revenue, the needs before the amount, the region before the province). For a rule that
/// reserves a program for audiences, the first of their questions not yet answered.
pub fn settling_question(reason: &Reason<'_>, p: &Profile) -> Question {
    let q = match reason {
        Reason::Audience { audience, .. } => {
            let qs = audience.any_of.iter().map(|t| question_of_target(*t));
            let mut first = None;
            let mut open = None;
            for q in qs {
                first.get_or_insert(q);
                if open.is_none() && !is_answered(q, p) {
                    open = Some(q);
                }
            }
            open.or(first).unwrap_or(Question::Age)
        }
        r => question_of(r.criterion()),
    };
    if q.applies(p) {
        q
    } else {
        q.root().unwrap_or(q)
    }
}

/// Whether the holder has answered a question ("I don't know" leaves it unanswered).
pub fn is_answered(q: Question, p: &Profile) -> bool {
    match q {
        Question::Region => p.region.is_some(),
        Question::Province => p.province.is_some(),
        Question::Stage => p.stage.is_some(),
        Question::Started => p.started.is_some(),
        Question::LegalForm => p.legal_form.is_some(),
        Question::Sector => p.sector.is_some(),
        Question::Age => p.age.is_some(),
        Question::Gender => p.gender.is_some(),
        Question::Area => p.area.is_some(),
        Question::Residence => p.residence.is_some(),
        Question::Needs => p.needs.is_some(),
        Question::Amount => p.amount.is_some(),
        Question::Innovative => p.innovative.is_some(),
        Question::Revenue => p.revenue.is_some(),
        Question::Jobs => p.jobs.is_some(),
    }
}

/// The top of an open-ended band ("more than 5 000 000"): the largest amount a profile
/// accepts, never shown as a number (see [`is_open_ended`]).
pub const OPEN_END: u64 = limits::AMOUNT_MAX;

/// Whether a band has no upper bound the holder gave ("more than …").
pub fn is_open_ended(b: Band) -> bool {
    b.max >= OPEN_END && b.min < b.max
}

const fn band(min: u64, max: u64) -> Band {
    Band { min, max }
}

/// Amount bands offered for financing, MAD. A band is stored as the range it is: the engine
/// says a rule is met only if it holds for the whole band, and "to check" otherwise, so a
/// holder is never recorded as asking an amount they did not give. Neighbouring bands share
/// their edge, as their labels do ("up to 50 000", "from 50 000 to 150 000").
pub const AMOUNT_BANDS: [Band; 6] = [
    band(0, 50_000),
    band(50_000, 150_000),
    band(150_000, 300_000),
    band(300_000, 1_200_000),
    band(1_200_000, 5_000_000),
    band(5_000_000, OPEN_END),
];

/// Revenue bands, MAD per year; the ceilings of the auto-entrepreneur status (200 000 /
/// 500 000) and of Intelaka (10 M) are band edges.
pub const REVENUE_BANDS: [Band; 5] = [
    band(0, 200_000),
    band(200_000, 500_000),
    band(500_000, 1_000_000),
    band(1_000_000, 10_000_000),
    band(10_000_000, OPEN_END),
];

/// The value of a digit as holders type it: Western (0–9), Arabic-Indic (٠–٩, as Arabic
/// keyboards type them) or Eastern Arabic-Indic (۰–۹).
fn digit(c: char) -> Option<u64> {
    let base = match c {
        '0'..='9' => '0',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        _ => return None,
    };
    Some(u64::from(c as u32 - base as u32))
}

/// Characters written between groups of three digits: spaces (plain, no-break, narrow, thin),
/// dots, commas (also the Arabic ، ), the Arabic separators ٬ and ٫, and the apostrophe.
fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}'
            | '\u{202F}'
            | '\u{2009}'
            | '.'
            | ','
            | '\u{060C}'
            | '\u{066B}'
            | '\u{066C}'
            | '\''
            | '\u{2019}'
    )
}

/// Currency words a holder may type around an amount.
const CURRENCY: [&str; 7] = ["dhs", "dh", "mad", "درهم", "دراهم", "د.م.", "د.م"];

/// Reads a whole number as a holder types it: any of the three digit sets, thousands grouped
/// by spaces, dots or commas ("1 200 000", "1.200.000", "1,200,000", "١٬٢٠٠٬٠٠٠"), a currency
/// word around it ignored ("50 000 DH", "٥٠٠٠٠ درهم"). Groups after the first must have
/// exactly three digits, so a decimal ("1.5", "12,50") or a stray character is refused:
/// `None`, never a guess.
pub fn parse_whole(text: &str) -> Option<u64> {
    // ASCII case only: the currency words are Latin or Arabic (no case), and full Unicode case
    // tables would weigh on the wasm.
    let lower = text.trim().to_ascii_lowercase();
    let mut s = lower.as_str();
    loop {
        let before = s;
        for word in CURRENCY {
            s = s.trim();
            s = s.strip_suffix(word).unwrap_or(s).trim();
            s = s.strip_prefix(word).unwrap_or(s).trim();
        }
        if s == before {
            break;
        }
    }
    // Digit groups, and between two of them one separator (spaces may surround a dot or a
    // comma: "1 . 200" is odd but unambiguous).
    let mut groups: Vec<u32> = Vec::new();
    let mut in_digits = false;
    let mut marks = 0;
    let mut value: u64 = 0;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            value = value.checked_mul(10)?.checked_add(d)?;
            if !in_digits {
                groups.push(0);
                in_digits = true;
                marks = 0;
            }
            *groups.last_mut()? += 1;
        } else if is_group_separator(c) && !groups.is_empty() {
            in_digits = false;
            if matches!(
                c,
                '.' | ',' | '\u{060C}' | '\u{066B}' | '\u{066C}' | '\'' | '\u{2019}'
            ) {
                marks += 1;
                if marks > 1 {
                    return None;
                }
            }
        } else {
            return None;
        }
    }
    let (first, rest) = groups.split_first()?;
    let grouped = rest.iter().all(|n| *n == 3) && (rest.is_empty() || *first <= 3);
    (in_digits && grouped).then_some(value)
}

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
            revenue: Some(Band::exact(100_000)),
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

    #[test]
    fn an_informal_activity_is_asked_its_revenue_and_jobs_but_not_a_legal_form() {
        let p = Profile {
            stage: Some(StageKind::Informal),
            ..Profile::default()
        };
        let seq = Question::sequence(&p);
        assert!(seq.contains(&Question::Revenue) && seq.contains(&Question::Jobs));
        assert!(!seq.contains(&Question::LegalForm));
    }

    #[test]
    fn bands_are_ranges_that_tile_without_gaps() {
        for bands in [&AMOUNT_BANDS[..], &REVENUE_BANDS[..]] {
            assert_eq!(bands[0].min, 0);
            for w in bands.windows(2) {
                assert!(w[0].min < w[0].max);
                assert_eq!(w[0].max, w[1].min);
            }
            let last = bands[bands.len() - 1];
            assert!(is_open_ended(last));
            for b in bands {
                let p = Profile {
                    amount: Some(*b),
                    revenue: Some(*b),
                    ..Profile::default()
                };
                assert_eq!(p.check(), Ok(()), "{b:?}");
            }
        }
        assert!(!is_open_ended(Band::exact(OPEN_END)));
    }

    #[test]
    fn reads_amounts_typed_with_any_digits_and_separators() {
        for (typed, value) in [
            ("250000", 250_000),
            ("  250000 ", 250_000),
            ("250 000", 250_000),
            ("250\u{202F}000", 250_000),
            ("250\u{00A0}000", 250_000),
            ("1.200.000", 1_200_000),
            ("1,200,000", 1_200_000),
            ("١٢٠٠٠٠٠", 1_200_000),
            ("١٬٢٠٠٬٠٠٠", 1_200_000),
            ("۲۵۰۰۰۰", 250_000),
            ("٢٥٠ ٠٠٠", 250_000),
            ("50 000 DH", 50_000),
            ("50000dh", 50_000),
            ("٥٠٠٠٠ درهم", 50_000),
            ("MAD 75,000", 75_000),
            ("0", 0),
            ("28", 28),
            ("٢٨", 28),
        ] {
            assert_eq!(parse_whole(typed), Some(value), "{typed:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_whole_amount_instead_of_guessing() {
        for typed in [
            "",
            "   ",
            "DH",
            "abc",
            "1.5",
            "12,50",
            "1 20",
            "1234,567",
            "-5",
            "+5",
            "1e6",
            "50 000.",
            ".5",
            "1..000",
            "1. ,000",
            "5O000",
            "١٢a",
            "99999999999999999999999",
        ] {
            assert_eq!(parse_whole(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn a_rule_to_check_points_to_the_question_that_settles_it() {
        use crate::catalog::{Audience, Region};
        let mut p = Profile::default();
        let age = Reason::Age {
            min: Some(18),
            max: Some(35),
            holder: None,
        };
        assert_eq!(settling_question(&age, &p), Question::Age);
        // The revenue is asked of running activities: the stage comes first.
        let revenue = Reason::Revenue {
            min: None,
            max: Some(10_000_000),
            holder: None,
        };
        assert_eq!(settling_question(&revenue, &p), Question::Stage);
        p.stage = Some(StageKind::Running);
        assert_eq!(settling_question(&revenue, &p), Question::Revenue);
        let province = Reason::Province {
            allowed: &[],
            holder: None,
        };
        assert_eq!(settling_question(&province, &p), Question::Region);
        p.region = Some(Region::Oriental);
        assert_eq!(settling_question(&province, &p), Question::Province);
        let amount = Reason::Amount {
            min: Some(1_000_000),
            max: None,
            holder: None,
        };
        assert_eq!(settling_question(&amount, &p), Question::Needs);
        let audience = Audience {
            any_of: vec![Target::Women, Target::Youth],
            ..Audience::default()
        };
        let reserved = Reason::Audience {
            audience: &audience,
            matched: None,
        };
        assert_eq!(settling_question(&reserved, &p), Question::Gender);
        p.gender = Some(crate::catalog::Gender::Male);
        assert_eq!(settling_question(&reserved, &p), Question::Age);
    }

    #[test]
    fn a_changed_stage_asks_every_question_it_opened_then_stops() {
        let mut p = Profile {
            stage: Some(StageKind::Running),
            sector: Some(crate::catalog::Sector::Commerce),
            ..Profile::default()
        };
        assert_eq!(Question::Stage.follow_up(&p), Some(Question::Started));
        p.started = Some(2020);
        assert_eq!(Question::Started.follow_up(&p), Some(Question::LegalForm));
        // "I don't know" to the legal form: move on to the revenue.
        assert_eq!(Question::LegalForm.follow_up(&p), Some(Question::Revenue));
        p.revenue = Some(Band::exact(90_000));
        p.jobs = Some(2);
        assert_eq!(Question::Revenue.follow_up(&p), None);
        // An answer nothing hangs on has no follow-up.
        assert_eq!(Question::Sector.follow_up(&p), None);
    }
}
