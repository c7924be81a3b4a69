//! The per-language text tables the browser downloads: the digest recorded by the build is
//! checked before a table fills the catalog, so a table cut short, shuffled, from another build
//! or altered is refused as a whole, even with the right number of entries.

use bousla::catalog::text_table::{SEPARATOR, decode, digest, for_browser, strip, table};
use bousla::catalog::{Lang, embedded, text_digest};

#[test]
fn the_tables_of_this_build_fill_the_catalog_exactly() {
    let full = embedded();
    let mut rebuilt = strip(full);
    for lang in Lang::ALL {
        let t = table(full, lang);
        assert_eq!(digest(&t), text_digest(lang), "{}", lang.code());
        decode(&mut rebuilt, lang, &t, text_digest(lang)).expect("the build's own table");
    }
    assert_eq!(rebuilt, for_browser(full));
}

#[test]
fn the_browser_gets_every_program_source_and_leaves_out_only_sources_it_never_shows() {
    let full = embedded();
    let browser = for_browser(full);
    assert_eq!(
        browser.programs, full.programs,
        "a program's page lists its sources"
    );
    assert!(full.desks.iter().any(|d| !d.sources.is_empty()));
    assert!(browser.desks.iter().all(|d| d.sources.is_empty()));
    assert!(browser.providers.iter().all(|p| p.sources.is_empty()));
    assert!(browser.pathways.iter().all(|w| w.sources.is_empty()));
    let mut without = full.clone();
    without.desks.iter_mut().for_each(|d| d.sources.clear());
    without.providers.iter_mut().for_each(|p| p.sources.clear());
    without.pathways.iter_mut().for_each(|w| w.sources.clear());
    assert_eq!(browser, without, "nothing else differs");
}

#[test]
fn a_cut_shuffled_foreign_or_altered_table_is_refused() {
    let full = embedded();
    let lang = Lang::Fr;
    let t = table(full, lang);
    let entries: Vec<&str> = t.split(SEPARATOR).collect();
    let sep = SEPARATOR.to_string();
    let mut swapped = entries.clone();
    swapped.swap(0, 4);
    let mut rotated = entries.clone();
    rotated.rotate_left(1);
    let altered = t.replacen("https://", "javascript:alert(1)//", 1);
    let damaged = [
        ("empty", String::new()),
        ("cut in half", t[..t.len() / 2].to_string()),
        ("last byte lost", t[..t.len() - 1].to_string()),
        ("two names swapped", swapped.join(&sep)),
        ("shifted by one", rotated.join(&sep)),
        ("a link altered", altered),
        ("another language", table(full, Lang::En)),
        (
            "an HTML 404 page",
            "<!doctype html><title>404</title>".to_string(),
        ),
        ("a trailing newline", format!("{t}\n")),
    ];
    for (what, bad) in damaged {
        let mut c = strip(full);
        let before = c.clone();
        assert!(
            decode(&mut c, lang, &bad, text_digest(lang)).is_err(),
            "{what}"
        );
        assert_eq!(c, before, "{what}: a refused table changes nothing");
    }
}
