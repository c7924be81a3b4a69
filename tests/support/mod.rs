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
        last_verified: Date::ymd(2026, 11, 1),
        opens: None,
        closes: None,
        amount: None,
        targets: vec![],
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

/// A holder who answered everything: a 28-year-old woman in rural Azilal with an informal
/// handicraft activity started in 2023, asking for 40,000 MAD.
pub fn full_profile() -> Profile {
    bousla::engine::synthetic::full_profile()
}
