//! A program's sources on its page. They are a table of their own (`catalog-<hash>.sources.txt`,
//! the same in every language), downloaded the first time a holder opens a program's page:
//! the results never show them, and they were a third of each language's first download.

use std::cell::RefCell;

use leptos::prelude::*;

use super::card::external_link;
use super::downloads::{Shared, download, retry_failed};
use super::state::use_state;
use crate::browser;
use crate::catalog::schema::Source;
use crate::catalog::{SOURCES_DIGEST, TEXT_HASH, decoded, text_table};
use crate::i18n::format::date;

thread_local! {
    /// One download per visit, shared by every program's page; "Try again" starts anew.
    static TABLE: RefCell<Option<Shared<Vec<Source>>>> = const { RefCell::new(None) };
}

/// Every program's sources, downloaded on first use.
fn sources() -> Shared<Vec<Source>> {
    if let Some(loaded) = TABLE.with_borrow(Clone::clone) {
        return loaded;
    }
    let loaded = Shared::new(None);
    TABLE.set(Some(loaded.clone()));
    fetch(loaded.clone());
    loaded
}

fn fetch(into: Shared<Vec<Source>>) {
    download(into, "sources", async {
        let file = text_table::sources_file_name(TEXT_HASH);
        let table = browser::fetch_text(&file, SOURCES_DIGEST).await?;
        let mut c = decoded();
        text_table::fill_sources(&mut c, &table)?;
        Ok(c.programs.into_iter().map(|p| p.sources).collect())
    });
}

/// The list of the program's sources, once its table is here; a sentence with "Try again" if it
/// could not be downloaded (the rest of the page does not wait for it).
#[component]
pub fn ProgramSources(program: usize) -> impl IntoView {
    let state = use_state();
    let list = move |all: &'static [Vec<Source>]| {
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
    move || match sources().get() {
        None => view! { <p class="sources" aria-busy="true"></p> }.into_any(),
        Some(Ok(all)) => list(all),
        Some(Err(_)) => {
            let s = state.strings();
            view! {
                <p class="notice" role="status" data-testid="sources-unavailable">
                    {s.sources_unavailable}" "
                    <button type="button" class="link" on:click=move |_| retry_failed(sources(), fetch)>{s.retry}</button>
                </p>
            }
            .into_any()
        }
    }
}
