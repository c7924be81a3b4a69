//! Calendar dates as catalog files write them (`2025-07-15`), and partial dates for sources
//! that give only a month or a year.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A day, month or year: sources often print only "2022-03" or "2019".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    /// 0 when the source gives only the year.
    pub month: u8,
    /// 0 when the source gives only the year or the month.
    pub day: u8,
}

impl Date {
    pub const fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    pub fn is_full(self) -> bool {
        self.month != 0 && self.day != 0
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || {
            format!(
                "`{s}` is not a date: write YYYY-MM-DD (or YYYY-MM, YYYY when the source gives no more)"
            )
        };
        let mut parts = s.split('-');
        let year: u16 = parts
            .next()
            .filter(|p| p.len() == 4)
            .and_then(|p| p.parse().ok())
            .ok_or_else(bad)?;
        let month: u8 = match parts.next() {
            None => 0,
            Some(p) => p
                .parse()
                .ok()
                .filter(|m| (1..=12).contains(m) && p.len() == 2)
                .ok_or_else(bad)?,
        };
        let day: u8 = match parts.next() {
            None => 0,
            Some(p) => p
                .parse()
                .ok()
                .filter(|d| *d >= 1 && *d <= days_in_month(year, month) && p.len() == 2)
                .ok_or_else(bad)?,
        };
        if parts.next().is_some() || !(1990..=2100).contains(&year) {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// The UTC day of a Unix time.
    pub fn from_unix_seconds(secs: i64) -> Date {
        // Howard Hinnant's days-to-civil algorithm.
        let z = secs.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(0, 9999) as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Whole days from `self` to `later`, approximating partial dates by their first day.
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    fn day_number(self) -> i64 {
        // Days since 0000-03-01 (civil-from-days inverse); good for differences.
        let m = i64::from(self.month.max(1));
        let d = i64::from(self.day.max(1));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_and_partial_dates() {
        assert_eq!(Date::parse("2025-07-15"), Ok(Date::ymd(2025, 7, 15)));
        assert_eq!(Date::parse("2022-03"), Ok(Date::ymd(2022, 3, 0)));
        assert_eq!(Date::parse("2019"), Ok(Date::ymd(2019, 0, 0)));
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "2025-02-30",
            "2025-13-01",
            "25-01-01",
            "2025-1-1",
            "",
            "2025-01-01-01",
            "abcd",
        ] {
            assert!(Date::parse(s).is_err(), "{s}");
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn converts_unix_time() {
        assert_eq!(Date::from_unix_seconds(0), Date::ymd(1970, 1, 1));
        assert_eq!(
            Date::from_unix_seconds(1_795_392_000),
            Date::ymd(2026, 11, 23)
        );
    }

    #[test]
    fn counts_days() {
        assert_eq!(Date::ymd(2025, 12, 31).days_until(Date::ymd(2026, 1, 1)), 1);
        assert_eq!(Date::ymd(2024, 1, 1).days_until(Date::ymd(2025, 1, 1)), 366);
    }

    #[test]
    fn displays_as_written() {
        for s in ["2025-07-15", "2022-03", "2019"] {
            assert_eq!(Date::parse(s).map(|d| d.to_string()).as_deref(), Ok(s));
        }
    }
}
