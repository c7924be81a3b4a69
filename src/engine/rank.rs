//! Ranking a catalog for one profile: verdicts, the order an adviser would give (see
//! `docs/ranking.md`, the specification of this file), near-misses and pathways.

use crate::catalog::{
    Catalog, Confidence, Date, Need, Pathway, Program, Status, SupportKind, Target,
};

use super::check::{Check, CriterionKind, Outcome, explain, visit};
use super::profile::{Band, Profile};
use super::verdict::{Fix, Verdict, tidy};

/// How narrowly a program is bound to a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Locality {
    Province,
    Region,
    National,
}

impl Locality {
    pub fn of(program: &Program) -> Locality {
        if !program.criteria.provinces.is_empty() {
            Locality::Province
        } else if !program.criteria.regions.is_empty() {
            Locality::Region
        } else {
            Locality::National
        }
    }
}

/// Whether a program takes applications on the day of the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timing {
    /// Closes within [`CLOSING_SOON_DAYS`] days.
    ClosingSoon {
        closes: Date,
        days: u16,
    },
    Open,
    /// Calls open at intervals.
    Seasonal,
    /// Not yet open; `opens` when a source gives the day.
    Announced {
        opens: Option<Date>,
    },
    Paused,
    BudgetExhausted,
    /// Ended, with the closing date when known.
    Closed {
        closed: Option<Date>,
    },
}

pub const CLOSING_SOON_DAYS: i64 = 60;

impl Timing {
    pub fn of(program: &Program, today: Date) -> Timing {
        if let Some(closes) = program.closes
            && closes.days_until(today) > 0
        {
            return Timing::Closed {
                closed: Some(closes),
            };
        }
        match program.status {
            Status::Closed => Timing::Closed {
                closed: program.closes,
            },
            Status::BudgetExhausted => Timing::BudgetExhausted,
            Status::Paused => Timing::Paused,
            Status::Announced => match program.opens {
                Some(o) if o.days_until(today) >= 0 => Timing::Open,
                opens => Timing::Announced { opens },
            },
            Status::Open | Status::Seasonal => match program.closes {
                Some(c) if today.days_until(c) <= CLOSING_SOON_DAYS => Timing::ClosingSoon {
                    closes: c,
                    days: today.days_until(c).clamp(0, CLOSING_SOON_DAYS) as u16,
                },
                _ if program.status == Status::Seasonal => Timing::Seasonal,
                _ => Timing::Open,
            },
        }
    }

    /// Whether the program takes no applications now and may never again.
    pub fn is_shut(self) -> bool {
        matches!(
            self,
            Timing::Closed { .. } | Timing::BudgetExhausted | Timing::Paused
        )
    }

    fn order(self) -> u64 {
        match self {
            Timing::ClosingSoon { .. } => 0,
            Timing::Open => 1,
            Timing::Seasonal => 2,
            Timing::Announced { .. } => 3,
            _ => 4,
        }
    }
}

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

/// How many of the holder's stated needs a program serves; `None` when needs are unknown or
/// "nothing in particular" (every program serves them).
fn needs_served(program: &Program, profile: &Profile) -> Option<u8> {
    let needs = profile.needs.as_ref().filter(|n| !n.is_empty())?;
    Some(needs.iter().filter(|n| serves(program, **n)).count() as u8)
}

/// What a financing program covers at most, when the holder asks for more: the most it
/// finances (`criteria.max_amount`), or else the most a holder can get (`amount.max`).
fn partial_cover(program: &Program, profile: &Profile) -> Option<(u64, Band)> {
    let asked = profile.amount?;
    let gives_financing = program.kinds.iter().any(|k| k.need() == Need::Financing);
    let most = program
        .criteria
        .max_amount
        .or(program.amount.and_then(|a| a.max))?;
    (gives_financing && asked.max > most).then_some((most, asked))
}

fn serves(program: &Program, need: Need) -> bool {
    program.kinds.iter().any(|k| k.need() == need)
}

/// How much a need tells about the programs that answer it: the share of the catalog that does
/// not answer it, per mille. Coaching is part of most programs; market access and a legal
/// status are answered by few, so a program that answers them is the more specific answer.
fn need_weights(catalog: &Catalog) -> [u64; 5] {
    let mut answering = [0u64; 5];
    for p in &catalog.programs {
        for need in Need::ALL {
            if serves(p, *need) {
                answering[need.index()] += 1;
            }
        }
    }
    let total = catalog.programs.len().max(1) as u64;
    answering.map(|n| 1 + 1000 * (total - n.min(total)) / total)
}

/// The weight of the stated needs a program answers (see [`need_weights`]).
fn need_score(program: &Program, profile: &Profile, weights: &[u64; 5]) -> u64 {
    profile.needs.as_ref().map_or(0, |needs| {
        needs
            .iter()
            .filter(|n| serves(program, **n))
            .map(|n| weights[n.index()])
            .sum()
    })
}

/// A holder without a legal status who asks for one: programs giving a status are the first
/// step, since most financing and public contracts need one.
fn is_first_step(program: &Program, profile: &Profile) -> bool {
    profile.needs(Need::Formalisation) == Some(true)
        && profile.effective_legal_form() == Some(crate::catalog::LegalForm::None)
        && serves(program, Need::Formalisation)
}

