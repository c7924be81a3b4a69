//! Synthetic catalogs for measuring the engine at sizes the real catalog will never reach:
//! the same fixture natively (`cargo bench`) and in the browser (the wasm timing hook).

use crate::catalog::{
    Area, Catalog, Confidence, Criteria, Date, Gender, LegalForm, Program, Region, Sector, Source,
    StageKind, Status, SupportKind, Text,
};

use super::profile::Profile;

/// `n` programs cycling through realistic rule mixes, so every branch of the evaluation runs.
pub fn catalog(n: usize) -> Catalog {
    let kinds = [
        SupportKind::Loan,
        SupportKind::HonourLoan,
        SupportKind::Coaching,
        SupportKind::Incubation,
        SupportKind::MarketAccess,
        SupportKind::Microcredit,
    ];
    let text = || Text {
        ar: "ن".into(),
        fr: "t".into(),
        en: "t".into(),
    };
    let programs = (0..n)
        .map(|i| {
            let region = Region::ALL[i % 12];
            let criteria = match i % 5 {
                0 => Criteria {
                    min_age: Some(18),
                    max_age: Some(35),
                    ..Criteria::default()
                },
                1 => Criteria {
                    regions: vec![region],
                    stages: vec![StageKind::Idea, StageKind::Creating],
                    ..Criteria::default()
                },
                2 => Criteria {
                    legal_forms: vec![LegalForm::AutoEntrepreneur, LegalForm::Cooperative],
                    max_amount: Some(150_000),
                    ..Criteria::default()
                },
                3 => Criteria {
                    max_business_age: Some(5),
                    max_revenue: Some(10_000_000),
                    excluded_sectors: vec![Sector::RealEstate, Sector::HighSeaFishing],
                    ..Criteria::default()
                },
                _ => Criteria {
                    gender: Some(Gender::Female),
                    area: Some(Area::Rural),
                    innovative: Some(i % 2 == 0),
                    ..Criteria::default()
                },
            };
            Program {
                id: format!("p{i:06}"),
                provider: "synthetic".into(),
                kinds: vec![kinds[i % kinds.len()]],
                status: Status::Open,
                confidence: Confidence::Confirmed,
                last_verified: Some(Date::ymd(2026, 1, 1)),
                opens: None,
                closes: None,
                amount: None,
                reserved_for: None,
                priority_to: Vec::new(),
                delivered_by: Vec::new(),
                website: None,
                phone: None,
                name: text(),
                summary: text(),
                benefits: text(),
                how_to_apply: text(),
                caution: None,
                criteria,
                sources: vec![Source {
                    url: "https://example.org".into(),
                    date: None,
                    title: None,
                }],
            }
        })
        .collect();
    Catalog {
        programs,
        ..Catalog::default()
    }
}

/// A holder who answered everything (a woman in rural Azilal with an informal activity).
pub fn full_profile() -> Profile {
    use crate::catalog::{Need, Province, Residence};
    Profile {
        region: Some(Region::BeniMellalKhenifra),
        province: Province::from_id("azilal"),
        stage: Some(StageKind::Informal),
        started: Some(2023),
        legal_form: Some(LegalForm::None),
        sector: Some(Sector::Handicraft),
        age: Some(28),
        gender: Some(Gender::Female),
        area: Some(Area::Rural),
        residence: Some(Residence::Morocco),
        needs: Some(vec![Need::Financing, Need::Coaching]),
        amount: Some(super::Band::exact(40_000)),
        innovative: Some(false),
        revenue: Some(super::Band::exact(30_000)),
        jobs: Some(1),
    }
}
