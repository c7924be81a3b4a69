//! The office staff's screen (with `counts=1`). Five quick taps on the Bousla name in the
//! header, or Ctrl+Alt+Shift+B on a keyboard, ask for the staff code; a wrong code shows
//! nothing but "Wrong code". The right one shows the counts of a chosen period as tables with
//! bars, a CSV download and QR codes; after an export, staff may delete that period's counts.
//! Every number shown or exported obeys the small-count rule (`crate::counts::rule`), and bars
//! are drawn from the numbers shown. The screen closes after the kiosk's idle time (at least a
//! minute) without a touch, and with Escape.

use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::catalog::{
    Area, Catalog, Gender, Lang, LegalForm, Need, Province, Region, Residence, Sector, StageKind,
};
use crate::counts::report::{Period, QR_BYTES, csv, qr_texts, rows, sums};
use crate::counts::rule::Shown;
use crate::counts::{Dim, UNKNOWN};
use crate::i18n::Label;
use crate::i18n::format::date;
use crate::i18n::strings::{Strings, fill};

use super::app::HEADING_ID;
use super::counting::{STORE_COUNTS, load};
use super::qr::qr_svg;
use super::state::use_state;

/// Taps on the name, each within this many milliseconds of the first, open the code prompt.
const TAPS: u32 = 5;
const TAP_WINDOW_MS: f64 = 3_000.0;

/// Taps so far and the time of the first.
static TAPPED: Mutex<(u32, f64)> = Mutex::new((0, 0.0));
/// Seconds without a touch while the screen is open.
static IDLE: AtomicU32 = AtomicU32::new(0);

fn title(dim: Dim, s: &'static Strings) -> &'static str {
    match dim {
        Dim::Activity => s.counts_activity,
        Dim::Region => s.q_region,
        Dim::Province => s.q_province,
        Dim::Stage => s.q_stage,
        Dim::LegalForm => s.q_legal_form,
        Dim::Sector => s.q_sector,
        Dim::Needs => s.q_needs,
        Dim::Gender => s.q_gender,
        Dim::Age => s.q_age,
        Dim::Area => s.q_area,
        Dim::Residence => s.q_residence,
        Dim::Top => s.count_top,
        Dim::Opened => s.count_opened,
    }
}

fn named<T: Label>(v: Option<T>, lang: Lang) -> Option<&'static str> {
    v.map(|v| v.label(lang))
}

/// A value in the staff's language (an id where no name is known, e.g. a program since removed).
fn label(dim: Dim, v: &str, lang: Lang, catalog: &Catalog, s: &'static Strings) -> String {
    let name = match dim {
        _ if v == UNKNOWN => Some(s.not_answered),
        Dim::Activity => match v {
            "started" => Some(s.count_started),
            "results" => Some(s.count_results),
            "printed" => Some(s.count_printed),
            _ => Some(s.count_qr),
        },
        Dim::Region => Region::from_id(v).map(|r| r.name(lang)),
        Dim::Province => Province::from_id(v).map(|p| p.name(lang)),
        Dim::Stage => named(StageKind::from_id(v), lang),
        Dim::LegalForm => named(LegalForm::from_id(v), lang),
        Dim::Sector => named(Sector::from_id(v), lang),
        Dim::Needs => named(Need::from_id(v), lang),
        Dim::Gender => named(Gender::from_id(v), lang),
        Dim::Area => named(Area::from_id(v), lang),
        Dim::Residence => named(Residence::from_id(v), lang),
        Dim::Age => None,
        Dim::Top | Dim::Opened => {
            let program = catalog.programs.iter().find(|p| p.id == v);
            let name = program.map(|p| p.name.get(lang)).unwrap_or_default();
            return if name.is_empty() {
                v.to_string()
            } else {
                name.to_string()
            };
        }
    };
    name.map_or_else(|| v.to_string(), str::to_string)
}

