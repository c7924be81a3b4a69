//! The evaluation set (tests/cases, docs/evaluation.md) over the real catalog: fails on any broken
//! case and prints the report. Then the metrics themselves, on tiny synthetic catalogs, so that a
//! scoring bug cannot hide behind the real set.

use std::path::{Path, PathBuf};

use bousla::catalog::load::load_dir;
use bousla::catalog::{Catalog, Date, Desk, Program};
use bousla::eval::{
    Case, CaseError, PRECISION_WINDOW, Shown, evaluate, load_cases, parse_case_file, render_text,
    score_case, to_json,
};

fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Date::from_unix_seconds(secs)
}

#[test]
fn the_evaluation_set_passes_on_the_real_catalog() {
    let cases = load_cases(Path::new("tests/cases")).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("bad evaluation cases:\n{}", lines.join("\n"))
    });
    assert!(cases.len() >= 45, "the set has {} cases", cases.len());
    let day = today();
    let catalog = load_dir(Path::new("data/catalog"), day)
        .catalog
        .expect("the catalog validates");
    let report = evaluate(&catalog, &cases, day);
    let text = render_text(&report);
    println!("{text}");
    assert_eq!(
        report.totals.broken, 0,
        "{} of {} evaluation cases are broken:\n{text}",
        report.totals.broken, report.totals.cases
    );
}

#[test]
fn every_region_and_every_kind_of_holder_is_in_the_set() {
    let cases = load_cases(Path::new("tests/cases")).expect("cases load");
    for r in bousla::catalog::Region::ALL {
        assert!(
            cases
                .iter()
                .any(|c| c.profile.effective_region() == Some(r)),
            "no case in {}",
            r.id()
        );
    }
    for tag in bousla::eval::TAGS {
        assert!(
            cases.iter().any(|c| c.tags.iter().any(|t| t == tag)),
            "no case tagged {tag}"
        );
    }
    assert!(
        cases
            .iter()
            .any(|c| c.profile == bousla::engine::Profile::default()),
        "a holder who skipped every question"
    );
}

// ---------------------------------------------------------------------------------------------
// The metrics on synthetic catalogs
// ---------------------------------------------------------------------------------------------

const DAY: Date = Date::ymd(2026, 11, 30);

/// A program from TOML, so that optional fields added to the schema keep their defaults.
fn program(id: &str, provider: &str, kinds: &str, criteria: &str) -> Program {
    let t = r#"{ ar = "x", fr = "x", en = "x" }"#;
    let text = format!(
        "id = \"{id}\"\nprovider = \"{provider}\"\nkinds = {kinds}\nstatus = \"open\"\nconfidence = \"confirmed\"\n\
         name = {t}\nsummary = {t}\nbenefits = {t}\nhow_to_apply = {t}\n\
         sources = [{{ url = \"https://example.org/\" }}]\n[criteria]\n{criteria}\n"
    );
    toml::from_str(&text).unwrap_or_else(|e| panic!("synthetic program {id}: {e}"))
}

fn desk(id: &str, provider: &str, region: Option<&str>) -> Desk {
    let t = r#"{ ar = "x", fr = "x", en = "x" }"#;
    let region = region
        .map(|r| format!("region = \"{r}\"\n"))
        .unwrap_or_default();
    let text = format!(
        "id = \"{id}\"\nprovider = \"{provider}\"\n{region}name = {t}\n\
         sources = [{{ url = \"https://example.org/\" }}]\n"
    );
    toml::from_str(&text).unwrap_or_else(|e| panic!("synthetic desk {id}: {e}"))
}

