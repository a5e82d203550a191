//! Folio's build and developer tooling, as a library: `main.rs` is only its
//! command line.
//!
//! The release bundle is made by [`dist::build_with`], a pipeline of
//! steps in order; each step is a module of its own:
//!
//! - [`site`]: the content, read once, and everything derived from it
//!   (listings, citations, which files a page carries, every view);
//! - [`trunk`] and [`app`]: the app's code, built only when it changed,
//!   and split into chunks; [`code`]: which chunks each view preloads;
//! - [`render`]: each route's page, `404.html`, the offline page, oEmbed;
//! - [`card`]: the share cards; [`resize`]: the raster figures'
//!   resized copies; [`search_index`]: the search index;
//! - [`worker`]: the offline worker's file;
//! - [`stamps`] (what each output was last made from) and [`output`]
//!   (writing only what changed, with its pre-compressed copies).
//!
//! A new output (a feed, a sitemap) is a module with one `write` function
//! that `dist::build_with` calls; a new input format is a module that
//! [`site::Site::read`] calls.
//!
//! The commands: [`dist`], [`test`], [`bench`] (with [`scale`] and
//! [`ab`]), [`split`] (`split-timeline`), [`page_parts`], [`validate`] and
//! [`server::serve`]. They first install what is missing ([`tools`]), so a fresh
//! Debian machine needs only `cargo xtask`.

pub mod ab;
pub mod app;
pub mod bench;
pub mod budgets;
pub mod card;
pub mod code;
pub mod compress;
pub mod convert;
pub mod dist;
mod error;
pub mod fs;
#[cfg(test)]
mod module_graph;
pub mod output;
pub mod page_parts;
pub mod parallel;
pub mod render;
pub mod resize;
pub mod scale;
pub mod search_index;
pub mod server;
pub mod shell;
pub mod site;
pub mod split;
pub mod stamps;
pub mod test;
pub mod tools;
pub mod trunk;
pub mod worker;

pub use error::{Error, Kind, Result};
use std::path::{Path, PathBuf};

/// The workspace root, whatever directory cargo was started from.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// Prints every finding; fails if any is an error.
pub fn validate(dir: PathBuf) -> Result {
    use folio_model::validate::{has_errors, validate, Corpus};
    let corpus = Corpus::read_dir(&dir).map_err(|e| Error::io("read the content folder", &dir, e))?;
    let diags = validate(&corpus);
    let shown = dir.display().to_string();
    for d in &diags {
        eprintln!("{}/{d}", shown.trim_end_matches('/'));
    }
    // A Markdown article is its English file (and its Chinese one).
    let markdown = corpus.markdown.iter().filter(|s| !s.name.ends_with(".zh.md")).count();
    let articles = corpus.articles.len() + markdown;
    if has_errors(&diags) {
        let errors = diags.iter().filter(|d| d.severity == folio_model::validate::Severity::Error).count();
        return Err(Kind::Invalid { dir, errors, articles }.into());
    }
    println!("{shown}: catalog and {articles} article(s) are valid ({} warning(s))", diags.len());
    Ok(())
}
