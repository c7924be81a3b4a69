//! The office staff's screen (with `counts=1`). Five quick taps on the Bousla name in the
//! header, or Ctrl+Alt+Shift+B on a keyboard, ask for the staff code; a wrong code shows
//! nothing but "Wrong code". The right one shows the counts of a chosen period as tables with
//! bars, a CSV download and QR codes; after an export, staff may delete that period's counts.
//! Every number shown or exported obeys the small-count rule (`crate::counts::rule`), and bars
//! are drawn from the numbers shown. The screen closes after the kiosk's idle time (at least a
//! minute) without a touch, and with Escape. All of it is in the `counts` wasm chunk with the
//! counting (`super::counting::office`), which a holder's phone never downloads; the app's
//! first load has only `remember_early_gesture`.

use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::catalog::{
    Area, Catalog, Date, Gender, Lang, LegalForm, Need, Province, Region, Residence, Sector,
    StageKind,
};
use crate::counts::code::StaffCode;
use crate::counts::report::{Period, QR_BYTES, csv, qr_texts, rows, sums};
use crate::counts::store::Store;
use crate::counts::tree::Tree;
use crate::counts::{Dim, UNKNOWN};
use crate::i18n::Label;
use crate::i18n::format::date;
use crate::i18n::strings::{Strings, fill};

use super::app::HEADING_ID;
use super::counting::{STORE_COUNTS, load};
use super::effect::effect;
use super::qr::qr_path;
use super::state::{AppState, use_state};
use super::when::redrawn;

/// Taps on the name, each within this many milliseconds of the first, open the code prompt.
const TAPS: u32 = 5;
const TAP_WINDOW_MS: f64 = 3_000.0;

/// Taps so far and the time of the first.
static TAPPED: Mutex<(u32, f64)> = Mutex::new((0, 0.0));
/// Seconds without a touch while the screen is open.
static IDLE: AtomicU32 = AtomicU32::new(0);
/// Set once the staff's screen (in the counts' chunk) watches the gesture itself.
static WATCHING: AtomicBool = AtomicBool::new(false);
/// The gesture was made before that, while the chunk was on its way: the prompt opens once it
/// is here.
static PRESSED_EARLY: AtomicBool = AtomicBool::new(false);

fn is_shortcut(e: &web_sys::KeyboardEvent) -> bool {
    e.ctrl_key() && e.alt_key() && e.shift_key() && e.code() == "KeyB"
}

/// Counts a touch: true on the fifth quick one on the name (and the count starts again).
fn fifth_tap(e: &web_sys::PointerEvent) -> bool {
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
    let fifth = t.0 >= TAPS;
    if fifth {
        *t = (0, 0.0);
    }
    fifth
}

/// From the app's start on a counting kiosk: remembers the staff's gesture (five taps on the
/// name, or the shortcut) made before the counts' chunk is here, so staff are never ignored;
/// taps made before and after it arrives add up. The only part of the staff's screen in the
/// app's first load.
pub fn remember_early_gesture() {
    let _ = window_event_listener(ev::keydown, |e| {
        if !WATCHING.load(Ordering::Relaxed) && is_shortcut(&e) {
            PRESSED_EARLY.store(true, Ordering::Relaxed);
        }
    });
    let _ = window_event_listener(ev::pointerdown, |e| {
        if !WATCHING.load(Ordering::Relaxed) && fifth_tap(&e) {
            PRESSED_EARLY.store(true, Ordering::Relaxed);
        }
    });
}

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

/// The export's QR codes, each with its text (for checks) and "QR code n of N".
fn qrs(out: &mut Tree, texts: Vec<String>, s: &'static Strings) {
    let total = texts.len().to_string();
    for (i, text) in texts.iter().enumerate() {
        let name = fill(s.qr_part, &[("n", &(i + 1).to_string()), ("total", &total)]);
        if let Some((d, side)) = qr_path(text) {
            out.qr_figure(text, &name, &d, side);
        }
    }
}

