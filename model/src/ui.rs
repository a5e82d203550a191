//! Interface strings.
//!
//! A typed table rather than an i18n framework: each language is a value of
//! one struct, so a key missing in any language is a compile error, and the
//! whole table costs a few hundred bytes of wasm (leptos_i18n costs about
//! 16 KB brotli). Strings that take arguments are functions.

use crate::text::Lang;

pub struct Strings {
    pub lang: Lang,
    pub skip_to_content: &'static str,
    pub editions_label: &'static str,
    pub chinese_edition: &'static str,
    pub home_heading: &'static str,
    pub edition_heading: fn(&str) -> String,
    pub no_articles: &'static str,
    pub by: fn(&str) -> String,
    pub updated: fn(&str) -> String,
    pub reading_time: fn(u32) -> String,
    pub page_reading: fn(usize, u32) -> String,
    pub pages_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_n: fn(usize) -> String,
    pub view_all: &'static str,
    pub all_pages: &'static str,
    pub page_of: fn(usize, usize) -> String,
    pub related_heading: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub back_home: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub no_article_title: &'static str,
    pub no_article_body: fn(&str) -> String,
    pub no_page_title: &'static str,
    pub no_page_body: fn(&str, usize) -> String,
    pub go_to_page: fn(usize) -> String,
    pub empty_article_body: &'static str,
    pub broken_title: &'static str,
    pub broken_body: &'static str,
    pub network_title: &'static str,
    pub network_body: &'static str,
    pub technical_detail: &'static str,
}

pub const EN: Strings = Strings {
    lang: Lang::En,
    skip_to_content: "Skip to the article",
    editions_label: "Editions",
    chinese_edition: "中文",
    home_heading: "Latest",
    edition_heading: |e| format!("{e} edition"),
    no_articles: "No articles in this edition yet.",
    by: |a| format!("By {a}"),
    updated: |t| format!("Updated: {t}"),
    reading_time: |m| format!("{m} min read"),
    page_reading: |n, m| format!("page {n}: {m} min"),
    pages_label: "Article pages",
    previous_page: "Previous Page",
    next_page: "Next Page",
    page_n: |n| format!("Page {n}"),
    view_all: "View all",
    all_pages: "All pages",
    page_of: |n, count| format!("Page {n} of {count}"),
    related_heading: "More to read",
    loading: "Loading…",
    retry: "Try again",
    back_home: "Back to the front page",
    not_found_title: "Page not found",
    not_found_body: "There is nothing at this address. It may have moved, or the link may be mistyped.",
    no_article_title: "Article not found",
    no_article_body: |slug| format!("There is no article called “{slug}”."),
    no_page_title: "No such page",
    no_page_body: |page, count| {
        let pages = if count == 1 { "page" } else { "pages" };
        format!("This article has no page “{page}”. It has {count} {pages}.")
    },
    go_to_page: |n| format!("Go to page {n}"),
    empty_article_body: "This article has no text yet.",
    broken_title: "This article could not be read",
    broken_body: "Its content file is damaged. The publisher has to fix it; nothing is wrong with your connection.",
    network_title: "Could not load",
    network_body: "The content could not be fetched. Check your connection and try again.",
    technical_detail: "Details",
};

/// The strings for a language. Only English exists so far; Chinese arrives
/// with the language toggle.
pub fn strings(_lang: Lang) -> &'static Strings {
    &EN
}
