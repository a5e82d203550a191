//! Content for a view: ready at once when the page carried it, else
//! fetched.
//!
//! A prerendered page holds the data of its first render (`folio-data`,
//! read into `api`'s caches before the app mounts). A view built over
//! [`Load::Ready`] renders its content in the very first pass, so the
//! client's DOM matches the prerendered one with no loading state between
//! them. Views reached later by navigation fetch as before.

use leptos::prelude::*;
use std::future::Future;

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

    /// Waits for the value.
    pub async fn wait(self) -> T {
        match self {
            Load::Ready(v) => v.get_value(),
            Load::Fetch(r) => r.await,
        }
    }
}
