//! Read-aloud: what is spoken for a question, the results and a program, the text as a voice
//! reads it well, and which voice may read it. Pure Rust; the browser glue (`browser::speech`)
//! only hands these texts to `speechSynthesis`.
//!
//! Privacy: only a voice on the device (`localService` true) is ever chosen. A network voice
//! sends the text to a third party, which Bousla promises never to do; where the device has no
//! local voice for the language, there is no listen button.
//!
//! Numbers: measured with espeak-ng 1.51 (Debian's, behind speech-dispatcher), "100 000" with
//! a space or a narrow no-break space reads "one hundred, zero zero zero" in Arabic and
//! English, and "100 000" with a narrow no-break space the same in French; "100000" reads
//! "one hundred thousand" in all three. "DH" reads as two letters and "MAD" as the word "mad".
//! So amounts are spoken as plain digits and "dirhams" ("100000 درهم", "100000 dirhams").

use crate::catalog::{Catalog, Lang, Program};
use crate::engine::{Check, Outcome, Profile, Ranked, Timing, Verdict, doors, explain};

use super::format::mad;
use super::reasons::{door_reason, fix, met_of, rule, timing};
use super::strings::{Strings, fill};

/// Speaking rate: a little slower than the default 1.0, for listeners who are not used to a
/// synthetic voice (and for espeak's Arabic, which is fast).
pub const RATE: f32 = 0.9;

/// Doors read on the program page (a card reads its first door only).
const PAGE_DOORS: usize = 3;

/// The voice language for an interface language (a primary subtag): Arabic for Arabic and for
/// Darija (no platform has a Darija voice; the program texts are Modern Standard Arabic);
/// `None` for a language with no voice known to read it.
pub fn voice_lang(lang: Lang) -> Option<&'static str> {
    match lang.code() {
        "ar" | "ary" => Some("ar"),
        "fr" => Some("fr"),
        "en" => Some("en"),
        _ => None,
    }
}

/// How well a voice suits `want` (a primary subtag, from [`voice_lang`]): `None` for a voice
/// that must never be used — a network voice, or another language — else higher is better: a
/// Moroccan voice first, then the usual one for the language (no region, France for French),
/// then any other region; among equals, the browser's default voice. Tags are compared without
/// case, with `-` or `_` (Android writes `ar_XA`).
pub fn voice_rank(want: &str, voice_lang: &str, local: bool, default: bool) -> Option<u8> {
    if !local {
        return None;
    }
    let mut tags = voice_lang.split(['-', '_']);
    let primary = tags.next()?;
    if want.is_empty() || !primary.eq_ignore_ascii_case(want) {
        return None;
    }
    let region = tags.next().unwrap_or("");
    let usual: &[&str] = match want {
        "fr" => &["FR"],
        "en" => &["US", "GB"],
        _ => &["001"],
    };
    let place = if region.eq_ignore_ascii_case("MA") {
        3
    } else if region.is_empty() || usual.iter().any(|u| region.eq_ignore_ascii_case(u)) {
        2
    } else {
        1
    };
    Some(place * 2 + u8::from(default))
}

/// The voice to use out of `(language tag, local, default)` in the browser's order: the best
/// [`voice_rank`], the first of equals; `None` when no local voice speaks `want`.
pub fn pick_voice<'a>(
    want: &str,
    voices: impl IntoIterator<Item = (&'a str, bool, bool)>,
) -> Option<usize> {
    let mut best: Option<(usize, u8)> = None;
    for (i, (tag, local, default)) in voices.into_iter().enumerate() {
        if let Some(rank) = voice_rank(want, tag, local, default)
            && best.is_none_or(|(_, b)| rank > b)
        {
            best = Some((i, rank));
        }
    }
    best.map(|(i, _)| i)
}

