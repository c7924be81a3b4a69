//! What staff see and export for a period: the sums of its days, one row per counter with the
//! small-count rule applied, as a CSV file and as short texts for QR codes. Rows are ordered by
//! what they show, never by raw counts (an order by raw count would tell which of two "< 10"
//! cells is larger).

use std::fmt::Write;

use crate::catalog::Date;

use super::rule::{Shown, shown};
use super::store::{Counters, MAX_DAYS, Store, bump, get};
use super::{Dim, UNKNOWN};

/// The day `n` days after `d` (before it when `n` is negative).
pub fn days_after(d: Date, n: i64) -> Date {
    let epoch = Date::ymd(1970, 1, 1);
    Date::from_unix_seconds((epoch.days_until(d) + n) * 86_400)
}

/// The periods staff choose from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Today,
    Week,
    Days30,
    ThisMonth,
    LastMonth,
    /// Every day kept (up to [`MAX_DAYS`]).
    All,
}

impl Period {
    pub const ALL: [Period; 6] = [
        Period::Today,
        Period::Week,
        Period::Days30,
        Period::ThisMonth,
        Period::LastMonth,
        Period::All,
    ];

    /// First and last day, both included.
    pub fn range(self, today: Date) -> (Date, Date) {
        let first_of_month = Date::ymd(today.year, today.month, 1);
        match self {
            Period::Today => (today, today),
            Period::Week => (days_after(today, -6), today),
            Period::Days30 => (days_after(today, -29), today),
            Period::ThisMonth => (first_of_month, today),
            Period::LastMonth => {
                let last = days_after(first_of_month, -1);
                (Date::ymd(last.year, last.month, 1), last)
            }
            Period::All => (days_after(today, 1 - MAX_DAYS), today),
        }
    }
}

/// Raw sums over the days from `from` to `to`. For [`rows`] only: never shown as they are.
pub fn sums(store: &Store, from: Date, to: Date) -> Counters {
    let mut out = Counters::new();
    for (_, day) in store.days.iter().filter(|(d, _)| (from..=to).contains(d)) {
        for (k, n) in day {
            bump(&mut out, k, *n);
        }
    }
    out
}

/// One cell of the table: a counter and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub dim: Dim,
    pub value: String,
    pub shown: Shown,
}

/// The table: for each dimension in order, every value of a closed list (zeros included, so a
/// reader sees what nobody chose; `unknown` only when counted), then provinces and programs
/// that were counted, largest shown first, then by id.
pub fn rows(sums: &[(String, u32)]) -> Vec<Row> {
    let mut out = Vec::new();
    for dim in Dim::ALL {
        let prefix = format!("{}.", dim.id());
        let row = |value: &str| Row {
            dim,
            value: value.to_string(),
            shown: shown(get(sums, &format!("{prefix}{value}"))),
        };
        if dim.is_closed() {
            out.extend(
                (0..)
                    .map_while(|i| dim.value(i))
                    .map(row)
                    .filter(|r| r.value != UNKNOWN || r.shown != Shown::Zero),
            );
        } else {
            {
                let mut counted: Vec<Row> = sums
                    .iter()
                    .filter_map(|(k, _)| k.strip_prefix(&prefix))
                    .map(row)
                    .collect();
                // Largest shown first, then by id (an insertion sort: short lists, small code).
                for i in 1..counted.len() {
                    let mut j = i;
                    while j > 0 && {
                        let (a, b) = (&counted[j - 1], &counted[j]);
                        (b.shown, &a.value) > (a.shown, &b.value)
                    } {
                        counted.swap(j - 1, j);
                        j -= 1;
                    }
                }
                out.extend(counted);
            }
        }
    }
    out
}

/// A CSV field, quoted when needed; a leading `=`, `+`, `-` or `@` is escaped so a spreadsheet
/// never reads a label as a formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV export (RFC 4180, UTF-8 with a byte-order mark for spreadsheets): one line per row,
/// `from,to,group,value,label,count`, the count as shown on screen.
pub fn csv(rows: &[Row], from: Date, to: Date, label: impl Fn(Dim, &str) -> String) -> String {
    let mut out = String::from("\u{feff}from,to,group,value,label,count\r\n");
    for r in rows {
        let _ = write!(
            out,
            "{from},{to},{},{},{},{}\r\n",
            r.dim.id(),
            field(&r.value),
            field(&label(r.dim, &r.value)),
            r.shown.text()
        );
    }
    out
}

/// Bytes of text per QR code: version 21 or so at medium error correction, which a phone reads
/// off a kiosk's screen.
pub const QR_BYTES: usize = 700;

