//! The holder's answers. Every field may be unknown: the holder skipped the question or said
//! "I don't know". The JSON form of a profile (see `docs/profile.md`) is what the CLI's `match`
//! reads and what share links encode. What the answers imply (an idea has no revenue yet, an
//! auto-entrepreneur's revenue is capped by law…) is derived here, once, with its source in
//! `docs/profile.md`.

use serde::{Deserialize, Serialize};

use crate::catalog::{
    Area, Gender, LegalForm, Need, Province, Region, Residence, Sector, StageKind, Target,
};

/// An amount the holder gave, MAD: exact (`min == max`) or a band picked in the questionnaire.
/// A rule holds for a band only if it holds for every amount in it (see `check.rs`): the app
/// never turns "300 000 – 1 200 000" into a number the holder did not give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Band {
    pub min: u64,
    pub max: u64,
}

impl Band {
    pub const fn exact(v: u64) -> Band {
        Band { min: v, max: v }
    }

    pub fn is_exact(self) -> bool {
        self.min == self.max
    }

    /// The part of `self` inside `other`, if any.
    pub fn intersect(self, other: Band) -> Option<Band> {
        let (min, max) = (self.min.max(other.min), self.max.min(other.max));
        (min <= max).then_some(Band { min, max })
    }
}

impl Serialize for Band {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_exact() {
            s.serialize_u64(self.min)
        } else {
            use serde::ser::SerializeStruct;
            let mut st = s.serialize_struct("Band", 2)?;
            st.serialize_field("min", &self.min)?;
            st.serialize_field("max", &self.max)?;
            st.end()
        }
    }
}

impl<'de> Deserialize<'de> for Band {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Band, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Exact(u64),
            Range { min: u64, max: u64 },
        }
        match Form::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "expected an amount in MAD (a whole number) or a band {\"min\": …, \"max\": …}",
            )
        })? {
            Form::Exact(v) => Ok(Band::exact(v)),
            Form::Range { min, max } => Ok(Band { min, max }),
        }
    }
}

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
    pub amount: Option<Band>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub innovative: Option<bool>,
    /// Annual revenue of a running activity, MAD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Band>,
    /// Jobs in a running activity, the holder included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jobs: Option<u32>,
}

/// The bounds every way into a profile (share link, stored answers, profile JSON, the age
/// field) accepts: one validator, so the CLI and the app read the same holders.
pub mod limits {
    pub const AGE: std::ops::RangeInclusive<u8> = 15..=99;
    pub const STARTED: std::ops::RangeInclusive<u16> = 1900..=2100;
    /// 0 for a project not started; the jobs field takes 1 to 100 000.
    pub const JOBS: std::ops::RangeInclusive<u32> = 0..=100_000;
    /// 100 billion MAD: above any program and any Moroccan firm.
    pub const AMOUNT_MAX: u64 = 100_000_000_000;
}

/// Why a profile is refused, in words a program officer understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}`: {}", self.field, self.message)
    }
}

/// Auto-entrepreneur turnover ceilings (law 114-13, CGI art. 42 bis; DGI guide): 200 000 MAD a
/// year for services, 500 000 MAD for trade, industry and crafts.
pub const AUTO_ENTREPRENEUR_SERVICES_CAP: u64 = 200_000;
pub const AUTO_ENTREPRENEUR_CAP: u64 = 500_000;

impl Profile {
    /// Refuses answers no holder can give: out-of-range numbers, an empty or inverted band,
    /// the same need twice, a province outside the region given.
    pub fn check(&self) -> Result<(), ProfileError> {
        let err = |field, message: String| Err(ProfileError { field, message });
        if let Some(a) = self.age
            && !limits::AGE.contains(&a)
        {
            return err(
                "age",
                format!(
                    "{a} is not an age between {} and {}",
                    limits::AGE.start(),
                    limits::AGE.end()
                ),
            );
        }
        if let Some(y) = self.started
            && !limits::STARTED.contains(&y)
        {
            return err("started", format!("{y} is not a start year"));
        }
        if let Some(j) = self.jobs
            && !limits::JOBS.contains(&j)
        {
            return err("jobs", format!("{j} jobs is out of range"));
        }
        for (field, band) in [("amount", self.amount), ("revenue", self.revenue)] {
            if let Some(b) = band {
                if b.min > b.max {
                    return err(field, format!("min {} is above max {}", b.min, b.max));
                }
                if b.max > limits::AMOUNT_MAX {
                    return err(field, format!("{} MAD is out of range", b.max));
                }
                if field == "amount" && b.max == 0 {
                    return err(
                        field,
                        "a financing request of 0 MAD: leave the amount out".into(),
                    );
                }
            }
        }
        if let Some(needs) = &self.needs {
            for (i, n) in needs.iter().enumerate() {
                if needs[..i].contains(n) {
                    return err("needs", format!("`{}` is given twice", n.id()));
                }
            }
        }
        if let (Some(r), Some(p)) = (self.region, self.province)
            && p.region() != r
        {
            return err(
                "province",
                format!("`{}` is not in region `{}`", p.id(), r.id()),
            );
        }
        Ok(())
    }

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

    /// Annual revenue as far as the answers tell: none yet for a project that has not started;
    /// at most the legal ceiling for an auto-entrepreneur.
    pub fn effective_revenue(&self) -> Option<Band> {
        if matches!(self.stage, Some(StageKind::Idea | StageKind::Creating)) {
            return Some(self.revenue.unwrap_or(Band::exact(0)));
        }
        let cap = (self.legal_form == Some(LegalForm::AutoEntrepreneur)).then(|| {
            let ceiling = match self.sector {
                Some(Sector::Services) => AUTO_ENTREPRENEUR_SERVICES_CAP,
                _ => AUTO_ENTREPRENEUR_CAP,
            };
            Band {
                min: 0,
                max: ceiling,
            }
        });
        match (self.revenue, cap) {
            // An answer above the ceiling contradicts the status: trust the answer.
            (Some(r), Some(c)) => Some(r.intersect(c).unwrap_or(r)),
            (r, c) => r.or(c),
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

    /// Whether the holder belongs to an audience: `Some(false)` only when the answers rule it
    /// out. Youth uses `max_age` (and an exception band up to `check_up_to`, "to check").
    pub fn in_audience(&self, t: Target, youth: (u8, u8, u8)) -> Option<bool> {
        let (min, max, check_up_to) = youth;
        match t {
            Target::Women => self.gender.map(|g| g == Gender::Female),
            Target::Youth => self.age.and_then(|a| {
                if a < min || a > check_up_to {
                    Some(false)
                } else if a <= max {
                    Some(true)
                } else {
                    None
                }
            }),
            Target::Rural => self.area.map(|a| a == Area::Rural),
            Target::Informal => self.stage.map(|s| s == StageKind::Informal),
            Target::Diaspora => self.residence.map(|r| r == Residence::Abroad),
            Target::Cooperatives => self
                .effective_legal_form()
                .map(|f| f == LegalForm::Cooperative),
            Target::Innovative => self.innovative,
        }
    }

    /// Parses profile JSON and checks it like a share link, with an error that names the field
    /// and what is wrong. A UTF-8 byte-order mark (as Notepad writes) is accepted.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Profile, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // serde reads a struct from an array too (`[]` would be an empty profile): refuse it.
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(text)
            && !v.is_object()
        {
            return Err("a profile is one JSON object {…}, e.g. {\"region\": \"oriental\"}".into());
        }
        let p: Profile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        p.check().map_err(|e| e.to_string())?;
        Ok(p)
    }
}
