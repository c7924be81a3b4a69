//! Counted phrases that agree with their number, by the CLDR plural categories of each language
//! (<https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html>):
//! Arabic (and Darija, written with Arabic's agreement) zero / one / two / few (3–10) / many
//! (11–99) / other; French one (0 and 1) / many (a whole million) / other; English one / other.
//!
//! A counted text in the string tables is its `other` form, then `|category=form` for each
//! category whose words differ: `"{n} ans|one={n} an"`. Forms left out fall back to the
//! first one, so a table stays readable and a translator writes only the forms that change.

use crate::catalog::Lang;

use super::strings::fill;

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

/// The category of a whole number `n` in `lang`.
pub fn category(lang: Lang, n: u64) -> Category {
    match lang {
        Lang::Ar | Lang::Ary => match (n, n % 100) {
            (0, _) => Category::Zero,
            (1, _) => Category::One,
            (2, _) => Category::Two,
            (_, 3..=10) => Category::Few,
            (_, 11..=99) => Category::Many,
            _ => Category::Other,
        },
        Lang::Fr => match n {
            0 | 1 => Category::One,
            _ if n.is_multiple_of(1_000_000) => Category::Many,
            _ => Category::Other,
        },
        Lang::En => match n {
            1 => Category::One,
            _ => Category::Other,
        },
    }
}

/// The form of `text` for `n` (see the module's documentation), `{n}` not yet filled.
pub fn form(lang: Lang, text: &'static str, n: u64) -> &'static str {
    let mut forms = text.split('|');
    let other = forms.next().unwrap_or(text);
    let wanted = category(lang, n).name();
    forms
        .find_map(|f| {
            f.split_once('=')
                .filter(|(name, _)| *name == wanted)
                .map(|(_, form)| form)
        })
        .unwrap_or(other)
}

/// `text`'s form for `n`, with `{n}` and the other placeholders filled.
pub fn counted(lang: Lang, text: &'static str, n: u64, values: &[(&str, &str)]) -> String {
    let number = n.to_string();
    let mut all: Vec<(&str, &str)> = vec![("n", &number)];
    all.extend_from_slice(values);
    fill(form(lang, text, n), &all)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTS: [u64; 6] = [0, 1, 2, 3, 11, 100];

    #[test]
    fn arabic_has_six_categories_by_the_last_two_digits() {
        let got: Vec<Category> = COUNTS.iter().map(|n| category(Lang::Ar, *n)).collect();
        use Category::*;
        assert_eq!(got, [Zero, One, Two, Few, Many, Other]);
        assert_eq!(category(Lang::Ar, 103), Few);
        assert_eq!(category(Lang::Ar, 111), Many);
        assert_eq!(category(Lang::Ary, 10), Few);
    }

    #[test]
    fn french_counts_zero_and_one_as_singular() {
        use Category::*;
        let got: Vec<Category> = COUNTS.iter().map(|n| category(Lang::Fr, *n)).collect();
        assert_eq!(got, [One, One, Other, Other, Other, Other]);
        assert_eq!(category(Lang::Fr, 2_000_000), Many);
    }

    #[test]
    fn english_has_one_and_other() {
        use Category::*;
        let got: Vec<Category> = COUNTS.iter().map(|n| category(Lang::En, *n)).collect();
        assert_eq!(got, [Other, One, Other, Other, Other, Other]);
    }

    #[test]
    fn a_missing_form_falls_back_to_the_first() {
        let t = "{n} ans|one={n} an";
        assert_eq!(counted(Lang::Fr, t, 1, &[]), "1 an");
        assert_eq!(counted(Lang::Fr, t, 0, &[]), "0 an");
        assert_eq!(counted(Lang::Fr, t, 3, &[]), "3 ans");
        assert_eq!(counted(Lang::Fr, "plain {n}", 1, &[]), "plain 1");
        assert_eq!(
            counted(Lang::Fr, "{n} {x}|one={n} {x}!", 1, &[("x", "y")]),
            "1 y!"
        );
    }
}
