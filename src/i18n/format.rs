//! Numbers, amounts and dates in the holder's language.
//!
//! Choice: Western Arabic digits (0–9) in all three languages, as Moroccan administrations,
//! banks and the Arabic-language press print amounts; a narrow no-break space groups thousands
//! in Arabic and French (the French convention), a comma in English. The currency reads
//! "درهم" in Arabic, "DH" in French (Moroccan usage) and "MAD" in English.

use crate::catalog::{Date, Lang};

/// U+202F NARROW NO-BREAK SPACE: keeps "100 000" on one line.
const NNBSP: char = '\u{202F}';

pub fn number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = lang.pick(NNBSP, NNBSP, ',');
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

pub fn mad(lang: Lang, n: u64) -> String {
    let amount = number(lang, n);
    match lang {
        Lang::Ar | Lang::Ary => format!("{amount}{NNBSP}درهم"),
        Lang::Fr => format!("{amount}{NNBSP}DH"),
        Lang::En => format!("{amount} MAD"),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
// Month names as used in Morocco (يناير، فبراير…).
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

pub fn date(lang: Lang, d: Date) -> String {
    let month = usize::from(d.month)
        .checked_sub(1)
        .and_then(|m| lang.pick(MONTHS_AR, MONTHS_FR, MONTHS_EN).get(m).copied());
    match (month, d.day) {
        (None, _) => d.year.to_string(),
        (Some(m), 0) => format!("{m} {}", d.year),
        (Some(m), day) => match lang {
            Lang::En => format!("{day} {m} {}", d.year),
            _ => format!("{day} {m} {}", d.year),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_per_language() {
        assert_eq!(number(Lang::En, 1_200_000), "1,200,000");
        assert_eq!(number(Lang::Fr, 100_000), "100\u{202F}000");
        assert_eq!(number(Lang::Ar, 999), "999");
        assert_eq!(number(Lang::En, 0), "0");
    }

    #[test]
    fn names_the_currency() {
        assert_eq!(mad(Lang::En, 50_000), "50,000 MAD");
        assert_eq!(mad(Lang::Fr, 50_000), "50\u{202F}000\u{202F}DH");
        assert!(mad(Lang::Ar, 50_000).ends_with("درهم"));
    }

    #[test]
    fn writes_dates() {
        assert_eq!(date(Lang::Fr, Date::ymd(2025, 7, 15)), "15 juillet 2025");
        assert_eq!(date(Lang::En, Date::ymd(2025, 7, 0)), "July 2025");
        assert_eq!(date(Lang::Ar, Date::ymd(2025, 0, 0)), "2025");
    }
}