fn period_name(i: usize, s: &'static Strings) -> &'static str {
    [
        s.period_today,
        s.period_week,
        s.period_30,
        s.period_month,
        s.period_last_month,
        s.period_all,
    ][i]
}

/// The CSV as a `data:` address: a download with no Blob API and nothing sent anywhere.
fn data_url(text: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[component]
pub fn StaffScreen() -> impl IntoView {
    let state = use_state();
    // 0 closed, 1 the code asked, 2 the counts shown.
    let open = RwSignal::new(0u8);
    let wrong = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    // Index into `Period::ALL`: this month by default (offices report by month).
    let period = RwSignal::new(3u8);
    // Bumped when counts are deleted, to read them again.
    let version = RwSignal::new(0u32);
    let exported = RwSignal::new(false);
    let show_qr = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let deleted = RwSignal::new(false);

    let close = move || {
        open.set(0);
        typed.set(String::new());
        wrong.set(false);
        browser::focus_after_render(HEADING_ID);
    };
    let ask = move || {
        if open.get_untracked() == 0 {
            open.set(1);
            browser::focus_after_render("staff-code");
        }
    };
    let _ = window_event_listener(ev::pointerdown, move |e| {
        IDLE.store(0, Ordering::Relaxed);
        let on_name = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".brand").ok().flatten())
            .is_some();
        let now = js_sys::Date::now();
        let mut t = TAPPED.lock().unwrap_or_else(|e| e.into_inner());
        *t = match (on_name, *t) {
            (false, _) => (0, 0.0),
            (true, (n, first)) if n > 0 && now - first <= TAP_WINDOW_MS => (n + 1, first),
            (true, _) => (1, now),
        };
        if t.0 >= TAPS {
            *t = (0, 0.0);
            drop(t);
            ask();
        }
    });
    let _ = window_event_listener(ev::keydown, move |e| {
        IDLE.store(0, Ordering::Relaxed);
        if e.ctrl_key() && e.alt_key() && e.shift_key() && e.code() == "KeyB" {
            ask();
        } else if e.key() == "Escape" && open.get_untracked() != 0 {
            close();
        }
    });
    let limit = state.config.idle_seconds.max(60);
    let _ = set_interval_with_handle(
        move || {
            if open.get_untracked() != 0 && IDLE.fetch_add(1, Ordering::Relaxed) + 1 >= limit {
                close();
            }
        },
        Duration::from_secs(1),
    );

    let submit = move || {
        let ok = state
            .config
            .staff
            .as_ref()
            .is_some_and(|c| c.matches(&typed.get_untracked()));
        typed.set(String::new());
        wrong.set(!ok);
        if ok {
            open.set(2);
            browser::focus_after_render("staff-title");
        }
    };
    let range = move || Period::ALL[usize::from(period.get())].range(browser::today());
    let table = move || {
        version.track();
        let (from, to) = range();
        rows(&sums(&load(), from, to))
    };
    let fresh = move || {
        exported.set(false);
        show_qr.set(false);
        confirming.set(false);
    };
    let delete = move || {
        let (from, to) = range();
        let mut store = load();
        store.reset(from, to);
        browser::save(STORE_COUNTS, &store.write());
        version.update(|v| *v += 1);
        fresh();
        deleted.set(true);
    };

    move || {
        let lang = state.lang.get();
        let s = state.strings();
        let catalog = state.catalog.get();
        let close_button = move || {
            view! { <button type="button" class="secondary" data-testid="staff-close" on:click=move |_| close()>{s.close}</button> }
        };
        match open.get() {
            0 => None,
            1 => Some(view! {
                <div class="staff" role="dialog" aria-modal="true" aria-labelledby="staff-title" data-testid="staff">
                    <h2 id="staff-title" tabindex="-1">{s.staff_title}</h2>
                    <form class="typed" on:submit=move |ev| {
                        ev.prevent_default();
                        submit();
                    }>
                        <label for="staff-code">{s.staff_code}</label>
                        <input id="staff-code" type="password" autocomplete="off" dir="ltr"
                            prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))
                            aria-describedby="staff-wrong"/>
                        <p id="staff-wrong" class="error" role="alert" data-testid="staff-wrong">{move || wrong.get().then_some(s.wrong_code)}</p>
                        <div class="actions">
                            <button type="submit" class="primary" data-testid="staff-open">{s.staff_open}</button>
                            {close_button()}
                        </div>
                    </form>
                </div>
            }.into_any()),
            _ => Some(view! {
                <div class="staff" role="dialog" aria-modal="true" aria-labelledby="staff-title" data-testid="staff-counts">
                    <h2 id="staff-title" tabindex="-1">{s.staff_title}</h2>
                    <p>{s.counts_rule}</p>
                    {move || {
                        version.track();
                        load().discarded.map(|(d, _)| view! {
                            <p class="notice" role="status" data-testid="staff-discarded">{fill(s.counts_discarded, &[("date", &date(lang, d))])}</p>
                        })
                    }}
                    <label for="staff-period">{s.period}</label>
                    <select id="staff-period" data-testid="staff-period" on:change=move |ev| {
                        period.set(event_target_value(&ev).parse().unwrap_or(3));
                        fresh();
                        deleted.set(false);
                    }>
                        {(0..Period::ALL.len()).map(|i| view! {
                            <option value=i.to_string() selected=move || usize::from(period.get()) == i>{period_name(i, s)}</option>
                        }).collect_view()}
                    </select>
                    <p data-testid="staff-range">{move || {
                        let (from, to) = range();
                        fill(s.from_to, &[("from", &date(lang, from)), ("to", &date(lang, to))])
                    }}</p>
                    <div class="actions">
                        <a class="button secondary" data-testid="staff-csv"
                            download=move || { let (from, to) = range(); format!("bousla-counts-{from}-{to}.csv") }
                            href=move || {
                                let (from, to) = range();
                                data_url(&csv(&table(), from, to, |d, v| label(d, v, lang, catalog, s)))
                            }
                            on:click=move |_| exported.set(true)>{s.download_csv}</a>
                        <button type="button" class="secondary" data-testid="staff-show-qr" on:click=move |_| {
                            show_qr.set(true);
                            exported.set(true);
                        }>{s.show_qr}</button>
                        {close_button()}
                    </div>
                    <Show when=move || show_qr.get()>
                        <div class="staff-qrs">
                            {move || {
                                let (from, to) = range();
                                let texts = qr_texts(&table(), from, to, QR_BYTES);
                                let total = texts.len().to_string();
                                texts.into_iter().enumerate().map(|(i, text)| {
                                    let name = fill(s.qr_part, &[("n", &(i + 1).to_string()), ("total", &total)]);
                                    view! {
                                        <figure data-text=text.clone()>
                                            {qr_svg(&text, name.clone())}
                                            <figcaption>{name}</figcaption>
                                        </figure>
                                    }
                                }).collect_view()
                            }}
                        </div>
                    </Show>
                    <Show when=move || exported.get()>
                        <div class="actions">
                            <Show when=move || confirming.get() fallback=move || view! {
                                <button type="button" class="secondary" data-testid="staff-reset" on:click=move |_| confirming.set(true)>{s.reset_counts}</button>
                            }>
                                <span role="alert">{s.reset_confirm}</span>
                                <button type="button" class="secondary danger" data-testid="staff-reset-yes" on:click=move |_| delete()>{s.yes}</button>
                                <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{s.no}</button>
                            </Show>
                        </div>
                    </Show>
                    <p role="status">{move || deleted.get().then_some(s.reset_done)}</p>
                    {move || {
                        let all = table();
                        Dim::ALL.into_iter().filter_map(|dim| {
                            let cells: Vec<_> = all.iter().filter(|r| r.dim == dim).collect();
                            let max = u64::from(cells.iter().map(|r| r.shown.bar()).max()?.max(1));
                            Some(view! {
                                <table class="counts" data-dim=dim.id()>
                                    <caption>{title(dim, s)}</caption>
                                    <thead><tr><th scope="col">{s.count_answer}</th><th scope="col">{s.count_number}</th></tr></thead>
                                    <tbody>
                                        {cells.into_iter().map(|r| {
                                            let width = (u64::from(r.shown.bar()) * 100 / max).to_string();
                                            view! {
                                                <tr data-value=r.value.clone()>
                                                    <th scope="row">{label(dim, &r.value, lang, catalog, s)}</th>
                                                    <td>
                                                        <span class="n" dir="ltr">{r.shown.text()}</span>
                                                        <svg class="bar" class:few=r.shown == Shown::UnderTen aria-hidden="true" viewBox="0 0 100 1" preserveAspectRatio="none"><rect height="1" width=width></rect></svg>
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            })
                        }).collect_view()
                    }}
                </div>
            }.into_any()),
        }
    }
}
