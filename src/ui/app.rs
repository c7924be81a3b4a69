//! The app shell: the widget's root carries `lang` and `dir` (never the host page's `<html>`),
//! the header, and the current screen. Focus moves to each new screen's heading.

use leptos::prelude::*;

use crate::browser;

use super::header::Header;
use super::question::QuestionScreen;
use super::results::{DetailScreen, ResultsScreen};
use super::state::{AppState, Screen};
use super::welcome::Welcome;

/// Id of the heading of every screen, which receives focus when the screen changes.
pub const HEADING_ID: &str = "bousla-heading";

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);

    Effect::new(move |previous: Option<Screen>| {
        let screen = state.screen.get();
        if previous.is_some_and(|p| p != screen) {
            browser::focus_after_render(HEADING_ID);
        }
        screen
    });

    view! {
        <div class="bousla" lang=move || state.lang.get().code() dir=move || state.lang.get().dir()>
            <Header/>
            <main class="screen">
                {move || {
                    // Rebuilt on a language switch; the answers live in state and survive it.
                    state.lang.track();
                    match state.screen.get() {
                        Screen::Welcome => view! { <Welcome/> }.into_any(),
                        Screen::Ask(q) => view! { <QuestionScreen question=q/> }.into_any(),
                        Screen::Results => view! { <ResultsScreen/> }.into_any(),
                        Screen::Detail(i) => view! { <DetailScreen index=i/> }.into_any(),
                    }
                }}
            </main>
            <footer class="foot">
                <p>{move || state.strings().footer_note}</p>
            </footer>
        </div>
    }
}
