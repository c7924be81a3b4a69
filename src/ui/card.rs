//! A program as the holder sees it: what you get, why it fits, what is still to check (with
//! the question that settles it, one tap away), when it takes applications, and the door to go
//! to with its phone number. Catalog text is rendered as text nodes, never as HTML.

use std::sync::Arc;

use leptos::prelude::*;

use crate::catalog::{Confidence, Freshness, Lang, Program, href};
use crate::engine::{Band, Check, Door, Fix, Outcome, Profile, Ranked, Reason, Timing, Verdict};
use crate::engine::{doors, evaluate, explain, real_priorities};
use crate::i18n::Label;
use crate::i18n::format::{date, mad};
use crate::i18n::reasons::{
    door_reason, fix, holder_answer, met_of, partial_cover, priority_note, rule, timing,
};
use crate::i18n::speech::{self, ProgramView, verdict_text};
use crate::i18n::strings::{Strings, fill};
use crate::questionnaire::{is_open_ended, settling_question};

use super::chunk::{in_chunk, lazy};
use super::details::{Part, ProgramDetail};
use super::listen::listen_button;
use super::picks::band_label;
use super::sources::ProgramSources;
use super::state::{Hub, Screen, use_state};

/// A link to another site: opened in a new tab on a phone; on a shared kiosk, shown as a QR
/// code to scan instead, so strangers do not browse away from the kiosk.
pub fn external_link(url: &str, label: &str, s: &'static Strings) -> impl IntoView + use<> {
    let state = use_state();
    // Only an https:/http: address checked again here becomes a link (the texts come from a
    // separate file); anything else is shown as text.
    let Some(url) = href::web(url) else {
        return view! { <span dir="ltr">{label.to_string()}</span> }.into_any();
    };
    if state.config.kiosk {
        let aria = fill(s.qr_link_label, &[("url", url)]);
        let url = url.to_string();
        view! {
            <span class="qr-link">
                {lazy(None, move || link_qr(url.clone(), aria.clone()))}
                <span dir="ltr">{label.to_string()}</span>
            </span>
        }
        .into_any()
    } else {
        view! { <a href=url.to_string() rel="noopener noreferrer" target="_blank" dir="ltr">{label.to_string()}</a> }.into_any()
    }
}

// The QR code of a link on a kiosk, in the extras' chunk with the other QR codes (sharing, the
// printed sheet): the results' first cards of every holder do not carry the QR encoder (about
// 3 KB brotli) that only kiosks draw there; it arrives with sharing, after those cards.
in_chunk!(
    extras,
    preload_link_qr,
    fn link_qr(url: String, aria: String) {
        super::qr::qr_svg(&url, aria)
    }
);

/// A sub-heading at `level`: 4 in a result card (under the card's h3); on the detail page (under
/// its h1 and h2s) 2 or 3, so that heading levels never skip one.
fn heading(level: u8, text: impl IntoView + 'static) -> AnyView {
    match level {
        2 => view! { <h2>{text}</h2> }.into_any(),
        3 => view! { <h3>{text}</h3> }.into_any(),
        _ => view! { <h4>{text}</h4> }.into_any(),
    }
}

/// A line of text in a paragraph of its own class (one view type for every such line).
fn para(class: &'static str, text: String) -> AnyView {
    view! { <p class=class>{text}</p> }.into_any()
}

/// One of a desk's details after its label ("Address: …").
fn labelled(label: &'static str, value: AnyView) -> AnyView {
    view! { <li><span class="k">{label}": "</span>{value}</li> }.into_any()
}

