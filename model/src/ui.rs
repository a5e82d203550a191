//! Interface strings, in every language.
//!
//! A typed table rather than an i18n framework: each language is a value of
//! one struct, so a key missing in any language is a compile error, and the
//! whole table costs a few hundred bytes of wasm (leptos_i18n costs about
//! 16 KB brotli even without default features). Strings that take
//! arguments are functions, so word order can differ per language.

use crate::mode::Mode;
use crate::settings::{LineWidth, TextSize};
use crate::text::Lang;
use crate::theme::Theme;
use crate::timestamp::Timestamp;
use crate::Date;

pub struct Strings {
    pub lang: Lang,
    pub skip_to_content: &'static str,
    pub editions_label: &'static str,
    pub language_label: &'static str,
    /// Read through [`Strings::mode_name`] (a match, as for themes).
    modes: fn(Mode) -> &'static str,
    pub layout_label: &'static str,
    pub side_by_side: &'static str,
    pub interleaved: &'static str,
    pub not_translated: &'static str,
    pub misaligned: fn(usize, usize) -> String,
    pub home_heading: &'static str,
    pub edition_heading: fn(&str) -> String,
    pub no_articles: &'static str,
    pub section_heading: fn(&str) -> String,
    /// A listing page after the first: "Page 2 of 40".
    pub listing_page: fn(usize, usize) -> String,
    /// A listing page past the last (the listing shrank, or the address
    /// was typed).
    pub no_listing_page: fn(usize) -> String,
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
    pub most_viewed: &'static str,
    pub top_news: &'static str,
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
    /// The title over a content file that could not be read, by what it
    /// holds: an article, a timeline, the catalog or a listing.
    pub broken_article: &'static str,
    pub broken_timeline: &'static str,
    pub broken_list: &'static str,
    pub broken_body: &'static str,
    pub network_title: &'static str,
    pub network_body: &'static str,
    pub technical_detail: &'static str,
    /// An event's occasion, outcome and sources, fetched apart from a large
    /// timeline: the fetch failed (worth a retry), or the file is missing
    /// or damaged (not).
    pub details_network: &'static str,
    pub details_broken: &'static str,
    /// Under such a failure, when the page's prerendered copy stays on
    /// screen (the app's `shell/boot.rs`): what the reader is looking at.
    pub kept_copy: &'static str,
    /// The phone list's buttons that show more of a long timeline, with
    /// how many events are still hidden on that side.
    pub show_earlier: fn(usize) -> String,
    pub show_later: fn(usize) -> String,
    pub timelines_heading: &'static str,
    pub axis_label: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub fit_all: &'static str,
    pub filter_pm: &'static str,
    pub filter_group: &'static str,
    pub filter_all: &'static str,
    pub place: &'static str,
    pub leaders: &'static str,
    pub occasion: &'static str,
    pub outcome: &'static str,
    pub sources: &'static str,
    pub mentioned_in: &'static str,
    pub mention_at: fn(usize, usize) -> String,
    /// Citing paragraphs beyond those an event card lists.
    pub more_mentions: fn(usize) -> String,
    pub cluster_label: fn(usize, &str, &str) -> String,
    pub cluster_legend: &'static str,
    pub events_shown: fn(usize, usize) -> String,
    pub no_events: &'static str,
    pub no_event_title: &'static str,
    pub no_event_body: fn(&str) -> String,
    pub no_timeline_title: &'static str,
    pub no_timeline_body: fn(&str) -> String,
    pub keys_hint: &'static str,
    pub on_this_page: &'static str,
    pub date_range: fn(&Date, Option<&Date>) -> String,
    pub embed: &'static str,
    pub embed_heading: &'static str,
    pub theme_label: &'static str,
    pub embed_start: &'static str,
    pub whole_timeline: &'static str,
    pub embed_plain: &'static str,
    pub embed_preview: &'static str,
    pub snippet_loader: &'static str,
    pub snippet_iframe: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub close: &'static str,
    pub open_full: &'static str,
    pub new_tab: &'static str,
    pub site_description: &'static str,
    /// Read through [`Strings::theme_name`]; a match, so a new theme
    /// without a name in every language does not compile.
    themes: fn(Theme) -> &'static str,
    pub display: &'static str,
    pub display_heading: &'static str,
    pub text_size_label: &'static str,
    /// Smallest first; read through [`Strings::size_name`].
    sizes: [&'static str; 5],
    pub line_width_label: &'static str,
    /// Read through [`Strings::width_name`].
    widths: fn(LineWidth) -> &'static str,
}

pub const EN: Strings = Strings {
    lang: Lang::En,
    skip_to_content: "Skip to the article",
    editions_label: "Editions",
    language_label: "Language",
    modes: |mode| match mode {
        Mode::En => "English",
        Mode::Zh => "中文",
        Mode::Both => "Both",
    },
    layout_label: "Bilingual layout",
    side_by_side: "Side by side",
    interleaved: "Interleaved",
    not_translated: "Not yet translated",
    misaligned: |en, zh| {
        format!(
            "The translation of this page does not match paragraph for paragraph: {en} in English, {zh} in Chinese."
        )
    },
    home_heading: "Latest",
    edition_heading: |e| format!("{e} edition"),
    no_articles: "No articles here yet.",
    section_heading: |s| s.to_owned(),
    listing_page: |page, pages| format!("Page {page} of {pages}"),
    no_listing_page: |page| format!("This list has no page {page}: it has fewer stories now, or the address is mistyped."),
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
    most_viewed: "Most Viewed",
    top_news: "Today's Top News",
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
    broken_article: "This article could not be read",
    broken_timeline: "This timeline could not be read",
    broken_list: "The list of articles could not be read",
    broken_body: "Its content file is damaged. The publisher has to fix it; nothing is wrong with your connection.",
    network_title: "Could not load",
    network_body: "The content could not be fetched. Check your connection and try again.",
    technical_detail: "Details",
    details_network: "The rest of this meeting’s record could not be fetched. Check your connection and try again.",
    details_broken: "The rest of this meeting’s record is missing or damaged. The publisher has to fix it.",
    kept_copy: "Below is the page as it was published. Its links and the language switch work now; its other buttons respond once the rest has loaded.",
    show_earlier: |n| format!("Show earlier meetings ({n} more)"),
    show_later: |n| format!("Show later meetings ({n} more)"),
    timelines_heading: "Timelines",
    axis_label: "Meetings on a time axis",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    fit_all: "Fit all",
    filter_pm: "Prime minister",
    filter_group: "Kind of meeting",
    filter_all: "All",
    place: "Place",
    leaders: "Leaders",
    occasion: "Occasion",
    outcome: "Outcome",
    sources: "Sources",
    mentioned_in: "In the articles",
    mention_at: |page, para| format!("page {page}, paragraph {para}"),
    more_mentions: |n| if n == 1 { "and 1 more paragraph".to_owned() } else { format!("and {n} more paragraphs") },
    cluster_label: |n, from, to| format!("{n} meetings, {from} to {to}: zoom in"),
    cluster_legend: "Several meetings: click to zoom in",
    events_shown: |shown, total| format!("{shown} of {total} meetings"),
    no_events: "No meeting matches these filters.",
    no_event_title: "No such meeting",
    no_event_body: |id| format!("There is no meeting “{id}” on this timeline."),
    no_timeline_title: "Timeline not found",
    no_timeline_body: |id| format!("There is no timeline called “{id}”."),
    keys_hint: "← → move between meetings, Home and End jump to the ends.",
    on_this_page: "Meetings on this page",
    date_range: en_date_range,
    embed: "Embed",
    embed_heading: "Embed on your site",
    theme_label: "Theme",
    embed_start: "Start at",
    whole_timeline: "The whole timeline",
    embed_plain: "Hide the header",
    embed_preview: "Preview",
    snippet_loader: "With the loader script (sizes itself)",
    snippet_iframe: "Plain iframe (fixed height)",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Selected: press Ctrl+C to copy",
    close: "Close",
    open_full: "Open in Folio",
    new_tab: "(opens in a new tab)",
    site_description: "Commentary and explainers on Japan–Russia relations, with an interactive timeline of their summits since 1956. In English and Chinese.",
    themes: |theme| match theme {
        Theme::Auto => "Automatic",
        Theme::Light => "Light",
        Theme::Dark => "Dark",
        Theme::Sepia => "Sepia",
    },
    display: "Display",
    display_heading: "Display settings",
    text_size_label: "Text size",
    sizes: ["Smallest", "Small", "Normal", "Large", "Largest"],
    line_width_label: "Line width",
    widths: |width| match width {
        LineWidth::Narrow => "Narrow",
        LineWidth::Normal => "Normal",
        LineWidth::Wide => "Wide",
    },
};

pub const ZH: Strings = Strings {
    lang: Lang::Zh,
    skip_to_content: "跳到正文",
    editions_label: "版本",
    language_label: "语言",
    modes: |mode| match mode {
        Mode::En => "English",
        Mode::Zh => "中文",
        Mode::Both => "双语",
    },
    layout_label: "双语排版",
    side_by_side: "左右对照",
    interleaved: "上下交替",
    not_translated: "未翻译",
    misaligned: |en, zh| format!("本页译文未能逐段对应：英文 {en} 段，中文 {zh} 段。"),
    home_heading: "最新",
    edition_heading: |e| format!("{e}版"),
    no_articles: "暂无文章。",
    section_heading: |s| format!("{s}频道"),
    listing_page: |page, pages| format!("第 {page} 页，共 {pages} 页"),
    no_listing_page: |page| format!("此列表没有第 {page} 页：文章已减少，或地址有误。"),
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
    most_viewed: "最多阅读",
    top_news: "今日要闻",
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
    broken_article: "无法读取这篇文章",
    broken_timeline: "无法读取这条时间轴",
    broken_list: "无法读取文章列表",
    broken_body: "文章的内容文件已损坏，需由发布者修复；您的网络连接没有问题。",
    network_title: "加载失败",
    network_body: "无法获取内容。请检查网络连接后重试。",
    technical_detail: "详细信息",
    details_network: "未能获取这次会晤的其余记录。请检查网络连接后重试。",
    details_broken: "这次会晤的其余记录缺失或已损坏，需由发布者修复。",
    kept_copy: "下面是本页发布时的版本。其中的链接和语言切换现在即可使用；其他按钮须待其余内容加载后才会响应。",
    show_earlier: |n| format!("显示更早的会晤（还有 {n} 次）"),
    show_later: |n| format!("显示更晚的会晤（还有 {n} 次）"),
    timelines_heading: "时间轴",
    axis_label: "会晤时间轴",
    zoom_in: "放大",
    zoom_out: "缩小",
    fit_all: "全部显示",
    filter_pm: "日本首相",
    filter_group: "会晤类型",
    filter_all: "全部",
    place: "地点",
    leaders: "领导人",
    occasion: "背景",
    outcome: "成果",
    sources: "资料来源",
    mentioned_in: "相关文章",
    mention_at: |page, para| format!("第 {page} 页第 {para} 段"),
    more_mentions: |n| format!("另有 {n} 段"),
    cluster_label: |n, from, to| format!("{from}至{to}共 {n} 次会晤，点击放大"),
    cluster_legend: "多次会晤：点击放大",
    events_shown: |shown, total| format!("共 {total} 次会晤，显示 {shown} 次"),
    no_events: "没有符合筛选条件的会晤。",
    no_event_title: "没有这次会晤",
    no_event_body: |id| format!("时间轴上没有“{id}”这次会晤。"),
    no_timeline_title: "找不到时间轴",
    no_timeline_body: |id| format!("没有名为“{id}”的时间轴。"),
    keys_hint: "← → 切换会晤，Home 和 End 跳至首尾。",
    on_this_page: "本页提及的会晤",
    date_range: zh_date_range,
    embed: "嵌入",
    embed_heading: "嵌入到你的网站",
    theme_label: "主题",
    embed_start: "起始位置",
    whole_timeline: "整条时间线",
    embed_plain: "隐藏页眉",
    embed_preview: "预览",
    snippet_loader: "使用加载脚本（自动调整高度）",
    snippet_iframe: "仅 iframe（固定高度）",
    copy: "复制",
    copied: "已复制",
    copy_failed: "已选中：请按 Ctrl+C 复制",
    close: "关闭",
    open_full: "在 Folio 中打开",
    new_tab: "（在新标签页打开）",
    site_description: "关于日俄关系的评论与解读，并附1956年以来日俄首脑会谈的互动时间线。中英双语。",
    themes: |theme| match theme {
        Theme::Auto => "自动",
        Theme::Light => "浅色",
        Theme::Dark => "深色",
        Theme::Sepia => "棕褐",
    },
    display: "显示",
    display_heading: "显示设置",
    text_size_label: "字号",
    sizes: ["最小", "小", "标准", "大", "最大"],
    line_width_label: "行宽",
    widths: |width| match width {
        LineWidth::Narrow => "窄",
        LineWidth::Normal => "标准",
        LineWidth::Wide => "宽",
    },
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "6 May 2016", "13–19 October 1956", "30 May – 2 June 2003",
/// "28 December 1999 – 2 January 2000".
fn en_date_range(start: &Date, end: Option<&Date>) -> String {
    let m = |d: &Date| MONTHS[usize::from(d.month) - 1];
    match end.filter(|e| *e != start) {
        None => format!("{} {} {}", start.day, m(start), start.year),
        Some(e) if e.year == start.year && e.month == start.month => {
            format!("{}–{} {} {}", start.day, e.day, m(e), e.year)
        }
        Some(e) if e.year == start.year => format!("{} {} – {} {} {}", start.day, m(start), e.day, m(e), e.year),
        Some(e) => format!("{} {} {} – {} {} {}", start.day, m(start), start.year, e.day, m(e), e.year),
    }
}

/// "2016年5月6日", "1956年10月13日至19日", "2003年5月30日至6月2日".
fn zh_date_range(start: &Date, end: Option<&Date>) -> String {
    let s = format!("{}年{}月{}日", start.year, start.month, start.day);
    match end.filter(|e| *e != start) {
        None => s,
        Some(e) if e.year == start.year && e.month == start.month => format!("{s}至{}日", e.day),
        Some(e) if e.year == start.year => format!("{s}至{}月{}日", e.month, e.day),
        Some(e) => format!("{s}至{}年{}月{}日", e.year, e.month, e.day),
    }
}

fn zh_date(t: &Timestamp) -> String {
    format!("{}年{}月{}日", t.year, t.month, t.day)
}

fn zh_datetime(t: &Timestamp) -> String {
    format!("{} {:02}:{:02}", zh_date(t), t.hour, t.minute)
}

impl Strings {
    /// A theme's name, in the display settings and the embed dialog.
    pub fn theme_name(&self, theme: Theme) -> &'static str {
        (self.themes)(theme)
    }

    /// A reading mode's name, in the language switch and the embed dialog.
    pub fn mode_name(&self, mode: Mode) -> &'static str {
        (self.modes)(mode)
    }

