//! Evaluating one program's criteria against a profile. Each criterion gives a [`Check`]: an
//! outcome and a [`Reason`] carrying the rule and the holder's answer as data, which the UI
//! renders in the holder's language.

use crate::catalog::{
    Area, Audience, Criteria, Gender, LegalForm, Program, Province, Region, Residence, Sector,
    StageKind, Target,
};

use super::profile::{Band, Profile};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    Met,
    /// The holder has not answered the question this rule needs.
    Unknown,
    Unmet,
}

/// Which rule of [`Criteria`] a reason comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CriterionKind {
    Region,
    Province,
    Stage,
    LegalForm,
    BusinessAge,
    Age,
    Gender,
    Area,
    Residence,
    Sector,
    ExcludedSector,
    Innovative,
    Revenue,
    Jobs,
    Amount,
    ProjectAmount,
    Audience,
}

impl CriterionKind {
    pub const ALL: &'static [CriterionKind] = &[
        CriterionKind::Region,
        CriterionKind::Province,
        CriterionKind::Stage,
        CriterionKind::LegalForm,
        CriterionKind::BusinessAge,
        CriterionKind::Age,
        CriterionKind::Gender,
        CriterionKind::Area,
        CriterionKind::Residence,
        CriterionKind::Sector,
        CriterionKind::ExcludedSector,
        CriterionKind::Innovative,
        CriterionKind::Revenue,
        CriterionKind::Jobs,
        CriterionKind::Amount,
        CriterionKind::ProjectAmount,
        CriterionKind::Audience,
    ];
}

/// A rule and the holder's answer to it. Bounds are inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason<'a> {
    Region {
        allowed: &'a [Region],
        holder: Option<Region>,
    },
    Province {
        allowed: &'a [Province],
        holder: Option<Province>,
    },
    Stage {
        allowed: &'a [StageKind],
        holder: Option<StageKind>,
    },
    LegalForm {
        allowed: &'a [LegalForm],
        holder: Option<LegalForm>,
    },
    BusinessAge {
        min: Option<u8>,
        max: Option<u8>,
        holder: Option<u16>,
    },
    Age {
        min: Option<u8>,
        max: Option<u8>,
        holder: Option<u8>,
    },
    Gender {
        required: Gender,
        holder: Option<Gender>,
    },
    Area {
        required: Area,
        holder: Option<Area>,
    },
    Residence {
        allowed: &'a [Residence],
        holder: Option<Residence>,
    },
    Sector {
        allowed: &'a [Sector],
        holder: Option<Sector>,
    },
    ExcludedSector {
        excluded: &'a [Sector],
        holder: Option<Sector>,
    },
    Innovative {
        holder: Option<bool>,
    },
    Revenue {
        min: Option<u64>,
        max: Option<u64>,
        holder: Option<Band>,
    },
    Jobs {
        min: Option<u32>,
        max: Option<u32>,
        holder: Option<u32>,
    },
    /// `min`: the smallest investment the program takes (a rule). `max`: the most it finances,
    /// never a wall — a larger request is a partial fit (see [`Reason::partial_cover`]).
    Amount {
        min: Option<u64>,
        max: Option<u64>,
        holder: Option<Band>,
    },
    /// A cap on the project's own size, where a source sets one.
    ProjectAmount {
        max: u64,
        holder: Option<Band>,
    },
    /// Reserved for holders of at least one audience; `matched` is one the holder belongs to.
    Audience {
        audience: &'a Audience,
        matched: Option<Target>,
    },
}