/// A text as a voice reads it well: thousands not grouped ("100000", see the module's note),
/// "dirhams" for "DH" and "MAD", and a pause for the separators "·" and "—" (French voices
/// say "point" for "·").
pub fn for_voice(lang: Lang, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0 && digit(i - 1) && digit(i + 1);
        match c {
            '\u{202F}' | '\u{A0}' if between_digits => {}
            // English groups with a comma: "100,000" (a decimal comma has no three digits after).
            ',' if lang.code() == "en"
                && between_digits
                && digit(i + 2)
                && digit(i + 3)
                && !digit(i + 4) => {}
            '\u{202F}' | '\u{A0}' => out.push(' '),
            '·' => out.push('.'),
            // "a — b" reads "a, b"; a dash between numbers ("2020–2025") stays.
            '—' | '–' if i > 0 && chars[i - 1].is_whitespace() => out.push(','),
            _ => out.push(c),
        }
    }
    let mut words: Vec<String> = Vec::new();
    for w in out.split_whitespace() {
        // "a — b" reads "a, b": a lone mark joins the word before it.
        if w == "," || w == "." {
            if let Some(last) = words.last_mut()
                && !last.ends_with([',', '.'])
            {
                last.push_str(w);
            }
            continue;
        }
        let core = w.trim_end_matches(['.', ',', ':', ';', '!', '?', ')']);
        if core == "DH" || core == "MAD" {
            words.push(format!("dirhams{}", &w[core.len()..]));
        } else {
            words.push(w.to_string());
        }
    }
    words.join(" ")
}

/// The parts of a question, each spoken in turn: the question, its help, then each answer with
/// the number shown on its button ("1. I have a project idea"), then a typed field's label.
pub fn question(
    lang: Lang,
    title: &str,
    help: Option<&str>,
    answers: &[&str],
    typed: Option<&str>,
) -> Vec<String> {
    let mut parts = vec![title.to_string()];
    parts.extend(help.map(str::to_string));
    parts.extend(
        answers
            .iter()
            .enumerate()
            .map(|(i, a)| format!("{}. {a}", i + 1)),
    );
    parts.extend(typed.map(str::to_string));
    voiced(lang, parts)
}

/// The results summary: the title, the counts, and the notice when nothing is open.
pub fn results(
    lang: Lang,
    s: &Strings,
    eligible: usize,
    possible: usize,
    nothing_open: bool,
) -> Vec<String> {
    let mut parts = vec![
        s.results_title.to_string(),
        super::plural::results_summary(lang, s, eligible, possible),
    ];
    if nothing_open {
        parts.push(s.no_results.to_string());
    }
    voiced(lang, parts)
}

/// The verdict as the badge says it: "not open now" for a program that takes no applications
/// whatever its rules say.
pub fn verdict_text(verdict: Verdict, timing: Timing, s: &'static Strings) -> &'static str {
    match verdict {
        _ if timing.is_shut() && verdict != Verdict::NotEligible => s.closed_badge,
        Verdict::Eligible => s.eligible_badge,
        Verdict::Possible => s.possible_badge,
        Verdict::NotEligible => s.not_eligible_badge,
    }
}

/// "Up to 150 000 DH" / "From 10 000 DH": what a program gives, when the catalog says.
pub fn amount_line(p: &Program, lang: Lang, s: &'static Strings) -> Option<String> {
    let a = p.amount?;
    match (a.min, a.max) {
        (_, Some(max)) => Some(fill(s.up_to_amount, &[("amount", &mad(lang, max))])),
        (Some(min), None) => Some(fill(s.from_amount, &[("amount", &mad(lang, min))])),
        (None, None) => None,
    }
}

/// Where a program is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramView {
    /// A result card: name, verdict, what it gives, why it fits, what to check, the first door.
    Card,
    /// A card of the "within reach" group: name, rules met, why not, the step to take.
    NearMiss,
    /// The program's page: as the card, with its summary, why not and steps when not
    /// eligible, and up to three doors.
    Page,
}