/// For a man in the Oriental who needs coaching, the fits are `a-coach` (serves the need), then
/// `b-loan` (does not); `c-women` and `d-souss` are not eligible.
fn tiny() -> Catalog {
    Catalog {
        programs: vec![
            program("a-coach", "p", r#"["coaching"]"#, ""),
            program("b-loan", "q", r#"["loan"]"#, ""),
            program("c-women", "p", r#"["coaching"]"#, "gender = \"female\""),
            program(
                "d-souss",
                "p",
                r#"["coaching"]"#,
                "regions = [\"souss_massa\"]",
            ),
        ],
        desks: vec![desk("p-oujda", "p", Some("oriental"))],
        ..Catalog::default()
    }
}

const HOLDER: &str = r#"profile = { region = "oriental", gender = "male", needs = ["coaching"] }"#;

fn parse(text: &str) -> (Vec<Case>, Vec<CaseError>) {
    let (mut cases, mut errors) = (Vec::new(), Vec::new());
    parse_case_file(Path::new("synthetic.toml"), text, &mut cases, &mut errors);
    (cases, errors)
}

fn one(body: &str) -> Case {
    let text = format!("[[case]]\nid = \"t\"\nreason = \"test\"\n{HOLDER}\n{body}\n");
    let (mut cases, errors) = parse(&text);
    assert!(errors.is_empty(), "{errors:?}");
    cases.remove(0)
}

#[test]
fn the_synthetic_order_is_what_the_metric_tests_assume() {
    let c = tiny();
    let case = one(r#"never_eligible = ["c-women"]"#);
    let view = bousla::eval::engine_view(&c, &case.profile, DAY);
    let ids: Vec<_> = view.fits.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a-coach", "b-loan"]);
    assert_eq!(view.shown["c-women"], Shown::NotEligible);
    assert_eq!(view.shown["d-souss"], Shown::NotEligible);
    assert_eq!(view.shown["a-coach"], Shown::Eligible);
}

#[test]
fn must_show_counts_a_hit_only_within_its_top() {
    let c = tiny();
    let r = score_case(
        &c,
        &one(
            r#"must_show = [{ top = 1, programs = ["a-coach", "b-loan"] }, { top = 2, programs = ["b-loan", "c-women", "zz-missing"] }]"#,
        ),
        DAY,
    );
    let hits: Vec<_> = r
        .must_show
        .iter()
        .map(|m| (m.program.as_str(), m.top, m.hit()))
        .collect();
    assert_eq!(
        hits,
        [
            ("a-coach", 1, true),
            ("b-loan", 1, false),
            ("b-loan", 2, true),
            ("c-women", 2, false),
            ("zz-missing", 2, false),
        ]
    );
    let f = r.failures();
    assert!(f.iter().any(|l| l.contains("b-loan at 2")), "{f:?}");
    assert!(
        f.iter()
            .any(|l| l.contains("c-women not a fit (not_eligible)")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|l| l.contains("zz-missing not in the catalog")),
        "{f:?}"
    );
    assert!(r.broken());
    let report = evaluate(
        &c,
        std::slice::from_ref(&one(
            r#"must_show = { top = 1, programs = ["a-coach", "b-loan"] }"#,
        )),
        DAY,
    );
    assert_eq!(
        (
            report.totals.must_show_hits,
            report.totals.must_show_expected
        ),
        (1, 2)
    );
}

#[test]
fn a_program_listed_as_a_fit_is_wrongly_eligible_whatever_its_verdict() {
    let c = tiny();
    let r = score_case(
        &c,
        &one(r#"never_eligible = ["b-loan", "c-women", "d-souss"]"#),
        DAY,
    );
    let wrong: Vec<_> = r
        .never_eligible
        .iter()
        .filter(|n| n.wrong())
        .map(|n| n.program.as_str())
        .collect();
    assert_eq!(wrong, ["b-loan"]);
    assert!(r.broken());
    let ok = score_case(&c, &one(r#"never_eligible = ["c-women", "d-souss"]"#), DAY);
    assert!(!ok.broken(), "{:?}", ok.failures());
    // A "to check" fit is wrong too: the holder is shown it as usable.
    let mut possible = tiny();
    possible
        .programs
        .push(program("e-age", "p", r#"["coaching"]"#, "min_age = 18"));
    possible.programs.sort_by(|a, b| a.id.cmp(&b.id));
    let r = score_case(&possible, &one(r#"never_eligible = ["e-age"]"#), DAY);
    assert_eq!(r.never_eligible[0].shown, Some(Shown::ToCheck));
    assert!(r.never_eligible[0].wrong());
    let report = evaluate(&c, &[one(r#"never_eligible = ["b-loan", "c-women"]"#)], DAY);
    assert_eq!(
        (
            report.totals.wrong_eligible,
            report.totals.never_eligible_checked
        ),
        (1, 2)
    );
}

#[test]
fn not_top_is_violated_only_inside_its_window() {
    let c = tiny();
    let r = score_case(
        &c,
        &one(r#"not_top = { top = 1, programs = ["b-loan"] }"#),
        DAY,
    );
    assert!(!r.broken(), "{:?}", r.failures());
    let r = score_case(
        &c,
        &one(r#"not_top = { top = 2, programs = ["b-loan", "c-women"] }"#),
        DAY,
    );
    let violated: Vec<_> = r
        .not_top
        .iter()
        .filter(|n| n.violated())
        .map(|n| n.program.as_str())
        .collect();
    assert_eq!(violated, ["b-loan"]);
    assert!(r.failures().iter().any(|l| l == "not_top 2: b-loan at 2"));
}

#[test]
fn precision_counts_fits_that_serve_a_stated_need_and_are_not_judged_wrong() {
    let c = tiny();
    // a-coach serves coaching; b-loan serves none of the stated needs.
    let r = score_case(&c, &one(r#"never_eligible = ["c-women"]"#), DAY);
    assert_eq!(
        r.window,
        [("a-coach".to_string(), true), ("b-loan".to_string(), false)]
    );
    assert_eq!(r.precision(), Some(0.5));
    // Listed in must_show: relevant even when it serves no stated need.
    let r = score_case(
        &c,
        &one(r#"must_show = { top = 5, programs = ["b-loan"] }"#),
        DAY,
    );
    assert_eq!(r.relevant(), 2);
    // Listed in not_top or never_eligible: not relevant even when it serves a need.
    let r = score_case(
        &c,
        &one(r#"not_top = { top = 1, programs = ["a-coach"] }"#),
        DAY,
    );
    assert_eq!(r.relevant(), 0);
    let r = score_case(&c, &one(r#"never_eligible = ["a-coach"]"#), DAY);
    assert_eq!(r.relevant(), 0);
    // No stated need: every fit serves; the window is at most PRECISION_WINDOW long.
    let mut wide = tiny();
    for i in 0..8 {
        wide.programs
            .push(program(&format!("n{i}"), "p", r#"["grant"]"#, ""));
    }
    wide.programs.sort_by(|a, b| a.id.cmp(&b.id));
    let text =
        "[[case]]\nid = \"t\"\nreason = \"r\"\nprofile = {}\nnever_eligible = [\"c-women\"]\n";
    let (cases, errors) = parse(text);
    assert!(errors.is_empty());
    let report = evaluate(&wide, &cases, DAY);
    assert_eq!(report.cases[0].window.len(), PRECISION_WINDOW);
    // c-women is a fit when the gender is unknown, so it is wrongly eligible, and irrelevant.
    let in_window = report.cases[0].window.iter().any(|(id, _)| id == "c-women");
    assert_eq!(
        report.totals.precision_relevant,
        PRECISION_WINDOW - usize::from(in_window)
    );
    assert_eq!(report.totals.precision_window, PRECISION_WINDOW);
}

#[test]
fn desk_expectations_compare_the_first_door() {
    let c = tiny();
    let r = score_case(
        &c,
        &one(
            r#"desk = [{ program = "a-coach", first = "p-oujda" }, { program = "b-loan", first = "q-oujda" }, { program = "a-coach", first = "p-nowhere" }]"#,
        ),
        DAY,
    );
    let hits: Vec<_> = r.desks.iter().map(|d| d.hit()).collect();
    assert_eq!(hits, [true, false, false]);
    let f = r.failures();
    assert!(
        f.iter()
            .any(|l| l.contains("expected q-oujda, got no desk (desk not in the catalog)")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|l| l.contains("expected p-nowhere, got p-oujda (desk not in the catalog)")),
        "{f:?}"
    );
    let report = evaluate(
        &c,
        &[one(
            r#"desk = [{ program = "a-coach", first = "p-oujda" }]"#,
        )],
        DAY,
    );
    assert_eq!(
        (
            report.totals.desk_hits,
            report.totals.desk_expected,
            report.totals.broken
        ),
        (1, 1, 0)
    );
}

#[test]
fn totals_add_up_over_cases_and_the_json_carries_them() {
    let c = tiny();
    let cases = [
        one(r#"must_show = { top = 1, programs = ["a-coach"] }"#),
        one(r#"never_eligible = ["b-loan"]"#),
    ];
    let report = evaluate(&c, &cases, DAY);
    let t = &report.totals;
    assert_eq!((t.cases, t.broken), (2, 1));
    assert_eq!((t.must_show_hits, t.must_show_expected), (1, 1));
    assert_eq!((t.wrong_eligible, t.never_eligible_checked), (1, 1));
    // Case 1: a-coach relevant (must_show and serves), b-loan not; case 2: a-coach relevant,
    // b-loan judged wrong.
    assert_eq!((t.precision_relevant, t.precision_window), (2, 4));
    let json = to_json(&report);
    assert_eq!(json["totals"]["broken"], 1);
    assert_eq!(json["totals"]["top5_precision"], 0.5);
    assert_eq!(json["cases"][1]["broken"], true);
    let text = render_text(&report);
    assert!(text.contains("2 cases, 1 broken"), "{text}");
}

#[test]
fn bad_cases_are_refused_with_the_file_and_the_case() {
    let bad = [
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\nprofile = {}\nmust_shw = []\n",
            "must_shw",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\nprofile = { region = \"atlantis\" }\nnever_eligible = [\"a\"]\n",
            "atlantis",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\nnever_eligible = [\"a\"]\n",
            "`profile` is missing",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\nprofile = {}\n",
            "no expectation",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\nprofile = {}\nmust_show = { top = 0, programs = [\"a\"] }\n",
            "at least 1",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\nprofile = {}\nmust_show = { top = 3, programs = [\"a\"] }\nnever_eligible = [\"a\"]\n",
            "both in must_show and never_eligible",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\nprofile = {}\nmust_show = { top = 3, programs = [\"a\"] }\nnot_top = { top = 5, programs = [\"a\"] }\n",
            "contradiction",
        ),
        (
            "[[case]]\nid = \"X Y\"\nreason = \"r\"\nprofile = {}\nnever_eligible = [\"a\"]\n",
            "lowercase",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"\"\nprofile = {}\nnever_eligible = [\"a\"]\n",
            "reason",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\ntags = [\"martian\"]\nprofile = {}\nnever_eligible = [\"a\"]\n",
            "unknown tag",
        ),
        (
            "[[case]]\nid = \"x\"\nreason = \"r\"\nprofile = {}\nmust_show = 5\n",
            "must_show",
        ),
        ("[[case]\nid = \"x\"\n", "synthetic.toml"),
        ("title = \"no cases\"\n", "unknown field"),
    ];
    for (text, needle) in bad {
        let (cases, errors) = parse(text);
        assert!(cases.is_empty(), "accepted: {text}");
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            shown
                .iter()
                .any(|s| s.contains(needle) && s.starts_with("synthetic.toml")),
            "{text}\n→ {shown:?}"
        );
    }
    // The case is named by its id when it has one.
    let (_, errors) = parse("[[case]]\nid = \"named\"\nreason = \"r\"\nprofile = {}\nfoo = 1\n");
    assert_eq!(errors[0].case.as_deref(), Some("named"));
}

#[test]
fn a_case_id_is_unique_across_files_and_profile_files_are_read() {
    let dir = std::env::temp_dir().join(format!("bousla-eval-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("more")).unwrap();
    std::fs::write(
        dir.join("p.json"),
        r#"{"region":"oriental","needs":["coaching"]}"#,
    )
    .unwrap();
    let case = "[[case]]\nid = \"same\"\nreason = \"r\"\nprofile_file = \"p.json\"\nnever_eligible = [\"a\"]\n";
    std::fs::write(dir.join("a.toml"), case).unwrap();
    let loaded = load_cases(&dir).expect("one file loads");
    assert_eq!(
        loaded[0].profile.region,
        Some(bousla::catalog::Region::Oriental)
    );
    std::fs::write(dir.join("more/b.toml"), case.replace("p.json", "../p.json")).unwrap();
    let errors = load_cases(&dir).expect_err("duplicate id");
    assert!(errors[0].to_string().contains("already used"), "{errors:?}");
    let empty: PathBuf = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    assert!(load_cases(&empty).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_known_gap_is_reported_apart_while_it_fails_and_breaks_the_day_it_passes() {
    let c = tiny();
    let failing = one(r#"must_show = { top = 1, programs = ["b-loan"] }
known_gap = "the ranking puts coaching first""#);
    let r = score_case(&c, &failing, DAY);
    assert!(!r.broken() && r.is_known_gap());
    let report = evaluate(&c, std::slice::from_ref(&failing), DAY);
    assert_eq!((report.totals.broken, report.totals.known_gaps), (0, 1));
    // Its misses still count in the totals.
    assert_eq!(report.totals.must_show_hits, 0);
    assert!(render_text(&report).contains("known gap: the ranking puts coaching first"));

    let passing = one(r#"must_show = { top = 1, programs = ["a-coach"] }
known_gap = "fixed since""#);
    let r = score_case(&c, &passing, DAY);
    assert!(r.broken() && !r.is_known_gap());
    assert!(render_text(&evaluate(&c, &[passing], DAY)).contains("remove its `known_gap` mark"));
}
