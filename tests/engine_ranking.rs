//! Ranking, near-misses and pathways: what the holder sees first, and the step that would open a
//! program that is out of reach today.

mod support;

use bousla::catalog::*;
use bousla::engine::*;
use support::*;

#[test]
fn eligible_programs_come_before_possible_ones_then_by_relevance_then_by_id() {
    let profile = Profile {
        age: Some(25),
        needs: Some(vec![Need::Coaching]),
        ..Profile::default()
    };
    let cat = catalog(vec![
        program(
            "b-coaching",
            &[SupportKind::Coaching],
            Criteria {
                min_age: Some(18),
                ..Criteria::default()
            },
        ),
        program(
            "a-coaching",
            &[SupportKind::Coaching],
            Criteria {
                min_age: Some(18),
                ..Criteria::default()
            },
        ),
        program(
            "loan",
            &[SupportKind::Loan],
            Criteria {
                min_age: Some(18),
                ..Criteria::default()
            },
        ),
        program(
            "maybe",
            &[SupportKind::Coaching],
            Criteria {
                gender: Some(Gender::Female),
                ..Criteria::default()
            },
        ),
    ]);
    let ids: Vec<_> = rank(&cat, &profile, YEAR)
        .fits
        .iter()
        .map(|r| r.program.id.as_str())
        .collect();
    assert_eq!(ids, ["a-coaching", "b-coaching", "loan", "maybe"]);
}

#[test]
fn regional_programs_rank_above_national_ones_with_the_same_fit() {
    let profile = Profile {
        region: Some(Region::SoussMassa),
        ..Profile::default()
    };
    let cat = catalog(vec![
        program(
            "national",
            &[SupportKind::HonourLoan],
            Criteria {
                min_age: Some(18),
                ..Criteria::default()
            },
        ),
        program(
            "souss",
            &[SupportKind::HonourLoan],
            Criteria {
                regions: vec![Region::SoussMassa],
                ..Criteria::default()
            },
        ),
    ]);
    let r = rank(&cat, &profile, YEAR);
    // "national" is only possible (age unknown), so compare scores directly too.
    assert_eq!(r.fits[0].program.id, "souss");
    let score_of = |id: &str| r.fits.iter().find(|x| x.program.id == id).map(|x| x.score);
    assert!(score_of("souss") > score_of("national"));
}

#[test]
fn programs_that_serve_no_stated_need_go_after_those_that_do() {
    let profile = Profile {
        needs: Some(vec![Need::MarketAccess]),
        ..Profile::default()
    };
    let cat = catalog(vec![
        program(
            "loan",
            &[SupportKind::Loan],
            Criteria {
                min_age: Some(18),
                ..Criteria::default()
            },
        ),
        program(
            "tenders",
            &[SupportKind::MarketAccess],
            Criteria {
                min_age: Some(18),
                ..Criteria::default()
            },
        ),
    ]);
    let r = rank(&cat, &profile, YEAR);
    assert_eq!(r.fits[0].program.id, "tenders");
    assert!(!r.fits[1].serves_needs);
}

