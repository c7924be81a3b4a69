//! The counters as the kiosk keeps them (localStorage `bousla.counts`), version 1: plain text,
//! one line per day, readable by anyone who inspects the device, and nothing but sums.
//!
//! ```text
//! bousla-counts 1
//! d 2026-11-30 activity.results=12 activity.started=14 region.oriental=9 ~1a2b3c4d
//! x 2026-11-28 3 ~5e6f7a8b
//! ```
//!
//! A `d` line is a day and its counters (`key=count`, keys sorted and each once, counts from 1);
//! an `x` line (at most one) says that unreadable data was discarded, first on that day, and
//! how many lines in all; each line ends with ` ~` and the CRC-32 of what precedes it.
//!
//! Reading refuses what it does not fully understand, line by line, and says how many lines
//! it dropped, so staff get a notice: another header (foreign data, a newer version) drops
//! everything; a line with a bad checksum, an unknown key or value, a count out of bounds or a
//! key written twice is dropped; a day written twice is dropped in all its copies (which one
//! is right cannot be known, and counting both would count its holders twice). Nothing here
//! panics on any input (property tests in `tests/counts.rs`).
//!
//! Bounds: the [`MAX_DAYS`] most recent days (older ones are dropped as days are added), at
//! most [`MAX_TEXT`] bytes of text (the oldest days go first), counts up to [`MAX_COUNT`].

use std::fmt::Write;

use crate::catalog::{Date, Province};
use crate::engine::codec::crc32;

use super::Dim;

pub const HEADER: &str = "bousla-counts 1";
/// Days kept: a little more than a year, for a yearly report.
pub const MAX_DAYS: i64 = 400;
/// Bytes of stored text (browsers give an origin about 5 million characters of localStorage).
pub const MAX_TEXT: usize = 1_500_000;
pub const MAX_COUNT: u32 = 10_000_000;
/// Counters in one day: more than every value of every list and two per program.
pub const MAX_KEYS_PER_DAY: usize = 2_000;

/// Counters by key (`region.oriental`), sorted by key, each once. Sorted vectors rather than
/// maps: the same work in a fraction of the wasm.
pub type Counters = Vec<(String, u32)>;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    /// Days in order, each once, each with at least one counter.
    pub days: Vec<(Date, Counters)>,
    /// Unreadable stored data was discarded: the first day it happened, and how many lines in
    /// all since the last reset. Staff see a notice until they reset.
    pub discarded: Option<(Date, u32)>,
}

/// Adds `n` to the counter `key` of sorted `counters` (at most [`MAX_COUNT`]).
pub fn bump(counters: &mut Counters, key: &str, n: u32) {
    match counters.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
        Ok(i) => counters[i].1 = counters[i].1.saturating_add(n).min(MAX_COUNT),
        Err(i) => counters.insert(i, (key.to_string(), n)),
    }
}

/// The counter `key` of sorted `counters` (0 when absent).
pub fn get(counters: &[(String, u32)], key: &str) -> u32 {
    counters
        .binary_search_by(|(k, _)| k.as_str().cmp(key))
        .map_or(0, |i| counters[i].1)
}

/// Whether `key` is one this version counts: a known dimension and a value of its list
/// (provinces and program ids by their form: lowercase letters, digits, `-`, `_`, `+`).
pub fn valid_key(key: &str) -> bool {
    let Some((dim, value)) = key.split_once('.') else {
        return false;
    };
    let Some(dim) = Dim::from_id(dim) else {
        return false;
    };
    let well_formed = !value.is_empty()
        && value.len() <= 64
        && value.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'+')
        });
    well_formed
        && match dim {
            Dim::Province => value == super::UNKNOWN || Province::from_id(value).is_some(),
            Dim::Top | Dim::Opened => true,
            _ => dim.has_value(value),
        }
}

fn sealed(mut line: String) -> String {
    let sum = crc32(line.as_bytes());
    let _ = write!(line, " ~{sum:08x}");
    line
}

/// The line without its checksum, if the checksum is right.
fn unsealed(line: &str) -> Option<&str> {
    let (body, sum) = line.rsplit_once(" ~")?;
    let ok = sum.len() == 8
        && sum
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        && u32::from_str_radix(sum, 16).ok() == Some(crc32(body.as_bytes()));
    ok.then_some(body)
}

