//! Counted phrases that agree with their number, by the CLDR plural categories of each language
//! (<https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html>):
//! Arabic (and Darija, written with Arabic's agreement) zero / one / two / few (3–10) / many
//! (11–99) / other; French one (0 and 1) / many (a whole million) / other; English one / other.
//!
//! A counted text in the string tables is its `other` form, then `|category=form` for each
//! category whose words differ: `"{n} ans|one={n} an"`. Forms left out fall back to the
//! first one, so a table stays readable and a translator writes only the forms that change.

use crate::catalog::Lang;

use super::strings::{Strings, fill};

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

/// The form of `text` for `n` (see the module's documentation), `{n}` not yet filled. A form
/// named by the number itself (`0=aucun programme`) comes before the category's: French and
/// English say "none" where CLDR's `one` or `other` would say "0 programme".
pub fn form(lang: Lang, text: &'static str, n: u64) -> &'static str {
    let other = text.split('|').next().unwrap_or(text);
    let named = |wanted: &str| {
        text.split('|').skip(1).find_map(|f| {
            f.split_once('=')
                .filter(|(name, _)| *name == wanted)
                .map(|(_, form)| form)
        })
    };
    named(&n.to_string())
        .or_else(|| named(category(lang, n).name()))
        .unwrap_or(other)
}

/// `text`'s form for `n`, with `{n}` and the other placeholders filled.
pub fn counted(lang: Lang, text: &'static str, n: u64, values: &[(&str, &str)]) -> String {
    let number = n.to_string();
    let mut all: Vec<(&str, &str)> = vec![("n", &number)];
    all.extend_from_slice(values);
    fill(form(lang, text, n), &all)
}

/// The results' summary as a sentence: "3 programs fit you fully; 5 others may, with points to
/// check." Each count agrees with its number.
pub fn results_summary(lang: Lang, s: &Strings, eligible: usize, possible: usize) -> String {
    let fit = counted(lang, s.results_fit, eligible as u64, &[]);
    let maybe = counted(lang, s.results_possible, possible as u64, &[]);
    fill(s.results_summary, &[("fit", &fit), ("possible", &maybe)])
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

    /// The conditions a holder meets, said as a sentence ("Rules met: 2 of 3" read like a
    /// form): all met for each count, then one fewer than all (none of one, 1 of 2, …), then
    /// none of two or more.
    #[test]
    fn the_conditions_met_are_a_sentence_in_every_language() {
        use crate::i18n::phrases::{Phrases, p};
        use crate::i18n::reasons::met_sentence;
        let got = |lang: Lang, table: &Phrases| -> Vec<String> {
            let counts = COUNTS.map(|n| n as u8);
            let all = counts.map(|n| met_sentence(lang, table, n, n));
            let fewer = counts[1..]
                .iter()
                .map(|n| met_sentence(lang, table, n - 1, *n));
            let none = counts[2..].iter().map(|n| met_sentence(lang, table, 0, *n));
            all.into_iter().chain(fewer).chain(none).collect()
        };
        assert_eq!(
            got(Lang::En, p(Lang::En)),
            [
                "It sets no conditions.",
                "You meet its one condition.",
                "You meet both of its conditions.",
                "You meet all 3 of its conditions.",
                "You meet all 11 of its conditions.",
                "You meet all 100 of its conditions.",
                "Its one condition is not met yet.",
                "You meet 1 of its 2 conditions.",
                "You meet 2 of its 3 conditions.",
                "You meet 10 of its 11 conditions.",
                "You meet 99 of its 100 conditions.",
                "You meet neither of its two conditions yet.",
                "You meet none of its 3 conditions yet.",
                "You meet none of its 11 conditions yet.",
                "You meet none of its 100 conditions yet.",
            ]
        );
        assert_eq!(
            got(Lang::Fr, p(Lang::Fr)),
            [
                "Il ne pose aucune condition.",
                "Vous remplissez sa seule condition.",
                "Vous remplissez ses deux conditions.",
                "Vous remplissez ses 3 conditions.",
                "Vous remplissez ses 11 conditions.",
                "Vous remplissez ses 100 conditions.",
                "Sa seule condition n'est pas encore remplie.",
                "Vous remplissez 1 de ses 2 conditions.",
                "Vous remplissez 2 de ses 3 conditions.",
                "Vous remplissez 10 de ses 11 conditions.",
                "Vous remplissez 99 de ses 100 conditions.",
                "Vous ne remplissez encore aucune de ses deux conditions.",
                "Vous ne remplissez encore aucune de ses 3 conditions.",
                "Vous ne remplissez encore aucune de ses 11 conditions.",
                "Vous ne remplissez encore aucune de ses 100 conditions.",
            ]
        );
        assert_eq!(
            got(Lang::Ar, p(Lang::Ar)),
            [
                "لا يضع أي شرط.",
                "تستوفي شرطه الوحيد.",
                "تستوفي شرطيه كليهما.",
                "تستوفي شروطه كلها، وعددها 3.",
                "تستوفي شروطه كلها، وعددها 11.",
                "تستوفي شروطه كلها، وعددها 100.",
                "لم تستوفِ شرطه الوحيد بعد.",
                "تستوفي 1 من شرطين.",
                "تستوفي 2 من 3 شروط.",
                "تستوفي 10 من 11 شرطا.",
                "تستوفي 99 من 100 شرط.",
                "لم تستوفِ بعدُ أيًّا من شرطيه.",
                "لم تستوفِ بعدُ أيًّا من شروطه، وعددها 3.",
                "لم تستوفِ بعدُ أيًّا من شروطه، وعددها 11.",
                "لم تستوفِ بعدُ أيًّا من شروطه، وعددها 100.",
            ]
        );
        assert_eq!(
            got(Lang::Ary, &crate::i18n::ary::PHRASES),
            [
                "ما فيه حتى شرط.",
                "فيك الشرط الوحيد ديالو.",
                "فيك جوج الشروط ديالو بجوج.",
                "فيك الشروط ديالو كاملين، وهوما 3.",
                "فيك الشروط ديالو كاملين، وهوما 11.",
                "فيك الشروط ديالو كاملين، وهوما 100.",
                "الشرط الوحيد ديالو مازال ما فيكش.",
                "فيك 1 من جوج شروط.",
                "فيك 2 من 3 شروط.",
                "فيك 10 من 11 ديال الشروط.",
                "فيك 99 من 100 ديال الشروط.",
                "مازال ما فيك حتى واحد من جوج الشروط ديالو.",
                "مازال ما فيك حتى شرط من الشروط ديالو، وهوما 3.",
                "مازال ما فيك حتى شرط من الشروط ديالو، وهوما 11.",
                "مازال ما فيك حتى شرط من الشروط ديالو، وهوما 100.",
            ]
        );
    }

    #[test]
    fn the_results_summary_is_a_sentence_in_every_language() {
        use crate::i18n::strings::t;
        let got = |lang: Lang| -> Vec<String> {
            COUNTS
                .iter()
                .map(|n| results_summary(lang, t(lang), *n as usize, *n as usize))
                .collect()
        };
        assert_eq!(
            got(Lang::En),
            [
                "No program fits you fully; no other may.",
                "1 program fits you fully; 1 other may, with points to check.",
                "2 programs fit you fully; 2 others may, with points to check.",
                "3 programs fit you fully; 3 others may, with points to check.",
                "11 programs fit you fully; 11 others may, with points to check.",
                "100 programs fit you fully; 100 others may, with points to check.",
            ]
        );
        assert_eq!(
            got(Lang::Fr),
            [
                "Aucun programme ne vous correspond pleinement ; aucun autre n'est possible.",
                "1 programme vous correspond pleinement ; 1 autre peut-être, avec des points à vérifier.",
                "2 programmes vous correspondent pleinement ; 2 autres peut-être, avec des points à vérifier.",
                "3 programmes vous correspondent pleinement ; 3 autres peut-être, avec des points à vérifier.",
                "11 programmes vous correspondent pleinement ; 11 autres peut-être, avec des points à vérifier.",
                "100 programmes vous correspondent pleinement ; 100 autres peut-être, avec des points à vérifier.",
            ]
        );
        assert_eq!(
            got(Lang::Ar),
            [
                "لا يناسبك أي برنامج تماما، ولا برنامج آخر ممكن.",
                "برنامج واحد يناسبك تماما، وبرنامج آخر واحد ممكن مع شروط يجب التحقق منها.",
                "برنامجان يناسبانك تماما، وبرنامجان آخران ممكنان مع شروط يجب التحقق منها.",
                "3 برامج تناسبك تماما، و3 برامج أخرى ممكنة مع شروط يجب التحقق منها.",
                "11 برنامجا يناسبك تماما، و11 برنامجا آخر ممكنا مع شروط يجب التحقق منها.",
                "100 برنامج يناسبك تماما، و100 برنامج آخر ممكن مع شروط يجب التحقق منها.",
            ]
        );
        let ary = |n: usize| {
            let s = &crate::i18n::ary::STRINGS;
            results_summary(Lang::Ary, s, n, n)
        };
        assert_eq!(
            COUNTS.map(|n| ary(n as usize)),
            [
                "حتى برنامج ما كيناسبك مية فالمية، وحتى برنامج آخر ما ممكن.",
                "برنامج واحد كيناسبك مية فالمية، وبرنامج آخر ممكن، خاصك تتأكد من شي حوايج.",
                "جوج برامج كيناسبوك مية فالمية، وجوج برامج خرين ممكنين، خاصك تتأكد من شي حوايج.",
                "3 برامج كيناسبوك مية فالمية، و3 برامج خرين ممكنين، خاصك تتأكد من شي حوايج.",
                "11 برنامج كيناسبوك مية فالمية، و11 برنامج خرين ممكنين، خاصك تتأكد من شي حوايج.",
                "100 برنامج كيناسبوك مية فالمية، و100 برنامج خرين ممكنين، خاصك تتأكد من شي حوايج.",
            ]
        );
    }
}
