//! Interface strings, in every language.
//!
//! A typed table rather than an i18n framework: each language is a value of
//! one struct, so a key missing in any language is a compile error, and the
//! whole table costs a few hundred bytes of wasm (leptos_i18n costs about
//! 16 KB brotli even without default features). Strings that take
//! arguments are functions, so word order can differ per language.

use crate::mode::Mode;
use crate::text::Lang;
use crate::timestamp::Timestamp;

pub struct Strings {
    pub lang: Lang,
    pub skip_to_content: &'static str,
    pub editions_label: &'static str,
    pub language_label: &'static str,
    /// The toggle's labels, in mode order (English, 中文, Both).
    pub mode_names: [&'static str; 3],
    pub layout_label: &'static str,
    pub side_by_side: &'static str,
    pub interleaved: &'static str,
    pub not_translated: &'static str,
    pub misaligned: fn(usize, usize) -> String,
    pub home_heading: &'static str,
    pub edition_heading: fn(&str) -> String,
    pub no_articles: &'static str,
    pub by: fn(&str) -> String,
    pub by_source: fn(&str, &str) -> String,
    pub updated: fn(&Timestamp) -> String,
    pub date: fn(&Timestamp) -> String,
    pub reading_time: fn(u32) -> String,
    pub page_reading: fn(usize, u32) -> String,
    pub pages_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_n: fn(usize) -> String,
    pub view_all: &'static str,
    pub all_pages: &'static str,
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
    language_label: "Language",
    mode_names: ["English", "中文", "Both"],
    layout_label: "Bilingual layout",
    side_by_side: "Side by side",
    interleaved: "Interleaved",
    not_translated: "Not yet translated",
    misaligned: |en, zh| {
        format!("The translation of this page does not match paragraph for paragraph: {en} in English, {zh} in Chinese.")
    },
    home_heading: "Latest",
    edition_heading: |e| format!("{e} edition"),
    no_articles: "No articles in this edition yet.",
    by: |a| format!("By {a}"),
    by_source: |a, s| format!("By {a} ({s})"),
    updated: |t| format!("Updated: {}", t.dateline()),
    date: |t| t.date(),
    reading_time: |m| format!("{m} min read"),
    page_reading: |n, m| format!("page {n}: {m} min"),
    pages_label: "Article pages",
    previous_page: "Previous Page",
    next_page: "Next Page",
    page_n: |n| format!("Page {n}"),
    view_all: "View all",
    all_pages: "All pages",
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

pub const ZH: Strings = Strings {
    lang: Lang::Zh,
    skip_to_content: "跳到正文",
    editions_label: "版本",
    language_label: "语言",
    mode_names: ["English", "中文", "双语"],
    layout_label: "双语排版",
    side_by_side: "左右对照",
    interleaved: "上下交替",
    not_translated: "未翻译",
    misaligned: |en, zh| format!("本页译文未能逐段对应：英文 {en} 段，中文 {zh} 段。"),
    home_heading: "最新",
    edition_heading: |e| format!("{e}版"),
    no_articles: "本版暂无文章。",
    by: |a| format!("作者：{a}"),
    by_source: |a, s| format!("作者：{a}（{s}）"),
    updated: |t| format!("更新时间：{}", zh_datetime(t)),
    date: zh_date,
    reading_time: |m| format!("阅读约 {m} 分钟"),
    page_reading: |n, m| format!("第 {n} 页约 {m} 分钟"),
    pages_label: "文章分页",
    previous_page: "上一页",
    next_page: "下一页",
    page_n: |n| format!("第 {n} 页"),
    view_all: "全文",
    all_pages: "全部页面",
    related_heading: "延伸阅读",
    loading: "加载中……",
    retry: "重试",
    back_home: "返回首页",
    not_found_title: "页面不存在",
    not_found_body: "此地址没有内容。页面可能已移动，或链接有误。",
    no_article_title: "找不到文章",
    no_article_body: |slug| format!("没有名为“{slug}”的文章。"),
    no_page_title: "没有这一页",
    no_page_body: |page, count| format!("本文没有“{page}”页，共 {count} 页。"),
    go_to_page: |n| format!("前往第 {n} 页"),
    empty_article_body: "本文暂无正文。",
    broken_title: "无法读取这篇文章",
    broken_body: "文章的内容文件已损坏，需由发布者修复；您的网络连接没有问题。",
    network_title: "加载失败",
    network_body: "无法获取内容。请检查网络连接后重试。",
    technical_detail: "详细信息",
};

fn zh_date(t: &Timestamp) -> String {
    format!("{}年{}月{}日", t.year, t.month, t.day)
}

fn zh_datetime(t: &Timestamp) -> String {
    format!("{} {:02}:{:02}", zh_date(t), t.hour, t.minute)
}

/// The interface strings for a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// The interface strings for a reading mode.
pub fn for_mode(mode: Mode) -> &'static Strings {
    strings(mode.ui_lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of a table, with its key, so the tests below can check
    /// them all. Adding a field to `Strings` without listing it here fails
    /// to compile (the destructuring is exhaustive).
    fn entries(s: &Strings) -> Vec<(&'static str, String)> {
        let t: Timestamp = "2016-09-07T07:48:00+08:00".parse().unwrap();
        let Strings {
            lang: _,
            skip_to_content,
            editions_label,
            language_label,
            mode_names,
            layout_label,
            side_by_side,
            interleaved,
            not_translated,
            misaligned,
            home_heading,
            edition_heading,
            no_articles,
            by,
            by_source,
            updated,
            date,
            reading_time,
            page_reading,
            pages_label,
            previous_page,
            next_page,
            page_n,
            view_all,
            all_pages,
            related_heading,
            loading,
            retry,
            back_home,
            not_found_title,
            not_found_body,
            no_article_title,
            no_article_body,
            no_page_title,
            no_page_body,
            go_to_page,
            empty_article_body,
            broken_title,
            broken_body,
            network_title,
            network_body,
            technical_detail,
        } = s;
        vec![
            ("skip_to_content", skip_to_content.to_string()),
            ("editions_label", editions_label.to_string()),
            ("language_label", language_label.to_string()),
            ("mode_names[2]", mode_names[2].to_string()),
            ("layout_label", layout_label.to_string()),
            ("side_by_side", side_by_side.to_string()),
            ("interleaved", interleaved.to_string()),
            ("not_translated", not_translated.to_string()),
            ("misaligned", misaligned(3, 2)),
            ("home_heading", home_heading.to_string()),
            ("edition_heading", edition_heading("ASIA")),
            ("no_articles", no_articles.to_string()),
            ("by", by("A")),
            ("by_source", by_source("A", "S")),
            ("updated", updated(&t)),
            ("date", date(&t)),
            ("reading_time", reading_time(3)),
            ("page_reading", page_reading(2, 1)),
            ("pages_label", pages_label.to_string()),
            ("previous_page", previous_page.to_string()),
            ("next_page", next_page.to_string()),
            ("page_n", page_n(2)),
            ("view_all", view_all.to_string()),
            ("all_pages", all_pages.to_string()),
            ("related_heading", related_heading.to_string()),
            ("loading", loading.to_string()),
            ("retry", retry.to_string()),
            ("back_home", back_home.to_string()),
            ("not_found_title", not_found_title.to_string()),
            ("not_found_body", not_found_body.to_string()),
            ("no_article_title", no_article_title.to_string()),
            ("no_article_body", no_article_body("x")),
            ("no_page_title", no_page_title.to_string()),
            ("no_page_body", no_page_body("9", 2)),
            ("go_to_page", go_to_page(2)),
            ("empty_article_body", empty_article_body.to_string()),
            ("broken_title", broken_title.to_string()),
            ("broken_body", broken_body.to_string()),
            ("network_title", network_title.to_string()),
            ("network_body", network_body.to_string()),
            ("technical_detail", technical_detail.to_string()),
        ]
    }

    fn has_han(s: &str) -> bool {
        crate::reading::count(s).han > 0
    }

    #[test]
    fn every_key_exists_and_is_translated_in_both_languages() {
        let (en, zh) = (entries(&EN), entries(&ZH));
        assert_eq!(en.len(), zh.len());
        for ((key, e), (_, z)) in en.iter().zip(&zh) {
            assert!(!e.trim().is_empty(), "EN.{key} is empty");
            assert!(!z.trim().is_empty(), "ZH.{key} is empty");
            assert_ne!(e, z, "ZH.{key} is still the English text");
            assert!(!has_han(e), "EN.{key} contains Chinese: {e}");
            assert!(has_han(z), "ZH.{key} has no Chinese: {z}");
        }
        // The toggle names each language in itself.
        assert_eq!(EN.mode_names[..2], ZH.mode_names[..2]);
    }

    #[test]
    fn dates_follow_each_locale() {
        let t: Timestamp = "2016-09-07T07:48:00+08:00".parse().unwrap();
        assert_eq!((EN.updated)(&t), "Updated: 2016-09-07 07:48");
        assert_eq!((ZH.updated)(&t), "更新时间：2016年9月7日 07:48");
        assert_eq!((ZH.date)(&t), "2016年9月7日");
    }
}
