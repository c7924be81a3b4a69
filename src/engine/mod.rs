//! The matching engine: pure functions from a profile and the catalog to verdicts, reasons as
//! data, near-misses and pathways. No leptos, no web-sys: tested and benchmarked natively.

pub mod check;
pub mod codec;
pub mod profile;
pub mod rank;
pub mod synthetic;
pub mod verdict;

pub use check::{Check, CriterionKind, Outcome, Reason, criterion_kinds, explain};
pub use profile::Profile;
pub use rank::{PathwayMatch, Ranked, Ranking, count_fits, rank, score, verdict};
pub use verdict::{Fix, Verdict, near_miss};
