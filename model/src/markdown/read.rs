//! One Markdown file's body as Folio's blocks in one language, by
//! walking a CommonMark parser's events (pulldown-cmark). Every construct
//! is either mapped or reported as a [`Fault`] at its offset: nothing is
//! dropped, and no HTML is passed through.

use crate::error::ErrorKind;
use crate::rich::{Inline, Rich, Target};
use pulldown_cmark::{BlockQuoteKind, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// WordPress's page break, on a line of its own.
pub const PAGE_BREAK: &str = "<!--nextpage-->";

/// The parser's options: CommonMark, plus `^sup^`, `~sub~` and GitHub's
/// `> [!NOTE]`. Tables, footnotes, strikethrough and the rest stay off, so
/// they read as text the author sees, not as constructs Folio would drop.
pub fn options() -> Options {
    Options::ENABLE_SUPERSCRIPT | Options::ENABLE_SUBSCRIPT | Options::ENABLE_GFM
}

/// A fault at a byte offset of a file's body.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    pub offset: usize,
    pub kind: ErrorKind,
    pub message: String,
}

/// A block in one language, before the two languages are paired.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Paragraph { text: Rich, events: Vec<String> },
    Subhead { text: Rich },
    Quote { text: Rich, cite: Option<String> },
    List { ordered: bool, items: Vec<ListItem> },
    Figure(Picture),
    Note { text: Rich },
}

impl Piece {
    pub fn kind(&self) -> &'static str {
        match self {
            Piece::Paragraph { .. } => "a paragraph",
            Piece::Subhead { .. } => "a subhead",
            Piece::Quote { .. } => "a quote",
            Piece::List { ordered: true, .. } => "a numbered list",
            Piece::List { ordered: false, .. } => "a bulleted list",
            Piece::Figure(_) => "a figure",
            Piece::Note { .. } => "a note",
        }
    }
}

/// A list item's text and its own items' texts.
pub type ListItem = (Rich, Vec<Rich>);

/// `![alt](src "caption"){width=… height=… credit="…"}`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Picture {
    pub src: String,
    pub alt: String,
    pub caption: String,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// A piece and the byte offset (in the body) where it starts.
pub type Placed = (Piece, usize);

/// The body's pages of pieces. Faults are pushed, and the piece with one
/// is left out, so one mistake is reported once.
pub fn pages(body: &str, faults: &mut Vec<Fault>) -> Vec<Vec<Placed>> {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options()).into_offset_iter().collect();
    let mut r = Reader { events, i: 0, faults };
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    while let Some((event, range)) = r.next() {
        let at = range.start;
        match event {
            Event::Start(Tag::HtmlBlock) => {
                // The block's text, in one event or several (a line end
                // may come apart from its line).
                let mut html = String::new();
                while let Some((e, _)) = r.next() {
                    match e {
                        Event::End(TagEnd::HtmlBlock) => break,
                        Event::Html(h) | Event::Text(h) => html.push_str(&h),
                        _ => {}
                    }
                }
                if html.trim() != PAGE_BREAK {
                    r.fault(at, ErrorKind::Invalid, "raw HTML is not passed through; expected Markdown (the only HTML Folio reads is <!--nextpage--> on a line of its own)");
                } else if pages.iter().all(Vec::is_empty) {
                    r.fault(
                        at,
                        ErrorKind::Invalid,
                        "a page break before any text; expected it between two pages' blocks",
                    );
                } else if pages.last().is_some_and(Vec::is_empty) {
                    r.fault(
                        at,
                        ErrorKind::Missing,
                        "two page breaks with nothing between them; expected blocks on every page",
                    );
                } else {
                    pages.push(Vec::new());
                }
            }
            Event::Start(tag) => {
                if let Some(piece) = r.block(tag, at) {
                    pages.last_mut().expect("one page at least").push((piece, at));
                }
            }
            other => r.unexpected(&other, at),
        }
    }
    if pages.len() > 1 && pages.last().is_some_and(Vec::is_empty) {
        r.fault(body.len(), ErrorKind::Missing, "a page break at the end; expected blocks after it");
        pages.pop();
    }
    pages
}