/// `YYYY-MM-DD`, a day of the calendar (checked by counting days from 1970 and back).
fn day(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| s.get(r)?.parse::<u16>().ok();
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !s.bytes().filter(|c| *c != b'-').all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let d = Date::ymd(
        digits(0..4)?,
        u8::try_from(digits(5..7)?).ok()?,
        u8::try_from(digits(8..10)?).ok()?,
    );
    let epoch = Date::ymd(1970, 1, 1);
    let valid = (1990..=2100).contains(&d.year)
        && d.month >= 1
        && d.day >= 1
        && super::report::days_after(epoch, epoch.days_until(d)) == d;
    valid.then_some(d)
}

/// A count as written: digits, no leading zero, 1 to [`MAX_COUNT`].
fn count(s: &str) -> Option<u32> {
    let canonical = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0');
    s.parse()
        .ok()
        .filter(|n| canonical && (1..=MAX_COUNT).contains(n))
}

fn read_day(body: &str) -> Option<(Date, Counters)> {
    let mut parts = body.split(' ');
    if parts.next()? != "d" {
        return None;
    }
    let date = day(parts.next()?)?;
    let mut counters = Counters::new();
    for part in parts {
        let (key, n) = part.split_once('=')?;
        // Sorted and each once: the one way this version writes a day.
        let sorted = counters.last().is_none_or(|(last, _)| last.as_str() < key);
        if !sorted || !valid_key(key) || counters.len() >= MAX_KEYS_PER_DAY {
            return None;
        }
        counters.push((key.to_string(), count(n)?));
    }
    (!counters.is_empty()).then_some((date, counters))
}

fn read_discarded(body: &str) -> Option<(Date, u32)> {
    let mut parts = body.split(' ');
    let (Some("x"), Some(d), Some(n), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    Some((day(d)?, count(n)?))
}

impl Store {
    /// Reads stored text: the store, and how many lines were dropped as unreadable (0 when all
    /// was read). Never fails.
    pub fn read(text: &str) -> (Store, u32) {
        let mut store = Store::default();
        let lines = || text.split('\n').filter(|l| !l.is_empty());
        let all = u32::try_from(lines().count()).unwrap_or(u32::MAX).max(1);
        if text.len() > 2 * MAX_TEXT || text.split('\n').next() != Some(HEADER) {
            // Foreign, from a newer version, or far too large: nothing of it is ours to read.
            return (store, all);
        }
        let mut dropped = 0u32;
        for line in lines().skip(1) {
            let body = unsealed(line);
            if let Some(d) = body.and_then(read_day)
                && store.days.last().is_none_or(|(last, _)| *last <= d.0)
            {
                store.days.push(d);
            } else if let Some(d) = body.and_then(read_discarded)
                && store.discarded.is_none()
            {
                store.discarded = Some(d);
            } else {
                dropped = dropped.saturating_add(1);
            }
        }
        // Days come in order (a line out of order was dropped above); a day written twice: every
        // copy dropped.
        let dates: Vec<Date> = store.days.iter().map(|(d, _)| *d).collect();
        let twice = |d: &Date| dates.iter().filter(|x| *x == d).count() > 1;
        let before = store.days.len();
        store.days.retain(|(d, _)| !twice(d));
        dropped = dropped.saturating_add(u32::try_from(before - store.days.len()).unwrap_or(0));
        (store, dropped)
    }

    /// The text to store.
    pub fn write(&self) -> String {
        let mut out = String::from(HEADER);
        for line in self.lines() {
            out.push('\n');
            out.push_str(&line);
        }
        out.push('\n');
        out
    }

    fn lines(&self) -> impl Iterator<Item = String> + '_ {
        let days = self.days.iter().map(|(date, counters)| {
            let mut line = format!("d {date}");
            for (k, n) in counters {
                let _ = write!(line, " {k}={n}");
            }
            sealed(line)
        });
        days.chain(
            self.discarded
                .map(|(date, n)| sealed(format!("x {date} {n}"))),
        )
    }

    /// The counters of a day.
    pub fn day(&self, date: Date) -> Option<&Counters> {
        self.days.iter().find(|(d, _)| *d == date).map(|(_, c)| c)
    }

    /// One holder session's counters: +1 to each (unknown keys are never written), on `today`.
    pub fn add(&mut self, today: Date, keys: &[String]) {
        let i = match self.days.binary_search_by_key(&today, |(d, _)| *d) {
            Ok(i) => i,
            Err(i) => {
                self.days.insert(i, (today, Counters::new()));
                i
            }
        };
        let counters = &mut self.days[i].1;
        for k in keys.iter().filter(|k| valid_key(k)) {
            if counters.len() < MAX_KEYS_PER_DAY || get(counters, k) > 0 {
                bump(counters, k, 1);
            }
        }
        if counters.is_empty() {
            self.days.remove(i);
        }
        self.bound(today);
    }

    /// Unreadable data was dropped today (`n` lines): kept as a notice for staff.
    pub fn note_discarded(&mut self, today: Date, n: u32) {
        if n == 0 {
            return;
        }
        self.discarded = Some(match self.discarded {
            Some((first, before)) => (first, before.saturating_add(n)),
            None => (today, n),
        });
    }

    /// Drops days older than [`MAX_DAYS`] before `today`, then the oldest until at most
    /// [`MAX_DAYS`] days and [`MAX_TEXT`] bytes remain.
    pub fn bound(&mut self, today: Date) {
        self.days.retain(|(d, _)| d.days_until(today) < MAX_DAYS);
        let extra = self.days.len().saturating_sub(MAX_DAYS as usize);
        self.days.drain(..extra);
        // Each day's line once, then the oldest dropped until the text fits.
        let sizes: Vec<usize> = self.lines().map(|l| l.len() + 1).collect();
        let mut size = HEADER.len() + 1 + sizes.iter().sum::<usize>();
        let mut drop = 0;
        while size > MAX_TEXT && drop < self.days.len() {
            size -= sizes[drop];
            drop += 1;
        }
        self.days.drain(..drop);
    }

    /// Deletes the counters of the days from `from` to `to` (both included), and the notice.
    pub fn reset(&mut self, from: Date, to: Date) {
        self.days.retain(|(d, _)| *d < from || *d > to);
        self.discarded = None;
    }
}

