//! The results page: the title, the counts as a sentence, the ranked programs (best for the
//! holder's needs first, see `ranked.rs` and `results_view`), then pathways, the answers with a
//! way to edit each, the programs not for the holder with why, sharing and the printed sheet.
//! Also the program page.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::engine::{Outcome, explain};
use crate::i18n::plural::results_summary;
use crate::i18n::reasons::rule;
use crate::i18n::speech;
use crate::results_view::{Filter, counts, first_slots, layout};

use super::answers::Answers;
use super::app::HEADING_ID;
use super::card::{program_detail, text_lang};
use super::chunk::{in_chunk, lazy, marking};
use super::effect::effect;
use super::flag;
use super::listen::listen_button;
use super::notices::TextsNotice;
use super::print_sheet::print_sheet;
use super::ranked::RankedList;
use super::share::{encode_share_code, preload_sharing, share_panel};
use super::state::{Notice, use_state};
use super::when::when;

/// The page is drawn in steps, each in its own task after a paint, so that no task blocks a
/// cheap phone for long (Lighthouse's mobile CPU counts every task over 50 ms against the page;
/// one card takes about that much there, its code compiled on first use):
///
/// 0. the title, with the app's first task (which compiles and runs everything else the page
///    shows first);
/// 1. the summary sentence (the ranking is computed here, in its own task);
/// 2. from [`CARDS`], once the program texts are in: the first group's heading, then one slot
///    of the first screen per step, the best program first (each group's first cards in the
///    order of the page, the filters after "Best for you", see `ranked.rs`): the code of the
///    lists and of a card, compiled on first use, in two tasks (about 28 and 40 KB of wasm);
/// 3. then the pathways and the answers, the programs not for the holder, the share link's QR
///    code (encoded, not yet drawn), sharing, and the printed sheet, each in its own step
///    (from the QR code on, once their code is here, see [`use_sharing_code`]); see [`Steps`].
const CARDS: u8 = 2;

/// The steps after the cards, counted from the first step after the last card.
const PATHWAYS: u8 = 0;
const NOT_FOR_YOU: u8 = 1;
/// The share link's QR code, encoded (nothing drawn).
const SHARE_CODE: u8 = 2;
const SHARING: u8 = 3;
const PRINTED: u8 = 4;

/// The step counter and the number of first-screen slots (which sets the last step).
#[derive(Clone, Copy)]
struct Steps {
    now: RwSignal<u8>,
    slots: Memo<usize>,
}

impl Steps {
    /// The first step after the cards: [`CARDS`] draws the first group's heading, each step
    /// after it one slot.
    fn after_cards(self) -> u8 {
        let slots = u8::try_from(self.slots.get()).unwrap_or(u8::MAX);
        CARDS.saturating_add(1).saturating_add(slots)
    }

    /// Whether the step `after` the cards is drawn (never before the summary's step has
    /// computed the ranking, which `slots` needs).
    fn shown_after_cards(self, after: u8) -> bool {
        let now = self.now.get();
        now >= CARDS && now >= self.after_cards().saturating_add(after)
    }

    fn last(self) -> u8 {
        self.after_cards().saturating_add(PRINTED)
    }

    /// Everything drawn.
    fn done(self) -> bool {
        self.now.get() >= CARDS && self.now.get() >= self.last()
    }

    /// The first-screen slots the cards may fill: none at [`CARDS`] (the first group's heading
    /// alone), one more per step, all once they are drawn (a filter may then lay out more).
    fn card_slots(self) -> usize {
        let now = self.now.get();
        if now >= CARDS && now >= self.after_cards() {
            usize::MAX
        } else {
            usize::from(now.saturating_sub(CARDS))
        }
    }
}

