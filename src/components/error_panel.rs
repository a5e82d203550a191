use crate::api::LoadError;
use crate::components::{ui, Mode};
use leptos::prelude::*;
use leptos_meta::Title;

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
    /// Inside a view that has its own `h1` (an unknown meeting on the
    /// timeline): the title is an `h2`, so the view keeps one `h1`.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let t = ui(mode);
    let heading = if nested {
        view! { <h2 id="error-title">{title}</h2> }.into_any()
    } else {
        view! { <h1 id="error-title">{title}</h1> }.into_any()
    };
    view! {
        <section class="error-panel" role="alert" aria-labelledby="error-title">
            {heading}
            <p>{body}</p>
            {detail.map(|d| view! {
                <details class="error-detail">
                    <summary>{t.technical_detail}</summary>
                    <code>{d}</code>
                </details>
            })}
            <p class="error-actions">
                {retry.map(|r| view! { <button type="button" class="button" on:click=move |_| r.run(())>{t.retry}</button> })}
                <a class="button button-quiet" href=folio_model::route::relative(&back.0)>{back.1}</a>
            </p>
        </section>
    }
}

/// What failed to load, for the wording of its error panel.
#[derive(Clone, Copy, Debug)]
pub enum Content<'a> {
    Article(&'a str),
    Timeline(&'a str),
    Catalog,
    /// A page of a listing (`content/derived/listing/…`).
    Listing,
}

/// The panel for content that failed to load: "not found" for a missing
/// article or timeline, "damaged" (no retry: retrying cannot fix a file)
/// for content that does not parse, and "could not load" with a retry for
/// network failures. The technical detail names file, line and column.
pub fn load_error_panel(err: &LoadError, what: Content, mode: Mode, retry: Callback<()>) -> impl IntoView {
    let t = ui(mode);
    let back = (mode.localize("/"), t.back_home.to_owned());
    let (title, body, retry) = match (err, what) {
        (LoadError::NotFound { .. }, Content::Article(slug)) => (t.no_article_title, (t.no_article_body)(slug), None),
        (LoadError::NotFound { .. }, Content::Timeline(id)) => (t.no_timeline_title, (t.no_timeline_body)(id), None),
        (LoadError::Invalid { .. }, what) => {
            let i = match what {
                Content::Article(_) => 0,
                Content::Timeline(_) => 1,
                Content::Catalog | Content::Listing => 2,
            };
            (t.broken_title[i], t.broken_body.to_owned(), None)
        }
        (LoadError::NotFound { .. }, Content::Catalog | Content::Listing) | (LoadError::Network { .. }, _) => {
            (t.network_title, t.network_body.to_owned(), Some(retry))
        }
    };
    let detail = err.to_string();
    crate::boot::load_failed(crate::boot::Failure {
        title: Some(title),
        body: body.clone(),
        detail: detail.clone(),
        retry,
        t,
    });
    view! {
        <Title text=format!("{title} · Folio")/>
        <ErrorPanel title body detail back retry mode/>
    }
}

/// What stands in a view's place while its content is on the way (or,
/// on arrival, what the prerendered view goes on standing for: `boot.rs`).
#[component]
pub fn Loading() -> impl IntoView {
    crate::boot::loading_started();
    on_cleanup(crate::boot::loading_ended);
    let mode = crate::state::use_reading().mode;
    view! { <p class="loading" aria-busy="true">{move || ui(mode.get()).loading}</p> }
}
