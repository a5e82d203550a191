//! The search's interface strings, in every language: a table of their
//! own beside [`crate::ui`], so the results' wording stays with the code
//! that shows it (the search view is a chunk of the app).

use crate::mode::Mode;
use crate::text::Lang;

pub struct SearchStrings {
    pub lang: Lang,
    /// The masthead's box: its label and its button.
    pub label: &'static str,
    pub placeholder: &'static str,
    pub heading: &'static str,
    /// On the search page without JavaScript, or before the app runs.
    pub needs_script: &'static str,
    pub prompt: &'static str,
    /// A query with nothing searchable in it: punctuation, symbols, or
    /// only the commonest words.
    pub no_words: &'static str,
    pub searching: &'static str,
    pub count: fn(usize) -> String,
    pub none: fn(&str) -> String,
    pub filter_label: &'static str,
    pub all_kinds: &'static str,
    pub articles: &'static str,
    pub events: &'static str,
    pub section_label: &'static str,
    pub all_sections: &'static str,
    pub more: &'static str,
    pub event: &'static str,
    pub keys_hint: &'static str,
    /// A file of the index missing or damaged.
    pub broken_title: &'static str,
    pub broken_body: &'static str,
}

pub const EN: SearchStrings = SearchStrings {
    lang: Lang::En,
    label: "Search",
    placeholder: "Search articles and meetings",
    heading: "Search",
    needs_script: "Search runs in your browser and needs JavaScript. Turn it on and reload, or browse the sections and the timeline.",
    prompt: "Type a word to search the articles and the timeline, in English or Chinese.",
    no_words: "There is nothing to search for in that: use letters or Chinese characters. The commonest words, such as “the”, are not searched.",
    searching: "Searching…",
    count: |n| match n {
        1 => "1 result".to_owned(),
        n => format!("{n} results"),
    },
    none: |q| format!("No results for “{q}”."),
    filter_label: "Show",
    all_kinds: "Everything",
    articles: "Articles",
    events: "Meetings",
    section_label: "Section",
    all_sections: "All sections",
    more: "More results",
    event: "Meeting",
    keys_hint: "Press / to search from any page, ↓ and ↑ to move through the results, Esc to clear the box.",
    broken_title: "The search index could not be read",
    broken_body: "A file of the search index is missing or damaged, perhaps because the site is being updated. Try again in a moment.",
};

pub const ZH: SearchStrings = SearchStrings {
    lang: Lang::Zh,
    label: "搜索",
    placeholder: "搜索文章和会晤",
    heading: "搜索",
    needs_script: "搜索在浏览器中运行，需要启用 JavaScript。请启用后重新加载，或浏览各栏目和时间线。",
    prompt: "输入中文或英文词语，搜索文章和时间线。",
    no_words: "其中没有可搜索的内容：请输入字母或汉字。“the”等最常用的英文词不作搜索。",
    searching: "正在搜索…",
    count: |n| format!("共 {n} 条结果"),
    none: |q| format!("没有找到与“{q}”相关的结果。"),
    filter_label: "显示",
    all_kinds: "全部",
    articles: "文章",
    events: "会晤",
    section_label: "栏目",
    all_sections: "所有栏目",
    more: "更多结果",
    event: "会晤",
    keys_hint: "在任何页面按 / 开始搜索，按 ↓ 和 ↑ 浏览结果，按 Esc 清空搜索框。",
    broken_title: "无法读取搜索索引",
    broken_body: "搜索索引的某个文件缺失或已损坏，可能是网站正在更新。请稍后重试。",
};

pub fn for_mode(mode: Mode) -> &'static SearchStrings {
    strings(mode.ui_lang())
}

pub fn strings(lang: Lang) -> &'static SearchStrings {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(s: &SearchStrings) -> Vec<String> {
        let SearchStrings {
            lang: _,
            label,
            placeholder,
            heading,
            needs_script,
            prompt,
            no_words,
            searching,
            count,
            none,
            filter_label,
            all_kinds,
            articles,
            events,
            section_label,
            all_sections,
            more,
            event,
            keys_hint,
            broken_title,
            broken_body,
        } = s;
        let mut out: Vec<String> = [
            label,
            placeholder,
            heading,
            needs_script,
            prompt,
            no_words,
            searching,
            filter_label,
            all_kinds,
            articles,
            events,
            section_label,
            all_sections,
            more,
            event,
            keys_hint,
            broken_title,
            broken_body,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        out.push(count(3));
        out.push(none("x"));
        out
    }

    #[test]
    fn every_string_is_translated() {
        for (e, z) in entries(&EN).iter().zip(entries(&ZH)) {
            assert!(crate::reading::count(e).han == 0, "{e}");
            assert!(crate::reading::count(&z).han > 0, "{z}");
        }
        assert_eq!((EN.count)(1), "1 result");
        assert_eq!((EN.count)(12), "12 results");
    }
}
