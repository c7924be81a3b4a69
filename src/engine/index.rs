//! A compact index of a catalog's rules, built once per catalog, that ranks it for a profile
//! reading about a hundred contiguous bytes per program instead of the program records (close
//! to a kilobyte each, their lists scattered over the heap). Verdicts, rules met, rules to
//! check, fixes and the order's keys come from bit operations on the index; the reasons are
//! still made by [`explain`](super::explain) for the programs a card shows.
//!
//! [`rank`](super::rank) stays the reference: [`Index::rank`] gives exactly the same
//! [`Ranking`] (groups, order, verdicts, fixes, pathways), which property tests hold it to
//! (`tests/engine_index.rs`). A program the index cannot hold (more than 15 priority
//! audiences) is evaluated by the reference code.

use crate::catalog::{
    Area, Catalog, Confidence, Date, Gender, LegalForm, Need, Program, Residence, Sector,
    StageKind, Status, Target,
};

use super::check::CriterionKind as K;
use super::order::{Context, need_mask, need_scores, needs_key, sort_key};
use super::profile::{Band, Profile};
use super::rank::{Kinds, Ranked, Ranking, TIE_MASK, evaluate_with, pathways_with};
use super::timing::{Locality, Timing};
use super::verdict::{Fix, Verdict};

const fn k(kind: K) -> u32 {
    1 << kind as u32
}

/// Rules on numbers: read only when a program has one.
const NUMERIC: u32 =
    k(K::BusinessAge) | k(K::Age) | k(K::Revenue) | k(K::Jobs) | k(K::Amount) | k(K::ProjectAmount);

/// Unmet rules that a step can fix (see `verdict::fix_for`).
const FIXABLE: u32 = k(K::LegalForm) | k(K::Stage) | k(K::ProjectAmount);

const FINANCING: u8 = 1 << Need::Financing as u8;
const FORMALISATION: u8 = 1 << Need::Formalisation as u8;

// `flags` of a program's rules.
const UNCERTAIN: u8 = 1 << 2;
const GIVES_MOST: u8 = 1 << 3;
const TAKES_PROJECT: u8 = 1 << 4;
const NO_DATES: u8 = 1 << 5;
/// Evaluated by the reference code.
const SLOW: u8 = 1 << 6;

fn bits<T: Copy>(list: &[T], index: impl Fn(T) -> usize) -> u32 {
    list.iter().fold(0, |m, t| m | 1 << index(*t))
}

/// One program's rules, as bit sets over each vocabulary and plain bounds. Absent bounds are
/// the widest (0, the type's maximum): a rule is only checked when `present` says it exists.
#[derive(Clone, Copy, Debug)]
struct Rules {
    provinces: u128,
    revenue: [u64; 2],
    min_amount: u64,
    max_project: u64,
    /// What it finances at most (`criteria.max_amount`, else `amount.max`).
    gives_most: u64,
    /// Priority audiences in the program's order, 4 bits each (target + 1), at most 15.
    priority: u64,
    jobs: [u32; 2],
    /// The rules the program has, as [`Kinds`] bits.
    present: u32,
    /// Rules that say who the program is for narrowly (see `order::is_aimed`), when met.
    aimed: u32,
    door: u32,
    opens: Option<Date>,
    closes: Option<Date>,
    business: [u16; 2],
    regions: u16,
    /// The regions of its provinces.
    province_regions: u16,
    sectors: u16,
    excluded: u16,
    age: [u8; 2],
    stages: u8,
    forms: u8,
    residence: u8,
    gender: u8,
    area: u8,
    innovative: u8,
    /// `reserved_for.any_of`, and its youth bounds (from, up to, to check up to).
    audience: u8,
    youth: [u8; 3],
    /// Youth bounds for a priority audience (from, up to).
    priority_youth: [u8; 2],
    needs: u8,
    /// Locality in the two low bits, then the flags above.
    flags: u8,
    status: Status,
}

