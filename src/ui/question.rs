//! One question per screen: its choices (one touch answers and moves on), or a number to type,
//! or needs to tick; "I don't know" on every question; back, next, progress and the live count.

use std::sync::Arc;

use leptos::prelude::*;

use crate::catalog::Need;
use crate::engine::Band;
use crate::engine::profile::limits;
use crate::i18n::Label;
use crate::i18n::plural::counted;
use crate::i18n::speech;
use crate::i18n::strings::{Strings, fill};
use crate::questionnaire::{Question, parse_whole};

use super::app::HEADING_ID;
use super::listen::listen_button;
use super::picks::{choices, need_icon, typed_amount};
use super::state::{AppState, Screen, use_state};

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

fn help(q: Question, s: &'static Strings) -> Option<&'static str> {
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
    let (n, total) = state.profile.with_untracked(|p| question.progress(p));
    let help_id = format!("help-{}", question.id());
    let has_help = help(question, s).is_some();

    let back = move |_| {
        let previous = state
            .profile
            .with_untracked(|p| question.previous(p))
            .filter(|q| !state.skips(*q));
        match previous {
            Some(q) if !state.editing.get_untracked() => state.go(Screen::Ask(q)),
            _ if state.editing.get_untracked() => {
                state.editing.set(false);
                state.go(Screen::Results);
            }
            _ => state.go(Screen::Welcome),
        }
    };
    let dont_know = move |_| {
        state.profile.update(|p| question.forget(p));
        state.advance(question);
    };

    let body = match question {
        Question::Age => number_input(question, s.age_input, s.age_invalid, 15, 99).into_any(),
        Question::Jobs => {
            number_input(question, s.jobs_input, s.jobs_invalid, 1, 100_000).into_any()
        }
        Question::Needs => needs_input().into_any(),
        Question::Amount | Question::Revenue => {
            view! { {choice_buttons(question)}{amount_input(question)} }.into_any()
        }
        _ => choice_buttons(question).into_any(),
    };

    let listen = listen_button(
        s.listen_question.to_string(),
        Arc::new(move || spoken(state, question)),
    );

    view! {
        <section class="question" data-question=question.id()>
            <p class="progress">
                <span>{fill(s.progress, &[("n", &n.to_string()), ("total", &total.to_string())])}</span>
                <progress max=total.to_string() value=n.to_string() aria-hidden="true"></progress>
            </p>
            <h1 id=HEADING_ID tabindex="-1" aria-describedby=has_help.then(|| help_id.clone())>{title(question, s)}</h1>
            {listen}
            {help(question, s).map(|h| view! { <p class="help" id=help_id.clone()>{h}</p> })}
            {body}
            <div class="nav">
                <button type="button" class="secondary" data-testid="back" on:click=back>
                    <span class="arrow" aria-hidden="true">"←"</span>" "{s.back}
                </button>
                <button type="button" class="secondary" data-testid="dont-know" on:click=dont_know>{s.dont_know}</button>
                <Show when=move || state.editing.get()>
                    <button type="button" class="link" on:click=move |_| {
                        state.editing.set(false);
                        state.go(Screen::Results);
                    }>{s.back_to_results}</button>
                </Show>
            </div>
            <p class="live" aria-live="polite" data-testid="live-count">
                {move || counted(state.lang.get(), s.live_count, state.live_count.get() as u64, &[])}
            </p>
        </section>
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

/// The one-touch answers of a question: a touch answers and moves on.
fn choice_buttons(question: Question) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let options = state
        .profile
        .with_untracked(|p| choices(question, p, lang, state.year));
    let many = options.len() > 6;
    view! {
        <div class=if many { "choices grid" } else { "choices" } role="group" aria-labelledby=HEADING_ID>
            {options
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let pick = c.pick;
                    view! {
                        <button
                            type="button"
                            class="choice"
                            aria-pressed=move || state.profile.with(|p| pick.is_selected(p)).to_string()
                            on:click=move |_| {
                                state.profile.update(|p| pick.apply(p));
                                state.advance(question);
                            }
                        >
                            // The number read aloud with the answer ("3. …"), for a holder who
                            // listens rather than reads.
                            <span class="num" aria-hidden="true">{i + 1}</span>
                            <span class="icon" aria-hidden="true">{c.icon}</span>
                            <span>{c.label}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// The exact amount, beside the bands, for a holder who knows it: typed with Western or
/// Arabic-Indic digits, grouped or not. A typed amount is kept exact; an unreadable one gets a
/// message and leaves the previous answer as it was.
fn amount_input(question: Question) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let current = state.profile.with_untracked(|p| match question {
        Question::Amount => p.amount,
        _ => p.revenue,
    });
    let text = RwSignal::new(typed_amount(lang, current));
    let error = RwSignal::new(false);
    // A financing request of 0 DH is no request; a revenue of 0 DH is a fact.
    let lowest = u64::from(question == Question::Amount);
    let submit = move || {
        let value = parse_whole(&text.get_untracked())
            .filter(|v| (lowest..=limits::AMOUNT_MAX).contains(v));
        match value {
            Some(v) => {
                error.set(false);
                state.profile.update(|p| match question {
                    Question::Amount => p.amount = Some(Band::exact(v)),
                    _ => p.revenue = Some(Band::exact(v)),
                });
                state.advance(question);
            }
            None => error.set(true),
        }
    };
    let label = if question == Question::Amount {
        s.amount_exact
    } else {
        s.revenue_exact
    };
    view! {
        <form class="typed exact" on:submit=move |ev| {
            ev.prevent_default();
            submit();
        }>
            <label for="typed-amount">{label}</label>
            <div class="with-unit">
                <input
                    id="typed-amount"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    dir="ltr"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    aria-invalid=move || error.get().to_string()
                    aria-describedby="amount-error"
                />
                <span class="unit">{s.currency}</span>
            </div>
            <p id="amount-error" class="error" role="alert">{move || error.get().then_some(s.amount_invalid)}</p>
            <button type="submit" class="primary" data-testid="amount-next">{s.next}</button>
        </form>
    }
}

/// A number typed by the holder (Western or Arabic-Indic digits); kept in a local signal until
/// Next, so typing does not re-run the matching on every key.
fn number_input(
    question: Question,
    label: &'static str,
    invalid: &'static str,
    min: u32,
    max: u32,
) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let current = state.profile.with_untracked(|p| match question {
        Question::Age => p.age.map(u32::from),
        _ => p.jobs,
    });
    let text = RwSignal::new(current.map(|v| v.to_string()).unwrap_or_default());
    let error = RwSignal::new(false);
    let submit = move || {
        let value = parse_whole(&text.get_untracked())
            .and_then(|v| u32::try_from(v).ok())
            .filter(|v| (min..=max).contains(v));
        match value {
            Some(v) => {
                error.set(false);
                state.profile.update(|p| match question {
                    Question::Age => p.age = u8::try_from(v).ok(),
                    _ => p.jobs = Some(v),
                });
                state.advance(question);
            }
            None => error.set(true),
        }
    };
    view! {
        <form class="typed" on:submit=move |ev| {
            ev.prevent_default();
            submit();
        }>
            <label for="typed-value">{label}</label>
            // Text, not type="number": Chromium's number field drops Arabic-Indic digits.
            <input
                id="typed-value"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                dir="ltr"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                aria-invalid=move || error.get().to_string()
                aria-describedby="typed-error"
            />
            <p id="typed-error" class="error" role="alert">{move || error.get().then_some(invalid)}</p>
            <button type="submit" class="primary" data-testid="next">{s.next}</button>
        </form>
    }
}

/// Needs, ticked; financing then asks the amount.
fn needs_input() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let ticked = RwSignal::new(
        state
            .profile
            .with_untracked(|p| p.needs.clone().unwrap_or_default()),
    );
    view! {
        <form class="needs" on:submit=move |ev| {
            ev.prevent_default();
            let mut needs = ticked.get_untracked();
            needs.sort();
            state.profile.update(|p| p.needs = Some(needs));
            state.advance(Question::Needs);
        }>
            <fieldset>
                <legend class="visually-hidden">{s.q_needs}</legend>
                {Need::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, &need)| {
                        view! {
                            <label class="tick">
                                <input
                                    type="checkbox"
                                    value=need.id()
                                    prop:checked=move || ticked.with(|t| t.contains(&need))
                                    on:change=move |_| ticked.update(|t| {
                                        if let Some(i) = t.iter().position(|n| *n == need) {
                                            t.remove(i);
                                        } else {
                                            t.push(need);
                                        }
                                    })
                                />
                                <span class="num" aria-hidden="true">{i + 1}</span>
                                <span class="icon" aria-hidden="true">{need_icon(need)}</span>
                                <span>{need.label(lang)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <button type="submit" class="primary" data-testid="next">{s.next}</button>
        </form>
    }
}
