//! The transport: fetching a file of `content/` (with a limit on a
//! request that hears nothing), and every failure as a [`LoadError`] a
//! view can explain.

use folio_model::ContentError;
use gloo_net::http::Request;
use std::sync::Arc;

/// Why content could not be loaded. `Clone + Send + Sync` so it can live in
/// reactive state and be shown by any view; its parts are shared, so that
/// the clone every read of that state makes is cheap, in time and in code.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The server answered 404: the thing does not exist.
    NotFound { url: Arc<str> },
    /// The request failed, or the server answered with another error status.
    /// Worth retrying.
    Network { url: Arc<str>, detail: Arc<str> },
    /// The file arrived but is not valid content: a publisher's error.
    Invalid { error: Arc<ContentError> },
    /// The reader is offline and the file is not saved on the device.
    Offline { url: Arc<str> },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound { url } => write!(f, "{url}: not found (HTTP 404)"),
            LoadError::Network { url, detail } => write!(f, "{url}: {detail}"),
            LoadError::Invalid { error } => error.fmt(f),
            LoadError::Offline { url } => write!(f, "{url}: offline, and not saved on this device"),
        }
    }
}

impl std::error::Error for LoadError {}

/// The URL of a file in the bundle's `content/` folder.
///
/// A file in `content/` as an href for the DOM: relative to the page's
/// `<base href>`, the bundle root, wherever the bundle is served (see
/// `base.rs`), and the same when prerendered.
pub fn content_href(rel: &str) -> String {
    folio_model::files::in_bundle(rel)
}

/// The same file as an absolute URL, to fetch: an error message then
/// names the very file.
pub(super) fn content_url(rel: &str) -> String {
    format!("{}{}", crate::base::site_url(), content_href(rel))
}

/// How long a request may wait for the server's answer to begin.
///
/// Without a limit, a request that hears nothing (a dead connection, a
/// stalled proxy, a phone between cells) leaves "Loading…" on screen for
/// good, with no retry to press. The limit is on the answer's start, not on
/// the download: a 16 MB timeline on a slow network may take longer than
/// this, and a transfer that is moving is left alone. Same-host static
/// files answer in well under a second; 15 s is a network that is gone.
const STALL_LIMIT_MS: i32 = 15_000;

/// Aborts a request whose answer has not begun within [`STALL_LIMIT_MS`].
/// Dropped when the answer begins, or with the request (a view that no
/// longer wants it): either way its timer goes, so it never calls a
/// listener that is gone.
struct StallLimit {
    window: web_sys::Window,
    timer: i32,
    _abort: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl StallLimit {
    fn start(controller: &web_sys::AbortController) -> Option<StallLimit> {
        use wasm_bindgen::JsCast;
        let window = web_sys::window()?;
        let c = controller.clone();
        let abort = wasm_bindgen::closure::Closure::once(move || c.abort());
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(abort.as_ref().unchecked_ref(), STALL_LIMIT_MS)
            .ok()?;
        Some(StallLimit { window, timer, _abort: abort })
    }
}

impl Drop for StallLimit {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.timer);
    }
}

/// The file's bytes: see [`folio_model::parse::utf8`] for why not text.
pub(super) async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let network = |detail: String| LoadError::Network { url: url.into(), detail: detail.into() };
    let controller = web_sys::AbortController::new().ok();
    let limit = controller.as_ref().and_then(StallLimit::start);
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let sent = Request::get(url).abort_signal(signal.as_ref()).send().await;
    drop(limit);
    let resp = sent.map_err(|e| {
        if !online() {
            LoadError::Offline { url: url.into() }
        } else if signal.is_some_and(|s| s.aborted()) {
            network(format!("no answer within {} s", STALL_LIMIT_MS / 1000))
        } else {
            network(e.to_string())
        }
    })?;
    match resp.status() {
        // No content file is HTML: this is a host's SPA fallback, its home
        // page standing in for a file it does not have.
        200..=299 if resp.headers().get("content-type").is_some_and(|t| t.contains("text/html")) => {
            Err(LoadError::NotFound { url: url.into() })
        }
        200..=299 => body_bytes(resp.into()).await.map_err(|e| network(js_message(&e))),
        404 => Err(LoadError::NotFound { url: url.into() }),
        // The offline worker's answer for a file it has not saved.
        503 if resp.headers().get("x-folio-offline").is_some() => Err(LoadError::Offline { url: url.into() }),
        s => Err(network(format!("HTTP {s} {}", resp.status_text()))),
    }
}

/// Whether the browser believes it has a network: a failed request while
/// it does not is "offline", not a server's fault.
pub fn online() -> bool {
    if cfg!(feature = "ssr") {
        return true;
    }
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The body as bytes. Not gloo's `binary()`: that zero-fills a buffer
/// before copying into it, a needless pass over every byte that cost about
/// 50 ms for a 16 MB timeline under the bench's 4× throttle.
async fn body_bytes(resp: web_sys::Response) -> Result<Vec<u8>, wasm_bindgen::JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(resp.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What a JS exception says: an `Error`'s message, a thrown string, or
/// failing those its debug form.
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.message()),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}
