//! Ten realistic holders run through the real catalog: results a regional investment centre's
//! adviser would defend. Profiles are the files of docs/examples/ (the CLI's `match` input).

use bousla::catalog::load::load_dir;
use bousla::catalog::{Catalog, Date};
use bousla::engine::{Fix, Profile, Ranked, Ranking, Verdict, doors, rank};
use std::path::Path;

const TODAY: Date = Date::ymd(2026, 11, 30);

fn catalog() -> Catalog {
    load_dir(Path::new("data/catalog"), Date::ymd(2026, 11, 30))
        .catalog
        .expect("the catalog validates")
}

fn holder(name: &str) -> Profile {
    let path = format!("docs/examples/{name}.json");
    let text = std::fs::read_to_string(&path).expect("example profile exists");
    Profile::from_json(&text).expect("example profile parses")
}

/// Programs the holder can use now: those for their needs, then those also open to them.
fn usable<'a, 'b>(r: &'a Ranking<'b>) -> impl Iterator<Item = &'a Ranked<'b>> {
    r.fits.iter().chain(&r.also_open)
}

fn fits<'a>(r: &'a Ranking<'_>) -> Vec<&'a str> {
    usable(r).map(|x| x.program.id.as_str()).collect()
}

fn verdict_of(r: &Ranking<'_>, id: &str) -> Option<Verdict> {
    r.all().find(|x| x.program.id == id).map(|x| x.verdict)
}

fn fixes_of(r: &Ranking<'_>, id: &str) -> Vec<Fix> {
    r.near_misses
        .iter()
        .find(|x| x.program.id == id)
        .map(|x| x.fixes.clone())
        .unwrap_or_default()
}

/// Programs bound to other regions never fit.
fn assert_no_other_region(r: &Ranking<'_>, p: &Profile) {
    let region = p.effective_region().expect("examples give a region");
    for x in usable(r) {
        let c = &x.program.criteria;
        assert!(
            c.regions.is_empty() || c.regions.contains(&region),
            "{} is for another region",
            x.program.id
        );
        assert!(
            c.provinces.is_empty() || c.provinces.iter().any(|q| q.region() == region),
            "{} is for another province",
            x.program.id
        );
    }
}

fn run(name: &str) -> (Profile, Catalog) {
    (holder(name), catalog())
}

#[test]
fn young_woman_with_an_informal_activity_in_azilal() {
    let (p, c) = run("azilal-informal-woman");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    let f = fits(&r);
    for id in ["forsa", "assurif", "auto-entrepreneur-status"] {
        assert!(f.contains(&id), "{id} should fit: {f:?}");
    }
    // The larger microcredit needs a status: registering is the step she is told.
    assert_eq!(
        verdict_of(&r, "microcredit-150k"),
        Some(Verdict::NotEligible)
    );
    assert!(
        !fixes_of(&r, "microcredit-150k").is_empty(),
        "microcredit-150k should be within reach"
    );
    assert!(!f.contains(&"initiative-souss-massa-honour-loan"));
}

#[test]
fn cooperative_in_fes_meknes() {
    let (p, c) = run("fes-meknes-cooperative");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    let f = fits(&r);
    assert!(f.contains(&"moazara-fes-meknes-cooperatives"), "{f:?}");
    assert!(f.contains(&"odco-mourafaka"), "{f:?}");
    assert!(!f.contains(&"moazara-oriental-cooperatives"));
}

#[test]
fn tech_start_up_in_agadir() {
    let (p, c) = run("agadir-tech-startup");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    let f = fits(&r);
    assert!(
        f.contains(&"cite-innovation-souss-massa-incubation"),
        "{f:?}"
    );
    assert!(f.contains(&"initiative-souss-massa-honour-loan"), "{f:?}");
    // Incubation serves his stated need: it comes before what does not.
    let first_unserved = r
        .fits
        .iter()
        .position(|x| !x.serves_needs)
        .unwrap_or(r.fits.len());
    let cite = r
        .fits
        .iter()
        .position(|x| x.program.id == "cite-innovation-souss-massa-incubation")
        .unwrap_or(usize::MAX);
    assert!(cite < first_unserved);
}

#[test]
fn farmers_son_in_the_oriental() {
    let (p, c) = run("oriental-farmers-son");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    let f = fits(&r);
    assert!(
        f.contains(&"initiative-oriental-honour-loan") || f.contains(&"forsa"),
        "{f:?}"
    );
    // Women-only programs are not for him.
    for x in usable(&r) {
        assert_ne!(
            x.program.criteria.gender,
            Some(bousla::catalog::Gender::Female),
            "{}",
            x.program.id
        );
    }
}

#[test]
fn industrial_sme_in_casablanca() {
    let (p, c) = run("casablanca-industrial-sme");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    // Seven years old: programs for firms under five are out.
    for x in usable(&r) {
        assert!(
            x.program.criteria.max_business_age.is_none_or(|m| m >= 7),
            "{}",
            x.program.id
        );
    }
    assert!(!fits(&r).is_empty());
}

#[test]
fn returnee_from_abroad_in_essaouira() {
    let (p, c) = run("essaouira-diaspora-returnee");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    assert!(
        fits(&r).contains(&"forsa"),
        "Forsa is open to Moroccans living abroad"
    );
}

#[test]
fn young_woman_in_dakhla_gets_a_desk_in_her_region() {
    let (p, c) = run("dakhla-young-woman");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    let with_desk = r
        .fits
        .iter()
        .filter(|x| !doors(&c, x.program, &p).is_empty())
        .count();
    assert!(
        with_desk > 0,
        "at least one fitting program has a desk she can go to"
    );
}

#[test]
fn auto_entrepreneur_in_laayoune_looking_for_public_contracts() {
    let (p, c) = run("laayoune-auto-entrepreneur");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    let market: Vec<_> = r
        .fits
        .iter()
        .filter(|x| x.serves_needs)
        .map(|x| x.program.id.as_str())
        .collect();
    assert!(!market.is_empty(), "a market-access program serves him");
}

#[test]
fn association_in_tetouan() {
    let (p, c) = run("tetouan-association");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    // The cooperative-only component of Moazara in his region is not for an association.
    assert_ne!(
        verdict_of(&r, "moazara-tanger-tetouan-al-hoceima-cooperatives"),
        Some(Verdict::Eligible)
    );
}

#[test]
fn informal_shopkeeper_of_52_in_khouribga() {
    let (p, c) = run("khouribga-informal-shopkeeper");
    let r = rank(&c, &p, TODAY);
    assert_no_other_region(&r, &p);
    assert!(
        fits(&r).contains(&"auto-entrepreneur-status"),
        "formalising comes first"
    );
    for x in usable(&r) {
        assert!(
            x.program.criteria.max_age.is_none_or(|m| m >= 52),
            "{} is for younger holders",
            x.program.id
        );
    }
}