/// What the staff's dialog shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Closed,
    /// The code asked.
    Code,
    /// The counts shown.
    Counts,
}

/// The dialog's state: which part is open, and the code prompt's.
#[derive(Clone, Copy)]
struct Dialog {
    open: RwSignal<Open>,
    wrong: RwSignal<bool>,
    typed: RwSignal<String>,
}

impl Dialog {
    fn new() -> Self {
        Self {
            open: RwSignal::new(Open::Closed),
            wrong: RwSignal::new(false),
            typed: RwSignal::new(String::new()),
        }
    }

    fn is_open(self) -> bool {
        self.open.get_untracked() != Open::Closed
    }

    /// Asks for the code, unless the dialog is already open.
    fn ask(self) {
        if !self.is_open() {
            self.open.set(Open::Code);
            browser::focus_after_render("staff-code");
        }
    }

    /// Closes the dialog, forgets what was typed, and gives focus back to the app.
    fn close(self) {
        self.open.set(Open::Closed);
        self.typed.set(String::new());
        self.wrong.set(false);
        browser::focus_after_render(HEADING_ID);
    }

    /// Shows the counts if the typed code is the office's; "Wrong code" otherwise.
    fn submit(self, staff: Option<&StaffCode>) {
        let ok = staff.is_some_and(|c| c.matches(&self.typed.get_untracked()));
        self.typed.set(String::new());
        self.wrong.set(!ok);
        if ok {
            self.open.set(Open::Counts);
            browser::focus_after_render("staff-title");
        }
    }
}

/// What the counts screen shows, beyond the stored counts.
#[derive(Clone, Copy)]
struct CountsView {
    /// Index into `Period::ALL`: this month by default (offices report by month).
    period: RwSignal<u8>,
    /// Bumped when counts are deleted, to read them again.
    version: RwSignal<u32>,
    exported: RwSignal<bool>,
    show_qr: RwSignal<bool>,
    confirming: RwSignal<bool>,
    deleted: RwSignal<bool>,
}

impl CountsView {
    fn new() -> Self {
        Self {
            period: RwSignal::new(3),
            version: RwSignal::new(0),
            exported: RwSignal::new(false),
            show_qr: RwSignal::new(false),
            confirming: RwSignal::new(false),
            deleted: RwSignal::new(false),
        }
    }

    /// Another period: nothing exported from it yet.
    fn choose(self, period: u8) {
        self.period.set(period);
        self.exported.set(false);
        self.show_qr.set(false);
        self.confirming.set(false);
        self.deleted.set(false);
    }

    /// Deletes the chosen period's counts (after an export and a confirmation).
    fn delete(self) {
        let (from, to) =
            Period::ALL[usize::from(self.period.get_untracked())].range(browser::today());
        let mut store = load();
        store.reset(from, to);
        browser::save(STORE_COUNTS, &store.write());
        self.version.update(|v| *v += 1);
        self.exported.set(false);
        self.show_qr.set(false);
        self.confirming.set(false);
        self.deleted.set(true);
    }

    /// A control of the counts screen used, by its id; returns the id to focus once the
    /// screen is drawn again, or `None` when the control closes the dialog or is none of ours.
    fn act(self, id: &str, dialog: Dialog) -> Option<&'static str> {
        Some(match id {
            "staff-csv" => {
                // After the download has started: the link is drawn again.
                let exported = self.exported;
                set_timeout(move || exported.set(true), Duration::ZERO);
                "staff-csv"
            }
            "staff-show-qr" => {
                self.show_qr.set(true);
                self.exported.set(true);
                "staff-show-qr"
            }
            "staff-close" => {
                dialog.close();
                return None;
            }
            "staff-reset" => {
                self.confirming.set(true);
                "staff-reset-no"
            }
            "staff-reset-no" => {
                self.confirming.set(false);
                "staff-reset"
            }
            "staff-reset-yes" => {
                self.delete();
                "staff-title"
            }
            _ => return None,
        })
    }
}

