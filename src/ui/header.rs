//! Language choice (always visible; the words of a language other than Arabic are downloaded
//! when it is first wanted, see `AppState::set_lang`) and "start over".

use leptos::prelude::*;

use crate::catalog::Lang;
use crate::i18n::words;

use super::flag;
use super::state::{Notice, Screen, use_state};
use super::when::{redrawn, when, when_else};

#[component]
pub fn Header() -> impl IntoView {
    let state = use_state();
    let confirming = RwSignal::new(false);
    let lang_button = move |lang: Lang, name: &'static str| {
        view! {
            <button
                type="button"
                class="lang"
                data-lang=lang.code()
                lang=lang.code()
                aria-pressed=move || flag(state.lang.get() == lang)
                on:click=move |_| state.set_lang(lang)
            >
                {name}
            </button>
        }
    };
    view! {
        <header class="top">
            <span class="brand" aria-hidden="true">"🧭 "{move || state.strings().app_name}</span>
            <nav class="langs" aria-label=move || state.strings().language>
                {lang_button(Lang::Ar, "العربية")}
                {lang_button(Lang::Ary, "الدارجة")}
                {lang_button(Lang::Fr, "Français")}
                {lang_button(Lang::En, "English")}
            </nav>
            // A language chosen but not downloaded: tapping it again tries again. French and
            // English say so in their own words (what failed are those words); Darija in the
            // interface's.
            {redrawn(move || match state.notice.get() {
                Some(Notice::LangUnavailable(lang)) => match words::unavailable(lang) {
                    Some(text) => view! {
                        <p class="notice" role="alert" data-testid="lang-failed" lang=lang.code() dir=lang.dir()>{text}</p>
                    }.into_any(),
                    None => view! {
                        <p class="notice" role="alert" data-testid="lang-failed">{state.strings().lang_unavailable}</p>
                    }.into_any(),
                },
                _ => ().into_any(),
            })}
            {when(move || state.screen.get() != Screen::Welcome || state.has_answers(), move || view! {
                <div class="restart">
                    {when_else(
                        move || confirming.get(),
                        move || view! {
                        <span role="alert">{move || state.strings().start_over_confirm}</span>
                        " "
                        <button type="button" class="link danger" data-testid="confirm-start-over" on:click=move |_| {
                            confirming.set(false);
                            state.start_over();
                        }>{move || state.strings().yes}</button>
                        " "
                        <button type="button" class="link" on:click=move |_| confirming.set(false)>{move || state.strings().no}</button>
                        },
                        move || view! {
                            <button type="button" class="link" data-testid="start-over" on:click=move |_| confirming.set(true)>
                                {move || state.strings().start_over}
                            </button>
                        },
                    )}
                </div>
            })}
        </header>
    }
}
