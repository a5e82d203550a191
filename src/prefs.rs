//! The reader's remembered choices, in localStorage.
//!
//! Browser APIs: call these only from effects and event handlers, never
//! while building a view. Every failure (storage disabled, private mode,
//! quota) is treated as "nothing remembered": a preference must never stop
//! the page from rendering.

const MODE_KEY: &str = "folio.mode";
const LAYOUT_KEY: &str = "folio.dual-layout";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// The last mode the reader chose, as stored (`en`, `zh`, `both`).
pub fn stored_mode() -> Option<String> {
    get(MODE_KEY)
}

pub fn store_mode(mode: folio_model::Mode) {
    set(MODE_KEY, mode.param());
}

/// `navigator.languages`, most preferred first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

/// Whether Both mode is shown interleaved rather than side by side.
pub fn stored_interleaved() -> bool {
    get(LAYOUT_KEY).as_deref() == Some("interleaved")
}

pub fn store_interleaved(interleaved: bool) {
    set(LAYOUT_KEY, if interleaved { "interleaved" } else { "side-by-side" });
}

/// The display settings as stored (see `folio_model::settings`). Read when
/// the app starts, on the client only: a prerendered page has no storage,
/// and `static/prefs.js` has already applied the same values to `<html>`
/// before its first paint.
pub fn initial_settings() -> folio_model::settings::Settings {
    #[cfg(feature = "ssr")]
    return Default::default();
    #[cfg(not(feature = "ssr"))]
    {
        use folio_model::settings::{Settings, SIZE_KEY, THEME_KEY, WIDTH_KEY};
        Settings::from_stored(get(THEME_KEY).as_deref(), get(SIZE_KEY).as_deref(), get(WIDTH_KEY).as_deref())
    }
}

pub fn store_settings(s: folio_model::settings::Settings) {
    use folio_model::settings::{SIZE_KEY, THEME_KEY, WIDTH_KEY};
    set(THEME_KEY, s.theme.param());
    set(SIZE_KEY, s.size.param());
    set(WIDTH_KEY, s.width.param());
}
