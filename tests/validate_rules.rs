//! One failing example per rule of the catalog loader and validator (`src/catalog/load.rs`,
//! `src/catalog/validate.rs`), each checking that the message names the file, the record and
//! the field an officer must fix. Tiny catalogs are written to a temporary directory and read by
//! the same `load_dir` as the CLI and the build.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use bousla::catalog::Date;
use bousla::catalog::Lang;
use bousla::catalog::load::{Loaded, MAX_DEPTH, MAX_FILE_BYTES, load_dir};
use bousla::catalog::validate::{Issue, Severity, amount_form, check_url, is_email};

const TODAY: Date = Date::ymd(2026, 11, 30);

fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "bousla-validate-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("parent dir");
    }
    fs::write(path, text).expect("write catalog file");
}

/// Loads a catalog made of these files.
fn load(files: &[(&str, &str)]) -> Loaded {
    let dir = scratch();
    for (name, text) in files {
        write(&dir, name, text);
    }
    load_dir(&dir, TODAY)
}

const NAME: &str = r#"{ ar = "اسم", fr = "Nom", en = "Name" }"#;

fn provider(id: &str, extra: &str) -> String {
    format!(
        r#"
[[provider]]
id = "{id}"
name = {NAME}
sources = [{{ url = "https://example.ma/{id}", date = "2026-01-10" }}]
{extra}
"#
    )
}

/// A valid program; `extra` lines go in the record, `criteria` lines in its criteria table.
fn program(id: &str, extra: &str, criteria: &str) -> String {
    format!(
        r#"
[[program]]
id = "{id}"
provider = "prov"
kinds = ["coaching"]
status = "open"
confidence = "confirmed"
name = {NAME}
summary = {{ ar = "ملخص", fr = "Résumé", en = "Summary" }}
benefits = {{ ar = "فوائد", fr = "Avantages", en = "Benefits" }}
how_to_apply = {{ ar = "كيف", fr = "Comment", en = "How" }}
sources = [{{ url = "https://example.ma/{id}", date = "2026-01-10" }}]
{extra}
[program.criteria]
stages = ["idea"]
{criteria}
"#
    )
}

fn desk(id: &str, extra: &str) -> String {
    format!(
        r#"
[[desk]]
id = "{id}"
provider = "prov"
name = {NAME}
sources = [{{ url = "https://example.ma/{id}" }}]
{extra}
"#
    )
}

const DESK_PLACE: &str = r#"region = "oriental"
province = "oujda_angad"
address = "12, rue Ibn Battouta, Oujda""#;

fn pathway(id: &str, steps: &str) -> String {
    format!(
        r#"
[[pathway]]
id = "{id}"
steps = {steps}
title = {NAME}
explanation = {NAME}
sources = [{{ url = "https://example.ma/{id}" }}]
"#
    )
}

