//! Kiosk mode: after a spell without touch or key, a visible countdown, then everything is
//! wiped and the welcome screen returns for the next person.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::i18n::plural::counted;

use super::state::{Screen, use_state};
use super::when::when;

/// Seconds of warning before the wipe (half the timeout when that is shorter).
const WARNING_SECONDS: u32 = 20;

#[component]
pub fn IdleGuard() -> impl IntoView {
    let state = use_state();
    let listen = super::listen::use_listen();
    let timeout = state.config.idle_seconds;
    let left = RwSignal::new(timeout);
    let reset = move || left.set(timeout);
    let _ = window_event_listener(ev::pointerdown, move |_| reset());
    let _ = window_event_listener(ev::keydown, move |_| reset());
    let _ = window_event_listener(ev::scroll, move |_| reset());
    let _ = set_interval_with_handle(
        move || {
            let idle = state.screen.get_untracked() == Screen::Welcome && !state.has_answers();
            if idle {
                left.set(timeout);
                return;
            }
            let next = left.get_untracked().saturating_sub(1);
            if next == 0 {
                // Silent for the next person, whatever screen the wipe leaves.
                listen.stop();
                state.start_over();
                left.set(timeout);
            } else {
                left.set(next);
            }
        },
        Duration::from_secs(1),
    );
    let warning = WARNING_SECONDS.min(timeout / 2).max(1);
    view! {
        {when(move || left.get() <= warning, move || view! {
            <div class="idle" role="alertdialog" aria-live="assertive" aria-labelledby="idle-text" data-testid="idle-countdown">
                <p id="idle-text">{move || counted(state.lang.get(), state.strings().idle_warning, u64::from(left.get()), &[])}</p>
                <button type="button" class="primary" on:click=move |_| reset()>{move || state.strings().keep_going}</button>
            </div>
        })}
    }
}
