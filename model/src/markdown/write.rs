//! An article as its Markdown files: the way back from JSON, for
//! `cargo xtask convert`. What [`super::article`] reads from the result is
//! the article given (a property test checks it); what Markdown cannot say
//! is refused by name rather than written differently.

use super::read::PAGE_BREAK;
use crate::article::{Article, Block, Figure, Item};
use crate::rich::{Inline, Rich};
use crate::text::{Lang, Text};
use std::fmt::Write;

/// The English file and, when the article has any Chinese, the Chinese
/// file; or why the article cannot be written as Markdown.
pub fn article(a: &Article) -> Result<(String, Option<String>), String> {
    let en = file(a, Lang::En)?;
    let any_zh = [&a.column, &a.headline, &a.summary, &a.byline.author].iter().any(|t| t.zh.is_some())
        || a.byline.source.as_ref().is_some_and(|s| s.zh.is_some())
        || a.figure.as_ref().is_some_and(figure_has_zh)
        || a.pages.iter().flatten().any(|b| match b {
            Block::Figure(f) => figure_has_zh(f),
            Block::Quote { cite: Some(c), .. } if c.zh.is_some() => true,
            b => b.texts().iter().any(|t| t.zh.is_some()),
        });
    let zh = if any_zh { Some(file(a, Lang::Zh)?) } else { None };
    Ok((en, zh))
}

fn figure_has_zh(f: &Figure) -> bool {
    f.src.per_language() || [&f.alt, &f.caption, &f.credit].iter().any(|t| t.zh.is_some())
}

fn file(a: &Article, lang: Lang) -> Result<String, String> {
    let mut out = String::from("+++\n");
    let zh = lang == Lang::Zh;
    let field = |out: &mut String, key: &str, t: &Text| match (zh, &t.zh) {
        (false, _) => writeln!(out, "{key} = {}", toml_str(&t.en)).unwrap(),
        (true, Some(z)) => writeln!(out, "{key} = {}", toml_str(z)).unwrap(),
        (true, None) => {}
    };
    if !zh {
        writeln!(out, "section = {}", toml_str(&a.section)).unwrap();
    }
    field(&mut out, "headline", &a.headline);
    field(&mut out, "summary", &a.summary);
    field(&mut out, "column", &a.column);
    field(&mut out, "author", &a.byline.author);
    if let Some(s) = &a.byline.source {
        field(&mut out, "source", s);
    }
    if !zh {
        writeln!(out, "published = {}", a.published).unwrap();
        if let Some(u) = a.updated {
            writeln!(out, "updated = {u}").unwrap();
        }
        if !a.editions.is_empty() {
            let list: Vec<String> = a.editions.iter().map(|e| toml_str(e)).collect();
            writeln!(out, "editions = [{}]", list.join(", ")).unwrap();
        }
    }
    if let Some(f) = &a.figure {
        let mut table = String::new();
        let (src, src_lang) = f.src.get(lang);
        if !zh || src_lang == Lang::Zh {
            writeln!(table, "src = {}", toml_str(src)).unwrap();
        }
        if !zh {
            writeln!(table, "width = {}\nheight = {}", f.width, f.height).unwrap();
        }
        field(&mut table, "alt", &f.alt);
        field(&mut table, "caption", &f.caption);
        field(&mut table, "credit", &f.credit);
        if !table.is_empty() {
            write!(out, "\n[figure]\n{table}").unwrap();
        }
    }
    out.push_str("+++\n");
    for (i, page) in a.pages.iter().enumerate() {
        if i > 0 {
            write!(out, "\n{PAGE_BREAK}\n").unwrap();
        }
        // Two lists of a kind in a row would read as one: the second
        // takes the other marker (`*`, `1)`), as CommonMark separates them.
        let mut alternate = false;
        for (j, block) in page.iter().enumerate() {
            out.push('\n');
            alternate = match (block, j.checked_sub(1).map(|k| &page[k])) {
                (Block::List { ordered, .. }, Some(Block::List { ordered: before, .. })) => {
                    ordered == before && !alternate
                }
                _ => false,
            };
            block_md(&mut out, block, lang, alternate)
                .map_err(|why| format!("page {}, block {}: {why}", i + 1, j + 1))?;
        }
    }
    Ok(out)
}

