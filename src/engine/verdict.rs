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

/// A step the holder can take so that an unmet rule becomes met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fix {
    /// Register as auto-entrepreneur (the status asks little: a natural person, a revenue ceiling).
    RegisterAutoEntrepreneur,
    /// Bring an informal activity into the formal economy.
    Formalise,
    CreateCooperative,
    CreateCompany,
    /// Ask for no more than this amount, MAD.
    LowerAmount {
        to: u64,
    },
}

/// The fix for one unmet check, when the holder can change what the rule looks at.
pub fn fix_for(check: &Check<'_>) -> Option<Fix> {
    if check.outcome != Outcome::Unmet {
        return None;
    }
    match check.reason {
        Reason::LegalForm { allowed, holder } => {
            let without_status = matches!(holder, Some(LegalForm::None) | None);
            if without_status && allowed.contains(&LegalForm::AutoEntrepreneur) {
                Some(Fix::RegisterAutoEntrepreneur)
            } else if allowed.contains(&LegalForm::Cooperative) {
                Some(Fix::CreateCooperative)
            } else if allowed.contains(&LegalForm::Company) {
                Some(Fix::CreateCompany)
            } else {
                None
            }
        }
        Reason::Stage {
            allowed,
            holder: Some(StageKind::Informal),
        } if allowed
            .iter()
            .any(|s| matches!(s, StageKind::Running | StageKind::Creating)) =>
        {
            Some(Fix::Formalise)
        }
        Reason::Amount {
            max: Some(max),
            holder: Some(h),
            min,
        } if h > max && min.is_none_or(|m| m <= max) => Some(Fix::LowerAmount { to: max }),
        _ => None,
    }
}

/// The steps that would make a not-eligible program reachable, or `None` when some unmet rule
/// cannot be changed by the holder (region, age, sector…).
pub fn near_miss(checks: &[Check<'_>]) -> Option<Vec<Fix>> {
    let mut fixes = Vec::new();
    for check in checks.iter().filter(|c| c.outcome == Outcome::Unmet) {
        let fix = fix_for(check)?;
        if !fixes.contains(&fix) {
            fixes.push(fix);
        }
    }
    (!fixes.is_empty()).then(|| tidy(fixes))
}

/// Formalising an informal activity is done by taking a status: say it once.
pub(crate) fn tidy(mut fixes: Vec<Fix>) -> Vec<Fix> {
    if fixes.contains(&Fix::Formalise) {
        fixes.retain(|f| *f != Fix::RegisterAutoEntrepreneur);
    }
    fixes
}
