//! Results in the engine's groups and order: programs for what the holder needs first (the
//! best one on the first screen), then those also open to them, those not taking applications
//! now, those within reach with one step, and the rest with why not. Filters, pathways, the
//! answers with a way to edit each, sharing and the printed sheet. Also the program page.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::catalog::{Need, Program};
use crate::engine::{Outcome, Ranked, Verdict, explain};
use crate::i18n::Label;
use crate::i18n::reasons::rule;
use crate::i18n::speech;
use crate::i18n::strings::{Strings, fill};

use super::answers::Answers;
use super::app::HEADING_ID;
use super::card::{near_miss_card, program_card, program_detail, text_lang};
use super::listen::listen_button;
use super::notices::TextsNotice;
use super::print_sheet::PrintSheet;
use super::share::SharePanel;
use super::state::{AppState, Notice, use_state};

/// Cards shown per group before "show all".
const FIRST_CARDS: usize = 3;

/// The page is drawn in steps, each in its own task after a paint: the best program first,
/// then the rest of its group, the answers and pathways, "also open", the closed programs,
/// the near-misses, the rest, sharing and the printed sheet. A cheap phone shows the best
/// program sooner and no task blocks the page for long (measured under Lighthouse's mobile CPU:
/// one 529 ms task when drawn at once; steps of 50–250 ms when drawn by group). Step 0 draws
/// nothing: the program texts are read in one task, the first card drawn in the next.
const LAST_STEP: u8 = 9;

/// The groups of cards, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    /// Fit, and serve a need the holder stated.
    Fits,
    /// Fit, but serve none of the stated needs.
    AlsoOpen,
    /// Would fit, but take no applications now.
    Closed,
    /// Not eligible, but one step away.
    NearMisses,
}

impl Group {
    fn id(self) -> &'static str {
        match self {
            Group::Fits => "fits",
            Group::AlsoOpen => "also-open",
            Group::Closed => "closed",
            Group::NearMisses => "near-misses",
        }
    }

    fn title(self, s: &'static Strings) -> &'static str {
        match self {
            Group::Fits => s.group_fits,
            Group::AlsoOpen => s.group_also_open,
            Group::Closed => s.group_closed,
            Group::NearMisses => s.within_reach,
        }
    }
}

fn index_of(state: AppState, p: &Program) -> usize {
    state
        .catalog()
        .programs
        .iter()
        .position(|x| x.id == p.id)
        .unwrap_or(0)
}

