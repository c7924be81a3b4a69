//! Which offices a holder goes to for a program: the desks of its provider, of the providers
//! that deliver it, and those that handle it, that serve the holder's province, then region,
//! then the national or online door — never an unrelated provider's office, nor an office of
//! another province. The order and its reason are data; the UI and the CLI show the same doors.

use crate::catalog::{Catalog, Desk, Program, Province, Region};

use super::profile::Profile;

/// Why a desk is shown, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DoorReason {
    /// The desk serves the holder's province.
    ServesProvince(Province),
    /// The desk is the regional seat and serves the whole region.
    ServesRegion(Region),
    /// A desk in the holder's region, when none is known to serve their province or the whole
    /// region (or the province is not known).
    InRegion(Region),
    /// A national desk or an online service.
    National,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Door<'a> {
    pub desk: &'a Desk,
    pub why: DoorReason,
}

/// The doors for `program`, best first. Within the same reason, the program's own provider
/// comes first, then its `delivered_by` providers in their order, then desks that handle it.
pub fn doors<'a>(catalog: &'a Catalog, program: &Program, profile: &Profile) -> Vec<Door<'a>> {
    let region = profile.effective_region();
    let province = profile.province;
    let form = profile.effective_legal_form();
    let provider_rank = |d: &Desk| -> Option<usize> {
        if d.provider == program.provider {
            return Some(0);
        }
        if let Some(i) = program.delivered_by.iter().position(|p| *p == d.provider) {
            return Some(1 + i);
        }
        d.handles
            .contains(&program.id)
            .then_some(1 + program.delivered_by.len())
    };
    // A provider that serves only some legal forms (ODCo: cooperatives) is not a door for a
    // holder known to have another form.
    let open_to_holder = |d: &Desk| {
        catalog.provider(&d.provider).is_none_or(|p| {
            p.for_legal_forms.is_empty()
                || form.is_none_or(|f| p.for_legal_forms.contains(&f))
                || d.provider == program.provider
        })
    };
    let mut found: Vec<(DoorReason, usize, &'a Desk)> = Vec::new();
    for d in &catalog.desks {
        let Some(rank) = provider_rank(d) else {
            continue;
        };
        if !open_to_holder(d) {
            continue;
        }
        let why = if d.is_national() {
            Some(DoorReason::National)
        } else if let Some(p) = province.filter(|p| d.serves_province(*p) && !d.serves_region) {
            Some(DoorReason::ServesProvince(p))
        } else if let Some(r) = region.filter(|r| d.serves_region && d.region == Some(*r)) {
            Some(DoorReason::ServesRegion(r))
        } else {
            region
                .filter(|r| d.serves_in_region(*r))
                .map(DoorReason::InRegion)
        };
        if let Some(why) = why {
            found.push((why, rank, d));
        }
    }
    // Once a desk serves the holder's province or region, desks of other provinces are wrong
    // doors: keep "in your region" only when nothing better exists.
    let better = found.iter().any(|(w, ..)| {
        matches!(
            w,
            DoorReason::ServesProvince(_) | DoorReason::ServesRegion(_)
        )
    });
    if better && province.is_some() {
        found.retain(|(w, ..)| !matches!(w, DoorReason::InRegion(_)));
    }
    super::small_sort_by(&mut found, |a, b| (a.0, a.1, &a.2.id) < (b.0, b.1, &b.2.id));
    found
        .into_iter()
        .map(|(why, _, desk)| Door { desk, why })
        .collect()
}
