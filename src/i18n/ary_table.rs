//! The Darija interface (الدارجة) as a table the browser downloads when a holder chooses it, so
//! its words never weigh on the first load of Arabic, French or English.
//!
//! The texts are written in `ary.rs`, as a [`Strings`] and a [`Phrases`] literal (a missing key
//! is a compile error). Native builds (the CLI, tests, `build.rs`) compile it in; the browser's
//! build does not: `build.rs` writes its values, in the tables' key order, one record separator
//! between them, to `catalog-<12 hex>.ary.txt` next to the catalog's own tables, and records
//! its SHA-256. The browser checks that digest (Subresource Integrity), then [`install`]s the
//! table before it shows a word of Darija; until then [`darija`] is `None` and the interface
//! stays in its language.

use crate::catalog::text_table::SEPARATOR;

use super::phrases::Phrases;
use super::strings::Strings;

/// The whole Darija interface.
pub struct Darija {
    pub strings: Strings,
    pub phrases: Phrases,
}

/// The table's text: every string, then every phrase, in their keys' order.
pub fn encode(d: &Darija) -> String {
    let values: Vec<&str> = d
        .strings
        .entries()
        .into_iter()
        .chain(d.phrases.entries())
        .map(|(_, v)| v)
        .collect();
    values.join(&SEPARATOR.to_string())
}

/// Reads a table written by [`encode`]; refuses one with too few or too many values.
pub fn decode(table: &'static str) -> Result<Darija, String> {
    let values: Vec<&'static str> = table.split(SEPARATOR).collect();
    let (strings, phrases) = values.split_at(Strings::COUNT.min(values.len()));
    match (Strings::from_values(strings), Phrases::from_values(phrases)) {
        (Some(strings), Some(phrases)) => Ok(Darija { strings, phrases }),
        _ => Err("the Darija table does not fit this build".to_string()),
    }
}

/// The table's file name: its digest names it, so it can be cached for ever.
pub fn file_name(digest: &str) -> String {
    format!("catalog-{}.ary.txt", digest.get(..12).unwrap_or(digest))
}

#[cfg(not(target_arch = "wasm32"))]
static NATIVE: Darija = Darija {
    strings: super::ary::STRINGS,
    phrases: super::ary::PHRASES,
};

/// The Darija interface when it is here: always in native builds; in the browser once
/// [`install`]ed.
#[cfg(not(target_arch = "wasm32"))]
pub fn darija() -> Option<&'static Darija> {
    Some(&NATIVE)
}

#[cfg(target_arch = "wasm32")]
static LOADED: std::sync::OnceLock<Darija> = std::sync::OnceLock::new();

#[cfg(target_arch = "wasm32")]
pub fn darija() -> Option<&'static Darija> {
    LOADED.get()
}

/// Reads a downloaded table (the browser checked it against this build's digest, see
/// `browser::fetch_text`) and keeps it for the page's life; refuses one that does not fit.
pub fn install(table: String) -> Result<(), String> {
    let table: &'static str = Box::leak(table.into_boxed_str());
    #[cfg(target_arch = "wasm32")]
    if LOADED.get().is_none() {
        // Once per page: the texts live as long as the interface that shows them.
        let _ = LOADED.set(decode(table)?);
    }
    #[cfg(not(target_arch = "wasm32"))]
    decode(table)?;
    Ok(())
}
