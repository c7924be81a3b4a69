//! Installing the build and test tools, each pinned, each only when missing or at another
//! version. Nothing downloads a binary from outside the package registries: trunk runs
//! `--offline` with our wasm-bindgen and wasm-opt on PATH.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::run::{Result, cmd, is_root, output, run};

pub const TRUNK: &str = "0.21.14";
/// Debian's binaryen (108) produces a wasm that dies on load in Chromium; npm's is current.
pub const WASM_OPT_VERSION: &str = "version_132";

pub fn ensure_build_tools() -> Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", TRUNK, &["trunk", "--version", TRUNK, "--locked"])?;
    let wb = wasm_bindgen_version()?;
    check_trunk_pins(&wb)?;
    // `--locked` failed here for wasm-bindgen-cli 0.2.130 (a locked dependency left the index).
    ensure_cargo_tool("wasm-bindgen", &wb, &["wasm-bindgen-cli", "--version", &wb])?;
    ensure_installed_crate(
        "wasm_split_cli_support",
        WASM_SPLIT,
        &[
            "wasm_split_cli_support",
            "--version",
            WASM_SPLIT,
            "--locked",
            "--features",
            "build-binary",
        ],
    )?;
    ensure_npm()?;
    let v = output("wasm-opt", &["--version"]).unwrap_or_default();
    if !v.contains(WASM_OPT_VERSION) {
        return Err(format!(
            "wasm-opt from node_modules is `{}`, expected {WASM_OPT_VERSION}",
            v.trim()
        ));
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_cargo_tool(bin: &str, version: &str, install: &[&str]) -> Result<()> {
    let found = output(bin, &["--version"]).unwrap_or_default();
    if found.split_whitespace().any(|w| w == version) {
        return Ok(());
    }
    eprintln!("xtask: installing {bin} {version} from crates.io (a few minutes, once)");
    let mut args = vec!["install"];
    args.extend_from_slice(install);
    run(cmd("cargo", &args))
}

/// wasm-split-cli cuts the release wasm into chunks fetched on first use (`split.rs`).
pub const WASM_SPLIT: &str = "0.2.4";

/// For a tool without `--version` (wasm-split-cli): what `cargo install --list` says.
fn ensure_installed_crate(krate: &str, version: &str, install: &[&str]) -> Result<()> {
    let list = output("cargo", &["install", "--list"]).unwrap_or_default();
    if list
        .lines()
        .any(|l| l.starts_with(&format!("{krate} v{version}:")))
    {
        return Ok(());
    }
    eprintln!("xtask: installing {krate} {version} from crates.io (a few minutes, once)");
    let mut args = vec!["install"];
    args.extend_from_slice(install);
    run(cmd("cargo", &args))
}

/// twiggy reads the wasm for the size report's largest items and bytes per crate.
pub const TWIGGY: &str = "0.7.0";

pub fn ensure_twiggy() -> Result<()> {
    ensure_cargo_tool(
        "twiggy",
        TWIGGY,
        &["twiggy", "--version", TWIGGY, "--locked"],
    )
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly the same.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock =
        fs::read_to_string("Cargo.lock").map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| "wasm-bindgen is not in Cargo.lock".into())
}

fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Some(v.trim_end_matches('"').to_string());
        }
    }
    None
}

/// Trunk looks for tools at the versions Trunk.toml names and, finding none on PATH, would
/// download them (an error under `--offline`, which says little). Say what to fix instead.
fn check_trunk_pins(wasm_bindgen: &str) -> Result<()> {
    let toml =
        fs::read_to_string("Trunk.toml").map_err(|e| format!("cannot read Trunk.toml: {e}"))?;
    for (key, want) in [
        ("wasm_bindgen", wasm_bindgen),
        ("wasm_opt", WASM_OPT_VERSION),
    ] {
        let pinned = toml_string(&toml, key);
        if pinned.as_deref() != Some(want) {
            return Err(format!(
                "Trunk.toml [tools] {key} is {pinned:?}, expected \"{want}\" (Cargo.lock and \
                 package.json decide it)"
            ));
        }
    }
    Ok(())
}

/// The value of `key = "value"` in a small TOML file, enough for Trunk.toml's [tools].
fn toml_string(toml: &str, key: &str) -> Option<String> {
    toml.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// npm packages (wasm-opt, terser, clean-css, Playwright, axe-core) at the versions of
/// package-lock.json.
fn ensure_npm() -> Result<()> {
    let stamp = Path::new("node_modules/.package-lock.json");
    let fresh = match (
        fs::metadata(stamp).and_then(|m| m.modified()),
        fs::metadata("package-lock.json").and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(wanted)) => installed >= wanted,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        return Err(
            "npm is missing: install Node.js 20 or newer (Debian: apt-get install nodejs npm)"
                .into(),
        );
    }
    let mut c = cmd("npm", &["ci", "--no-audit", "--no-fund"]);
    // Playwright drives Debian's chromium; it must not try to download its own browser.
    c.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(c)
}

