//! The shared vocabulary of catalog criteria and holder profiles: stages, legal forms, sectors,
//! kinds of support and the needs they answer. Ids are the snake_case names written in catalog
//! files, profile JSON and share links.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),* }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.id() == id)
            }

            pub fn index(self) -> usize {
                self as usize
            }
        }
    };
}

vocabulary! {
    /// Where the holder's project stands. A running or informal activity also carries its start
    /// year in the profile, because program rules cut at 1, 2, 3 and 5 years of age.
    StageKind {
        Idea = "idea",
        Creating = "creating",
        Running = "running",
        Informal = "informal",
    }
}

vocabulary! {
    /// The legal form of an existing activity. `None` is an activity without any status.
    LegalForm {
        None = "none",
        AutoEntrepreneur = "auto_entrepreneur",
        Cooperative = "cooperative",
        Association = "association",
        Company = "company",
    }
}

vocabulary! {
    /// Sectors, coarse enough for a holder to pick one, fine enough for program exclusions
    /// (real-estate promotion and high-sea fishing are excluded by the guarantee programs).
    Sector {
        Agriculture = "agriculture",
        AgriFood = "agri_food",
        Fishing = "fishing",
        HighSeaFishing = "high_sea_fishing",
        Handicraft = "handicraft",
        Industry = "industry",
        Construction = "construction",
        Commerce = "commerce",
        Services = "services",
        Digital = "digital",
        Tourism = "tourism",
        Transport = "transport",
        CultureCreative = "culture_creative",
        HealthSocial = "health_social",
        RealEstate = "real_estate",
    }
}

vocabulary! {
    Gender { Female = "female", Male = "male" }
}

vocabulary! {
    Area { Rural = "rural", Urban = "urban" }
}

vocabulary! {
    /// Living in Morocco or abroad (Moroccans of the world are eligible for some programs).
    Residence { Morocco = "morocco", Abroad = "abroad" }
}

vocabulary! {
    /// What the holder says they need.
    Need {
        Financing = "financing",
        Coaching = "coaching",
        Incubation = "incubation",
        MarketAccess = "market_access",
        Formalisation = "formalisation",
    }
}

vocabulary! {
    /// What a program gives.
    SupportKind {
        Loan = "loan",
        HonourLoan = "honour_loan",
        Grant = "grant",
        Guarantee = "guarantee",
        Microcredit = "microcredit",
        Equity = "equity",
        Coaching = "coaching",
        Training = "training",
        Incubation = "incubation",
        Acceleration = "acceleration",
        Workspace = "workspace",
        MarketAccess = "market_access",
        Formalisation = "formalisation",
    }
}

impl SupportKind {
    /// The holder's need this kind of support answers.
    pub fn need(self) -> Need {
        use SupportKind::*;
        // A table, not a match: ranking reads it for every kind of every program.
        const NEED: [Need; SupportKind::ALL.len()] = {
            let mut table = [Need::Financing; SupportKind::ALL.len()];
            let mut i = 0;
            while i < table.len() {
                table[i] = match SupportKind::ALL[i] {
                    Loan | HonourLoan | Grant | Guarantee | Microcredit | Equity => Need::Financing,
                    Coaching | Training => Need::Coaching,
                    Incubation | Acceleration | Workspace => Need::Incubation,
                    MarketAccess => Need::MarketAccess,
                    Formalisation => Need::Formalisation,
                };
                i += 1;
            }
            table
        };
        NEED[self as usize]
    }
}

vocabulary! {
    /// Whether a program takes applications now. `Seasonal` programs open calls at intervals;
    /// `Announced` ones are not yet open (see `opens`); `Paused` ones take no applications for
    /// now without being ended.
    Status {
        Open = "open",
        Seasonal = "seasonal",
        Announced = "announced",
        Paused = "paused",
        Closed = "closed",
        BudgetExhausted = "budget_exhausted",
    }
}

vocabulary! {
    /// How sure the sources are. `Partly` and `Uncertain` programs are shown with a caution.
    Confidence {
        Confirmed = "confirmed",
        Partly = "partly",
        Uncertain = "uncertain",
    }
}

vocabulary! {
    /// Audiences a program is reserved for (`reserved_for`, a rule) or gives priority to
    /// (`priority_to`, a preference that never excludes).
    Target {
        Women = "women",
        Youth = "youth",
        Rural = "rural",
        Informal = "informal",
        Diaspora = "diaspora",
        Cooperatives = "cooperatives",
        Innovative = "innovative",
    }
}
