//! "Keep for offline": saves every page of an article, in every language,
//! through the offline worker, and says how much that holds on the device.
//!
//! Only a reader whose page the worker served ever sees it (a return
//! visit; `dom::offline`), so its code, and the saved list's, are a chunk
//! of their own (`offline`, `chunk.rs`), out of every first visit's
//! download and work, even after the worker takes over mid-visit. The
//! worker saved that chunk with the rest of the deploy's code when it
//! installed, so it loads from the device, also offline. Until it has, the
//! button is drawn inert, the same size: nothing moves when it comes alive.

use crate::api;
use crate::chunk::{build, code};
use folio_model::offline::{self, article_files, article_key};
use folio_model::{Article, Mode};
use leptos::prelude::*;
use std::sync::Arc;

/// The button, only where the offline worker controls the page (never in
/// an embed, never on a browser without workers): elsewhere it could not
/// keep its word.
#[component]
pub fn KeepOffline(article: Arc<Article>, mode: Mode) -> impl IntoView {
    if !crate::dom::offline::use_offline_worker() {
        return ().into_any();
    }
    let code = code(OFFLINE, load_offline);
    let keep = offline::strings(mode.ui_lang()).keep;
    (move || match code.get() {
        Some(Ok(())) => build(offline_view(Part::Keep(article.clone()), mode)),
        // Not loaded yet (or not at all: the button would not work).
        _ => Some(view! { <button type="button" class="keep-offline" aria-disabled="true">{keep}</button> }.into_any()),
    })
    .into_any()
}

/// What is saved on this device, as the offline view's way on: the list,
/// from the chunk, where the worker controls the page; else a note that
/// nothing can be saved here.
pub fn saved_list(mode: Mode) -> AnyView {
    if !crate::dom::offline::use_offline_worker() {
        let o = offline::strings(mode.ui_lang());
        return view! { <section class="saved-list"><h2>{o.saved_heading}</h2><p class="saved-none">{o.unavailable}</p></section> }
            .into_any();
    }
    let code = code(OFFLINE, load_offline);
    (move || match code.get() {
        Some(Ok(())) => build(offline_view(Part::Saved, mode)),
        _ => None,
    })
    .into_any()
}

/// A part of the offline chunk's view.
pub enum Part {
    /// The button for this article.
    Keep(Arc<Article>),
    /// The list of what is saved, as a way on (not removable).
    Saved,
}

crate::split_point! {
    /// The offline controls, for pages the worker controls.
    offline as OFFLINE, load_offline,
    fn offline_view(part: Part, mode: Mode) -> AnyView {
        match part {
            Part::Keep(article) => view! { <KeepButton article mode/> }.into_any(),
            Part::Saved => view! { <crate::components::saved_list::SavedList mode removable=false/> }.into_any(),
        }
    }
}

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

#[component]
fn KeepButton(article: Arc<Article>, mode: Mode) -> impl IntoView {
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
}
