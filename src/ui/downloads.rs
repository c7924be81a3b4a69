//! Tables the app downloads once per visit and every view that shows them shares: a program's
//! details (`details.rs`) and its sources (`sources.rs`). One download at a time per table;
//! "Try again" after a failure starts anew.

use std::future::Future;

use leptos::prelude::*;

use crate::browser;

/// A table downloaded once per visit, in catalog order: `None` while it is on its way.
pub type Shared<T> = ArcRwSignal<Option<Result<&'static [T], ()>>>;

/// Puts what `load` gives in `into` once it is done, or that it failed, which is also said in
/// the console (`what`: the table's name there).
pub fn download<T: Send + Sync + 'static>(
    into: Shared<T>,
    what: &'static str,
    load: impl Future<Output = Result<Vec<T>, String>> + 'static,
) {
    leptos::task::spawn_local(async move {
        let result = match load.await {
            Ok(rows) => Ok(&*Vec::leak(rows)),
            Err(e) => {
                browser::warn(&format!("Bousla: could not load the {what} ({e})"));
                Err(())
            }
        };
        into.set(Some(result));
    });
}

/// "Try again": `fetch` anew if the last download failed.
pub fn retry_failed<T: Send + Sync + 'static>(loaded: Shared<T>, fetch: impl FnOnce(Shared<T>)) {
    if matches!(loaded.get_untracked(), Some(Err(()))) {
        loaded.set(None);
        fetch(loaded);
    }
}
