//! The release wasm's linker: rust-lld, less the exports of classes JavaScript can never reach.
//!
//! `dead_classes.rs` cuts wasm-streams' classes from the glue and their exports from the wasm
//! after wasm-bindgen, but by then their code is in the module for good: the closures their
//! methods hand to promises sit in the function table, reached from vtables in the data, and
//! neither wasm-opt nor anything after the linker can tell those table slots are dead (7.7 KB
//! of code in the main module, 2.9 KB brotli, measured on 2026-12-02). Left unexported at link
//! time, the classes' methods are never roots: the linker's own garbage collection drops them
//! and everything only they reached, vtables and table slots included.
//!
//! rustc runs the linker given by cargo's `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER`; the
//! shipped build ([`configure`]) names this program, with the real linker in [`LLD`], and
//! `main` hands over to [`as_linker`] before anything else. wasm-bindgen skips exports it
//! cannot find; the glue's classes then go as before, and `dead_classes.rs` fails the build if
//! the glue still calls an export the module lacks.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::run::Result;

/// The classes whose exports the linker leaves out: wasm-streams' stream adapters, which
/// server_fn (always built into Leptos 0.8 with its `browser` feature) carries and this app
/// never builds or receives (`dead_classes.rs` checks the glue agrees).
pub const UNREACHABLE: [&str; 3] = [
    "IntoUnderlyingByteSource",
    "IntoUnderlyingSink",
    "IntoUnderlyingSource",
];

/// The environment variable that holds the real linker's path, and makes xtask act as one.
const LLD: &str = "BOUSLA_WASM_LLD";

/// When xtask was started as the wasm's linker (see [`configure`]): runs the real linker on
/// the arguments less the unreachable classes' exports, and returns its exit status.
pub fn as_linker() -> Option<ExitCode> {
    let lld = std::env::var_os(LLD)?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = Command::new(lld).args(kept(&args)).status();
    Some(match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(s) => ExitCode::from(u8::try_from(s.code().unwrap_or(1)).unwrap_or(1)),
        Err(e) => {
            eprintln!("xtask (as the wasm's linker): cannot run the linker: {e}");
            ExitCode::FAILURE
        }
    })
}

/// Makes `build` (the release wasm's cargo or trunk build, on the nightly whose sysroot is
/// `sysroot`) link through this program.
pub fn configure(build: &mut Command, sysroot: &Path) -> Result<()> {
    let me = std::env::current_exe().map_err(|e| format!("cannot find xtask's own path: {e}"))?;
    build
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", me)
        .env(LLD, rust_lld(sysroot)?);
    Ok(())
}

/// The toolchain's own rust-lld (what rustc runs for wasm32 by default): under
/// `lib/rustlib/<host>/bin/`.
fn rust_lld(sysroot: &Path) -> Result<PathBuf> {
    let rustlib = sysroot.join("lib/rustlib");
    let hosts = std::fs::read_dir(&rustlib).map_err(|e| format!("{}: {e}", rustlib.display()))?;
    hosts
        .filter_map(|d| Some(d.ok()?.path().join("bin/rust-lld")))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("no rust-lld under {}", rustlib.display()))
}

/// The linker's arguments without `--export NAME` (or `--export=NAME`) for the unreachable
/// classes' symbols; everything else as given, in order.
fn kept(args: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(args.len());
    let mut at = 0;
    while at < args.len() {
        let arg = &args[at];
        if arg == "--export" && args.get(at + 1).is_some_and(|s| of_unreachable_class(s)) {
            at += 2;
            continue;
        }
        if arg
            .strip_prefix("--export=")
            .is_some_and(of_unreachable_class)
        {
            at += 1;
            continue;
        }
        out.push(arg.clone());
        at += 1;
    }
    out
}

/// Whether `symbol` is one wasm-bindgen exports for an unreachable class: a method
/// (`intounderlyingsource_pull_<hash>`), its `free` (`__wbg_intounderlyingsource_free_<hash>`)
/// or the description of either (`__wbindgen_describe_…`). The descriptions of the imports
/// that build such classes in JavaScript (`…___wbg_new_with_into_underlying_source_…`) stay:
/// wasm-bindgen reads them for the imports the module still has.
fn of_unreachable_class(symbol: &str) -> bool {
    let name = symbol
        .strip_prefix("__wbindgen_describe_")
        .unwrap_or(symbol);
    let name = name.strip_prefix("__wbg_").unwrap_or(name);
    UNREACHABLE.iter().any(|class| {
        name.strip_prefix(class.to_ascii_lowercase().as_str())
            .is_some_and(|rest| rest.starts_with('_'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_unreachable_classes_exports_and_descriptions_are_left_out() {
        let args = strings(&[
            "-flavor",
            "wasm",
            "--export",
            "__wbg_intounderlyingsource_free_58a9338f50bce61c",
            "--export",
            "intounderlyingbytesource_pull_58a9338f50bce61c",
            "--export",
            "__wbindgen_describe_intounderlyingsink_write_58a9338f50bce61c",
            "--export=intounderlyingsource_cancel_58a9338f50bce61c",
            "--export",
            "__wbindgen_describe___wbg_new_with_into_underlying_source_10a8d5a675a6a5f5",
            "--export",
            "__wbindgen_describe___wbg_getReader_6912875434814e8c",
            "--export=start",
            "--gc-sections",
            "-o",
            "out.wasm",
        ]);
        assert_eq!(
            kept(&args),
            strings(&[
                "-flavor",
                "wasm",
                "--export",
                "__wbindgen_describe___wbg_new_with_into_underlying_source_10a8d5a675a6a5f5",
                "--export",
                "__wbindgen_describe___wbg_getReader_6912875434814e8c",
                "--export=start",
                "--gc-sections",
                "-o",
                "out.wasm",
            ])
        );
    }

    #[test]
    fn a_class_whose_name_only_begins_like_one_stays() {
        for symbol in [
            "intounderlyingsourcecode_run_1",
            "__wbg_intounderlying_free_1",
            "run_intounderlyingsource_1",
        ] {
            assert!(!of_unreachable_class(symbol), "{symbol}");
        }
        let args = strings(&["--export", "intounderlyingsourcecode_run_1", "--export"]);
        assert_eq!(kept(&args), args);
    }
}
