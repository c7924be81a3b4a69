//! The real catalog, as shipped: every program sourced, dated, trilingual and with encoded
//! criteria; every region covered; and the embedded copy equal to the files.

use bousla::catalog::load::load_dir;
use bousla::catalog::{Catalog, Date, Lang, Region, embedded};
use std::path::Path;

fn files() -> Catalog {
    let loaded = load_dir(Path::new("data/catalog"), Date::ymd(2026, 11, 30));
    let errors: Vec<String> = loaded
        .issues
        .iter()
        .filter(|i| i.is_error())
        .map(|i| i.to_string())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    loaded.catalog.expect("a catalog without errors")
}

#[test]
fn the_embedded_catalog_is_the_validated_files() {
    assert_eq!(embedded(), &files());
}

#[test]
fn every_program_has_a_dated_source_three_languages_and_encoded_criteria() {
    for p in &files().programs {
        assert!(!p.sources.is_empty(), "{}: no source", p.id);
        assert!(
            p.sources.iter().any(|s| s.date.is_some()),
            "{}: no dated source",
            p.id
        );
        for text in [&p.name, &p.summary, &p.benefits, &p.how_to_apply] {
            for lang in Lang::ALL {
                assert!(
                    !text.get(lang).trim().is_empty(),
                    "{}: missing {}",
                    p.id,
                    lang.code()
                );
            }
        }
        assert!(!p.criteria.is_empty(), "{}: no encoded criterion", p.id);
    }
}

#[test]
fn every_region_has_desks_and_programs_its_holders_can_reach() {
    let c = files();
    for r in Region::ALL {
        let desks = c.desks.iter().filter(|d| d.region == Some(r)).count();
        assert!(desks >= 2, "{}: {desks} desks", r.id());
        let reachable = c
            .programs
            .iter()
            .filter(|p| p.criteria.regions.is_empty() || p.criteria.regions.contains(&r))
            .count();
        assert!(reachable >= 10, "{}: {reachable} programs", r.id());
    }
}

#[test]
fn no_contact_detail_is_left_without_a_source() {
    for d in &files().desks {
        assert!(!d.sources.is_empty(), "desk {} has no source", d.id);
    }
}

#[test]
fn the_per_language_text_tables_rebuild_the_browser_catalog_exactly() {
    use bousla::catalog::text_table::{
        decode_sources, details_table, digest, fill, fill_details, for_browser, sources_table,
        strip, table,
    };
    let full = files();
    let mut rebuilt = strip(&full);
    assert_ne!(rebuilt, full, "strip removes the texts");
    for lang in Lang::ALL {
        fill(&mut rebuilt, lang, &table(&full, lang)).expect("a table of the same catalog fits");
        fill_details(&mut rebuilt, lang, &details_table(&full, lang)).expect("the same's details");
    }
    let sources = sources_table(&full);
    decode_sources(&mut rebuilt, &sources, &digest(&sources)).expect("the same catalog's");
    assert_eq!(rebuilt, for_browser(&full));
    // A table of another catalog is refused rather than misplaced.
    let mut other = strip(&full);
    assert!(fill(&mut other, Lang::Fr, "one\u{1E}two").is_err());
}

#[test]
fn every_region_has_its_investment_centre_and_chamber_of_commerce() {
    let c = files();
    for r in Region::ALL {
        let has = |provider: &str| {
            c.desks
                .iter()
                .any(|d| d.region == Some(r) && d.provider == provider)
        };
        assert!(has("cri"), "{}: no CRI desk", r.id());
        // Known gap: no source gives the Fès-Meknès chamber's seat, phone or site; the
        // interface sends holders to "the CRI or CCIS of your region" instead of inventing one.
        if r != Region::FesMeknes {
            assert!(has("ccis"), "{}: no CCIS desk", r.id());
        }
    }
}