struct Reader<'a, 'f> {
    events: Vec<(Event<'a>, Range<usize>)>,
    i: usize,
    faults: &'f mut Vec<Fault>,
}

impl<'a> Reader<'a, '_> {
    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let e = self.events.get(self.i).cloned();
        self.i += 1;
        e
    }

    fn fault(&mut self, offset: usize, kind: ErrorKind, message: impl Into<String>) {
        self.faults.push(Fault { offset, kind, message: message.into() });
    }

    /// Skips to the end of the element just started (its events reported
    /// already, or not worth reporting twice).
    fn skip(&mut self) {
        let mut depth = 1;
        while let Some((e, _)) = self.next() {
            match e {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn unexpected(&mut self, event: &Event, at: usize) {
        let what = match event {
            Event::Html(_) | Event::InlineHtml(_) => {
                "raw HTML is not passed through; expected Markdown (the only HTML Folio reads is <!--nextpage--> on a line of its own)"
            }
            Event::Rule => "a thematic break (---) is not a Folio block; for a page break write <!--nextpage--> on a line of its own",
            _ => "this Markdown has no Folio counterpart here",
        };
        self.fault(at, ErrorKind::Invalid, what);
    }

    /// A block that `tag` starts, its events consumed to its end.
    fn block(&mut self, tag: Tag<'a>, at: usize) -> Option<Piece> {
        match tag {
            Tag::Paragraph => self.paragraph(at),
            Tag::Heading { level, .. } => {
                let text = self.inlines(TagEnd::Heading(level), Allow::Text);
                if level != pulldown_cmark::HeadingLevel::H2 {
                    self.fault(
                        at,
                        ErrorKind::Invalid,
                        format!(
                            "a heading of level {}; expected ## for a subhead (the headline is in the front matter)",
                            level as usize
                        ),
                    );
                    return None;
                }
                Some(Piece::Subhead { text: text? })
            }
            Tag::BlockQuote(None) => {
                let (text, cite) = self.quoted(at, true)?;
                Some(Piece::Quote { text, cite })
            }
            Tag::BlockQuote(Some(BlockQuoteKind::Note)) => {
                let (text, _) = self.quoted(at, false)?;
                Some(Piece::Note { text })
            }
            Tag::BlockQuote(Some(_)) => {
                self.skip();
                self.fault(at, ErrorKind::Invalid, "an alert other than > [!NOTE]; expected > [!NOTE] for a note");
                None
            }
            Tag::List(start) => self.list(start, at, 0).map(|(ordered, items)| Piece::List { ordered, items }),
            Tag::CodeBlock(_) => {
                self.skip();
                self.fault(
                    at,
                    ErrorKind::Invalid,
                    "a code block is not a Folio block; expected `code` inside a paragraph",
                );
                None
            }
            _ => {
                self.skip();
                self.fault(at, ErrorKind::Invalid, "this Markdown has no Folio counterpart");
                None
            }
        }
    }

    /// A paragraph: text with its citations, or a figure (an image alone).
    fn paragraph(&mut self, at: usize) -> Option<Piece> {
        if let Some((Event::Start(Tag::Image { .. }), _)) = self.events.get(self.i) {
            return self.figure(at);
        }
        let text = self.inlines(TagEnd::Paragraph, Allow::Citations)?;
        let (text, events) = citations(text, at, self.faults)?;
        Some(Piece::Paragraph { text, events })
    }

    /// `![alt](src "caption"){attributes}`, alone in its paragraph.
    fn figure(&mut self, at: usize) -> Option<Piece> {
        let Some((Event::Start(Tag::Image { dest_url, title, .. }), _)) = self.next() else { unreachable!() };
        let Some(alt) = self.inlines(TagEnd::Image, Allow::Plain).map(|r| r.text()) else {
            // Reported; the rest of its paragraph is not reported again.
            self.skip_to_paragraph_end();
            return None;
        };
        let mut rest = String::new();
        while let Some((e, range)) = self.next() {
            match e {
                Event::End(TagEnd::Paragraph) => break,
                Event::Text(t) => rest.push_str(&t),
                Event::SoftBreak => rest.push(' '),
                _ => {
                    self.skip_to_paragraph_end();
                    self.fault(range.start, ErrorKind::Invalid, "an image must be alone in its paragraph (a figure), followed only by {width=… height=… credit=\"…\"}");
                    return None;
                }
            }
        }
        let mut pic = Picture { src: dest_url.into_string(), alt, caption: title.into_string(), ..Picture::default() };
        if let Err(why) = attributes(rest.trim(), &mut pic) {
            self.fault(at, ErrorKind::Invalid, why);
            return None;
        }
        if pic.alt.trim().is_empty() {
            self.fault(
                at,
                ErrorKind::Missing,
                "an image without alt text; expected ![what the picture shows](…) for readers who cannot see it",
            );
            return None;
        }
        Some(Piece::Figure(pic))
    }

    fn skip_to_paragraph_end(&mut self) {
        while let Some((e, _)) = self.next() {
            if e == Event::End(TagEnd::Paragraph) {
                return;
            }
        }
    }

    /// A quote's or a note's paragraphs, a blank line between them; a
    /// quote's last paragraph, when it starts with "— ", is its cite.
    fn quoted(&mut self, at: usize, cite: bool) -> Option<(Rich, Option<String>)> {
        let mut paras: Vec<Rich> = Vec::new();
        let mut ok = true;
        while let Some((e, range)) = self.next() {
            match e {
                Event::End(TagEnd::BlockQuote(_)) => break,
                Event::Start(Tag::Paragraph) => match self.inlines(TagEnd::Paragraph, Allow::Text) {
                    Some(p) => paras.push(p),
                    None => ok = false,
                },
                Event::Start(_) => {
                    self.skip();
                    self.fault(
                        range.start,
                        ErrorKind::Invalid,
                        "only paragraphs inside a quote or a note; expected text",
                    );
                    ok = false;
                }
                other => {
                    self.unexpected(&other, range.start);
                    ok = false;
                }
            }
        }
        let mut who = None;
        if cite && paras.len() > 1 {
            if let [Inline::Text(s)] = paras.last().map(|p| p.0.as_slice()).unwrap_or_default() {
                if let Some(name) = s.strip_prefix("— ") {
                    who = Some(name.to_owned());
                    paras.pop();
                }
            }
        }
        if paras.is_empty() && ok {
            self.fault(at, ErrorKind::Missing, "an empty quote or note; expected its text");
            return None;
        }
        let mut text = Vec::new();
        for (i, p) in paras.into_iter().enumerate() {
            if i > 0 {
                push_text(&mut text, "\n\n");
            }
            for item in p.0 {
                push(&mut text, item);
            }
        }
        ok.then_some((Rich(text), who))
    }

    /// A list's items; `depth` 1 for an item's own list, which may not
    /// have one of its own.
    fn list(&mut self, start: Option<u64>, at: usize, depth: usize) -> Option<(bool, Vec<ListItem>)> {
        if start.is_some_and(|n| n != 1) {
            self.fault(at, ErrorKind::Invalid, "a numbered list that does not start at 1; expected 1.");
        }
        let mut items = Vec::new();
        let mut ok = true;
        while let Some((e, range)) = self.next() {
            match e {
                Event::End(TagEnd::List(_)) => break,
                Event::Start(Tag::Item) => match self.item(range.start, depth, start.is_some()) {
                    Some(item) => items.push(item),
                    None => ok = false,
                },
                other => {
                    self.unexpected(&other, range.start);
                    ok = false;
                }
            }
        }
        ok.then_some((start.is_some(), items))
    }

    fn item(&mut self, at: usize, depth: usize, ordered: bool) -> Option<ListItem> {
        let mut text: Option<Rich> = None;
        let mut sub = Vec::new();
        let mut ok = true;
        let mut loose: Vec<Inline> = Vec::new();
        while let Some((e, range)) = self.next() {
            match e {
                Event::End(TagEnd::Item) => break,
                Event::Start(Tag::Paragraph) => match self.inlines(TagEnd::Paragraph, Allow::Text) {
                    Some(p) if text.is_none() && loose.is_empty() => text = Some(p),
                    Some(_) => {
                        self.fault(range.start, ErrorKind::Invalid, "a list item of two paragraphs; expected one");
                        ok = false;
                    }
                    None => ok = false,
                },
                Event::Start(Tag::List(start)) if depth == 0 => {
                    if start.is_some() != ordered {
                        self.fault(
                            range.start,
                            ErrorKind::Invalid,
                            "a list inside a list of the other kind; expected both bulleted or both numbered",
                        );
                        ok = false;
                    }
                    match self.list(start, range.start, 1) {
                        Some((_, items)) => sub.extend(items.into_iter().map(|(t, _)| t)),
                        None => ok = false,
                    }
                }
                Event::Start(Tag::List(_)) => {
                    self.skip();
                    self.fault(
                        range.start,
                        ErrorKind::Invalid,
                        "a list nested two levels deep; expected one level at most",
                    );
                    ok = false;
                }
                Event::Start(tag) => {
                    // Inline content of a tight item.
                    let end = tag.to_end();
                    match self.mark(tag, end, Allow::Text, range.start) {
                        Some(i) => push(&mut loose, i),
                        None => ok = false,
                    }
                }
                other => match self.inline(other, Allow::Text, range.start) {
                    Some(i) => push(&mut loose, i),
                    None => ok = false,
                },
            }
        }
        let text = text.unwrap_or_else(|| Rich(loose).trimmed());
        if text.is_blank() && ok {
            self.fault(at, ErrorKind::Missing, "an empty list item; expected its text");
            return None;
        }
        ok.then_some((text, sub))
    }

    /// Inline content up to `end`; `None` once a fault is reported.
    fn inlines(&mut self, end: TagEnd, allow: Allow) -> Option<Rich> {
        let mut out = Vec::new();
        let mut ok = true;
        while let Some((e, range)) = self.next() {
            match e {
                Event::End(e) if e == end => break,
                Event::Start(tag) => {
                    let tag_end = tag.to_end();
                    match self.mark(tag, tag_end, allow, range.start) {
                        Some(i) => push(&mut out, i),
                        None => ok = false,
                    }
                }
                other => match self.inline(other, allow, range.start) {
                    Some(i) => push(&mut out, i),
                    None => ok = false,
                },
            }
        }
        ok.then(|| Rich(out).trimmed())
    }

    fn inline(&mut self, e: Event<'a>, allow: Allow, at: usize) -> Option<Inline> {
        match e {
            Event::Text(t) => Some(Inline::Text(t.into_string())),
            Event::SoftBreak => Some(Inline::Text(" ".into())),
            Event::HardBreak if allow != Allow::Plain => Some(Inline::Text("\n".into())),
            Event::Code(c) if allow != Allow::Plain => Some(Inline::Code(c.into_string())),
            other => {
                self.unexpected(&other, at);
                None
            }
        }
    }

    /// A mark (or a link) and its content.
    fn mark(&mut self, tag: Tag<'a>, end: TagEnd, allow: Allow, at: usize) -> Option<Inline> {
        if allow == Allow::Plain {
            self.skip();
            self.fault(at, ErrorKind::Invalid, "marks in an image's alt text; expected plain words");
            return None;
        }
        let inner = |r: &mut Self| r.inlines(end, Allow::Text);
        match tag {
            Tag::Emphasis => inner(self).map(Inline::Em),
            Tag::Strong => inner(self).map(Inline::Strong),
            Tag::Superscript => inner(self).map(Inline::Sup),
            Tag::Subscript => inner(self).map(Inline::Sub),
            Tag::Link { link_type, dest_url, title, .. } => {
                let text = inner(self)?;
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.into_string(),
                };
                if !title.is_empty() {
                    self.fault(
                        at,
                        ErrorKind::Invalid,
                        "a link title (\"…\" after the address) is not kept; expected [words](address)",
                    );
                    return None;
                }
                if let Err(why) = Target::parse(&href) {
                    self.fault(at, ErrorKind::Invalid, why.message(&href));
                    return None;
                }
                Some(Inline::Link { href, text })
            }
            Tag::Image { .. } => {
                self.skip();
                self.fault(
                    at,
                    ErrorKind::Invalid,
                    "an image inside text; expected it alone in its paragraph, as a figure",
                );
                None
            }
            _ => {
                self.skip();
                self.fault(at, ErrorKind::Invalid, "this Markdown has no Folio counterpart");
                None
            }
        }
    }
}

/// What inline content may hold where it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Allow {
    /// Words only (an image's alt text).
    Plain,
    /// Marks and links.
    Text,
    /// And citations (a paragraph).
    Citations,
}