#[component]
pub fn ResultsScreen() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let kind_filter = RwSignal::new(None::<Need>);
    let eligible_only = RwSignal::new(false);
    let expanded = RwSignal::new(Vec::<Group>::new());
    let ranking = state.ranking;
    // Cards, pathways and the lists below need the program texts: without them, a notice with
    // "Try again" and the answers, never nameless cards or empty pathway blocks.
    let ready = move || state.texts_ready();
    let failed =
        move || !state.texts_ready() && state.notice.get() == Some(Notice::TextsUnavailable);
    let step = RwSignal::new(0u8);
    // After each step is drawn and painted, the next one. An animation frame waits for the
    // paint; the timeout is for frames that never come (a partner's iframe out of view).
    Effect::new(move |_| {
        let now = step.get();
        if ready() && now < LAST_STEP {
            // `try_`: the holder may have left the results (the screen and its signal are gone)
            // before the timer fires; reading a disposed signal would panic.
            let advance = move || {
                if step.try_get_untracked() == Some(now) {
                    step.try_set(now + 1);
                }
            };
            request_animation_frame(move || set_timeout(advance, Duration::ZERO));
            set_timeout(advance, Duration::from_millis(250));
        }
    });
    let shown_from = move |n: u8| step.get() >= n;

    let counts = move || {
        ranking.with(|r| {
            let open: Vec<_> = r.fits.iter().chain(&r.also_open).collect();
            let eligible = open
                .iter()
                .filter(|x| x.verdict == Verdict::Eligible)
                .count();
            (eligible, open.len() - eligible)
        })
    };
    let nothing_open = move || ranking.with(|r| r.fits.is_empty() && r.also_open.is_empty());
    let listen = listen_button(
        s.listen_results.to_string(),
        Arc::new(move || {
            let (e, p) = counts();
            speech::results(lang, s, e, p, nothing_open())
        }),
    );

    // One group of cards: its filtered programs, the best few first (a phone shows a short
    // page, and fewer cards keep a cheap phone responsive), the rest one tap away.
    // `rest_from`: the step from which the cards after the first are drawn.
    let group = move |g: Group, rest_from: u8| {
        move || {
            let kind = kind_filter.get();
            let only_eligible = eligible_only.get();
            let mut items: Vec<Ranked<'static>> = ranking.with(|r| {
                let list = match g {
                    Group::Fits => &r.fits,
                    Group::AlsoOpen => &r.also_open,
                    Group::Closed => &r.closed,
                    Group::NearMisses => &r.near_misses,
                };
                list.iter()
                    .filter(|x| kind.is_none_or(|n| x.program.kinds.iter().any(|k| k.need() == n)))
                    .filter(|x| {
                        g == Group::NearMisses || !only_eligible || x.verdict == Verdict::Eligible
                    })
                    .cloned()
                    .collect()
            });
            // A partner's own programs first, keeping the engine's order otherwise.
            if let Some(featured) = &state.config.featured {
                items.sort_by_key(|r| r.program.provider != *featured);
            }
            if items.is_empty() {
                return None;
            }
            let total = items.len();
            let open = expanded.with(|e| e.contains(&g));
            let hidden = if open {
                0
            } else {
                total.saturating_sub(FIRST_CARDS)
            };
            let card = move |r: Ranked<'static>| {
                let index = index_of(state, r.program);
                if g == Group::NearMisses {
                    near_miss_card(r, index).into_any()
                } else {
                    program_card(r, index).into_any()
                }
            };
            let mut items = items.into_iter().take(total - hidden);
            let first = items.next().map(card);
            let rest: Vec<Ranked<'static>> = items.collect();
            let heading_id = format!("group-{}", g.id());
            Some(view! {
                <section class="group" data-group=g.id() aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{format!("{} ({total})", g.title(s))}</h2>
                    {first}
                    <Show when=move || shown_from(rest_from)>
                        {rest.iter().cloned().map(card).collect_view()}
                        {(hidden > 0).then(|| view! {
                            <button type="button" class="secondary more-cards" on:click=move |_| expanded.update(|e| e.push(g))>
                                {fill(s.show_all, &[("n", &total.to_string())])}
                            </button>
                        })}
                    </Show>
                </section>
            })
        }
    };

    let filter_button = move |need: Option<Need>| {
        let label = need.map_or(s.all, |n| n.label(lang));
        view! {
            <button type="button" class="chip" aria-pressed=move || (kind_filter.get() == need).to_string()
                on:click=move |_| kind_filter.set(need)>{label}</button>
        }
    };

    view! {
        // `loading` keeps the room of the results until the last step (no footer jump);
        // `data-drawn` tells the end-to-end tests the page is complete.
        <section class="results" class:loading=move || !failed() && step.get() < LAST_STEP
            data-step=move || step.get().to_string() data-drawn=move || (step.get() == LAST_STEP).to_string()>
            <h1 id=HEADING_ID tabindex="-1">{s.results_title}</h1>
            <p class="summary" aria-live="polite" data-testid="results-summary">
                {move || {
                    let (e, p) = counts();
                    fill(s.results_summary, &[("eligible", &e.to_string()), ("possible", &p.to_string())])
                }}
            </p>
            {listen}
            <Show when=move || !state.texts_ready()>
                <TextsNotice/>
            </Show>
            <Show when=failed>
                <Answers/>
                <SharePanel/>
            </Show>
            <Show when=nothing_open>
                <p class="notice">{s.no_results}</p>
            </Show>
            // Everything below, up to the print sheet, waits for the program texts (a moment on a
            // share link opened cold): drawn once and complete, not as empty cards that then grow
            // and push the page down.
            <Show when=move || ready() && shown_from(1)>
            // One row of filters (it scrolls sideways on a phone), so the best program is on the
            // first screen.
            <div class="filters" role="group" aria-label=s.filter_kind>
                {filter_button(None)}
                {Need::ALL.iter().map(|n| filter_button(Some(*n))).collect_view()}
                <label class="tick inline">
                    <input type="checkbox" prop:checked=move || eligible_only.get() on:change=move |_| eligible_only.update(|v| *v = !*v)/>
                    <span>{s.only_eligible}</span>
                </label>
            </div>
            {group(Group::Fits, 2)}
            <Show when=move || shown_from(3)>
            <Answers/>
            {move || {
                let pathways = ranking.with(|r| r.pathways.clone());
                (!pathways.is_empty()).then(|| view! {
                    <section class="pathways">
                        <h2>{s.pathways}</h2>
                        {pathways.into_iter().map(|pm| view! {
                            <div class="pathway">
                                <h3 lang=text_lang()>{pm.pathway.title.get(lang).to_string()}</h3>
                                <p lang=text_lang()>{pm.pathway.explanation.get(lang).to_string()}</p>
                                <ol lang=text_lang()>{pm.steps.into_iter().map(|(p, _)| view! { <li>{p.name.get(lang).to_string()}</li> }).collect_view()}</ol>
                            </div>
                        }).collect_view()}
                    </section>
                })
            }}
            </Show>
            <Show when=move || shown_from(4)>{group(Group::AlsoOpen, 0)}</Show>
            <Show when=move || shown_from(5)>{group(Group::Closed, 0)}</Show>
            <Show when=move || shown_from(6)>{group(Group::NearMisses, 0)}</Show>
            <Show when=move || shown_from(7)>
            {move || {
                let others: Vec<_> = ranking.with(|r| r.others.clone());
                let profile = state.profile.get_untracked();
                (!others.is_empty()).then(|| view! {
                    <details class="not-eligible">
                        <summary><h2>{format!("{} ({})", s.not_eligible_title, others.len())}</h2></summary>
                        <ul class="why-not">
                            {others.into_iter().map(|r| {
                                let why: Vec<String> = explain(r.program, &profile, state.year)
                                    .iter()
                                    .filter(|c| c.outcome == Outcome::Unmet)
                                    .map(|c| rule(lang, &c.reason))
                                    .collect();
                                view! { <li data-program=r.program.id.clone()><strong lang=text_lang()>{r.program.name.get(lang).to_string()}</strong>" — "{why.join(" · ")}</li> }
                            }).collect_view()}
                        </ul>
                    </details>
                })
            }}
            </Show>
            <Show when=move || shown_from(8)><SharePanel/></Show>
            <Show when=move || shown_from(LAST_STEP)><PrintSheet/></Show>
            </Show>
        </section>
    }
}

#[component]
pub fn DetailScreen(index: usize) -> impl IntoView {
    let state = use_state();
    move || state.catalog.get().programs.get(index).map(program_detail)
}
