//! The answer widgets among other questions (the review, the adviser's page): a fieldset with
//! its own legend; radios and ticks that record as they change (a radio group is one Tab stop,
//! arrows or Space choose), "I don't know" among the options. Only pages in wasm chunks use
//! them, so this code is fetched with those pages, not with the first screen.

use leptos::prelude::*;

use crate::catalog::Need;
use crate::questionnaire::{Question, is_answered};

use super::flag;
use super::picks::Choice;
use super::state::{AppState, use_state};
use super::widgets::{Layout, Parts, answer_body, part_id, record};

const INLINE: Parts = Parts {
    layout: Layout::Inline,
    choices: radios,
    needs: needs_ticks,
};

/// The widget that answers `question` among other questions; `on_answer` runs after each
/// recorded answer.
#[component]
pub fn InlineAnswer(question: Question, #[prop(into)] on_answer: Callback<()>) -> impl IntoView {
    let s = use_state().strings();
    let help = super::question::help(question, s);
    let help_id = part_id(question, "help");
    view! {
        <fieldset class="q-inline" id=part_id(question, "set") data-question=question.id()
            aria-describedby=help.map(|_| help_id.clone())>
            <legend>{super::question_title(question, s)}</legend>
            {help.map(|h| view! { <p class="help" id=help_id.clone()>{h}</p> })}
            {answer_body(question, INLINE, on_answer)}
        </fieldset>
    }
}

fn radios(
    state: AppState,
    question: Question,
    options: Vec<Choice>,
    on_answer: Callback<()>,
) -> AnyView {
    let s = state.strings();
    let name = part_id(question, "choice");
    let many = options.len() > 6;
    let radio = move |id: String,
                      label: String,
                      icon: &'static str,
                      checked: Signal<bool>,
                      pick: Callback<()>| {
        view! {
            <label class="opt">
                <input type="radio" id=id name=name.clone() prop:checked=checked on:change=move |_| pick.run(())/>
                <span class="icon" aria-hidden="true">{icon}</span>
                <span>{label}</span>
            </label>
        }
    };
    let rows = options
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let pick = c.pick;
            radio(
                part_id(question, &i.to_string()),
                c.label,
                c.icon,
                Signal::derive(move || state.profile.with(|p| pick.is_selected(p))),
                Callback::new(move |()| record(state, on_answer, |p| pick.apply(p))),
            )
        })
        .collect_view();
    let unknown = radio(
        part_id(question, "idk"),
        s.dont_know.to_string(),
        "",
        Signal::derive(move || !state.profile.with(|p| is_answered(question, p))),
        Callback::new(move |()| record(state, on_answer, |p| question.forget(p))),
    );
    view! {
        <div class=if many { "options grid" } else { "options" }>{rows}{unknown}</div>
    }
    .into_any()
}

/// The needs among other questions: each tick recorded at once, and "I don't know".
fn needs_ticks(
    state: AppState,
    ticked: RwSignal<Vec<Need>>,
    ticks: AnyView,
    on_answer: Callback<()>,
) -> AnyView {
    let s = state.strings();
    view! {
        <div class="options ticks">{ticks}</div>
        <button type="button" class="link" id=part_id(Question::Needs, "idk")
            aria-pressed=move || flag(state.profile.with(|p| p.needs.is_none()))
            on:click=move |_| {
                ticked.set(Vec::new());
                record(state, on_answer, |p| p.needs = None);
            }>{s.dont_know}</button>
    }
    .into_any()
}
