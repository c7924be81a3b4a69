//! The order within a group of results (docs/ranking.md §3): each key and its reason. The
//! keys are packed in one integer so sorting a large catalog compares integers.

use crate::catalog::{
    Area, Catalog, Confidence, Need, Program, Residence, Sector, StageKind, Target,
};

use super::check::Reason;
use super::profile::{Band, Profile};
use super::rank::Ranked;
use super::verdict::{Fix, Verdict};

/// The needs a program answers, as a bit set over [`Need`].
pub(super) fn need_mask(program: &Program) -> u8 {
    program
        .kinds
        .iter()
        .fold(0, |m, k| m | 1 << k.need().index())
}

/// The holder's stated needs as a bit set; `None` when unknown or "nothing in particular"
/// (every program answers them).
pub(super) fn holder_needs(profile: &Profile) -> Option<u8> {
    let needs = profile.needs.as_ref().filter(|n| !n.is_empty())?;
    Some(needs.iter().fold(0, |m, n| m | 1 << n.index()))
}

fn bit(need: Need) -> u8 {
    1 << need.index()
}

/// What a financing program covers at most, when the holder asks for more: the most it
/// finances (`criteria.max_amount`), or else the most a holder can get (`amount.max`).
pub(super) fn partial_cover(program: &Program, profile: &Profile, mask: u8) -> Option<(u64, Band)> {
    let asked = profile.amount?;
    let most = program
        .criteria
        .max_amount
        .or(program.amount.and_then(|a| a.max))?;
    (mask & bit(Need::Financing) != 0 && asked.max > most).then_some((most, asked))
}

/// How much a need tells about the programs that answer it: the share of the catalog that does
/// not answer it, per mille. Coaching is part of most programs; market access and a legal
/// status are answered by few, so a program that answers them is the more specific answer.
pub(super) fn need_weights(masks: &[u8]) -> [u64; 5] {
    let mut answering = [0u64; 5];
    for &mask in masks {
        for (i, n) in answering.iter_mut().enumerate() {
            *n += u64::from(mask >> i & 1);
        }
    }
    let total = masks.len().max(1) as u64;
    answering.map(|n| 1 + 1000 * (total - n.min(total)) / total)
}

/// For each set of needs (indexed by the set): how many of them are rare (see [`RARE`]), and
/// their weight (see [`need_weights`]), for [`needs_key`].
pub(super) fn need_scores(masks: &[u8]) -> [u64; 32] {
    let weights = need_weights(masks);
    std::array::from_fn(|set| {
        let rare = (0..5)
            .filter(|i| set >> i & 1 == 1 && weights[*i] >= RARE)
            .count() as u64;
        rare << 16 | need_score(set as u8, &weights)
    })
}

/// A need answered by at most one program in ten is rare (weight 901 or more): a holder who
/// states it came for something few programs give (market access, a legal status).
const RARE: u64 = 901;

/// The fields of [`sort_key`] that need the whole catalog's answers, added once every
/// program is seen: how many rare stated needs a program answers (third field), and the
/// weight of the stated needs it answers (seventh field).
pub(super) fn needs_key(scores: &[u64; 32], needs: Option<u8>, mask: u8) -> u64 {
    let score = needs.map_or(0, |n| scores[usize::from(n & mask & 31)]);
    // At most 5 needs of weight at most 1001: below 2^13.
    let (rare, weight) = (score >> 16, (score & 0xffff).min(8191));
    (7 - rare.min(7)) << 28 | (8191 - weight) << 7
}

/// The weight of the stated needs a program answers (see [`need_weights`]).
fn need_score(answered: u8, weights: &[u64; 5]) -> u64 {
    (0..5)
        .filter(|i| answered >> i & 1 == 1)
        .map(|i| weights[i])
        .sum()
}

/// Every `priority_to` audience the holder is known to belong to: each counts as aimed at them.
pub(super) fn priorities<'p>(
    program: &'p Program,
    profile: &'p Profile,
) -> impl Iterator<Item = Target> + 'p {
    let youth = program
        .reserved_for
        .as_ref()
        .map(|a| (a.youth_min_age.unwrap_or(0), a.youth_max(), a.youth_max()))
        .unwrap_or((0, 35, 35));
    program
        .priority_to
        .iter()
        .copied()
        .filter(move |t| profile.in_audience(*t, youth) == Some(true))
}

