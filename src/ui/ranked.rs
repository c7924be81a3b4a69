//! The ranked programs as groups of cards, laid out by [`crate::results_view`]: "Best for you"
//! first, the filters, then one group per stated need in the holder's order, those also open,
//! those not taking applications now and those within reach with one step. Usable on its own
//! (the results page, an adviser's page): it takes the ranking and the stated needs.
//!
//! Lists are keyed by program id: "show all" in one group, or a filter, adds and removes cards
//! without redrawing the others.

use leptos::prelude::*;

use crate::catalog::{Need, Program};
use crate::engine::{Ranked, Ranking};
use crate::i18n::Label;
use crate::i18n::strings::{Strings, fill};
use crate::results_view::{Filter, Group, chip_order, first_slot_of, layout, shown};

use super::card::{near_miss_card, program_card};
use super::flag;
use super::rows::{Row, rows};
use super::state::{AppState, use_state};
use super::when::when;

/// The groups of one layout, owned (what the keyed lists read), each with its first slot.
type Laid = Vec<(Group, usize, Vec<Ranked<'static>>)>;

/// Group `g` of a layout, with its first slot and its programs, if it has any.
fn group_in(l: &Laid, g: Group) -> Option<&(Group, usize, Vec<Ranked<'static>>)> {
    l.iter().find(|(x, _, _)| *x == g)
}

fn title(g: Group, lang: crate::catalog::Lang, s: &'static Strings) -> String {
    match g {
        Group::Best => s.group_best.to_string(),
        Group::Need(n) => fill(s.group_need, &[("need", n.label(lang))]),
        Group::MoreFits => s.group_more_fits.to_string(),
        Group::AlsoOpen => s.group_also_open.to_string(),
        Group::Closed => s.group_closed.to_string(),
        Group::NearMisses => s.within_reach.to_string(),
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

/// The ranked programs in their groups. `slots` draws them one card per task on a cheap phone:
/// the first `slots` of the first screen's slots (each group's first cards in the order of the
/// page, the filters after "Best for you", see [`first_slot_of`]), each group's heading when
/// `slots` reaches its first slot, a step before its first card (the lists' code and the cards'
/// code are then compiled in two tasks, not one); without it everything is drawn at once.
/// Cards are added to keyed lists, so no step redraws a card already drawn.
#[component]
pub fn RankedList(
    #[prop(into)] ranking: Signal<Ranking<'static>>,
    needs: Memo<Option<Vec<Need>>>,
    #[prop(optional, into)] slots: Option<Signal<usize>>,
) -> impl IntoView {
    let state = use_state();
    let slots = slots.unwrap_or(Signal::stored(usize::MAX));
    let filter = RwSignal::new(Filter::default());
    let featured = state.config.featured.as_deref();
    let laid = Memo::new(move |_| {
        let needs = needs.get();
        ranking.with(|r| {
            let l = layout(r, needs.as_deref(), filter.get(), featured);
            let at = first_slot_of(&l);
            l.into_iter()
                .zip(at)
                .map(|(g, (_, at))| (g.group, at, g.items.into_iter().cloned().collect()))
                .collect::<Laid>()
        })
    });
    // The groups below the filters, each appearing a step before its first card.
    let below = move || {
        let now = slots.get();
        laid.with(|l| {
            l.iter()
                .filter(|(g, at, _)| *g != Group::Best && *at <= now)
                .map(|(g, _, _)| *g)
                .collect::<Vec<_>>()
        })
    };
    // The filters take the slot after the best programs.
    let filters_shown = move || {
        let best = laid.with(|l| group_in(l, Group::Best).map_or(0, |(_, _, v)| v.len()));
        slots.get() > best
    };
    view! {
        <GroupSection group=Group::Best laid slots/>
        {when(filters_shown, move || view! { <Filters filter=filter needs=needs/> })}
        {rows(move || {
            below()
                .into_iter()
                .map(|g| Row::new(g.id(), move || view! { <GroupSection group=g laid slots/> }.into_any()))
                .collect()
        })}
    }
}

/// One group of `laid`: its heading with the count, its first cards (all of "Best for you"),
/// and "show all" for the rest, drawn as `slots` reaches them. (It reads the layout's memo
/// itself: a derived `Signal` of its cards and of its room cost a reader of each type in the
/// results' chunk.)
#[component]
fn GroupSection(group: Group, laid: Memo<Laid>, slots: Signal<usize>) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let unfolded = RwSignal::new(false);
    let total = move || laid.with(|l| group_in(l, group).map_or(0, |(_, _, v)| v.len()));
    // What this group may draw: 0 nothing, 1 its heading (at its first slot's step, before
    // its first card), n its heading and n - 1 cards.
    let room = move || {
        let at = laid.with(|l| group_in(l, group).map(|(_, at, _)| *at));
        at.map_or(0, |at| slots.get().saturating_add(1).saturating_sub(at))
    };
    let cards_room = move || room().saturating_sub(1);
    // Its first cards all drawn: "show all" may add the rest.
    let complete = move || cards_room() >= shown(group, total(), false);
    let card = move |r: Ranked<'static>| {
        let index = index_of(state, r.program);
        if group == Group::NearMisses {
            near_miss_card(r, index).into_any()
        } else {
            program_card(r, index, group == Group::Best).into_any()
        }
    };
    let visible = move || {
        let n = shown(group, total(), unfolded.get());
        let n = if complete() { n } else { n.min(cards_room()) };
        laid.with(|l| {
            group_in(l, group).map_or_else(Vec::new, |(_, _, v)| {
                v.iter()
                    .take(n)
                    .map(|r| {
                        let r = r.clone();
                        Row::new(r.program.id.as_str(), move || card(r))
                    })
                    .collect()
            })
        })
    };
    let any = move || total() > 0 && room() > 0;
    let more_button = move || total() > shown(group, total(), unfolded.get()) && complete();
    let heading_id = format!("group-{}", group.id());
    view! {
        {when(any, move || view! {
            <section class="group" data-group=group.id() aria-labelledby=heading_id.clone()>
                <h2 id=heading_id.clone()>{move || format!("{} ({})", title(group, lang, s), total())}</h2>
                {rows(visible)}
                {when(more_button, move || view! {
                    <button type="button" class="secondary more-cards" on:click=move |_| unfolded.set(true)>
                        {move || fill(s.show_all, &[("n", &total().to_string())])}
                    </button>
                })}
            </section>
        })}
    }
}

/// The filters: a kind of help (the stated needs first) and "eligible only". One row that
/// scrolls sideways on a phone.
#[component]
fn Filters(filter: RwSignal<Filter>, needs: Memo<Option<Vec<Need>>>) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let chip = move |need: Option<Need>| {
        let label = need.map_or(s.all, |n| n.label(lang));
        view! {
            <button type="button" class="chip" aria-pressed=move || flag(filter.get().need == need)
                on:click=move |_| filter.update(|f| f.need = need)>{label}</button>
        }
    };
    let chips = move || {
        let order = needs.with(|n| chip_order(n.as_deref()));
        order.into_iter().map(|n| chip(Some(n))).collect_view()
    };
    view! {
        <div class="filters" role="group" aria-label=s.filter_kind>
            {chip(None)}
            {chips}
            <label class="tick inline">
                <input type="checkbox" prop:checked=move || filter.get().eligible_only
                    on:change=move |_| filter.update(|f| f.eligible_only = !f.eligible_only)/>
                <span>{s.only_eligible}</span>
            </label>
        </div>
    }
}
