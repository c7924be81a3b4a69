//! The small-count rule every displayed and exported cell obeys (see
//! `shared/research/inclusion.md` §4: a threshold of 10 as UK data partners use, counts rounded to
//! 5 as NHS Digital publishes them):
//!
//! - 0 is shown as 0: nobody gave that answer;
//! - 1 to 9 are shown as "< 10", never as the number;
//! - 10 and more are rounded to the nearest multiple of 5 (10, 11 and 12 show 10; 13 shows 15).
//!
//! Applied once, to the sum over the chosen period: the raw counters never leave this module
//! in a form a person reads.

/// A count as staff see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shown {
    Zero,
    /// 1 to 9.
    UnderTen,
    /// A multiple of 5, at least 10.
    About(u32),
}

/// What a count of `n` shows.
pub fn shown(n: u32) -> Shown {
    match n {
        0 => Shown::Zero,
        1..=9 => Shown::UnderTen,
        // Nearest multiple of 5 (no tie: an integer is never 2.5 away from one). In u64: no
        // overflow near u32::MAX; the result fits, as the nearest multiple below u32::MAX is
        // taken there.
        _ => Shown::About(u32::try_from((u64::from(n) + 2) / 5 * 5).unwrap_or(u32::MAX / 5 * 5)),
    }
}

impl Shown {
    /// The cell's text, the same in every language: `0`, `< 10`, `15`.
    pub fn text(self) -> String {
        match self {
            Shown::Zero => "0".to_string(),
            Shown::UnderTen => "< 10".to_string(),
            Shown::About(n) => n.to_string(),
        }
    }

    /// The length a bar may have: from what is shown, never the raw count (a bar drawn from the
    /// raw count would give away a suppressed number). "< 10" draws as 5, half of the threshold.
    pub fn bar(self) -> u32 {
        match self {
            Shown::Zero => 0,
            Shown::UnderTen => 5,
            Shown::About(n) => n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nobody_is_zero() {
        assert_eq!(shown(0), Shown::Zero);
        assert_eq!(shown(0).text(), "0");
    }

    #[test]
    fn one_to_nine_people_show_as_under_ten() {
        for n in 1..=9 {
            assert_eq!(shown(n), Shown::UnderTen, "{n}");
            assert_eq!(shown(n).text(), "< 10");
        }
    }

    #[test]
    fn ten_and_more_are_rounded_to_the_nearest_five() {
        let cases = [
            (10, 10),
            (11, 10),
            (12, 10),
            (13, 15),
            (14, 15),
            (15, 15),
            (17, 15),
            (18, 20),
            (1332, 1330),
            (1333, 1335),
        ];
        for (n, s) in cases {
            assert_eq!(shown(n), Shown::About(s), "{n}");
        }
        assert_eq!(shown(u32::MAX), Shown::About(u32::MAX / 5 * 5));
    }

    #[test]
    fn bars_follow_what_is_shown() {
        assert_eq!(shown(0).bar(), 0);
        assert_eq!(shown(1).bar(), shown(9).bar());
        assert_eq!(shown(11).bar(), 10);
    }
}
