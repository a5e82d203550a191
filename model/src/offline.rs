//! Offline reading: what the offline worker (`static/sw.js`) says is saved,
//! which files "Keep for offline" asks it to save, and the words for both.
//!
//! The worker is plain JavaScript and knows files, not articles: it answers
//! `__folio/saved` with one entry per article or timeline it holds files of
//! (`"article/{slug}"`, `"timeline/{id}"`), and keeps what it is given to
//! keep. Which files make an article, in every language, and how a saved
//! entry reads to a reader, is decided here, in Rust, once.

use crate::article::{asset_ref, Article, AssetRef};
use crate::listing::Lists;
use crate::mode::Mode;
use crate::paging::PageSel;
use crate::route::Route;
use crate::text::{Lang, Text};
use crate::timeline::mentions::Cites;
use crate::timestamp::Timestamp;
use serde::Deserialize;

/// Where the app asks the worker: below the bundle root, a path no route
/// or content file uses.
pub const API: &str = "__folio/";

/// The worker's answer to `__folio/saved`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SavedList {
    pub items: Vec<Saved>,
    /// The bound on what it keeps, in bytes.
    pub limit: u64,
}

/// One article or timeline with files saved.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Saved {
    /// `article/{slug}` or `timeline/{id}`.
    pub key: String,
    /// Its headline or title, from its saved file (none if that file is
    /// not saved).
    pub title: Option<Text>,
    pub bytes: u64,
    /// Kept by the reader ("Keep for offline"), not only read.
    pub kept: bool,
}

impl Saved {
    /// The view it opens at, in `mode`: an article's first page or a
    /// timeline. `None` for a key of another form.
    pub fn href(&self, mode: Mode) -> Option<String> {
        let route = match self.key.split_once('/')? {
            ("article", slug) => Route::Article { slug: slug.to_owned(), page: PageSel::Page(1) },
            ("timeline", id) => Route::Timeline { id: id.to_owned(), event: None },
            _ => return None,
        };
        Some(mode.localize(&route.href()))
    }

    /// Its title in `lang`, or its key when its file is not saved.
    pub fn label(&self, lang: Lang) -> String {
        self.title.as_ref().map_or_else(|| self.key.clone(), |t| t.get(lang).0.to_owned())
    }
}

/// Parses the worker's list. Entries it holds for other things than an
/// article or a timeline are left out.
pub fn parse_saved(json: &str) -> Result<SavedList, crate::ContentError> {
    let mut list: SavedList = crate::parse::from_json(json)?;
    list.items.retain(|s| s.href(Mode::En).is_some());
    Ok(list)
}

/// The worker's answer to a keep: how much it holds for the key now, and
/// how many of the files it was given it could not download.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Kept {
    pub key: String,
    pub bytes: u64,
    pub failed: usize,
}

pub fn parse_kept(json: &str) -> Result<Kept, crate::ContentError> {
    crate::parse::from_json(json)
}

/// The body of `POST __folio/keep`.
pub fn keep_request(key: &str, files: &[String]) -> String {
    let urls: Vec<String> = files.iter().map(|f| json_string(f)).collect();
    format!("{{\"key\":{},\"urls\":[{}]}}", json_string(key), urls.join(","))
}

/// The body of `POST __folio/forget`.
pub fn forget_request(key: &str) -> String {
    format!("{{\"key\":{}}}", json_string(key))
}

/// `s` as a JSON string. By hand: the browser's build has no JSON writer
/// otherwise, and serde_json's would add kilobytes for two small bodies.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The key the worker files an article under.
pub fn article_key(slug: &str) -> String {
    format!("article/{slug}")
}

/// Every file "Keep for offline" saves for `article`, as paths from the
/// bundle root: each of its pages and its "view all" in each language,
/// its own file, its figure (if in the bundle), and the derived files its
/// view reads (the events it cites, its section's lists). With these,
/// any of its pages opens offline, in any language.
pub fn article_files(article: &Article) -> Vec<String> {
    let mut files = Vec::new();
    let pages = (1..=article.page_count()).map(PageSel::Page).chain([PageSel::All]);
    for page in pages {
        let href = Route::Article { slug: article.slug.clone(), page }.href();
        for mode in Mode::ALL {
            files.push(mode.localize(&href).trim_start_matches('/').to_owned());
        }
    }
    files.extend(article_needs(article));
    files.push(crate::files::in_bundle(&Lists::file(&article.section)));
    files
}

