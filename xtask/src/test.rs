//! `cargo xtask test`: every check the project makes, in order, counted, ending with
//! `N passed, N failed`. A failed step does not hide the results of the steps after it,
//! except when the build the later steps need is missing.

use std::fs;
use std::process::{Command, ExitCode, Stdio};

use crate::dist::{self, BUDGET_BYTES};
use crate::run::cmd;
use crate::tools;

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    failures: Vec<String>,
}

impl Tally {
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
}

fn status(mut c: Command) -> bool {
    eprintln!("xtask: $ {}", crate::run::shown(&c));
    c.status().is_ok_and(|s| s.success())
}

/// Runs `cargo test` and adds the counts of libtest's `test result:` lines.
fn cargo_tests(t: &mut Tally) {
    eprintln!("xtask: $ cargo test --workspace");
    let out = cmd("cargo", &["test", "--workspace", "--color", "never"])
        .stderr(Stdio::inherit())
        .output();
    let Ok(out) = out else {
        t.step("cargo test could not start", false);
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{text}");
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
    t.passed += passed;
    t.failed += failed;
    if !out.status.success() && failed == 0 {
        t.step("cargo test (build or harness failure)", false);
    } else if failed > 0 {
        t.failures.push(format!("{failed} native test(s)"));
    }
}

/// Runs Playwright and adds its counts from the JSON report.
fn e2e(t: &mut Tally, extra: &[String]) {
    let _ = fs::remove_file("test-results/e2e.json");
    let _ = fs::create_dir_all("test-results/screenshots");
    let mut args = vec!["playwright", "test"];
    args.extend(extra.iter().map(String::as_str));
    let mut c = cmd("npx", &args);
    c.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    let ran = status(c);
    let report = fs::read_to_string("test-results/e2e.json").unwrap_or_default();
    let count = |key: &str| {
        report
            .split(&format!("\"{key}\":"))
            .nth(1)
            .and_then(|rest| {
                rest.trim_start()
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
            })
            .and_then(|n| n.parse::<u64>().ok())
    };
    match (count("expected"), count("unexpected"), count("flaky")) {
        (Some(ok), Some(bad), flaky) => {
            t.passed += ok + flaky.unwrap_or(0);
            t.failed += bad;
            if bad > 0 {
                t.failures.push(format!("{bad} end-to-end test(s)"));
            }
            if !ran && bad == 0 {
                t.step("end-to-end run (see the output above)", false);
            }
        }
        _ => {
            t.step(
                "end-to-end tests (no report: Playwright did not run)",
                false,
            );
        }
    }
}

pub fn test(extra: &[String]) -> ExitCode {
    let mut t = Tally::default();
    if let Err(e) = tools::ensure_build_tools() {
        eprintln!("xtask: cannot set up the build tools: {e}");
        t.step("tool installation", false);
        return finish(t);
    }
    t.step(
        "cargo fmt --check",
        status(cmd("cargo", &["fmt", "--all", "--check"])),
    );
    t.step(
        "clippy (native)",
        status(cmd(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        )),
    );
    t.step(
        "clippy (wasm32)",
        status(cmd(
            "cargo",
            &[
                "clippy",
                "-p",
                "bousla",
                "--target",
                "wasm32-unknown-unknown",
                "--lib",
                "--bins",
                "--",
                "-D",
                "warnings",
            ],
        )),
    );
    cargo_tests(&mut t);
    let built = match dist::dist() {
        Ok(report) => {
            t.step("release build", true);
            let kb = report.first_load_brotli as f64 / 1024.0;
            t.step(
                &format!(
                    "first-load size {kb:.1} KB brotli within the {:.0} KB budget",
                    BUDGET_BYTES as f64 / 1024.0
                ),
                report.first_load_brotli > 0 && report.first_load_brotli <= BUDGET_BYTES,
            );
            true
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            t.step("release build", false)
        }
    };
    if built {
        match tools::ensure_debian(&[
            ("chromium", "/usr/bin/chromium"),
            ("chromium-driver", "/usr/bin/chromedriver"),
        ]) {
            Ok(()) => e2e(&mut t, extra),
            Err(e) => {
                eprintln!("xtask: {e}");
                t.step("end-to-end tests (browser missing)", false);
            }
        }
    }
    finish(t)
}

fn finish(t: Tally) -> ExitCode {
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
