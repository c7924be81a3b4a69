//! End-to-end tests: Playwright driving Debian's Chromium (never a downloaded browser) against
//! dist/ served on 127.0.0.1 by tests/e2e/serve.mjs, which playwright.config.ts starts.

use std::fs;
use std::net::TcpListener;

use crate::run::{Result, cmd, shown};
use crate::tools;

pub const REPORT: &str = "test-results/e2e.json";
/// The production spec's run, against nginx.
pub const PRODUCTION_REPORT: &str = "test-results/e2e-production.json";

/// What one Playwright run gave: tests that passed and failed (a flaky test passed on retry and
/// counts as passed), and whether the run itself ended well.
pub struct Outcome {
    pub passed: u64,
    pub failed: u64,
    pub run_ok: bool,
}

pub fn ensure_browser() -> Result<()> {
    tools::ensure_debian(
        &[
            ("chromium", "/usr/bin/chromium"),
            ("chromium-driver", "/usr/bin/chromedriver"),
            // Read-aloud against real voices (tests/e2e/listen.spec.ts): Chromium started with
            // --enable-speech-dispatcher lists espeak-ng's local voices through these.
            ("speech-dispatcher", "/usr/bin/speech-dispatcher"),
            (
                "speech-dispatcher-espeak-ng",
                "/usr/lib/speech-dispatcher-modules/sd_espeak-ng",
            ),
            ("espeak-ng", "/usr/bin/espeak-ng"),
        ],
        // The app's icons are emoji: without a colour emoji font, screenshots show empty boxes.
        &[(
            "fonts-noto-color-emoji",
            "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
        )],
    )
}

pub fn run(extra: &[String]) -> Result<Outcome> {
    let port = free_port()?.to_string();
    playwright(extra, &[("BOUSLA_E2E_PORT", &port)], REPORT)
}

/// One Playwright run with `env` added (playwright.config.ts reads BOUSLA_* options), its
/// JSON report written to `report`.
pub fn playwright(extra: &[String], env: &[(&str, &str)], report: &str) -> Result<Outcome> {
    let _ = fs::remove_file(report);
    let _ = fs::create_dir_all("test-results/screenshots");
    let mut args = vec!["test"];
    args.extend(extra.iter().map(String::as_str));
    // The local CLI, not npx: npx may offer to download a package it does not find.
    let mut c = cmd("node_modules/.bin/playwright", &args);
    c.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("BOUSLA_E2E_REPORT", report);
    for (key, value) in env {
        c.env(key, value);
    }
    eprintln!("xtask: $ {}", shown(&c));
    let run_ok = c.status().is_ok_and(|s| s.success());
    let json = fs::read_to_string(report).unwrap_or_default();
    let (Some(expected), Some(unexpected)) = (stat(&json, "expected"), stat(&json, "unexpected"))
    else {
        return Err(format!("Playwright wrote no results to {report}"));
    };
    Ok(Outcome {
        passed: expected + stat(&json, "flaky").unwrap_or(0),
        failed: unexpected,
        run_ok,
    })
}

/// A loopback port nobody listens on now, so a second checkout or a forgotten server on the
/// default port does not answer for this build.
pub fn free_port() -> Result<u16> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free loopback port: {e}"))
}

/// A count from the `stats` object of Playwright's JSON report. Read after "stats" only:
/// test entries elsewhere hold the same words as values.
fn stat(report: &str, key: &str) -> Option<u64> {
    let stats = &report[report.rfind("\"stats\"")?..];
    let rest = &stats[stats.find(&format!("\"{key}\":"))? + key.len() + 3..];
    rest.trim_start()
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::stat;

    #[test]
    fn reads_counts_from_the_stats_object_only() {
        let report = r#"{"suites":[{"specs":[{"tests":[{"expectedStatus":"passed","status":"expected"}]}]}],
            "errors":[],"stats":{"startTime":"x","duration":12.5,"expected": 30,"skipped":1,"unexpected":2,"flaky":0}}"#;
        assert_eq!(stat(report, "expected"), Some(30));
        assert_eq!(stat(report, "unexpected"), Some(2));
        assert_eq!(stat(report, "flaky"), Some(0));
        assert_eq!(stat("{}", "expected"), None);
    }
}
