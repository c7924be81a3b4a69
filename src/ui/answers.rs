//! The holder's answers on the results page, each with a way to change it.

use leptos::prelude::*;

use crate::questionnaire::Question;

use super::picks::answer_label;
use super::state::{Hub, use_state};

#[component]
pub fn Answers() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let profile = state.profile.get_untracked();
    let rows = Question::sequence(&profile)
        .into_iter()
        .map(|q| {
            let answer = answer_label(q, &profile, lang, state.year)
                .unwrap_or_else(|| s.not_answered.to_string());
            let title = super::question_title(q, s);
            view! {
                <li data-answer=q.id()>
                    <span class="q">{title}</span>
                    <span class="a">{answer}</span>
                    <button type="button" class="link" on:click=move |_| {
                        state.nav().edit(q, Hub::Results);
                    }>{s.edit}<span class="visually-hidden">": "{title}</span></button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="answers">
            <summary>{s.your_answers}</summary>
            <ul>{rows}</ul>
        </details>
    }
}
