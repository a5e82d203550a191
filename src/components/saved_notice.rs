//! The notice over a page the offline worker served from what it saved,
//! because the network failed or the reader is offline: a saved copy must
//! never pass for the live page.

use folio_model::offline;
use leptos::prelude::*;

/// The worker's mark on `<html data-saved>`: the date the copy was saved,
/// or empty where it stood in with the bundle's offline page. `None` on a
/// page from the network.
fn mark() -> Option<String> {
    if cfg!(feature = "ssr") {
        return None;
    }
    document().document_element()?.get_attribute("data-saved")
}

/// Shown at the top of the page while it is the document's first view:
/// after a move to another address, what is on screen came through the
/// app, not as a saved page.
#[component]
pub fn SavedNotice() -> impl IntoView {
    let mode = crate::state::use_reading().mode;
    let Some(mark) = mark() else { return ().into_any() };
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