/// The step counter: after each step is drawn and painted, the next one (from [`CARDS`] on,
/// once `may_leave(step)` says so). An animation frame waits for the paint; the timeout is for
/// frames that never come (a partner's iframe out of view). Once the last step is drawn, the
/// place the holder was reading before a language switch is found again.
fn use_steps(steps: Steps, may_leave: impl Fn(u8) -> bool + Send + Sync + 'static) {
    let step = steps.now;
    effect(move || {
        let now = step.get();
        if now >= CARDS && steps.done() {
            crate::browser::scroll::restore_anchor();
        } else if now < CARDS || may_leave(now) {
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
}

/// Whether the code of sharing and the printed sheet is here, or could not be fetched (their
/// places then say so, with "Try again"). It comes in the extras' chunk (`super::chunk`), asked
/// for once the first screen's cards are drawn: on a share link opened cold, the cards do not
/// share the network with it. The steps wait for it before sharing, so that sharing and the
/// printed sheet are still drawn in a step each, not both in the task that brings their code.
fn use_sharing_code(steps: Steps) -> RwSignal<bool> {
    let here = RwSignal::new(false);
    once_shown(steps, PATHWAYS, move || {
        leptos::task::spawn_local(async move {
            let _ = preload_sharing().await;
            here.try_set(true);
        });
    });
    here
}

/// At its step, the share link's QR code encoded ahead of the panel that draws it. A chunk that
/// could not be fetched is said by sharing's own place, not a second time here.
fn use_share_code_ahead(steps: Steps) {
    let state = use_state();
    once_shown(steps, SHARE_CODE, move || {
        let link = state.share_link();
        leptos::task::spawn_local(async move {
            let _ = encode_share_code(link).await;
        });
    });
}

/// Runs `then` once, in the task that draws the step `after` the cards.
fn once_shown(steps: Steps, after: u8, then: impl FnOnce() + 'static) {
    let mut then: Option<Box<dyn FnOnce()>> = Some(Box::new(then));
    effect(move || {
        if then.is_some()
            && steps.shown_after_cards(after)
            && let Some(then) = then.take()
        {
            then();
        }
    });
}

in_chunk!(
    results,
    preload_results,
    pub fn results_screen() {
        view! { <ResultsScreen/> }
    }
);

#[component]
fn ResultsScreen() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    // Cards, pathways and the lists below need the program texts: without them, a notice with
    // "Try again" and the answers, never nameless cards or empty pathway blocks.
    let ready = move || state.texts_ready();
    let failed =
        move || !state.texts_ready() && state.notice.get() == Some(Notice::TextsUnavailable);
    let needs = Memo::new(move |_| state.profile.with(|p| p.needs.clone()));
    let featured = state.config.featured.as_deref();
    // How many first-screen slots the cards take (the layout without a filter).
    let slots = Memo::new(move |_| {
        let needs = needs.get();
        state
            .ranking()
            .with(|r| first_slots(&layout(r, needs.as_deref(), Filter::default(), featured)))
    });
    let steps = Steps {
        now: RwSignal::new(0u8),
        slots,
    };
    let sharing = use_sharing_code(steps);
    use_share_code_ahead(steps);
    use_steps(steps, move |now| {
        ready() && (now < steps.after_cards().saturating_add(NOT_FOR_YOU) || sharing.get())
    });
    let step = steps.now;
    let summed = move || step.get() >= 1;
    let nothing_open = move || {
        summed()
            && state
                .ranking()
                .with(|r| r.fits.is_empty() && r.also_open.is_empty())
    };
    let card_slots = Signal::derive(move || steps.card_slots());
    let after = move |n: u8| steps.shown_after_cards(n);
    let cards_shown = move || ready() && step.get() >= CARDS;
    let shared = RwSignal::new(false);
    view! {
        // `loading` keeps the room of the results until the last step (no footer jump);
        // `data-drawn` tells the end-to-end tests the page is complete.
        <section class="results" class:loading=move || !failed() && !steps.done()
            data-drawn=move || flag(steps.done())>
            <h1 id=HEADING_ID tabindex="-1">{s.results_title}</h1>
            // The colour emoji font is loaded with the page's first paint (a glyph no one sees),
            // not in the middle of drawing the first card, whose 🗓️ and 📞 would load it: the
            // first emoji laid out took 10–35 ms here, four times that on a slowed phone.
            <span class="visually-hidden" aria-hidden="true">"📞"</span>
            {when(summed, move || view! { <Summary/> })}
            {when(move || !state.texts_ready(), move || view! { <TextsNotice/> })}
            {when(failed, move || view! { <Answers/>{lazy(None, share_panel)} })}
            {when(nothing_open, move || view! { <p class="notice">{s.no_results}</p> })}
            // Everything below waits for the program texts (a moment on a share link opened
            // cold): drawn once and complete, not as empty cards that then grow.
            {when(cards_shown, move || view! {
                <RankedList ranking=state.ranking() needs=needs slots=card_slots/>
                {when(move || after(PATHWAYS), move || view! { <Pathways/><Answers/> })}
                {when(move || after(NOT_FOR_YOU), move || view! { <NotForYou/> })}
                {when(move || after(SHARING), move || view! { {lazy(None, move || marking(share_panel(), shared))} })}
                // Same chunk as sharing: if it could not be fetched, sharing's notice is the one
                // that says so, and the sheet follows its "Try again".
                {when(move || after(PRINTED) && shared.get(), move || view! { {lazy(None, || print_sheet(usize::MAX, false))} })}
            })}
        </section>
    }
}

/// The counts as a sentence ("3 programs fit you fully; 5 others may, with points to check."),
/// and the button that reads the summary aloud.
#[component]
fn Summary() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let counted = move || state.ranking().with(counts);
    let nothing_open = move || {
        state
            .ranking()
            .with(|r| r.fits.is_empty() && r.also_open.is_empty())
    };
    let listen = listen_button(
        s.listen_results.to_string(),
        Arc::new(move || {
            let (e, p) = counted();
            speech::results(lang, s, e, p, nothing_open())
        }),
    );
    view! {
        <p class="summary" aria-live="polite" data-testid="results-summary">
            {move || {
                let (e, p) = counted();
                results_summary(lang, s, e, p)
            }}
        </p>
        {listen}
    }
}

/// Pathways: programs that follow one another (a status, then a loan…), each folded under its
/// title with its steps.
#[component]
fn Pathways() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let pathways = state.ranking().with_untracked(|r| r.pathways.clone());
    (!pathways.is_empty()).then(|| {
        view! {
            <section class="pathways">
                <h2>{s.pathways}</h2>
                {pathways.into_iter().map(|pm| view! {
                    // Folded: the title says what the pathway is; its steps are one tap away.
                    <details class="pathway">
                        <summary><h3 lang=text_lang()>{pm.pathway.title.get(lang).to_string()}</h3></summary>
                        <p lang=text_lang()>{pm.pathway.explanation.get(lang).to_string()}</p>
                        <ol lang=text_lang()>{pm.steps.into_iter().map(|(p, _)| view! { <li>{p.name.get(lang).to_string()}</li> }).collect_view()}</ol>
                    </details>
                }).collect_view()}
            </section>
        }
    })
}

/// The programs not for the holder, folded, each with the rules they do not meet.
#[component]
fn NotForYou() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let others = state.ranking().with_untracked(|r| r.others.clone());
    let profile = state.profile.get_untracked();
    (!others.is_empty()).then(|| {
        let count = others.len();
        let rows = others.into_iter().map(|r| {
            let why: Vec<String> = explain(r.program, &profile, state.year)
                .iter()
                .filter(|c| c.outcome == Outcome::Unmet)
                .map(|c| rule(lang, &c.reason))
                .collect();
            view! { <li data-program=r.program.id.clone()><strong lang=text_lang()>{r.program.name.get(lang).to_string()}</strong>" — "{why.join(" · ")}</li> }
        });
        view! {
            <details class="not-eligible">
                <summary><h2>{format!("{} ({count})", s.not_eligible_title)}</h2></summary>
                <ul class="why-not">{rows.collect_view()}</ul>
            </details>
        }
    })
}

in_chunk!(
    extras,
    preload_detail,
    pub fn detail_screen(index: usize) {
        let state = use_state();
        move || state.catalog.get().programs.get(index).map(program_detail)
    }
);
