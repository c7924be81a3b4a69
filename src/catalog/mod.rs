//! The catalog: its schema, vocabulary, geography, validation and the copy embedded at build time.
//! Pure Rust: no leptos, no web-sys.

pub mod date;
pub mod geo;
pub mod href;
pub mod schema;
pub mod text;
pub mod text_table;
pub mod validate;
pub mod vocab;

#[cfg(not(target_arch = "wasm32"))]
pub mod load;

mod decode;
mod embedded;

pub use date::Date;
pub use embedded::{SOURCES_DIGEST, TEXT_HASH, decoded, details_digest, embedded, text_digest};
pub use geo::{Province, Region};
pub use schema::{
    Amount, Audience, Catalog, Criteria, Desk, Freshness, Pathway, Program, Provider, Source,
    newest_source,
};
pub use text::{Lang, Text};
pub use vocab::*;
