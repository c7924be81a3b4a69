//! The right door: for each program, the desks of its provider, of those that deliver it and of
//! those that handle it, serving the holder's province, then region, then the national door —
//! never an unrelated provider's office, nor an office that serves another province.

mod support;

use bousla::catalog::*;
use bousla::engine::*;
use support::*;

fn ids<'a>(doors: &'a [Door<'_>]) -> Vec<&'a str> {
    doors.iter().map(|d| d.desk.id.as_str()).collect()
}

fn in_province(province: &str) -> Profile {
    Profile {
        province: Province::from_id(province),
        ..Profile::default()
    }
}

fn odco_catalog() -> Catalog {
    let mut cat = catalog(vec![program(
        "odco-prize",
        &[SupportKind::Grant],
        Criteria::default(),
    )]);
    cat.programs[0].provider = "odco".into();
    let mut casablanca = desk("odco-casablanca", "odco", Some("casablanca"));
    casablanca.serves = ["casablanca", "mohammedia", "nouaceur", "mediouna"]
        .iter()
        .filter_map(|p| Province::from_id(p))
        .collect();
    let mut safi = desk("odco-safi", "odco", Some("safi"));
    safi.serves = ["safi", "el_jadida", "sidi_bennour", "youssoufia"]
        .iter()
        .filter_map(|p| Province::from_id(p))
        .collect();
    safi.serves_across_regions = true;
    cat.desks = vec![casablanca, safi, desk("odco-online", "odco", None)];
    cat.providers = vec![provider("odco")];
    cat
}

#[test]
fn a_cooperative_in_el_jadida_goes_to_the_safi_delegation_that_serves_it() {
    let cat = odco_catalog();
    let doors = doors(&cat, &cat.programs[0], &in_province("el_jadida"));
    assert_eq!(ids(&doors), ["odco-safi", "odco-online"]);
    assert_eq!(
        doors[0].why,
        DoorReason::ServesProvince(Province::from_id("el_jadida").unwrap())
    );
    assert_eq!(doors[1].why, DoorReason::National);
}

#[test]
fn with_only_the_region_known_the_regions_desks_are_shown_before_the_national_door() {
    let cat = odco_catalog();
    let profile = Profile {
        region: Some(Region::CasablancaSettat),
        ..Profile::default()
    };
    let doors = doors(&cat, &cat.programs[0], &profile);
    // Both serve part of Casablanca-Settat; neither is known to serve the holder's province.
    assert_eq!(ids(&doors), ["odco-casablanca", "odco-safi", "odco-online"]);
    assert!(matches!(doors[0].why, DoorReason::InRegion(_)));
}

#[test]
fn with_no_place_known_only_the_national_door_is_shown() {
    let cat = odco_catalog();
    let doors = doors(&cat, &cat.programs[0], &Profile::default());
    assert_eq!(ids(&doors), ["odco-online"]);
}

#[test]
fn a_regional_seat_serves_every_province_of_its_region_after_the_provinces_own_desk() {
    let mut cat = catalog(vec![program(
        "p",
        &[SupportKind::Coaching],
        Criteria::default(),
    )]);
    cat.programs[0].provider = "cri".into();
    let mut seat = desk("cri-bmk", "cri", Some("beni_mellal"));
    seat.serves_region = true;
    cat.desks = vec![
        seat,
        desk("cri-azilal", "cri", Some("azilal")),
        desk("cri-khouribga", "cri", Some("khouribga")),
    ];
    let doors_azilal = doors(&cat, &cat.programs[0], &in_province("azilal"));
    assert_eq!(ids(&doors_azilal), ["cri-azilal", "cri-bmk"]);
    let doors_fquih = doors(&cat, &cat.programs[0], &in_province("fquih_ben_salah"));
    assert_eq!(ids(&doors_fquih), ["cri-bmk"]);
    assert_eq!(
        doors_fquih[0].why,
        DoorReason::ServesRegion(Region::BeniMellalKhenifra)
    );
}

#[test]
fn an_office_of_another_province_is_shown_only_when_nothing_serves_the_holders_province() {
    let mut cat = catalog(vec![program(
        "p",
        &[SupportKind::Coaching],
        Criteria::default(),
    )]);
    cat.programs[0].provider = "ccis".into();
    cat.desks = vec![desk("ccis-oujda", "ccis", Some("oujda_angad"))];
    let doors = doors(&cat, &cat.programs[0], &in_province("berkane"));
    assert_eq!(ids(&doors), ["ccis-oujda"]);
    assert_eq!(doors[0].why, DoorReason::InRegion(Region::Oriental));
}

#[test]
fn an_unrelated_providers_office_is_never_a_door() {
    let mut cat = catalog(vec![program(
        "p",
        &[SupportKind::Loan],
        Criteria::default(),
    )]);
    cat.programs[0].provider = "bank".into();
    cat.desks = vec![
        desk("ccis-azilal", "ccis", Some("azilal")),
        desk("bank-azilal", "bank", Some("azilal")),
    ];
    let doors = doors(&cat, &cat.programs[0], &in_province("azilal"));
    assert_eq!(ids(&doors), ["bank-azilal"]);
}

#[test]
fn desks_that_deliver_or_handle_a_program_follow_its_own_providers_desks() {
    let mut cat = catalog(vec![program(
        "forsa",
        &[SupportKind::HonourLoan],
        Criteria::default(),
    )]);
    cat.programs[0].provider = "ministry".into();
    cat.programs[0].delivered_by = vec!["cri".into()];
    let mut chamber = desk("a-chamber-azilal", "chamber", Some("azilal"));
    chamber.handles = vec!["forsa".into()];
    cat.desks = vec![
        chamber,
        desk("b-cri-azilal", "cri", Some("azilal")),
        desk("c-ministry-azilal", "ministry", Some("azilal")),
    ];
    let doors = doors(&cat, &cat.programs[0], &in_province("azilal"));
    assert_eq!(
        ids(&doors),
        ["c-ministry-azilal", "b-cri-azilal", "a-chamber-azilal"]
    );
}

#[test]
fn a_company_asking_about_public_contracts_is_not_sent_to_the_cooperatives_office_first() {
    let mut cat = catalog(vec![program(
        "procurement",
        &[SupportKind::MarketAccess],
        Criteria::default(),
    )]);
    cat.programs[0].provider = "state".into();
    cat.programs[0].delivered_by = vec!["odco".into(), "cri".into()];
    let mut odco = provider("odco");
    odco.for_legal_forms = vec![LegalForm::Cooperative, LegalForm::None];
    cat.providers = vec![odco, provider("cri"), provider("state")];
    cat.desks = vec![
        desk("odco-safi", "odco", Some("safi")),
        desk("cri-safi", "cri", Some("safi")),
    ];
    let company = Profile {
        province: Province::from_id("safi"),
        legal_form: Some(LegalForm::Company),
        ..Profile::default()
    };
    assert_eq!(ids(&doors(&cat, &cat.programs[0], &company)), ["cri-safi"]);
    let cooperative = Profile {
        legal_form: Some(LegalForm::Cooperative),
        ..company
    };
    assert_eq!(
        ids(&doors(&cat, &cat.programs[0], &cooperative)),
        ["odco-safi", "cri-safi"]
    );
}
