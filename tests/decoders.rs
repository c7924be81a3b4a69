//! Untrusted input never panics: catalog files as the CLI and the build read them, mutated
//! and truncated at random. (Share links, stored answers, URL options and profile JSON have
//! their own properties in engine_properties.rs.) Bounded: a few hundred cases per run.

use bousla::catalog::Date;
use bousla::catalog::load::load_dir;
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

const REAL: &str = include_str!("../data/catalog/programs/forsa.toml");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bousla-decoders-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn load(dir: &Path, text: &str) -> bool {
    fs::write(dir.join("case.toml"), text).expect("write case");
    let loaded = load_dir(dir, Date::ymd(2026, 11, 30));
    // Either a catalog or errors that say where: never both missing.
    loaded.catalog.is_some() || !loaded.issues.is_empty()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_truncated_catalog_file_is_reported_not_panicked_on(cut in 0usize..REAL.len()) {
        let dir = scratch("truncated");
        let cut = (0..=cut).rev().find(|i| REAL.is_char_boundary(*i)).unwrap_or(0);
        prop_assert!(load(&dir, &REAL[..cut]));
    }

    #[test]
    fn a_mutated_catalog_file_is_reported_not_panicked_on(at in 0usize..REAL.len(), junk in "\\PC{0,12}") {
        let dir = scratch("mutated");
        let at = (0..=at).rev().find(|i| REAL.is_char_boundary(*i)).unwrap_or(0);
        let text = format!("{}{junk}{}", &REAL[..at], &REAL[at..]);
        prop_assert!(load(&dir, &text));
    }

    #[test]
    fn arbitrary_text_as_a_catalog_file_is_reported_not_panicked_on(text in "\\PC{0,400}") {
        let dir = scratch("arbitrary");
        prop_assert!(load(&dir, &text));
    }
}
