use crate::components::{ui, Mode};
use leptos::prelude::*;

/// A clear, styled message in place of a view that could not be shown: what
/// happened, a way back, and a retry where retrying can help. The technical
/// detail (file, line, column) is there for the publisher, folded away.
#[component]
pub fn ErrorPanel(
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(optional, into)] detail: Option<String>,
    /// Where "back" goes, and its label.
    back: (String, String),
    /// Shown as "Try again" when retrying can help (a network failure).
    #[prop(default = None)]
    retry: Option<Callback<()>>,
    /// The interface language of the buttons.
    mode: Mode,
) -> impl IntoView {
    let t = ui(mode);
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{title}</h1>
            <p>{body}</p>
            {detail.map(|d| view! {
                <details class="error-detail">
                    <summary>{t.technical_detail}</summary>
                    <code>{d}</code>
                </details>
            })}
            <p class="error-actions">
                {retry.map(|r| view! { <button type="button" class="button" on:click=move |_| r.run(())>{t.retry}</button> })}
                <a class="button button-quiet" href=back.0>{back.1}</a>
            </p>
        </section>
    }
}
