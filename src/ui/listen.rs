//! The "listen" button: reads a question, the results or a program aloud with a voice on the
//! device (what is said: `i18n::speech`; the browser side: `browser::speech`). Absent where the
//! device has no local voice for the language. One speech at a time: another listen, a second
//! tap, leaving the screen and the kiosk's wipe stop it.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use crate::browser::speech as voice;
use crate::i18n::speech::{RATE, voice_lang};

use super::flag;
use super::state::use_state;
use super::when::when;

/// Shared by every listen button.
#[derive(Clone, Copy)]
pub struct Listen {
    /// Bumped when the browser's list of voices changes (voices arrive after the page loads).
    voices: RwSignal<u32>,
    /// The speech under way (each tap gets a new number), 0 when silent.
    playing: RwSignal<u32>,
    taps: StoredValue<u32>,
}

impl Listen {
    /// Stops speaking (a kiosk's wipe, a second tap).
    pub fn stop(self) {
        voice::stop();
        self.playing.try_set(0);
    }
}

/// Sets up read-aloud for the app; once, in the app's root.
pub fn provide() {
    let listen = Listen {
        voices: RwSignal::new(0),
        playing: RwSignal::new(0),
        taps: StoredValue::new(0),
    };
    let _ = LISTEN.set(listen);
    voice::init(move || {
        listen.voices.try_update(|v| *v = v.wrapping_add(1));
    });
}

/// Read-aloud's shared state, once per page (a static for the reason `state::use_state` gives).
static LISTEN: OnceLock<Listen> = OnceLock::new();

#[inline(never)]
pub fn use_listen() -> Listen {
    *LISTEN
        .get()
        .expect("read-aloud is set up before any screen")
}

/// What a listen button says, built when it is tapped.
pub type Parts = Arc<dyn Fn() -> Vec<String> + Send + Sync>;

/// A listen button named `label` (e.g. "Listen to the question"; it contains the visible word
/// "Listen"), speaking what `parts` gives when tapped: each part in turn, in the interface's
/// language. Pressed while it speaks; a second tap stops. Stops when it leaves the page.
/// (One function for every button, not generic: the wasm holds its view once.)
pub fn listen_button(label: String, parts: Parts) -> impl IntoView {
    let state = use_state();
    let listen = use_listen();
    let want = voice_lang(state.lang.get_untracked());
    let mine = StoredValue::new(0u32);
    let active = move || {
        let now = listen.playing.get();
        now != 0 && now == mine.get_value()
    };
    on_cleanup(move || {
        let now = listen.playing.try_get_untracked().unwrap_or(0);
        if now != 0 && Some(now) == mine.try_get_value() {
            listen.stop();
        }
    });
    let available = move || {
        listen.voices.track();
        want.is_some_and(voice::has_voice)
    };
    let word = state.strings().listen;
    let tap = move |parts: &dyn Fn() -> Vec<String>| {
        if active() {
            listen.stop();
            return;
        }
        let Some(want) = want else { return };
        let tap = listen.taps.get_value().wrapping_add(1).max(1);
        listen.taps.set_value(tap);
        mine.set_value(tap);
        let done = move || {
            if listen.playing.try_get_untracked() == Some(tap) {
                listen.playing.try_set(0);
            }
        };
        let started = voice::speak(want, &parts(), RATE, done);
        listen.playing.set(if started { tap } else { 0 });
    };
    view! {
        {when(available, move || {
                let parts = parts.clone();
                view! {
                    <button
                        type="button"
                        class="listen"
                        data-testid="listen"
                        aria-label=label.clone()
                        aria-pressed=move || flag(active())
                        on:click=move |_| tap(&*parts)
                    >
                        <span class="icon" aria-hidden="true">{move || if active() { "⏹️" } else { "🔊" }}</span>
                        <span>{word}</span>
                    </button>
                }
            })}
    }
}