#[test]
fn an_informal_holder_is_told_to_register_as_auto_entrepreneur_for_the_larger_microcredit() {
    let microcredit = program(
        "microcredit-150k",
        &[SupportKind::Microcredit],
        Criteria {
            legal_forms: vec![LegalForm::AutoEntrepreneur, LegalForm::Cooperative],
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![microcredit]);
    let r = rank(&cat, &full_profile(), YEAR);
    assert!(r.fits.is_empty());
    assert_eq!(r.near_misses.len(), 1);
    assert_eq!(r.near_misses[0].fixes, vec![Fix::RegisterAutoEntrepreneur]);
}

#[test]
fn an_informal_activity_is_told_to_formalise_when_only_registered_activities_qualify() {
    let p = program(
        "intelaka",
        &[SupportKind::Loan],
        Criteria {
            stages: vec![StageKind::Idea, StageKind::Creating, StageKind::Running],
            legal_forms: vec![LegalForm::AutoEntrepreneur, LegalForm::Company],
            ..Criteria::default()
        },
    );
    let cat = catalog(vec![p]);
    let r = rank(&cat, &full_profile(), YEAR);
    assert_eq!(r.near_misses[0].fixes, vec![Fix::Formalise]);
}

#[test]
fn asking_too_much_is_fixed_by_asking_less() {
    let p = program(
        "small-loan",
        &[SupportKind::Microcredit],
        Criteria {
            max_amount: Some(50_000),
            ..Criteria::default()
        },
    );
    let profile = Profile {
        amount: Some(80_000),
        ..Profile::default()
    };
    let cat = catalog(vec![p]);
    let r = rank(&cat, &profile, YEAR);
    assert_eq!(
        r.near_misses[0].fixes,
        vec![Fix::LowerAmount { to: 50_000 }]
    );
}

#[test]
fn a_rule_the_holder_cannot_change_is_not_a_near_miss() {
    let p = program(
        "youth",
        &[SupportKind::Grant],
        Criteria {
            max_age: Some(35),
            legal_forms: vec![LegalForm::AutoEntrepreneur],
            ..Criteria::default()
        },
    );
    let profile = Profile {
        age: Some(50),
        ..full_profile()
    };
    let cat = catalog(vec![p]);
    let r = rank(&cat, &profile, YEAR);
    assert!(r.near_misses.is_empty());
    assert_eq!(r.others.len(), 1);
}

fn pathway(id: &str, steps: &[&str]) -> Pathway {
    Pathway {
        id: id.into(),
        steps: steps.iter().map(|s| s.to_string()).collect(),
        title: text(id),
        explanation: text(id),
        sources: vec![],
    }
}

#[test]
fn a_pathway_is_offered_when_an_earlier_status_step_opens_the_later_program() {
    let status = program(
        "auto-entrepreneur",
        &[SupportKind::Formalisation],
        Criteria {
            max_revenue: Some(500_000),
            ..Criteria::default()
        },
    );
    let microcredit = program(
        "microcredit-150k",
        &[SupportKind::Microcredit],
        Criteria {
            legal_forms: vec![LegalForm::AutoEntrepreneur],
            ..Criteria::default()
        },
    );
    let mut cat = catalog(vec![status, microcredit]);
    cat.pathways.push(pathway(
        "status-then-credit",
        &["auto-entrepreneur", "microcredit-150k"],
    ));
    let r = rank(&cat, &full_profile(), YEAR);
    assert_eq!(r.pathways.len(), 1);
    assert_eq!(r.pathways[0].steps.len(), 2);
}

#[test]
fn a_pathway_with_a_step_out_of_reach_is_not_offered() {
    let honour = program(
        "honour",
        &[SupportKind::HonourLoan],
        Criteria {
            regions: vec![Region::SoussMassa],
            ..Criteria::default()
        },
    );
    let loan = program("loan", &[SupportKind::Loan], Criteria::default());
    let mut cat = catalog(vec![honour, loan]);
    cat.pathways
        .push(pathway("honour-then-loan", &["honour", "loan"]));
    let r = rank(&cat, &full_profile(), YEAR);
    assert!(r.pathways.is_empty());
}

#[test]
fn the_live_count_is_the_number_of_programs_still_possible() {
    let cat = catalog(vec![
        program(
            "any",
            &[SupportKind::Coaching],
            Criteria {
                min_age: Some(18),
                ..Criteria::default()
            },
        ),
        program(
            "women",
            &[SupportKind::Coaching],
            Criteria {
                gender: Some(Gender::Female),
                ..Criteria::default()
            },
        ),
        program(
            "old",
            &[SupportKind::Coaching],
            Criteria {
                min_age: Some(60),
                ..Criteria::default()
            },
        ),
    ]);
    assert_eq!(count_fits(&cat, &Profile::default(), YEAR), 3);
    assert_eq!(count_fits(&cat, &full_profile(), YEAR), 2);
}

#[test]
fn desks_of_the_holders_region_are_found_province_first_and_national_last() {
    let mut p = program("p", &[SupportKind::Coaching], Criteria::default());
    p.delivered_by = vec!["cri".into()];
    let desk = |id: &str, provider: &str, region: Option<Region>, province: Option<&str>| Desk {
        id: id.into(),
        provider: provider.into(),
        region,
        province: province.and_then(Province::from_id),
        name: text(id),
        address: None,
        phone: None,
        email: None,
        website: Some("https://example.org".into()),
        hours: None,
        last_verified: Date::ymd(2026, 1, 1),
        sources: vec![],
    };
    let mut cat = catalog(vec![p]);
    cat.desks = vec![
        desk("a-online", "test", None, None),
        desk(
            "b-cri-bmk",
            "cri",
            Some(Region::BeniMellalKhenifra),
            Some("beni_mellal"),
        ),
        desk(
            "c-cri-azilal",
            "cri",
            Some(Region::BeniMellalKhenifra),
            Some("azilal"),
        ),
        desk("d-cri-souss", "cri", Some(Region::SoussMassa), None),
        desk("e-ccis-bmk", "ccis", Some(Region::BeniMellalKhenifra), None),
    ];
    let program = &cat.programs[0];
    let ids: Vec<_> = cat
        .desks_for(
            program,
            Some(Region::BeniMellalKhenifra),
            Province::from_id("azilal"),
        )
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(ids, ["c-cri-azilal", "b-cri-bmk", "a-online"]);
    let unknown_region: Vec<_> = cat
        .desks_for(program, None, None)
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(unknown_region, ["a-online"]);
}