/// Debian packages, each named with a file it installs: `required` ones are installed when
/// missing and we may (root), else an error names them; `optional` ones only when we may.
pub fn ensure_debian(required: &[(&str, &str)], optional: &[(&str, &str)]) -> Result<()> {
    let (required, optional) = (missing(required), missing(optional));
    if required.is_empty() && optional.is_empty() {
        return Ok(());
    }
    if !is_root() || output("apt-get", &["--version"]).is_none() {
        if !optional.is_empty() {
            eprintln!(
                "xtask: note: without {} screenshots lack some glyphs",
                optional.join(", ")
            );
        }
        if required.is_empty() {
            return Ok(());
        }
        return Err(format!(
            "missing Debian packages: run `sudo apt-get install {}`",
            required.join(" ")
        ));
    }
    let installed = apt_install(&[&required[..], &optional[..]].concat());
    match installed {
        Err(e) if required.is_empty() => {
            eprintln!("xtask: note: {e} (optional, going on)");
            Ok(())
        }
        other => other,
    }
}

fn missing<'a>(packages: &[(&'a str, &str)]) -> Vec<&'a str> {
    packages
        .iter()
        .filter(|(_, path)| !Path::new(path).exists())
        .map(|(pkg, _)| *pkg)
        .collect()
}

fn apt_install(packages: &[&str]) -> Result<()> {
    let apt = |args: &[&str]| {
        let mut c = cmd("apt-get", args);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        run(c)
    };
    apt(&["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// The shipped wasm is built by this nightly, with the standard library rebuilt from source
/// (`-Zbuild-std`), which stable rustc cannot do. Measured back to back (main wasm, brotli):
/// 170.7 KB on stable; 157.6 KB with `-Cpanic=immediate-abort` (a panic traps at once instead
/// of formatting its message: the panic machinery and most of `core::fmt` leave the wasm);
/// 157.1 KB with std's `optimize_for_size` (its smaller algorithms); 153.9 KB with
/// `-Zfmt-debug=shallow` (a derived `Debug` writes its type or variant name only: the three
/// console warnings that print an error keep its kind; nothing shown to a holder uses `Debug`).
/// `-Zfmt-debug=none` gave 153.7 KB and empty warnings; `-Zlocation-detail=none` saved 0.2 KB
/// more and was left out; `-Zinline-mir=no` gave the same bytes; `-Zvirtual-function-elimination`
/// (with `-Clto=fat`) crashed LLVM building `core` for wasm32 ("Do not know how to promote this
/// operator!"). Only the release wasm is built so (`dist`, `bloat`); the tests,
/// clippy and `cargo xtask serve` stay on the stable toolchain of rust-toolchain.toml, with
/// panic messages. Pinned: a new nightly may change the flags or the size, and a reader must
/// be able to build the same wasm.
pub const NIGHTLY: &str = "nightly-2026-05-20";

fn ensure_nightly() -> Result<()> {
    if !nightly_library().is_some_and(|manifest| manifest.exists()) {
        eprintln!("xtask: installing {NIGHTLY} with rust-src from rustup (a minute, once)");
        run(cmd(
            "rustup",
            &[
                "toolchain",
                "install",
                NIGHTLY,
                "--profile",
                "minimal",
                "--component",
                "rust-src",
            ],
        ))?;
    }
    let manifest = nightly_library().ok_or(format!("{NIGHTLY} has no sysroot"))?;
    // Trunk builds `--offline`: the standard library's own dependencies must be in cargo's
    // cache first (a no-op once they are).
    let manifest = manifest.to_string_lossy().into_owned();
    run(cmd(
        "cargo",
        &[
            &format!("+{NIGHTLY}"),
            "fetch",
            "--manifest-path",
            &manifest,
        ],
    ))
}

/// The standard library's workspace manifest in the nightly's rust-src; None while the
/// nightly is not installed (`rustup run` fails).
fn nightly_library() -> Option<std::path::PathBuf> {
    Some(nightly_sysroot()?.join("lib/rustlib/src/rust/library/Cargo.toml"))
}

/// Where [`NIGHTLY`] is installed.
fn nightly_sysroot() -> Option<std::path::PathBuf> {
    let sysroot = output("rustup", &["run", NIGHTLY, "rustc", "--print", "sysroot"])?;
    Some(Path::new(sysroot.trim()).to_path_buf())
}

/// Makes `build` (a cargo or trunk build of the release wasm) use [`NIGHTLY`], installed
/// first if missing, rebuild the standard library as [`NIGHTLY`] says, and link through
/// `link_filter.rs`. The flags add to those of `.cargo/config.toml` (cargo joins a list from
/// the environment to the file's: the build still has `--emit-relocs`, which wasm-split needs,
/// and the same wasm came out as with every flag given in one list).
pub fn shipped_wasm(build: &mut Command) -> Result<()> {
    ensure_nightly()?;
    let sysroot = nightly_sysroot().ok_or(format!("{NIGHTLY} has no sysroot"))?;
    crate::link_filter::configure(build, &sysroot)?;
    build
        .env("RUSTUP_TOOLCHAIN", NIGHTLY)
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=shallow",
        );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_locked_version_of_exactly_that_package() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.1\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            locked_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(lock, "leptos"), None);
    }

    #[test]
    fn names_only_the_packages_whose_file_is_absent() {
        let packages = [("here", "/"), ("gone", "/nonexistent/bousla/xtask")];
        assert_eq!(missing(&packages), vec!["gone"]);
    }

    #[test]
    fn reads_trunk_tool_pins() {
        let toml = "[tools]\nwasm_bindgen = \"0.2.130\"\nwasm_opt = \"version_132\"\n";
        assert_eq!(
            toml_string(toml, "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(
            toml_string(toml, "wasm_bindgen").as_deref(),
            Some("0.2.130")
        );
    }
}
