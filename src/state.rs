//! Reactive state shared by every view: the parsed address, the reading
//! mode, and the reader's Both-mode layout.
//!
//! The shell provides it as context, and views take it from there
//! ([`use_reading`], [`use_catalog`]), never as props threaded through:
//! [`Reading`] (the parsed address, the mode, whether this is an embed,
//! the display settings mirrored onto `<html>`), [`CatalogState`] (the
//! catalog, loaded once), [`Links`] (hrefs for links within the view, which
//! keep an embed's `/embed` and flags) and [`titled`] (every title ends in
//! the catalog's site name).

use crate::content::Content;
use folio_model::route::{framed, with_query, Parsed};
use folio_model::{embed::Options, Catalog, Mode};
use leptos::prelude::*;

/// The catalog, loaded once and shared by every view.
#[derive(Clone, Copy)]
pub struct CatalogState(pub Content<Catalog>);

#[derive(Clone, Copy)]
pub struct Reading {
    /// The current address, parsed by `folio_model::Route`.
    pub parsed: Memo<Parsed>,
    /// The mode the address names (English when it names none).
    pub mode: Memo<Mode>,
    /// This document is a chromeless embed on a partner site. Fixed for the
    /// document's life: links that would leave the embedded resource open a
    /// new tab, so the frame never turns into the full site.
    pub embed: bool,
    /// Both mode: interleaved instead of side by side.
    pub interleaved: RwSignal<bool>,
    /// Set just before a mode switch: the block at the top of the viewport
    /// and its distance from the top, so the new rendering can put the same
    /// block back in the same place.
    pub anchor: StoredValue<Option<(String, f64)>>,
    /// Theme, text size and line width, shown on `<html>` and remembered.
    pub settings: RwSignal<folio_model::settings::Settings>,
}

pub fn use_reading() -> Reading {
    expect_context::<Reading>()
}

pub fn use_catalog() -> Content<Catalog> {
    expect_context::<CatalogState>().0
}

/// Whether the current document is an embed (false where no `Reading` is
/// provided, as in component tests).
pub fn is_embed() -> bool {
    use_context::<Reading>().is_some_and(|r| r.embed)
}

/// Builds hrefs for links that move within the current view (a page, an
/// event, a filter). Inside an embed they must stay embed addresses and
/// keep the embed's flags (theme, plain…), which are fixed for its life.
/// Build it when the component is built; it tracks nothing.
#[derive(Clone, Copy)]
pub struct Links {
    embed: Option<Options>,
}

impl Links {
    /// Not `Default`: it reads the router's location, so it belongs where
    /// a component is built, not wherever a default value is wanted.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Links {
        let embed = is_embed().then(|| {
            let search = leptos_router::hooks::use_location().search.get_untracked();
            Options::from_query(&search)
        });
        Links { embed }
    }

    /// `href` (from `Route::href`) in `mode`, plus `query` (without `?`).
    pub fn to(self, mode: Mode, href: &str, query: &str) -> String {
        let path = mode.localize(&framed(self.embed.is_some(), href));
        let query = match self.embed {
            Some(o) => o.extend_query(query),
            None => query.to_owned(),
        };
        with_query(&path, &query)
    }
}

/// The site's name in the mode's language, for titles ("Folio" until the
/// catalog is there, or where there is none, as in component tests).
pub fn site_name(mode: Mode) -> String {
    let catalog = use_context::<CatalogState>().and_then(|c| c.0.ok());
    catalog.map_or_else(|| "Folio".to_owned(), |c| c.site.str(mode.ui_lang()).to_owned())
}

/// "What · Folio": the title of a view that is not content (an error).
pub fn titled(what: &str, mode: Mode) -> String {
    format!("{what} · {}", site_name(mode))
}
