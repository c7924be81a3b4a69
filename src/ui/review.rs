//! The review page, between the last question and the results: every answer by section, each
//! changed in place (its widget opens in the row) or on its own screen (a tap on the question,
//! which returns here); an unanswered question says how many programs hang on it.

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::catalog::embedded;
use crate::i18n::plural::counted;
use crate::questionnaire::overview::{Hanging, Section, hanging};
use crate::questionnaire::{Question, is_answered};

use super::app::HEADING_ID;
use super::chunk::in_chunk;
use super::flag;
use super::inline::InlineAnswer;
use super::picks::answer_label;
use super::question::section_title;
use super::rows::{Row, rows};
use super::state::{AppState, Hub, Screen, use_state};
use super::when::when;

/// The questions of `section` this holder is asked (a partner's locked region is not).
pub fn asked(state: AppState, section: Section) -> Vec<Question> {
    state.profile.with(|p| {
        section
            .questions()
            .filter(|q| q.applies(p) && !state.skips(*q))
            .collect()
    })
}

/// The questions of one section this holder is asked, keyed by question: a row keeps its state
/// and its focus while answers change around it, and a follow-up question appears in place.
/// One list for the review and the adviser's page (one copy in the wasm).
#[component]
pub fn SectionQuestions(section: Section, row: Callback<Question, AnyView>) -> impl IntoView {
    let state = use_state();
    rows(move || {
        asked(state, section)
            .into_iter()
            .map(|q| Row::new(q.id(), move || row.run(q)))
            .collect()
    })
}

/// Moves focus to the element `id` once it is drawn (after an editor closes).
fn focus_soon(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

in_chunk!(
    extras,
    preload_review,
    pub fn review_screen() {
        view! { <ReviewScreen/> }
    }
);

#[component]
fn ReviewScreen() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let hangs = Memo::new(move |_| state.profile.with(|p| hanging(embedded(), p, state.today)));
    // The question whose widget is open in its row: one at a time.
    let open = RwSignal::new(None::<Question>);
    let sections = Section::ALL
        .into_iter()
        .map(|section| {
            let id = format!("review-{}", section.id());
            let labelled = id.clone();
            view! {
                <section class="review-section" aria-labelledby=labelled
                    class:empty=move || asked(state, section).is_empty()>
                    <h2 id=id>{section_title(section, s)}</h2>
                    <ul>
                        <SectionQuestions section row=Callback::new(move |q| view! { <ReviewRow question=q open hangs/> }.into_any())/>
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="review">
            <h1 id=HEADING_ID tabindex="-1">{s.review_title}</h1>
            <p class="help">{s.review_help}</p>
            {sections}
            <button type="button" class="primary" data-testid="see-results"
                on:click=move |_| state.go(Screen::Results)>{s.see_my_results}</button>
        </section>
    }
}

/// One answer: the question (a tap opens it on its own screen), the answer or "not answered"
/// with what answering would settle, and "Edit", which opens the widget in the row.
#[component]
fn ReviewRow(
    question: Question,
    open: RwSignal<Option<Question>>,
    hangs: Memo<Hanging>,
) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let title = super::question_title(question, s);
    let answered = move || state.profile.with(|p| is_answered(question, p));
    let answer = move || {
        state
            .profile
            .with(|p| answer_label(question, p, lang, state.year))
            .unwrap_or_else(|| s.not_answered.to_string())
    };
    let settles = move || {
        let n = hangs.with(|h| h.on(question));
        (!answered() && n > 0).then(|| view! {
            <span class="hanging" data-testid="hanging">{counted(lang, s.hanging, n as u64, &[])}</span>
        })
    };
    let editing = move || open.get() == Some(question);
    let edit_id = format!("review-edit-{}", question.id());
    let close = {
        let edit_id = edit_id.clone();
        move |_| {
            open.set(None);
            focus_soon(edit_id.clone());
        }
    };
    view! {
        <li data-answer=question.id() class:unanswered=move || !answered() class:editing=editing>
            <button type="button" class="link q" data-testid="review-question"
                on:click=move |_| open_question(state, question)>{title}</button>
            <span class="a">{answer}</span>
            {settles}
            <button type="button" class="secondary edit" id=edit_id aria-expanded=move || flag(editing())
                on:click=move |_| open.set(if editing() { None } else { Some(question) })>
                {s.edit}<span class="visually-hidden">": "{title}</span>
            </button>
            {when(editing, move || view! {
                <div class="inline-editor">
                    <InlineAnswer question on_answer=|()| {}/>
                    <button type="button" class="primary" data-testid="review-done" on:click=close.clone()>{s.done}</button>
                </div>
            })}
        </li>
    }
}

/// Opens a question on its own screen to change its answer; it comes back here.
fn open_question(state: AppState, question: Question) {
    state.nav().edit(question, Hub::Review);
}
