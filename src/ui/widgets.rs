//! Answer widgets: what records one question's answer, and only that. Element ids come from the
//! question (`q-age-input`), so several widgets can share a page; the host decides what an
//! answer leads to (`on_answer`): the one-question screen moves on, the review closes its
//! editor, the adviser's page stays where it is.

use std::ops::RangeInclusive;

use leptos::prelude::*;

use crate::catalog::{Lang, Need};
use crate::engine::profile::limits;
use crate::engine::{Band, Profile};
use crate::i18n::Label;
use crate::questionnaire::{Question, parse_whole};

use super::app::HEADING_ID;
use super::flag;
use super::picks::{Choice, choices, need_icon, typed_amount};
use super::state::{AppState, use_state};

/// Where a widget stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The one-question screen: the screen's heading names the question; one touch answers;
    /// typed and ticked answers have a Next button.
    Screen,
    /// Among other questions (the review, the adviser's page): a fieldset with its own legend;
    /// radios, ticks and fields that record as they change (a radio group is one Tab stop,
    /// arrows or Space choose), "I don't know" among the options.
    Inline,
}

/// The id of a part of `q`'s widget: `q-age-input`, `q-region-3`.
pub fn part_id(q: Question, part: &str) -> String {
    format!("q-{}-{part}", q.id())
}

/// Records an answer, drops the answers that no longer apply, and tells the host.
pub(super) fn record(state: AppState, on_answer: Callback<()>, change: impl FnOnce(&mut Profile)) {
    state.profile.update(|p| {
        change(p);
        Question::prune(p);
    });
    on_answer.run(());
}

/// How a layout draws what differs between the two beyond a detail: the one-touch answers and
/// the needs. Function pointers chosen by the host, so the inline parts ([`super::inline`]),
/// used only on pages in wasm chunks, are not in the first screen's module.
#[derive(Clone, Copy)]
pub(super) struct Parts {
    pub layout: Layout,
    pub choices: fn(AppState, Question, Vec<Choice>, Callback<()>) -> AnyView,
    pub needs: fn(AppState, RwSignal<Vec<Need>>, AnyView, Callback<()>) -> AnyView,
}

/// The one-question screen's parts.
const SCREEN: Parts = Parts {
    layout: Layout::Screen,
    choices: buttons,
    needs: needs_form,
};

/// The widget that answers `question` on the one-question screen; `on_answer` runs after each
/// recorded answer.
#[component]
pub fn AnswerWidget(question: Question, #[prop(into)] on_answer: Callback<()>) -> impl IntoView {
    answer_body(question, SCREEN, on_answer)
}

/// The answer's controls, drawn with `parts`.
pub(super) fn answer_body(question: Question, parts: Parts, on_answer: Callback<()>) -> AnyView {
    let state = use_state();
    let layout = parts.layout;
    match (question, number_field(question, state)) {
        (Question::Needs, _) => needs_input(parts, on_answer),
        (q, Some(field)) if field.beside_bands => view! {
            {choice_group(q, parts, on_answer)}
            {number_input(q, layout, on_answer, field)}
        }
        .into_any(),
        (q, Some(field)) => number_input(q, layout, on_answer, field).into_any(),
        (q, None) => choice_group(q, parts, on_answer).into_any(),
    }
}

/// The one-touch answers: buttons on the one-question screen, radios among other questions.
fn choice_group(question: Question, parts: Parts, on_answer: Callback<()>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let year = state.year;
    // Redrawn only when the options change (the provinces follow the region), so a radio keeps
    // its focus while the answers change around it.
    let picks = Memo::new(move |_| {
        state.profile.with(|p| {
            choices(question, p, lang, year)
                .into_iter()
                .map(|c| c.pick)
                .collect::<Vec<_>>()
        })
    });
    move || {
        picks.track();
        let options = state
            .profile
            .with_untracked(|p| choices(question, p, lang, year));
        (parts.choices)(state, question, options, on_answer)
    }
}

