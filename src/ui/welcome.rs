//! What Bousla does, the privacy promise, and Start (or resume).

use leptos::prelude::*;

use super::app::HEADING_ID;
use super::notices::{SharedPrompt, TextsNotice};
use super::state::{Notice, Screen, use_state};
use super::when::{redrawn, when};

#[component]
pub fn Welcome() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    view! {
        <section class="welcome">
            <h1 id=HEADING_ID tabindex="-1">{s.app_name}</h1>
            // A shared link waiting for "Open the shared answers" / "Keep mine" comes first.
            <SharedPrompt/>
            <p class="tagline">{s.tagline}</p>
            <p>{s.welcome_what}</p>
            <p class="privacy"><span aria-hidden="true">"🔒 "</span>{s.privacy}</p>
            {redrawn(move || state.notice.get().map_or_else(|| ().into_any(), |n| {
                let text = match n {
                    Notice::StoredAnswersDiscarded => s.stored_discarded,
                    Notice::ShareLinkUnreadable => s.link_unreadable,
                    Notice::TextsUnavailable => return view! { <TextsNotice/> }.into_any(),
                    // Shown by the header, beside the language switch.
                    Notice::LangUnavailable(_) => return ().into_any(),
                };
                view! { <p class="notice" role="status" data-testid="notice">{text}</p> }.into_any()
            }))}
            // While a shared link waits for "Open the shared answers" / "Keep mine", that choice
            // comes first.
            {when(move || !state.asking.get(), move || view! {
            <div class="actions">
                // Back where the holder was (the results, question 7…), also for a holder who
                // answered "I don't know" to everything.
                {when(move || state.can_resume(), move || view! {
                    <button type="button" class="primary" data-testid="resume" on:click=move |_| {
                        state.notice.set(None);
                        state.resume();
                    }>{s.resume}</button>
                })}
                <button
                    type="button"
                    class=move || if state.can_resume() { "secondary" } else { "primary" }
                    data-testid="start"
                    on:click=move |_| {
                        state.notice.set(None);
                        state.go(Screen::ask(state.first_question()));
                    }
                >
                    {s.start}
                </button>
            </div>
            })}
        </section>
    }
}
