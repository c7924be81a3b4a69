//! The URL fragment that names a screen, so each screen is an entry in the browser's history
//! (Back and Forward) and a reload returns to it.
//!
//! | screen | fragment |
//! |---|---|
//! | welcome | (none) |
//! | a question | `q=age` |
//! | a question asked to change an answer | `q=age&to=review`, `q=age&to=results` |
//! | review | `review` |
//! | results | `results` |
//! | a program's page | `p=forsa` (its id, stable when the catalog grows) |
//!
//! Share links are `#a=<answers>`. While the holder looks at a shared link's answers without
//! having changed one, the answers ride along after the screen (`results&a=<answers>`), so a
//! reload or a Back keeps them; the answers are always last, so nothing in a screen's part is
//! ever read as answers, and a share link names no screen.

use crate::questionnaire::Question;

use super::{Hub, Screen};

/// Share links carry the answers after `#a=`.
pub const SHARE_PREFIX: &str = "a=";
/// The answers after a screen: `results&a=…`.
const SHARE_AFTER: &str = "&a=";

/// What a fragment says: the screen (`None` for a share link alone or for anything this app
/// did not write) and the shared answers' code, if any (not yet decoded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location<'a> {
    pub screen: Option<Screen>,
    pub share: Option<&'a str>,
}

/// Reads a fragment (with or without its `#`). Never panics: anything unknown is `None`.
pub fn parse<'a>(fragment: &'a str, program: impl Fn(&str) -> Option<usize>) -> Location<'a> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if let Some(code) = fragment.strip_prefix(SHARE_PREFIX) {
        return Location {
            screen: None,
            share: Some(code),
        };
    }
    let (route, share) = match fragment.split_once(SHARE_AFTER) {
        Some((route, code)) => (route, Some(code)),
        None => (fragment, None),
    };
    Location {
        screen: screen(route, program),
        share,
    }
}

fn screen(route: &str, program: impl Fn(&str) -> Option<usize>) -> Option<Screen> {
    match route {
        "" => return Some(Screen::Welcome),
        "review" => return Some(Screen::Review),
        "results" => return Some(Screen::Results),
        _ => {}
    }
    if let Some(id) = route.strip_prefix("p=") {
        return program(id).map(Screen::Detail);
    }
    let rest = route.strip_prefix("q=")?;
    let (id, returning) = match rest.split_once('&') {
        None => (rest, None),
        Some((id, "to=review")) => (id, Some(Hub::Review)),
        Some((id, "to=results")) => (id, Some(Hub::Results)),
        Some(_) => return None,
    };
    let question = Question::ORDER.into_iter().find(|q| q.id() == id)?;
    Some(Screen::Ask {
        question,
        returning,
    })
}

/// The fragment of a screen (without `#`), with a shared link's answers when given.
pub fn format<'a>(
    screen: Screen,
    program_id: impl Fn(usize) -> Option<&'a str>,
    share: Option<&str>,
) -> String {
    let route = match screen {
        Screen::Welcome => String::new(),
        Screen::Ask {
            question,
            returning,
        } => {
            let to = match returning {
                None => "",
                Some(Hub::Review) => "&to=review",
                Some(Hub::Results) => "&to=results",
            };
            format!("q={}{to}", question.id())
        }
        Screen::Review => "review".into(),
        Screen::Results => "results".into(),
        // A program the catalog does not hold (never drawn) falls back to the results.
        Screen::Detail(i) => program_id(i).map_or_else(|| "results".into(), |id| format!("p={id}")),
    };
    match share {
        None => route,
        Some(code) if route.is_empty() => format!("{SHARE_PREFIX}{code}"),
        Some(code) => format!("{route}{SHARE_AFTER}{code}"),
    }
}

