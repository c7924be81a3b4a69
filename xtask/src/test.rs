//! `cargo xtask test`: every check the project makes, in order, counted, ending with the line
//! `N passed, N failed`. A failed step does not hide the results of the steps after it,
//! except where a later step needs what failed (no build, no end-to-end tests).

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use crate::bloat;
use crate::dist;
use crate::e2e;
use crate::fuzz;
use crate::lighthouse::{self, MIN_ACCESSIBILITY};
use crate::nginx;
use crate::run::{cmd, secs, shown};
use crate::size::{BUDGET_BYTES, SHELL_BUDGET_BYTES, kb};
use crate::tools;

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    failures: Vec<String>,
    timings: Vec<(String, f64)>,
}

impl Tally {
    /// One step, counted as one test.
    fn step(&mut self, name: &str, ok: bool) -> bool {
        if ok {
            self.passed += 1;
            eprintln!("xtask: ok   {name}");
        } else {
            self.failed += 1;
            self.failures.push(name.to_string());
            eprintln!("xtask: FAIL {name}");
        }
        ok
    }

    /// Many tests from one run.
    fn add(&mut self, what: &str, passed: u64, failed: u64) {
        self.passed += passed;
        self.failed += failed;
        eprintln!("xtask: {what}: {passed} passed, {failed} failed");
        if failed > 0 {
            self.failures.push(format!("{failed} {what}"));
        }
    }

    fn timed(&mut self, name: &str, start: Instant) {
        self.timings.push((name.to_string(), secs(start)));
    }
}

fn succeeds(mut c: Command) -> bool {
    eprintln!("xtask: $ {}", shown(&c));
    c.status().is_ok_and(|s| s.success())
}

fn cargo(args: &[&str]) -> Command {
    cmd("cargo", args)
}

pub fn test(extra: &[String]) -> ExitCode {
    let mut t = Tally::default();
    let start = Instant::now();
    let tools_ok = match tools::ensure_build_tools() {
        Ok(()) => true,
        Err(e) => {
            eprintln!("xtask: cannot set up the build tools: {e}");
            false
        }
    };
    t.timed("tools", start);
    // Formatting, lints and native tests need only cargo; run them even without the web tools.
    let checks: [(&str, &[&str]); 4] = [
        ("cargo fmt --check", &["fmt", "--all", "--check"]),
        (
            "clippy (native)",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        (
            "clippy (wasm32)",
            &[
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "--lib",
                "--bins",
                "-p",
                "bousla",
                "--",
                "-D",
                "warnings",
            ],
        ),
        // The shipped build: its views in wasm chunks (`src/ui/chunk.rs`).
        (
            "clippy (wasm32, split)",
            &[
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "--lib",
                "--bins",
                "-p",
                "bousla",
                "--features",
                "split",
                "--",
                "-D",
                "warnings",
            ],
        ),
    ];
    for (name, args) in checks {
        let start = Instant::now();
        t.step(name, succeeds(cargo(args)));
        t.timed(name, start);
    }
    let start = Instant::now();
    native_tests(&mut t);
    t.timed("cargo test", start);
    let start = Instant::now();
    t.step(
        &format!(
            "share-link fuzz: {} damaged links, 0 panics, 0 silent misreads",
            fuzz::TEST_COUNT
        ),
        fuzz::fuzz(fuzz::TEST_COUNT).is_ok(),
    );
    t.timed("share-link fuzz", start);

    if !tools_ok {
        t.step(
            "tool installation (release build and end-to-end tests not run)",
            false,
        );
        return finish(t);
    }
    let start = Instant::now();
    let built = match dist::dist() {
        Ok(report) => {
            t.step("release build", true);
            t.step(
                &format!(
                    "first-load size {:.1} KB brotli within the {:.1} KB budget",
                    kb(report.first_load_brotli),
                    kb(BUDGET_BYTES)
                ),
                report.first_load_brotli > 0 && report.first_load_brotli <= BUDGET_BYTES,
            );
            t.step(
                &format!(
                    "app shell {:.1} KB brotli within the {:.1} KB budget",
                    kb(report.shell_brotli),
                    kb(SHELL_BUDGET_BYTES)
                ),
                report.shell_brotli > 0 && report.shell_brotli <= SHELL_BUDGET_BYTES,
            );
            true
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            t.step("release build", false)
        }
    };
    t.timed("release build + size report", start);
    if built {
        let start = Instant::now();
        let named = bloat::bloat();
        if let Err(e) = &named {
            eprintln!("xtask: {e}");
        }
        t.step("where the wasm's bytes are (twiggy)", named.is_ok());
        t.timed("wasm size by item and crate", start);

        let start = Instant::now();
        match e2e::ensure_browser().and_then(|()| e2e::run(extra)) {
            Ok(o) => {
                t.add("end-to-end tests", o.passed, o.failed);
                if !o.run_ok && o.failed == 0 {
                    t.step("end-to-end run (see Playwright's output above)", false);
                }
            }
            Err(e) => {
                eprintln!("xtask: {e}");
                t.step("end-to-end tests", false);
            }
        }
        t.timed("end-to-end tests", start);
        production(&mut t);
    }
    finish(t)
}

/// `cargo xtask production`: the release build, then only the production checks below.
pub fn production_only() -> ExitCode {
    let mut t = Tally::default();
    let start = Instant::now();
    let ready = tools::ensure_build_tools()
        .and_then(|()| dist::dist())
        .and_then(|_| e2e::ensure_browser());
    t.timed("tools + release build", start);
    if let Err(e) = ready {
        eprintln!("xtask: {e}");
        t.step("release build", false);
        return finish(t);
    }
    production(&mut t);
    finish(t)
}

/// Production serving: dist/ in Debian's nginx with deploy/nginx.conf, the production spec
/// (headers, compression, the app under the CSP) against it, then Lighthouse against it.
fn production(t: &mut Tally) {
    let start = Instant::now();
    let server = match nginx::ensure().and_then(|()| nginx::Nginx::start(Path::new("dist"))) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("xtask: {e}");
            t.step(&format!("nginx serving dist/ with {}", nginx::SITE), false);
            return;
        }
    };
    let env = [
        ("BOUSLA_BASE_URL", server.base_url.as_str()),
        ("BOUSLA_PRODUCTION", "1"),
    ];
    match e2e::playwright(&[], &env, e2e::PRODUCTION_REPORT) {
        Ok(o) => {
            t.add("production tests against nginx", o.passed, o.failed);
            if !o.run_ok && o.failed == 0 {
                t.step("production run (see Playwright's output above)", false);
            }
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            t.step("production tests against nginx", false);
        }
    }
    t.timed("nginx production tests", start);
    let start = Instant::now();
    match lighthouse::run(&server.base_url) {
        Ok(pages) => {
            for p in pages {
                let tti = f64::from(p.tti_ms) / 1000.0;
                t.step(
                    &format!(
                        "Lighthouse {}: accessibility {} (needs {MIN_ACCESSIBILITY})",
                        p.name, p.accessibility
                    ),
                    p.accessibility >= MIN_ACCESSIBILITY,
                );
                let min = lighthouse::min_performance(&p.name);
                t.step(
                    &format!(
                        "Lighthouse {}: performance {} (needs {min}), time to interactive {tti:.1} s",
                        p.name, p.performance
                    ),
                    p.performance >= min,
                );
            }
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            t.step("Lighthouse (see its output above)", false);
        }
    }
    t.timed("Lighthouse", start);
    for m in [&lighthouse::FIRST_QUESTION, &lighthouse::BLOCKING] {
        let start = Instant::now();
        let measured = lighthouse::measure(m, &server.base_url);
        if let Err(e) = &measured {
            eprintln!("xtask: {e}");
        }
        t.step(m.step, measured.is_ok());
        t.timed(m.what, start);
    }
    drop(server);
}