/// Appends, merging neighbouring strings (the parser splits text at
/// every character that might have started syntax).
fn push(out: &mut Vec<Inline>, item: Inline) {
    match item {
        Inline::Text(s) => push_text(out, &s),
        other => out.push(other),
    }
}

fn push_text(out: &mut Vec<Inline>, s: &str) {
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(s);
    } else {
        out.push(Inline::Text(s.to_owned()));
    }
}

/// Takes a paragraph's citations out of its text: `[@event-id]`, several
/// as `[@a; @b]`, Pandoc's syntax, anywhere in the paragraph's own words
/// (not inside a mark). The space before a citation goes with it.
pub fn citations(text: Rich, at: usize, faults: &mut Vec<Fault>) -> Option<(Rich, Vec<String>)> {
    let mut events: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut ok = true;
    for item in text.0 {
        let Inline::Text(mut s) = item else {
            out.push(item);
            continue;
        };
        while let Some(open) = s.find("[@") {
            let Some(len) = s[open..].find(']') else { break };
            let inside = &s[open + 1..open + len];
            for id in inside.split(';').map(str::trim) {
                match id.strip_prefix('@').filter(|id| crate::route::is_slug(id)) {
                    Some(id) if !events.iter().any(|e| e == id) => events.push(id.to_owned()),
                    Some(_) => {}
                    None => {
                        faults.push(Fault {
                            offset: at,
                            kind: ErrorKind::Invalid,
                            message: format!(
                                "citation {id:?}; expected @ and an event id, as in [@2016-05-sochi] or [@a; @b]"
                            ),
                        });
                        ok = false;
                    }
                }
            }
            let from = s[..open].trim_end().len();
            s.replace_range(from..open + len + 1, "");
        }
        if !s.is_empty() {
            push_text(&mut out, &s);
        }
    }
    ok.then(|| (Rich(out).trimmed(), events))
}

