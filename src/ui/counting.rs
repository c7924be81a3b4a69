//! Office counts on a kiosk (`counts=1`): each counted step of a holder's visit, and their
//! answers once they see the results, added to the day's counters in localStorage at once —
//! read, added, written back — so a reload, a second tab or the idle wipe loses or doubles
//! nothing. Only sums are written (see `crate::counts`); the answers themselves are wiped as on
//! any kiosk. This and the staff's screen are the `counts` wasm chunk (`office`), which only a
//! kiosk with counts fetches; the rest of the app reaches it through `new_holder` and `saw_qr`,
//! which hold no counting code.

use std::sync::Mutex;

use leptos::ev;
use leptos::prelude::*;

use crate::browser;
use crate::counts::store::Store;
use crate::counts::{Activity, Dim, TOP, answer_keys, key, top_keys};

use super::chunk::in_chunk;
use super::effect::effect;
use super::staff::StaffScreen;
use super::state::{Screen, use_state};

pub const STORE_COUNTS: &str = "bousla.counts";

/// What this holder has been counted for: each counter at most once per holder.
struct Done {
    on: bool,
    steps: [bool; 4],
    opened: Vec<String>,
    /// How the share panel (in another chunk) has the QR code counted: set once counting is
    /// here, so that chunk does not take the counting's code with it.
    on_qr: Option<fn()>,
}

static DONE: Mutex<Done> = Mutex::new(Done {
    on: false,
    steps: [false; 4],
    opened: Vec::new(),
    on_qr: None,
});

fn done() -> std::sync::MutexGuard<'static, Done> {
    // Never poisoned: a panic aborts the wasm.
    DONE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The stored counters. Unreadable lines are dropped, noted for staff and the cleaned text
/// written back at once: noted once, and never read (or counted) twice.
pub fn load() -> Store {
    let Some(text) = browser::load(STORE_COUNTS) else {
        return Store::default();
    };
    let (mut store, dropped) = Store::read(&text);
    if dropped > 0 {
        browser::warn(&format!(
            "Bousla: {dropped} unreadable line(s) of office counts discarded"
        ));
        store.note_discarded(browser::today(), dropped);
        browser::save(STORE_COUNTS, &store.write());
    }
    store
}

fn add(keys: &[String]) {
    let mut store = load();
    store.add(browser::today(), keys);
    browser::save(STORE_COUNTS, &store.write());
}

/// Counts a step once for this holder, with any keys that go with it.
fn step(a: Activity, more: impl FnOnce() -> Vec<String>) {
    let mut d = done();
    let i = a as usize;
    if !d.on || d.steps[i] {
        return;
    }
    d.steps[i] = true;
    drop(d);
    let mut keys = vec![a.key()];
    keys.extend(more());
    add(&keys);
}

/// The next holder: start over or the kiosk's wipe.
pub fn new_holder() {
    let mut d = done();
    d.steps = [false; 4];
    d.opened.clear();
}

/// The share QR code came on screen.
pub fn saw_qr() {
    let on_qr = done().on_qr;
    if let Some(count) = on_qr {
        count();
    }
}

in_chunk!(
    counts,
    preload_counts,
    /// Office counts and the staff's screen, for a kiosk with `counts=1`.
    pub fn office() {
        view! { <Counting/><StaffScreen/> }
    }
);

/// Counts the visit's steps as they happen. Mounted only when the office turned counts on.
#[component]
fn Counting() -> impl IntoView {
    let state = use_state();
    {
        let mut d = done();
        d.on = true;
        d.on_qr = Some(|| step(Activity::Qr, Vec::new));
    }
    effect(move || match state.screen.get() {
        Screen::Ask { .. } => step(Activity::Started, Vec::new),
        Screen::Results => step(Activity::Results, || {
            let mut keys = state.profile.with_untracked(answer_keys);
            // The first programs as the page lists them: for what the holder needs, then also
            // open to them, a partner's featured programs first in each.
            let featured = state.config.featured.as_deref();
            let ids: Vec<String> = state.ranking().with_untracked(|r| {
                [&r.fits, &r.also_open]
                    .into_iter()
                    .flat_map(|group| {
                        // A stable partition: the featured provider's programs first.
                        let first = |x: &&crate::engine::Ranked| {
                            featured.is_some_and(|f| x.program.provider == f)
                        };
                        let ids = group.iter().filter(first);
                        ids.chain(group.iter().filter(|x| !first(x)))
                            .map(|x| x.program.id.clone())
                            .collect::<Vec<_>>()
                    })
                    .take(TOP)
                    .collect()
            });
            keys.extend(top_keys(ids.iter().map(String::as_str)));
            keys
        }),
        Screen::Detail(i) => {
            let Some(id) = state.catalog().programs.get(i).map(|p| p.id.clone()) else {
                return;
            };
            let mut d = done();
            if d.on && !d.opened.contains(&id) {
                d.opened.push(id.clone());
                drop(d);
                add(&[key(Dim::Opened, &id)]);
            }
        }
        _ => {}
    });
    let _ = window_event_listener(ev::beforeprint, |_| step(Activity::Printed, Vec::new));
}
