//! `cargo xtask fuzz [N]`: damages N share links (default one million) and decodes each
//! (examples/share_fuzz.rs); fails on any panic or silent misread. `cargo xtask test` runs it
//! with [`TEST_COUNT`] links.

use crate::run::{Result, cmd, run};

/// Links damaged by `cargo xtask fuzz` with no count given.
pub const DEFAULT_COUNT: u64 = 1_000_000;
/// Links damaged on every `cargo xtask test` (a few seconds).
pub const TEST_COUNT: u64 = 100_000;

/// The fuzzer in the dev profile: panics unwind there, so each is counted rather than ending
/// the run, and the build is the one `cargo test` already made.
pub fn fuzz(count: u64) -> Result<()> {
    let n = count.to_string();
    run(cmd(
        "cargo",
        &["run", "--quiet", "--example", "share_fuzz", "--", &n],
    ))
}

/// The count on the command line: digits, with `_` or `,` allowed between them.
pub fn count(arg: Option<&str>) -> Result<u64> {
    match arg {
        None => Ok(DEFAULT_COUNT),
        Some(a) => a
            .replace(['_', ','], "")
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("`{a}` is not a number of links, e.g. 1000000")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_counts() {
        assert_eq!(count(None), Ok(DEFAULT_COUNT));
        assert_eq!(count(Some("2_000_000")), Ok(2_000_000));
        assert!(count(Some("0")).is_err());
        assert!(count(Some("many")).is_err());
    }
}
