//! What a failure says, wherever it is shown: in place of a view
//! ([`failure_panel`]), inside one (an event's card, a dialog, the search
//! results: [`inline_failure`]) or over a prerendered view the hand-over
//! kept ([`kept_notice`], `shell/boot.rs`). All are worded by [`wording`],
//! for what failed and how: missing (a way back), damaged (no retry) or
//! unreachable, offline or a chunk of code that did not arrive (a retry).

use crate::api::LoadError;
use crate::components::{ui, Mode};
use crate::content::{Failure, What};
use crate::state::titled;
use folio_model::ui::Strings;
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
    /// Inside a view that has its own `h1` (an unknown event on the
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
            {detail.map(|detail| error_detail(detail, t))}
            <p class="error-actions">
                {retry_button(retry, t)}
                <a class="button button-quiet" href=folio_model::route::relative(&back.0)>{back.1}</a>
            </p>
        </section>
    }
}

/// The technical detail of a failure, folded away.
fn error_detail(detail: String, t: &'static Strings) -> impl IntoView {
    view! {
        <details class="error-detail">
            <summary>{t.technical_detail}</summary>
            <code>{detail}</code>
        </details>
    }
}

fn retry_button(retry: Option<Callback<()>>, t: &'static Strings) -> impl IntoView {
    retry.map(|r| view! { <button type="button" class="button" on:click=move |_| r.run(())>{t.retry}</button> })
}

/// What a failure says: its title (none for an event's card, which has
/// its own), what the reader can do, and whether retrying can help.
pub struct Wording {
    pub title: Option<&'static str>,
    pub body: String,
    pub retry: bool,
}

/// "Not found" for a missing article or timeline, "damaged" (no retry:
/// retrying cannot fix a file) for content that does not parse, and
/// "could not load" with a retry for network failures, including a chunk
/// of the app's code that did not arrive.
pub fn wording(err: &LoadError, what: &What, t: &'static Strings) -> Wording {
    let (title, body, retry) = match (err, what) {
        (LoadError::NotFound { .. }, What::Article(slug)) => (t.no_article_title, (t.no_article_body)(slug), false),
        (LoadError::NotFound { .. }, What::Timeline(id)) => (t.no_timeline_title, (t.no_timeline_body)(id), false),
        (LoadError::Offline { .. }, What::Event) => {
            return untitled(folio_model::offline::strings(t.lang).offline_body, true)
        }
        (LoadError::Offline { .. }, _) => {
            let o = folio_model::offline::strings(t.lang);
            (o.offline_title, o.offline_body.to_owned(), true)
        }
        (LoadError::Network { .. }, What::Event) => return untitled(t.details_network, true),
        (_, What::Event) => return untitled(t.details_broken, false),
        (LoadError::Invalid { .. }, What::Article(_)) => (t.broken_article, t.broken_body.to_owned(), false),
        (LoadError::Invalid { .. }, What::Timeline(_)) => (t.broken_timeline, t.broken_body.to_owned(), false),
        (LoadError::Invalid { .. }, What::Catalog | What::Listing) => (t.broken_list, t.broken_body.to_owned(), false),
        // A shard missing or damaged is most likely a deploy half done:
        // worth another try, which fetches the manifest again.
        (LoadError::Invalid { .. } | LoadError::NotFound { .. }, What::Search) => {
            let s = folio_model::search::ui::strings(t.lang);
            (s.broken_title, s.broken_body.to_owned(), true)
        }
        // The app's code only ever fails to download (`chunk.rs`).
        (LoadError::NotFound { .. }, What::Catalog | What::Listing)
        | (LoadError::Network { .. }, _)
        | (_, What::Code(_)) => (t.network_title, t.network_body.to_owned(), true),
    };
    Wording { title: Some(title), body, retry }
}

fn untitled(body: &str, retry: bool) -> Wording {
    Wording { title: None, body: body.to_owned(), retry }
}

/// A view's content failed to load: its panel, and the page's title.
pub fn failure_panel(failure: Failure, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let w = wording(&failure.error, &failure.what, t);
    let title = w.title.unwrap_or(t.network_title);
    crate::dom::document::title(move || titled(title, mode));
    // Offline, the way on is what is saved.
    let saved =
        matches!(failure.error, LoadError::Offline { .. }).then(|| crate::components::keep_offline::saved_list(mode));
    view! {
        <ErrorPanel
            title
            body=w.body
            detail=failure.error.to_string()
            back=(mode.localize("/"), t.back_home.to_owned())
            retry=w.retry.then_some(failure.retry)
            mode
        />
        {saved}
    }
}

/// A failure inside a view that stays (an event's card without its
/// record): what is missing and why, and a retry where one can help.
pub fn inline_failure(failure: Failure, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let w = wording(&failure.error, &failure.what, t);
    view! {
        <div class="event-error" role="alert">
            <p>{w.body}</p>
            {retry_button(w.retry.then_some(failure.retry), t)}
            {error_detail(failure.error.to_string(), t)}
        </div>
    }
}

/// Above a prerendered view that stays on screen because the load it stood
/// for failed (`shell/boot.rs`): what failed, that this is the copy as
/// published, and a retry where one can help.
pub fn kept_notice(failure: Failure, mode: Mode) -> impl IntoView {
    let t = ui(mode);
    let w = wording(&failure.error, &failure.what, t);
    view! {
        <section class="kept-notice" role="alert">
            <p>{w.title.map(|title| view! { <strong>{title}</strong>" " })}{w.body}</p>
            <p class="kept-note">{t.kept_copy}</p>
            {error_detail(failure.error.to_string(), t)}
            {retry_button(w.retry.then_some(failure.retry), t)}
        </section>
    }
}

/// What stands in a view's place while its content is on the way.
#[component]
pub fn Loading() -> impl IntoView {
    let mode = crate::state::use_reading().mode;
    view! { <p class="loading" aria-busy="true">{move || ui(mode.get()).loading}</p> }
}
