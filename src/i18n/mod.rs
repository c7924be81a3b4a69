//! The three languages: labels of the vocabulary, the engine's reasons as sentences, number and
//! date formats, and the interface's strings. Pure Rust, shared by the UI and the catalog CLI.

pub mod format;
pub mod labels;
pub mod reasons;
pub mod speech;
pub mod strings;

pub use labels::Label;