impl Reason<'_> {
    pub fn criterion(&self) -> CriterionKind {
        match self {
            Reason::Region { .. } => CriterionKind::Region,
            Reason::Province { .. } => CriterionKind::Province,
            Reason::Stage { .. } => CriterionKind::Stage,
            Reason::LegalForm { .. } => CriterionKind::LegalForm,
            Reason::BusinessAge { .. } => CriterionKind::BusinessAge,
            Reason::Age { .. } => CriterionKind::Age,
            Reason::Gender { .. } => CriterionKind::Gender,
            Reason::Area { .. } => CriterionKind::Area,
            Reason::Residence { .. } => CriterionKind::Residence,
            Reason::Sector { .. } => CriterionKind::Sector,
            Reason::ExcludedSector { .. } => CriterionKind::ExcludedSector,
            Reason::Innovative { .. } => CriterionKind::Innovative,
            Reason::Revenue { .. } => CriterionKind::Revenue,
            Reason::Jobs { .. } => CriterionKind::Jobs,
            Reason::Amount { .. } => CriterionKind::Amount,
            Reason::ProjectAmount { .. } => CriterionKind::ProjectAmount,
            Reason::Audience { .. } => CriterionKind::Audience,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check<'a> {
    pub outcome: Outcome,
    pub reason: Reason<'a>,
}

/// The rules a program encodes, in the order checks are reported.
pub fn criterion_kinds(program: &Program) -> Vec<CriterionKind> {
    let mut kinds = Vec::new();
    visit(program, &Profile::default(), 2000, |check| {
        kinds.push(check.reason.criterion())
    });
    kinds
}

fn member<T: PartialEq>(allowed: &[T], holder: Option<T>) -> Outcome {
    match holder {
        None => Outcome::Unknown,
        Some(h) if allowed.contains(&h) => Outcome::Met,
        Some(_) => Outcome::Unmet,
    }
}

fn within<T: PartialOrd + Copy>(min: Option<T>, max: Option<T>, holder: Option<T>) -> Outcome {
    match holder {
        None => Outcome::Unknown,
        Some(h) if min.is_none_or(|m| h >= m) && max.is_none_or(|m| h <= m) => Outcome::Met,
        Some(_) => Outcome::Unmet,
    }
}

/// A rule on an amount the holder gave as a band: met only if it holds for the whole band,
/// unmet only if it fails for the whole band, "to check" otherwise.
fn within_band(min: Option<u64>, max: Option<u64>, holder: Option<Band>) -> Outcome {
    let Some(b) = holder else {
        return Outcome::Unknown;
    };
    if min.is_some_and(|m| b.max < m) || max.is_some_and(|m| b.min > m) {
        Outcome::Unmet
    } else if min.is_none_or(|m| b.min >= m) && max.is_none_or(|m| b.max <= m) {
        Outcome::Met
    } else {
        Outcome::Unknown
    }
}

fn audience(a: &Audience, p: &Profile) -> (Outcome, Option<Target>) {
    let youth = (
        a.youth_min_age.unwrap_or(0),
        a.youth_max(),
        a.youth_check_up_to(),
    );
    let mut outcome = Outcome::Unmet;
    for &t in &a.any_of {
        match p.in_audience(t, youth) {
            Some(true) => return (Outcome::Met, Some(t)),
            None => outcome = Outcome::Unknown,
            Some(false) => {}
        }
    }
    (outcome, None)
}

fn equal<T: PartialEq>(required: T, holder: Option<T>) -> Outcome {
    member(std::slice::from_ref(&required), holder)
}

/// Calls `f` with the check of every rule `criteria` encodes, without allocating: ranking runs
/// this for every program on every answer.
pub fn visit<'a>(program: &'a Program, p: &Profile, this_year: u16, f: impl FnMut(Check<'a>)) {
    visit_rules(
        &program.criteria,
        program.reserved_for.as_ref(),
        p,
        this_year,
        f,
    )
}

fn visit_rules<'a>(
    c: &'a Criteria,
    reserved_for: Option<&'a Audience>,
    p: &Profile,
    this_year: u16,
    mut f: impl FnMut(Check<'a>),
) {
    let mut emit = |outcome, reason| f(Check { outcome, reason });
    let region = p.effective_region();
    if let Some(a) = reserved_for {
        let (outcome, matched) = audience(a, p);
        emit(
            outcome,
            Reason::Audience {
                audience: a,
                matched,
            },
        );
    }
    if !c.regions.is_empty() {
        emit(
            member(&c.regions, region),
            Reason::Region {
                allowed: &c.regions,
                holder: region,
            },
        );
    }
    if !c.provinces.is_empty() {
        let outcome = match (p.province, region) {
            (Some(h), _) => member(&c.provinces, Some(h)),
            // The holder's region has none of the provinces: no need to know which one.
            (None, Some(r)) if c.provinces.iter().all(|q| q.region() != r) => Outcome::Unmet,
            _ => Outcome::Unknown,
        };
        emit(
            outcome,
            Reason::Province {
                allowed: &c.provinces,
                holder: p.province,
            },
        );
    }
    if !c.stages.is_empty() {
        emit(
            member(&c.stages, p.stage),
            Reason::Stage {
                allowed: &c.stages,
                holder: p.stage,
            },
        );
    }
    if !c.legal_forms.is_empty() {
        let form = p.effective_legal_form();
        emit(
            member(&c.legal_forms, form),
            Reason::LegalForm {
                allowed: &c.legal_forms,
                holder: form,
            },
        );
    }
    if c.min_business_age.is_some() || c.max_business_age.is_some() {
        let years = p.business_age(this_year);
        let (min, max) = (
            c.min_business_age.map(u16::from),
            c.max_business_age.map(u16::from),
        );
        emit(
            within(min, max, years),
            Reason::BusinessAge {
                min: c.min_business_age,
                max: c.max_business_age,
                holder: years,
            },
        );
    }
    if c.min_age.is_some() || c.max_age.is_some() {
        emit(
            within(c.min_age, c.max_age, p.age),
            Reason::Age {
                min: c.min_age,
                max: c.max_age,
                holder: p.age,
            },
        );
    }
    if let Some(g) = c.gender {
        emit(
            equal(g, p.gender),
            Reason::Gender {
                required: g,
                holder: p.gender,
            },
        );
    }
    if let Some(a) = c.area {
        emit(
            equal(a, p.area),
            Reason::Area {
                required: a,
                holder: p.area,
            },
        );
    }
    if !c.residence.is_empty() {
        emit(
            member(&c.residence, p.residence),
            Reason::Residence {
                allowed: &c.residence,
                holder: p.residence,
            },
        );
    }
    if !c.sectors.is_empty() {
        emit(
            member(&c.sectors, p.sector),
            Reason::Sector {
                allowed: &c.sectors,
                holder: p.sector,
            },
        );
    }
    if !c.excluded_sectors.is_empty() {
        let outcome = match p.sector {
            None => Outcome::Unknown,
            Some(s) if c.excluded_sectors.contains(&s) => Outcome::Unmet,
            Some(_) => Outcome::Met,
        };
        emit(
            outcome,
            Reason::ExcludedSector {
                excluded: &c.excluded_sectors,
                holder: p.sector,
            },
        );
    }
    if let Some(required) = c.innovative {
        emit(
            equal(required, p.innovative),
            Reason::Innovative {
                holder: p.innovative,
            },
        );
    }
    if c.min_revenue.is_some() || c.max_revenue.is_some() {
        let holder = p.effective_revenue();
        emit(
            within_band(c.min_revenue, c.max_revenue, holder),
            Reason::Revenue {
                min: c.min_revenue,
                max: c.max_revenue,
                holder,
            },
        );
    }
    if c.min_jobs.is_some() || c.max_jobs.is_some() {
        let holder = p.effective_jobs();
        emit(
            within(c.min_jobs, c.max_jobs, holder),
            Reason::Jobs {
                min: c.min_jobs,
                max: c.max_jobs,
                holder,
            },
        );
    }
    if c.min_amount.is_some() || c.max_amount.is_some() {
        // Only the minimum is a rule: a program giving less than asked funds part of it.
        let outcome = match (c.min_amount, p.amount) {
            (None, Some(_)) => Outcome::Met,
            (min, holder) => within_band(min, None, holder),
        };
        emit(
            outcome,
            Reason::Amount {
                min: c.min_amount,
                max: c.max_amount,
                holder: p.amount,
            },
        );
    }
    if let Some(max) = c.max_project_amount {
        emit(
            within_band(None, Some(max), p.amount),
            Reason::ProjectAmount {
                max,
                holder: p.amount,
            },
        );
    }
}

/// Every check of a program, for display.
pub fn explain<'a>(program: &'a Program, profile: &Profile, this_year: u16) -> Vec<Check<'a>> {
    let mut checks = Vec::new();
    visit(program, profile, this_year, |c| checks.push(c));
    checks
}