/// Opens the code prompt on five quick taps on the name or Ctrl+Alt+Shift+B; closes the
/// dialog on Escape and after `idle_limit` seconds without a touch.
fn watch_for_staff(dialog: Dialog, idle_limit: u32) {
    let _ = window_event_listener(ev::pointerdown, move |e| {
        IDLE.store(0, Ordering::Relaxed);
        if fifth_tap(&e) {
            dialog.ask();
        }
    });
    let _ = window_event_listener(ev::keydown, move |e| {
        IDLE.store(0, Ordering::Relaxed);
        if is_shortcut(&e) {
            dialog.ask();
        } else if e.key() == "Escape" && dialog.is_open() {
            dialog.close();
        }
    });
    let _ = set_interval_with_handle(
        move || {
            if dialog.is_open() && IDLE.fetch_add(1, Ordering::Relaxed) + 1 >= idle_limit {
                dialog.close();
            }
        },
        Duration::from_secs(1),
    );
}

#[component]
pub fn StaffScreen() -> impl IntoView {
    let state = use_state();
    let dialog = Dialog::new();
    watch_for_staff(dialog, state.config.idle_seconds.max(60));
    WATCHING.store(true, Ordering::Relaxed);
    if PRESSED_EARLY.swap(false, Ordering::Relaxed) {
        dialog.ask();
    }
    redrawn(move || match dialog.open.get() {
        Open::Closed => ().into_any(),
        Open::Code => view! { <CodePrompt dialog/> }.into_any(),
        Open::Counts => view! { <CountsScreen dialog/> }.into_any(),
    })
}

/// The staff code, asked before anything is shown.
#[component]
fn CodePrompt(dialog: Dialog) -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let Dialog { wrong, typed, .. } = dialog;
    view! {
        <div class="staff" role="dialog" aria-modal="true" aria-labelledby="staff-title" data-testid="staff">
            <h2 id="staff-title" tabindex="-1">{s.staff_title}</h2>
            <form class="typed" on:submit=move |ev| {
                ev.prevent_default();
                dialog.submit(state.config.staff.as_ref());
            }>
                <label for="staff-code">{s.staff_code}</label>
                <input id="staff-code" type="password" autocomplete="off" dir="ltr"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))
                    aria-describedby="staff-wrong"/>
                <p id="staff-wrong" class="error" role="alert" data-testid="staff-wrong">{move || wrong.get().then_some(s.wrong_code)}</p>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="staff-open">{s.staff_open}</button>
                    <button type="button" class="secondary" data-testid="staff-close" on:click=move |_| dialog.close()>{s.close}</button>
                </div>
            </form>
        </div>
    }
}

/// The counts screen, drawn from a tree of elements and texts (`counts::tree`, made into DOM
/// nodes by `browser::dom`, never parsed as HTML) whenever what it shows changes; its controls
/// are handled here, by id, and keyboard focus returns to the control used once the screen is
/// drawn again.
#[component]
fn CountsScreen(dialog: Dialog) -> impl IntoView {
    let state = use_state();
    let view = CountsView::new();
    let host = NodeRef::<leptos::html::Div>::new();
    effect(move || {
        if let Some(div) = host.get() {
            browser::dom::replace_children(&div, &counts_tree(state, view).0);
        }
    });
    let on_click = move |e: ev::MouseEvent| {
        let control = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a, button").ok().flatten());
        if let Some(focus) = control.and_then(|el| view.act(&el.id(), dialog)) {
            browser::focus_after_render(focus);
        }
    };
    let on_change = move |e: ev::Event| {
        view.choose(event_target_value(&e).parse().unwrap_or(3));
        browser::focus_after_render("staff-period");
    };
    view! {
        <div class="staff" role="dialog" aria-modal="true" aria-labelledby="staff-title" data-testid="staff-counts"
            node_ref=host on:click=on_click on:change=on_change></div>
    }
}