/// The cautions as a list, each in its own language.
fn caution_list(notes: Vec<(String, Option<&'static str>)>) -> AnyView {
    view! { <ul>{notes.into_iter().map(|(n, l)| view! { <li lang=l>{n}</li> }).collect_view()}</ul> }
        .into_any()
}

/// The verdict, or "not open now" for a program that takes no applications whatever the rules
/// say.
pub fn badge(verdict: Verdict, timing: Timing, s: &'static Strings) -> impl IntoView {
    let class = match verdict {
        _ if timing.is_shut() && verdict != Verdict::NotEligible => "badge closed",
        Verdict::Eligible => "badge eligible",
        Verdict::Possible => "badge possible",
        Verdict::NotEligible => "badge not-eligible",
    };
    view! { <span class=class>{verdict_text(verdict, timing, s)}</span> }
}

pub use crate::i18n::speech::amount_line;

/// The holder's answer a rule was checked against; a band as its button read it ("more than
/// 5 000 000 DH" rather than a number the holder never gave).
fn answer_text(lang: Lang, reason: &Reason<'_>) -> Option<String> {
    match *reason {
        Reason::Revenue {
            holder: Some(b), ..
        }
        | Reason::Amount {
            holder: Some(b), ..
        }
        | Reason::ProjectAmount {
            holder: Some(b), ..
        } => Some(band_label(lang, b)),
        _ => holder_answer(lang, reason),
    }
}

/// "Covers up to 49 000 DH of your 200 000 DH: look for complementary financing."
fn partial_note(lang: Lang, s: &'static Strings, covers: u64, asked: Band) -> String {
    if is_open_ended(asked) {
        fill(
            s.partial_open,
            &[
                ("covers", &mad(lang, covers)),
                ("asked", &mad(lang, asked.min)),
            ],
        )
    } else {
        partial_cover(lang, covers, asked)
    }
}

/// "Last checked: …" when a person compared the record with its source; otherwise how old its
/// newest source is, said as such.
pub fn freshness(p: &Program, lang: Lang, s: &'static Strings) -> String {
    match p.freshness() {
        Freshness::Checked(d) => fill(s.last_verified, &[("date", &date(lang, d))]),
        Freshness::SourceDated(d) => fill(s.source_dated, &[("date", &date(lang, d))]),
        Freshness::Unknown => s.undated.to_string(),
    }
}

/// When the program takes applications, how much of the request it covers, and who has
/// priority: the lines a holder acts on before reading further.
fn notes(r: &Ranked<'_>, lang: Lang, s: &'static Strings) -> impl IntoView + use<> {
    let timing_line = timing(lang, r.timing).map(|t| {
        let class = match r.timing {
            Timing::ClosingSoon { .. } => "timing soon",
            t if t.is_shut() => "timing shut",
            _ => "timing",
        };
        view! { <p class=class><span aria-hidden="true">"🗓️ "</span>{t}</p> }
    });
    let met = (r.rules > 0).then(|| para("met-of", met_of(lang, r.met, r.rules)));
    let partial = r
        .partial
        .map(|(covers, asked)| para("partial", partial_note(lang, s, covers, asked)));
    // Green when the holder is in a priority audience, plain otherwise.
    let audiences: Vec<_> = real_priorities(r.program).collect();
    let priority = (!audiences.is_empty()).then(|| {
        let class = if r.priority.is_some() {
            "priority yours"
        } else {
            "priority"
        };
        para(class, priority_note(lang, &audiences))
    });
    view! { {timing_line}{met}{partial}{priority} }
}

fn check_list(
    checks: &[Check<'static>],
    outcome: Outcome,
    profile: &Profile,
    lang: Lang,
    s: &'static Strings,
    level: u8,
) -> Option<impl IntoView + use<>> {
    let state = use_state();
    let items: Vec<_> = checks.iter().filter(|c| c.outcome == outcome).collect();
    if items.is_empty() {
        return None;
    }
    let (class, title, mark) = match outcome {
        Outcome::Met => ("checks met", s.why_fits, "✓"),
        Outcome::Unknown => ("checks unknown", s.to_check, "?"),
        Outcome::Unmet => ("checks unmet", s.why_not, "✗"),
    };
    let lines = items
        .iter()
        .map(|c| {
            let r = rule(lang, &c.reason);
            let text = match (outcome, answer_text(lang, &c.reason)) {
                (Outcome::Unmet, Some(a)) => {
                    format!("{r} — {}", fill(s.you_answered, &[("answer", &a)]))
                }
                _ => r,
            };
            // A rule still to check: the question that settles it, one tap away.
            let ask = (outcome == Outcome::Unknown).then(|| {
                let q = settling_question(&c.reason, profile);
                let label = fill(
                    s.answer_question,
                    &[("question", super::question_title(q, s))],
                );
                view! {
                    <button type="button" class="link answer-q" data-question=q.id() on:click=move |_| {
                        state.nav().edit(q, Hub::Results);
                    }>{label}</button>
                }
            });
            view! { <li><span class="mark" aria-hidden="true">{mark}" "</span>{text}{ask}</li> }
        })
        .collect_view();
    Some(view! {
        <div class=class>
            {heading(level, title)}
            <ul>{lines}</ul>
        </div>
    })
}

/// Cautions: facts not confirmed, and the catalog's own caution. (When a program takes
/// applications is said by its timing line.)
pub fn cautions(
    p: &Program,
    lang: Lang,
    s: &'static Strings,
    level: u8,
) -> Option<impl IntoView + use<>> {
    let notes = caution_notes(p, lang, s);
    (!notes.is_empty()).then(|| {
        view! {
            <div class="caution" role="note">
                {heading(level, view! { <span aria-hidden="true">"⚠️ "</span>{s.caution} })}
                {caution_list(notes)}
            </div>
        }
    })
}

/// The cautions of a program: its facts not all confirmed, and the catalog's own caution.
fn caution_notes(
    p: &Program,
    lang: Lang,
    s: &'static Strings,
) -> Vec<(String, Option<&'static str>)> {
    let mut notes: Vec<(String, Option<&'static str>)> = Vec::new();
    if p.confidence != Confidence::Confirmed {
        notes.push((s.confidence_note.into(), None));
    }
    if let Some(c) = &p.caution {
        notes.push((c.get(lang).to_string(), text_lang()));
    }
    notes
}

/// The cautions folded under their heading (a card below the best ones): flagged, one tap away.
fn folded_cautions(p: &Program, lang: Lang, s: &'static Strings) -> Option<impl IntoView + use<>> {
    let notes = caution_notes(p, lang, s);
    (!notes.is_empty()).then(|| {
        view! {
            <details class="caution folded">
                <summary><span aria-hidden="true">"⚠️ "</span><strong>{s.caution}</strong></summary>
                {caution_list(notes)}
            </details>
        }
    })
}

/// The phone number as a `tel:` link: digits and a leading `+` only; `None` for anything that
/// is not a phone number (shown as text then).
pub fn tel_href(phone: &str) -> Option<String> {
    href::tel(phone)
}

/// One door: the office, why it is the one (it serves the holder's province…), its phone first
/// (a call is what a rural holder can do today), then address, hours, e-mail and website.
pub fn desk_view(door: Door<'static>, lang: Lang, s: &'static Strings) -> impl IntoView {
    let state = use_state();
    let d = door.desk;
    let phone = d.phone.as_ref().map(|ph| {
        let tel = tel_href(ph);
        if state.config.kiosk || tel.is_none() {
            // A kiosk cannot call: the number, large, to note down.
            view! {
                <p class="call-line"><span aria-hidden="true">"📞 "</span><span class="k">{s.phone}": "</span><span class="tel" dir="ltr">{ph.clone()}</span></p>
            }
            .into_any()
        } else {
            view! {
                <p class="call-line">
                    <a class="call" href=tel>
                        <span aria-hidden="true">"📞 "</span>{s.call}" "<span class="tel" dir="ltr">{ph.clone()}</span>
                    </a>
                </p>
            }
            .into_any()
        }
    });
    let web = d
        .website
        .as_ref()
        .map(|w| labelled(s.website, external_link(w, w, s).into_any()));
    let mail = d.email.as_ref().map(|e| {
        let link = href::mailto(e)
            .map(|h| view! { <a href=h dir="ltr">{e.clone()}</a> }.into_any())
            .unwrap_or_else(|| view! { <span dir="ltr">{e.clone()}</span> }.into_any());
        labelled(s.email, link)
    });
    let addr = d
        .address
        .as_ref()
        .map(|a| labelled(s.address, a.clone().into_any()));
    let hours = d.hours.as_ref().map(|h| {
        labelled(
            s.hours,
            view! { <span lang=text_lang()>{h.get(lang).to_string()}</span> }.into_any(),
        )
    });
    view! {
        <div class="desk" data-desk=d.id.clone()>
            <strong lang=text_lang()>{d.name.get(lang).to_string()}</strong>
            <p class="why">{door_reason(lang, door.why)}</p>
            {phone}
            <ul>{addr}{hours}{mail}{web}</ul>
        </div>
    }
}

fn where_to_go(
    p: &'static Program,
    profile: &Profile,
    lang: Lang,
    s: &'static Strings,
    limit: usize,
    level: u8,
) -> impl IntoView + use<> {
    let state = use_state();
    let found = doors(state.catalog(), p, profile);
    let note = if profile.effective_region().is_none() {
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

fn details_button(
    p: &'static Program,
    index: usize,
    lang: Lang,
    s: &'static Strings,
) -> impl IntoView {
    let state = use_state();
    view! {
        <button type="button" class="secondary" on:click=move |_| state.go(Screen::Detail(index))>
            {s.more}<span class="visually-hidden">": "<span lang=text_lang()>{p.name.get(lang).to_string()}</span></span>
        </button>
    }
}

/// The `lang` attribute of a program text (Modern Standard Arabic under the Darija interface).
pub fn text_lang() -> Option<&'static str> {
    use_state().text_lang_attr()
}

/// A program's listen button: its name, verdict, why and where to go, read aloud.
fn program_listen(r: Ranked<'static>, view: ProgramView, lang: Lang) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let label = fill(s.listen_program, &[("name", r.program.name.get(lang))]);
    listen_button(
        label,
        Arc::new(move || {
            let profile = state.profile.get_untracked();
            speech::program(lang, s, state.catalog(), &r, &profile, state.year, view)
        }),
    )
}

/// A result card. `index` is the program's place in the catalog, for its detail page. A `full`
/// card (the best programs) also says what the program is and why it fits; the others keep
/// what the holder acts on (verdict, amount, dates, what to check, cautions, the door) and
/// leave the rest to the program's page, so a phone's page stays short.
pub fn program_card(r: Ranked<'static>, index: usize, full: bool) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let profile = state.profile.get_untracked();
    let p = r.program;
    let checks = explain(p, &profile, state.year);
    let provider = state
        .catalog()
        .provider(&p.provider)
        .map(|x| x.name.get(lang).to_string());
    let heading_id = format!("program-{}", p.id);
    let listen = program_listen(r.clone(), ProgramView::Card, lang);
    view! {
        <article class="card" data-program=p.id.clone() aria-labelledby=heading_id.clone()>
            <header>
                <h3 id=heading_id.clone() lang=text_lang()>{p.name.get(lang).to_string()}</h3>
                {badge(r.verdict, r.timing, s)}
            </header>
            {listen}
            {provider.map(|name| view! { <p class="provider" lang=text_lang()>{name}</p> })}
            {amount_line(p, lang, s).map(|a| para("amount", a))}
            {notes(&r, lang, s)}
            {full.then(|| view! { <p lang=text_lang()>{p.summary.get(lang).to_string()}</p> })}
            {full.then(|| check_list(&checks, Outcome::Met, &profile, lang, s, 4))}
            {check_list(&checks, Outcome::Unknown, &profile, lang, s, 4)}
            {full.then(|| cautions(p, lang, s, 4))}
            {(!full).then(|| folded_cautions(p, lang, s))}
            {where_to_go(p, &profile, lang, s, 1, 4)}
            <p class="verified">{freshness(p, lang, s)}</p>
            {details_button(p, index, lang, s)}
        </article>
    }
}

/// A near-miss: why not, with the holder's answer, and the steps that would open it, lightest
/// first.
pub fn near_miss_card(r: Ranked<'static>, index: usize) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let profile = state.profile.get_untracked();
    let p = r.program;
    let checks = explain(p, &profile, state.year);
    let steps: Vec<String> = r.fixes.iter().map(|f: &Fix| fix(lang, f)).collect();
    let listen = program_listen(r.clone(), ProgramView::NearMiss, lang);
    view! {
        <article class="card near" data-program=p.id.clone()>
            <header><h3 lang=text_lang()>{p.name.get(lang).to_string()}</h3></header>
            {listen}
            {amount_line(p, lang, s).map(|a| para("amount", a))}
            {(r.rules > 0).then(|| para("met-of", met_of(lang, r.met, r.rules)))}
            {check_list(&checks, Outcome::Unmet, &profile, lang, s, 4)}
            <div class="fix">
                <h4>{s.step_to_take}</h4>
                <ul>{steps.into_iter().map(|f| view! { <li><span aria-hidden="true">"➜ "</span>{f}</li> }).collect_view()}</ul>
            </div>
            {details_button(p, index, lang, s)}
        </article>
    }
}

/// Everything about one program, with all its doors for this holder and the sources.
pub fn program_detail(p: &'static Program) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let lang = state.lang.get_untracked();
    let profile = state.profile.get_untracked();
    let checks = explain(p, &profile, state.year);
    let r = evaluate(p, &profile, state.today);
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
    let program = state.catalog().program_index(&p.id).unwrap_or(usize::MAX);
    let listen = program_listen(r.clone(), ProgramView::Page, lang);
    view! {
        <article class="detail" data-program=p.id.clone()>
            <h1 id=super::app::HEADING_ID tabindex="-1" lang=text_lang()>{p.name.get(lang).to_string()}</h1>
            <p>{badge(r.verdict, r.timing, s)}" "<span class="kinds">{kinds}</span></p>
            {listen}
            {provider.map(|name| view! { <p class="provider"><span class="k">{s.provider}": "</span><span lang=text_lang()>{name}</span></p> })}
            {notes(&r, lang, s)}
            <p lang=text_lang()>{p.summary.get(lang).to_string()}</p>
            {cautions(p, lang, s, 2)}
            <h2>{s.what_you_get}</h2>
            {amount_line(p, lang, s).map(|a| para("amount", a))}
            <ProgramDetail program part=Part::Benefits/>
            {check_list(&checks, Outcome::Met, &profile, lang, s, 3)}
            {check_list(&checks, Outcome::Unknown, &profile, lang, s, 3)}
            {check_list(&checks, Outcome::Unmet, &profile, lang, s, 3)}
            {(!r.fixes.is_empty()).then(|| view! {
                <div class="fix">
                    <h3>{s.step_to_take}</h3>
                    <ul>{r.fixes.iter().map(|f| view! { <li><span aria-hidden="true">"➜ "</span>{fix(lang, f)}</li> }).collect_view()}</ul>
                </div>
            })}
            <h2>{s.how_to_apply}</h2>
            <ProgramDetail program part=Part::Steps/>
            <ProgramDetail program part=Part::Website/>
            {where_to_go(p, &profile, lang, s, usize::MAX, 3)}
            <h2>{s.sources}</h2>
            <ProgramSources program/>
            <p class="verified">{freshness(p, lang, s)}</p>
            // A step back in the history when the results are the entry before (Forward then
            // reopens this page), the results in place of this page otherwise.
            <button type="button" class="primary" data-testid="detail-back" on:click=move |_| state.back()>
                <span class="arrow" aria-hidden="true">"←"</span>" "{s.back_to_results}
            </button>
        </article>
    }
}
