//! The holder's answers. Every field may be unknown: the holder skipped the question or said
//! "I don't know". The JSON form of a profile (see `docs/profile.md`) is what the CLI's `match`
//! reads and what share links encode.

use serde::{Deserialize, Serialize};

use crate::catalog::{
    Area, Gender, LegalForm, Need, Province, Region, Residence, Sector, StageKind,
};

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<Province>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<StageKind>,
    /// Year a running or informal activity started: rules cut at 1, 2, 3 and 5 years of age.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_form: Option<LegalForm>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Age of the holder in years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residence: Option<Residence>,
    /// What the holder needs; `None` when not answered, an empty list for "nothing in particular".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<Vec<Need>>,
    /// Financing sought, MAD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub innovative: Option<bool>,
    /// Annual revenue of a running activity, MAD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<u64>,
    /// Jobs in a running activity, the holder included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jobs: Option<u32>,
}

impl Profile {
    /// The legal form that applies: an idea or an informal activity has no status yet.
    pub fn effective_legal_form(&self) -> Option<LegalForm> {
        self.legal_form.or(match self.stage {
            Some(StageKind::Idea | StageKind::Informal) => Some(LegalForm::None),
            _ => None,
        })
    }

    /// Whole calendar years since the activity started; 0 for an idea or a project in creation.
    pub fn business_age(&self, this_year: u16) -> Option<u16> {
        match self.stage? {
            StageKind::Idea | StageKind::Creating => Some(0),
            StageKind::Running | StageKind::Informal => {
                self.started.map(|y| this_year.saturating_sub(y))
            }
        }
    }

    /// Revenue and jobs of a project that has not started are zero.
    pub fn effective_revenue(&self) -> Option<u64> {
        match self.stage {
            Some(StageKind::Idea | StageKind::Creating) => Some(self.revenue.unwrap_or(0)),
            _ => self.revenue,
        }
    }

    pub fn effective_jobs(&self) -> Option<u32> {
        match self.stage {
            Some(StageKind::Idea | StageKind::Creating) => Some(self.jobs.unwrap_or(0)),
            _ => self.jobs,
        }
    }

    /// The region, or the region of the province when only that is known.
    pub fn effective_region(&self) -> Option<Region> {
        self.region.or(self.province.map(Province::region))
    }

    pub fn needs(&self, need: Need) -> Option<bool> {
        self.needs.as_ref().map(|n| n.contains(&need))
    }

    /// Parses profile JSON, with an error that names the field and what is wrong.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Profile, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}
