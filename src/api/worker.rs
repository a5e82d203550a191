//! The offline worker's own requests: what it holds, and "keep" and
//! "forget".

use super::transport::{fetch_bytes, LoadError};
use folio_model::parse;
use gloo_net::http::Request;
use std::sync::Arc;

fn worker_url(what: &str) -> String {
    format!("{}{}{what}", crate::base::site_url(), folio_model::offline::API)
}

/// What the offline worker holds, by article and timeline. Only where it
/// controls the page (`dom::offline::use_offline_worker`).
pub async fn saved() -> Result<folio_model::offline::SavedList, LoadError> {
    let url = worker_url("saved");
    let bytes = fetch_bytes(&url).await?;
    parse::utf8(&bytes)
        .and_then(folio_model::offline::parse_saved)
        .map_err(|e| LoadError::Invalid { error: Arc::new(e.in_file(url)) })
}

/// Sends `body` to the worker's `what` and returns its answer's text.
async fn ask_worker(what: &str, body: String) -> Result<String, LoadError> {
    let url = worker_url(what);
    let network = |detail: String| LoadError::Network { url: url.as_str().into(), detail: detail.into() };
    let req = Request::post(&url)
        .header("content-type", "application/json")
        .body(body)
        .map_err(|e| network(e.to_string()))?;
    let resp = req.send().await.map_err(|e| network(e.to_string()))?;
    if !resp.ok() {
        return Err(network(format!("HTTP {} {}", resp.status(), resp.status_text())));
    }
    resp.text().await.map_err(|e| network(e.to_string()))
}

/// Asks the worker to save every file of `files` for `key`, and keep them.
pub async fn keep(key: &str, files: &[String]) -> Result<folio_model::offline::Kept, LoadError> {
    let text = ask_worker("keep", folio_model::offline::keep_request(key, files)).await?;
    folio_model::offline::parse_kept(&text)
        .map_err(|e| LoadError::Invalid { error: Arc::new(e.in_file(worker_url("keep"))) })
}

/// Asks the worker to drop what it holds for `key`.
pub async fn forget(key: &str) -> Result<(), LoadError> {
    ask_worker("forget", folio_model::offline::forget_request(key)).await.map(drop)
}
