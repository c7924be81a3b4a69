//! Results grouped by kind of support, ranked by the engine; filters; pathways; near-misses
//! and "why not"; the answers with a way to edit each. Also the program detail screen.

use leptos::prelude::*;

use crate::catalog::{Need, Program};
use crate::engine::{Outcome, Ranked, Verdict, explain};
use crate::i18n::Label;
use crate::i18n::reasons::rule;
use crate::i18n::strings::fill;

use super::answers::Answers;
use super::app::HEADING_ID;
use super::card::{near_miss_card, program_card, program_detail};
use super::print_sheet::PrintSheet;
use super::share::SharePanel;
use super::state::use_state;

/// Cards shown per group before "show all".
const FIRST_CARDS: usize = 3;

fn index_of(p: &Program) -> usize {
    let state = use_state();
    state
        .catalog()
        .programs
        .iter()
        .position(|x| x.id == p.id)
        .unwrap_or(0)
}

fn primary_need(p: &Program) -> Need {
    p.kinds.first().map_or(Need::Coaching, |k| k.need())
}

#[component]
pub fn ResultsScreen() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let kind_filter = RwSignal::new(None::<Need>);
    let eligible_only = RwSignal::new(false);
    let expanded = RwSignal::new(Vec::<Need>::new());
    let ranking = state.ranking;

    let counts = move || {
        ranking.with(|r| {
            let eligible = r
                .fits
                .iter()
                .filter(|x| x.verdict == Verdict::Eligible)
                .count();
            (eligible, r.fits.len() - eligible)
        })
    };
    let shown = move |r: &Ranked<'static>| {
        kind_filter
            .get()
            .is_none_or(|n| r.program.kinds.iter().any(|k| k.need() == n))
            && (!eligible_only.get() || r.verdict == Verdict::Eligible)
    };

    let groups = move || {
        let fits: Vec<Ranked<'static>> =
            ranking.with(|r| r.fits.iter().filter(|x| shown(x)).cloned().collect());
        let mut sections = Vec::new();
        for need in Need::ALL.iter().copied() {
            let mut items: Vec<_> = fits
                .iter()
                .filter(|r| r.serves_needs && primary_need(r.program) == need)
                .cloned()
                .collect();
            // A partner's own programs first, keeping the engine's order otherwise.
            if let Some(featured) = &state.config.featured {
                items.sort_by_key(|r| r.program.provider != *featured);
            }
            if items.is_empty() {
                continue;
            }
            let heading = format!("{} ({})", need.label(lang), items.len());
            // The best few first: a phone shows a short page, and the rest is one tap away
            // (fewer cards to draw also keeps the page responsive on a cheap phone).
            let hidden = items.len().saturating_sub(FIRST_CARDS);
            let open = expanded.with(|e| e.contains(&need));
            let shown = if open { items.len() } else { FIRST_CARDS };
            sections.push(view! {
                <section class="group" data-group=need.id()>
                    <h2>{heading}</h2>
                    {items.into_iter().take(shown).map(|r| program_card(r.program, r.verdict, index_of(r.program))).collect_view()}
                    {(hidden > 0 && !open).then(|| view! {
                        <button type="button" class="secondary more-cards" on:click=move |_| expanded.update(|e| e.push(need))>
                            {fill(s.show_all, &[("n", &(hidden + FIRST_CARDS).to_string())])}
                        </button>
                    })}
                </section>
            }.into_any());
        }
        let others: Vec<_> = fits.iter().filter(|r| !r.serves_needs).cloned().collect();
        if !others.is_empty() {
            let heading = format!("{} ({})", s.other_needs, others.len());
            sections.push(view! {
                <details class="group other">
                    <summary><h2>{heading}</h2></summary>
                    {others.into_iter().map(|r| program_card(r.program, r.verdict, index_of(r.program))).collect_view()}
                </details>
            }.into_any());
        }
        sections
    };

    let filter_button = move |need: Option<Need>| {
        let label = need.map_or(s.all, |n| n.label(lang));
        view! {
            <button type="button" class="chip" aria-pressed=move || (kind_filter.get() == need).to_string()
                on:click=move |_| kind_filter.set(need)>{label}</button>
        }
    };

    view! {
        <section class="results">
            <h1 id=HEADING_ID tabindex="-1">{s.results_title}</h1>
            <p class="summary" aria-live="polite" data-testid="results-summary">
                {move || {
                    let (e, p) = counts();
                    fill(s.results_summary, &[("eligible", &e.to_string()), ("possible", &p.to_string())])
                }}
            </p>
            <Show when=move || !state.texts_ready()>
                <p class="notice" role="status">{move || if state.notice.get() == Some(super::state::Notice::TextsUnavailable) { s.texts_unavailable } else { s.loading }}</p>
            </Show>
            <Show when=move || ranking.with(|r| r.fits.is_empty())>
                <p class="notice">{s.no_results}</p>
            </Show>
            // Everything below, up to the print sheet, waits for the program texts (a moment on a
            // share link opened cold): drawn once and complete, not as empty cards that then grow
            // and push the page down.
            <Show when=move || state.texts_ready() || state.notice.get() == Some(super::state::Notice::TextsUnavailable)>
            <Answers/>
            {move || {
                let pathways = ranking.with(|r| r.pathways.clone());
                (!pathways.is_empty()).then(|| view! {
                    <section class="pathways">
                        <h2>{s.pathways}</h2>
                        {pathways.into_iter().map(|pm| view! {
                            <div class="pathway">
                                <h3>{pm.pathway.title.get(lang).to_string()}</h3>
                                <p>{pm.pathway.explanation.get(lang).to_string()}</p>
                                <ol>{pm.steps.into_iter().map(|(p, _)| view! { <li>{p.name.get(lang).to_string()}</li> }).collect_view()}</ol>
                            </div>
                        }).collect_view()}
                    </section>
                })
            }}
            <div class="filters" role="group" aria-label=s.filter_kind>
                {filter_button(None)}
                {Need::ALL.iter().map(|n| filter_button(Some(*n))).collect_view()}
            </div>
            <label class="tick inline">
                <input type="checkbox" prop:checked=move || eligible_only.get() on:change=move |_| eligible_only.update(|v| *v = !*v)/>
                <span>{s.only_eligible}</span>
            </label>
            {groups}
            {move || {
                let near: Vec<_> = ranking.with(|r| r.near_misses.clone());
                (!near.is_empty()).then(|| view! {
                    <details class="near-misses" open>
                        <summary><h2>{format!("{} ({})", s.within_reach, near.len())}</h2></summary>
                        {near.into_iter().map(|r| near_miss_card(r.program, &r.fixes, index_of(r.program))).collect_view()}
                    </details>
                })
            }}
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
                                view! { <li data-program=r.program.id.clone()><strong>{r.program.name.get(lang).to_string()}</strong>" — "{why.join(" · ")}</li> }
                            }).collect_view()}
                        </ul>
                    </details>
                })
            }}
            <SharePanel/>
            <PrintSheet/>
            </Show>
        </section>
    }
}

#[component]
pub fn DetailScreen(index: usize) -> impl IntoView {
    let state = use_state();
    move || state.catalog.get().programs.get(index).map(program_detail)
}