impl Rules {
    fn of(p: &Program, door: u32) -> Rules {
        let c = &p.criteria;
        let mut present = 0;
        let mut aimed = 0;
        let mut has = |kind: K, yes: bool, is_aimed: bool| {
            if yes {
                present |= k(kind);
                if is_aimed {
                    aimed |= k(kind);
                }
            }
        };
        has(K::Audience, p.reserved_for.is_some(), true);
        has(K::Region, !c.regions.is_empty(), false);
        has(K::Province, !c.provinces.is_empty(), false);
        has(K::Stage, !c.stages.is_empty(), false);
        has(
            K::LegalForm,
            !c.legal_forms.is_empty(),
            c.legal_forms.len() <= 2,
        );
        has(
            K::BusinessAge,
            c.min_business_age.is_some() || c.max_business_age.is_some(),
            c.max_business_age.is_some(),
        );
        has(K::Age, c.min_age.is_some() || c.max_age.is_some(), false);
        has(K::Gender, c.gender.is_some(), true);
        has(K::Area, c.area.is_some(), c.area == Some(Area::Rural));
        has(
            K::Residence,
            !c.residence.is_empty(),
            c.residence.len() < Residence::ALL.len(),
        );
        has(
            K::Sector,
            !c.sectors.is_empty(),
            c.sectors.len() * 2 <= Sector::ALL.len(),
        );
        has(K::ExcludedSector, !c.excluded_sectors.is_empty(), false);
        has(K::Innovative, c.innovative.is_some(), true);
        has(
            K::Revenue,
            c.min_revenue.is_some() || c.max_revenue.is_some(),
            false,
        );
        has(K::Jobs, c.min_jobs.is_some() || c.max_jobs.is_some(), false);
        has(
            K::Amount,
            c.min_amount.is_some() || c.max_amount.is_some(),
            false,
        );
        has(K::ProjectAmount, c.max_project_amount.is_some(), false);
        let gives_most = c.max_amount.or(p.amount.and_then(|a| a.max));
        let (audience, youth) = match &p.reserved_for {
            Some(a) => (
                bits(&a.any_of, |t| t as usize) as u8,
                [
                    a.youth_min_age.unwrap_or(0),
                    a.youth_max(),
                    a.youth_check_up_to(),
                ],
            ),
            None => (0, [0; 3]),
        };
        let priority_youth = match &p.reserved_for {
            Some(a) => [a.youth_min_age.unwrap_or(0), a.youth_max()],
            None => [0, 35],
        };
        let mut flags = Locality::of(p) as u8;
        let mut priority = 0u64;
        if p.priority_to.len() > 15 {
            flags |= SLOW;
        }
        for (i, t) in p.priority_to.iter().take(15).enumerate() {
            priority |= (*t as u64 + 1) << (4 * i);
        }
        let flag = |yes: bool, f: u8| if yes { f } else { 0 };
        flags |= flag(p.confidence == Confidence::Uncertain, UNCERTAIN)
            | flag(gives_most.is_some(), GIVES_MOST)
            | flag(
                c.min_amount.is_some() || c.max_project_amount.is_some(),
                TAKES_PROJECT,
            )
            | flag(
                p.opens.is_none() && p.closes.is_none() && p.status == Status::Open,
                NO_DATES,
            );
        Rules {
            provinces: c.provinces.iter().fold(0, |m, q| m | 1 << q.index()),
            revenue: [
                c.min_revenue.unwrap_or(0),
                c.max_revenue.unwrap_or(u64::MAX),
            ],
            min_amount: c.min_amount.unwrap_or(0),
            max_project: c.max_project_amount.unwrap_or(u64::MAX),
            gives_most: gives_most.unwrap_or(u64::MAX),
            priority,
            jobs: [c.min_jobs.unwrap_or(0), c.max_jobs.unwrap_or(u32::MAX)],
            present,
            aimed,
            door,
            opens: p.opens,
            closes: p.closes,
            business: [
                c.min_business_age.map_or(0, u16::from),
                c.max_business_age.map_or(u16::MAX, u16::from),
            ],
            regions: bits(&c.regions, |r| r.index()) as u16,
            province_regions: c
                .provinces
                .iter()
                .fold(0, |m, q| m | 1 << q.region().index()),
            sectors: bits(&c.sectors, |s| s.index()) as u16,
            excluded: bits(&c.excluded_sectors, |s| s.index()) as u16,
            age: [c.min_age.unwrap_or(0), c.max_age.unwrap_or(u8::MAX)],
            stages: bits(&c.stages, |s| s.index()) as u8,
            forms: bits(&c.legal_forms, |f| f.index()) as u8,
            residence: bits(&c.residence, |r| r.index()) as u8,
            gender: c.gender.map_or(0, |g| 1 << g.index()),
            area: c.area.map_or(0, |a| 1 << a.index()),
            innovative: c.innovative.map_or(0, |i| 1 << u8::from(i)),
            audience,
            youth,
            priority_youth,
            needs: need_mask(p),
            flags,
            status: p.status,
        }
    }
}

