//! Names of the vocabulary in the interface's languages. Plain words for a general audience;
//! the texts are in [`super::phrases`] (Darija's in `ary.rs`).

use crate::catalog::{
    Area, Confidence, Gender, Lang, LegalForm, Need, Residence, Sector, StageKind, Status,
    SupportKind,
};
use crate::engine::Verdict;

use super::phrases::p;

/// A value the interface names in the holder's language.
pub trait Label: Copy {
    fn label(self, lang: Lang) -> &'static str;
}

macro_rules! labels {
    ($ty:ty { $($variant:ident => $key:ident;)* }) => {
        impl Label for $ty {
            fn label(self, lang: Lang) -> &'static str {
                let p = p(lang);
                match self { $(<$ty>::$variant => p.$key,)* }
            }
        }
    };
}

labels!(StageKind {
    Idea => stage_idea;
    Creating => stage_creating;
    Running => stage_running;
    Informal => stage_informal;
});

labels!(LegalForm {
    None => form_none;
    AutoEntrepreneur => form_auto_entrepreneur;
    Cooperative => form_cooperative;
    Association => form_association;
    Company => form_company;
});

labels!(Sector {
    Agriculture => sector_agriculture;
    AgriFood => sector_agri_food;
    Fishing => sector_fishing;
    HighSeaFishing => sector_high_sea_fishing;
    Handicraft => sector_handicraft;
    Industry => sector_industry;
    Construction => sector_construction;
    Commerce => sector_commerce;
    Services => sector_services;
    Digital => sector_digital;
    Tourism => sector_tourism;
    Transport => sector_transport;
    CultureCreative => sector_culture;
    HealthSocial => sector_health;
    RealEstate => sector_real_estate;
});

labels!(Gender {
    Female => gender_female;
    Male => gender_male;
});

labels!(Area {
    Rural => area_rural;
    Urban => area_urban;
});

labels!(Residence {
    Morocco => residence_morocco;
    Abroad => residence_abroad;
});

labels!(Need {
    Financing => need_financing;
    Coaching => need_coaching;
    Incubation => need_incubation;
    MarketAccess => need_market_access;
    Formalisation => need_formalisation;
});

labels!(SupportKind {
    Loan => kind_loan;
    HonourLoan => kind_honour_loan;
    Grant => kind_grant;
    Guarantee => kind_guarantee;
    Microcredit => kind_microcredit;
    Equity => kind_equity;
    Coaching => kind_coaching;
    Training => kind_training;
    Incubation => kind_incubation;
    Acceleration => kind_acceleration;
    Workspace => kind_workspace;
    MarketAccess => kind_market_access;
    Formalisation => kind_formalisation;
});

labels!(Status {
    Open => status_open;
    Seasonal => status_seasonal;
    Announced => status_announced;
    Paused => status_paused;
    Closed => status_closed;
    BudgetExhausted => status_budget_exhausted;
});

labels!(Confidence {
    Confirmed => confidence_confirmed;
    Partly => confidence_partly;
    Uncertain => confidence_uncertain;
});

labels!(Verdict {
    Eligible => verdict_eligible;
    Possible => verdict_possible;
    NotEligible => verdict_not_eligible;
});
