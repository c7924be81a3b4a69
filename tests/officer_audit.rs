//! `catalog audit`: the command on a tiny catalog (its JSON, field by field, and its text), and
//! the audit of the real catalog (every record accounted for).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use bousla::catalog::Date;
use bousla::catalog::load::load_dir;
use bousla::officer::audit::audit;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bousla-audit-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The day `days` from now, as the CLI (which reads the clock) sees it.
fn day(days: i64) -> Date {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Date::from_unix_seconds(now + days * 86_400)
}

const NAME: &str = r#"{ ar = "اسم", fr = "Nom", en = "Name" }"#;

fn tiny(dir: &Path) {
    let closes = day(20);
    let closed = day(-10);
    let text = format!(
        r#"
[[provider]]
id = "prov"
name = {NAME}
sources = [{{ url = "https://example.ma/prov", date = "2019-05" }}]

[[program]]
id = "closing"
provider = "prov"
kinds = ["grant"]
status = "open"
confidence = "partly"
closes = "{closes}"
name = {NAME}
summary = {NAME}
benefits = {NAME}
how_to_apply = {NAME}
sources = [{{ url = "https://example.ma/closing", date = "2018-03" }}]
[program.criteria]
regions = ["oriental"]

[[program]]
id = "past"
provider = "prov"
kinds = ["grant"]
status = "open"
confidence = "confirmed"
closes = "{closed}"
name = {NAME}
summary = {NAME}
benefits = {NAME}
how_to_apply = {NAME}
sources = [{{ url = "https://example.ma/past", date = "{closed}" }}]
[program.criteria]
regions = ["souss_massa"]

[[desk]]
id = "town-only"
provider = "prov"
region = "oriental"
name = {NAME}
address = "Oujda"
sources = [{{ url = "https://example.ma/desk" }}]
"#
    );
    fs::write(dir.join("cat.toml"), text).expect("write");
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(args)
        .output()
        .expect("catalog runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn audit_json_of_a_tiny_catalog() {
    let dir = scratch("json");
    tiny(&dir);
    let (code, out, err) = run(&["audit", "--json", dir.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    for key in [
        "today",
        "totals",
        "program_freshness",
        "desk_freshness",
        "oldest",
        "old_sources",
        "resting_on_old_sources",
        "closing_soon",
        "past_closing",
        "opens_passed",
        "desks_without_phone",
        "desks_without_precise_address",
        "no_door",
        "no_door_programs",
        "confidence",
        "status",
    ] {
        assert!(v.get(key).is_some(), "missing `{key}` in {out}");
    }
    assert_eq!(v["totals"]["programs"], 2);
    assert_eq!(v["closing_soon"][0]["id"], "closing");
    assert_eq!(v["closing_soon"][0]["days"], 20);
    assert_eq!(v["past_closing"][0]["id"], "past");
    assert_eq!(v["past_closing"][0]["days"], -10);
    assert_eq!(v["past_closing"][0]["status"], "open");
    // The provider's 2019 source and the closing program's 2018 one.
    assert_eq!(v["old_sources"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["resting_on_old_sources"][0]["id"], "closing");
    assert_eq!(v["resting_on_old_sources"][0]["newest_source"], "2018-03");
    assert_eq!(v["desks_without_phone"][0]["id"], "town-only");
    assert_eq!(v["desks_without_precise_address"][0]["address"], "Oujda");
    // `closing` reaches the Oriental, where the provider has a desk; `past` reaches only
    // Souss-Massa, where it has none, but it is past its closing date: it needs no door.
    assert_eq!(v["no_door"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["no_door_programs"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["oldest"][0]["id"], "town-only");
    assert_eq!(v["oldest"][0]["basis"], "none");
    assert_eq!(v["confidence"][0]["value"], "confirmed");
    assert_eq!(v["confidence"][0]["programs"], 1);
}

#[test]
fn audit_text_reads_as_a_report() {
    let dir = scratch("text");
    tiny(&dir);
    let (code, out, err) = run(&["audit", dir.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "{err}");
    for line in [
        "2 programs, 1 providers, 1 desks, 0 pathways",
        "Confidence: 1 confirmed, 1 partly, 0 uncertain",
        "closing closes",
        "(in 20 days, status open)",
        "past closed",
        "status still `open`: give the new date or mark it closed",
        "oriental: town-only",
        "town-only",
        "2018-03    program closing",
    ] {
        assert!(out.contains(line), "`{line}` not in:\n{out}");
    }
    assert!(
        !out.contains("past (1): no desk delivers it anywhere"),
        "{out}"
    );
}

#[test]
fn audit_of_a_catalog_that_does_not_validate_says_so() {
    let dir = scratch("bad");
    fs::write(dir.join("cat.toml"), "[[program]]\nid = 1\n").expect("write");
    let (code, _, err) = run(&["audit", dir.to_str().expect("utf-8 path")]);
    assert_eq!(code, 2);
    assert!(err.contains("does not validate"), "{err}");
}

#[test]
fn the_real_catalog_is_audited_record_by_record() {
    let loaded = load_dir(Path::new("data/catalog"), Date::ymd(2026, 11, 30));
    let Some(c) = loaded.catalog else {
        // tests/catalog_real.rs reports why.
        return;
    };
    let a = audit(&c, Date::ymd(2026, 11, 30));
    assert_eq!(a.oldest.len(), c.programs.len() + c.desks.len());
    let f = a.program_freshness;
    assert_eq!(f.checked + f.source_dated + f.unknown, c.programs.len());
    let total: usize = a.confidence.iter().map(|n| n.programs).sum();
    assert_eq!(total, c.programs.len());
    let total: usize = a.status.iter().map(|n| n.programs).sum();
    assert_eq!(total, c.programs.len());
    for d in &a.closing_soon {
        assert!((0..=60).contains(&d.days), "{d:?}");
    }
    for d in &a.past_closing {
        assert!(d.days < 0, "{d:?}");
    }
    let by_region: usize = a.no_door.iter().map(|n| n.programs.len()).sum();
    let by_program: usize = a.no_door_programs.iter().map(|n| n.regions.len()).sum();
    assert_eq!(by_region, by_program);
}
