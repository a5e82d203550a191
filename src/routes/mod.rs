//! One file per page, as in Leptos's hackernews example.

pub mod article;
pub mod listing;
pub mod not_found;
pub mod search;
pub mod timeline;
