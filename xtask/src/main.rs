//! `cargo xtask serve | test | dist`: the two commands a newcomer needs, and the release build.
//! Each installs what it is missing (from crates.io, npm and Debian only) and reinstalls nothing
//! that is already there at the right version.

mod bloat;
mod chunk_groups;
mod code_order;
mod dead_classes;
mod dist;
mod e2e;
mod fuzz;
mod js_words;
mod lighthouse;
mod link_filter;
mod minify;
mod nginx;
mod run;
mod serve;
mod short_names;
mod size;
mod split;
mod test;
mod tools;
mod wasm_bin;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>
  serve   install what is missing, then serve the app on http://127.0.0.1:8080 with live reload
  test    the whole check: fmt, clippy (native and wasm), native tests, release build and size
          budget, end-to-end tests in headless Chromium (accessibility audit included), the
          production spec against nginx with deploy/nginx.conf, Lighthouse; ends with
          `N passed, N failed`
          (arguments after `test` go to Playwright, e.g. `cargo xtask test welcome`)
  production  release build, then only its checks behind nginx (deploy/nginx.conf) and Lighthouse
  dist    release build into dist/ with a size report (raw, gzip, brotli; first-load total)
  bloat   where the wasm's bytes are: its 20 largest items and the bytes per crate (twiggy on
          a release build that keeps names; `cargo xtask test` prints it too)
  fuzz [N]  damage N share links (default 1000000) and decode each: 0 panics and 0 silent
          misreads, else it fails (`cargo xtask test` runs 100000)";

fn main() -> ExitCode {
    // The release wasm's build runs this program as its linker (see `link_filter.rs`).
    if let Some(status) = link_filter::as_linker() {
        return status;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = run::repo_root();
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("xtask: cannot enter {}: {e}", root.display());
        return ExitCode::FAILURE;
    }
    let outcome = match args.first().map(String::as_str) {
        Some("serve") => tools::ensure_build_tools().and_then(|()| serve::serve()),
        Some("dist") => tools::ensure_build_tools().and_then(|()| dist::dist().map(|_| ())),
        Some("bloat") => tools::ensure_build_tools().and_then(|()| bloat::bloat()),
        Some("test") => return test::test(&args[1..]),
        Some("production") => return test::production_only(),
        Some("fuzz") => fuzz::count(args.get(1).map(String::as_str)).and_then(fuzz::fuzz),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
