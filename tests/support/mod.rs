//! Builders of synthetic programs and profiles for the engine's tests and benchmarks.
#![allow(dead_code)]

use bousla::catalog::*;
use bousla::engine::Profile;

pub fn text(s: &str) -> Text {
    Text {
        ar: s.into(),
        fr: s.into(),
        en: s.into(),
    }
}

pub fn program(id: &str, kinds: &[SupportKind], criteria: Criteria) -> Program {
    Program {
        id: id.into(),
        provider: "test".into(),
        kinds: kinds.to_vec(),
        status: Status::Open,
        confidence: Confidence::Confirmed,
        last_verified: Some(Date::ymd(2026, 11, 1)),
        opens: None,
        closes: None,
        amount: None,
        reserved_for: None,
        priority_to: vec![],
        delivered_by: vec![],
        website: None,
        phone: None,
        name: text(id),
        summary: text("summary"),
        benefits: text("benefits"),
        how_to_apply: text("how"),
        caution: None,
        criteria,
        sources: vec![Source {
            url: "https://example.org/".into(),
            date: Some(Date::ymd(2025, 1, 1)),
            title: None,
        }],
    }
}

pub fn catalog(programs: Vec<Program>) -> Catalog {
    Catalog {
        programs,
        ..Catalog::default()
    }
}

pub const YEAR: u16 = 2026;
/// The day the tests rank on.
pub const TODAY: Date = Date::ymd(2026, 11, 30);

/// A desk of `provider` seated in `province` (or national when `None`).
pub fn desk(id: &str, provider: &str, province: Option<&str>) -> Desk {
    let province = province.and_then(Province::from_id);
    Desk {
        id: id.into(),
        provider: provider.into(),
        region: province.map(Province::region),
        province,
        serves: vec![],
        serves_region: false,
        serves_across_regions: false,
        handles: vec![],
        name: text(id),
        address: None,
        phone: None,
        email: None,
        website: Some("https://example.org".into()),
        hours: None,
        last_verified: None,
        sources: vec![],
    }
}

pub fn provider(id: &str) -> Provider {
    Provider {
        id: id.into(),
        for_legal_forms: vec![],
        name: text(id),
        website: None,
        sources: vec![],
    }
}

/// A holder who answered everything: a 28-year-old woman in rural Azilal with an informal
/// handicraft activity started in 2023, asking for 40,000 MAD.
pub fn full_profile() -> Profile {
    bousla::engine::synthetic::full_profile()
}