/// What one profile says, as bits over each vocabulary (0: not answered).
struct Holder {
    region: u16,
    /// Bit of the province.
    province: Option<u128>,
    stage: u8,
    form: Option<LegalForm>,
    form_bit: u8,
    business: Option<u16>,
    age: Option<u8>,
    gender: u8,
    area: u8,
    residence: u8,
    sector: u16,
    innovative: u8,
    revenue: Option<Band>,
    jobs: Option<u32>,
    amount: Option<Band>,
    /// The rules every program leaves "to check" for this holder, when it has them.
    unknown: u32,
    /// Rules that count as aimed at this holder when met (a young-activity rule only counts
    /// for a running or informal activity).
    aimed: u32,
    /// Audiences other than youth the holder is known to belong to, and those not known.
    targets: u8,
    targets_unknown: u8,
    informal: bool,
}

impl Holder {
    fn new(p: &Profile, this_year: u16) -> Holder {
        let bit8 = |i: Option<usize>| i.map_or(0, |i| 1u8 << i);
        let region = p.effective_region();
        let form = p.effective_legal_form();
        let business = p.business_age(this_year);
        let revenue = p.effective_revenue();
        let jobs = p.effective_jobs();
        let mut unknown = 0;
        let mut unknown_if = |kind: K, none: bool| {
            if none {
                unknown |= k(kind);
            }
        };
        unknown_if(K::Region, region.is_none());
        unknown_if(K::Stage, p.stage.is_none());
        unknown_if(K::LegalForm, form.is_none());
        unknown_if(K::BusinessAge, business.is_none());
        unknown_if(K::Age, p.age.is_none());
        unknown_if(K::Gender, p.gender.is_none());
        unknown_if(K::Area, p.area.is_none());
        unknown_if(K::Residence, p.residence.is_none());
        unknown_if(K::Sector, p.sector.is_none());
        unknown_if(K::ExcludedSector, p.sector.is_none());
        unknown_if(K::Innovative, p.innovative.is_none());
        unknown_if(K::Revenue, revenue.is_none());
        unknown_if(K::Jobs, jobs.is_none());
        unknown_if(K::Amount, p.amount.is_none());
        unknown_if(K::ProjectAmount, p.amount.is_none());
        let mut aimed = !0;
        if !matches!(p.stage, Some(StageKind::Running | StageKind::Informal)) {
            aimed &= !k(K::BusinessAge);
        }
        let (mut targets, mut targets_unknown) = (0u8, 0u8);
        for &t in Target::ALL {
            if t == Target::Youth {
                continue;
            }
            match p.in_audience(t, (0, 0, 0)) {
                Some(true) => targets |= 1 << t as u8,
                None => targets_unknown |= 1 << t as u8,
                Some(false) => {}
            }
        }
        Holder {
            region: region.map_or(0, |r| 1 << r.index()),
            province: p.province.map(|q| 1 << q.index()),
            stage: bit8(p.stage.map(StageKind::index)),
            form,
            form_bit: bit8(form.map(LegalForm::index)),
            business,
            age: p.age,
            gender: bit8(p.gender.map(Gender::index)),
            area: bit8(p.area.map(Area::index)),
            residence: bit8(p.residence.map(Residence::index)),
            sector: p.sector.map_or(0, |s| 1 << s.index()),
            innovative: bit8(p.innovative.map(usize::from)),
            revenue,
            jobs,
            amount: p.amount,
            unknown,
            aimed,
            targets,
            targets_unknown,
            informal: p.stage == Some(StageKind::Informal),
        }
    }
}

/// The bit of `kind` when `yes`.
#[inline(always)]
fn when(yes: bool, kind: K) -> u32 {
    u32::from(yes) << kind as u32
}