/// What any page of `article` reads that the worker, saving the page,
/// saves with it ([`crate::files::offline`]; `dist` writes the list, and
/// `static/sw.js` reads it): its own file, the events it cites and its
/// figures in every language (the language switch shows the other's),
/// with their resized copies, as paths from the bundle root.
pub fn article_needs(article: &Article) -> Vec<String> {
    let mut files: Vec<String> = [crate::files::article(&article.slug), Cites::file(&article.slug)]
        .into_iter()
        .map(|f| crate::files::in_bundle(&f))
        .collect();
    // Every figure, lead and between paragraphs, with its WebP copies:
    // the page offline shows the copy its screen chose online (every
    // browser with a service worker takes WebP).
    let inline = article.pages.iter().flatten().filter_map(|b| match b {
        crate::Block::Figure(f) => Some(f),
        _ => None,
    });
    for f in article.figure.iter().chain(inline) {
        for (_, src) in f.src.files() {
            if let Some(AssetRef::Local(src)) = asset_ref(src) {
                let copies = crate::article::resized(src, f.width);
                files.push(crate::files::in_bundle(src));
                files.extend(copies.iter().map(|c| crate::files::in_bundle(&c.webp)));
            }
        }
    }
    files.dedup();
    files
}

/// The same for a timeline: its file.
pub fn timeline_needs(id: &str) -> Vec<String> {
    vec![crate::files::in_bundle(&crate::files::timeline(id))]
}

