//! The interface's languages (Arabic, Darija, French, English): labels of the vocabulary, the
//! engine's reasons as sentences, number and date formats, and the interface's strings. Pure
//! Rust, shared by the UI and the catalog CLI.

/// Darija's texts: compiled natively only (the browser downloads them, see `words`).
#[cfg(not(target_arch = "wasm32"))]
pub mod ary;
/// The page's words before the wasm arrives: written by `build.rs`, never in the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod first_paint;
pub mod format;
pub mod labels;
pub mod phrases;
pub mod plural;
pub mod reasons;
pub mod speech;
pub mod strings;
mod table;
pub mod words;

pub use labels::Label;