/// A figure's `{width=1600 height=900 credit="Photo: Folio"}`.
fn attributes(s: &str, pic: &mut Picture) -> Result<(), String> {
    const SHAPE: &str = "expected {width=… height=… credit=\"…\"} after the image";
    if s.is_empty() {
        return Ok(());
    }
    let inner =
        s.strip_prefix('{').and_then(|s| s.strip_suffix('}')).ok_or_else(|| format!("text after an image; {SHAPE}"))?;
    let mut rest = inner.trim_start();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=').ok_or_else(|| format!("attribute {rest:?}; {SHAPE}"))?;
        // In "…" or '…' (the one the value does not hold), or bare.
        let quote = after.chars().next().filter(|c| matches!(c, '"' | '\''));
        let (value, after) = if let Some(q) = quote {
            let inner = &after[1..];
            let end = inner.find(q).ok_or_else(|| format!("an unclosed quote in {key}; {SHAPE}"))?;
            (&inner[..end], &inner[end + 1..])
        } else {
            after.split_once(char::is_whitespace).unwrap_or((after, ""))
        };
        let number = || value.parse::<u32>().map_err(|_| format!("{key}={value:?}; expected a whole number of pixels"));
        match key.trim() {
            "width" => pic.width = Some(number()?),
            "height" => pic.height = Some(number()?),
            "credit" => pic.credit = Some(value.to_owned()),
            other => return Err(format!("unknown attribute {other:?}; {SHAPE}")),
        }
        rest = after.trim_start();
    }
    Ok(())
}
