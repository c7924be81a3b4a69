//! Read-aloud glue: `speechSynthesis` with a voice on the device only (the choice is
//! `i18n::speech::voice_rank`'s). Tolerates a browser without it (no voice, nothing spoken)
//! and voices that arrive late (`voiceschanged`).

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::i18n::speech::voice_rank;

#[derive(Default)]
struct Speech {
    /// The voice chosen per language (a primary subtag), `None` when there is none; emptied
    /// when the list of voices changes.
    voices: Vec<(&'static str, Option<SpeechSynthesisVoice>)>,
    /// What is being spoken, kept until it ends: a browser may drop an utterance's events once
    /// nothing refers to it.
    utterances: Vec<SpeechSynthesisUtterance>,
    /// Ends the current speech (last utterance ended, or one failed).
    ended: Option<Closure<dyn FnMut()>>,
}

thread_local! {
    static SPEECH: RefCell<Speech> = RefCell::new(Speech::default());
}

/// `window.speechSynthesis`, where there is one (read through Reflect: it may be missing).
fn synth() -> Option<SpeechSynthesis> {
    let w = web_sys::window()?;
    let s = js_sys::Reflect::get(&w, &"speechSynthesis".into()).ok()?;
    s.is_object().then(|| s.unchecked_into())
}

/// Starts listening for voices: `on_change` runs whenever the browser's list changes (Chrome
/// fills it after the page loads). Also silences whatever an earlier page left speaking.
pub fn init(on_change: impl Fn() + 'static) {
    let Some(s) = synth() else { return };
    s.cancel();
    let changed = Closure::<dyn FnMut()>::new(move || {
        SPEECH.with_borrow_mut(|sp| sp.voices.clear());
        on_change();
    });
    let _ = s.add_event_listener_with_callback("voiceschanged", changed.as_ref().unchecked_ref());
    // For the page's lifetime.
    changed.forget();
    // Asking for the list makes Chrome start loading it.
    let _ = s.get_voices();
    if let Some(w) = web_sys::window() {
        let hide = Closure::<dyn FnMut()>::new(stop);
        let _ = w.add_event_listener_with_callback("pagehide", hide.as_ref().unchecked_ref());
        hide.forget();
    }
}

/// The best local voice for `want`, looked up once per list of voices.
fn voice(want: &'static str) -> Option<SpeechSynthesisVoice> {
    if let Some(found) = SPEECH.with_borrow(|sp| {
        sp.voices
            .iter()
            .find(|(w, _)| *w == want)
            .map(|(_, v)| v.clone())
    }) {
        return found;
    }
    let list = synth()?.get_voices();
    let mut best: Option<(u8, SpeechSynthesisVoice)> = None;
    // Linux's speech-dispatcher lists thousands of voices: the language first, the rest only
    // for those that speak it.
    for v in list.iter() {
        let v: SpeechSynthesisVoice = v.unchecked_into();
        let lang = v.lang();
        if voice_rank(want, &lang, true, true).is_none() {
            continue;
        }
        if let Some(rank) = voice_rank(want, &lang, v.local_service(), v.default())
            && best.as_ref().is_none_or(|(b, _)| rank > *b)
        {
            best = Some((rank, v));
        }
    }
    let found = best.map(|(_, v)| v);
    // An empty list is not cached: voices may still be on their way.
    if list.length() > 0 {
        SPEECH.with_borrow_mut(|sp| sp.voices.push((want, found.clone())));
    }
    found
}

/// Whether a local voice speaks `want`.
pub fn has_voice(want: &'static str) -> bool {
    voice(want).is_some()
}

/// Speaks `parts` in turn with the local voice for `want`, after stopping whatever was being
/// said; `on_end` runs once when the last part has been spoken or speaking failed (not after
/// [`stop`]). False, and nothing spoken, without a local voice.
pub fn speak(
    want: &'static str,
    parts: &[String],
    rate: f32,
    on_end: impl FnOnce() + 'static,
) -> bool {
    stop();
    let (Some(s), Some(voice)) = (synth(), voice(want)) else {
        return false;
    };
    let lang = voice.lang();
    let mut on_end = Some(on_end);
    let ended = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = on_end.take() {
            // The utterances go; this closure stays until the next speech or stop (a closure
            // cannot drop itself while it runs).
            SPEECH.with_borrow_mut(|sp| sp.utterances.clear());
            f();
        }
    });
    let mut utterances = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        let Ok(u) = SpeechSynthesisUtterance::new_with_text(part) else {
            continue;
        };
        u.set_voice(Some(&voice));
        u.set_lang(&lang);
        u.set_rate(rate);
        u.set_onerror(Some(ended.as_ref().unchecked_ref()));
        if i + 1 == parts.len() {
            u.set_onend(Some(ended.as_ref().unchecked_ref()));
        }
        utterances.push(u);
    }
    if utterances.is_empty() {
        return false;
    }
    for u in &utterances {
        s.speak(u);
    }
    SPEECH.with_borrow_mut(|sp| {
        sp.utterances = utterances;
        sp.ended = Some(ended);
    });
    true
}

/// Stops speaking; the stopped speech's `on_end` does not run.
pub fn stop() {
    let (utterances, ended) =
        SPEECH.with_borrow_mut(|sp| (std::mem::take(&mut sp.utterances), sp.ended.take()));
    // Handlers off first: `cancel` fires "interrupted" errors, which would end the next speech.
    for u in &utterances {
        u.set_onend(None);
        u.set_onerror(None);
    }
    if let Some(s) = synth() {
        s.cancel();
    }
    drop(ended);
}
