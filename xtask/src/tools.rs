//! Installing the build and test tools, each pinned, each only when missing or at another
//! version. Nothing downloads a binary from outside the package registries: trunk runs
//! `--offline` with our wasm-bindgen and wasm-opt on PATH.

use std::fs;
use std::path::Path;

use crate::run::{Result, cmd, is_root, output, run};

pub const TRUNK: &str = "0.21.14";
/// Debian's binaryen (108) produces a wasm that dies on load in Chromium; npm's is current.
pub const WASM_OPT_VERSION: &str = "version_132";

pub fn ensure_build_tools() -> Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", TRUNK, &["trunk", "--version", TRUNK, "--locked"])?;
    let wb = wasm_bindgen_version()?;
    // `--locked` failed here for wasm-bindgen-cli 0.2.130 (a locked dependency left the index).
    ensure_cargo_tool("wasm-bindgen", &wb, &["wasm-bindgen-cli", "--version", &wb])?;
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

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly the same.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock =
        fs::read_to_string("Cargo.lock").map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_string());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

/// npm packages (wasm-opt, Playwright, axe-core) at the versions of package-lock.json.
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

/// Debian packages the end-to-end tests need, installed when missing and we may (root).
pub fn ensure_debian(packages: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, path)| !Path::new(path).exists())
        .map(|(pkg, _)| *pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !is_root() || output("apt-get", &["--version"]).is_none() {
        return Err(format!(
            "missing {}: install them with `sudo apt-get install {}`",
            missing.join(", "),
            missing.join(" ")
        ));
    }
    let mut update = cmd("apt-get", &["update", "-q"]);
    update.env("DEBIAN_FRONTEND", "noninteractive");
    run(update)?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(missing.iter().copied());
    let mut install = cmd("apt-get", &args);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    run(install)
}