/// `cargo test`, counted from libtest's `test result:` lines. `--no-fail-fast`: a failing
/// test binary must not hide the results of the others.
fn native_tests(t: &mut Tally) {
    let mut c = cargo(&["test", "--workspace", "--no-fail-fast", "--color", "never"]);
    eprintln!("xtask: $ {}", shown(&c));
    let Ok(out) = c.stderr(Stdio::inherit()).output() else {
        t.step("cargo test (could not start)", false);
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{text}");
    let (passed, failed) = libtest_counts(&text);
    t.add("native tests", passed, failed);
    if !out.status.success() && failed == 0 {
        t.step("cargo test (build or harness failure, see above)", false);
    }
}

fn libtest_counts(text: &str) -> (u64, u64) {
    let (mut passed, mut failed) = (0, 0);
    for line in text.lines().filter(|l| l.starts_with("test result:")) {
        let num = |word: &str| {
            line.split(';')
                .find(|p| p.trim().ends_with(word))
                .and_then(|p| p.split_whitespace().rev().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        };
        passed += num("passed");
        failed += num("failed");
    }
    (passed, failed)
}

fn finish(t: Tally) -> ExitCode {
    let timings: Vec<String> = t
        .timings
        .iter()
        .map(|(name, s)| format!("{name} {s:.1}s"))
        .collect();
    eprintln!("xtask: timings: {}", timings.join(", "));
    if !t.failures.is_empty() {
        eprintln!("xtask: failed: {}", t.failures.join("; "));
    }
    println!("{} passed, {} failed", t.passed, t.failed);
    if t.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::libtest_counts;

    #[test]
    fn adds_every_test_binary() {
        let out = "running 2 tests\n\
                   test result: ok. 23 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
                   test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.12s\n\
                   test a ... ok\n";
        assert_eq!(libtest_counts(out), (26, 1));
        assert_eq!(libtest_counts(""), (0, 0));
    }
}