#[cfg(test)]
mod tests {
    use super::super::report::days_after;
    use super::*;

    fn d(day: u8) -> Date {
        Date::ymd(2026, 11, day)
    }

    fn keys(k: &[&str]) -> Vec<String> {
        k.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_day_is_one_line_of_sums() {
        let mut s = Store::default();
        s.add(d(30), &keys(&["activity.started", "region.oriental"]));
        s.add(d(30), &keys(&["activity.started"]));
        let text = s.write();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], HEADER);
        assert!(
            lines[1].starts_with("d 2026-11-30 activity.started=2 region.oriental=1 ~"),
            "{text}"
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(Store::read(&text), (s, 0));
    }

    #[test]
    fn unknown_keys_are_never_written() {
        let mut s = Store::default();
        s.add(
            d(1),
            &keys(&[
                "region.atlantis",
                "gender.female",
                "age.33",
                "activity.clicked",
                "top5.Intelaka",
                "x.y",
                "region",
            ]),
        );
        assert_eq!(s.day(d(1)).unwrap(), &[("gender.female".to_string(), 1)]);
        let mut empty = Store::default();
        empty.add(d(1), &keys(&["nothing.here"]));
        assert!(empty.days.is_empty());
    }

    #[test]
    fn foreign_or_future_text_is_dropped_whole_with_a_count() {
        for text in [
            "",
            "hello",
            "{\"counts\":3}",
            "bousla-counts 2\nd 2026-11-30 activity.started=1 ~00000000",
            "BOUSLA-COUNTS 1",
        ] {
            let (s, dropped) = Store::read(text);
            assert_eq!(s, Store::default(), "{text}");
            assert!(dropped >= 1, "{text}");
        }
    }

    #[test]
    fn a_damaged_line_is_dropped_and_the_others_kept() {
        let mut s = Store::default();
        s.add(d(1), &keys(&["activity.started"]));
        s.add(d(2), &keys(&["activity.started", "gender.male"]));
        let text = s.write();
        // One digit changed: the checksum no longer matches.
        let damaged = text.replace("gender.male=1", "gender.male=7");
        let (read, dropped) = Store::read(&damaged);
        assert_eq!(dropped, 1);
        assert_eq!(read.days.len(), 1);
        assert!(read.day(d(1)).is_some());
    }

    #[test]
    fn a_day_written_twice_is_never_counted_twice() {
        let mut s = Store::default();
        s.add(d(5), &keys(&["activity.results"]));
        let line = s.write().lines().nth(1).unwrap().to_string();
        let doubled = format!("{HEADER}\n{line}\n{line}\n");
        let (read, dropped) = Store::read(&doubled);
        assert!(read.days.is_empty());
        assert_eq!(dropped, 2);
    }

