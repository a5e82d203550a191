use leptos::prelude::*;

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
