//! Ranking a catalog for one profile: verdicts, relevance scores, near-misses and pathways.

use crate::catalog::{Area, Gender, LegalForm, Residence};
use crate::catalog::{
    Catalog, Confidence, Need, Pathway, Program, StageKind, Status, SupportKind, Target,
};

use super::check::{Check, Outcome, explain, visit};
use super::profile::Profile;
use super::verdict::{Fix, Verdict, tidy};

/// One program's place in the results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked<'a> {
    pub program: &'a Program,
    pub verdict: Verdict,
    pub score: i32,
    /// Whether the program gives something the holder said they need (true when needs are unknown).
    pub serves_needs: bool,
    /// For a not-eligible program: the steps that would make it reachable.
    pub fixes: Vec<Fix>,
}

/// A pathway whose programs the holder can take in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathwayMatch<'a> {
    pub pathway: &'a Pathway,
    pub steps: Vec<(&'a Program, Verdict)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ranking<'a> {
    /// Eligible and possible programs, best first.
    pub fits: Vec<Ranked<'a>>,
    /// Not eligible, but a step the holder can take would change that; best first.
    pub near_misses: Vec<Ranked<'a>>,
    /// Not eligible for a reason the holder cannot change.
    pub others: Vec<Ranked<'a>>,
    pub pathways: Vec<PathwayMatch<'a>>,
}

/// Verdict of a program without building its list of checks.
pub fn verdict(program: &Program, profile: &Profile, this_year: u16) -> Verdict {
    let mut v = Verdict::Eligible;
    visit(&program.criteria, profile, this_year, |c| {
        v = v.max(match c.outcome {
            Outcome::Met => Verdict::Eligible,
            Outcome::Unknown => Verdict::Possible,
            Outcome::Unmet => Verdict::NotEligible,
        })
    });
    v
}

/// How well a program answers this holder, whatever the verdict: needs served, amount fit,
/// targeting of the holder's group, regional before national, open before closed.
pub fn score(program: &Program, profile: &Profile) -> (i32, bool) {
    let mut s = 0;
    let serves = match &profile.needs {
        None => {
            s += 20;
            true
        }
        Some(needs) => {
            let served = needs
                .iter()
                .filter(|n| program.kinds.iter().any(|k| k.need() == **n))
                .count() as i32;
            if served > 0 {
                s += 40 + 10 * (served - 1);
            }
            served > 0 || needs.is_empty()
        }
    };
    if let (Some(amount), Some(given)) = (profile.amount, program.amount) {
        let gives_financing = program.kinds.iter().any(|k| k.need() == Need::Financing);
        if gives_financing
            && given.max.is_none_or(|m| amount <= m)
            && given.min.is_none_or(|m| amount >= m)
        {
            s += 15;
        }
    }
    for t in &program.targets {
        let reached = match t {
            Target::Women => profile.gender == Some(Gender::Female),
            Target::Youth => profile.age.is_some_and(|a| a <= 35),
            Target::Rural => profile.area == Some(Area::Rural),
            Target::Informal => profile.stage == Some(StageKind::Informal),
            Target::Diaspora => profile.residence == Some(Residence::Abroad),
            Target::Cooperatives => profile.legal_form == Some(LegalForm::Cooperative),
            Target::Innovative => profile.innovative == Some(true),
        };
        if reached {
            s += 10;
        }
    }
    if !program.criteria.provinces.is_empty() {
        s += 20;
    } else if !program.criteria.regions.is_empty() {
        s += 15;
    }
    s += match program.status {
        Status::Open => 5,
        Status::Seasonal => 0,
        Status::BudgetExhausted => -20,
        Status::Closed => -30,
    };
    if program.confidence == Confidence::Uncertain {
        s -= 5;
    }
    if program.kinds.contains(&SupportKind::Formalisation)
        && profile.stage == Some(StageKind::Informal)
    {
        s += 10;
    }
    (s, serves)
}

/// Ranks every program of the catalog for `profile`. Deterministic: the same inputs give the
/// same order, ties broken by program id.
pub fn rank<'a>(catalog: &'a Catalog, profile: &Profile, this_year: u16) -> Ranking<'a> {
    // A validated catalog is sorted by id, so its index is the id order and ties can be broken
    // by comparing integers; any other catalog pays for string comparisons.
    let by_index = catalog.programs.windows(2).all(|w| w[0].id < w[1].id);
    let mut all: Vec<Option<Ranked<'a>>> = Vec::with_capacity(catalog.programs.len());
    let mut buckets: [Vec<(u64, u32)>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (i, program) in catalog.programs.iter().enumerate() {
        let (verdict, fixes) = evaluate(program, profile, this_year);
        let (score, serves_needs) = score(program, profile);
        let bucket = match (verdict, &fixes) {
            (Verdict::NotEligible, Some(_)) => 1,
            (Verdict::NotEligible, None) => 2,
            _ => 0,
        };
        let ranked = Ranked {
            program,
            verdict,
            score,
            serves_needs,
            fixes: fixes.unwrap_or_default(),
        };
        buckets[bucket].push((sort_key(&ranked, if by_index { i } else { 0 }), i as u32));
        all.push(Some(ranked));
    }
    let [fits, near, others] = buckets.map(|mut keys| {
        if by_index {
            keys.sort_unstable();
        } else {
            let id = |i: u32| catalog.programs[i as usize].id.as_str();
            keys.sort_by(|(ka, a), (kb, b)| ka.cmp(kb).then_with(|| id(*a).cmp(id(*b))));
        }
        keys.into_iter()
            .filter_map(|(_, i)| all[i as usize].take())
            .collect::<Vec<_>>()
    });
    let mut ranking = Ranking {
        fits,
        near_misses: near,
        others,
        pathways: Vec::new(),
    };
    ranking.pathways = pathways(catalog, &ranking);
    ranking
}