    #[test]
    fn days_out_of_order_are_dropped() {
        let mut s = Store::default();
        s.add(d(1), &keys(&["activity.started"]));
        s.add(d(2), &keys(&["activity.started"]));
        let text = s.write();
        let lines: Vec<&str> = text.lines().collect();
        let swapped = format!("{}\n{}\n{}\n", lines[0], lines[2], lines[1]);
        let (read, dropped) = Store::read(&swapped);
        assert_eq!(dropped, 1);
        assert_eq!(read.days.len(), 1);
    }

    #[test]
    fn only_calendar_days_are_read() {
        for (text, ok) in [
            ("2026-11-30", true),
            ("2024-02-29", true),
            ("2026-02-29", false),
            ("2026-13-01", false),
            ("2026-00-10", false),
            ("2026-11-00", false),
            ("2026-11-31", false),
            ("1989-12-31", false),
            ("2026-1-30x", false),
            ("2026+11-30", false),
            ("+026-11-30", false),
            ("٢٠٢٦-11-30", false),
        ] {
            assert_eq!(day(text).is_some(), ok, "{text}");
        }
    }

    #[test]
    fn lines_not_written_the_one_way_are_dropped() {
        let bad_bodies = [
            "d 2026-11-30",                                        // no counter
            "d 2026-11-30 region.oriental=0",                      // zero is never written
            "d 2026-11-30 region.oriental=01",                     // leading zero
            "d 2026-11-30 region.oriental=99999999999",            // out of bounds
            "d 2026-11-30 region.souss_massa=1 region.oriental=1", // not sorted
            "d 2026-11-30 region.oriental=1 region.oriental=1",    // twice
            "d 2026-02-30 region.oriental=1",                      // no such day
            "d 2026-11 region.oriental=1",                         // not a day
            "d 2026-11-30 region.oriental=1 extra",                // not key=count
            "q 2026-11-30 region.oriental=1",                      // unknown line
            "x 2026-11-30 0",                                      // a notice of nothing
        ];
        for body in bad_bodies {
            let text = format!("{HEADER}\n{}\n", sealed(body.to_string()));
            let (read, dropped) = Store::read(&text);
            assert_eq!((read, dropped), (Store::default(), 1), "{body}");
        }
    }

    #[test]
    fn four_hundred_days_are_kept() {
        let mut s = Store::default();
        for i in 0..500 {
            s.add(
                days_after(Date::ymd(2025, 1, 1), i),
                &keys(&["activity.started"]),
            );
        }
        assert_eq!(s.days.len(), MAX_DAYS as usize);
        let (first, last) = (s.days[0].0, s.days[s.days.len() - 1].0);
        assert_eq!(first.days_until(last), MAX_DAYS - 1);
    }

    #[test]
    fn the_text_stays_under_its_bound() {
        let mut s = Store::default();
        let programs: Vec<String> = (0..MAX_KEYS_PER_DAY + 10)
            .map(|i| format!("top5.a-program-of-the-catalog-{i:04}"))
            .collect();
        for i in 0..40 {
            s.add(days_after(Date::ymd(2026, 1, 1), i), &programs);
        }
        let text = s.write();
        assert!(text.len() <= MAX_TEXT, "{}", text.len());
        assert!(s.days.len() < 40);
        assert!(s.days.iter().all(|(_, c)| c.len() == MAX_KEYS_PER_DAY));
        assert_eq!(Store::read(&text).1, 0);
    }

    #[test]
    fn the_discard_notice_is_kept_until_reset() {
        let mut s = Store::default();
        s.note_discarded(d(3), 2);
        s.note_discarded(d(4), 1);
        s.add(d(4), &keys(&["activity.started"]));
        assert_eq!(s.discarded, Some((d(3), 3)));
        let (read, dropped) = Store::read(&s.write());
        assert_eq!((read.discarded, dropped), (Some((d(3), 3)), 0));
        s.reset(d(1), d(30));
        assert_eq!(s, Store::default());
    }

    #[test]
    fn reset_deletes_only_the_period() {
        let mut s = Store::default();
        for day in [1, 10, 20] {
            s.add(d(day), &keys(&["activity.started"]));
        }
        s.reset(d(5), d(15));
        assert_eq!(
            s.days.iter().map(|(d, _)| *d).collect::<Vec<_>>(),
            [d(1), d(20)]
        );
    }
}
