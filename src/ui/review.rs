//! The review page: every answer before the results, each editable.

use leptos::prelude::*;

use super::state::{Screen, use_state};

/// Every answer for a last look before the results (filled in by the review work of issue 13).
#[component]
pub fn ReviewScreen() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    view! {
        <section class="review">
            <h1 id=super::app::HEADING_ID tabindex="-1">{s.your_answers}</h1>
            <button type="button" class="primary" data-testid="see-results" on:click=move |_| state.go(Screen::Results)>{s.see_results}</button>
        </section>
    }
}
