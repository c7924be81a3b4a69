//! The per-language text tables the browser downloads: the digest recorded by the build is
//! checked before a table fills the catalog, so a table cut short, shuffled, from another build
//! or altered is refused as a whole, even with the right number of entries.

use bousla::catalog::text_table::{
    SEPARATOR, decode, decode_details, decode_sources, details_table, digest, file_name,
    for_browser, hash, sources_file_name, sources_table, strip, table,
};
use bousla::catalog::{Lang, SOURCES_DIGEST, details_digest, embedded, text_digest};

#[test]
fn the_tables_of_this_build_fill_the_catalog_exactly() {
    let full = embedded();
    let mut rebuilt = strip(full);
    for lang in Lang::ALL {
        let t = table(full, lang);
        assert_eq!(digest(&t), text_digest(lang), "{}", lang.code());
        decode(&mut rebuilt, lang, &t, text_digest(lang)).expect("the build's own table");
    }
    assert_ne!(
        rebuilt,
        for_browser(full),
        "the programs' details and sources are not in them"
    );
    for lang in Lang::ALL {
        let t = details_table(full, lang);
        assert_eq!(digest(&t), details_digest(lang), "{}", lang.code());
        decode_details(&mut rebuilt, lang, &t, details_digest(lang)).expect("the build's own");
    }
    assert_ne!(rebuilt, for_browser(full), "the sources are not in them");
    let sources = sources_table(full);
    assert_eq!(digest(&sources), SOURCES_DIGEST);
    decode_sources(&mut rebuilt, &sources, SOURCES_DIGEST).expect("the build's own table");
    assert_eq!(rebuilt, for_browser(full));
}

#[test]
fn the_first_load_leaves_the_programs_sources_to_their_pages() {
    let full = embedded();
    let urls: Vec<&str> = full
        .programs
        .iter()
        .flat_map(|p| &p.sources)
        .map(|s| s.url.as_str())
        // A desk's website is on the cards, and may also be a program's source.
        .filter(|u| !full.desks.iter().any(|d| d.website.as_deref() == Some(*u)))
        .collect();
    assert!(urls.len() > 100, "the catalog cites its sources");
    for lang in Lang::ALL {
        let t = table(full, lang);
        let cited = urls.iter().filter(|u| t.contains(*u)).count();
        assert_eq!(cited, 0, "{}: {cited} source addresses", lang.code());
    }
    let stripped = strip(full);
    assert!(
        stripped
            .programs
            .iter()
            .flat_map(|p| &p.sources)
            .all(|s| s.url.is_empty() && s.title.as_deref().is_none_or(str::is_empty)),
        "the embedded structure keeps only how many sources and their dates"
    );
    assert_eq!(
        stripped
            .programs
            .iter()
            .map(|p| p.sources.len())
            .sum::<usize>(),
        full.programs.iter().map(|p| p.sources.len()).sum::<usize>()
    );
}

#[test]
fn a_cut_shuffled_or_altered_sources_table_is_refused_and_changes_nothing() {
    let full = embedded();
    let t = sources_table(full);
    let entries: Vec<&str> = t.split(SEPARATOR).collect();
    let mut swapped = entries.clone();
    swapped.swap(0, 2);
    let damaged = [
        ("empty", String::new()),
        ("cut in half", t[..t.len() / 2].to_string()),
        ("two entries swapped", swapped.join(&SEPARATOR.to_string())),
        (
            "a link altered",
            t.replacen("https://", "javascript:alert(1)//", 1),
        ),
        ("a language's table", table(full, Lang::Fr)),
    ];
    for (what, bad) in damaged {
        let mut c = strip(full);
        let before = c.clone();
        assert!(
            decode_sources(&mut c, &bad, SOURCES_DIGEST).is_err(),
            "{what}"
        );
        assert_eq!(c, before, "{what}: a refused table changes nothing");
    }
}

#[test]
fn the_browser_gets_every_program_source_and_leaves_out_only_what_it_never_shows() {
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
    // Providers' websites: a program's card names its provider, and a desk gives its own site.
    assert!(full.providers.iter().any(|p| p.website.is_some()));
    assert!(browser.providers.iter().all(|p| p.website.is_none()));
    let mut without = full.clone();
    without.desks.iter_mut().for_each(|d| d.sources.clear());
    without.providers.iter_mut().for_each(|p| {
        p.sources.clear();
        p.website = None;
    });
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

/// Every table's file name carries one hash of all four, so nginx caches them for a year
/// (`deploy/nginx.conf`): a catalog whose texts in any language, or only its programs'
/// sources, change gets new names, and a holder's cached copy is never served for it.
#[test]
fn a_change_to_any_table_even_only_a_source_renames_every_table() {
    let full = for_browser(embedded());
    let base = hash(&full);
    let mut source = full.clone();
    source.programs[0].sources[0].title = Some("Another title".into());
    assert_ne!(sources_table(&source), sources_table(&full));
    assert!(
        Lang::ALL
            .iter()
            .all(|&l| table(&source, l) == table(&full, l))
    );
    assert_ne!(hash(&source), base, "only a source changed");
    let mut french = full.clone();
    french.programs[0].name.fr.push('.');
    assert_ne!(table(&french, Lang::Fr), table(&full, Lang::Fr));
    assert_ne!(hash(&french), base, "only a French name changed");
    assert_eq!(file_name(&base, Lang::Ar), format!("catalog-{base}.ar.txt"));
    assert_eq!(
        sources_file_name(&base),
        format!("catalog-{base}.sources.txt")
    );
}

/// The results' cards show no program's benefits or steps to apply: they are in each
/// language's details table, downloaded after the first cards, and checked like the others.
#[test]
fn benefits_and_steps_are_in_the_details_table_only_and_an_altered_one_is_refused() {
    let full = embedded();
    for lang in Lang::ALL {
        let (texts, details) = (table(full, lang), details_table(full, lang));
        let long: Vec<&str> = full
            .programs
            .iter()
            .flat_map(|p| [p.benefits.get(lang), p.how_to_apply.get(lang)])
            .filter(|x| x.chars().count() > 80)
            .collect();
        assert!(
            long.len() > 50,
            "{}: the catalog says what programs give",
            lang.code()
        );
        for x in &long {
            assert!(
                !texts.contains(x) && details.contains(x),
                "{}: {x}",
                lang.code()
            );
        }
        // A program's website is on its page, not on its card.
        let sites: Vec<&str> = full
            .programs
            .iter()
            .filter_map(|p| p.website.as_deref())
            .collect();
        assert!(sites.len() > 10);
        for w in &sites {
            assert!(details.contains(w), "{}: {w}", lang.code());
        }
        let mut c = strip(full);
        let swapped = {
            let mut e: Vec<&str> = details.split(SEPARATOR).collect();
            e.swap(0, 1);
            e.join(&SEPARATOR.to_string())
        };
        let cut: String = details.chars().take(details.chars().count() / 2).collect();
        for bad in [swapped, cut] {
            assert!(decode_details(&mut c, lang, &bad, details_digest(lang)).is_err());
        }
        assert_eq!(c, strip(full), "a refused table changes nothing");
    }
}

#[test]
fn a_programs_row_in_every_table_is_its_place_in_catalog_order_and_an_unknown_id_has_none() {
    let c = embedded();
    for (row, p) in c.programs.iter().enumerate() {
        assert_eq!(c.program_index(&p.id), Some(row), "{}", p.id);
    }
    assert_eq!(c.program_index("no-such-program"), None);
    assert_eq!(c.program_index(""), None);
}