/// The bit of `kind` when the sets share a member.
#[inline(always)]
fn hit(allowed: u32, holder: u32, kind: K) -> u32 {
    when(allowed & holder != 0, kind)
}

/// A rule on an amount given as a band (see `check::within_band`), when the program has it and
/// the holder answered: the bit of `kind` in the met rules, or else in the unknown ones.
#[inline(always)]
fn band_bits(present: u32, kind: K, min: u64, max: u64, holder: Option<Band>) -> (u32, u32) {
    match holder {
        Some(b) if present & k(kind) != 0 && !(b.max < min || b.min > max) => {
            let met = b.min >= min && b.max <= max;
            (when(met, kind), when(!met, kind))
        }
        _ => (0, 0),
    }
}

/// One program's evaluation, before its record is made.
#[derive(Clone, Copy)]
struct Eval {
    verdict: Verdict,
    met: u8,
    rules: u8,
    aimed: u8,
    served: u8,
    serves: bool,
    partial: bool,
    fixes: u8,
    priority: Option<Target>,
    locality: Locality,
    to_check: u32,
    timing: Timing,
}

/// The index of one catalog: build it once ([`Index::new`]), rank with it for every answer.
pub struct Index<'a> {
    catalog: &'a Catalog,
    rules: Vec<Rules>,
    /// Programs evaluated by the reference code.
    slow: Vec<u32>,
    /// The tie-break of each program (its place in id order), when the catalog is not sorted
    /// by id, and the program at each place.
    tie_of: Vec<u32>,
    by_id: Option<Vec<u32>>,
    /// The weight of each set of needs (see `order::need_scores`).
    scores: [u64; 32],
    /// The providers whose desks are a program's (its own, then those delivering it), one
    /// entry per distinct list; `Rules::door` points here.
    door_groups: Vec<Vec<&'a str>>,
    /// Program ids, sorted, with their programs: for the desks that handle programs.
    ids: Vec<(&'a str, u32)>,
    /// Whether every id is unique (pathways then find a step's program by index).
    unique_ids: bool,
    /// Each pathway's steps, as programs.
    steps: Vec<Vec<Option<u32>>>,
}

