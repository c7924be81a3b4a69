//! Office counts (src/counts/): the small-count rule for every count, and the stored text
//! against damage — nothing panics, nothing is ever counted twice.

use bousla::catalog::{Date, Gender, Need, Region, StageKind};
use bousla::counts::report::{Period, days_after, qr_texts, rows, sums};
use bousla::counts::rule::{Shown, shown};
use bousla::counts::store::{HEADER, MAX_DAYS, Store};
use bousla::counts::{Activity, Dim, answer_keys};
use bousla::engine::Profile;
use proptest::prelude::*;
use proptest::sample::select;

/// Keys a kiosk writes: activity steps, answer values and a few program ids.
fn a_key() -> impl Strategy<Value = String> {
    prop_oneof![
        select(&Activity::ALL[..]).prop_map(Activity::key),
        select(&Region::ALL[..]).prop_map(|r| format!("region.{}", r.id())),
        select(Gender::ALL).prop_map(|g| format!("gender.{}", g.id())),
        select(Need::ALL).prop_map(|n| format!("needs.{}", n.id())),
        select(StageKind::ALL).prop_map(|s| format!("stage.{}", s.id())),
        "[a-z][a-z0-9-]{0,20}".prop_map(|id| format!("top5.{id}")),
        "[a-z][a-z0-9-]{0,20}".prop_map(|id| format!("opened.{id}")),
    ]
}

fn a_day() -> impl Strategy<Value = Date> {
    (0i64..700).prop_map(|n| days_after(Date::ymd(2025, 6, 1), n))
}

/// A store as a kiosk builds it: holder sessions added on days in order.
fn a_store() -> impl Strategy<Value = Store> {
    proptest::collection::vec((a_day(), proptest::collection::vec(a_key(), 1..12)), 0..40).prop_map(
        |mut sessions| {
            sessions.sort_by_key(|(d, _)| *d);
            let mut s = Store::default();
            for (d, keys) in sessions {
                s.add(d, &keys);
            }
            s
        },
    )
}

