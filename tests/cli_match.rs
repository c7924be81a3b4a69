//! `catalog match`: what a program officer sees, in their language, with the app's groups, rules
//! met, notes and doors; bad input is refused with exit code 2.

use std::process::Command;

fn write(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("bousla-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write profile");
    path
}

fn catalog(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(args)
        .output()
        .expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

const COOPERATIVE: &str = r#"{"province": "el_jadida", "stage": "running", "started": 2025,
  "legal_form": "cooperative", "sector": "agri_food", "needs": ["coaching"]}"#;

#[test]
fn match_prints_headings_rules_met_and_doors_in_the_chosen_language() {
    let p = write("coop.json", COOPERATIVE);
    let (code, out, _) = catalog(&["match", p.to_str().unwrap(), "--lang", "fr"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Programmes pour ce dont vous avez besoin"),
        "{out}"
    );
    assert!(out.contains("Vous remplissez"), "{out}");
    // ODCo's Safi delegation serves El Jadida: the door and its reason, with "d'" elided.
    assert!(out.contains("Dessert la province d'El Jadida"), "{out}");
    assert!(
        !out.contains("Fits ("),
        "no English heading in French output"
    );
}

#[test]
fn match_json_lists_the_groups_in_the_apps_order_with_doors() {
    let p = write("coop2.json", COOPERATIVE);
    let (code, out, _) = catalog(&["match", p.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON output");
    let fits = v["fits"].as_array().expect("fits");
    assert!(!fits.is_empty());
    for key in [
        "verdict",
        "rules_met",
        "rules",
        "to_check",
        "timing",
        "doors",
        "freshness",
    ] {
        assert!(fits[0].get(key).is_some(), "{key} missing");
    }
    for group in [
        "also_open",
        "closed",
        "near_misses",
        "not_eligible",
        "pathways",
    ] {
        assert!(v[group].is_array(), "{group} missing");
    }
}

#[test]
fn a_bad_profile_exits_with_code_2_and_names_the_field() {
    let p = write("bad.json", r#"{"age": 255}"#);
    let (code, out, err) = catalog(&["match", p.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("age"), "{err}");
    let p = write("array.json", r#"[]"#);
    let (code, _, err) = catalog(&["match", p.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("one JSON object"), "{err}");
}