/// The first `priority_to` audience the holder is known to belong to.
fn priority(program: &Program, profile: &Profile) -> Option<Target> {
    let youth = program
        .reserved_for
        .as_ref()
        .map(|a| (a.youth_min_age.unwrap_or(0), a.youth_max(), a.youth_max()))
        .unwrap_or((0, 35, 35));
    program
        .priority_to
        .iter()
        .copied()
        .find(|t| profile.in_audience(*t, youth) == Some(true))
}

/// How well the amount asked fits what a financing program gives: 0 inside, 1 unknown, 2 only
/// in part.
fn amount_fit(program: &Program, profile: &Profile) -> u64 {
    let gives_financing = program.kinds.iter().any(|k| k.need() == Need::Financing);
    match (profile.amount, program.amount, gives_financing) {
        (Some(asked), Some(given), true) => {
            let inside = given.max.is_none_or(|m| asked.max <= m)
                && given.min.is_none_or(|m| asked.min >= m);
            if inside { 0 } else { 2 }
        }
        _ => 1,
    }
}

/// Ranks every program of the catalog for `profile` on `today`. Deterministic: the same inputs
/// give the same order, ties broken by program id.
pub fn rank<'a>(catalog: &'a Catalog, profile: &Profile, today: Date) -> Ranking<'a> {
    // A validated catalog is sorted by id, so its index is the id order and ties can be broken
    // by comparing integers; any other catalog pays for string comparisons.
    let by_index = catalog.programs.windows(2).all(|w| w[0].id < w[1].id);
    let place_known = profile.effective_region().is_some();
    let weights = need_weights(catalog);
    let mut all: Vec<Option<Ranked<'a>>> = Vec::with_capacity(catalog.programs.len());
    let mut buckets: [Vec<(u64, u32)>; 5] = Default::default();
    for (i, program) in catalog.programs.iter().enumerate() {
        let ranked = evaluate(program, profile, today);
        let bucket = match (ranked.verdict, ranked.fixes.is_empty()) {
            (Verdict::NotEligible, false) => 3,
            (Verdict::NotEligible, true) => 4,
            _ if ranked.timing.is_shut() => 2,
            _ if !ranked.serves_needs => 1,
            _ => 0,
        };
        let key = sort_key(
            &ranked,
            profile,
            Order {
                place_known,
                weights: &weights,
            },
            if by_index { i } else { 0 },
        );
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

/// One program for one holder, in one pass over its rules, allocating only for fixes.
pub fn evaluate<'a>(program: &'a Program, profile: &Profile, today: Date) -> Ranked<'a> {
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
                if is_about_who(c.reason.criterion()) {
                    aimed = aimed.saturating_add(1);
                }
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
    let partial = partial_cover(program, profile);
    let served = needs_served(program, profile);
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

/// Rules that say who a program is for, rather than what it takes or where.
fn is_about_who(k: CriterionKind) -> bool {
    matches!(
        k,
        CriterionKind::Audience
            | CriterionKind::LegalForm
            | CriterionKind::Gender
            | CriterionKind::Area
            | CriterionKind::Residence
            | CriterionKind::Sector
            | CriterionKind::Innovative
            | CriterionKind::BusinessAge
    )
}

struct Order<'w> {
    place_known: bool,
    weights: &'w [u64; 5],
}

/// The order within a group, packed in one integer so sorting compares integers. Most
/// significant first (docs/ranking.md gives the reason for each):
/// 1. near-misses only: the lightest fix;
/// 2. a first step: a status for a holder without one who asked for it;
/// 3. how local the program is, when the holder's place is known (national first when not);
/// 4. the stated needs it answers, a specific need (few programs answer it) weighing more;
/// 5. how the amount asked fits what a financing program gives (whole, unknown, in part);
/// 6. how closely it is aimed at the holder (rules about who they are that they meet, and a
///    priority audience they belong to);
/// 7. eligible before possible; 8. closing soon, open, seasonal, announced; 9. confidence;
/// 10. the tie-break (catalog order, which is id order).
fn sort_key(r: &Ranked<'_>, profile: &Profile, order: Order<'_>, tie_break: usize) -> u64 {
    let effort = r.fixes.first().map_or(0, |f| match f {
        Fix::RegisterAutoEntrepreneur => 0,
        Fix::Formalise => 1,
        Fix::LowerAmount { .. } => 2,
        Fix::CreateCooperative => 3,
        Fix::CreateCompany => 4,
    });
    let first_step = u64::from(!is_first_step(r.program, profile));
    let locality = if order.place_known {
        r.locality as u64
    } else {
        2 - r.locality as u64
    };
    // At most 5 needs of weight at most 1001: below 2^13.
    let needs = 8191 - need_score(r.program, profile, order.weights).min(8191);
    let amount = amount_fit(r.program, profile);
    let aimed = 15 - (u64::from(r.aimed) + u64::from(r.priority.is_some())).min(15);
    let verdict = u64::from(r.verdict != Verdict::Eligible);
    let confidence = u64::from(r.program.confidence == Confidence::Uncertain);
    (effort << 61)
        | (first_step << 60)
        | (locality << 58)
        | (amount << 56)
        | (needs << 43)
        | (aimed << 39)
        | (verdict << 38)
        | (r.timing.order() << 35)
        | (confidence << 34)
        | (tie_break as u64 & 0xFFFF_FFFF)
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