/// A met rule that says who the program is for, narrowly enough to single the holder out:
/// a reserved audience, one gender, rural areas, one residence, innovation, at most two legal
/// forms, at most half of the sectors, a young running activity. "Companies, cooperatives,
/// auto-entrepreneurs or none" excludes almost no one and says nothing about the holder.
pub(super) fn is_aimed(reason: &Reason<'_>, profile: &Profile) -> bool {
    match reason {
        Reason::Audience { .. } | Reason::Gender { .. } | Reason::Innovative { .. } => true,
        // A rural product singles out rural holders; its urban twin is the default.
        Reason::Area { required, .. } => *required == Area::Rural,
        Reason::Residence { allowed, .. } => allowed.len() < Residence::ALL.len(),
        Reason::LegalForm { allowed, .. } => allowed.len() <= 2,
        Reason::Sector { allowed, .. } => allowed.len() * 2 <= Sector::ALL.len(),
        // "A young activity" singles out a young running business; every idea meets it.
        Reason::BusinessAge { max: Some(_), .. } => matches!(
            profile.stage,
            Some(StageKind::Running | StageKind::Informal)
        ),
        _ => false,
    }
}

/// For each provider and each handled program, how near its nearest desk is to the holder:
/// 0 serves their province, 1 serves or sits in their region, 2 none (national door only).
pub(super) struct NearDoors<'c> {
    pub(super) providers: Vec<(&'c str, u8)>,
    pub(super) handled: Vec<(&'c str, u8)>,
}

impl<'c> NearDoors<'c> {
    pub(super) fn new(catalog: &'c Catalog, profile: &Profile) -> NearDoors<'c> {
        let (region, province) = (profile.effective_region(), profile.province);
        let form = profile.effective_legal_form();
        let mut near = NearDoors {
            providers: Vec::new(),
            handled: Vec::new(),
        };
        if region.is_none() {
            return near;
        }
        for d in &catalog.desks {
            let level = if province.is_some_and(|p| d.serves_province(p)) {
                0
            } else if region.is_some_and(|r| d.serves_in_region(r)) {
                1
            } else {
                continue;
            };
            let for_holder = catalog.provider(&d.provider).is_none_or(|p| {
                p.for_legal_forms.is_empty() || form.is_none_or(|f| p.for_legal_forms.contains(&f))
            });
            let put = |list: &mut Vec<(&'c str, u8)>, key: &'c str| match list
                .iter_mut()
                .find(|(k, _)| *k == key)
            {
                Some((_, l)) => *l = (*l).min(level),
                None => list.push((key, level)),
            };
            if for_holder {
                put(&mut near.providers, &d.provider);
            }
            for h in &d.handles {
                put(&mut near.handled, h);
            }
        }
        near
    }

    fn level(&self, program: &Program) -> u64 {
        if self.providers.is_empty() && self.handled.is_empty() {
            return 2;
        }
        let of = |list: &[(&str, u8)], key: &str| {
            list.iter().find(|(k, _)| *k == key).map_or(2, |(_, l)| *l)
        };
        let own = std::iter::once(program.provider.as_str())
            .chain(program.delivered_by.iter().map(String::as_str))
            .map(|p| of(&self.providers, p))
            .min()
            .unwrap_or(2);
        u64::from(own.min(of(&self.handled, &program.id)))
    }
}

/// What one ranking shares across its programs, worked out once per ranking.
pub(super) struct Context<'c> {
    pub(super) place_known: bool,
    pub(super) needs: Option<u8>,
    /// A holder without a legal status who asks for one: programs giving a status are the
    /// first step, since most financing and public contracts need one.
    pub(super) wants_status: bool,
    pub(super) doors: NearDoors<'c>,
}

impl<'c> Context<'c> {
    pub(super) fn new(catalog: &'c Catalog, profile: &Profile) -> Context<'c> {
        let needs = holder_needs(profile);
        let f = bit(Need::Formalisation);
        Context {
            place_known: profile.effective_region().is_some(),
            needs,
            wants_status: needs.is_some_and(|n| n & f != 0)
                && profile.effective_legal_form() == Some(crate::catalog::LegalForm::None),
            doors: NearDoors::new(catalog, profile),
        }
    }
}

/// How the amount asked fits a program: 0 it covers the request (or at least half of it), or
/// the request lies within the projects it takes, or it gives no financing at all (the amount
/// says nothing about it); 1 unknown; 2 it covers less than half, a complement rather than an
/// answer.
fn amount_fit(r: &Ranked<'_>, profile: &Profile, mask: u8) -> u64 {
    if mask & bit(Need::Financing) == 0 {
        return 0;
    }
    let Some(asked) = profile.amount else {
        return 1;
    };
    let c = &r.program.criteria;
    let gives_most = c.max_amount.or(r.program.amount.and_then(|a| a.max));
    let takes_project = c.min_amount.is_some() || c.max_project_amount.is_some();
    match r.partial {
        Some((covers, asked)) if covers.saturating_mul(2) >= asked.min => 0,
        Some(_) => 2,
        None if gives_most.is_some() => 0,
        // A subsidy paying a share of an investment within the projects it takes.
        None if takes_project
            && c.min_amount.is_none_or(|m| asked.min >= m)
            && c.max_project_amount.is_none_or(|m| asked.max <= m) =>
        {
            0
        }
        None => 1,
    }
}

/// A financing program covering less than a tenth of the request answers nothing of it: it
/// is shown under "Also open to you", with what it covers.
pub(super) fn is_token(partial: Option<(u64, Band)>) -> bool {
    partial.is_some_and(|(covers, asked)| covers.saturating_mul(10) < asked.min)
}

/// The order within a group, packed in one integer so sorting compares integers (the ranking
/// adds the group above it and the tie-break below it). Most
/// significant first (docs/ranking.md gives the reason for each):
/// 1. near-misses only: the lightest fix;
/// 2. a first step: a status for a holder without one who asked for it;
/// 3. how many rare stated needs it answers (see [`needs_key`]);
/// 4. how local the program is, when the holder's place is known (national first when not);
/// 5. how the amount asked fits (see [`amount_fit`]);
/// 6. how closely it is aimed at the holder (narrow rules about who they are that they meet,
///    and a priority audience they belong to);
/// 7. the stated needs it answers, a specific need (few programs answer it) weighing more;
/// 8. how near its nearest desk is; 9. eligible before possible; 10. closing soon, open,
///    seasonal, announced; 11. confidence; 12. the tie-break (catalog order, which is id
///    order). 35 bits.
pub(super) fn sort_key(
    r: &Ranked<'_>,
    profile: &Profile,
    ctx: &Context<'_>,
    mask: u8,
    favoured: u8,
) -> u64 {
    let effort = r.fixes.first().map_or(0, |f| match f {
        Fix::RegisterAutoEntrepreneur => 0,
        Fix::Formalise => 1,
        Fix::LowerAmount { .. } => 2,
        Fix::CreateCooperative => 3,
        Fix::CreateCompany => 4,
    });
    let first_step = u64::from(!(ctx.wants_status && mask & bit(Need::Formalisation) != 0));
    let locality = if ctx.place_known {
        r.locality as u64
    } else {
        2 - r.locality as u64
    };
    let amount = amount_fit(r, profile, mask);
    let aimed = 15 - u64::from(r.aimed.saturating_add(favoured)).min(15);
    let door = ctx.doors.level(r.program);
    let verdict = u64::from(r.verdict != Verdict::Eligible);
    let confidence = u64::from(r.program.confidence == Confidence::Uncertain);
    // Most significant first, 35 bits in all (the width of each field in the comment).
    effort.min(7) << 32 // 3
        | first_step << 31 // 1
        // the rare stated needs, 3 bits: see `needs_key`
        | locality.min(3) << 26 // 2
        | amount.min(3) << 24 // 2
        | aimed << 20 // 4
        // the stated needs, 13 bits: see `needs_key`
        | door.min(3) << 5 // 2
        | verdict << 4 // 1
        | r.timing.order().min(7) << 1 // 3
        | confidence // 1
}
