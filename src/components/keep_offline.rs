//! "Keep for offline": saves every page of an article, in every language,
//! through the offline worker, and says how much that holds on the device.

use crate::api;
use folio_model::offline::{self, article_files, article_key};
use folio_model::{Article, Mode};
use leptos::prelude::*;
use std::sync::Arc;

/// Where a keep stands.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Keep {
    /// Not kept (it may still hold the pages read).
    No,
    Saving,
    /// Kept, holding this many bytes.
    Kept(u64),
    /// This many files did not download (or the worker did not answer).
    Failed(usize),
}

/// The button, only where the offline worker controls the page (never in
/// an embed, never on a browser without workers): elsewhere it could not
/// keep its word.
#[component]
pub fn KeepOffline(article: Arc<Article>, mode: Mode) -> impl IntoView {
    if !crate::dom::offline::use_offline_worker() {
        return ().into_any();
    }
    let o = offline::strings(mode.ui_lang());
    let key = article_key(&article.slug);
    let state = RwSignal::new(Keep::No);
    // Already kept, from an earlier visit: say so.
    {
        let key = key.clone();
        leptos::task::spawn_local(async move {
            if let Ok(list) = api::saved().await {
                if let Some(s) = list.items.iter().find(|s| s.key == key && s.kept) {
                    if state.try_get_untracked() == Some(Keep::No) {
                        state.try_set(Keep::Kept(s.bytes));
                    }
                }
            }
        });
    }
    let keep = move |_| {
        if state.get_untracked() == Keep::Saving {
            return;
        }
        state.set(Keep::Saving);
        let (key, files) = (key.clone(), article_files(&article));
        leptos::task::spawn_local(async move {
            // `try_`: the reader may have left the article meanwhile.
            state.try_set(match api::keep(&key, &files).await {
                Ok(k) if k.failed == 0 => Keep::Kept(k.bytes),
                Ok(k) => Keep::Failed(k.failed),
                Err(_) => Keep::Failed(files.len()),
            });
        });
    };
    let label = move || match state.get() {
        Keep::Saving => o.keeping.to_owned(),
        Keep::Kept(bytes) => (o.kept)(&offline::size(bytes)),
        Keep::No | Keep::Failed(_) => o.keep.to_owned(),
    };
    let problem = move || match state.get() {
        Keep::Failed(n) => (o.keep_failed)(n),
        _ => String::new(),
    };
    view! {
        // Not a toggle (pressing it again saves afresh, it does not
        // unkeep), so no aria-pressed: its label says where it stands.
        <button type="button" class="keep-offline"
            data-kept=move || matches!(state.get(), Keep::Kept(_)).then_some("")
            aria-disabled=move || (state.get() == Keep::Saving).to_string()
            on:click=keep>
            {label}
        </button>
        <span class="keep-status" role="status">{problem}</span>
    }
    .into_any()
}
