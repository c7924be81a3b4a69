//! Ranking a catalog for one profile: verdicts, the order an adviser would give (see
//! `docs/ranking.md`, the specification of this file), near-misses and pathways.

use crate::catalog::{Catalog, Date, Need, Pathway, Program, SupportKind, Target};

use super::check::{Check, CriterionKind, Outcome, explain, visit};
use super::order::{
    Context, NearDoors, holder_needs, is_aimed, is_token, need_mask, need_weights, partial_cover,
    priority, sort_key,
};
use super::profile::{Band, Profile};
pub use super::timing::{CLOSING_SOON_DAYS, Locality, Timing};
use super::verdict::{Fix, Verdict, tidy};

/// A set of criterion kinds, e.g. the rules still to check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Kinds(u32);

impl Kinds {
    fn insert(&mut self, k: CriterionKind) {
        self.0 |= 1 << k as u32;
    }

    pub fn contains(self, k: CriterionKind) -> bool {
        self.0 & (1 << k as u32) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn iter(self) -> impl Iterator<Item = CriterionKind> {
        CriterionKind::ALL
            .iter()
            .copied()
            .filter(move |k| self.contains(*k))
    }
}

/// One program's place in the results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked<'a> {
    pub program: &'a Program,
    /// What the rules say, whatever the program's dates.
    pub verdict: Verdict,
    /// How many of the holder's stated needs the program serves.
    pub needs_served: u8,
    /// Whether the program gives something the holder said they need (true when needs are
    /// unknown or "nothing in particular").
    pub serves_needs: bool,
    pub locality: Locality,
    /// A `priority_to` audience the holder belongs to.
    pub priority: Option<Target>,
    /// Rules about who the holder is (audience, legal form, gender, area, residence, sector,
    /// innovation, age of the activity) that the holder meets: how closely the program is
    /// aimed at them.
    pub aimed: u8,
    pub timing: Timing,
    /// Rules met, out of `rules`; `to_check` are those the answers do not settle.
    pub met: u8,
    pub rules: u8,
    pub to_check: Kinds,
    /// The program finances at most this much of a larger request.
    pub partial: Option<(u64, Band)>,
    /// For a not-eligible program: the steps that would make it reachable, lightest first.
    pub fixes: Vec<Fix>,
}

impl Ranked<'_> {
    /// Eligible or possible, and taking applications (or about to).
    pub fn fits(&self) -> bool {
        self.verdict != Verdict::NotEligible && !self.timing.is_shut()
    }
}

/// A pathway whose programs the holder can take in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathwayMatch<'a> {
    pub pathway: &'a Pathway,
    pub steps: Vec<(&'a Program, Verdict)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ranking<'a> {
    /// Eligible and possible programs that serve a stated need, best first.
    pub fits: Vec<Ranked<'a>>,
    /// Eligible and possible programs that serve none of the stated needs ("Also open to you").
    pub also_open: Vec<Ranked<'a>>,
    /// Programs the holder would fit that take no applications now (closed, paused, budget
    /// exhausted, past their closing date).
    pub closed: Vec<Ranked<'a>>,
    /// Not eligible, but a step the holder can take would change that; lightest step first.
    pub near_misses: Vec<Ranked<'a>>,
    /// Not eligible for a reason the holder cannot change.
    pub others: Vec<Ranked<'a>>,
    pub pathways: Vec<PathwayMatch<'a>>,
}

impl<'a> Ranking<'a> {
    /// Every ranked program, in the order the groups are shown.
    pub fn all(&self) -> impl Iterator<Item = &Ranked<'a>> {
        self.fits
            .iter()
            .chain(&self.also_open)
            .chain(&self.closed)
            .chain(&self.near_misses)
            .chain(&self.others)
    }
}

/// Verdict of a program without building its list of checks.
pub fn verdict(program: &Program, profile: &Profile, this_year: u16) -> Verdict {
    let mut v = Verdict::Eligible;
    visit(program, profile, this_year, |c| {
        v = v.max(match c.outcome {
            Outcome::Met => Verdict::Eligible,
            Outcome::Unknown => Verdict::Possible,
            Outcome::Unmet => Verdict::NotEligible,
        })
    });
    v
}

