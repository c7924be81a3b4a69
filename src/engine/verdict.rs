//! From checks to a verdict, and from unmet checks to the steps that would fix them.

use crate::catalog::{LegalForm, StageKind};

use super::check::{Check, Outcome, Reason};

/// Ordered best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Every rule is met.
    Eligible,
    /// No rule is unmet, some could not be checked.
    Possible,
    /// At least one rule is unmet.
    NotEligible,
}

impl Verdict {
    pub fn from_outcomes(mut outcomes: impl Iterator<Item = Outcome>) -> Verdict {
        outcomes
            .try_fold(Verdict::Eligible, |v, o| match o {
                Outcome::Unmet => Err(Verdict::NotEligible),
                Outcome::Unknown => Ok(Verdict::Possible),
                Outcome::Met => Ok(v),
            })
            .unwrap_or_else(|v| v)
    }
}

/// A step the holder can take so that an unmet rule becomes met, declared in order of effort:
/// registering as auto-entrepreneur is done online in days; a cooperative needs five members
/// (law 112-12); a company needs statutes, capital and a registry entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fix {
    /// Register as auto-entrepreneur (the status asks little: a natural person, a revenue ceiling).
    RegisterAutoEntrepreneur,
    /// Bring an informal activity into the formal economy.
    Formalise,
    /// Keep the project within this size, MAD (a program that caps the project itself).
    LowerAmount {
        to: u64,
    },
    CreateCooperative,
    CreateCompany,
}

impl Fix {
    /// This fix in a set of fixes held as bits, in order of effort.
    pub(crate) fn bit(self) -> u8 {
        1 << match self {
            Fix::RegisterAutoEntrepreneur => 0,
            Fix::Formalise => 1,
            Fix::LowerAmount { .. } => 2,
            Fix::CreateCooperative => 3,
            Fix::CreateCompany => 4,
        }
    }

    /// The bits of the fixes [`Fix::list`] gives: formalising says registering already.
    pub(crate) fn list_bits(mut bits: u8) -> u8 {
        if bits & Fix::Formalise.bit() != 0 {
            bits &= !Fix::RegisterAutoEntrepreneur.bit();
        }
        bits
    }

    /// The fixes of a set of bits (see [`Fix::bit`]), in order of effort. Formalising an
    /// informal activity is done by taking a status: registering as auto-entrepreneur is not
    /// said again beside it.
    pub(crate) fn list(bits: u8, lower_to: u64) -> Vec<Fix> {
        let bits = Fix::list_bits(bits);
        let mut list = Vec::with_capacity(bits.count_ones() as usize);
        list.extend(
            [
                Fix::RegisterAutoEntrepreneur,
                Fix::Formalise,
                Fix::LowerAmount { to: lower_to },
                Fix::CreateCooperative,
                Fix::CreateCompany,
            ]
            .into_iter()
            .filter(|f| bits & f.bit() != 0),
        );
        list
    }
}

/// The fix for one unmet check, when the holder can change what the rule looks at and the
/// change is a realistic step from where they stand: a holder without status can take any
/// status (the lightest first); an auto-entrepreneur can grow into a company; a cooperative,
/// an association or a company is not told to become something else.
pub fn fix_for(check: &Check<'_>) -> Option<Fix> {
    if check.outcome != Outcome::Unmet {
        return None;
    }
    match check.reason {
        Reason::LegalForm { allowed, holder } => legal_form_fix(holder, |f| allowed.contains(&f)),
        Reason::Stage {
            allowed,
            holder: Some(StageKind::Informal),
        } if allowed
            .iter()
            .any(|s| matches!(s, StageKind::Running | StageKind::Creating)) =>
        {
            Some(Fix::Formalise)
        }
        Reason::ProjectAmount {
            max,
            holder: Some(h),
        } if h.min > max => Some(Fix::LowerAmount { to: max }),
        _ => None,
    }
}

/// The lightest legal status that opens a program to a holder (`can`: the forms it accepts): a
/// holder without one registers as auto-entrepreneur, else forms a cooperative, else a company;
/// an auto-entrepreneur moves to a company. The reference ranking and the index share it.
pub(crate) fn legal_form_fix(
    holder: Option<LegalForm>,
    can: impl Fn(LegalForm) -> bool,
) -> Option<Fix> {
    match holder {
        Some(LegalForm::None) | None => {
            if can(LegalForm::AutoEntrepreneur) {
                Some(Fix::RegisterAutoEntrepreneur)
            } else if can(LegalForm::Cooperative) {
                Some(Fix::CreateCooperative)
            } else if can(LegalForm::Company) {
                Some(Fix::CreateCompany)
            } else {
                None
            }
        }
        Some(LegalForm::AutoEntrepreneur) if can(LegalForm::Company) => Some(Fix::CreateCompany),
        Some(_) => None,
    }
}
