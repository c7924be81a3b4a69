//! The catalog validated by `build.rs` and embedded in the binary as postcard bytes, read
//! back by `decode` (no serde in the browser).

use std::sync::OnceLock;

use super::schema::Catalog;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.postcard"));

/// Names the text tables of this build (`catalog-<hash>.<lang>.txt`).
pub const TEXT_HASH: &str = env!("BOUSLA_TEXT_HASH");

/// The SHA-256 of each language's text table of this build (the browser checks each download
/// against it: `text_table::integrity`).
pub fn text_digest(lang: super::text::Lang) -> &'static str {
    match lang {
        super::text::Lang::Ar | super::text::Lang::Ary => env!("BOUSLA_TEXT_DIGEST_AR"),
        super::text::Lang::Fr => env!("BOUSLA_TEXT_DIGEST_FR"),
        super::text::Lang::En => env!("BOUSLA_TEXT_DIGEST_EN"),
    }
}

/// The SHA-256 of each language's table of the programs' details (Darija's are the Arabic).
pub fn details_digest(lang: super::text::Lang) -> &'static str {
    match lang {
        super::text::Lang::Ar | super::text::Lang::Ary => env!("BOUSLA_DETAILS_DIGEST_AR"),
        super::text::Lang::Fr => env!("BOUSLA_DETAILS_DIGEST_FR"),
        super::text::Lang::En => env!("BOUSLA_DETAILS_DIGEST_EN"),
    }
}

/// The SHA-256 of this build's programs' sources table (checked like the languages' tables).
pub const SOURCES_DIGEST: &str = env!("BOUSLA_SOURCES_DIGEST");

/// The embedded catalog, decoded once. In the browser build its texts are empty: they come
/// from the language's text table (see `text_table`). The bytes were written by this crate's build script from
/// a catalog that passed validation, so decoding cannot fail short of a build bug; if it ever
/// did, the app shows an empty catalog rather than dying.
pub fn embedded() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(decoded)
}

/// A copy of the embedded catalog of its own, for a language's texts to be filled in: decoded
/// again rather than cloned, because the decoder is in the wasm anyway and the catalog's
/// `Clone` (2.6 KB of wasm) then is not.
pub fn decoded() -> Catalog {
    super::decode::catalog(BYTES).unwrap_or_default()
}
