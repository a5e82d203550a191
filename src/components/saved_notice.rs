//! The notice over a page the offline worker served from what it saved,
//! because the network failed or the reader is offline: a saved copy must
//! never pass for the live page.

use folio_model::offline;
use leptos::prelude::*;

/// Shown at the top of the page while it is the document's first view:
/// after a move to another address, what is on screen came through the
/// app, not as a saved page.
#[component]
pub fn SavedNotice() -> impl IntoView {
    let mode = crate::state::use_reading().mode;
    let Some(mark) = crate::dom::offline::use_saved_mark() else { return ().into_any() };
    let first = crate::base::current_path();
    let pathname = leptos_router::hooks::use_location().pathname;
    let when = offline::saved_when(&mark);
    (move || {
        (crate::base::strip(&pathname.get()) == first).then(|| {
            let o = offline::strings(mode.get().ui_lang());
            view! {
                <p class="saved-notice" role="status">{(o.saved_copy)(when.as_deref(), !crate::api::online())}</p>
            }
        })
    })
    .into_any()
}
