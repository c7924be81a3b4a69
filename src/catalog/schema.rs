//! The records of the catalog: programs (what a holder can get, with criteria as data),
//! providers (who runs them), desks (where a holder goes, per region or province) and pathways
//! (programs that combine in order). Field names are those written in the catalog's TOML files;
//! `docs/catalog.md` documents them for program officers.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::geo::{Province, Region};
use super::text::Text;
use super::vocab::{
    Area, Confidence, Gender, LegalForm, Residence, Sector, StageKind, Status, SupportKind, Target,
};

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    /// The date the source shows (article or page date); omitted when it shows none.
    #[serde(default)]
    pub date: Option<Date>,
    /// Short name of the source, e.g. "le360, launch article".
    #[serde(default)]
    pub title: Option<String>,
}

/// Amounts in Moroccan dirhams (MAD) that a program gives or requires.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    #[serde(default)]
    pub min: Option<u64>,
    #[serde(default)]
    pub max: Option<u64>,
}

/// The eligibility rules of a program. Every absent field means "no rule".
/// Each present field becomes one criterion that evaluates to met, unmet or unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    /// The program is only for holders of these regions.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// The program is only for holders of these provinces.
    #[serde(default)]
    pub provinces: Vec<Province>,
    /// Stages of the project that the program accepts.
    #[serde(default)]
    pub stages: Vec<StageKind>,
    /// Legal forms accepted for an existing activity (idea and creation stages are not asked).
    #[serde(default)]
    pub legal_forms: Vec<LegalForm>,
    /// Oldest activity accepted, in whole years since its start (idea and creating count as 0).
    #[serde(default)]
    pub max_business_age: Option<u8>,
    /// Youngest activity accepted, in whole years.
    #[serde(default)]
    pub min_business_age: Option<u8>,
    #[serde(default)]
    pub min_age: Option<u8>,
    #[serde(default)]
    pub max_age: Option<u8>,
    #[serde(default)]
    pub gender: Option<Gender>,
    #[serde(default)]
    pub area: Option<Area>,
    #[serde(default)]
    pub residence: Vec<Residence>,
    /// Only these sectors.
    #[serde(default)]
    pub sectors: Vec<Sector>,
    /// Every sector but these.
    #[serde(default)]
    pub excluded_sectors: Vec<Sector>,
    /// Only innovative (technology or innovation) projects.
    #[serde(default)]
    pub innovative: Option<bool>,
    /// Annual revenue ceiling of an existing activity, MAD.
    #[serde(default)]
    pub max_revenue: Option<u64>,
    #[serde(default)]
    pub min_revenue: Option<u64>,
    #[serde(default)]
    pub max_jobs: Option<u32>,
    #[serde(default)]
    pub min_jobs: Option<u32>,
    /// Largest amount the program can finance, MAD: a larger request does not fit.
    #[serde(default)]
    pub max_amount: Option<u64>,
    /// Smallest investment the program takes, MAD.
    #[serde(default)]
    pub min_amount: Option<u64>,
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        *self == Criteria::default()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Unique, lowercase, dash-separated: `forsa`, `intelaka-start-tpe`.
    pub id: String,
    /// Id of the provider that runs the program.
    pub provider: String,
    pub kinds: Vec<SupportKind>,
    pub status: Status,
    pub confidence: Confidence,
    pub last_verified: Date,
    #[serde(default)]
    pub opens: Option<Date>,
    #[serde(default)]
    pub closes: Option<Date>,
    /// What the holder can get, MAD, where a source states it.
    #[serde(default)]
    pub amount: Option<Amount>,
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Providers whose desks in the holder's region deliver the program (besides its own).
    #[serde(default)]
    pub delivered_by: Vec<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    pub name: Text,
    pub summary: Text,
    /// What the holder gets: amounts, rates, durations, as the sources state them.
    pub benefits: Text,
    pub how_to_apply: Text,
    /// Shown with the program when facts are uncertain or disputed.
    #[serde(default)]
    pub caution: Option<Text>,
    #[serde(default)]
    pub criteria: Criteria,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub website: Option<String>,
    pub sources: Vec<Source>,
}

/// An office where a holder goes: a provider's desk in a region or a province.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Desk {
    pub id: String,
    pub provider: String,
    /// None for a national desk or an online service open to every region.
    #[serde(default)]
    pub region: Option<Region>,
    #[serde(default)]
    pub province: Option<Province>,
    pub name: Text,
    /// Postal address as the source writes it.
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub hours: Option<Text>,
    pub last_verified: Date,
    pub sources: Vec<Source>,
}

/// Programs that combine in order, e.g. an honour loan as the personal contribution to a
/// guaranteed bank loan, or a status to obtain before a program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub id: String,
    /// Program ids, in the order the holder takes them.
    pub steps: Vec<String>,
    pub title: Text,
    pub explanation: Text,
    pub sources: Vec<Source>,
}

/// The whole catalog, validated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub programs: Vec<Program>,
    pub providers: Vec<Provider>,
    pub desks: Vec<Desk>,
    pub pathways: Vec<Pathway>,
}

impl Catalog {
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// The desks where a holder of `region` (and `province`, when known) goes for `program`:
    /// the desks of its provider and of the providers that deliver it, in that region, the
    /// holder's province first, then national desks.
    pub fn desks_for<'a>(
        &'a self,
        program: &'a Program,
        region: Option<Region>,
        province: Option<Province>,
    ) -> Vec<&'a Desk> {
        let delivers =
            |d: &Desk| d.provider == program.provider || program.delivered_by.contains(&d.provider);
        let mut found: Vec<&Desk> = self
            .desks
            .iter()
            .filter(|d| delivers(d))
            .filter(|d| d.region.is_none() || (region.is_some() && d.region == region))
            .collect();
        found.sort_by_key(|d| {
            let here = province.is_some() && d.province == province;
            (d.region.is_none(), !here, d.id.clone())
        });
        found
    }
}