/// The side of `t` in `lang` as written: the Chinese file leaves out what
/// has no translation, which Markdown cannot (a block is there or not).
fn side(r: &crate::rich::RichText, lang: Lang) -> Result<&Rich, String> {
    match lang {
        Lang::En => Ok(&r.en),
        Lang::Zh => r.zh.as_ref().ok_or_else(|| {
            format!(
                "{:?} has no Chinese, and a Chinese file pairs block by block; expected every block translated",
                clip(&r.en.text())
            )
        }),
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

fn block_md(out: &mut String, block: &Block, lang: Lang, alternate: bool) -> Result<(), String> {
    match block {
        Block::Paragraph { text, events } => {
            let r = side(text, lang)?;
            out.push_str(&paragraph(r, true)?);
            if !events.is_empty() && lang == Lang::En {
                let ids: Vec<String> = events.iter().map(|e| format!("@{e}")).collect();
                write!(out, " [{}]", ids.join("; ")).unwrap();
            }
            out.push('\n');
        }
        Block::Subhead { text } => writeln!(out, "## {}", paragraph(side(text, lang)?, false)?).unwrap(),
        Block::Quote { text, cite } => {
            quoted(out, side(text, lang)?)?;
            // A Chinese file without the cite's translation leaves it out.
            let who = cite.as_ref().and_then(|c| if lang == Lang::Zh { c.zh.as_deref() } else { Some(&c.en) });
            if let Some(who) = who {
                writeln!(out, ">\n> — {}", escape(who)).unwrap();
            }
        }
        Block::Note { text } => {
            out.push_str("> [!NOTE]\n");
            quoted(out, side(text, lang)?)?;
        }
        Block::List { ordered, items } => list(out, *ordered, items, lang, "", alternate)?,
        Block::Figure(f) => {
            let (src, _) = f.src.get(lang);
            let pick = |t: &Text| -> String {
                match lang {
                    Lang::En => t.en.clone(),
                    Lang::Zh => t.zh.clone().unwrap_or_default(),
                }
            };
            if f.alt.en.contains('\n') || f.caption.en.contains('\n') {
                return Err("a figure's alt or caption on two lines; expected one line each".into());
            }
            write!(out, "![{}]({} {})", escape(&pick(&f.alt)), link_dest(src), title(&pick(&f.caption))).unwrap();
            let credit = pick(&f.credit);
            let mut attrs = Vec::new();
            if lang == Lang::En {
                attrs.push(format!("width={}", f.width));
                attrs.push(format!("height={}", f.height));
            }
            if !credit.is_empty() || lang == Lang::En {
                // Quoted with whichever quote it does not hold.
                let q = if credit.contains('"') { '\'' } else { '"' };
                if credit.contains('"') && credit.contains('\'') || credit.contains('\n') {
                    return Err(
                        "a figure's credit with both kinds of quote, or on two lines; expected one kind, one line"
                            .into(),
                    );
                }
                attrs.push(format!("credit={q}{}{q}", escape(&credit)));
            }
            writeln!(out, "{{{}}}", attrs.join(" ")).unwrap();
        }
    }
    Ok(())
}

fn quoted(out: &mut String, r: &Rich) -> Result<(), String> {
    for (i, p) in r.paragraphs().iter().enumerate() {
        if i > 0 {
            out.push_str(">\n");
        }
        writeln!(out, "> {}", paragraph(p, true)?).unwrap();
    }
    Ok(())
}

fn list(
    out: &mut String,
    ordered: bool,
    items: &[Item],
    lang: Lang,
    indent: &str,
    alternate: bool,
) -> Result<(), String> {
    let marker = match (ordered, alternate) {
        (true, false) => "1. ",
        (true, true) => "1) ",
        (false, false) => "- ",
        (false, true) => "* ",
    };
    let inner = format!("{indent}{}", " ".repeat(marker.len()));
    for item in items {
        writeln!(out, "{indent}{marker}{}", paragraph(side(&item.text, lang)?, true)?).unwrap();
        if !item.items.is_empty() {
            list(out, ordered, &item.items, lang, &inner, false)?;
        }
    }
    Ok(())
}

/// One paragraph's marked text on one line (`\n`, a line break, as a
/// backslash at the end of a line). `block`: at the start of a block,
/// where `#`, `-`, `1.` and `>` would start other constructs.
fn paragraph(r: &Rich, block: bool) -> Result<String, String> {
    if r.0.iter().any(|i| matches!(i, Inline::Text(s) if s.contains("\n\n"))) {
        return Err(format!(
            "{:?} holds two paragraphs (a translator's split); Markdown pairs paragraph by paragraph, expected one",
            clip(&r.text())
        ));
    }
    let mut out = String::new();
    inlines(&mut out, r)?;
    if block {
        out = guard_start(&out);
    }
    Ok(out)
}

fn inlines(out: &mut String, r: &Rich) -> Result<(), String> {
    for item in &r.0 {
        match item {
            Inline::Text(s) => {
                for (i, line) in s.split('\n').enumerate() {
                    if i > 0 {
                        out.push_str("\\\n");
                    }
                    out.push_str(&escape(line));
                }
            }
            Inline::Code(c) => {
                let ticks = "`".repeat(longest_run(c, '`') + 1);
                let pad = if c.starts_with('`') || c.ends_with('`') || (c.starts_with(' ') && c.ends_with(' ')) {
                    " "
                } else {
                    ""
                };
                write!(out, "{ticks}{pad}{c}{pad}{ticks}").unwrap();
            }
            Inline::Em(m) => marked(out, "*", m)?,
            Inline::Strong(m) => marked(out, "**", m)?,
            Inline::Sup(m) => marked(out, "^", m)?,
            Inline::Sub(m) => marked(out, "~", m)?,
            Inline::Link { href, text } => {
                out.push('[');
                inlines(out, text)?;
                write!(out, "]({})", link_dest(href)).unwrap();
            }
        }
    }
    Ok(())
}

fn marked(out: &mut String, delim: &str, m: &Rich) -> Result<(), String> {
    let words = m.text();
    if words.starts_with(char::is_whitespace) || words.ends_with(char::is_whitespace) || words.is_empty() {
        return Err(format!("a mark around {words:?}, which starts or ends with a space; Markdown cannot say it"));
    }
    out.push_str(delim);
    inlines(out, m)?;
    out.push_str(delim);
    Ok(())
}

fn longest_run(s: &str, c: char) -> usize {
    s.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

/// Text as Markdown text: the characters that start inline syntax
/// escaped (CommonMark lets any ASCII punctuation be).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '^' | '~' | '!' | '&' | '{' | '}') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start another block at the start of a line: a
/// heading, a list item, a quote, a thematic break.
fn guard_start(s: &str) -> String {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let needs = match s.as_bytes().first() {
        Some(b'#' | b'-' | b'+' | b'=' | b'|') => Some(0),
        Some(b'0'..=b'9') if matches!(s.as_bytes().get(digits), Some(b'.' | b')')) => Some(digits),
        _ => None,
    };
    match needs {
        Some(at) => format!("{}\\{}", &s[..at], &s[at..]),
        None => s.to_owned(),
    }
}

/// A link's or image's address, in `<…>` when it has spaces or brackets.
fn link_dest(href: &str) -> String {
    if href.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", href.replace('<', "%3C").replace('>', "%3E"))
    } else {
        href.to_owned()
    }
}

fn title(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => write!(out, "\\u{:04X}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
