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
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

/// A loaded value of any type. Every [`Load`] and [`Content`] holds its
/// value as this, so the reactive machinery under them (a resource, its
/// memos, a stored value) is compiled once, not once per type of content:
/// about 4 KB of wasm each, for a catalog, an article, a listing page, the
/// short lists, a timeline and a chunk of code. The typed wrappers only
/// downcast.
type Erased = Arc<dyn Any + Send + Sync>;

type Fetch<T> = Pin<Box<dyn Future<Output = T>>>;

/// A value ready at once, or a fetch under way.
pub struct Load<T: 'static> {
    inner: RawLoad,
    ty: PhantomData<fn() -> T>,
}

#[derive(Clone, Copy)]
enum RawLoad {
    Ready(StoredValue<Erased>),
    Fetch(LocalResource<Erased>),
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// `ready` if there is a value already, else a resource that runs
    /// `fetch` (on the client only).
    pub fn new<Fut>(ready: Option<T>, fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let erase = |v: T| -> Erased { Arc::new(v) };
        let fetch: Box<dyn Fn() -> Fetch<Erased>> = Box::new(move || {
            let f = fetch();
            Box::pin(async move { erase(f.await) })
        });
        Load { inner: RawLoad::new(ready.map(erase), fetch), ty: PhantomData }
    }

    /// The value, or `None` while it loads. Tracks the fetch.
    pub fn get(&self) -> Option<T> {
        self.inner.get().map(|v| v.downcast_ref::<T>().expect("a Load holds its own type").clone())
    }

    /// Fetches again (a retry after an error; a ready value has none).
    pub fn refetch(&self) {
        self.inner.refetch();
    }
}

impl RawLoad {
    fn new(ready: Option<Erased>, fetch: Box<dyn Fn() -> Fetch<Erased>>) -> RawLoad {
        match ready {
            Some(v) => RawLoad::Ready(StoredValue::new(v)),
            None => RawLoad::Fetch(LocalResource::new(fetch)),
        }
    }

    fn get(&self) -> Option<Erased> {
        match self {
            RawLoad::Ready(v) => Some(v.get_value()),
            RawLoad::Fetch(r) => r.get(),
        }
    }

    fn refetch(&self) {
        if let RawLoad::Fetch(r) = self {
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
    /// An event's own file, beside a large timeline's index.
    Event,
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
pub struct Content<T: 'static> {
    raw: RawContent,
    ty: PhantomData<fn() -> T>,
}

/// [`Content`] without its type: what a failure and a status need.
#[derive(Clone, Copy)]
struct RawContent {
    load: RawLoad,
    what: StoredValue<What>,
    retry: Callback<()>,
}

impl<T: 'static> Clone for Content<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Content<T> {}

impl<T: Clone + Send + Sync + 'static> Content<T> {
    /// Like [`use_content`], without telling the shell: for content that
    /// no single view stands for (the catalog), or that a view tells of
    /// with other content (a listing's page, with the catalog).
    pub fn new<Fut>(what: What, ready: Option<T>, fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, LoadError>> + 'static,
    {
        let erase = |v: T| -> Erased { Arc::new(v) };
        let fetch: Box<dyn Fn() -> Fetch<Erased>> = Box::new(move || {
            let f = fetch();
            Box::pin(async move {
                let r: Result<Erased, LoadError> = f.await.map(erase);
                Arc::new(r) as Erased
            })
        });
        Content {
            raw: RawContent::new(what, ready.map(|v| Arc::new(Ok::<Erased, LoadError>(erase(v))) as Erased), fetch),
            ty: PhantomData,
        }
    }

    /// The value, an error as a [`Failure`], or `None` while it loads.
    /// Tracks the fetch.
    pub fn get(&self) -> Option<Result<T, Failure>> {
        self.raw.get().map(|r| r.map(|v| v.downcast_ref::<T>().expect("a Content holds its own type").clone()))
    }

    /// The value once loaded, `None` while loading or after a failure.
    pub fn ok(&self) -> Option<T> {
        self.get().and_then(Result::ok)
    }

    pub fn status(&self) -> Status {
        self.raw.status()
    }

    /// A failure of this content found after it loaded (a file that
    /// arrived but does not parse, where it is parsed later): worded, and
    /// retried, as the content's own.
    pub fn failure(&self, error: LoadError) -> Failure {
        Failure { what: self.raw.what.get_value(), error, retry: self.raw.retry }
    }
}

impl RawContent {
    fn new(what: What, ready: Option<Erased>, fetch: Box<dyn Fn() -> Fetch<Erased>>) -> RawContent {
        let load = RawLoad::new(ready, fetch);
        let retry = Callback::new(move |()| load.refetch());
        RawContent { load, what: StoredValue::new(what), retry }
    }

    /// The loaded value (itself erased) or the failure.
    fn get(&self) -> Option<Result<Erased, Failure>> {
        let this = *self;
        let answer = self.load.get()?;
        let answer = answer.downcast_ref::<Result<Erased, LoadError>>().expect("a Content holds a Result");
        Some(answer.clone().map_err(|e| Failure { what: this.what.get_value(), error: e, retry: this.retry }))
    }

    fn status(&self) -> Status {
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
    track_raw(content.raw);
    content
}

/// Registers `content` with the shell, as [`use_content`] does, for
/// content made with [`Content::new`] (a chunk of code, `chunk.rs`).
pub fn track_content<T: 'static>(content: Content<T>) {
    track_raw(content.raw);
}

/// Registers a content's status with the shell (one memo type for all).
fn track_raw(raw: RawContent) {
    track(Memo::new(move |_| raw.status()));
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
