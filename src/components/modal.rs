//! Dialogs: a native modal `<dialog>` ([`Modal`]), and one whose code is a
//! chunk ([`LazyDialog`], the Embed and Display dialogs). The button is on
//! the page at once; pointing at it or focusing it starts the download, a
//! press opens the dialog once the chunk is there, and only after a press
//! does a slow or failed download show. So a prerendered page holds no
//! closed `<dialog>`.

use crate::chunk::{code, SplitLoaderError};
use crate::components::error_panel::{inline_failure, Loading};
use crate::content::Content;
use folio_model::Mode;
use leptos::prelude::*;
use std::future::Future;
use std::sync::Arc;

/// A native modal `<dialog>` and whether it is open. The browser gives focus
/// containment, Escape and focus return; `open` lets a dialog build its
/// contents only while shown (the Embed and Display dialogs sit in views
/// that are rebuilt on every language switch).
#[derive(Clone, Copy)]
pub struct Modal {
    pub node: NodeRef<leptos::html::Dialog>,
    pub open: RwSignal<bool>,
}

impl Modal {
    pub fn new() -> Modal {
        Modal { node: NodeRef::new(), open: RwSignal::new(false) }
    }

    /// Marks it open, so its lazy contents are built, and shows it.
    pub fn show(self) {
        self.open.set(true);
        if let Some(d) = self.node.get_untracked() {
            let _ = d.show_modal();
        }
    }

    pub fn close(self) {
        if let Some(d) = self.node.get_untracked() {
            d.close();
        }
    }

    /// For the dialog's `close` event, however it was closed (Escape, the
    /// Close button, `close()`).
    pub fn closed(self) {
        self.open.set(false);
    }
}

impl Default for Modal {
    fn default() -> Self {
        Modal::new()
    }
}

/// A button's dialog whose code is a chunk (`chunk.rs`). The button is on
/// the page at once; the chunk is fetched when the reader points at the
/// button or focuses it (so it is usually there by the click), and the
/// dialog opens once it is. Only after a press does a slow or failed
/// download show ("Loading…", or the network notice with its retry).
#[derive(Clone, Copy)]
pub struct LazyDialog {
    wanted: RwSignal<bool>,
    /// How many times the button was pressed: the dialog opens each time
    /// this grows.
    pub asked: RwSignal<u32>,
}

impl LazyDialog {
    pub fn new() -> LazyDialog {
        LazyDialog { wanted: RwSignal::new(false), asked: RwSignal::new(0) }
    }

    /// For the button's `pointerenter` and `focus`: start the download.
    pub fn want(self) {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }

    /// For the button's `click`.
    pub fn ask(self) {
        self.want();
        self.asked.update(|n| *n += 1);
    }

    /// The dialog, from `build` once `load` has fetched the chunk `chunk`.
    pub fn view<Fut>(
        self,
        chunk: &'static str,
        load: fn() -> Fut,
        mode: Mode,
        build: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
    ) -> AnyView
    where
        Fut: Future<Output = Result<(), SplitLoaderError>> + 'static,
    {
        let (wanted, asked) = (self.wanted, self.asked);
        // What follows is the same code for every dialog: boxed.
        let code: Arc<dyn Fn() -> Content<()> + Send + Sync> = Arc::new(move || code(chunk, load));
        let build: Arc<dyn Fn() -> Option<AnyView> + Send + Sync> = Arc::new(build);
        (move || {
            wanted.get().then(|| {
                let code = code();
                let build = build.clone();
                move || match code.get() {
                    Some(Ok(())) => build(),
                    _ if asked.get() == 0 => None,
                    Some(Err(failure)) => Some(inline_failure(failure, mode).into_any()),
                    None => Some(view! { <Loading/> }.into_any()),
                }
            })
        })
        .into_any()
    }
}

impl Default for LazyDialog {
    fn default() -> Self {
        LazyDialog::new()
    }
}

/// A modal's heading row: the title that labels it (`id`, for the dialog's
/// `aria-labelledby`) and a Close button.
#[component]
pub fn DialogHead(modal: Modal, id: &'static str, title: &'static str, close: &'static str) -> impl IntoView {
    view! {
        <div class="dialog-head">
            <h2 id=id>{title}</h2>
            <button type="button" class="dialog-close" on:click=move |_| modal.close()>{close}</button>
        </div>
    }
}