impl<'a> Index<'a> {
    pub fn new(catalog: &'a Catalog) -> Index<'a> {
        let programs = &catalog.programs;
        let n = programs.len();
        let mut door_groups: Vec<Vec<&'a str>> = Vec::new();
        let mut rules = Vec::with_capacity(n);
        let mut slow = Vec::new();
        let mut masks = Vec::with_capacity(n);
        for (i, p) in programs.iter().enumerate() {
            let group: Vec<&'a str> = std::iter::once(p.provider.as_str())
                .chain(p.delivered_by.iter().map(String::as_str))
                .collect();
            // Catalogs have few providers: the last groups are the likeliest.
            let door = match door_groups.iter().rposition(|g| *g == group) {
                Some(d) => d,
                None => {
                    door_groups.push(group);
                    door_groups.len() - 1
                }
            };
            let r = Rules::of(p, door as u32);
            if r.flags & SLOW != 0 {
                slow.push(i as u32);
            }
            masks.push(r.needs);
            rules.push(r);
        }
        let sorted = programs.windows(2).all(|w| w[0].id < w[1].id);
        let (mut tie_of, mut by_id) = (Vec::new(), None);
        if !sorted {
            let mut order: Vec<u32> = (0..n as u32).collect();
            order.sort_by(|a, b| programs[*a as usize].id.cmp(&programs[*b as usize].id));
            tie_of = vec![0; n];
            for (t, i) in order.iter().enumerate() {
                tie_of[*i as usize] = t as u32;
            }
            by_id = Some(order);
        }
        let mut ids: Vec<(&'a str, u32)> = programs
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i as u32))
            .collect();
        ids.sort_unstable();
        let unique_ids = ids.windows(2).all(|w| w[0].0 != w[1].0);
        let find = |id: &str| {
            let at = ids.partition_point(|(x, _)| *x < id);
            ids.get(at).filter(|(x, _)| *x == id).map(|(_, i)| *i)
        };
        let steps = catalog
            .pathways
            .iter()
            .map(|p| p.steps.iter().map(|id| find(id)).collect())
            .collect();
        Index {
            catalog,
            rules,
            slow,
            tie_of,
            by_id,
            scores: need_scores(&masks),
            door_groups,
            ids,
            unique_ids,
            steps,
        }
    }

    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// The programs of `id`.
    fn programs_of(&self, id: &str) -> &[(&'a str, u32)] {
        let from = self.ids.partition_point(|(x, _)| *x < id);
        let to = self.ids.partition_point(|(x, _)| *x <= id);
        &self.ids[from..to]
    }

    /// How near each program's nearest desk is (see `order::NearDoors`), or `None` when no
    /// desk is near (every program then has level 2).
    fn doors(&self, ctx: &Context<'a>) -> Option<Vec<u8>> {
        let near = &ctx.doors;
        if near.providers.is_empty() && near.handled.is_empty() {
            return None;
        }
        let of = |list: &[(&str, u8)], key: &str| {
            list.iter().find(|(k, _)| *k == key).map_or(2, |(_, l)| *l)
        };
        let groups: Vec<u8> = self
            .door_groups
            .iter()
            .map(|g| g.iter().map(|p| of(&near.providers, p)).min().unwrap_or(2))
            .collect();
        let mut levels: Vec<u8> = self.rules.iter().map(|r| groups[r.door as usize]).collect();
        for (id, level) in &near.handled {
            for (_, i) in self.programs_of(id) {
                let l = &mut levels[*i as usize];
                *l = (*l).min(*level);
            }
        }
        Some(levels)
    }

    /// Ranks the catalog for `profile` on `today`: the same [`Ranking`] as
    /// [`rank`](super::rank).
    pub fn rank(&self, profile: &Profile, today: Date) -> Ranking<'a> {
        let programs = &self.catalog.programs;
        let n = self.rules.len();
        let ctx = Context::new(self.catalog, profile);
        let h = Holder::new(profile, today.year);
        let doors = self.doors(&ctx);
        // The stated needs' part of the key, for each set of needs a program answers.
        let needs_keys: [u64; 32] =
            std::array::from_fn(|m| needs_key(&self.scores, ctx.needs, m as u8));
        let mut evals: Vec<Eval> = Vec::with_capacity(n);
        let mut keys: Vec<u64> = Vec::with_capacity(n);
        let mut slow: Vec<Option<Ranked<'a>>> = Vec::with_capacity(self.slow.len());
        let mut sizes = [0usize; 5];
        for (i, r) in self.rules.iter().enumerate() {
            let (bucket, place, eval) = if r.flags & SLOW != 0 {
                let p = &programs[i];
                let (ranked, favoured) = evaluate_with(p, profile, today, ctx.needs, r.needs);
                let bucket = bucket(
                    ranked.verdict,
                    !ranked.fixes.is_empty(),
                    ranked.timing,
                    ranked.serves_needs,
                );
                let place = sort_key(&ranked, profile, &ctx, r.needs, favoured);
                slow.push(Some(ranked));
                (bucket, place, None)
            } else {
                let door = doors.as_ref().map_or(2, |d| d[i]);
                let (e, place) = self.evaluate(r, &h, &ctx, today, door);
                let bucket = bucket(e.verdict, e.fixes != 0, e.timing, e.serves);
                (bucket, place, Some(e))
            };
            sizes[bucket] += 1;
            let place = place | needs_keys[usize::from(r.needs & 31)];
            let tie = self.tie_of.get(i).copied().unwrap_or(i as u32);
            keys.push((bucket as u64) << 61 | place << 26 | u64::from(tie & TIE_MASK));
            if let Some(e) = eval {
                evals.push(e);
            } else {
                evals.push(Eval {
                    verdict: Verdict::NotEligible,
                    met: 0,
                    rules: 0,
                    aimed: 0,
                    served: 0,
                    serves: false,
                    partial: false,
                    fixes: 0,
                    priority: None,
                    locality: Locality::National,
                    to_check: 0,
                    timing: Timing::Open,
                });
            }
        }
        sort(&mut keys);
        // Where each program is shown, for pathways.
        let track = !self.catalog.pathways.is_empty() && self.unique_ids;
        let mut at: Vec<(u8, u32)> = vec![(0, 0); if track { n } else { 0 }];
        // The keys are in group order: each group is one run of them, made in one pass.
        let mut from = 0;
        let groups: [Vec<Ranked<'a>>; 5] = std::array::from_fn(|g| {
            let run = &keys[from..from + sizes[g]];
            from += sizes[g];
            run.iter()
                .enumerate()
                .map(|(j, key)| {
                    let tie = (*key as u32 & TIE_MASK) as usize;
                    let i = self.by_id.as_ref().map_or(tie, |order| order[tie] as usize);
                    if track {
                        at[i] = (g as u8, j as u32);
                    }
                    if self.rules[i].flags & SLOW == 0 {
                        return self.ranked(i, &evals[i], &h);
                    }
                    let s = self.slow.partition_point(|x| (*x as usize) < i);
                    // Each program has one key: its record is there.
                    slow[s]
                        .take()
                        .unwrap_or_else(|| super::evaluate(&programs[i], profile, today))
                })
                .collect()
        });
        let [fits, also_open, closed, near_misses, others] = groups;
        let mut ranking = Ranking {
            fits,
            also_open,
            closed,
            near_misses,
            others,
            pathways: Vec::new(),
        };
        if !self.catalog.pathways.is_empty() {
            let lists = [
                &ranking.fits,
                &ranking.also_open,
                &ranking.closed,
                &ranking.near_misses,
                &ranking.others,
            ];
            ranking.pathways = if self.unique_ids {
                pathways_with(self.catalog, |(p, s), _| {
                    let i = self.steps[p][s]? as usize;
                    let (g, j) = at[i];
                    lists[usize::from(g)].get(j as usize)
                })
            } else {
                pathways_with(self.catalog, |_, id| {
                    lists
                        .iter()
                        .flat_map(|l| l.iter())
                        .find(|r| r.program.id == id)
                })
            };
        }
        ranking
    }

    /// One program's verdict, counts, fixes and place in its group (`order::sort_key` without
    /// the stated needs' weight), from its rules.
    fn evaluate(
        &self,
        r: &Rules,
        h: &Holder,
        ctx: &Context<'_>,
        today: Date,
        door: u8,
    ) -> (Eval, u64) {
        let present = r.present;
        let mut unknown = present & h.unknown;
        let mut met = hit(r.regions.into(), h.region.into(), K::Region)
            | hit(r.stages.into(), h.stage.into(), K::Stage)
            | hit(r.forms.into(), h.form_bit.into(), K::LegalForm)
            | hit(r.gender.into(), h.gender.into(), K::Gender)
            | hit(r.area.into(), h.area.into(), K::Area)
            | hit(r.residence.into(), h.residence.into(), K::Residence)
            | hit(r.sectors.into(), h.sector.into(), K::Sector)
            | hit(r.innovative.into(), h.innovative.into(), K::Innovative);
        if h.sector != 0 && r.excluded & h.sector == 0 {
            met |= k(K::ExcludedSector);
        }
        if present & k(K::Province) != 0 {
            match h.province {
                Some(q) if r.provinces & q != 0 => met |= k(K::Province),
                Some(_) => {}
                None if h.region != 0 && r.province_regions & h.region == 0 => {}
                None => unknown |= k(K::Province),
            }
        }
        if present & k(K::Audience) != 0 {
            let [min, max, check] = r.youth;
            let youth = if r.audience & 1 << Target::Youth as u8 == 0 {
                Some(false)
            } else {
                match h.age {
                    None => None,
                    Some(a) if a < min || a > check => Some(false),
                    Some(a) if a <= max => Some(true),
                    Some(_) => None,
                }
            };
            if r.audience & h.targets != 0 || youth == Some(true) {
                met |= k(K::Audience);
            } else if r.audience & h.targets_unknown != 0 || youth.is_none() {
                unknown |= k(K::Audience);
            }
        }
        if present & NUMERIC != 0 {
            if let Some(y) = h.business {
                met |= when(r.business[0] <= y && y <= r.business[1], K::BusinessAge);
            }
            if let Some(a) = h.age {
                met |= when(r.age[0] <= a && a <= r.age[1], K::Age);
            }
            if let Some(j) = h.jobs {
                met |= when(r.jobs[0] <= j && j <= r.jobs[1], K::Jobs);
            }
            for (m, u) in [
                band_bits(present, K::Revenue, r.revenue[0], r.revenue[1], h.revenue),
                band_bits(present, K::Amount, r.min_amount, u64::MAX, h.amount),
                band_bits(present, K::ProjectAmount, 0, r.max_project, h.amount),
            ] {
                met |= m;
                unknown |= u;
            }
        }
        met &= present;
        let unmet = present & !met & !unknown;
        let verdict = if unmet != 0 {
            Verdict::NotEligible
        } else if unknown != 0 {
            Verdict::Possible
        } else {
            Verdict::Eligible
        };
        let fixes = if unmet != 0 && unmet & !FIXABLE == 0 {
            self.fixes(r, h, unmet)
        } else {
            0
        };
        let aimed = (met & r.aimed & h.aimed).count_ones() as u8;
        // Partial funding and the needs it answers (see `order::partial_cover`, `is_token`).
        let financing = r.needs & FINANCING != 0;
        let partial = financing
            && r.flags & GIVES_MOST != 0
            && h.amount.is_some_and(|a| a.max > r.gives_most);
        let token = partial
            && h.amount
                .is_some_and(|a| r.gives_most.saturating_mul(10) < a.min);
        let answered = if token { r.needs & !FINANCING } else { r.needs };
        let served = ctx.needs.map(|n| (n & answered).count_ones() as u8);
        let (priority, favoured) = if r.priority == 0 {
            (None, 0)
        } else {
            self.priorities(r, h)
        };
        let timing = if r.flags & NO_DATES != 0 {
            Timing::Open
        } else {
            Timing::at(r.status, r.opens, r.closes, today)
        };
        let e = Eval {
            locality: match r.flags & 3 {
                0 => Locality::Province,
                1 => Locality::Region,
                _ => Locality::National,
            },
            verdict,
            met: met.count_ones() as u8,
            rules: present.count_ones() as u8,
            aimed,
            served: served.unwrap_or(0),
            serves: served.is_none_or(|n| n > 0),
            partial,
            fixes,
            priority,
            to_check: unknown,
            timing,
        };
        // The place in the group: `order::sort_key`, field by field.
        let effort = if fixes == 0 {
            0
        } else {
            u64::from(Fix::list_bits(fixes).trailing_zeros())
        };
        let first_step = u64::from(!(ctx.wants_status && r.needs & FORMALISATION != 0));
        let locality = u64::from(r.flags & 3);
        let locality = if ctx.place_known {
            locality
        } else {
            2 - locality
        };
        let amount = if !financing {
            0
        } else if let Some(asked) = h.amount {
            if partial {
                if r.gives_most.saturating_mul(2) >= asked.min {
                    0
                } else {
                    2
                }
            } else if r.flags & GIVES_MOST != 0
                || (r.flags & TAKES_PROJECT != 0
                    && asked.min >= r.min_amount
                    && asked.max <= r.max_project)
            {
                0
            } else {
                1
            }
        } else {
            1
        };
        let aimed = 15 - u64::from(aimed.saturating_add(favoured)).min(15);
        let key = effort.min(7) << 32
            | first_step << 31
            | locality.min(3) << 26
            | amount << 24
            | aimed << 20
            | u64::from(door.min(3)) << 5
            | u64::from(verdict != Verdict::Eligible) << 4
            | timing.order().min(7) << 1
            | u64::from(r.flags & UNCERTAIN != 0);
        (e, key)
    }

    /// The fixes of a not-eligible program whose unmet rules can all be fixed, as `Fix` bits;
    /// 0 when one of them cannot (see `verdict::fix_for`).
    fn fixes(&self, r: &Rules, h: &Holder, unmet: u32) -> u8 {
        let mut bits = 0;
        if unmet & k(K::LegalForm) != 0 {
            let fix = super::verdict::legal_form_fix(h.form, |f: LegalForm| {
                r.forms & 1 << f.index() != 0
            });
            match fix {
                Some(f) => bits |= f.bit(),
                None => return 0,
            }
        }
        if unmet & k(K::Stage) != 0 {
            let later = 1 << StageKind::Running.index() | 1 << StageKind::Creating.index();
            if h.informal && r.stages & later != 0 {
                bits |= Fix::Formalise.bit();
            } else {
                return 0;
            }
        }
        if unmet & k(K::ProjectAmount) != 0 {
            bits |= Fix::LowerAmount { to: 0 }.bit();
        }
        bits
    }

    /// The first priority audience the holder belongs to, and how many entries they match.
    fn priorities(&self, r: &Rules, h: &Holder) -> (Option<Target>, u8) {
        let [min, max] = r.priority_youth;
        let young = h.age.is_some_and(|a| a >= min && a <= max);
        let (mut first, mut count) = (None, 0u8);
        let mut list = r.priority;
        while list != 0 {
            let t = Target::ALL[(list & 15) as usize - 1];
            list >>= 4;
            let belongs = if t == Target::Youth {
                young
            } else {
                h.targets & 1 << t as u8 != 0
            };
            if belongs {
                first = first.or(Some(t));
                count += 1;
            }
        }
        (first, count)
    }

    /// The record of program `i`: its rules are read again only for partial funding or fixes.
    fn ranked(&self, i: usize, e: &Eval, h: &Holder) -> Ranked<'a> {
        Ranked {
            program: &self.catalog.programs[i],
            verdict: e.verdict,
            needs_served: e.served,
            serves_needs: e.serves,
            locality: e.locality,
            priority: e.priority,
            aimed: e.aimed,
            timing: e.timing,
            met: e.met,
            rules: e.rules,
            to_check: Kinds(e.to_check),
            partial: if e.partial {
                h.amount.map(|a| (self.rules[i].gives_most, a))
            } else {
                None
            },
            fixes: if e.fixes == 0 {
                Vec::new()
            } else {
                Fix::list(e.fixes, self.rules[i].max_project)
            },
        }
    }
}

