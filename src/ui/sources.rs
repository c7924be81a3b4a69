//! A program's sources on its page. They are a table of their own (`catalog-<hash>.sources.txt`,
//! the same in every language), downloaded the first time a holder opens a program's page:
//! the results never show them, and they were a third of each language's first download.

use std::cell::Cell;

use leptos::prelude::*;

use super::card::external_link;
use super::state::use_state;
use crate::browser;
use crate::catalog::schema::Source;
use crate::catalog::{SOURCES_DIGEST, TEXT_HASH, embedded, text_table};
use crate::i18n::format::date;

/// Every program's sources, in catalog order.
type All = &'static [Vec<Source>];

thread_local! {
    /// Downloaded and checked once per visit.
    static LOADED: Cell<Option<All>> = const { Cell::new(None) };
}

async fn load() -> Result<All, String> {
    if let Some(all) = LOADED.get() {
        return Ok(all);
    }
    let decoded = browser::fetch_text(&text_table::sources_file_name(TEXT_HASH), SOURCES_DIGEST)
        .await
        .and_then(|table| {
            let mut c = embedded().clone();
            text_table::fill_sources(&mut c, &table).map(|()| c)
        });
    // Said once per attempt, not on every redraw of the notice.
    let c = decoded
        .inspect_err(|e| browser::warn(&format!("Bousla: could not load the sources ({e})")))?;
    let all: All = Vec::leak(c.programs.into_iter().map(|p| p.sources).collect());
    LOADED.set(Some(all));
    Ok(all)
}

/// The list of the program's sources, once its table is here; a sentence with "Try again" if it
/// could not be downloaded (the rest of the page does not wait for it).
#[component]
pub fn ProgramSources(program: usize) -> impl IntoView {
    let state = use_state();
    let sources = LocalResource::new(load);
    let list = move |all: All| {
        let (lang, s) = (state.lang.get(), state.strings());
        let items = all
            .get(program)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(move |src| {
                let label = src
                    .title
                    .clone()
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| src.url.clone());
                let when = src
                    .date
                    .map(|d| format!(" ({})", date(lang, d)))
                    .unwrap_or_default();
                view! { <li>{external_link(&src.url, &label, s)}{when}</li> }
            });
        view! { <ul class="sources" data-testid="sources">{items.collect_view()}</ul> }.into_any()
    };
    move || match sources.get() {
        None => view! { <p class="sources" aria-busy="true"></p> }.into_any(),
        Some(Ok(all)) => list(all),
        Some(Err(_)) => {
            let s = state.strings();
            view! {
                <p class="notice" role="status" data-testid="sources-unavailable">
                    {s.sources_unavailable}" "
                    <button type="button" class="link" on:click=move |_| sources.refetch()>{s.retry}</button>
                </p>
            }
            .into_any()
        }
    }
}
