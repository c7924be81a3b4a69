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
    /// Largest amount the program finances, MAD. A larger request is a partial fit: the program
    /// can fund part of the project ("covers up to 49 000 DH of your 200 000 DH").
    #[serde(default)]
    pub max_amount: Option<u64>,
    /// Largest project the program takes, MAD: only where a source caps the project's own size.
    /// A larger project does not fit.
    #[serde(default)]
    pub max_project_amount: Option<u64>,
    /// Smallest investment the program takes, MAD.
    #[serde(default)]
    pub min_amount: Option<u64>,
}

impl Criteria {
    pub fn is_empty(&self) -> bool {
        *self == Criteria::default()
    }
}

/// Who a program is reserved for: the holder must belong to at least one of `any_of`. Only
/// where a source says "reserved for" / "only for"; a preference is `priority_to` instead.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audience {
    pub any_of: Vec<Target>,
    /// Youngest "young person", where the program's documents give it.
    #[serde(default)]
    pub youth_min_age: Option<u8>,
    /// Oldest "young person" the program's documents give; 35 when they give none.
    #[serde(default)]
    pub youth_max_age: Option<u8>,
    /// Older holders up to this age may be admitted by exception ("to check"); 45 when the
    /// documents give none — the widest youth bound among Moroccan programs.
    #[serde(default)]
    pub youth_check_up_to: Option<u8>,
}

impl Audience {
    /// Catalog-wide convention when a source reserves a program for "young people" without ages.
    pub const YOUTH_MAX_AGE: u8 = 35;
    pub const YOUTH_CHECK_UP_TO: u8 = 45;

    pub fn youth_max(&self) -> u8 {
        self.youth_max_age.unwrap_or(Self::YOUTH_MAX_AGE)
    }

    pub fn youth_check_up_to(&self) -> u8 {
        self.youth_check_up_to
            .unwrap_or(Self::YOUTH_CHECK_UP_TO)
            .max(self.youth_max())
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
    /// The day a person compared this record with a source read that day. Absent when nobody
    /// has: the record is then as fresh as its newest dated source, and the app says so.
    #[serde(default)]
    pub last_verified: Option<Date>,
    #[serde(default)]
    pub opens: Option<Date>,
    #[serde(default)]
    pub closes: Option<Date>,
    /// What the holder can get, MAD, where a source states it.
    #[serde(default)]
    pub amount: Option<Amount>,
    /// A hard audience rule (see [`Audience`]).
    #[serde(default)]
    pub reserved_for: Option<Audience>,
    /// Audiences the program favours: never excludes, raises the rank, shown on the card.
    #[serde(default)]
    pub priority_to: Vec<Target>,
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
    /// The provider's desks serve only holders of these legal forms (ODCo: cooperatives).
    /// Absent: every holder.
    #[serde(default)]
    pub for_legal_forms: Vec<LegalForm>,
    pub name: Text,
    #[serde(default)]
    pub website: Option<String>,
    pub sources: Vec<Source>,
}

/// An office where a holder goes: a provider's desk in a region or a province, serving the
/// provinces its sources name.
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
    /// Provinces the desk serves. Absent: its own province only.
    #[serde(default)]
    pub serves: Vec<Province>,
    /// The desk serves its whole region (a regional seat, where a source says so).
    #[serde(default)]
    pub serves_region: bool,
    /// A source says the desk serves provinces of another region (validation refuses them
    /// otherwise).
    #[serde(default)]
    pub serves_across_regions: bool,
    /// Programs the desk handles although its provider does not run them.
    #[serde(default)]
    pub handles: Vec<String>,
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
    /// As for programs: the day a person checked this desk against a source read that day.
    #[serde(default)]
    pub last_verified: Option<Date>,
    pub sources: Vec<Source>,
}

impl Desk {
    /// A desk with no region is a national desk or an online service, open to every holder.
    pub fn is_national(&self) -> bool {
        self.region.is_none()
    }

    /// Whether the desk serves holders of `province`: listed in `serves`, or its own province
    /// when it lists none, or anywhere in its region when it serves the whole region.
    pub fn serves_province(&self, province: Province) -> bool {
        if self.serves_region && self.region == Some(province.region()) {
            return true;
        }
        if self.serves.is_empty() {
            self.province == Some(province)
        } else {
            self.serves.contains(&province)
        }
    }

    /// Whether the desk serves some holders of `region`.
    pub fn serves_in_region(&self, region: Region) -> bool {
        self.region == Some(region) || self.serves.iter().any(|p| p.region() == region)
    }
}

/// How fresh a record is, as the app says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// A person compared the record with a source read that day.
    Checked(Date),
    /// Nobody re-read it: as fresh as its newest dated source.
    SourceDated(Date),
    /// Neither a check nor a dated source.
    Unknown,
}

/// The newest date among sources.
pub fn newest_source(sources: &[Source]) -> Option<Date> {
    sources.iter().filter_map(|s| s.date).max()
}

impl Program {
    pub fn freshness(&self) -> Freshness {
        freshness(self.last_verified, &self.sources)
    }
}

impl Desk {
    pub fn freshness(&self) -> Freshness {
        freshness(self.last_verified, &self.sources)
    }
}

fn freshness(checked: Option<Date>, sources: &[Source]) -> Freshness {
    match (checked, newest_source(sources)) {
        (Some(d), _) => Freshness::Checked(d),
        (None, Some(d)) => Freshness::SourceDated(d),
        (None, None) => Freshness::Unknown,
    }
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

    /// Where the program `id` is in catalog order: the row of its texts, details and sources
    /// in the text tables, and its number in a link to its page.
    pub fn program_index(&self, id: &str) -> Option<usize> {
        self.programs.iter().position(|p| p.id == id)
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    pub fn desk(&self, id: &str) -> Option<&Desk> {
        self.desks.iter().find(|d| d.id == id)
    }
}