/// A size as a reader reads it: `840 KB`, `1.2 MB`.
pub fn size(bytes: u64) -> String {
    match bytes {
        0..=999 => format!("{bytes} B"),
        1_000..=999_999 => format!("{} KB", (bytes + 500) / 1000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// When a saved copy was saved, from the worker's mark (an RFC 3339 time
/// in UTC): `2026-12-02 14:05 UTC`. `None` if there is no date to show.
pub fn saved_when(mark: &str) -> Option<String> {
    let t: Timestamp = mark.parse().ok()?;
    Some(format!("{} UTC", t.dateline()))
}

/// The words of offline reading, in one language.
pub struct OfflineStrings {
    pub offline_title: &'static str,
    pub offline_body: &'static str,
    pub saved_heading: &'static str,
    pub nothing_saved: &'static str,
    pub keep: &'static str,
    pub keeping: &'static str,
    pub kept: fn(&str) -> String,
    pub keep_failed: fn(usize) -> String,
    pub remove: &'static str,
    pub remove_label: fn(&str) -> String,
    pub kept_mark: &'static str,
    pub saved_copy: fn(Option<&str>, bool) -> String,
    pub storage_note: fn(&str) -> String,
    pub unavailable: &'static str,
}

pub const EN: OfflineStrings = OfflineStrings {
    offline_title: "You’re offline",
    offline_body: "This page is not saved on this device. The pages you have read here, and the articles you kept for offline reading, open without a connection.",
    saved_heading: "Saved for offline reading",
    nothing_saved: "Nothing is saved yet. Articles you read are saved as you read them; “Keep for offline” saves every page of one, in every language.",
    keep: "Keep for offline",
    keeping: "Saving for offline…",
    kept: |size| format!("Kept for offline · {size}"),
    keep_failed: |n| {
        if n == 1 {
            "Could not save for offline: 1 file did not download. Try again when you are online.".to_owned()
        } else {
            format!("Could not save for offline: {n} files did not download. Try again when you are online.")
        }
    },
    remove: "Remove",
    remove_label: |title| format!("Remove “{title}” from this device"),
    kept_mark: "kept",
    saved_copy: |when, offline| {
        let what = match when {
            Some(when) => format!("This is the copy saved on this device on {when}."),
            None => "This page is shown from what is saved on this device.".to_owned(),
        };
        if offline {
            format!("You’re offline. {what}")
        } else {
            format!("The site did not answer. {what}")
        }
    },
    storage_note: |limit| format!("Folio keeps up to {limit} on this device and lets the least recently read go first."),
    unavailable: "Offline reading is not available in this browser, or on this site.",
};

pub const ZH: OfflineStrings = OfflineStrings {
    offline_title: "您处于离线状态",
    offline_body: "本页尚未保存在此设备上。您在这里读过的页面，以及设为离线阅读的文章，无需联网即可打开。",
    saved_heading: "已保存以供离线阅读",
    nothing_saved: "尚未保存任何内容。您阅读的文章会随读随存；“离线保存”会保存一篇文章的所有页面和所有语言版本。",
    keep: "离线保存",
    keeping: "正在保存以供离线阅读…",
    kept: |size| format!("已离线保存 · {size}"),
    keep_failed: |n| format!("离线保存未完成：有 {n} 个文件未能下载。请在联网时重试。"),
    remove: "删除",
    remove_label: |title| format!("从此设备删除《{title}》"),
    kept_mark: "已保存",
    saved_copy: |when, offline| {
        let what = match when {
            Some(when) => format!("这是 {when} 保存在此设备上的副本。"),
            None => "本页显示的是此设备上保存的内容。".to_owned(),
        };
        if offline {
            format!("您处于离线状态。{what}")
        } else {
            format!("网站没有响应。{what}")
        }
    },
    storage_note: |limit| format!("Folio 在此设备上最多保存 {limit}，空间不足时先删除最久未读的内容。"),
    unavailable: "此浏览器或此网站不支持离线阅读。",
};

/// The strings of the interface language `lang`.
pub fn strings(lang: Lang) -> &'static OfflineStrings {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        let json = include_str!("../tests/fixtures/seed-article.json");
        crate::parse::article(json).unwrap()
    }

    #[test]
    fn keeping_an_article_saves_every_page_in_every_language_and_what_its_view_reads() {
        let a = article();
        let files = article_files(&a);
        let pages = a.page_count() + 1;
        assert_eq!(files.iter().filter(|f| !f.starts_with("content/")).count(), pages * 3);
        for want in [
            "article/japan-overtures-to-russia/".to_owned(),
            "zh/article/japan-overtures-to-russia/2/".to_owned(),
            "dual/article/japan-overtures-to-russia/all/".to_owned(),
            "content/articles/japan-overtures-to-russia.json".to_owned(),
            format!("content/{}", Cites::file(&a.slug)),
            format!("content/{}", Lists::file(&a.section)),
        ] {
            assert!(files.contains(&want), "{want} in {files:?}");
        }
        for (_, src) in a.figure.as_ref().unwrap().src.files() {
            let figure = format!("content/{src}");
            assert!(files.contains(&figure), "the lead figure: {figure}");
        }
        // Every path is one a route or the content folder answers.
        for f in files.iter().filter(|f| !f.starts_with("content/")) {
            assert!(Route::parse(&format!("/{f}"), "").route != Route::NotFound, "{f}");
        }
    }

    #[test]
    fn a_figure_between_paragraphs_is_kept_with_its_webp_copies() {
        let mut a = article();
        let photo: crate::Figure = serde_json::from_str(
            r#"{"src": "figures/pier.jpg", "width": 1000, "height": 600, "alt": {"en": "A"}, "caption": {"en": "C"}, "credit": {"en": "F"}}"#,
        )
        .unwrap();
        a.pages[0].push(crate::Block::Figure(photo));
        let needs = article_needs(&a);
        for want in [
            "content/figures/pier.jpg",
            "content/derived/resized/figures/pier-480.webp",
            "content/derived/resized/figures/pier-960.webp",
            "content/derived/resized/figures/pier-1000.webp",
        ] {
            assert!(needs.iter().any(|f| f == want), "{want}: {needs:?}");
        }
        assert!(!needs.iter().any(|f| f.ends_with("pier-480.jpg")), "no fallback copies: {needs:?}");
    }

    #[test]
    fn the_workers_list_reads_back_with_hrefs_in_the_readers_language() {
        let list = parse_saved(
            r#"{"items":[{"key":"article/a","title":{"en":"A","zh":"甲"},"bytes":1200,"kept":true,"read":1},
                {"key":"timeline/t","title":null,"bytes":5,"kept":false,"read":2},
                {"key":"content/catalog.json","title":null,"bytes":5,"kept":false,"read":3}],"limit":50000000}"#,
        )
        .unwrap();
        assert_eq!(list.items.len(), 2, "a file of no article is not listed");
        assert_eq!(list.items[0].href(Mode::Zh).as_deref(), Some("/zh/article/a/"));
        assert_eq!(list.items[1].href(Mode::En).as_deref(), Some("/timeline/t/"));
        assert_eq!(list.items[0].label(Lang::Zh), "甲");
        assert_eq!(list.items[1].label(Lang::En), "timeline/t", "no title saved: its key");
        assert!(parse_saved("<!doctype html>").is_err(), "an SPA fallback's page is no list");
    }

    #[test]
    fn the_requests_to_the_worker_are_json_whatever_the_key() {
        let body = keep_request("article/a\"b\\c\n", &["x/".to_owned(), "y.json".to_owned()]);
        let back: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(back["key"], "article/a\"b\\c\n");
        assert_eq!(back["urls"], serde_json::json!(["x/", "y.json"]));
        let back: serde_json::Value = serde_json::from_str(&forget_request("timeline/t")).unwrap();
        assert_eq!(back, serde_json::json!({ "key": "timeline/t" }));
    }

    #[test]
    fn sizes_and_dates_read_as_a_reader_reads_them() {
        assert_eq!(size(640), "640 B");
        assert_eq!(size(839_600), "840 KB");
        assert_eq!(size(1_240_000), "1.2 MB");
        assert_eq!(saved_when("2026-12-02T14:05:09Z").as_deref(), Some("2026-12-02 14:05 UTC"));
        assert_eq!(saved_when(""), None);
        assert_eq!(saved_when("yesterday"), None);
        let en = (EN.saved_copy)(Some("2026-12-02 14:05 UTC"), true);
        assert_eq!(en, "You’re offline. This is the copy saved on this device on 2026-12-02 14:05 UTC.");
        assert!((ZH.saved_copy)(None, false).starts_with("网站没有响应"));
    }
}
