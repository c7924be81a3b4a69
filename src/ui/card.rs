//! A program as the holder sees it: what you get, why it fits, what to check, where to go.
//! Catalog text is rendered as text nodes, never as HTML.

use leptos::prelude::*;

use crate::catalog::{Confidence, Desk, Lang, Program, Status};
use crate::engine::{Check, Outcome, Profile, Verdict, explain};
use crate::i18n::Label;
use crate::i18n::format::{date, mad};
use crate::i18n::reasons::{fix, holder_answer, rule};
use crate::i18n::strings::{Strings, fill};

use super::state::{Screen, use_state};

/// A link to another site: opened in a new tab on a phone; on a shared kiosk, shown as a QR
/// code to scan instead, so strangers do not browse away from the kiosk.
pub fn external_link(url: &str, label: &str, s: &'static Strings) -> impl IntoView + use<> {
    let state = use_state();
    if state.config.kiosk {
        let aria = fill(s.qr_link_label, &[("url", url)]);
        view! {
            <span class="qr-link">
                {super::qr::qr_svg(url, aria)}
                <span dir="ltr">{label.to_string()}</span>
            </span>
        }
        .into_any()
    } else {
        view! { <a href=url.to_string() rel="noopener noreferrer" target="_blank" dir="ltr">{label.to_string()}</a> }.into_any()
    }
}

/// A sub-heading at `level`: 4 in a result card (under the card's h3); on the detail page (under
/// its h1 and h2s) 2 or 3, so that heading levels never skip one.
fn heading(level: u8, text: impl IntoView + 'static) -> AnyView {
    match level {
        2 => view! { <h2>{text}</h2> }.into_any(),
        3 => view! { <h3>{text}</h3> }.into_any(),
        _ => view! { <h4>{text}</h4> }.into_any(),
    }
}

pub fn badge(verdict: Verdict, s: &'static Strings) -> impl IntoView {
    let (class, text) = match verdict {
        Verdict::Eligible => ("badge eligible", s.eligible_badge),
        Verdict::Possible => ("badge possible", s.possible_badge),
        Verdict::NotEligible => ("badge not-eligible", s.not_eligible_badge),
    };
    view! { <span class=class>{text}</span> }
}

pub fn amount_line(p: &Program, lang: Lang, s: &'static Strings) -> Option<String> {
    let a = p.amount?;
    match (a.min, a.max) {
        (_, Some(max)) => Some(fill(s.up_to_amount, &[("amount", &mad(lang, max))])),
        (Some(min), None) => Some(fill(s.from_amount, &[("amount", &mad(lang, min))])),
        (None, None) => None,
    }
}