/// The valid catalog every example starts from: a provider, two programs, a desk, a pathway.
fn base() -> String {
    [
        provider("prov", ""),
        program("prog", "", ""),
        program("prog-two", "", ""),
        desk("desk", DESK_PLACE),
        pathway("path", r#"["prog", "prog-two"]"#),
    ]
    .concat()
}

/// Replaces `from` (which must be there) by `to`.
fn swap(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` not in the example");
    text.replacen(from, to, 1)
}

fn list(issues: &[Issue]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts one issue of `severity` names `file`, `record` and `field` and says `says`, both in
/// its fields and in the line the officer reads.
#[track_caller]
fn expect(loaded: &Loaded, severity: Severity, file: &str, record: &str, field: &str, says: &str) {
    let found = loaded.issues.iter().find(|i| {
        i.severity == severity
            && i.file.ends_with(file)
            && i.record.as_deref() == Some(record)
            && i.field == field
            && i.message.contains(says)
    });
    let Some(issue) = found else {
        panic!(
            "no {severity:?} for {file}: {record}, field `{field}` saying `{says}` among:\n{}",
            list(&loaded.issues)
        );
    };
    let line = issue.to_string();
    for part in [file, record, &format!("field `{field}`"), says] {
        assert!(line.contains(part), "`{line}` does not name {part}");
    }
    if severity == Severity::Error {
        assert!(loaded.catalog.is_none(), "an error leaves no catalog");
    }
}

#[track_caller]
fn error(files: &[(&str, &str)], record: &str, field: &str, says: &str) {
    let loaded = load(files);
    expect(&loaded, Severity::Error, files[0].0, record, field, says);
}

#[track_caller]
fn warning(files: &[(&str, &str)], record: &str, field: &str, says: &str) {
    let loaded = load(files);
    expect(&loaded, Severity::Warning, files[0].0, record, field, says);
    assert!(
        loaded.catalog.is_some(),
        "a warning alone keeps the catalog:\n{}",
        list(&loaded.issues)
    );
}

/// A catalog file with a parse error: the message names the file and quotes the key at fault
/// (the TOML context), with its line.
#[track_caller]
fn parse_error(text: &str, says: &[&str]) {
    let loaded = load(&[("cat.toml", text)]);
    let issue = loaded
        .issues
        .iter()
        .find(|i| i.is_error() && i.file.ends_with("cat.toml"))
        .unwrap_or_else(|| panic!("no error in:\n{}", list(&loaded.issues)));
    let line = issue.to_string();
    for s in says {
        assert!(line.contains(s), "`{line}` does not say `{s}`");
    }
    assert!(line.contains("line"), "`{line}` gives no line");
}

// ---------------------------------------------------------------------------------------------
// The baseline

#[test]
fn the_base_example_is_valid_without_any_warning() {
    let loaded = load(&[("cat.toml", &base())]);
    assert!(loaded.issues.is_empty(), "{}", list(&loaded.issues));
    assert!(loaded.catalog.is_some());
}

// ---------------------------------------------------------------------------------------------
// Reading files (load.rs)

#[test]
fn parse_broken_toml() {
    // An unterminated string: the message quotes the line.
    parse_error(
        &swap(&base(), "id = \"prog-two\"", "id = \"prog-two"),
        &["id = \"prog-two"],
    );
}

#[test]
fn parse_unknown_field() {
    // `targets` was replaced by reserved_for / priority_to.
    parse_error(
        &swap(
            &base(),
            "status = \"open\"",
            "status = \"open\"\ntargets = [\"women\"]",
        ),
        &["unknown field `targets`"],
    );
}

#[test]
fn parse_unknown_value() {
    parse_error(
        &swap(&base(), "region = \"oriental\"", "region = \"atlantis\""),
        &["atlantis", "region"],
    );
}

#[test]
fn parse_missing_required_field() {
    parse_error(
        &swap(&base(), "kinds = [\"coaching\"]\n", ""),
        &["missing field `kinds`"],
    );
}

#[test]
fn parse_impossible_date() {
    parse_error(
        &swap(&base(), "date = \"2026-01-10\"", "date = \"2026-02-30\""),
        &["2026-02-30", "date"],
    );
}

#[test]
fn load_missing_directory() {
    let dir = scratch().join("nowhere");
    let loaded = load_dir(&dir, TODAY);
    assert!(loaded.catalog.is_none());
    assert!(list(&loaded.issues).contains("cannot read the catalog directory"));
}

#[test]
fn load_no_toml_file() {
    let loaded = load(&[("README.md", "not a catalog")]);
    assert!(loaded.catalog.is_none());
    assert!(list(&loaded.issues).contains("no .toml file found"));
}

#[test]
fn load_not_utf8() {
    let dir = scratch();
    fs::write(dir.join("cat.toml"), b"id = \"\xff\"").expect("write");
    let loaded = load_dir(&dir, TODAY);
    let text = list(&loaded.issues);
    assert!(
        text.contains("cat.toml") && text.contains("is not UTF-8"),
        "{text}"
    );
}

#[test]
fn load_hidden_entries_are_skipped() {
    let loaded = load(&[
        ("cat.toml", &base()),
        (".#cat.toml", "garbage ["),
        (".git/x.toml", "["),
    ]);
    assert!(loaded.issues.is_empty(), "{}", list(&loaded.issues));
}

#[test]
fn load_oversize_file_is_refused_before_reading() {
    let dir = scratch();
    write(&dir, "cat.toml", &base());
    // Valid TOML (a comment), one byte over the limit.
    let big = format!("#{}\n", "x".repeat(MAX_FILE_BYTES as usize - 1));
    write(&dir, "big.toml", &big);
    let loaded = load_dir(&dir, TODAY);
    assert!(loaded.catalog.is_none());
    let text = list(&loaded.issues);
    assert!(text.contains("big.toml"), "{text}");
    assert!(text.contains("over the 1048576-byte limit"), "{text}");
}

#[test]
fn load_deep_folders_are_refused() {
    let mut rel = String::new();
    for i in 0..=MAX_DEPTH {
        rel.push_str(&format!("d{i}/"));
    }
    let loaded = load(&[("cat.toml", &base()), (&format!("{rel}deep.toml"), &base())]);
    let text = list(&loaded.issues);
    assert!(loaded.catalog.is_none());
    assert!(
        text.contains(&format!("nested more than {MAX_DEPTH} levels")),
        "{text}"
    );
    assert!(
        !text.contains("deep.toml"),
        "the deep file is not read: {text}"
    );
}

#[cfg(unix)]
#[test]
fn load_symlink_to_a_file_outside_is_refused_without_reading_it() {
    let outside = scratch();
    fs::write(outside.join("secret.txt"), "CI_TOKEN=do-not-print-me\n").expect("secret");
    let dir = scratch();
    write(&dir, "cat.toml", &base());
    std::os::unix::fs::symlink(outside.join("secret.txt"), dir.join("leak.toml")).expect("link");
    let loaded = load_dir(&dir, TODAY);
    assert!(loaded.catalog.is_none());
    let text = list(&loaded.issues);
    assert_eq!(loaded.issues.len(), 1, "{text}");
    assert!(text.contains("leak.toml"), "{text}");
    assert!(text.contains("is a symbolic link"), "{text}");
    assert!(
        !text.contains("do-not-print-me"),
        "the target is never read: {text}"
    );
}

#[cfg(unix)]
#[test]
fn load_symlink_to_a_device_is_refused() {
    let dir = scratch();
    write(&dir, "cat.toml", &base());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).expect("link");
    let loaded = load_dir(&dir, TODAY);
    let text = list(&loaded.issues);
    assert!(
        text.contains("zero.toml") && text.contains("is a symbolic link"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn load_loop_link_gives_one_clear_error() {
    let dir = scratch();
    write(&dir, "cat.toml", &base());
    std::os::unix::fs::symlink(".", dir.join("loop")).expect("link");
    let loaded = load_dir(&dir, TODAY);
    let text = list(&loaded.issues);
    assert_eq!(loaded.issues.len(), 1, "{text}");
    assert!(
        text.contains("loop") && text.contains("is a symbolic link"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn load_fifo_is_refused_without_hanging() {
    let dir = scratch();
    write(&dir, "cat.toml", &base());
    let fifo = dir.join("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let d = dir.clone();
    std::thread::spawn(move || {
        let loaded = load_dir(&d, TODAY);
        let _ = tx.send(list(&loaded.issues));
    });
    let text = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the loader does not hang on a FIFO");
    assert!(text.contains("pipe.toml"), "{text}");
    assert!(
        text.contains("named pipe (FIFO), not a regular file"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// Records and references (validate.rs)

#[test]
fn duplicate_id() {
    let loaded = load(&[("a.toml", &base()), ("b.toml", &program("prog", "", ""))]);
    expect(
        &loaded,
        Severity::Error,
        "b.toml",
        "program `prog`",
        "id",
        "duplicate id: also defined in",
    );
    assert!(
        list(&loaded.issues).contains("a.toml"),
        "names the first file"
    );
}

#[test]
fn invalid_id() {
    error(
        &[(
            "cat.toml",
            &swap(&base(), "id = \"prog-two\"", "id = \"Prog Two!\""),
        )],
        "program `Prog Two!`",
        "id",
        "is not a valid id",
    );
}

#[test]
fn missing_translation() {
    error(
        &[(
            "cat.toml",
            &swap(
                &base(),
                "summary = { ar = \"ملخص\", fr = \"Résumé\", en = \"Summary\" }",
                "summary = { ar = \"ملخص\", fr = \"Résumé\" }",
            ),
        )],
        "program `prog`",
        "summary.en",
        "missing English translation",
    );
}

#[test]
fn program_unknown_provider() {
    error(
        &[(
            "cat.toml",
            &swap(
                &base(),
                "provider = \"prov\"\nkinds",
                "provider = \"nobody\"\nkinds",
            ),
        )],
        "program `prog`",
        "provider",
        "unknown provider `nobody`",
    );
}

#[test]
fn program_unknown_delivered_by() {
    let text = base() + &program("prog-three", "delivered_by = [\"ghost\"]", "");
    error(
        &[("cat.toml", &text)],
        "program `prog-three`",
        "delivered_by",
        "unknown provider `ghost`",
    );
}

#[test]
fn program_without_kinds() {
    error(
        &[(
            "cat.toml",
            &swap(&base(), "kinds = [\"coaching\"]", "kinds = []"),
        )],
        "program `prog`",
        "kinds",
        "say what the program gives",
    );
}

#[test]
fn amount_min_above_max() {
    let text = base() + &program("p3", "amount = { min = 50000, max = 1000 }", "");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "amount",
        "minimum 50000 is above maximum 1000",
    );
}

#[test]
fn closes_before_opens() {
    let text = base() + &program("p3", "opens = \"2026-06-01\"\ncloses = \"2026-01-01\"", "");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "closes",
        "before it opens",
    );
}

#[test]
fn announced_without_opening_date() {
    let text =
        base() + &program("p3", "", "").replacen("status = \"open\"", "status = \"announced\"", 1);
    warning(
        &[("cat.toml", &text)],
        "program `p3`",
        "opens",
        "should say when it opens",
    );
}

#[test]
fn reserved_for_without_audience() {
    let text = base() + &program("p3", "reserved_for = { any_of = [] }", "");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "reserved_for.any_of",
        "at least one audience",
    );
}

#[test]
fn reserved_for_youth_ages_without_youth() {
    let text = base()
        + &program(
            "p3",
            "reserved_for = { any_of = [\"women\"], youth_max_age = 40 }",
            "",
        );
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "reserved_for",
        "`youth` is not in `any_of`",
    );
}

#[test]
fn reserved_for_youth_min_above_max() {
    let text = base()
        + &program(
            "p3",
            "reserved_for = { any_of = [\"youth\"], youth_min_age = 40, youth_max_age = 30 }",
            "",
        );
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "reserved_for.youth_min_age",
        "is above youth_max_age 30",
    );
}

#[test]
fn reserved_for_check_bound_below_max() {
    let text = base()
        + &program(
            "p3",
            "reserved_for = { any_of = [\"youth\"], youth_max_age = 40, youth_check_up_to = 35 }",
            "",
        );
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "reserved_for.youth_check_up_to",
        "is below youth_max_age 40",
    );
}

#[test]
fn program_bad_phone() {
    let text = base() + &program("p3", "phone = \"call us\"", "");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "phone",
        "is not a phone number",
    );
}

#[test]
fn last_verified_not_a_full_day() {
    let text = base() + &program("p3", "last_verified = \"2026-11\"", "");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "last_verified",
        "write the full day",
    );
}

#[test]
fn last_verified_in_the_future() {
    let text = base() + &program("p3", "last_verified = \"2027-01-15\"", "");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "last_verified",
        "is in the future",
    );
}

#[test]
fn last_verified_before_the_newest_source() {
    let text = base() + &program("p3", "last_verified = \"2026-01-01\"", "");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "last_verified",
        "is before the newest source (2026-01-10)",
    );
}

#[test]
fn last_verified_stale() {
    let text = base() + &program("p3", "last_verified = \"2024-06-01\"", "");
    let text = text.replace(
        "url = \"https://example.ma/p3\", date = \"2026-01-10\"",
        "url = \"https://example.ma/p3\", date = \"2024-05\"",
    );
    warning(
        &[("cat.toml", &text)],
        "program `p3`",
        "last_verified",
        "is over 550 days old",
    );
}

#[test]
fn sources_missing() {
    let text = base()
        + &provider("lonely", "").replace(
            "sources = [{ url = \"https://example.ma/lonely\", date = \"2026-01-10\" }]",
            "sources = []",
        );
    error(
        &[("cat.toml", &text)],
        "provider `lonely`",
        "sources",
        "at least one source",
    );
}

#[test]
fn program_without_a_dated_source() {
    let text = swap(
        &base(),
        "url = \"https://example.ma/prog\", date = \"2026-01-10\"",
        "url = \"https://example.ma/prog\"",
    );
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "sources",
        "no source has a date",
    );
}

// Criteria

#[test]
fn criteria_min_age_above_max_age() {
    let text = base() + &program("p3", "", "min_age = 30\nmax_age = 20");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.min_age",
        "min_age 30 is above max_age 20",
    );
}

#[test]
fn criteria_ages_no_one_can_meet() {
    let text = base() + &program("p3", "", "max_age = 12");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria",
        "age limits outside 15–100 years",
    );
}

#[test]
fn criteria_min_revenue_above_max() {
    let text = base() + &program("p3", "", "min_revenue = 900\nmax_revenue = 100");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.min_revenue",
        "is above maximum",
    );
}

#[test]
fn criteria_min_amount_above_max() {
    let text = base() + &program("p3", "", "min_amount = 900\nmax_amount = 100");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.min_amount",
        "is above maximum",
    );
}

#[test]
fn criteria_min_jobs_above_max() {
    let text = base() + &program("p3", "", "min_jobs = 9\nmax_jobs = 1");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.min_jobs",
        "min_jobs 9 is above max_jobs 1",
    );
}

#[test]
fn criteria_min_business_age_above_max() {
    let text = base()
        + &program("p3", "", "min_business_age = 5\nmax_business_age = 2")
            .replace("stages = [\"idea\"]", "stages = [\"running\"]");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.min_business_age",
        "is above max_business_age",
    );
}

#[test]
fn criteria_only_new_projects_with_a_minimum_age() {
    let text = base() + &program("p3", "", "min_business_age = 2");
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.min_business_age",
        "no activity can be old enough",
    );
}

#[test]
fn criteria_province_outside_the_listed_regions() {
    let text = base()
        + &program(
            "p3",
            "",
            "regions = [\"oriental\"]\nprovinces = [\"agadir_ida_outanane\"]",
        );
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.provinces",
        "`agadir_ida_outanane` is not in any listed region",
    );
}

#[test]
fn criteria_every_sector_excluded() {
    let text = base()
        + &program(
            "p3",
            "",
            "sectors = [\"tourism\"]\nexcluded_sectors = [\"tourism\"]",
        );
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.sectors",
        "every accepted sector is also excluded",
    );
}

#[test]
fn criteria_men_only() {
    let text = base() + &program("p3", "", "gender = \"male\"");
    warning(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.gender",
        "men-only rule is unusual",
    );
}

#[test]
fn criteria_value_listed_twice() {
    let text = base() + &program("p3", "", "regions = [\"oriental\", \"oriental\"]");
    warning(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria.regions",
        "listed twice",
    );
}

#[test]
fn criteria_none() {
    let text =
        base() + &program("p3", "", "").replace("[program.criteria]\nstages = [\"idea\"]\n", "");
    warning(
        &[("cat.toml", &text)],
        "program `p3`",
        "criteria",
        "no eligibility rule is encoded",
    );
}

// Desks

#[test]
fn desk_unknown_provider() {
    let text =
        base() + &desk("d2", DESK_PLACE).replace("provider = \"prov\"", "provider = \"ghost\"");
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "provider",
        "unknown provider `ghost`",
    );
}

#[test]
fn desk_province_outside_its_region() {
    let text = base()
        + &desk(
            "d2",
            "region = \"oriental\"\nprovince = \"taza\"\naddress = \"12, rue X\"",
        );
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "province",
        "province `taza` is not in region `oriental`",
    );
}

#[test]
fn desk_province_without_region() {
    let text = base() + &desk("d2", "province = \"taza\"\naddress = \"12, rue X\"");
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "region",
        "needs its region too",
    );
}

#[test]
fn desk_without_contact() {
    let text = base() + &desk("d2", "region = \"oriental\"");
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "address",
        "at least one way to reach the desk",
    );
}

#[test]
fn desk_bad_email() {
    let text = base() + &desk("d2", "region = \"oriental\"\nemail = \"contact at cri.ma\"");
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "email",
        "is not an e-mail address",
    );
}

#[test]
fn desk_email_with_mailto_headers() {
    let text = base()
        + &desk(
            "d2",
            "region = \"oriental\"\nemail = \"info@cri.ma?cc=all@evil.example\"",
        );
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "email",
        "is not an e-mail address",
    );
}

#[test]
fn desk_bad_phone() {
    let text = base() + &desk("d2", "region = \"oriental\"\nphone = \"05 36 <b>\"");
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "phone",
        "is not a phone number",
    );
}

#[test]
fn desk_handles_unknown_program() {
    let text = base() + &desk("d2", &format!("{DESK_PLACE}\nhandles = [\"ghost\"]"));
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "handles",
        "unknown program `ghost`",
    );
}

#[test]
fn desk_serves_a_province_of_another_region() {
    let text = base()
        + &desk(
            "d2",
            "region = \"tanger_tetouan_al_hoceima\"\nprovince = \"al_hoceima\"\nserves = [\"al_hoceima\", \"taza\"]\naddress = \"12, rue X\"",
        );
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "serves",
        "province `taza` is in region `fes_meknes`, outside the desk's region `tanger_tetouan_al_hoceima`",
    );
}

#[test]
fn desk_serves_across_regions_when_a_source_says_so() {
    let text = base()
        + &desk(
            "d2",
            "region = \"tanger_tetouan_al_hoceima\"\nprovince = \"al_hoceima\"\nserves = [\"al_hoceima\", \"taza\"]\nserves_across_regions = true\naddress = \"12, rue X\"",
        );
    let loaded = load(&[("cat.toml", &text)]);
    assert!(loaded.issues.is_empty(), "{}", list(&loaded.issues));
}

#[test]
fn desk_serves_across_regions_without_any_such_province() {
    let text = base() + &desk("d2", &format!("{DESK_PLACE}\nserves_across_regions = true"));
    warning(
        &[("cat.toml", &text)],
        "desk `d2`",
        "serves_across_regions",
        "no province in `serves` is outside",
    );
}

#[test]
fn desk_serves_a_province_twice() {
    let text = base()
        + &desk(
            "d2",
            &format!("{DESK_PLACE}\nserves = [\"oujda_angad\", \"oujda_angad\"]"),
        );
    warning(
        &[("cat.toml", &text)],
        "desk `d2`",
        "serves",
        "listed twice",
    );
}

#[test]
fn national_desk_with_serves() {
    let text = base()
        + &desk(
            "d2",
            "website = \"https://example.ma\"\nserves = [\"taza\"]",
        );
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "serves",
        "a national or online desk",
    );
}

#[test]
fn national_desk_serving_its_region() {
    let text = base()
        + &desk(
            "d2",
            "website = \"https://example.ma\"\nserves_region = true",
        );
    error(
        &[("cat.toml", &text)],
        "desk `d2`",
        "serves_region",
        "a desk without a region",
    );
}

// Pathways

#[test]
fn pathway_with_one_step() {
    let text = base() + &pathway("p2", "[\"prog\"]");
    error(
        &[("cat.toml", &text)],
        "pathway `p2`",
        "steps",
        "at least two programs",
    );
}

#[test]
fn pathway_unknown_step() {
    let text = base() + &pathway("p2", "[\"prog\", \"ghost\"]");
    error(
        &[("cat.toml", &text)],
        "pathway `p2`",
        "steps",
        "unknown program `ghost`",
    );
}

// ---------------------------------------------------------------------------------------------
// Links

#[test]
fn url_without_scheme() {
    let text = base() + &provider("p2", "website = \"www.example.ma\"");
    error(
        &[("cat.toml", &text)],
        "provider `p2`",
        "website",
        "must start with https://",
    );
}

#[test]
fn url_without_host() {
    let text = base() + &provider("p2", "website = \"https:///path\"");
    error(
        &[("cat.toml", &text)],
        "provider `p2`",
        "website",
        "has no host name",
    );
}

#[test]
fn url_with_spaces_or_quotes() {
    let text = base() + &provider("p2", "website = \"https://example.ma/a b\"");
    error(
        &[("cat.toml", &text)],
        "provider `p2`",
        "website",
        "characters that are not allowed",
    );
}

#[test]
fn url_javascript() {
    let text = base() + &provider("p2", "website = \"javascript:alert(1)\"");
    error(
        &[("cat.toml", &text)],
        "provider `p2`",
        "website",
        "javascript:, data:, vbscript: and file: links are never allowed",
    );
}

#[test]
fn url_data() {
    let text = swap(
        &base(),
        "url = \"https://example.ma/desk\"",
        "url = \"DATA:text/html,<script>\"",
    );
    error(
        &[("cat.toml", &text)],
        "desk `desk`",
        "sources[0].url",
        "never allowed",
    );
}

#[test]
fn url_with_a_user_name() {
    let text = base() + &provider("p2", "website = \"https://forsa.ma@evil.example/\"");
    error(
        &[("cat.toml", &text)],
        "provider `p2`",
        "website",
        "has a user name before the host",
    );
}

#[test]
fn url_not_https() {
    let text = swap(
        &base(),
        "url = \"https://example.ma/path\"",
        "url = \"http://example.ma/path\"",
    );
    warning(
        &[("cat.toml", &text)],
        "pathway `path`",
        "sources[0].url",
        "is not https",
    );
}

#[test]
fn urls_the_checker_accepts_and_refuses() {
    for ok in [
        "https://www.forsa.ma/",
        "https://example.ma:8443/a?b=c#d",
        "http://mapexpress.ma/x",
    ] {
        assert_eq!(check_url(ok), Ok(()), "{ok}");
    }
    for bad in [
        "https://forsa.ma\\@evil.example",
        "https://user:pw@forsa.ma",
        " javascript:alert(1)",
        "vbscript:x",
        "file:///etc/passwd",
        "ftp://example.ma",
        "https://exa\u{202E}mple.ma",
        "https://localhost/",
    ] {
        assert!(check_url(bad).is_err(), "{bad}");
    }
    assert!(is_email("cri.oriental+info@cri-invest.ma"));
    for bad in [
        "a@b.ma?cc=c@d.ma",
        "a b@c.ma",
        "a@b",
        "a@b.ma&body=x",
        "@b.ma",
        "a@.b.ma",
        "a@b@c.ma",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------
// Texts

#[test]
fn text_record_separator() {
    let text = swap(&base(), "en = \"Summary\"", "en = \"Sum\\u001Emary\"");
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "summary.en",
        "control character U+001E (the separator of the browser's text tables)",
    );
}

#[test]
fn text_nul() {
    let text = swap(&base(), "fr = \"Résumé\"", "fr = \"Rés\\u0000umé\"");
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "summary.fr",
        "control character U+0000 (NUL)",
    );
}

#[test]
fn text_line_break() {
    let text = swap(&base(), "en = \"Benefits\"", "en = \"Bene\\nfits\"");
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "benefits.en",
        "control character U+000A",
    );
}

#[test]
fn text_bidi_override() {
    let text = swap(&base(), "ar = \"كيف\"", "ar = \"ك\\u202Eيف\"");
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "how_to_apply.ar",
        "bidirectional control U+202E",
    );
}

#[test]
fn text_bidi_isolate() {
    let text = swap(
        &base(),
        "[[provider]]\nid = \"prov\"\nname = { ar = \"اسم\"",
        "[[provider]]\nid = \"prov\"\nname = { ar = \"ا\\u2067سم\"",
    );
    error(
        &[("cat.toml", &text)],
        "provider `prov`",
        "name.ar",
        "bidirectional control U+2067",
    );
}

#[test]
fn text_markup() {
    let text = swap(
        &base(),
        "fr = \"Avantages\"",
        "fr = \"<script>alert(1)</script>\"",
    );
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "benefits.fr",
        "contains markup `<script>",
    );
}