/// The verdict and, for a not-eligible program whose every unmet rule the holder can change,
/// the fixes — in one pass over the rules, allocating only when there is a fix to report.
fn evaluate(program: &Program, profile: &Profile, this_year: u16) -> (Verdict, Option<Vec<Fix>>) {
    let mut verdict = Verdict::Eligible;
    let mut fixable = true;
    let mut fixes: Vec<Fix> = Vec::new();
    visit(&program.criteria, profile, this_year, |c| match c.outcome {
        Outcome::Met => {}
        Outcome::Unknown => verdict = verdict.max(Verdict::Possible),
        Outcome::Unmet => {
            verdict = Verdict::NotEligible;
            if fixable {
                match super::verdict::fix_for(&c) {
                    Some(f) if !fixes.contains(&f) => fixes.push(f),
                    Some(_) => {}
                    None => fixable = false,
                }
            }
        }
    });
    if verdict != Verdict::NotEligible || !fixable || fixes.is_empty() {
        return (verdict, None);
    }
    (verdict, Some(tidy(fixes)))
}

/// Verdict first, then programs serving a stated need, then score (higher first), then the
/// tie-break, packed in one integer so sorting compares integers.
fn sort_key(r: &Ranked<'_>, tie_break: usize) -> u64 {
    let verdict = r.verdict as u64;
    let serves = u64::from(!r.serves_needs);
    let score = (i64::from(i16::MAX)
        - i64::from(r.score).clamp(i64::from(i16::MIN), i64::from(i16::MAX)))
        as u64;
    (verdict << 62) | (serves << 61) | ((score & 0xFFFF) << 32) | (tie_break as u64 & 0xFFFF_FFFF)
}

/// How many programs are still eligible or possible: the live count shown while answering.
pub fn count_fits(catalog: &Catalog, profile: &Profile, this_year: u16) -> usize {
    catalog
        .programs
        .iter()
        .filter(|p| verdict(p, profile, this_year) != Verdict::NotEligible)
        .count()
}

/// Pathways whose every step fits, or is a near-miss fixed by taking a status at an earlier step.
fn pathways<'a>(catalog: &'a Catalog, ranking: &Ranking<'a>) -> Vec<PathwayMatch<'a>> {
    let find = |id: &str| {
        ranking
            .fits
            .iter()
            .chain(&ranking.near_misses)
            .chain(&ranking.others)
            .find(|r| r.program.id == id)
    };
    let mut found = Vec::new();
    'pathway: for pathway in &catalog.pathways {
        let mut steps = Vec::new();
        let mut status_taken = false;
        for id in &pathway.steps {
            let Some(r) = find(id) else { continue 'pathway };
            let status_fixes = !r.fixes.is_empty()
                && r.fixes.iter().all(|f| {
                    matches!(
                        f,
                        Fix::RegisterAutoEntrepreneur
                            | Fix::Formalise
                            | Fix::CreateCooperative
                            | Fix::CreateCompany
                    )
                });
            let reachable = r.verdict != Verdict::NotEligible || (status_taken && status_fixes);
            if !reachable {
                continue 'pathway;
            }
            status_taken |= r.program.kinds.contains(&SupportKind::Formalisation);
            steps.push((r.program, r.verdict));
        }
        found.push(PathwayMatch { pathway, steps });
    }
    found
}

/// The checks of a ranked program, for its card.
pub fn checks<'a>(ranked: &Ranked<'a>, profile: &Profile, this_year: u16) -> Vec<Check<'a>> {
    explain(ranked.program, profile, this_year)
}
