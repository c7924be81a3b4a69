//! The matching engine: pure functions from a profile and the catalog to verdicts, reasons as
//! data, the order of results, near-misses, pathways and the doors to go to. No leptos, no
//! web-sys: tested and benchmarked natively.

pub mod check;
pub mod codec;
pub mod doors;
pub mod index;
mod order;
pub mod profile;
pub mod rank;
pub mod synthetic;
mod timing;
pub mod verdict;

pub use check::{Check, CriterionKind, Outcome, Reason, criterion_kinds, explain};
pub use doors::{Door, DoorReason, doors};
pub use index::{Index, rank_static};
pub use profile::{Band, Profile, ProfileError};
pub use rank::{
    CLOSING_SOON_DAYS, Kinds, Locality, PathwayMatch, Ranked, Ranking, Timing, count_fits,
    evaluate, rank, real_priorities, verdict,
};
pub use verdict::{Fix, Verdict};