/// The group of a program (see `rank`): fits, also open, closed, near-misses, others.
fn bucket(verdict: Verdict, fixes: bool, timing: Timing, serves: bool) -> usize {
    match (verdict, fixes) {
        (Verdict::NotEligible, true) => 3,
        (Verdict::NotEligible, false) => 4,
        _ if timing.is_shut() => 2,
        _ if !serves => 1,
        _ => 0,
    }
}

/// Sorts distinct keys: a radix sort by bytes for large catalogs, skipping the bytes every
/// key shares; a comparison sort for small ones.
fn sort(keys: &mut Vec<u64>) {
    let n = keys.len();
    if n < 1024 {
        keys.sort_unstable();
        return;
    }
    // Only the bytes in which keys differ are sorted on.
    let (any, all) = keys.iter().fold((0, !0), |(o, a), k| (o | k, a & k));
    let digits: Vec<usize> = (0..8)
        .filter(|d| (any ^ all) >> (8 * d) & 255 != 0)
        .collect();
    let mut counts = vec![[0u32; 256]; digits.len()];
    for &key in keys.iter() {
        for (d, c) in digits.iter().zip(counts.iter_mut()) {
            c[(key >> (8 * d)) as u8 as usize] += 1;
        }
    }
    let (mut from, mut to) = (std::mem::take(keys), vec![0u64; n]);
    for (d, c) in digits.iter().zip(counts.iter_mut()) {
        let mut sum = 0;
        for x in c.iter_mut() {
            let here = *x;
            *x = sum;
            sum += here;
        }
        for &key in &from {
            let b = &mut c[(key >> (8 * d)) as u8 as usize];
            to[*b as usize] = key;
            *b += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    *keys = from;
}

thread_local! {
    /// The index of the last catalog ranked by [`rank_static`].
    static LAST: std::cell::RefCell<Option<std::rc::Rc<Index<'static>>>> =
        const { std::cell::RefCell::new(None) };
}

/// Ranks a catalog that lives as long as the program (the app's) with its index, built on the
/// first ranking of that catalog and kept for the next ones. A `'static` catalog can never
/// change, so its address identifies it. Same result as [`rank`](super::rank).
pub fn rank_static(catalog: &'static Catalog, profile: &Profile, today: Date) -> Ranking<'static> {
    let index = LAST.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some(i) if std::ptr::eq(i.catalog, catalog) => i.clone(),
            _ => {
                let i = std::rc::Rc::new(Index::new(catalog));
                *last = Some(i.clone());
                i
            }
        }
    });
    index.rank(profile, today)
}