/// Every counter of `read` is at most the one in `original`: nothing counted twice or made up.
fn never_more(read: &Store, original: &Store) -> bool {
    read.days.iter().all(|(d, counters)| {
        counters.iter().all(|(k, n)| {
            original
                .day(*d)
                .is_some_and(|o| *n <= bousla::counts::store::get(o, k))
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn small_counts_never_show(n in 0u32..=u32::MAX) {
        let s = shown(n);
        match s {
            Shown::Zero => prop_assert_eq!(n, 0),
            Shown::UnderTen => prop_assert!((1..=9).contains(&n)),
            Shown::About(v) => {
                prop_assert!(n >= 10);
                prop_assert!(v >= 10, "{} shows {}", n, v);
                prop_assert_eq!(v % 5, 0);
                prop_assert!(v.abs_diff(n) <= 2 || n > u32::MAX - 3, "{} shows {}", n, v);
            }
        }
        // The text is one of the three forms, never the raw number of 1 to 9.
        let text = s.text();
        prop_assert!(text == "0" || text == "< 10" || (text.parse::<u32>().is_ok_and(|v| v >= 10 && v % 5 == 0)));
    }

    #[test]
    fn more_people_never_show_fewer(a in 0u32..100_000, b in 0u32..100_000) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(shown(lo) <= shown(hi));
        prop_assert!(shown(lo).bar() <= shown(hi).bar());
    }

}

proptest! {
    // Stores of up to 40 sessions, written and read whole in each case.
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_cell_of_a_report_obeys_the_rule(s in a_store(), period in select(&Period::ALL[..])) {
        let (from, to) = period.range(Date::ymd(2026, 11, 30));
        let sums = sums(&s, from, to);
        for r in rows(&sums) {
            let raw = bousla::counts::store::get(&sums, &format!("{}.{}", r.dim.id(), r.value));
            prop_assert_eq!(r.shown, shown(raw));
        }
        for text in qr_texts(&rows(&sums), from, to, 700) {
            prop_assert!(text.len() <= 700);
            for cell in text.lines().skip(1).flat_map(|l| l.split(", ")) {
                let count = cell.rsplit(' ').next().unwrap_or("");
                prop_assert!(count == "<10" || count.parse::<u32>().is_ok_and(|v| v >= 10 && v % 5 == 0), "{}", cell);
            }
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same(s in a_store()) {
        let (read, dropped) = Store::read(&s.write());
        prop_assert_eq!(dropped, 0);
        prop_assert_eq!(read, s);
    }

    #[test]
    fn any_text_reads_without_panic(text in ".{0,400}") {
        let _ = Store::read(&text);
        let _ = Store::read(&format!("{HEADER}\n{text}"));
    }

    #[test]
    fn a_changed_byte_never_adds_a_count(s in a_store(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = s.write();
        let mut bytes = text.into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let damaged = String::from_utf8_lossy(&bytes);
        let (read, _) = Store::read(&damaged);
        prop_assert!(never_more(&read, &s));
    }

    #[test]
    fn lines_doubled_cut_or_shuffled_never_add_a_count(
        s in a_store(),
        doubled in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        swap in any::<(prop::sample::Index, prop::sample::Index)>(),
    ) {
        let text = s.write();
        let lines: Vec<&str> = text.lines().collect();
        let mut twice = lines.clone();
        let extra = lines[doubled.index(lines.len())];
        twice.push(extra);
        let (read, dropped) = Store::read(&twice.join("\n"));
        prop_assert!(never_more(&read, &s));
        if extra != HEADER {
            prop_assert!(dropped >= 1);
        }
        let (read, _) = Store::read(&text[..cut.index(text.len() + 1)]);
        prop_assert!(never_more(&read, &s));
        let mut shuffled = lines.clone();
        shuffled.swap(swap.0.index(lines.len()), swap.1.index(lines.len()));
        let (read, _) = Store::read(&shuffled.join("\n"));
        prop_assert!(never_more(&read, &s));
    }

}

proptest! {
    // Each case adds up to 600 days, the store rewritten after each: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_store_keeps_at_most_400_days(days in proptest::collection::vec(0i64..2_000, 1..600)) {
        let mut s = Store::default();
        let mut days = days;
        days.sort();
        let start = Date::ymd(2024, 1, 1);
        for d in &days {
            s.add(days_after(start, *d), &[Activity::Started.key()]);
        }
        let last = days_after(start, *days.last().unwrap());
        prop_assert!(s.days.len() <= MAX_DAYS as usize);
        prop_assert!(s.days.iter().all(|(d, _)| d.days_until(last) < MAX_DAYS));
    }

}

proptest! {
    #[test]
    fn a_holder_counts_each_question_once(needs in proptest::collection::vec(select(Need::ALL), 0..8)) {
        let p = Profile { needs: Some(needs.clone()), ..Profile::default() };
        let keys = answer_keys(&p);
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(unique.len(), keys.len());
        for dim in [Dim::Region, Dim::Province, Dim::Stage, Dim::Gender, Dim::Age, Dim::Area] {
            prop_assert_eq!(keys.iter().filter(|k| k.starts_with(&format!("{}.", dim.id()))).count(), 1);
        }
    }
}

/// `catalog staff-code` reads the code on standard input and prints the option, which the
/// kiosk's own check accepts; the code itself appears nowhere in it.
#[test]
fn the_cli_prints_a_staff_option_the_kiosk_accepts() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run = |args: &[&str], code: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_catalog"))
            .arg("staff-code")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(code.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(&["--salt", "e2etestsalt"], "2468-bousla\n");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "staff=e2etestsalt.979f6b1b2c7ef6bf20368ecdcc819b60"
    );
    let out = run(&[], "a long office code\n");
    let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let option = line.strip_prefix("staff=").unwrap();
    assert!(!option.contains("office"));
    let code = bousla::counts::code::StaffCode::parse(option).unwrap();
    assert!(code.matches("a long office code"));
    assert_eq!(code.salt.len(), 32);
    // Two runs, two salts.
    let again = String::from_utf8_lossy(&run(&[], "a long office code\n").stdout).to_string();
    assert_ne!(again.trim(), line);
    // Too short: refused, exit 2.
    assert_eq!(run(&[], "1234\n").status.code(), Some(2));
}
