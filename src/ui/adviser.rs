//! The adviser's page (`mode=adviser`): for an adviser at a CRI, CCIS, association or bank desk
//! with a holder. Every question on one page by section (a follow-up question appears in place
//! when an answer opens it), the best programs beside them on a wide screen and below on a
//! phone, drawn again on every answer. Keyboard first: a radio group is one Tab stop, arrows or
//! Space choose, a typed number is kept on Enter or Tab. Nothing is stored on the device
//! (`Config::stores`); the share panel copies or prints a link when the adviser wants one.

use leptos::prelude::*;

use crate::i18n::plural::counted;
use crate::questionnaire::overview::Section;

use super::app::HEADING_ID;
use super::chunk::{in_chunk, lazy, marking};
use super::inline::InlineAnswer;
use super::notices::TextsNotice;
use super::picks::answer_label;
use super::print_sheet::print_sheet;
use super::question::section_title;
use super::ranked::RankedList;
use super::review::{SectionQuestions, asked};
use super::share::share_panel;
use super::state::use_state;
use super::when::{redrawn, when, when_else};

in_chunk!(
    adviser,
    preload_adviser,
    pub fn adviser_screen() {
        view! { <AdviserScreen/> }
    }
);

#[component]
fn AdviserScreen() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let sections = Section::ALL
        .into_iter()
        .map(|section| {
            let id = format!("adviser-{}", section.id());
            let labelled = id.clone();
            view! {
                <section class="adviser-section" aria-labelledby=labelled>
                    <h2 id=id>{section_title(section, s)}</h2>
                    <SectionQuestions section row=Callback::new(|q| view! {
                        <InlineAnswer question=q on_answer=|()| {}/>
                    }.into_any())/>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="adviser">
            <h1 id=HEADING_ID tabindex="-1">{s.adviser_title}</h1>
            <p class="help">{s.adviser_help}</p>
            <div class="adviser-grid">
                <div class="adviser-questions">{sections}</div>
                <AdviserResults/>
            </div>
        </section>
    }
}

/// The programs for the holder in the results' groups (`RankedList`, drawn at once), kept in
/// step with the answers; sharing, and the printed sheet with the answers.
#[component]
fn AdviserResults() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let needs = Memo::new(move |_| state.profile.with(|p| p.needs.clone()));
    let shared = RwSignal::new(false);
    view! {
        <aside class="adviser-results" aria-labelledby="adviser-results-title">
            <h2 id="adviser-results-title">{s.results_title}</h2>
            <p class="live" aria-live="polite" data-testid="adviser-count">
                {move || counted(lang, s.live_count, state.live_count.get() as u64, &[])}
            </p>
            // Cards need the program texts: a notice (with "Try again") until they are here,
            // never nameless cards.
            {when_else(move || state.texts_ready(), move || view! {
                <RankedList ranking=state.ranking() needs/>
                {lazy(None, move || marking(share_panel(), shared))}
                <PrintAnswers/>
                // Same chunk as sharing: if it could not be fetched, sharing's notice says so.
                {when(move || shared.get(), move || view! { {lazy(None, || print_sheet(ON_PAPER, true))} })}
            }, || view! { <TextsNotice/> })}
        </aside>
    }
}

/// The holder's answers on paper, above the programs (hidden on screen).
#[component]
fn PrintAnswers() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    redrawn(move || {
        let questions: Vec<_> = Section::ALL
            .into_iter()
            .flat_map(|section| asked(state, section))
            .collect();
        let rows = state.profile.with(|p| {
            questions
                .into_iter()
                .filter_map(|q| {
                    answer_label(q, p, lang, state.year)
                        .map(|a| view! { <li><span class="k">{super::question_title(q, s)}</span>" "<strong>{a}</strong></li> })
                })
                .collect_view()
        });
        view! {
            <section class="print-answers" aria-hidden="true">
                <h2>{s.your_answers}</h2>
                <ul>{rows}</ul>
            </section>
        }
        .into_any()
    })
}

/// Programs on the adviser's paper, each with how to apply: the best ones, so that the sheet
/// stays one A4 page with the answers above them (tests/e2e/adviser.spec.ts).
const ON_PAPER: usize = 3;