/// The export as QR code texts, each at most `max` bytes: `Bousla FROM..TO i/n`, then one line
/// per group with its counted cells (`region: oriental 25, souss_massa <10`). Cells showing 0
/// are left out (the first line says so).
pub fn qr_texts(rows: &[Row], from: Date, to: Date, max: usize) -> Vec<String> {
    // Each chunk: (group line prefix, items) packed greedily.
    let mut chunks: Vec<String> = vec![String::new()];
    let head_room = 48;
    let max = max.max(head_room + 40);
    let mut current_dim: Option<Dim> = None;
    for r in rows.iter().filter(|r| r.shown != Shown::Zero) {
        let item = format!("{} {}", r.value, r.shown.text().replace(' ', ""));
        let chunk = chunks.last_mut().expect("never empty");
        let continues = current_dim == Some(r.dim) && !chunk.is_empty();
        let piece = if continues {
            format!(", {item}")
        } else {
            format!("\n{}: {item}", r.dim.id())
        };
        if chunk.len() + piece.len() + head_room > max && !chunk.is_empty() {
            chunks.push(format!("\n{}: {item}", r.dim.id()));
        } else {
            chunk.push_str(&piece);
        }
        current_dim = Some(r.dim);
    }
    let n = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, body)| format!("Bousla {from}..{to} {}/{n} (0 omitted){body}", i + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(days: &[(Date, &[(&str, u32)])]) -> Store {
        let mut s = Store::default();
        for (d, counters) in days {
            for (k, n) in *counters {
                for _ in 0..*n {
                    s.add(*d, &[k.to_string()]);
                }
            }
        }
        s
    }

    #[test]
    fn periods_are_whole_days() {
        let today = Date::ymd(2026, 3, 1);
        assert_eq!(Period::Today.range(today), (today, today));
        assert_eq!(Period::Week.range(today), (Date::ymd(2026, 2, 23), today));
        assert_eq!(
            Period::LastMonth.range(today),
            (Date::ymd(2026, 2, 1), Date::ymd(2026, 2, 28))
        );
        assert_eq!(Period::ThisMonth.range(today), (today, today));
        assert_eq!(
            Period::Days30.range(Date::ymd(2026, 11, 30)).0,
            Date::ymd(2026, 11, 1)
        );
        let (first, last) = Period::All.range(today);
        assert_eq!(first.days_until(last), MAX_DAYS - 1);
        assert_eq!(
            Period::LastMonth.range(Date::ymd(2027, 1, 15)),
            (Date::ymd(2026, 12, 1), Date::ymd(2026, 12, 31))
        );
    }

    #[test]
    fn a_period_sums_its_days_only() {
        let s = store(&[
            (Date::ymd(2026, 11, 1), &[("gender.female", 6)]),
            (Date::ymd(2026, 11, 2), &[("gender.female", 7)]),
            (Date::ymd(2026, 11, 3), &[("gender.female", 100)]),
        ]);
        let sums = sums(&s, Date::ymd(2026, 11, 1), Date::ymd(2026, 11, 2));
        assert_eq!(get(&sums, "gender.female"), 13);
        let r = rows(&sums);
        let female = r.iter().find(|r| r.value == "female").unwrap();
        // 13 people: shown as 15, never 13; each day alone would show "< 10".
        assert_eq!(female.shown, Shown::About(15));
    }

    #[test]
    fn rows_list_closed_lists_whole_and_counted_programs_by_what_they_show() {
        let s = store(&[(
            Date::ymd(2026, 11, 30),
            &[
                ("region.oriental", 3),
                ("top5.b-program", 12),
                ("top5.a-program", 4),
                ("top5.c-program", 2),
            ],
        )]);
        let r = rows(&sums(&s, Date::ymd(2026, 11, 30), Date::ymd(2026, 11, 30)));
        let regions: Vec<_> = r.iter().filter(|r| r.dim == Dim::Region).collect();
        assert_eq!(regions.len(), 12, "every region, no unknown");
        let top: Vec<(&str, Shown)> = r
            .iter()
            .filter(|r| r.dim == Dim::Top)
            .map(|r| (r.value.as_str(), r.shown))
            .collect();
        // a (4) and c (2) both show "< 10": ordered by id, which hides which is larger.
        assert_eq!(
            top,
            [
                ("b-program", Shown::About(10)),
                ("a-program", Shown::UnderTen),
                ("c-program", Shown::UnderTen)
            ]
        );
    }

    #[test]
    fn the_csv_has_one_line_per_row_with_the_shown_counts() {
        let s = store(&[(Date::ymd(2026, 11, 30), &[("activity.started", 11)])]);
        let r = rows(&sums(&s, Date::ymd(2026, 11, 1), Date::ymd(2026, 11, 30)));
        let text = csv(
            &r,
            Date::ymd(2026, 11, 1),
            Date::ymd(2026, 11, 30),
            |d, v| {
                if d == Dim::Activity {
                    format!("Started, \"{v}\"")
                } else {
                    format!("={v}")
                }
            },
        );
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}from,to,group,value,label,count");
        assert_eq!(
            lines[1],
            "2026-11-01,2026-11-30,activity,started,\"Started, \"\"started\"\"\",10"
        );
        assert!(lines.iter().any(|l| l.ends_with(",'=oriental,0")));
        assert_eq!(lines.len(), r.len() + 2);
    }

    #[test]
    fn qr_texts_are_short_and_carry_every_counted_cell() {
        let programs: Vec<(String, u32)> = (0..60)
            .map(|i| (format!("top5.program-number-{i}"), 3))
            .collect();
        let pairs: Vec<(&str, u32)> = programs.iter().map(|(k, n)| (k.as_str(), *n)).collect();
        let s = store(&[(Date::ymd(2026, 11, 30), &pairs)]);
        let (from, to) = (Date::ymd(2026, 11, 30), Date::ymd(2026, 11, 30));
        let r = rows(&sums(&s, from, to));
        let texts = qr_texts(&r, from, to, QR_BYTES);
        assert!(texts.len() > 1);
        for (i, t) in texts.iter().enumerate() {
            assert!(t.len() <= QR_BYTES, "{}", t.len());
            assert!(
                t.starts_with(&format!(
                    "Bousla 2026-11-30..2026-11-30 {}/{} (0 omitted)\n",
                    i + 1,
                    texts.len()
                )),
                "{t}"
            );
        }
        let all = texts.join("\n");
        for i in 0..60 {
            assert!(all.contains(&format!("program-number-{i} <10")), "{i}");
        }
        assert!(!all.contains("region"), "no zero cell");
    }
}