/// The counts screen's tree: title and rule, the period, the exports, deleting, the tables.
fn counts_tree(state: AppState, view: CountsView) -> Tree {
    let lang = state.lang.get();
    let s = state.strings();
    let catalog = state.catalog.get();
    view.version.track();
    let p = usize::from(view.period.get());
    let (from, to) = Period::ALL[p].range(browser::today());
    let store = load();
    let all = rows(&sums(&store, from, to));
    let name = |d: Dim, v: &str| label(d, v, lang, catalog, s);
    let mut out = Tree::default();
    heading(&mut out, &store, lang, s);
    period_choice(&mut out, p, s);
    out.open("p")
        .attr("data-testid", "staff-range")
        .text(&fill(
            s.from_to,
            &[("from", &date(lang, from)), ("to", &date(lang, to))],
        ))
        .close();
    let csv_text = csv(&all, from, to, name);
    exports(&mut out, &csv_text, (from, to), s);
    if view.show_qr.get() {
        out.open("div").attr("class", "staff-qrs");
        qrs(&mut out, qr_texts(&all, from, to, QR_BYTES), s);
        out.close();
    }
    if view.exported.get() {
        deleting(&mut out, view.confirming.get(), s);
    }
    out.open("p")
        .attr("role", "status")
        .text(if view.deleted.get() { s.reset_done } else { "" })
        .close();
    out.tables(
        &all,
        [s.count_answer, s.count_number],
        &|dim| title(dim, s),
        &name,
    );
    out
}

/// The title, the small-count rule, and a notice when old counts were discarded.
fn heading(out: &mut Tree, store: &Store, lang: Lang, s: &'static Strings) {
    out.open("h2")
        .attr("id", "staff-title")
        .attr("tabindex", "-1")
        .text(s.staff_title)
        .close()
        .leaf("p", s.counts_rule);
    if let Some((d, _)) = store.discarded {
        out.open("p")
            .attr("class", "notice")
            .attr("role", "status")
            .attr("data-testid", "staff-discarded")
            .text(&fill(s.counts_discarded, &[("date", &date(lang, d))]))
            .close();
    }
}

/// The period's label and list, `chosen` selected.
fn period_choice(out: &mut Tree, chosen: usize, s: &'static Strings) {
    out.open("label")
        .attr("for", "staff-period")
        .text(s.period)
        .close()
        .open("select")
        .attr("id", "staff-period")
        .attr("data-testid", "staff-period");
    for i in 0..Period::ALL.len() {
        out.open("option").attr("value", &i.to_string());
        if i == chosen {
            out.attr("selected", "");
        }
        out.text(period_name(i, s)).close();
    }
    out.close();
}

/// The CSV download, "show QR codes" and Close.
fn exports(out: &mut Tree, csv_text: &str, (from, to): (Date, Date), s: &'static Strings) {
    out.open("div")
        .attr("class", "actions")
        .open("a")
        .attr("id", "staff-csv")
        .attr("class", "button secondary")
        .attr("data-testid", "staff-csv")
        .attr("download", &format!("bousla-counts-{from}-{to}.csv"))
        .attr("href", &data_url(csv_text))
        .text(s.download_csv)
        .close()
        .button("staff-show-qr", "", s.show_qr)
        .button("staff-close", "", s.close)
        .close();
}

/// After an export: delete the period's counts, asked twice.
fn deleting(out: &mut Tree, confirming: bool, s: &'static Strings) {
    out.open("div").attr("class", "actions");
    if confirming {
        out.open("span")
            .attr("role", "alert")
            .text(s.reset_confirm)
            .close()
            .button("staff-reset-yes", " danger", s.yes)
            .button("staff-reset-no", "", s.no);
    } else {
        out.button("staff-reset", "", s.reset_counts);
    }
    out.close();
}