fn buttons(
    state: AppState,
    question: Question,
    options: Vec<Choice>,
    on_answer: Callback<()>,
) -> AnyView {
    let many = options.len() > 6;
    view! {
        <div class=if many { "choices grid" } else { "choices" } id=part_id(question, "choices")
            role="group" aria-labelledby=HEADING_ID>
            {options
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let pick = c.pick;
                    view! {
                        <button
                            type="button"
                            class="choice"
                            aria-pressed=move || flag(state.profile.with(|p| pick.is_selected(p)))
                            on:click=move |_| record(state, on_answer, |p| pick.apply(p))
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
    .into_any()
}

/// What sets one typed number apart: the holder's age, the jobs, an exact amount.
struct NumberField {
    label: &'static str,
    invalid: &'static str,
    /// The values accepted, bounds included.
    range: RangeInclusive<u64>,
    /// Shown after the field ("DH").
    unit: Option<&'static str>,
    /// The answer already given, as the field shows it.
    current: String,
    /// An exact amount sits beside its bands: left empty, it keeps the band chosen; alone (age,
    /// jobs), an empty field among other questions means "I don't know".
    beside_bands: bool,
}

/// The typed number that answers `q`, if `q` has one.
fn number_field(q: Question, state: AppState) -> Option<NumberField> {
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let whole = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    let exact = |label, range, band| NumberField {
        label,
        invalid: s.amount_invalid,
        range,
        unit: Some(s.currency),
        current: typed_amount(lang, band),
        beside_bands: true,
    };
    state.profile.with_untracked(|p| {
        Some(match q {
            Question::Age => NumberField {
                label: s.age_input,
                invalid: s.age_invalid,
                range: 15..=99,
                unit: None,
                current: whole(p.age.map(u32::from)),
                beside_bands: false,
            },
            Question::Jobs => NumberField {
                label: s.jobs_input,
                invalid: s.jobs_invalid,
                range: 1..=100_000,
                unit: None,
                current: whole(p.jobs),
                beside_bands: false,
            },
            // A financing request of 0 DH is no request; a revenue of 0 DH is a fact.
            Question::Amount => exact(s.amount_exact, 1..=limits::AMOUNT_MAX, p.amount),
            Question::Revenue => exact(s.revenue_exact, 0..=limits::AMOUNT_MAX, p.revenue),
            _ => return None,
        })
    })
}

/// Records `v`, a value within `q`'s range; an amount typed is kept exact.
fn set_number(q: Question, p: &mut Profile, v: u64) {
    match q {
        Question::Age => p.age = u8::try_from(v).ok(),
        Question::Jobs => p.jobs = u32::try_from(v).ok(),
        Question::Amount => p.amount = Some(Band::exact(v)),
        _ => p.revenue = Some(Band::exact(v)),
    }
}

/// A number typed by the holder: Western or Arabic-Indic digits, grouped or not (Arabic phone
/// keyboards type "٢٧"). Kept in a local signal until Next (or, among other questions, until
/// the field is left or Enter pressed), so typing does not re-run the matching on every key.
/// An unreadable number gets a message and leaves the previous answer as it was.
fn number_input(
    question: Question,
    layout: Layout,
    on_answer: Callback<()>,
    field: NumberField,
) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let NumberField {
        label,
        invalid,
        range,
        unit,
        current,
        beside_bands,
    } = field;
    // Bounds, not the range: `submit` is copied into two handlers.
    let (min, max) = range.into_inner();
    let text = RwSignal::new(current);
    let error = RwSignal::new(false);
    let submit = move || {
        let typed = text.get_untracked();
        if layout == Layout::Inline && typed.trim().is_empty() {
            error.set(false);
            if !beside_bands {
                record(state, on_answer, |p| question.forget(p));
            }
            return;
        }
        match parse_whole(&typed).filter(|v| (min..=max).contains(v)) {
            Some(v) => {
                error.set(false);
                record(state, on_answer, |p| set_number(question, p, v));
            }
            None => error.set(true),
        }
    };
    let input_id = part_id(question, "input");
    let error_id = part_id(question, "error");
    let input = digits_field(question, text, error, unit, move || {
        if layout == Layout::Inline {
            submit();
        }
    });
    view! {
        <form class=if beside_bands { "typed exact" } else { "typed" } on:submit=move |ev| {
            ev.prevent_default();
            submit();
        }>
            <label for=input_id>{label}</label>
            {input}
            <p id=error_id class="error" role="alert">{move || if error.get() { invalid } else { "" }}</p>
            {(layout == Layout::Screen).then(|| view! {
                <button type="submit" class="primary"
                    data-testid=if beside_bands { "amount-next" } else { "next" }>{s.next}</button>
            })}
        </form>
    }
}

/// The field of a typed number (and its unit), described by its error line; `on_change` runs
/// when the field is left.
fn digits_field(
    question: Question,
    text: RwSignal<String>,
    error: RwSignal<bool>,
    unit: Option<&'static str>,
    on_change: impl Fn() + 'static,
) -> AnyView {
    // Text, not type="number": Chromium's number field drops Arabic-Indic digits.
    let input = view! {
        <input
            id=part_id(question, "input")
            type="text"
            inputmode="numeric"
            autocomplete="off"
            dir="ltr"
            prop:value=move || text.get()
            on:input=move |ev| text.set(event_target_value(&ev))
            on:change=move |_| on_change()
            aria-invalid=move || flag(error.get())
            aria-describedby=part_id(question, "error")
        />
    };
    match unit {
        Some(unit) => {
            view! { <div class="with-unit">{input}<span class="unit">{unit}</span></div> }
                .into_any()
        }
        None => input.into_any(),
    }
}

/// Needs, ticked. On the one-question screen they are kept until Next (financing then asks the
/// amount); among other questions each tick is recorded at once.
fn needs_input(parts: Parts, on_answer: Callback<()>) -> AnyView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let layout = parts.layout;
    let ticked = RwSignal::new(
        state
            .profile
            .with_untracked(|p| p.needs.clone().unwrap_or_default()),
    );
    let toggle = move |need: Need| {
        ticked.update(|t| {
            if let Some(i) = t.iter().position(|n| *n == need) {
                t.remove(i);
            } else {
                t.push(need);
                // The engine's small sort: the standard one would add ~4 KB of wasm for this.
                crate::engine::small_sort_by(t, |a, b| a < b);
            }
        });
        if layout == Layout::Inline {
            record(state, on_answer, |p| p.needs = Some(ticked.get_untracked()));
        }
    };
    let ticks = need_ticks(lang, ticked, toggle).into_any();
    (parts.needs)(state, ticked, ticks, on_answer)
}

/// The needs on the one-question screen: recorded on Next.
fn needs_form(
    state: AppState,
    ticked: RwSignal<Vec<Need>>,
    ticks: AnyView,
    on_answer: Callback<()>,
) -> AnyView {
    let s = state.strings();
    view! {
        <form class="needs" on:submit=move |ev| {
            ev.prevent_default();
            record(state, on_answer, |p| p.needs = Some(ticked.get_untracked()));
        }>
            <fieldset>
                <legend class="visually-hidden">{s.q_needs}</legend>
                {ticks}
            </fieldset>
            <button type="submit" class="primary" data-testid="next">{s.next}</button>
        </form>
    }
    .into_any()
}

/// One tick a need, numbered as the listen button reads them.
fn need_ticks(
    lang: Lang,
    ticked: RwSignal<Vec<Need>>,
    toggle: impl Fn(Need) + Copy + 'static,
) -> impl IntoView {
    Need::ALL
        .iter()
        .enumerate()
        .map(|(i, &need)| {
            view! {
                <label class="tick">
                    <input
                        type="checkbox"
                        id=part_id(Question::Needs, need.id())
                        value=need.id()
                        prop:checked=move || ticked.with(|t| t.contains(&need))
                        on:change=move |_| toggle(need)
                    />
                    <span class="num" aria-hidden="true">{i + 1}</span>
                    <span class="icon" aria-hidden="true">{need_icon(need)}</span>
                    <span>{need.label(lang)}</span>
                </label>
            }
        })
        .collect_view()
}