/// The screen part of a fragment, without any shared answers: two entries of the history name
/// the same screen when these are equal.
pub fn route(fragment: &str) -> &str {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.starts_with(SHARE_PREFIX) {
        return "";
    }
    fragment
        .split_once(SHARE_AFTER)
        .map_or(fragment, |(r, _)| r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const IDS: [&str; 4] = ["forsa", "intelaka-start-tpe", "awrach", "a-1"];

    fn program(id: &str) -> Option<usize> {
        IDS.iter().position(|p| *p == id)
    }

    fn program_id(i: usize) -> Option<&'static str> {
        IDS.get(i).copied()
    }

    fn screens() -> impl Strategy<Value = Screen> {
        let question = proptest::sample::select(Question::ORDER.to_vec());
        let hub = proptest::option::of(prop_oneof![Just(Hub::Review), Just(Hub::Results)]);
        prop_oneof![
            Just(Screen::Welcome),
            Just(Screen::Review),
            Just(Screen::Results),
            (0..IDS.len()).prop_map(Screen::Detail),
            (question, hub).prop_map(|(question, returning)| Screen::Ask {
                question,
                returning
            }),
        ]
    }

    #[test]
    fn fragments_read_as_documented() {
        let at = |f| parse(f, program).screen;
        assert_eq!(at(""), Some(Screen::Welcome));
        assert_eq!(at("#results"), Some(Screen::Results));
        assert_eq!(at("review"), Some(Screen::Review));
        assert_eq!(at("p=forsa"), Some(Screen::Detail(0)));
        assert_eq!(at("q=legal-form"), Some(Screen::ask(Question::LegalForm)));
        assert_eq!(
            at("q=age&to=results"),
            Some(Screen::edit(Question::Age, Hub::Results))
        );
        assert_eq!(
            format(Screen::edit(Question::Jobs, Hub::Review), program_id, None),
            "q=jobs&to=review"
        );
        assert_eq!(
            format(Screen::Detail(1), program_id, None),
            "p=intelaka-start-tpe"
        );
    }

    #[test]
    fn a_share_link_names_no_screen_and_keeps_its_answers_whole() {
        let link = parse("#a=2.r-oriental.e-1234abcd", program);
        assert_eq!(link.screen, None);
        assert_eq!(link.share, Some("2.r-oriental.e-1234abcd"));
        let on_results = parse("results&a=2.r-oriental&a=x", program);
        assert_eq!(on_results.screen, Some(Screen::Results));
        assert_eq!(on_results.share, Some("2.r-oriental&a=x"));
        assert_eq!(format(Screen::Welcome, program_id, Some("2.x")), "a=2.x");
        assert_eq!(route("p=forsa&a=2.x"), "p=forsa");
        assert_eq!(route("a=2.x"), "");
    }

    #[test]
    fn unknown_fragments_name_no_screen() {
        for f in [
            "q=",
            "q=nope",
            "q=age&to=",
            "q=age&to=welcome",
            "q=age&x",
            "p=",
            "p=unknown",
            "results2",
            "Results",
            "#",
            "##results",
            "q=age&to=review&to=review",
            "a",
            "%20",
        ] {
            assert_eq!(
                parse(f, program).screen,
                if f == "#" {
                    Some(Screen::Welcome)
                } else {
                    None
                },
                "{f:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn every_screen_reads_back_from_its_fragment(s in screens(), code in "[0-9a-z.~-]{0,40}") {
            let plain = format(s, program_id, None);
            prop_assert_eq!(parse(&plain, program).screen, Some(s));
            prop_assert_eq!(parse(&format!("#{plain}"), program).screen, Some(s));
            prop_assert!(!plain.starts_with(SHARE_PREFIX));
            let shared = format(s, program_id, Some(&code));
            let read = parse(&shared, program);
            prop_assert_eq!(read.share, Some(code.as_str()));
            if s != Screen::Welcome {
                prop_assert_eq!(read.screen, Some(s));
            }
            prop_assert_eq!(route(&shared), plain.as_str());
        }

        #[test]
        fn any_fragment_reads_without_panic(f in "\\PC{0,60}", g in "(q=|p=|a=|&to=|&a=|results|review|age|forsa|&|=|#){0,8}") {
            let _ = parse(&f, program);
            let _ = parse(&g, program);
            let _ = route(&f);
            let _ = route(&g);
        }
    }
}
