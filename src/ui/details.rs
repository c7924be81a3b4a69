//! A program's benefits, steps to apply and website, in the holder's language. They are a table
//! of their own per language (`catalog-<hash>.<lang>-details.txt`): the results' cards never
//! show them, and they were 9.5 KB brotli of the 23 KB a holder downloaded before the first
//! card. The printed sheet, drawn once the first cards are on screen, asks for them, so a holder
//! who then opens a program's page or prints finds them here.

use std::cell::RefCell;

use leptos::prelude::*;

use super::downloads::{Shared, download, retry_failed};
use super::state::use_state;
use super::when::redrawn;
use crate::browser;
use crate::catalog::text_table::{details_file_name, fill_details};
use crate::catalog::{Lang, TEXT_HASH, decoded, details_digest};

/// What a program's page shows and its card does not.
pub struct Detail {
    pub benefits: String,
    pub steps: String,
    pub website: Option<String>,
}

/// Every program's details in one language.
type Loaded = Shared<Detail>;

thread_local! {
    /// One download per language per visit, shared by every reader; "Try again" starts anew.
    static TABLES: RefCell<Vec<(Lang, Loaded)>> = const { RefCell::new(Vec::new()) };
}

/// The details of `lang`'s programs (Darija's are the Arabic ones), downloaded on first use.
pub fn details(lang: Lang) -> Loaded {
    let lang = lang.text_lang();
    if let Some(loaded) =
        TABLES.with_borrow(|t| t.iter().find(|(l, _)| *l == lang).map(|(_, s)| s.clone()))
    {
        return loaded;
    }
    let loaded = Loaded::new(None);
    TABLES.with_borrow_mut(|t| t.push((lang, loaded.clone())));
    fetch(lang, loaded.clone());
    loaded
}

/// "Try again" after a failed download.
pub fn retry(lang: Lang) {
    retry_failed(details(lang), |loaded| fetch(lang.text_lang(), loaded));
}

fn fetch(lang: Lang, into: Loaded) {
    download(into, "program details", async move {
        let file = details_file_name(TEXT_HASH, lang);
        let table = browser::fetch_text(&file, details_digest(lang)).await?;
        let mut c = decoded();
        fill_details(&mut c, lang, &table)?;
        Ok(c.programs
            .into_iter()
            .map(|p| Detail {
                benefits: p.benefits.get(lang).to_string(),
                steps: p.how_to_apply.get(lang).to_string(),
                website: p.website.filter(|w| !w.is_empty()),
            })
            .collect())
    });
}

/// Which of a program's details.
#[derive(Clone, Copy)]
pub enum Part {
    Benefits,
    Steps,
    Website,
}

/// One of a program's details, once its language's table is here; a sentence with "Try again"
/// if it could not be downloaded (the rest of the page does not wait for it).
#[component]
pub fn ProgramDetail(program: usize, part: Part) -> impl IntoView {
    let state = use_state();
    redrawn(move || {
        let lang = state.lang.get();
        match details(lang).get() {
            Some(Ok(all)) => match (all.get(program), part) {
                (Some(d), Part::Benefits) => {
                    view! { <p lang=super::card::text_lang()>{d.benefits.clone()}</p> }.into_any()
                }
                (Some(d), Part::Steps) => {
                    view! { <p lang=super::card::text_lang()>{d.steps.clone()}</p> }.into_any()
                }
                (
                    Some(Detail {
                        website: Some(w), ..
                    }),
                    Part::Website,
                ) => {
                    let link = super::card::external_link(w, w, state.strings());
                    view! { <p>{link}</p> }.into_any()
                }
                _ => ().into_any(),
            },
            // Said once, above the benefits, while on its way or if it failed: the other parts'
            // places stay empty.
            _ if !matches!(part, Part::Benefits) => ().into_any(),
            None => view! { <p aria-busy="true"></p> }.into_any(),
            Some(Err(())) => {
                let s = state.strings();
                view! {
                    <p class="notice" role="status" data-testid="details-unavailable">
                        {s.details_unavailable}" "
                        <button type="button" class="link" on:click=move |_| retry(lang)>{s.retry}</button>
                    </p>
                }
                .into_any()
            }
        }
    })
}
