//! The interface's words in French, English and Darija as tables the browser downloads, so a
//! first load carries the words of one language, not of four. Arabic's are in the app: the
//! default, the language of most holders, and what shows when another's download fails.
//!
//! The texts are written as [`Strings`] and [`Phrases`] literals (French and English beside
//! the Arabic in `strings.rs` and `phrases.rs`, Darija in `ary.rs`): a missing key is a compile
//! error. Native builds (the CLI, tests, `build.rs`) compile them in; the browser's build does
//! not: `build.rs` writes each language's values, in the tables' key order, one record
//! separator between them, to `catalog-<12 hex>.<lang>-ui.txt` next to the catalog's own
//! tables, and records its SHA-256. The boot script starts the download of the page's language
//! with the wasm (`xtask/src/first_paint.js`); a switch downloads the chosen one. The browser
//! checks the digest (Subresource Integrity), then the table is [`install`]ed before a word of
//! that language is shown; until then [`of`] is `None`.

use crate::catalog::Lang;
use crate::catalog::text_table::SEPARATOR;

use super::phrases::Phrases;
use super::strings::Strings;

/// One language's whole interface.
pub struct Words {
    pub strings: Strings,
    pub phrases: Phrases,
}

/// The languages whose words are a downloaded table (Arabic's are in the app).
pub const TABLED: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ary];

/// The table's text: every string, then every phrase, in their keys' order.
pub fn encode(w: &Words) -> String {
    let values: Vec<&str> = w
        .strings
        .entries()
        .into_iter()
        .chain(w.phrases.entries())
        .map(|(_, v)| v)
        .collect();
    values.join(&SEPARATOR.to_string())
}

/// Reads a table written by [`encode`]; refuses one with too few or too many values.
pub fn decode(table: &'static str) -> Result<Words, String> {
    let values: Vec<&'static str> = table.split(SEPARATOR).collect();
    let (strings, phrases) = values.split_at(Strings::COUNT.min(values.len()));
    match (Strings::from_values(strings), Phrases::from_values(phrases)) {
        (Some(strings), Some(phrases)) => Ok(Words { strings, phrases }),
        _ => Err("the interface table does not fit this build".to_string()),
    }
}

/// A language's table file name: its digest names it, so it can be cached for ever.
pub fn file_name(lang: Lang, digest: &str) -> String {
    format!(
        "catalog-{}.{}-ui.txt",
        digest.get(..12).unwrap_or(digest),
        lang.code()
    )
}

/// In the browser, what a language's failed download says, in that language, for French and
/// English (their own words are what failed); Darija's notice is in the interface's words.
pub fn unavailable(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Fr => Some(
            "Impossible de charger le français. Vérifiez la connexion, puis touchez « Français » à nouveau.",
        ),
        Lang::En => {
            Some("English could not be loaded. Check the connection, then tap “English” again.")
        }
        Lang::Ar | Lang::Ary => None,
    }
}

#[cfg(not(target_arch = "wasm32"))]
static NATIVE: [Words; 3] = [
    Words {
        strings: super::strings::FR,
        phrases: super::phrases::FR,
    },
    Words {
        strings: super::strings::EN,
        phrases: super::phrases::EN,
    },
    Words {
        strings: super::ary::STRINGS,
        phrases: super::ary::PHRASES,
    },
];

fn slot(lang: Lang) -> Option<usize> {
    TABLED.iter().position(|l| *l == lang)
}

/// A tabled language's words when they are here: always in native builds; in the browser once
/// [`install`]ed. `None` for Arabic, whose words are the app's own.
#[cfg(not(target_arch = "wasm32"))]
pub fn of(lang: Lang) -> Option<&'static Words> {
    slot(lang).map(|i| &NATIVE[i])
}

#[cfg(target_arch = "wasm32")]
static LOADED: [std::sync::OnceLock<Words>; 3] = [const { std::sync::OnceLock::new() }; 3];

#[cfg(target_arch = "wasm32")]
pub fn of(lang: Lang) -> Option<&'static Words> {
    slot(lang).and_then(|i| LOADED[i].get())
}

/// Whether the interface can be shown in `lang` now.
pub fn ready(lang: Lang) -> bool {
    lang == Lang::Ar || of(lang).is_some()
}

/// Reads a downloaded table of `lang` (the browser checked it against this build's digest, see
/// `browser::fetch_text`) and keeps it for the page's life; refuses one that does not fit.
pub fn install(lang: Lang, table: String) -> Result<(), String> {
    let table: &'static str = Box::leak(table.into_boxed_str());
    let words = decode(table)?;
    #[cfg(target_arch = "wasm32")]
    if let Some(i) = slot(lang) {
        // Once per page: the texts live as long as the interface that shows them.
        let _ = LOADED[i].set(words);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, words);
    Ok(())
}
