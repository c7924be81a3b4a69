//! One question per screen: its answer widget (one touch answers and moves on; see
//! `widgets`); "I don't know" on every question; back, progress and the live count.

use std::sync::Arc;

use leptos::prelude::*;

use crate::catalog::Need;
use crate::i18n::Label;
use crate::i18n::plural::counted;
use crate::i18n::speech;
use crate::i18n::strings::{Strings, fill};
use crate::questionnaire::overview::Section;
use crate::questionnaire::{Question, is_answered};

use super::app::HEADING_ID;
use super::listen::listen_button;
use super::picks::choices;
use super::state::{AppState, Hub, use_state};
use super::when::when;
use super::widgets::AnswerWidget;

pub fn title(q: Question, s: &'static Strings) -> &'static str {
    match q {
        Question::Region => s.q_region,
        Question::Province => s.q_province,
        Question::Stage => s.q_stage,
        Question::Started => s.q_started,
        Question::LegalForm => s.q_legal_form,
        Question::Sector => s.q_sector,
        Question::Age => s.q_age,
        Question::Gender => s.q_gender,
        Question::Area => s.q_area,
        Question::Residence => s.q_residence,
        Question::Needs => s.q_needs,
        Question::Amount => s.q_amount,
        Question::Innovative => s.q_innovative,
        Question::Revenue => s.q_revenue,
        Question::Jobs => s.q_jobs,
    }
}

/// The name of a part of the questionnaire, as the progress and the review show it.
pub fn section_title(section: Section, s: &'static Strings) -> &'static str {
    match section {
        Section::Place => s.section_place,
        Section::Activity => s.section_activity,
        Section::Needs => s.section_needs,
        Section::Holder => s.section_holder,
    }
}

pub(super) fn help(q: Question, s: &'static Strings) -> Option<&'static str> {
    match q {
        Question::Province => Some(s.q_province_help),
        Question::Started => Some(s.q_started_help),
        Question::Age => Some(s.q_age_help),
        Question::Gender => Some(s.q_gender_help),
        Question::Needs => Some(s.q_needs_help),
        Question::Amount | Question::Revenue => Some(s.q_amount_help),
        Question::Innovative => Some(s.q_innovative_help),
        _ => None,
    }
}

#[component]
pub fn QuestionScreen(question: Question) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let help_id = format!("help-{}", question.id());
    let has_help = help(question, s).is_some();
    let listen = listen_button(
        s.listen_question.to_string(),
        Arc::new(move || spoken(state, question)),
    );
    view! {
        <section class="question" data-question=question.id()>
            <Progress question/>
            <h1 id=HEADING_ID tabindex="-1" aria-describedby=has_help.then(|| help_id.clone())>{title(question, s)}</h1>
            {listen}
            {help(question, s).map(|h| view! { <p class="help" id=help_id.clone()>{h}</p> })}
            <AnswerWidget question on_answer=move |()| state.advance(question)/>
            <QuestionNav question/>
            <p class="live" aria-live="polite" data-testid="live-count">
                {move || counted(state.lang.get(), s.live_count, state.live_count.get() as u64, &[])}
            </p>
        </section>
    }
}

/// "Step 2 of 4: your activity", and a bar. Steps, not a count of questions: the total never
/// changes when an answer opens follow-up questions.
#[component]
fn Progress(question: Question) -> impl IntoView {
    let s = use_state().strings();
    let (n, total) = crate::flow::step(question);
    let progress = fill(
        s.progress,
        &[
            ("n", &n.to_string()),
            ("total", &total.to_string()),
            ("section", section_title(question.section(), s)),
        ],
    );
    view! {
        <p class="progress">
            <span data-testid="progress">{progress}</span>
            <progress max=total.to_string() value=n.to_string() aria-hidden="true"></progress>
        </p>
    }
}

/// Back; Next when an answer is already given; "I don't know" (and, for gender, "prefer not
/// to say"); back to the results when the holder came from there.
#[component]
fn QuestionNav(question: Question) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let returning = state.screen.with_untracked(|s| s.returning());
    // "Next" keeps an answer already given; only "I don't know" forgets it. Typed answers and
    // needs have their own Next, which keeps what is in the field.
    let keeps = !matches!(question, Question::Age | Question::Jobs | Question::Needs);
    let answered = move || keeps && state.profile.with(|p| is_answered(question, p));
    let dont_know = move |_| state.nav().dont_know(question);
    view! {
        <div class="nav">
            <button type="button" class="secondary" data-testid="back" on:click=move |_| state.back()>
                <span class="arrow" aria-hidden="true">"←"</span>" "{s.back}
            </button>
            {when(answered, move || view! {
                <button type="button" class="primary" data-testid="keep" on:click=move |_| state.advance(question)>
                    {s.next}<span class="arrow" aria-hidden="true">" →"</span>
                </button>
            })}
            <button type="button" class="secondary" data-testid="dont-know" on:click=dont_know>{s.dont_know}</button>
            // Gender: a holder may prefer not to say. Like "I don't know", it leaves the
            // answer unknown: a program reserved for women is then "to check", never closed.
            {(question == Question::Gender).then(|| view! {
                <button type="button" class="secondary" data-testid="prefer-not-to-say"
                    on:click=dont_know>{s.prefer_not_to_say}</button>
            })}
            {(returning == Some(Hub::Results)).then(|| view! {
                <button type="button" class="link" on:click=move |_| state.back()>{s.back_to_results}</button>
            })}
        </div>
    }
}

/// What the listen button says for a question: the question, its help, each answer with the
/// number on its button, and a typed field's label.
fn spoken(state: AppState, question: Question) -> Vec<String> {
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let answers: Vec<String> = match question {
        Question::Needs => Need::ALL
            .iter()
            .map(|n| n.label(lang).to_string())
            .collect(),
        Question::Age | Question::Jobs => Vec::new(),
        _ => state
            .profile
            .with_untracked(|p| choices(question, p, lang, state.year))
            .into_iter()
            .map(|c| c.label)
            .collect(),
    };
    let typed = match question {
        Question::Age => Some(s.age_input),
        Question::Jobs => Some(s.jobs_input),
        Question::Amount => Some(s.amount_exact),
        Question::Revenue => Some(s.revenue_exact),
        _ => None,
    };
    let answers: Vec<&str> = answers.iter().map(String::as_str).collect();
    speech::question(lang, title(question, s), help(question, s), &answers, typed)
}