#[test]
fn text_closing_tag() {
    let text = swap(&base(), "en = \"How\"", "en = \"How</a>\"");
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "how_to_apply.en",
        "contains markup `</a>",
    );
}

#[test]
fn text_html_entity() {
    let text = swap(
        &base(),
        "fr = \"Comment\"",
        "fr = \"Comment &amp; pourquoi\"",
    );
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "how_to_apply.fr",
        "HTML character reference `&amp;`",
    );
}

#[test]
fn text_numeric_entity() {
    let text = swap(
        &base(),
        "title = { ar = \"اسم\", fr = \"Nom\", en = \"Name\" }",
        "title = { ar = \"اسم\", fr = \"Nom\", en = \"It&#39;s\" }",
    );
    error(
        &[("cat.toml", &text)],
        "pathway `path`",
        "title.en",
        "`&#39;`",
    );
}

#[test]
fn text_too_long() {
    let long = "a".repeat(4_001);
    let text = swap(&base(), "en = \"Summary\"", &format!("en = \"{long}\""));
    error(
        &[("cat.toml", &text)],
        "program `prog`",
        "summary.en",
        "is 4001 characters long, over the 4000 allowed",
    );
}

#[test]
fn source_title_markup() {
    let text = swap(
        &base(),
        "url = \"https://example.ma/path\"",
        "url = \"https://example.ma/path\", title = \"<img src=x>\"",
    );
    error(
        &[("cat.toml", &text)],
        "pathway `path`",
        "sources[0].title",
        "contains markup",
    );
}

