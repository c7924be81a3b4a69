//! Ranking a catalog for one profile: verdicts, the order an adviser would give (see
//! `docs/ranking.md`, the specification of this file), near-misses and pathways.

use crate::catalog::{Catalog, Date, Need, Pathway, Program, SupportKind, Target};

use super::check::{Check, CriterionKind, Outcome, explain, visit};
use super::order::{
    Context, holder_needs, is_aimed, is_token, need_mask, need_scores, needs_key, partial_cover,
    priorities, sort_key,
};
use super::profile::{Band, Profile};
pub use super::timing::{CLOSING_SOON_DAYS, Locality, Timing};
use super::verdict::{Fix, Verdict};

/// A set of criterion kinds, e.g. the rules still to check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Kinds(pub(super) u32);

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
#[derive(Clone, Debug)]
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

/// The same place of the same program. The program is compared by identity (the one in the
/// catalog ranked), not field by field: places in two copies of the catalog (two languages'
/// texts) differ, as what they show does, and the field-by-field comparison of programs (1.7 KB
/// of wasm) stays out of the browser.
impl PartialEq for Ranked<'_> {
    fn eq(&self, other: &Self) -> bool {
        // Every field named, so that a new one cannot be forgotten here.
        let Ranked {
            program,
            verdict,
            needs_served,
            serves_needs,
            locality,
            priority,
            aimed,
            timing,
            met,
            rules,
            to_check,
            partial,
            fixes,
        } = self;
        std::ptr::eq(*program, other.program)
            && *verdict == other.verdict
            && *needs_served == other.needs_served
            && *serves_needs == other.serves_needs
            && *locality == other.locality
            && *priority == other.priority
            && *aimed == other.aimed
            && *timing == other.timing
            && *met == other.met
            && *rules == other.rules
            && *to_check == other.to_check
            && *partial == other.partial
            && *fixes == other.fixes
    }
}

impl Eq for Ranked<'_> {}

impl Ranked<'_> {
    /// Eligible or possible, and taking applications (or about to).
    pub fn fits(&self) -> bool {
        self.verdict != Verdict::NotEligible && !self.timing.is_shut()
    }
}

/// A pathway whose programs the holder can take in order.
#[derive(Clone, Debug)]
pub struct PathwayMatch<'a> {
    pub pathway: &'a Pathway,
    pub steps: Vec<(&'a Program, Verdict)>,
}

/// The same pathway and steps of the same catalog: compared by identity, as [`Ranked`] is.
impl PartialEq for PathwayMatch<'_> {
    fn eq(&self, other: &Self) -> bool {
        let PathwayMatch { pathway, steps } = self;
        std::ptr::eq(*pathway, other.pathway)
            && steps.len() == other.steps.len()
            && steps
                .iter()
                .zip(&other.steps)
                .all(|((p, v), (q, w))| std::ptr::eq(*p, *q) && v == w)
    }
}

impl Eq for PathwayMatch<'_> {}

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

/// The tie-break's bits in a ranking key: catalogs of up to 2^26 programs.
pub(super) const TIE_MASK: u32 = (1 << 26) - 1;
/// The bits of a program's place in its group (see `order::sort_key`).
pub(super) const PLACE_BITS: u32 = 35;

