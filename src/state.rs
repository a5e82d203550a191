//! Reactive state shared by every view: the parsed address, the reading
//! mode, and the reader's Both-mode layout.

use crate::api::LoadError;
use folio_model::{route::Parsed, Catalog, Mode};
use leptos::prelude::*;

/// The catalog, loaded once and shared by every view.
#[derive(Clone, Copy)]
pub struct CatalogState(pub LocalResource<Result<Catalog, LoadError>>);

#[derive(Clone, Copy)]
pub struct Reading {
    /// The current address, parsed by `folio_model::Route`.
    pub parsed: Memo<Parsed>,
    /// The mode the address names (English when it names none).
    pub mode: Memo<Mode>,
    /// Both mode: interleaved instead of side by side.
    pub interleaved: RwSignal<bool>,
    /// Set just before a mode switch: the block at the top of the viewport
    /// and its distance from the top, so the new rendering can put the same
    /// block back in the same place.
    pub anchor: StoredValue<Option<(String, f64)>>,
}

pub fn use_reading() -> Reading {
    expect_context::<Reading>()
}

pub fn use_catalog() -> LocalResource<Result<Catalog, LoadError>> {
    expect_context::<CatalogState>().0
}