#[test]
fn desk_address_control_character() {
    let text = swap(
        &base(),
        "12, rue Ibn Battouta, Oujda",
        "12, rue Ibn\\tBattouta",
    );
    error(
        &[("cat.toml", &text)],
        "desk `desk`",
        "address",
        "U+0009 (tab)",
    );
}

#[test]
fn texts_with_ordinary_signs_pass() {
    let text = swap(
        &base(),
        "fr = \"Avantages\"",
        "fr = \"Âge < 35 ans, taux de 2,5 % & frais 0 ; 1 < 2 ; R&D; AT&T; voir l'article 3.2.1\"",
    );
    let loaded = load(&[("cat.toml", &text)]);
    assert!(loaded.issues.is_empty(), "{}", list(&loaded.issues));
}

// ---------------------------------------------------------------------------------------------
// Numbers

#[test]
fn amount_with_dots_in_arabic() {
    let text = swap(&base(), "ar = \"فوائد\"", "ar = \"قرض حتى 50.000 درهم\"");
    warning(
        &[("cat.toml", &text)],
        "program `prog`",
        "benefits.ar",
        "the amount `50.000` is grouped with dots",
    );
}

#[test]
fn amount_with_commas_in_french() {
    let text = swap(&base(), "fr = \"Avantages\"", "fr = \"Jusqu'à 50,000 DH\"");
    warning(
        &[("cat.toml", &text)],
        "program `prog`",
        "benefits.fr",
        "the amount `50,000` is grouped with commas",
    );
}

