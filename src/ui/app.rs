//! The app shell: the widget's root carries `lang` and `dir` (never the host page's `<html>`),
//! the header, and the current screen. Focus moves to each new screen's heading.

use leptos::prelude::*;

use crate::browser;

use super::adviser::adviser_screen;
use super::chunk::{lazy, prefetch};
use super::counting::office;
use super::effect::effect;
use super::header::Header;
use super::kiosk::IdleGuard;
use super::question::QuestionScreen;
use super::results::{detail_screen, preload_results, results_screen};
use super::review::{preload_review, review_screen};
use super::staff::remember_early_gesture;
use super::state::{Screen, use_state};
use super::welcome::Welcome;
use super::when::{redrawn, when};

/// Id of the widget's root element.
pub const ROOT_ID: &str = "bousla";

/// Id of the page's copy of the welcome before the wasm arrives (`xtask/src/first_paint.js`).
const FIRST_PAINT_ID: &str = "bousla-boot";

/// Id of the heading of every screen, which receives focus when the screen changes.
pub const HEADING_ID: &str = "bousla-heading";

#[component]
pub fn App() -> impl IntoView {
    let state = use_state();

    let config = state.config;
    if let Some(colour) = &config.theme {
        let colour = colour.clone();
        effect(move || browser::set_css_var(ROOT_ID, "--accent", &colour));
    }
    if config.embed {
        browser::report_height_to_parent();
    } else {
        browser::register_service_worker(config.kiosk);
    }
    let root_class = format!(
        "bousla{}{}{}",
        if config.kiosk { " kiosk" } else { "" },
        if config.adviser { " adviser-mode" } else { "" },
        if config.compact { " compact" } else { "" }
    );

    Effect::new(move |previous: Option<Screen>| {
        let screen = state.screen.get();
        if previous.is_some_and(|p| p != screen) {
            browser::focus_after_render(HEADING_ID);
        }
        // The results come in a chunk of their own, and the review, sharing, the printed sheet
        // and a program's page in another (`super::chunk`): both fetched while the holder
        // answers, so they are here, and kept offline, when needed; the second once the first
        // is here, so that the first question is drawn beside one download, not two.
        if matches!(screen, Screen::Ask { .. }) && !matches!(previous, Some(Screen::Ask { .. })) {
            prefetch(async {
                let _ = preload_results().await;
                preload_review().await
            });
        }
        screen
    });

    // The header, then the screen, each drawn in a task of its own after the frame's (see
    // `super::start`); both wait for the words of the page's language when they are on their
    // way (a French or English page: the boot script started their download with the wasm), so
    // the boot script's copy stays until the app can show that language, never Arabic first.
    let (headed, framed) = (RwSignal::new(false), RwSignal::new(false));
    let (header_due, screen_due) = (RwSignal::new(false), RwSignal::new(false));
    set_timeout(move || header_due.set(true), std::time::Duration::ZERO);
    set_timeout(move || screen_due.set(true), std::time::Duration::ZERO);
    effect(move || {
        let words_here = !state.words_pending.get();
        if header_due.get() && words_here && !headed.get_untracked() {
            headed.set(true);
        }
        if screen_due.get() && words_here && !framed.get_untracked() {
            framed.set(true);
            // The page's own copy of the welcome, drawn while the wasm downloaded
            // (xtask/src/first_paint.js), gives way in the same task, so the holder never sees
            // a blank frame; the stylesheet keeps this root hidden until then.
            browser::remove_element(FIRST_PAINT_ID);
        }
    });

    view! {
        <div id=ROOT_ID class=root_class lang=move || state.lang.get().code() dir=move || state.lang.get().dir()>
            {when(move || headed.get(), || view! { <Header/> })}
            {config.kiosk.then(|| view! { <IdleGuard/> })}
            // Office counts and the staff's screen: a kiosk with `counts=1` only.
            {config.counts.then(|| {
                remember_early_gesture();
                lazy(None, office)
            })}
            <main class="screen">
                {redrawn(move || {
                    if !framed.get() {
                        return ().into_any();
                    }
                    // Rebuilt on a language switch; the answers live in state and survive it.
                    state.lang.track();
                    let screen = state.screen.get();
                    // An adviser's desk: every question on one page; a program's page opens
                    // over it.
                    if config.adviser && !matches!(screen, Screen::Detail(_)) {
                        return lazy(Some(HEADING_ID), adviser_screen).into_any();
                    }
                    match screen {
                        Screen::Welcome => view! { <Welcome/> }.into_any(),
                        Screen::Ask { question, .. } => view! { <QuestionScreen question/> }.into_any(),
                        Screen::Review => lazy(Some(HEADING_ID), review_screen).into_any(),
                        Screen::Results => lazy(Some(HEADING_ID), results_screen).into_any(),
                        Screen::Detail(i) => lazy(Some(HEADING_ID), move || detail_screen(i)).into_any(),
                    }
                })}
            </main>
            <footer class="foot">
                <p>{move || state.strings().footer_note}</p>
            </footer>
        </div>
    }
}