/// The parts spoken for a program, in the holder's language, for their answers.
pub fn program(
    lang: Lang,
    s: &'static Strings,
    catalog: &Catalog,
    r: &Ranked<'_>,
    profile: &Profile,
    this_year: u16,
    view: ProgramView,
) -> Vec<String> {
    let p = r.program;
    let checks = explain(p, profile, this_year);
    let mut parts = vec![p.name.get(lang).to_string()];
    let section = |parts: &mut Vec<String>, outcome: Outcome, title: &str| {
        let lines: Vec<String> = checks
            .iter()
            .filter(|c: &&Check<'_>| c.outcome == outcome)
            .map(|c| rule(lang, &c.reason))
            .collect();
        if !lines.is_empty() {
            parts.push(title.to_string());
            parts.extend(lines);
        }
    };
    let steps = |parts: &mut Vec<String>| {
        if !r.fixes.is_empty() {
            parts.push(s.step_to_take.to_string());
            parts.extend(r.fixes.iter().map(|f| fix(lang, f)));
        }
    };
    if view == ProgramView::NearMiss {
        if r.rules > 0 {
            parts.push(met_of(lang, r.met, r.rules));
        }
        section(&mut parts, Outcome::Unmet, s.why_not);
        steps(&mut parts);
        return voiced(lang, parts);
    }
    parts.push(verdict_text(r.verdict, r.timing, s).to_string());
    parts.extend(timing(lang, r.timing));
    if view == ProgramView::Page {
        parts.push(p.summary.get(lang).to_string());
    }
    parts.extend(amount_line(p, lang, s));
    section(&mut parts, Outcome::Met, s.why_fits);
    section(&mut parts, Outcome::Unknown, s.to_check);
    if view == ProgramView::Page {
        section(&mut parts, Outcome::Unmet, s.why_not);
        steps(&mut parts);
    }
    parts.push(s.where_to_go.to_string());
    let found = doors(catalog, p, profile);
    if profile.effective_region().is_none() {
        parts.push(s.choose_region_for_desks.to_string());
    } else if found.is_empty() {
        parts.push(s.no_desk.to_string());
    }
    let limit = if view == ProgramView::Page {
        PAGE_DOORS
    } else {
        1
    };
    for door in found.into_iter().take(limit) {
        parts.push(door.desk.name.get(lang).to_string());
        parts.push(door_reason(lang, door.why));
        if let Some(phone) = &door.desk.phone {
            parts.push(format!("{}: {phone}", s.phone));
        }
    }
    voiced(lang, parts)
}

/// Each part as the voice reads it; empty parts dropped.
fn voiced(lang: Lang, parts: Vec<String>) -> Vec<String> {
    parts
        .into_iter()
        .map(|p| for_voice(lang, &p))
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Date, Need, Province, Region, StageKind, embedded};
    use crate::engine::{Band, evaluate, rank};
    use crate::i18n::format::number;
    use crate::i18n::strings::t;

    #[test]
    fn darija_is_read_by_an_arabic_voice() {
        assert_eq!(voice_lang(Lang::Ar), Some("ar"));
        assert_eq!(voice_lang(Lang::Fr), Some("fr"));
        assert_eq!(voice_lang(Lang::En), Some("en"));
        if let Some(darija) = Lang::from_code("ary") {
            assert_eq!(voice_lang(darija), Some("ar"));
        }
    }

    #[test]
    fn a_network_voice_is_never_chosen() {
        // The only Arabic voice is a network one, and the browser's default: none.
        let voices = [("ar-MA", false, true), ("fr-FR", true, false)];
        assert_eq!(pick_voice("ar", voices), None);
        // Android's pair of one voice: the local variant, wherever it stands.
        let android = [("ar_XA", false, true), ("ar_XA", true, false)];
        assert_eq!(pick_voice("ar", android), Some(1));
        assert_eq!(voice_rank("ar", "ar-MA", false, true), None);
        assert_eq!(pick_voice("en", []), None);
    }

    #[test]
    fn the_voice_speaks_the_language_shown() {
        let voices = [
            ("en-US", true, true),
            ("fr-BE", true, false),
            ("fr-FR", true, false),
            ("ar", true, false),
            ("ar-MA", false, false),
        ];
        assert_eq!(pick_voice("ar", voices), Some(3));
        assert_eq!(pick_voice("fr", voices), Some(2), "France before Belgium");
        assert_eq!(pick_voice("en", voices), Some(0));
        // "fr" never matches "fra" or "frr", nor an empty want.
        assert_eq!(pick_voice("fr", [("frr", true, true)]), None);
        assert_eq!(pick_voice("", [("", true, true)]), None);
    }

    #[test]
    fn a_moroccan_voice_first_then_the_default_then_the_first() {
        let voices = [
            ("ar-SA", true, false),
            ("ar-EG", true, true),
            ("AR-ma", true, false),
        ];
        assert_eq!(pick_voice("ar", voices), Some(2));
        let voices = [("ar-SA", true, false), ("ar-EG", true, true)];
        assert_eq!(pick_voice("ar", voices), Some(1));
        // espeak-ng through speech-dispatcher: "Arabic espeak-ng" comes before its variants.
        let espeak = [("ar", true, false), ("ar", true, false)];
        assert_eq!(pick_voice("ar", espeak), Some(0));
    }

    #[test]
    fn amounts_are_read_as_numbers_and_dirhams() {
        assert_eq!(for_voice(Lang::Ar, &mad(Lang::Ar, 100_000)), "100000 درهم");
        assert_eq!(
            for_voice(Lang::Fr, &mad(Lang::Fr, 1_200_000)),
            "1200000 dirhams"
        );
        assert_eq!(for_voice(Lang::En, &mad(Lang::En, 50_000)), "50000 dirhams");
        assert_eq!(
            for_voice(
                Lang::Fr,
                &fill(t(Lang::Fr).up_to, &[("amount", &mad(Lang::Fr, 50_000))])
            ),
            "Jusqu'à 50000 dirhams"
        );
        // A number not grouped stays; a French decimal comma and phone numbers are left alone.
        assert_eq!(for_voice(Lang::Fr, "2,500 ou 2,5"), "2,500 ou 2,5");
        assert_eq!(
            for_voice(Lang::Fr, "+212 5 22 48 48 48"),
            "+212 5 22 48 48 48"
        );
        assert_eq!(for_voice(Lang::En, &number(Lang::En, 999)), "999");
    }

    #[test]
    fn separators_become_pauses() {
        let s = t(Lang::Fr);
        let summary = results(Lang::Fr, s, 3, 5, false);
        assert_eq!(
            summary,
            vec![
                "Les programmes pour vous".to_string(),
                "3 programmes vous correspondent pleinement ; 5 autres peut-être, avec des points à vérifier."
                    .to_string()
            ]
        );
        assert_eq!(for_voice(Lang::En, "a — b · c"), "a, b. c");
        assert_eq!(
            for_voice(Lang::Fr, "Prêt d'honneur – Larache Initiative"),
            "Prêt d'honneur, Larache Initiative"
        );
        assert_eq!(for_voice(Lang::Fr, "2020–2025"), "2020–2025");
        assert!(!for_voice(Lang::Ar, "أ · ب").contains('·'));
    }

    #[test]
    fn a_question_is_read_then_each_answer_with_its_number() {
        let parts = question(
            Lang::En,
            "Where is the project?",
            None,
            &["In a rural area", "In a town or city"],
            None,
        );
        assert_eq!(
            parts,
            vec![
                "Where is the project?",
                "1. In a rural area",
                "2. In a town or city"
            ]
        );
        let parts = question(
            Lang::Ar,
            "ما المبلغ الذي تحتاجه تقريبا؟",
            Some("اختر مجالا"),
            &["حتى 50\u{202F}000\u{202F}درهم"],
            Some("أو اكتب المبلغ بالضبط"),
        );
        assert_eq!(parts[2], "1. حتى 50000 درهم");
        assert_eq!(parts.len(), 4);
    }

    #[test]
    fn nothing_open_is_said() {
        let s = t(Lang::En);
        let parts = results(Lang::En, s, 0, 0, true);
        assert_eq!(parts.last().map(String::as_str), Some(s.no_results));
    }

    fn azilal() -> Profile {
        Profile {
            region: Some(Region::BeniMellalKhenifra),
            province: Province::from_id("azilal"),
            stage: Some(StageKind::Informal),
            needs: Some(vec![Need::Financing, Need::Coaching]),
            amount: Some(Band::exact(40_000)),
            age: Some(28),
            ..Profile::default()
        }
    }

    #[test]
    fn a_card_says_name_verdict_why_and_where_to_go() {
        let catalog = embedded();
        let today = Date::ymd(2026, 11, 30);
        let profile = azilal();
        let ranking = rank(catalog, &profile, today);
        let first = ranking.fits.first().expect("a program fits");
        for lang in Lang::ALL {
            let s = t(lang);
            let parts = program(lang, s, catalog, first, &profile, 2026, ProgramView::Card);
            assert_eq!(parts[0], for_voice(lang, first.program.name.get(lang)));
            assert_eq!(parts[1], verdict_text(first.verdict, first.timing, s));
            let at = |text: &str| parts.iter().position(|p| p == text);
            let why = at(s.why_fits).expect("why it fits");
            let door = at(s.where_to_go).expect("where to go");
            assert!(why < door);
            let desk = &doors(catalog, first.program, &profile)[0];
            assert_eq!(
                parts[door + 1],
                for_voice(lang, desk.desk.name.get(lang)),
                "{parts:?}"
            );
            for p in &parts {
                assert!(!p.contains('\u{202F}') && !p.contains(" DH") && !p.contains("MAD"));
            }
        }
    }

    #[test]
    fn a_near_miss_says_why_not_and_the_step() {
        let catalog = embedded();
        let today = Date::ymd(2026, 11, 30);
        let profile = azilal();
        let ranking = rank(catalog, &profile, today);
        let Some(near) = ranking.near_misses.first() else {
            return;
        };
        let s = t(Lang::Fr);
        let parts = program(
            Lang::Fr,
            s,
            catalog,
            near,
            &profile,
            2026,
            ProgramView::NearMiss,
        );
        assert!(parts.iter().any(|p| p == s.why_not), "{parts:?}");
        assert!(parts.iter().any(|p| p == s.step_to_take), "{parts:?}");
        assert!(!parts.iter().any(|p| p == s.where_to_go));
    }

    #[test]
    fn the_page_reads_the_summary_and_up_to_three_doors() {
        let catalog = embedded();
        let today = Date::ymd(2026, 11, 30);
        let profile = azilal();
        let s = t(Lang::En);
        for p in &catalog.programs {
            let r = evaluate(p, &profile, today);
            let parts = program(Lang::En, s, catalog, &r, &profile, 2026, ProgramView::Page);
            assert!(parts.contains(&for_voice(Lang::En, p.summary.get(Lang::En))));
            let door = parts
                .iter()
                .position(|x| x == s.where_to_go)
                .expect("doors");
            let phones = parts[door..]
                .iter()
                .filter(|x| x.starts_with(s.phone))
                .count();
            assert!(phones <= PAGE_DOORS);
        }
        // No region: the page says to choose one.
        let r = evaluate(&catalog.programs[0], &Profile::default(), today);
        let parts = program(
            Lang::En,
            s,
            catalog,
            &r,
            &Profile::default(),
            2026,
            ProgramView::Page,
        );
        assert!(parts.iter().any(|p| p == s.choose_region_for_desks));
    }
}