#[test]
fn amount_with_ordinary_spaces_in_french() {
    let text = swap(
        &base(),
        "fr = \"Avantages\"",
        "fr = \"Jusqu'à 1 200 000 DH\"",
    );
    warning(
        &[("cat.toml", &text)],
        "program `prog`",
        "benefits.fr",
        "the amount `1 200 000` is grouped with ordinary spaces",
    );
}

#[test]
fn amount_not_grouped() {
    let text = swap(&base(), "en = \"Benefits\"", "en = \"Up to 50000 MAD\"");
    warning(
        &[("cat.toml", &text)],
        "program `prog`",
        "benefits.en",
        "the amount `50000` is not grouped: write it as the interface does, `50,000` with commas",
    );
}

#[test]
fn amount_with_spaces_in_english() {
    let text = swap(
        &base(),
        "en = \"Benefits\"",
        "en = \"Up to 50\u{202F}000 MAD\"",
    );
    warning(
        &[("cat.toml", &text)],
        "program `prog`",
        "benefits.en",
        "is grouped with narrow no-break spaces",
    );
}

#[test]
fn amounts_as_the_interface_writes_them() {
    let nnbsp = '\u{202F}';
    for (lang, s) in [
        (Lang::Ar, format!("قرض حتى 50{nnbsp}000 درهم سنة 2025")),
        (
            Lang::Fr,
            format!("De 1{nnbsp}200{nnbsp}000 DH, 2,5 %, en 2025 et 2026"),
        ),
        (
            Lang::En,
            "Up to 1,200,000 MAD from 2025, rate 2.5 %".to_string(),
        ),
        (
            Lang::Fr,
            "Appelez le 0537 12 34 56 ou le +212 537 123 456".to_string(),
        ),
        (
            Lang::Fr,
            "Centre d'Afourer (22050), 22050 Afourer, décret 2-15-40, dahir 1.58.376".to_string(),
        ),
        (
            Lang::Fr,
            "https://example.ma/page/123456 et ref ABC12345".to_string(),
        ),
        (Lang::Ar, "من 18 إلى 45 سنة".to_string()),
    ] {
        assert_eq!(amount_form(lang, &s), None, "{s}");
    }
    assert_eq!(
        amount_form(Lang::Fr, "en 2025 2 000 projets").map(|(w, _)| w),
        Some("2 000".to_string())
    );
    assert_eq!(
        amount_form(Lang::Ar, "1.000.000 درهم").map(|(w, _)| w),
        Some("1.000.000".to_string())
    );
    assert_eq!(
        amount_form(Lang::En, "1.000 MAD").map(|(w, _)| w),
        Some("1.000".to_string())
    );
}

#[test]
fn url_too_long() {
    let long = format!("https://example.ma/{}", "a".repeat(2_000));
    let text = base() + &provider("p2", &format!("website = \"{long}\""));
    error(
        &[("cat.toml", &text)],
        "provider `p2`",
        "website",
        "is longer than 2,000 characters",
    );
}

#[test]
fn printed_issues_are_cut_to_a_sane_line_length() {
    // A megabyte-long id is quoted in every issue of its record: printed, each line is cut.
    let id = "X".repeat(100_000);
    let text = base() + &program(&id, "", "");
    let loaded = load(&[("cat.toml", &text)]);
    assert!(loaded.catalog.is_none());
    for issue in &loaded.issues {
        let printed = issue.to_string();
        for line in printed.lines() {
            assert!(
                line.chars().count() < 1_000,
                "{} chars",
                line.chars().count()
            );
        }
    }
}

#[test]
fn priority_to_naming_an_audience_the_program_is_reserved_for() {
    let text = base()
        + &program(
            "p3",
            "reserved_for = { any_of = [\"women\"] }\npriority_to = [\"women\"]",
            "",
        );
    error(
        &[("cat.toml", &text)],
        "program `p3`",
        "priority_to",
        "already in reserved_for",
    );
}
