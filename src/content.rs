//! Content for a view, and what it is doing: loading, ready or failed.
//!
//! A prerendered page holds the data of its first render (`folio-data`,
//! read into `api`'s caches before the app mounts). Content built over
//! [`Load::Ready`] renders in the very first pass, so the client's DOM
//! matches the prerendered one with no loading state between them. Views
//! reached later by navigation fetch.
//!
//! Each view's [`Content`] has a [`Status`], and [`use_content`] registers
//! it with the shell, which combines them into one memo ([`provide_loads`]).
//! The hand-over from the prerendered view (`shell/boot.rs`) is an effect
//! on that memo alone: no view has to know about it.

use crate::api::LoadError;
use leptos::prelude::*;
use std::future::Future;

/// A value ready at once, or a fetch under way.
pub enum Load<T: Send + Sync + 'static> {
    Ready(StoredValue<T>),
    Fetch(LocalResource<T>),
}

impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// `ready` if there is a value already, else a resource that runs
    /// `fetch` (on the client only).
    pub fn new<Fut>(ready: Option<T>, fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        match ready {
            Some(v) => Load::Ready(StoredValue::new(v)),
            None => Load::Fetch(LocalResource::new(fetch)),
        }
    }

    /// The value, or `None` while it loads. Tracks the fetch.
    pub fn get(&self) -> Option<T> {
        match self {
            Load::Ready(v) => Some(v.get_value()),
            Load::Fetch(r) => r.get(),
        }
    }

    /// Fetches again (a retry after an error; a ready value has none).
    pub fn refetch(&self) {
        if let Load::Fetch(r) = self {
            r.refetch();
        }
    }
}

/// What a piece of content is, for the wording of its failure.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    Article(String),
    Timeline(String),
    Catalog,
    /// A page of a listing (`content/derived/listing/…`).
    Listing,
    /// A meeting's own file, beside a large timeline's index.
    Meeting,
    /// A chunk of the app's own code (`chunk.rs`), by its name.
    Code(&'static str),
    /// A file of the search index (`content/derived/search/`).
    Search,
}

/// A load that failed: what it was, why, and how to try again.
#[derive(Clone)]
pub struct Failure {
    pub what: What,
    pub error: LoadError,
    /// Fetches again. Whether offering it helps depends on the error
    /// (`components::error_panel::wording`).
    pub retry: Callback<()>,
}

impl PartialEq for Failure {
    /// Callbacks do not compare; the same content failing the same way is
    /// the same failure.
    fn eq(&self, other: &Failure) -> bool {
        self.what == other.what && self.error == other.error
    }
}

/// What a view's content is doing.
#[derive(Clone, PartialEq)]
pub enum Status {
    Loading,
    Ready,
    /// The first failure (two views can fail at once; once the first is
    /// retried, the second is the first).
    Failed(Failure),
}

impl Status {
    /// Both together: failed if either failed, else loading if either is.
    pub fn and(self, other: Status) -> Status {
        match (self, other) {
            (f @ Status::Failed(_), _) | (_, f @ Status::Failed(_)) => f,
            (Status::Loading, _) | (_, Status::Loading) => Status::Loading,
            _ => Status::Ready,
        }
    }
}

/// Content a view needs, loaded or loading, and which content it is.
pub struct Content<T: Send + Sync + 'static> {
    load: Load<Result<T, LoadError>>,
    what: StoredValue<What>,
    retry: Callback<()>,
}

impl<T: Send + Sync + 'static> Clone for Content<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Content<T> {}

impl<T: Clone + Send + Sync + 'static> Content<T> {
    /// Like [`use_content`], without telling the shell: for content that
    /// no single view stands for (the catalog), or that a view tells of
    /// with other content (a listing's page, with the catalog).
    pub fn new<Fut>(what: What, ready: Option<T>, fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, LoadError>> + 'static,
    {
        let load = Load::new(ready.map(Ok), fetch);
        let retry = Callback::new(move |()| load.refetch());
        Content { load, what: StoredValue::new(what), retry }
    }

    /// The value, an error as a [`Failure`], or `None` while it loads.
    /// Tracks the fetch.
    pub fn get(&self) -> Option<Result<T, Failure>> {
        let this = *self;
        self.load.get().map(|r| r.map_err(|e| Failure { what: this.what.get_value(), error: e, retry: this.retry }))
    }

    /// The value once loaded, `None` while loading or after a failure.
    pub fn ok(&self) -> Option<T> {
        self.get().and_then(Result::ok)
    }

    pub fn status(&self) -> Status {
        match self.get() {
            None => Status::Loading,
            Some(Ok(_)) => Status::Ready,
            Some(Err(f)) => Status::Failed(f),
        }
    }
}

/// The content a view shows, registered with the shell for as long as
/// the view is there: the shell's loading memo (and so the hand-over from
/// the prerendered view) waits for it.
pub fn use_content<T, Fut>(what: What, ready: Option<T>, fetch: impl Fn() -> Fut + 'static) -> Content<T>
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, LoadError>> + 'static,
{
    let content = Content::new(what, ready, fetch);
    track(Memo::new(move |_| content.status()));
    content
}

/// The statuses of the views on screen. (Memos compare by identity.)
#[derive(Clone, Copy)]
struct Loads(RwSignal<Vec<Memo<Status>>>);

/// Registers `status` with the shell until the current view goes. Without
/// a shell (a component test), there is nothing to tell.
pub fn track(status: Memo<Status>) {
    let Some(loads) = use_context::<Loads>() else { return };
    loads.0.update(|s| s.push(status));
    on_cleanup(move || {
        loads.0.try_update(|s| s.retain(|t| *t != status));
    });
}

/// Provides the registry for the views below, and returns what they are
/// doing together.
pub fn provide_loads() -> Memo<Status> {
    let loads = Loads(RwSignal::new(Vec::new()));
    provide_context(loads);
    Memo::new(move |_| loads.0.with(|s| s.iter().fold(Status::Ready, |all, s| all.and(s.get()))))
}
