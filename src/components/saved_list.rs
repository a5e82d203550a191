//! What is saved on this device for offline reading, from the offline
//! worker: each article and timeline with its size, a link to it, and
//! (in the Display dialog) a way to remove it.

use crate::api;
use folio_model::offline::{self, Saved};
use folio_model::route::relative;
use folio_model::Mode;
use leptos::prelude::*;

/// The list, fetched from the worker when shown. `removable`: in the
/// Display dialog, each entry has a Remove button (and the heading is an
/// `h3`, under the dialog's own); in the offline view it is a way on.
#[component]
pub fn SavedList(mode: Mode, removable: bool) -> impl IntoView {
    let o = offline::strings(mode.ui_lang());
    let heading = if removable {
        view! { <h3>{o.saved_heading}</h3> }.into_any()
    } else {
        view! { <h2>{o.saved_heading}</h2> }.into_any()
    };
    if !crate::dom::offline::use_offline_worker() {
        return view! { <section class="saved-list">{heading}<p class="saved-none">{o.unavailable}</p></section> }
            .into_any();
    }
    let list = LocalResource::new(api::saved);
    let body = move || {
        list.get().map(|answer| match answer {
            Err(e) => view! { <p class="saved-none" role="alert">{e.to_string()}</p> }.into_any(),
            Ok(l) if l.items.is_empty() => view! { <p class="saved-none">{o.nothing_saved}</p> }.into_any(),
            Ok(l) => {
                let items = l.items.into_iter().map(|s| entry(s, mode, removable, list)).collect_view();
                view! {
                    <ul class="saved-items">{items}</ul>
                    <p class="saved-note">{(o.storage_note)(&offline::size(l.limit))}</p>
                }
                .into_any()
            }
        })
    };
    view! { <section class="saved-list" aria-busy=move || list.get().is_none()>{heading}{body}</section> }.into_any()
}

fn entry(
    s: Saved,
    mode: Mode,
    removable: bool,
    list: LocalResource<Result<offline::SavedList, api::LoadError>>,
) -> impl IntoView {
    let o = offline::strings(mode.ui_lang());
    let label = s.label(mode.ui_lang());
    let href = s.href(mode).map(|h| relative(&h)).unwrap_or_default();
    let kept = s.kept.then(|| view! { <span class="saved-kept">{o.kept_mark}</span> });
    let remove = removable.then(|| {
        let (key, name) = (s.key.clone(), (o.remove_label)(&label));
        view! {
            <button type="button" class="button button-quiet saved-remove" aria-label=name
                on:click=move |_| {
                    let key = key.clone();
                    leptos::task::spawn_local(async move {
                        // A failure leaves the entry listed: what is shown
                        // stays true.
                        let _ = api::forget(&key).await;
                        list.refetch();
                    });
                }>{o.remove}</button>
        }
    });
    view! {
        <li class="saved-item" data-key=s.key.clone()>
            <a href=href>{label}</a>
            " "<span class="saved-size">{offline::size(s.bytes)}</span>
            {kept}
            {remove}
        </li>
    }
}
