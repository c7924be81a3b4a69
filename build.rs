//! Validates the catalog in `data/catalog/` and embeds it: any error fails the build with the
//! file, record id and field at fault.

// The build script compiles the catalog modules on their own; it uses only part of them.
#![allow(dead_code)]

#[path = "src/catalog/date.rs"]
mod date;
#[path = "src/catalog/geo.rs"]
mod geo;
#[path = "src/catalog/load.rs"]
mod load;
#[path = "src/catalog/schema.rs"]
mod schema;
#[path = "src/catalog/text.rs"]
mod text;
#[path = "src/catalog/text_table.rs"]
mod text_table;
#[path = "src/catalog/validate.rs"]
mod validate;
#[path = "src/catalog/vocab.rs"]
mod vocab;

// The French, English and Darija interfaces (see src/i18n/words.rs): their texts are compiled
// here, so a missing one fails the build, and written to the tables the browser downloads.
#[path = "src/i18n/ary.rs"]
mod ary;
#[path = "src/i18n/first_paint.rs"]
mod first_paint;
#[path = "src/i18n/phrases.rs"]
mod phrases;
#[path = "src/i18n/strings.rs"]
mod strings;
#[path = "src/i18n/table.rs"]
mod table;
#[path = "src/i18n/words.rs"]
mod words;
/// What the i18n modules reach as `crate::catalog`.
mod catalog {
    pub use super::text::Lang;
    pub(crate) use super::text_table;
}

use schema::Catalog;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    let dir = Path::new("data/catalog");
    println!("cargo:rerun-if-changed=data/catalog");
    println!("cargo:rerun-if-changed=src/catalog");
    println!("cargo:rerun-if-changed=src/i18n");
    let loaded = load::load_dir(dir, today());
    for issue in &loaded.issues {
        if issue.is_error() {
            eprintln!("{issue}");
        } else {
            println!("cargo:warning={issue}");
        }
    }
    let Some(catalog) = loaded.catalog else {
        let n = loaded.issues.iter().filter(|i| i.is_error()).count();
        eprintln!(
            "\nThe catalog has {n} error(s); fix them (see docs/catalog.md) and build again."
        );
        std::process::exit(1);
    };
    // The browser build embeds the structure only; each language's texts are a separate file
    // (see src/catalog/text_table.rs). Native builds (CLI, tests) embed everything.
    println!(
        "cargo:rustc-env=BOUSLA_TEXT_HASH={}",
        text_table::hash(&catalog)
    );
    // Each language's table's SHA-256: the browser refuses a table that does not match it.
    for lang in text::Lang::ALL {
        println!(
            "cargo:rustc-env=BOUSLA_TEXT_DIGEST_{}={}",
            lang.code().to_ascii_uppercase(),
            text_table::digest(&text_table::table(&catalog, lang))
        );
    }
    // Each language's programs' details (benefits, steps), fetched after the first cards.
    for lang in text::Lang::ALL {
        println!(
            "cargo:rustc-env=BOUSLA_DETAILS_DIGEST_{}={}",
            lang.code().to_ascii_uppercase(),
            text_table::digest(&text_table::details_table(&catalog, lang))
        );
    }
    // The programs' sources, one table for every language, fetched with a program's page.
    println!(
        "cargo:rustc-env=BOUSLA_SOURCES_DIGEST={}",
        text_table::digest(&text_table::sources_table(&catalog))
    );
    // The French, English and Darija interfaces' tables and their SHA-256, which names each
    // and which the browser checks.
    let interfaces: Vec<(text::Lang, String, String)> = words::TABLED
        .into_iter()
        .map(|lang| {
            let table = words::encode(words::of(lang).expect("native builds have every language"));
            let digest = text_table::digest(&table);
            let var = lang.code().to_uppercase();
            println!("cargo:rustc-env=BOUSLA_UI_DIGEST_{var}={digest}");
            (lang, table, digest)
        })
        .collect();
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    if wasm {
        write_text_tables(&catalog, &interfaces);
    }
    let embedded = if wasm {
        text_table::strip(&catalog)
    } else {
        catalog
    };
    let bytes =
        postcard::to_allocvec::<Catalog>(&embedded).expect("a validated catalog serializes");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("catalog.postcard");
    std::fs::write(&out, bytes).expect("OUT_DIR is writable");
}

/// The day of the build, for the staleness check (SOURCE_DATE_EPOCH for reproducible builds).
fn today() -> date::Date {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    date::Date::from_unix_seconds(secs)
}

/// The display tables that go with this very build of the wasm, for Trunk's post-build hook
/// to copy next to it: written by the same run that embeds the structure, so the two always
/// match, even when the catalog changes during a build.
fn write_text_tables(catalog: &Catalog, interfaces: &[(text::Lang, String, String)]) {
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let dir = root.join("target").join("bousla-text");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("target/ is writable");
    let hash = text_table::hash(catalog);
    // Each language's table, written once here; the boot script names it with its integrity.
    let mut integrity = Vec::new();
    for lang in text::Lang::ALL {
        let table = text_table::table(catalog, lang);
        let digest = text_table::digest(&table);
        integrity.push((
            lang,
            text_table::integrity(&digest).expect("a SHA-256 in hex"),
        ));
        let path = dir.join(text_table::file_name(&hash, lang));
        std::fs::write(&path, table).expect("target/ is writable");
    }
    for lang in text::Lang::ALL {
        std::fs::write(
            dir.join(text_table::details_file_name(&hash, lang)),
            text_table::details_table(catalog, lang),
        )
        .expect("target/ is writable");
    }
    std::fs::write(
        dir.join(text_table::sources_file_name(&hash)),
        text_table::sources_table(catalog),
    )
    .expect("target/ is writable");
    for (lang, table, digest) in interfaces {
        std::fs::write(dir.join(words::file_name(*lang, digest)), table)
            .expect("target/ is writable");
    }
    // Not copied next to the app: `cargo xtask dist` puts the words in the boot script.
    // With each language's table, which the boot script downloads early on a results page.
    let table = |lang| first_paint::Table {
        file: text_table::file_name(&hash, lang),
        integrity: integrity
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, i)| i.clone())
            .expect("every language has its table"),
    };
    // And the page language's words, which it downloads with the wasm.
    let ui = |lang| {
        interfaces
            .iter()
            .find(|(l, _, _)| *l == lang)
            .map(|(_, _, digest)| first_paint::Table {
                file: words::file_name(lang, digest),
                integrity: text_table::integrity(digest).expect("a SHA-256 in hex"),
            })
    };
    std::fs::write(dir.join("first-paint.json"), first_paint::json(table, ui))
        .expect("target/ is writable");
}
