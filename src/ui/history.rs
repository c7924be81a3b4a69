//! Each screen an entry in the browser's history: Back and Forward step through questions,
//! review, results and program pages; a reload returns to the screen in the fragment; Back
//! from the welcome screen leaves the app (it is the app's first entry).
//!
//! An embed never adds entries: inside an iframe, `pushState` adds entries to the joint
//! session history of the partner's page, so the partner's Back would step through Bousla's
//! questions before leaving their page, and their `history.length` would grow. There the
//! fragment is only replaced (a reload of the frame still returns where the holder was) and
//! the app's own Back buttons move between screens. A kiosk adds entries like a phone; its
//! wipe returns to the first entry.

use std::cell::Cell;

use leptos::prelude::*;

use crate::browser::{self, history};

use super::effect::effect;
use super::state::{AppState, SHARE_PREFIX};

thread_local! {
    /// The next screen change replaces the current entry instead of adding one (the screen
    /// came from the history itself, or the app's Back led somewhere the entry before is not).
    static REPLACE_NEXT: Cell<bool> = const { Cell::new(false) };
    /// "Start over" went back to the first entry: the `popstate` that follows only rewrites it.
    static RESTARTING: Cell<bool> = const { Cell::new(false) };
}

pub fn replace_next() {
    REPLACE_NEXT.set(true);
}

/// Keeps the history in step with the screen, for the page's lifetime.
pub fn install(state: AppState) {
    let adds = !state.config.embed;
    // The entry the page loaded on shows the first screen (and gets the app's state).
    history::loaded();
    history::replace(&state.fragment_of(state.screen.get_untracked()));
    effect(move || {
        let screen = state.screen.get();
        let replace = REPLACE_NEXT.replace(false);
        state.remember(screen);
        if RESTARTING.get() {
            return;
        }
        let fragment = state.fragment_of(screen);
        if browser::fragment().unwrap_or_default() == fragment {
            return;
        }
        if adds && !replace {
            history::push(&fragment);
        } else {
            history::replace(&fragment);
        }
    });
    history::on_pop(move |here| {
        if RESTARTING.replace(false) {
            history::replace(&state.fragment_of(state.screen.get_untracked()));
            return;
        }
        match state.screen_at(&here) {
            Some(screen) => {
                replace_next();
                state.nav().show(screen);
            }
            // A share link pasted into the address bar of the open app: read as on a load,
            // with its question ("Open the shared answers" / "Keep mine") if it must ask.
            None if here.starts_with(SHARE_PREFIX) => history::reload(),
            // Nothing this app wrote (a fragment typed by hand): the screen stays, named.
            None => history::replace(&state.fragment_of(state.screen.get_untracked())),
        }
    });
}

/// "Start over": back to the first entry of this page load, which then shows the welcome
/// screen; the entries after it are dropped by the next screen the holder opens.
/// (An embed adds no entries: it is on its first one already.)
pub fn restart() {
    if history::to_first() {
        RESTARTING.set(true);
    } else {
        history::replace("");
    }
}
