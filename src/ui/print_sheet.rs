//! What goes on paper: one A4 page in every language with the best-fitting programs (see
//! `results_view::on_paper`), each with its verdict, what it gives, what is still to check, its
//! cautions and the door to go to (the same one the card shows) with why and its contacts,
//! phone first, plus the QR code of the share link. Hidden on screen; the page's title is the
//! sheet's title. The adviser's sheet also says how to apply to each program, for fewer of them.

use leptos::prelude::*;

use crate::catalog::{Confidence, Program};
use crate::engine::{Outcome, Ranked, doors, explain};
use crate::i18n::reasons::{door_reason, rule};
use crate::i18n::speech::verdict_text;
use crate::i18n::strings::fill;
use crate::results_view::on_paper;

use super::card::{amount_line, text_lang};
use super::chunk::in_chunk;
use super::details::details;
use super::qr::qr_svg;
use super::state::use_state;
use super::when::redrawn;

/// One program on paper: name, verdict and amount on one line; what is still to check; the
/// cautions; the door with why and its contacts, phone first; how to apply, if `steps`.
fn row(r: Ranked<'static>, steps: bool) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let profile = state.profile.get_untracked();
    let p = r.program;
    let to_check: Vec<String> = explain(p, &profile, state.year)
        .iter()
        .filter(|c| c.outcome == Outcome::Unknown)
        .map(|c| rule(lang, &c.reason))
        .collect();
    // The catalog's own caution; a program without one but with facts not all confirmed gets
    // the general note (said once under the list for the others: one page in every language).
    let cautions: Vec<String> = match &p.caution {
        Some(c) => vec![c.get(lang).to_string()],
        None if p.confidence != Confidence::Confirmed => vec![s.confidence_note.to_string()],
        None => Vec::new(),
    };
    let door = doors(state.catalog(), p, &profile).into_iter().next();
    let contact = door.map_or_else(
        || s.no_desk.to_string(),
        |door| {
            let d = door.desk;
            let mut parts = vec![d.name.get(lang).to_string(), door_reason(lang, door.why)];
            parts.extend(
                d.phone
                    .as_ref()
                    .map(|ph| format!("{}: \u{2066}{ph}\u{2069}", s.phone)),
            );
            parts.extend(d.address.clone());
            parts.join(" · ")
        },
    );
    view! {
        <li>
            <strong lang=text_lang()>{p.name.get(lang).to_string()}</strong>
            " — "<span class="verdict">{verdict_text(r.verdict, r.timing, s)}</span>
            {amount_line(p, lang, s).map(|a| view! { " · "{a} })}
            {(!to_check.is_empty()).then(|| view! {
                <br/><span class="k">{s.to_check}": "</span>{to_check.join(" · ")}
            })}
            {(!cautions.is_empty()).then(|| view! {
                <br/><span class="k">"⚠ "{s.caution}": "</span><span lang=text_lang()>{cautions.join(" ")}</span>
            })}
            <br/><span class="k door">{s.where_to_go}": "</span>{contact}
            {steps.then(|| view! {
                <br/><span class="k steps">{s.how_to_apply}": "</span>{steps_of(p)}
            })}
        </li>
    }
}

/// How to apply to `p`, once its language's details are here (the sheet is drawn again then).
fn steps_of(p: &'static Program) -> impl IntoView {
    let state = use_state();
    let at = state.catalog().program_index(&p.id);
    redrawn(move || {
        let loaded = details(state.lang.get()).get();
        let detail = loaded
            .and_then(Result::ok)
            .zip(at)
            .and_then(|(all, i)| all.get(i));
        detail
            .map(|d| view! { <span lang=text_lang()>{d.steps.clone()}</span> })
            .into_any()
    })
}

in_chunk!(
    extras,
    preload_print_sheet,
    pub fn print_sheet(most: usize, steps: bool) {
        view! { <PrintSheet most steps/> }
    }
);

/// The printed sheet under the page's title (printed once): the programs, the share QR code.
/// `most` programs at most (`usize::MAX`: all of `on_paper`); `steps` adds how to apply to each.
#[component]
fn PrintSheet(most: usize, steps: bool) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    redrawn(move || {
        // Asked for here, where every results page draws the sheet once its first cards are on
        // screen, so that a program's page opened next shows its benefits and steps at once.
        let _ = details(state.lang.get());
        let picked: Vec<Ranked<'static>> = state.ranking().with(|r| {
            let all = on_paper(r).into_iter().cloned();
            all.take(most).collect()
        });
        let unconfirmed = picked
            .iter()
            .any(|r| r.program.confidence != Confidence::Confirmed && r.program.caution.is_some());
        let link = state.share_link();
        view! {
            <section class="print-sheet" aria-hidden="true">
                <ol>{picked.into_iter().map(|r| row(r, steps)).collect_view()}</ol>
                {unconfirmed.then(|| view! { <p class="k">"⚠ "{s.confidence_note}</p> })}
                <div class="print-qr">
                    {qr_svg(&link, s.qr_label.to_string())}
                    <p>{s.scan_qr}</p>
                </div>
                <p class="verified">{fill(s.footer_note, &[])}</p>
            </section>
        }
        .into_any()
    })
}
