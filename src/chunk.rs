//! Code that a first visit need not download.
//!
//! The release build splits the app's wasm (`xtask/src/app.rs`): the main
//! module holds the shell and the article, "not found" and the loading of
//! every view, and each *split point* declared with [`split_point!`] goes
//! into a chunk of its own, fetched the first time its code is wanted.
//! There are nine: `listing` (a listing's stories, `routes/listing.rs`),
//! `timeline` (parsing a timeline's
//! JSON, and its view: `routes/timeline/mod.rs`), `event` (an event's
//! card, `routes/timeline/card.rs`), `timeline_list` (the phone list,
//! `routes/timeline/layout.rs`), `embed` (the Embed dialog's generator),
//! `display` (the Display dialog, `components/reader_settings.rs`),
//! `offline` ("Keep for offline" and the saved list), `frame` (an embed's
//! chrome, `components/embed_frame.rs`) and `search` (the search page, the
//! masthead box's behaviour and the index's fetching, `routes/search/`).
//! One entry may serve its chunk several ways (an enum argument). A page
//! that needs a chunk at once (a listing's, a timeline's, an embed's frame) preloads
//! it, so no first view waits for a second round trip; a chunk loaded
//! earlier in the visit is ready in the first render.
//!
//! Loading a chunk is loading content: [`use_code`] gives a
//! [`Content<()>`](Content), so a chunk that is on its way keeps the
//! prerendered view on screen (the hand-over waits for it, as for a file),
//! and one that failed to download gets the same notice and retry as a
//! file that did. Once loaded, the view is built synchronously ([`build`]),
//! in the render that wants it, with the owner and context of that render.
//!
//! The split points are on only with `--cfg folio_split`, which the split
//! build sets: an unsplit wasm (the component tests, `cargo check`) would
//! otherwise import the loader from a module no browser can resolve. Off,
//! a split point is a plain function and its code is always "loaded". The
//! native prerender calls them the same way.

use crate::api::LoadError;
use crate::content::{track_content, Content, What};
use futures::FutureExt;
use std::cell::RefCell;
use std::future::Future;

pub use leptos::wasm_split::SplitLoaderError;

/// Declares a split point: `fn $name(args) -> T { body }` becomes an
/// `async fn $name(args) -> Result<T, SplitLoaderError>` whose code (and
/// the code only it reaches) is in the chunk `$chunk`; an
/// `async fn $load() -> Result<(), SplitLoaderError>` fetches that chunk
/// without calling it, and the constant `$chunk_name` is its name. A chunk
/// that a page preloads is also named in `xtask/src/app.rs`.
///
/// ```ignore
/// split_point! {
///     /// The timeline's view.
///     timeline as TIMELINE, load_timeline, fn timeline_view(t: Arc<Timeline>) -> AnyView { … }
/// }
/// ```
#[macro_export]
macro_rules! split_point {
    ($(#[$meta:meta])* $chunk:ident as $chunk_name:ident, $load:ident, fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        /// The chunk's name, as the build and the pages' preloads know it.
        pub const $chunk_name: &str = stringify!($chunk);

        $(#[$meta])*
        #[cfg(folio_split)]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, preload($load), fallible)]
        pub fn $name($($arg: $ty),*) -> ::std::result::Result<$ret, $crate::chunk::SplitLoaderError> {
            ::std::result::Result::Ok($body)
        }

        /// Loads the split point's chunk (nothing to load in this build).
        #[cfg(not(folio_split))]
        pub async fn $load() -> ::std::result::Result<(), $crate::chunk::SplitLoaderError> {
            ::std::result::Result::Ok(())
        }

        $(#[$meta])*
        #[cfg(not(folio_split))]
        pub async fn $name($($arg: $ty),*) -> ::std::result::Result<$ret, $crate::chunk::SplitLoaderError> {
            ::std::result::Result::Ok($body)
        }
    };
}

thread_local! {
    /// The chunks loaded so far: a view that needs one of them again (the
    /// timeline, revisited) is ready in its first render, with no loading
    /// state in between.
    static LOADED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Records a chunk loaded outside [`code`] (a download started ahead of
/// need), so the view that needs it is ready in its first render.
pub fn mark_loaded(chunk: &'static str) {
    LOADED.with(|l| {
        if !l.borrow().contains(&chunk) {
            l.borrow_mut().push(chunk);
        }
    });
}

/// Whether a chunk's code is here (always, in a build without split points).
pub fn is_loaded(chunk: &'static str) -> bool {
    !cfg!(folio_split) || LOADED.with(|l| l.borrow().contains(&chunk))
}

/// A split point's loader, boxed: one type for every chunk, so the
/// resource that loads a chunk is compiled once, not once per split point
/// (each of which is a type of its own).
type Loader = Box<dyn Fn() -> std::pin::Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>>;

/// The code of a piece of a view, loaded or loading, as content: `load`
/// is a split point's loader. For what the reader asked for (a dialog),
/// which the hand-over need not wait for.
pub fn code<Fut>(chunk: &'static str, load: fn() -> Fut) -> Content<()>
where
    Fut: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    code_boxed(chunk, Box::new(move || Box::pin(load())))
}

fn code_boxed(chunk: &'static str, load: Loader) -> Content<()> {
    Content::new(What::Code(chunk), is_loaded(chunk).then_some(()), move || {
        let fetch = load();
        async move {
            match fetch.await {
                Ok(()) => {
                    mark_loaded(chunk);
                    Ok(())
                }
                // The split loader logs the cause to the console; it has no
                // more to give (`SplitLoaderError`).
                Err(_) if !crate::api::online() => {
                    Err(LoadError::Offline { url: format!("the app's {chunk} code").into() })
                }
                Err(_) => Err(LoadError::Network {
                    url: format!("the app's {chunk} code").into(),
                    detail: "could not be downloaded".into(),
                }),
            }
        }
    })
}

/// [`code`] for what the view on screen needs to be shown: registered with
/// the shell, like the view's content (`content::use_content`).
pub fn use_code<Fut>(chunk: &'static str, load: fn() -> Fut) -> Content<()>
where
    Fut: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    let content = code(chunk, load);
    track_content(content);
    content
}

/// Calls a split point whose chunk is loaded, here and now. `None` if it is
/// not loaded after all (the caller shows what it shows while loading).
pub fn build<T>(call: impl Future<Output = Result<T, SplitLoaderError>>) -> Option<T> {
    let built = call.now_or_never().and_then(Result::ok);
    if built.is_none() {
        leptos::logging::warn!("a split point was called before its chunk was loaded");
    }
    built
}