    pub fn size_name(&self, size: TextSize) -> &'static str {
        self.sizes[size.index()]
    }

    pub fn width_name(&self, width: LineWidth) -> &'static str {
        (self.widths)(width)
    }
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
        let (d1, d2): (Date, Date) = ("1956-10-13".parse().unwrap(), "1956-10-19".parse().unwrap());
        let Strings {
            lang: _,
            skip_to_content,
            editions_label,
            language_label,
            modes,
            layout_label,
            side_by_side,
            interleaved,
            not_translated,
            misaligned,
            home_heading,
            edition_heading,
            no_articles,
            section_heading,
            listing_page,
            no_listing_page,
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
            most_viewed,
            top_news,
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
            broken_article,
            broken_timeline,
            broken_list,
            broken_body,
            network_title,
            network_body,
            technical_detail,
            details_network,
            details_broken,
            kept_copy,
            show_earlier,
            show_later,
            timelines_heading,
            axis_label,
            zoom_in,
            zoom_out,
            fit_all,
            filter_pm,
            filter_group,
            filter_all,
            place,
            leaders,
            occasion,
            outcome,
            sources,
            mentioned_in,
            mention_at,
            more_mentions,
            cluster_label,
            cluster_legend,
            events_shown,
            no_events,
            no_event_title,
            no_event_body,
            no_timeline_title,
            no_timeline_body,
            keys_hint,
            on_this_page,
            date_range,
            embed,
            embed_heading,
            theme_label,
            embed_start,
            whole_timeline,
            embed_plain,
            embed_preview,
            snippet_loader,
            snippet_iframe,
            copy,
            copied,
            copy_failed,
            close,
            open_full,
            new_tab,
            site_description,
            themes,
            display,
            display_heading,
            text_size_label,
            sizes,
            line_width_label,
            widths,
        } = s;
        vec![
            ("skip_to_content", skip_to_content.to_string()),
            ("editions_label", editions_label.to_string()),
            ("language_label", language_label.to_string()),
            ("modes(Both)", modes(Mode::Both).to_string()),
            ("layout_label", layout_label.to_string()),
            ("side_by_side", side_by_side.to_string()),
            ("interleaved", interleaved.to_string()),
            ("not_translated", not_translated.to_string()),
            ("misaligned", misaligned(3, 2)),
            ("home_heading", home_heading.to_string()),
            ("edition_heading", edition_heading("ASIA")),
            ("no_articles", no_articles.to_string()),
            ("section_heading", section_heading("World")),
            ("listing_page", listing_page(2, 40)),
            ("no_listing_page", no_listing_page(9)),
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
            ("most_viewed", most_viewed.to_string()),
            ("top_news", top_news.to_string()),
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
            ("broken_article", broken_article.to_string()),
            ("broken_timeline", broken_timeline.to_string()),
            ("broken_list", broken_list.to_string()),
            ("broken_body", broken_body.to_string()),
            ("network_title", network_title.to_string()),
            ("network_body", network_body.to_string()),
            ("technical_detail", technical_detail.to_string()),
            ("details_network", details_network.to_string()),
            ("details_broken", details_broken.to_string()),
            ("kept_copy", kept_copy.to_string()),
            ("show_earlier", show_earlier(3)),
            ("show_later", show_later(3)),
            ("timelines_heading", timelines_heading.to_string()),
            ("axis_label", axis_label.to_string()),
            ("zoom_in", zoom_in.to_string()),
            ("zoom_out", zoom_out.to_string()),
            ("fit_all", fit_all.to_string()),
            ("filter_pm", filter_pm.to_string()),
            ("filter_group", filter_group.to_string()),
            ("filter_all", filter_all.to_string()),
            ("place", place.to_string()),
            ("leaders", leaders.to_string()),
            ("occasion", occasion.to_string()),
            ("outcome", outcome.to_string()),
            ("sources", sources.to_string()),
            ("mentioned_in", mentioned_in.to_string()),
            ("mention_at", mention_at(2, 3)),
            ("more_mentions", more_mentions(4)),
            ("cluster_label", cluster_label(5, "1990", "1999")),
            ("cluster_legend", cluster_legend.to_string()),
            ("events_shown", events_shown(3, 36)),
            ("no_events", no_events.to_string()),
            ("no_event_title", no_event_title.to_string()),
            ("no_event_body", no_event_body("x")),
            ("no_timeline_title", no_timeline_title.to_string()),
            ("no_timeline_body", no_timeline_body("x")),
            ("keys_hint", keys_hint.to_string()),
            ("on_this_page", on_this_page.to_string()),
            ("date_range", date_range(&d1, Some(&d2))),
            ("embed", embed.to_string()),
            ("embed_heading", embed_heading.to_string()),
            ("theme_label", theme_label.to_string()),
            ("embed_start", embed_start.to_string()),
            ("whole_timeline", whole_timeline.to_string()),
            ("embed_plain", embed_plain.to_string()),
            ("embed_preview", embed_preview.to_string()),
            ("snippet_loader", snippet_loader.to_string()),
            ("snippet_iframe", snippet_iframe.to_string()),
            ("copy", copy.to_string()),
            ("copied", copied.to_string()),
            ("copy_failed", copy_failed.to_string()),
            ("close", close.to_string()),
            ("open_full", open_full.to_string()),
            ("new_tab", new_tab.to_string()),
            ("site_description", site_description.to_string()),
            ("themes", Theme::ALL.map(themes).join(" | ")),
            ("display", display.to_string()),
            ("display_heading", display_heading.to_string()),
            ("text_size_label", text_size_label.to_string()),
            ("sizes", sizes.join(" | ")),
            ("line_width_label", line_width_label.to_string()),
            ("widths", LineWidth::ALL.map(widths).join(" | ")),
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
        for mode in [Mode::En, Mode::Zh] {
            assert_eq!(EN.mode_name(mode), ZH.mode_name(mode));
        }
    }

    #[test]
    fn dates_follow_each_locale() {
        let t: Timestamp = "2016-09-07T07:48:00+08:00".parse().unwrap();
        assert_eq!((EN.updated)(&t), "Updated: 2016-09-07 07:48");
        assert_eq!((ZH.updated)(&t), "更新时间：2016年9月7日 07:48");
        assert_eq!((ZH.date)(&t), "2016年9月7日");
        let d = |s: &str| s.parse::<Date>().unwrap();
        let cases = [
            ("2016-05-06", None, "6 May 2016", "2016年5月6日"),
            ("1956-10-13", Some("1956-10-19"), "13–19 October 1956", "1956年10月13日至19日"),
            ("2003-05-30", Some("2003-06-02"), "30 May – 2 June 2003", "2003年5月30日至6月2日"),
            ("1999-12-28", Some("2000-01-02"), "28 December 1999 – 2 January 2000", "1999年12月28日至2000年1月2日"),
            ("2016-05-06", Some("2016-05-06"), "6 May 2016", "2016年5月6日"),
        ];
        for (start, end, en, zh) in cases {
            let end = end.map(d);
            assert_eq!((EN.date_range)(&d(start), end.as_ref()), en);
            assert_eq!((ZH.date_range)(&d(start), end.as_ref()), zh);
        }
    }
}