fn check_list(
    checks: &[Check<'static>],
    outcome: Outcome,
    lang: Lang,
    s: &'static Strings,
    level: u8,
) -> Option<impl IntoView + use<>> {
    let items: Vec<_> = checks.iter().filter(|c| c.outcome == outcome).collect();
    if items.is_empty() {
        return None;
    }
    let (class, title, mark) = match outcome {
        Outcome::Met => ("checks met", s.why_fits, "✓"),
        Outcome::Unknown => ("checks unknown", s.to_check, "?"),
        Outcome::Unmet => ("checks unmet", s.why_not, "✗"),
    };
    let lines: Vec<String> = items
        .iter()
        .map(|c| {
            let r = rule(lang, &c.reason);
            match (outcome, holder_answer(lang, &c.reason)) {
                (Outcome::Unmet, Some(a)) => {
                    format!("{r} — {}", fill(s.you_answered, &[("answer", &a)]))
                }
                _ => r,
            }
        })
        .collect();
    Some(view! {
        <div class=class>
            {heading(level, title)}
            <ul>{lines.into_iter().map(|l| view! { <li><span class="mark" aria-hidden="true">{mark}" "</span>{l}</li> }).collect_view()}</ul>
        </div>
    })
}

/// Cautions: uncertain facts, seasonal calls, closed programs, and the catalog's own caution.
pub fn cautions(
    p: &Program,
    lang: Lang,
    s: &'static Strings,
    level: u8,
) -> Option<impl IntoView + use<>> {
    let mut notes: Vec<String> = Vec::new();
    match p.status {
        Status::Seasonal => notes.push(s.status_note_seasonal.into()),
        Status::Closed => notes.push(s.status_note_closed.into()),
        Status::BudgetExhausted => notes.push(s.status_note_budget.into()),
        Status::Open => {}
    }
    if p.confidence != Confidence::Confirmed {
        notes.push(s.confidence_note.into());
    }
    if let Some(c) = &p.caution {
        notes.push(c.get(lang).to_string());
    }
    (!notes.is_empty()).then(|| {
        view! {
            <div class="caution" role="note">
                {heading(level, view! { <span aria-hidden="true">"⚠️ "</span>{s.caution} })}
                <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

pub fn desk_view(d: &'static Desk, lang: Lang, s: &'static Strings) -> impl IntoView {
    let tel = d.phone.as_ref().map(|ph| {
        let digits: String = ph.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        view! { <li><span class="k">{s.phone}": "</span><a href=format!("tel:{digits}") dir="ltr">{ph.clone()}</a></li> }
    });
    let web = d
        .website
        .as_ref()
        .map(|w| view! { <li><span class="k">{s.website}": "</span>{external_link(w, w, s)}</li> });
    let mail = d.email.as_ref().map(|e| {
        view! { <li><span class="k">{s.email}": "</span><a href=format!("mailto:{e}") dir="ltr">{e.clone()}</a></li> }
    });
    let addr = d
        .address
        .as_ref()
        .map(|a| view! { <li><span class="k">{s.address}": "</span>{a.clone()}</li> });
    let hours = d
        .hours
        .as_ref()
        .map(|h| view! { <li><span class="k">{s.hours}": "</span>{h.get(lang).to_string()}</li> });
    view! {
        <div class="desk">
            <strong>{d.name.get(lang).to_string()}</strong>
            <ul>{addr}{tel}{mail}{web}{hours}</ul>
        </div>
    }
}

fn desks(
    p: &'static Program,
    profile: &Profile,
    lang: Lang,
    s: &'static Strings,
    limit: usize,
    level: u8,
) -> impl IntoView + use<> {
    let state = use_state();
    let region = profile.effective_region();
    let found = state.catalog().desks_for(p, region, profile.province);
    let note = if region.is_none() {
        Some(s.choose_region_for_desks)
    } else if found.is_empty() {
        Some(s.no_desk)
    } else {
        None
    };
    view! {
        <div class="where">
            {heading(level, s.where_to_go)}
            {note.map(|n| view! { <p>{n}</p> })}
            {found.into_iter().take(limit).map(|d| desk_view(d, lang, s)).collect_view()}
        </div>
    }
}

/// A result card. `index` is the program's place in the catalog, for its detail page.
pub fn program_card(p: &'static Program, verdict: Verdict, index: usize) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let profile = state.profile.get_untracked();
    let checks = explain(p, &profile, state.year);
    let provider = state
        .catalog()
        .provider(&p.provider)
        .map(|x| x.name.get(lang).to_string());
    let heading_id = format!("program-{}", p.id);
    view! {
        <article class="card" data-program=p.id.clone() aria-labelledby=heading_id.clone()>
            <header>
                <h3 id=heading_id.clone()>{p.name.get(lang).to_string()}</h3>
                {badge(verdict, s)}
            </header>
            {provider.map(|name| view! { <p class="provider">{name}</p> })}
            {amount_line(p, lang, s).map(|a| view! { <p class="amount">{a}</p> })}
            <p>{p.summary.get(lang).to_string()}</p>
            {check_list(&checks, Outcome::Met, lang, s, 4)}
            {check_list(&checks, Outcome::Unknown, lang, s, 4)}
            {cautions(p, lang, s, 4)}
            {desks(p, &profile, lang, s, 1, 4)}
            <p class="verified">{fill(s.last_verified, &[("date", &date(lang, p.last_verified))])}</p>
            <button type="button" class="secondary" on:click=move |_| state.go(Screen::Detail(index))>
                {s.more}<span class="visually-hidden">": "{p.name.get(lang).to_string()}</span>
            </button>
        </article>
    }
}

/// A near-miss: why not, and the step that would open it.
pub fn near_miss_card(
    p: &'static Program,
    fixes: &[crate::engine::Fix],
    index: usize,
) -> impl IntoView + use<> {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let checks = state
        .profile
        .with_untracked(|pr| explain(p, pr, state.year));
    let steps: Vec<String> = fixes.iter().map(|f| fix(lang, f)).collect();
    view! {
        <article class="card near" data-program=p.id.clone()>
            <header><h3>{p.name.get(lang).to_string()}</h3></header>
            {check_list(&checks, Outcome::Unmet, lang, s, 4)}
            <div class="fix">
                <h4>{s.step_to_take}</h4>
                <ul>{steps.into_iter().map(|f| view! { <li><span aria-hidden="true">"➜ "</span>{f}</li> }).collect_view()}</ul>
            </div>
            <button type="button" class="secondary" on:click=move |_| state.go(Screen::Detail(index))>
                {s.more}<span class="visually-hidden">": "{p.name.get(lang).to_string()}</span>
            </button>
        </article>
    }
}

/// Everything about one program, with all desks in the region and the sources.
pub fn program_detail(p: &'static Program) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let profile = state.profile.get_untracked();
    let checks = explain(p, &profile, state.year);
    let verdict = crate::engine::verdict(p, &profile, state.year);
    let provider = state
        .catalog()
        .provider(&p.provider)
        .map(|x| x.name.get(lang).to_string());
    let kinds = p
        .kinds
        .iter()
        .map(|k| k.label(lang))
        .collect::<Vec<_>>()
        .join(lang.pick("، ", ", ", ", "));
    let website = p.website.clone();
    let sources = p.sources.clone();
    view! {
        <article class="detail" data-program=p.id.clone()>
            <h1 id=super::app::HEADING_ID tabindex="-1">{p.name.get(lang).to_string()}</h1>
            <p>{badge(verdict, s)}" "<span class="kinds">{kinds}</span></p>
            {provider.map(|name| view! { <p class="provider"><span class="k">{s.provider}": "</span>{name}</p> })}
            <p>{p.summary.get(lang).to_string()}</p>
            {cautions(p, lang, s, 2)}
            <h2>{s.what_you_get}</h2>
            {amount_line(p, lang, s).map(|a| view! { <p class="amount">{a}</p> })}
            <p>{p.benefits.get(lang).to_string()}</p>
            {check_list(&checks, Outcome::Met, lang, s, 3)}
            {check_list(&checks, Outcome::Unknown, lang, s, 3)}
            {check_list(&checks, Outcome::Unmet, lang, s, 3)}
            <h2>{s.how_to_apply}</h2>
            <p>{p.how_to_apply.get(lang).to_string()}</p>
            {website.map(|w| view! { <p>{external_link(&w, &w, s)}</p> })}
            {desks(p, &profile, lang, s, usize::MAX, 3)}
            <h2>{s.sources}</h2>
            <ul class="sources">
                {sources
                    .into_iter()
                    .map(|src| {
                        let label = src.title.clone().unwrap_or_else(|| src.url.clone());
                        let when = src.date.map(|d| format!(" ({})", date(lang, d))).unwrap_or_default();
                        view! { <li>{external_link(&src.url, &label, s)}{when}</li> }
                    })
                    .collect_view()}
            </ul>
            <p class="verified">{fill(s.last_verified, &[("date", &date(lang, p.last_verified))])}</p>
            <button type="button" class="primary" on:click=move |_| state.go(Screen::Results)>
                <span class="arrow" aria-hidden="true">"←"</span>" "{s.back_to_results}
            </button>
        </article>
    }
}