/// Ranks every program of the catalog for `profile` on `today`. Deterministic: the same inputs
/// give the same order, ties broken by program id.
pub fn rank<'a>(catalog: &'a Catalog, profile: &Profile, today: Date) -> Ranking<'a> {
    let n = catalog.programs.len();
    let ctx = Context::new(catalog, profile);
    // One pass over the catalog, which is large: each program is evaluated and its key made,
    // all but the stated needs' weight, which needs every program's answers (`needs_key`).
    let mut keys: Vec<u64> = Vec::with_capacity(n);
    let mut masks: Vec<u8> = Vec::with_capacity(n);
    let mut all: Vec<Option<Ranked<'a>>> = Vec::with_capacity(n);
    let mut sizes = [0usize; 5];
    let mut sorted = true;
    for (i, program) in catalog.programs.iter().enumerate() {
        sorted &= i == 0 || catalog.programs[i - 1].id < program.id;
        let mask = need_mask(program);
        let (ranked, favoured) = evaluate_with(program, profile, today, ctx.needs, mask);
        let bucket = match (ranked.verdict, ranked.fixes.is_empty()) {
            (Verdict::NotEligible, false) => 3,
            (Verdict::NotEligible, true) => 4,
            _ if ranked.timing.is_shut() => 2,
            _ if !ranked.serves_needs => 1,
            _ => 0,
        };
        sizes[bucket] += 1;
        keys.push((bucket as u64) << PLACE_BITS | sort_key(&ranked, profile, &ctx, mask, favoured));
        masks.push(mask);
        all.push(Some(ranked));
    }
    // Ties are broken by id. A validated catalog is sorted by id, so a program's index is its
    // place in id order; any other catalog is put in id order here.
    let by_id: Option<Vec<u32>> = (!sorted).then(|| {
        let mut order: Vec<u32> = (0..n as u32).collect();
        super::small_sort_by(&mut order, |a, b| {
            catalog.programs[*a as usize].id < catalog.programs[*b as usize].id
        });
        order
    });
    let mut tie_of: Vec<u32> = Vec::new();
    if let Some(order) = &by_id {
        tie_of = vec![0; n];
        for (t, i) in order.iter().enumerate() {
            tie_of[*i as usize] = t as u32;
        }
    }
    // One integer per program: its group (3 bits), its place in the group (`sort_key`, 35
    // bits) and the tie-break (26 bits), so one sort of integers orders everything.
    let scores = need_scores(&masks);
    for (i, key) in keys.iter_mut().enumerate() {
        let (bucket, place) = (*key >> PLACE_BITS, *key & ((1 << PLACE_BITS) - 1));
        let place = place | needs_key(&scores, ctx.needs, masks[i]);
        let tie = tie_of.get(i).copied().unwrap_or(i as u32);
        *key = bucket << 61 | place << 26 | u64::from(tie & TIE_MASK);
    }
    // The keys are unique (the tie-break), so any sort gives this order. The browser ranks tens
    // of programs: a heapsort of a few hundred bytes there, where the standard unstable sort
    // weighs ~4 KB of wasm; native builds (100,000 programs in the bench) keep the faster one.
    #[cfg(target_arch = "wasm32")]
    super::heap_sort(&mut keys);
    #[cfg(not(target_arch = "wasm32"))]
    keys.sort_unstable();
    let mut groups = sizes.map(Vec::with_capacity);
    for key in keys {
        let tie = (key as u32 & TIE_MASK) as usize;
        let i = by_id.as_ref().map_or(tie, |order| order[tie] as usize);
        if let Some(ranked) = all[i].take() {
            groups[(key >> 61) as usize].push(ranked);
        }
    }
    let [fits, also_open, closed, near_misses, others] = groups;
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
    .0
}

pub(super) fn evaluate_with<'a>(
    program: &'a Program,
    profile: &Profile,
    today: Date,
    needs: Option<u8>,
    mask: u8,
) -> (Ranked<'a>, u8) {
    let mut verdict = Verdict::Eligible;
    let mut fixable = true;
    // The fixes as a set over `Fix`'s order of effort, so evaluating allocates nothing until
    // the list is made (see `Fix::bit`).
    let mut fix_bits = 0u8;
    let mut lower_to = 0u64;
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
                        Some(f) => {
                            if let Fix::LowerAmount { to } = f {
                                lower_to = to;
                            }
                            fix_bits |= f.bit();
                        }
                        None => fixable = false,
                    }
                }
            }
        }
    });
    let fixes = if verdict == Verdict::NotEligible && fixable {
        Fix::list(fix_bits, lower_to)
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
    // Every priority audience the holder belongs to counts as aimed at them in the order.
    let mut favoured = priorities(program, profile);
    let priority = favoured.next();
    let favoured = priority.map_or(0, |_| 1 + favoured.count() as u8);
    let ranked = Ranked {
        program,
        verdict,
        needs_served: served.unwrap_or(0),
        serves_needs: served.is_none_or(|n| n > 0),
        locality: Locality::of(program),
        priority,
        aimed,
        timing: Timing::of(program, today),
        met,
        rules,
        to_check,
        partial,
        fixes,
    };
    (ranked, favoured)
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
    pathways_with(catalog, |_, id| ranking.all().find(|r| r.program.id == id))
}

/// [`pathways`], finding the ranked program of step `s` of pathway `p` (its id is `id`) with
/// `find`: the first program of that id in the order shown.
pub(super) fn pathways_with<'a, 'r>(
    catalog: &'a Catalog,
    find: impl Fn((usize, usize), &str) -> Option<&'r Ranked<'a>>,
) -> Vec<PathwayMatch<'a>>
where
    'a: 'r,
{
    let mut found = Vec::new();
    'pathway: for (p, pathway) in catalog.pathways.iter().enumerate() {
        let mut steps = Vec::new();
        let mut status_taken = false;
        for (s, id) in pathway.steps.iter().enumerate() {
            let Some(r) = find((p, s), id) else {
                continue 'pathway;
            };
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