/// Ranks every program of the catalog for `profile` on `today`. Deterministic: the same inputs
/// give the same order, ties broken by program id.
pub fn rank<'a>(catalog: &'a Catalog, profile: &Profile, today: Date) -> Ranking<'a> {
    // A validated catalog is sorted by id, so its index is the id order and ties can be broken
    // by comparing integers; any other catalog pays for string comparisons.
    let by_index = catalog.programs.windows(2).all(|w| w[0].id < w[1].id);
    let masks: Vec<u8> = catalog.programs.iter().map(need_mask).collect();
    let ctx = Context {
        place_known: profile.effective_region().is_some(),
        needs: holder_needs(profile),
        weights: need_weights(&masks),
        doors: NearDoors::new(catalog, profile),
    };
    let mut all: Vec<Option<Ranked<'a>>> = Vec::with_capacity(catalog.programs.len());
    let mut buckets: [Vec<(u64, u32)>; 5] = Default::default();
    for (i, program) in catalog.programs.iter().enumerate() {
        let mask = masks[i];
        let ranked = evaluate_with(program, profile, today, ctx.needs, mask);
        let bucket = match (ranked.verdict, ranked.fixes.is_empty()) {
            (Verdict::NotEligible, false) => 3,
            (Verdict::NotEligible, true) => 4,
            _ if ranked.timing.is_shut() => 2,
            _ if !ranked.serves_needs => 1,
            _ => 0,
        };
        let key = sort_key(&ranked, profile, &ctx, mask, if by_index { i } else { 0 });
        buckets[bucket].push((key, i as u32));
        all.push(Some(ranked));
    }
    let [fits, also_open, closed, near_misses, others] = buckets.map(|mut keys| {
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
        also_open,
        closed,
        near_misses,
        others,
        pathways: Vec::new(),
    };
    ranking.pathways = pathways(catalog, &ranking);
    ranking
}

/// The `priority_to` audiences that are preferences, not already rules: an audience the program
/// is reserved or restricted to (by `reserved_for`, a gender, a legal form, an area, a
/// residence, innovation or the informal stage) is not "a priority; others may apply too". The
/// card's priority note and the ranking read this.
pub fn real_priorities(program: &Program) -> impl Iterator<Item = Target> + '_ {
    use crate::catalog::{Area, Gender, LegalForm, Residence, StageKind};
    let c = &program.criteria;
    let only = |t: Target| match t {
        Target::Women => c.gender == Some(Gender::Female),
        Target::Rural => c.area == Some(Area::Rural),
        Target::Cooperatives => c.legal_forms == [LegalForm::Cooperative],
        Target::Diaspora => c.residence == [Residence::Abroad],
        Target::Innovative => c.innovative == Some(true),
        Target::Informal => c.stages == [StageKind::Informal],
        Target::Youth => false,
    };
    program.priority_to.iter().copied().filter(move |t| {
        !only(*t)
            && program
                .reserved_for
                .as_ref()
                .is_none_or(|a| !a.any_of.contains(t))
    })
}

/// One program for one holder, in one pass over its rules, allocating only for fixes.
pub fn evaluate<'a>(program: &'a Program, profile: &Profile, today: Date) -> Ranked<'a> {
    evaluate_with(
        program,
        profile,
        today,
        holder_needs(profile),
        need_mask(program),
    )
}

fn evaluate_with<'a>(
    program: &'a Program,
    profile: &Profile,
    today: Date,
    needs: Option<u8>,
    mask: u8,
) -> Ranked<'a> {
    let mut verdict = Verdict::Eligible;
    let mut fixable = true;
    let mut fixes: Vec<Fix> = Vec::new();
    let (mut met, mut rules) = (0u8, 0u8);
    let mut to_check = Kinds::default();
    let mut aimed = 0u8;
    visit(program, profile, today.year, |c| {
        rules = rules.saturating_add(1);
        match c.outcome {
            Outcome::Met => {
                met = met.saturating_add(1);
                aimed = aimed.saturating_add(u8::from(is_aimed(&c.reason, profile)));
            }
            Outcome::Unknown => {
                verdict = verdict.max(Verdict::Possible);
                to_check.insert(c.reason.criterion());
            }
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
        }
    });
    let fixes = if verdict == Verdict::NotEligible && fixable && !fixes.is_empty() {
        tidy(fixes)
    } else {
        Vec::new()
    };
    let partial = partial_cover(program, profile, mask);
    // A token cover does not answer the financing need (see `is_token`).
    let answered = if is_token(partial) {
        mask & !(1 << Need::Financing.index())
    } else {
        mask
    };
    let served = needs.map(|n| (n & answered).count_ones() as u8);
    Ranked {
        program,
        verdict,
        needs_served: served.unwrap_or(0),
        serves_needs: served.is_none_or(|n| n > 0),
        locality: Locality::of(program),
        priority: priority(program, profile),
        aimed,
        timing: Timing::of(program, today),
        met,
        rules,
        to_check,
        partial,
        fixes,
    }
}

/// How many programs fit now: the live count shown while answering.
pub fn count_fits(catalog: &Catalog, profile: &Profile, today: Date) -> usize {
    catalog
        .programs
        .iter()
        .filter(|p| {
            !Timing::of(p, today).is_shut()
                && verdict(p, profile, today.year) != Verdict::NotEligible
        })
        .count()
}

/// Pathways whose every step fits, or is a near-miss fixed by taking a status at an earlier step.
fn pathways<'a>(catalog: &'a Catalog, ranking: &Ranking<'a>) -> Vec<PathwayMatch<'a>> {
    let find = |id: &str| ranking.all().find(|r| r.program.id == id);
    let mut found = Vec::new();
    'pathway: for pathway in &catalog.pathways {
        let mut steps = Vec::new();
        let mut status_taken = false;
        for id in &pathway.steps {
            let Some(r) = find(id) else { continue 'pathway };
            if r.timing.is_shut() {
                continue 'pathway;
            }
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
