//! Checking a whole content folder before it is published.
//!
//! Parsing (see [`crate::parse`]) catches what serde can: syntax, types,
//! missing or unknown fields, bad timestamps. This module adds the checks
//! that need the whole corpus: slugs that collide, sections that do not
//! exist, pages with nothing on them, figures that point nowhere. Every
//! finding names the file, the JSON path, the line and column, and what was
//! expected, so a publisher can fix it without reading Rust.
//!
//! The module does no I/O: the caller (`cargo xtask validate`) reads the
//! folder into a [`Corpus`], which keeps this testable with in-memory files.

use crate::article::{Article, Block};
use crate::catalog::Catalog;
use crate::error::{ContentError, ErrorKind};
use crate::files::{self, ARTICLES, CATALOG, TIMELINES};
use crate::listing::Listing;
use crate::locate::{locate, JsonPath};
use crate::paging::PageSel;
use crate::parse;
use crate::rich::{Inline, Rich, RichText, Target};
use crate::route::Route;
use crate::text::Text;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One content file, named relative to the content folder
/// (`catalog.json`, `articles/x.json`).
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
}

/// Everything the validator looks at.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// `None` when `catalog.json` is missing.
    pub catalog: Option<Source>,
    pub articles: Vec<Source>,
    /// Articles' Markdown files, English and Chinese (`articles/*.md`).
    pub markdown: Vec<Source>,
    pub timelines: Vec<Source>,
    /// The files `cargo xtask dist` derives (`derived/…`), present when the
    /// folder is a bundle's `content/`: checked so that a damaged copy on a
    /// host is found before a reader finds it.
    pub derived: Vec<Source>,
    /// Every other file present, relative to the content folder, so figure
    /// references can be checked.
    pub assets: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub error: ContentError,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.error;
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}:{}: {sev}: ", e.file.as_deref().unwrap_or("?"), e.line, e.column)?;
        if !e.path.is_empty() {
            write!(f, "at {}: ", e.path)?;
        }
        f.write_str(&e.message)
    }
}

/// Where a Markdown article's parts were written (nothing without Markdown).
#[cfg(feature = "markdown")]
type SourceMap = crate::markdown::SourceMap;
#[cfg(not(feature = "markdown"))]
type SourceMap = ();

/// Collects findings for one file, locating each path in its text, or
/// for an article read from Markdown, in the file that wrote it.
struct Sink<'a> {
    src: &'a Source,
    out: &'a mut Vec<Diagnostic>,
    #[cfg(feature = "markdown")]
    map: Option<&'a crate::markdown::SourceMap>,
}

impl<'a> Sink<'a> {
    fn new(src: &'a Source, out: &'a mut Vec<Diagnostic>) -> Sink<'a> {
        Sink::located(src, out, None)
    }

    /// A sink for an article read from Markdown, whose findings `map`
    /// places in its files (`None`: in `src` itself).
    #[cfg_attr(not(feature = "markdown"), allow(unused_variables))]
    fn located(src: &'a Source, out: &'a mut Vec<Diagnostic>, map: Option<&'a SourceMap>) -> Sink<'a> {
        Sink {
            src,
            out,
            #[cfg(feature = "markdown")]
            map,
        }
    }

    fn push(&mut self, severity: Severity, kind: ErrorKind, path: &JsonPath, message: String) {
        let shown = path.to_string();
        #[cfg(feature = "markdown")]
        if let Some(map) = self.map {
            let (file, line, column) = map.locate(&shown);
            let error = ContentError { kind, file: Some(file.to_owned()), path: shown, line, column, message };
            self.out.push(Diagnostic { severity, error });
            return;
        }
        let file = self.src.name.clone();
        let (line, column) = locate(&self.src.text, path).unwrap_or((0, 0));
        let error = ContentError { kind, file: Some(file), path: shown, line, column, message };
        self.out.push(Diagnostic { severity, error });
    }

    fn error(&mut self, kind: ErrorKind, path: &JsonPath, message: impl Into<String>) {
        self.push(Severity::Error, kind, path, message.into());
    }

    fn warn(&mut self, kind: ErrorKind, path: &JsonPath, message: impl Into<String>) {
        self.push(Severity::Warning, kind, path, message.into());
    }

    fn parse_error(&mut self, e: ContentError) {
        self.out.push(Diagnostic { severity: Severity::Error, error: e.in_file(self.src.name.clone()) });
    }

    /// Marked text: English present, and every link one the reader may
    /// follow. Links to Folio's own views are returned, to be checked once
    /// every article and timeline has been read.
    fn rich(&mut self, path: &JsonPath, t: &RichText, folio: &mut Vec<(JsonPath, String, Target)>) {
        self.english(path, t.en.is_blank());
        for (lang, side) in [("en", Some(&t.en)), ("zh", t.zh.as_ref())] {
            if let Some(side) = side {
                self.links(&path.key(lang), side, folio);
            }
        }
    }

    fn links(&mut self, path: &JsonPath, r: &Rich, folio: &mut Vec<(JsonPath, String, Target)>) {
        for (k, item) in r.0.iter().enumerate() {
            let at = path.index(k);
            match item {
                Inline::Link { href, text } => {
                    match Target::parse(href) {
                        Ok(Target::External(_)) => {}
                        Ok(target) => folio.push((at.key("link"), href.clone(), target)),
                        Err(why) => self.error(ErrorKind::Invalid, &at.key("link"), why.message(href)),
                    }
                    if text.is_blank() {
                        self.error(
                            ErrorKind::Missing,
                            &at.key("text"),
                            "a link without words; expected the text the reader clicks",
                        );
                    }
                    self.links(&at.key("text"), text, folio);
                }
                Inline::Em(m) => self.links(&at.key("em"), m, folio),
                Inline::Strong(m) => self.links(&at.key("strong"), m, folio),
                Inline::Sup(m) => self.links(&at.key("sup"), m, folio),
                Inline::Sub(m) => self.links(&at.key("sub"), m, folio),
                Inline::Text(_) | Inline::Code(_) => {}
            }
        }
    }

    /// English is the source language: it must be present and not blank.
    fn text(&mut self, path: &JsonPath, t: &Text) {
        self.english(path, t.en.trim().is_empty());
    }

    fn english(&mut self, path: &JsonPath, blank: bool) {
        if blank {
            self.error(ErrorKind::Missing, &path.key("en"), "missing English text; expected a non-empty \"en\" string");
        }
    }
}

fn duplicates<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<(usize, &'a str)> {
    let mut seen = HashSet::new();
    ids.into_iter().enumerate().filter(|(_, id)| !seen.insert(*id)).collect()
}

/// What is wrong with `url` as the address a bundle is deployed at, if
/// anything: oEmbed's absolute URLs are built on it, so it must be an
/// http(s) address ending in "/". `setting` names where it was given
/// (`site_url` in the catalog; `FOLIO_SITE_URL` for `cargo xtask dist`).
pub fn site_url_problem(setting: &str, url: &str) -> Option<String> {
    let ok = (url.starts_with("https://") || url.starts_with("http://")) && url.ends_with('/');
    (!ok).then(|| {
        format!("{setting} {url:?} must be an http(s) address ending in \"/\", e.g. \"https://news.example/folio/\"")
    })
}

fn check_catalog(c: &Catalog, sink: &mut Sink) {
    let root = JsonPath::root();
    sink.text(&root.key("site"), &c.site);
    if let Some(problem) = c.site_url.as_deref().and_then(|url| site_url_problem("site_url", url)) {
        sink.error(ErrorKind::Invalid, &root.key("site_url"), problem);
    }
    for (i, id) in duplicates(c.editions.iter().map(|e| e.id.as_str())) {
        sink.error(
            ErrorKind::Duplicate,
            &root.key("editions").index(i).key("id"),
            format!("duplicate edition id {id:?}; expected each id once"),
        );
    }
    for (i, id) in duplicates(c.sections.iter().map(|s| s.id.as_str())) {
        sink.error(
            ErrorKind::Duplicate,
            &root.key("sections").index(i).key("id"),
            format!("duplicate section id {id:?}; expected each id once"),
        );
    }
    for (i, e) in c.editions.iter().enumerate() {
        sink.text(&root.key("editions").index(i).key("label"), &e.label);
    }
    for (i, s) in c.sections.iter().enumerate() {
        sink.text(&root.key("sections").index(i).key("label"), &s.label);
    }
    if c.articles.is_some() {
        sink.error(
            ErrorKind::Unknown,
            &root.key("articles"),
            format!(
                "{CATALOG} no longer lists articles; move each entry's summary and editions into its article \
                 file ({}) and delete this list: the listings are derived from the article files",
                files::article("{slug}")
            ),
        );
    }
    for (key, list) in [("most_viewed", &c.most_viewed), ("top_news", &c.top_news)] {
        if list.len() > crate::listing::NAMED_MAX {
            sink.error(
                ErrorKind::Invalid,
                &root.key(key),
                format!("{key} names {} articles; expected at most {}", list.len(), crate::listing::NAMED_MAX),
            );
        }
        for (i, slug) in duplicates(list.iter().map(String::as_str)) {
            sink.error(
                ErrorKind::Duplicate,
                &root.key(key).index(i),
                format!("{slug:?} is named twice; expected each article once"),
            );
        }
    }
}

fn unknown_section(c: &Catalog, id: &str) -> String {
    let known: Vec<_> = c.sections.iter().map(|s| s.id.as_str()).collect();
    format!("unknown section {id:?}; expected one of {known:?} (declare new sections in {CATALOG})")
}

fn check_article(
    a: &Article,
    catalog: Option<&Catalog>,
    assets: &HashSet<&str>,
    known_events: Option<&HashSet<String>>,
    sink: &mut Sink,
) -> Vec<(JsonPath, String, Target)> {
    let mut folio = Vec::new();
    let root = JsonPath::root();
    let expected_name = crate::files::article(&a.slug);
    // A Markdown article's slug is its file's name.
    if sink.src.name != expected_name && matches!(files::kind(&sink.src.name), files::Kind::Article) {
        sink.error(
            ErrorKind::Invalid,
            &root.key("slug"),
            format!("slug {:?} does not match the file name; expected the file to be {expected_name}", a.slug),
        );
    }
    if let Some(c) = catalog {
        if c.section(&a.section).is_none() {
            sink.error(ErrorKind::Reference, &root.key("section"), unknown_section(c, &a.section));
        }
        for (j, ed) in a.editions.iter().enumerate() {
            if c.edition(ed).is_none() {
                let known: Vec<_> = c.editions.iter().map(|e| e.id.as_str()).collect();
                sink.error(
                    ErrorKind::Reference,
                    &root.key("editions").index(j),
                    format!("unknown edition {ed:?}; expected one of {known:?}"),
                );
            }
        }
    }
    for (j, ed) in duplicates(a.editions.iter().map(String::as_str)) {
        sink.warn(ErrorKind::Duplicate, &root.key("editions").index(j), format!("edition {ed:?} is named twice"));
    }
    sink.text(&root.key("column"), &a.column);
    sink.text(&root.key("headline"), &a.headline);
    sink.text(&root.key("summary"), &a.summary);
    sink.text(&root.key("byline").key("author"), &a.byline.author);
    if let Some(src) = &a.byline.source {
        sink.text(&root.key("byline").key("source"), src);
    }
    if let Some(up) = a.updated {
        if up.sort_key() < a.published.sort_key() {
            sink.error(
                ErrorKind::Invalid,
                &root.key("updated"),
                format!("updated ({up}) is before published ({}); expected a later or equal time", a.published),
            );
        }
    }
    if let Some(fig) = &a.figure {
        check_figure(fig, &root.key("figure"), assets, sink);
    }
    if a.pages.is_empty() {
        sink.error(
            ErrorKind::Missing,
            &root.key("pages"),
            "article has no pages; expected at least one page of blocks",
        );
    }
    let translated = a.pages.iter().flatten().any(|b| b.words().zh.is_some());
    for (i, page) in a.pages.iter().enumerate() {
        let pp = root.key("pages").index(i);
        let pairing = crate::bilingual::pair(page);
        if translated && !pairing.aligned() {
            sink.warn(
                ErrorKind::Invalid,
                &pp,
                format!(
                    "page {}: {} English paragraph(s) but {} Chinese, {} block(s) untranslated; Both mode will show a notice",
                    i + 1,
                    pairing.en_paragraphs,
                    pairing.zh_paragraphs,
                    pairing.untranslated
                ),
            );
        }
        if page.is_empty() {
            sink.error(
                ErrorKind::Missing,
                &pp,
                format!("page {} is empty; expected at least one block (remove the page break instead)", i + 1),
            );
        } else if !page.iter().any(|b| matches!(b, Block::Paragraph { .. })) {
            sink.warn(ErrorKind::Missing, &pp, format!("page {} has no paragraph, only headings or quotes", i + 1));
        }
        for (j, block) in page.iter().enumerate() {
            let bp = pp.index(j);
            match block {
                Block::List { items, .. } => {
                    if items.is_empty() {
                        sink.error(ErrorKind::Missing, &bp.key("items"), "a list without items; expected at least one");
                    }
                    for (k, item) in items.iter().enumerate() {
                        let ip = bp.key("items").index(k);
                        sink.rich(&ip, &item.text, &mut folio);
                        for (l, sub) in item.items.iter().enumerate() {
                            let sp = ip.key("items").index(l);
                            sink.rich(&sp, &sub.text, &mut folio);
                            if !sub.items.is_empty() {
                                sink.error(
                                    ErrorKind::Invalid,
                                    &sp.key("items"),
                                    "a list nested two levels deep; expected an item's items to have none of their own",
                                );
                            }
                        }
                    }
                }
                Block::Figure(fig) => check_figure(fig, &bp, assets, sink),
                Block::Subhead { text } | Block::Note { text } | Block::Quote { text, cite: None } => {
                    sink.rich(&bp.key("text"), text, &mut folio)
                }
                Block::Quote { text, cite: Some(cite) } => {
                    sink.rich(&bp.key("text"), text, &mut folio);
                    sink.text(&bp.key("cite"), cite);
                }
                Block::Paragraph { text, events } => {
                    sink.rich(&bp.key("text"), text, &mut folio);
                    for (k, id) in events.iter().enumerate() {
                        if !crate::route::is_slug(id) {
                            sink.error(ErrorKind::Invalid, &bp.key("events").index(k), format!("event id {id:?} is not a slug; expected lowercase letters, digits and hyphens, e.g. 2016-05-sochi"));
                        } else if known_events.is_some_and(|known| !known.contains(id)) {
                            sink.error(ErrorKind::Reference, &bp.key("events").index(k), format!("unknown event id {id:?}; expected the id of an event in a timeline under {TIMELINES}/"));
                        }
                    }
                }
            }
        }
    }
    folio
}

/// A figure, lead or between paragraphs: its words in English, a size to
/// reserve, and files that exist or an https address.
fn check_figure(fig: &crate::Figure, p: &JsonPath, assets: &HashSet<&str>, sink: &mut Sink) {
    for (k, t) in [("alt", &fig.alt), ("caption", &fig.caption), ("credit", &fig.credit)] {
        sink.text(&p.key(k), t);
    }
    if fig.width == 0 || fig.height == 0 {
        sink.error(
            ErrorKind::Invalid,
            &p.key("width"),
            "figure size must be positive; expected the image's intrinsic width and height in pixels",
        );
    }
    // Each language's file: a map's Chinese labels are a file of their own.
    let per_language = fig.src.per_language();
    for (lang, src) in fig.src.files() {
        let at = if per_language { p.key("src").key(lang.code()) } else { p.key("src") };
        match crate::article::asset_ref(src) {
            Some(crate::article::AssetRef::Remote(url)) => {
                if !url.starts_with("https://") {
                    sink.warn(ErrorKind::Invalid, &at, "figure is served over plain http; expected https:// so browsers do not block it");
                }
            }
            Some(crate::article::AssetRef::Local(path)) => {
                if !assets.contains(path) {
                    sink.error(ErrorKind::Reference, &at, format!("figure file {path} does not exist in the content folder; expected the image there, e.g. under figures/"));
                }
            }
            None => sink.error(
                ErrorKind::Invalid,
                &at,
                format!("figure src {src:?} is not allowed; expected a path inside the content folder such as figures/map.svg, or an https:// URL"),
            ),
        }
    }
}

/// What links to Folio's own views may name: the articles with their
/// subheads' anchors page by page, the timelines with their events, and
/// the catalog's editions and sections.
#[derive(Default)]
struct Views {
    articles: HashMap<String, Vec<Vec<String>>>,
    timelines: HashMap<String, HashSet<String>>,
}

impl Views {
    /// Why `target` names nothing, if it does not.
    fn missing(&self, target: &Target, catalog: Option<&Catalog>) -> Option<String> {
        let Target::Folio { route, anchor } = target else { return None };
        match route {
            Route::Article { slug, page } => {
                let Some(pages) = self.articles.get(slug) else {
                    return Some(format!("no article {slug:?}; expected the slug of a file in {ARTICLES}/"));
                };
                let on: Vec<&String> = match page {
                    PageSel::All => pages.iter().flatten().collect(),
                    PageSel::Page(n) if *n <= pages.len() => pages[n - 1].iter().collect(),
                    PageSel::Page(n) => {
                        return Some(format!("article {slug:?} has {} page(s), not {n}", pages.len()));
                    }
                };
                let a = anchor.as_ref()?;
                (!on.contains(&a)).then(|| {
                    let known: Vec<&str> = on.iter().map(|s| s.as_str()).collect();
                    format!(
                        "no subhead #{a} on that page of {slug:?}; its anchors there: {}",
                        if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                    )
                })
            }
            Route::Timeline { id, event } => match (self.timelines.get(id), event) {
                (None, _) => Some(format!("no timeline {id:?}; expected the id of a file in {TIMELINES}/")),
                (Some(events), Some(e)) if !events.contains(e) => Some(format!("no event {e:?} in timeline {id:?}")),
                _ => None,
            },
            Route::Listing { listing: Listing::Section(id), .. } => catalog
                .filter(|c| c.section(id).is_none())
                .map(|_| format!("no section {id:?}; expected one of the catalog's sections")),
            Route::Listing { listing: Listing::Edition(id), .. } => catalog
                .filter(|c| c.edition(id).is_none())
                .map(|_| format!("no edition {id:?}; expected one of the catalog's editions")),
            _ => None,
        }
    }
}

fn check_timeline(t: &crate::timeline::Timeline, sink: &mut Sink) {
    let root = JsonPath::root();
    let expected_name = crate::files::timeline(&t.id);
    if sink.src.name != expected_name {
        sink.error(
            ErrorKind::Invalid,
            &root.key("id"),
            format!("id {:?} does not match the file name; expected the file to be {expected_name}", t.id),
        );
    }
    sink.text(&root.key("title"), &t.title);
    sink.text(&root.key("description"), &t.description);
    for (list, ids) in [
        ("eras", t.eras.iter().map(|x| x.id.as_str()).collect::<Vec<_>>()),
        ("groups", t.groups.iter().map(|x| x.id.as_str()).collect()),
        ("people", t.people.iter().map(|x| x.id.as_str()).collect()),
        ("events", t.events.iter().map(|x| x.id.as_str()).collect()),
    ] {
        for (i, id) in duplicates(ids.iter().copied()) {
            sink.error(
                ErrorKind::Duplicate,
                &root.key(list).index(i).key("id"),
                format!("duplicate id {id:?} in {list}; expected each id once"),
            );
        }
        for (i, id) in ids.iter().enumerate() {
            if !crate::route::is_slug(id) {
                sink.error(
                    ErrorKind::Invalid,
                    &root.key(list).index(i).key("id"),
                    format!("id {id:?} is not a slug; expected lowercase letters, digits and hyphens"),
                );
            }
        }
    }
    for (i, era) in t.eras.iter().enumerate() {
        let p = root.key("eras").index(i);
        sink.text(&p.key("label"), &era.label);
        if era.end < era.start {
            sink.error(
                ErrorKind::Invalid,
                &p.key("end"),
                format!("era ends ({}) before it starts ({}); expected end on or after start", era.end, era.start),
            );
        }
    }
    for (i, g) in t.groups.iter().enumerate() {
        sink.text(&root.key("groups").index(i).key("label"), &g.label);
    }
    for (i, person) in t.people.iter().enumerate() {
        sink.text(&root.key("people").index(i).key("name"), &person.name);
    }
    if t.details_apart {
        sink.error(
            ErrorKind::Unknown,
            &root.key("details_apart"),
            "\"details_apart\" is written by `cargo xtask dist` into the bundle's copy; expected it only there, not in a content folder",
        );
    }
    for (i, e) in t.events.iter().enumerate() {
        let p = root.key("events").index(i);
        for (k, text) in [("title", &e.title), ("place", &e.place), ("occasion", &e.occasion), ("outcome", &e.outcome)]
        {
            sink.text(&p.key(k), text);
        }
        if let Some(end) = e.end {
            if end < e.start {
                sink.error(
                    ErrorKind::Invalid,
                    &p.key("end"),
                    format!("event ends ({end}) before it starts ({}); expected end on or after start", e.start),
                );
            }
        }
        if i > 0 && e.start < t.events[i - 1].start {
            sink.error(
                ErrorKind::Invalid,
                &p.key("start"),
                format!(
                    "event starts {} but the previous one starts {}; expected events in date order",
                    e.start,
                    t.events[i - 1].start
                ),
            );
        }
        if t.era_of(e).is_none() {
            sink.error(
                ErrorKind::Invalid,
                &p.key("start"),
                format!("event on {} is in no era; expected an era in \"eras\" whose span covers it", e.start),
            );
        }
        if e.leaders.is_empty() {
            sink.error(ErrorKind::Missing, &p.key("leaders"), "no leaders; expected the ids of the people who met");
        }
        for (j, id) in e.leaders.iter().enumerate() {
            if t.person(id).is_none() {
                sink.error(
                    ErrorKind::Reference,
                    &p.key("leaders").index(j),
                    format!("unknown person {id:?}; expected an id from \"people\""),
                );
            }
        }
        if t.group(&e.group).is_none() {
            let known: Vec<_> = t.groups.iter().map(|g| g.id.as_str()).collect();
            sink.error(
                ErrorKind::Reference,
                &p.key("group"),
                format!("unknown group {:?}; expected one of {known:?}", e.group),
            );
        }
        for (j, src) in e.sources.iter().enumerate() {
            if !matches!(crate::article::asset_ref(&src.url), Some(crate::article::AssetRef::Remote(_))) {
                sink.error(
                    ErrorKind::Invalid,
                    &p.key("sources").index(j).key("url"),
                    format!("source URL {:?} is not allowed; expected an http(s) URL", src.url),
                );
            }
        }
    }
}

/// A derived file must parse as what its folder holds. (Its content was
/// checked in the article files it came from.)
fn check_derived(src: &Source, sink: &mut Sink) {
    use crate::timeline::mentions::{Cites, EventMentions};
    let rest = src.name.split_once('/').map_or("", |(_, r)| r);
    let kind = rest.split('/').next().unwrap_or_default();
    let parsed = match kind {
        "listing" => parse::from_json::<crate::listing::ListingPage>(&src.text).map(drop),
        "lists" => parse::from_json::<crate::listing::Lists>(&src.text).map(drop),
        "cites" => parse::from_json::<Cites>(&src.text).map(drop),
        "mentions" => parse::from_json::<EventMentions>(&src.text).map(drop),
        _ => {
            sink.warn(
                ErrorKind::Unknown,
                &JsonPath::root(),
                "not a file cargo xtask dist writes; expected listing/, lists/, cites/ or mentions/",
            );
            return;
        }
    };
    if let Err(e) = parsed {
        sink.parse_error(e);
    }
}

/// Validates a corpus. Errors block publishing; warnings do not.
pub fn validate(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let assets: HashSet<&str> = corpus.assets.iter().map(String::as_str).collect();
    let catalog = match &corpus.catalog {
        None => {
            out.push(Diagnostic {
                severity: Severity::Error,
                error: ContentError {
                    kind: ErrorKind::Missing,
                    file: Some(crate::files::CATALOG.into()),
                    path: String::new(),
                    line: 0,
                    column: 0,
                    message: format!(
                        "{CATALOG} is missing; expected the site's name, editions and sections at the top of the content folder"
                    ),
                },
            });
            None
        }
        Some(src) => {
            let mut sink = Sink::new(src, &mut out);
            match parse::catalog(&src.text) {
                Ok(c) => {
                    check_catalog(&c, &mut sink);
                    Some(c)
                }
                Err(e) => {
                    sink.parse_error(e);
                    None
                }
            }
        }
    };

    // Timelines first: articles cite their events.
    let mut views = Views::default();
    let mut all_parsed = true;
    for src in &corpus.timelines {
        let mut sink = Sink::new(src, &mut out);
        match crate::timeline::parse(&src.text) {
            Ok(t) => {
                check_timeline(&t, &mut sink);
                views.timelines.entry(t.id.clone()).or_default().extend(t.events.iter().map(|e| e.id.clone()));
            }
            Err(e) => {
                sink.parse_error(e);
                all_parsed = false;
            }
        }
    }
    // Citations can only be checked against timelines that parsed; a broken
    // timeline is reported once, not again at every paragraph citing it.
    let event_ids: HashSet<String> = views.timelines.values().flatten().cloned().collect();
    let known_events = (!corpus.timelines.is_empty() && all_parsed).then_some(&event_ids);

    // Every article, JSON or Markdown, read; a Markdown one with where
    // its parts were written, so findings name its own lines.
    let mut read: Vec<(&Source, Article, Option<SourceMap>)> = Vec::new();
    for src in &corpus.articles {
        match parse::article(&src.text) {
            Ok(a) => read.push((src, a, None)),
            Err(e) => Sink::new(src, &mut out).parse_error(e),
        }
    }
    #[cfg(feature = "markdown")]
    for (src, zh) in markdown_pairs(corpus, &mut out) {
        let parsed = crate::markdown::article(
            crate::markdown::Md { name: &src.name, text: &src.text },
            zh.map(|z| crate::markdown::Md { name: &z.name, text: &z.text }),
        );
        match parsed {
            Ok(p) => read.push((src, p.article, Some(p.map))),
            Err(errors) => out.extend(errors.into_iter().map(|error| Diagnostic { severity: Severity::Error, error })),
        }
    }
    let mut by_slug: HashMap<String, &str> = HashMap::new();
    let mut links = Vec::new();
    for (src, article, map) in &read {
        let mut sink = Sink::located(src, &mut out, map.as_ref());
        if let Some(first) = by_slug.insert(article.slug.clone(), &src.name) {
            sink.error(
                ErrorKind::Duplicate,
                &JsonPath::root().key("slug"),
                format!(
                    "duplicate slug {:?}, already used by {first}; expected each slug once, in one file (JSON or Markdown)",
                    article.slug
                ),
            );
        }
        let folio = check_article(article, catalog.as_ref(), &assets, known_events, &mut sink);
        if !folio.is_empty() {
            links.push((*src, map.as_ref(), folio));
        }
        let anchors = article.pages.iter().map(|p| p.iter().filter_map(Block::anchor).collect()).collect();
        views.articles.insert(article.slug.clone(), anchors);
    }
    // Links to Folio's own views, once every article has been read. A
    // link into a timeline that did not parse is not reported again.
    for (src, map, folio) in links {
        let mut sink = Sink::located(src, &mut out, map);
        for (path, href, target) in folio {
            let broken = matches!(&target, Target::Folio { route: Route::Timeline { .. }, .. }) && !all_parsed;
            if let Some(why) = views.missing(&target, catalog.as_ref()).filter(|_| !broken) {
                sink.error(ErrorKind::Reference, &path, format!("link {href:?}: {why}"));
            }
        }
    }

    for src in &corpus.derived {
        check_derived(src, &mut Sink::new(src, &mut out));
    }

    if let (Some(c), Some(src)) = (&catalog, &corpus.catalog) {
        let mut sink = Sink::new(src, &mut out);
        for (key, list) in [("most_viewed", &c.most_viewed), ("top_news", &c.top_news)] {
            for (i, slug) in list.iter().enumerate() {
                if !by_slug.contains_key(slug) {
                    sink.error(
                        ErrorKind::Reference,
                        &JsonPath::root().key(key).index(i),
                        format!("no article {slug:?}; expected the slug of a file in {ARTICLES}/"),
                    );
                }
            }
        }
        for (i, t) in c.timelines.iter().enumerate() {
            sink.text(&JsonPath::root().key("timelines").index(i).key("title"), &t.title);
            let file = crate::files::timeline(&t.id);
            if !corpus.timelines.iter().any(|s| s.name == file) {
                sink.error(ErrorKind::Reference, &JsonPath::root().key("timelines").index(i).key("id"), format!("no file {file} in the content folder for this catalog entry; expected one file per listed timeline"));
            }
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
impl Corpus {
    /// Reads a content folder: `catalog.json`, `articles/*.json`, and the
    /// names of every other file. The one piece of I/O in this crate, shared
    /// by `cargo xtask validate` and the tests; the browser never calls it.
    pub fn read_dir(dir: &std::path::Path) -> std::io::Result<Corpus> {
        fn walk(dir: &std::path::Path, rel: &str, out: &mut Vec<String>) -> std::io::Result<()> {
            let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
            entries.sort_by_key(|e| e.file_name());
            for e in entries {
                let name = format!("{rel}{}", e.file_name().to_string_lossy());
                if e.file_type()?.is_dir() {
                    walk(&e.path(), &format!("{name}/"), out)?;
                } else {
                    out.push(name);
                }
            }
            Ok(())
        }
        let mut files = Vec::new();
        walk(dir, "", &mut files)?;
        let mut corpus = Corpus::default();
        for name in files {
            let read = || std::fs::read_to_string(dir.join(&name));
            use crate::files::Kind;
            match crate::files::kind(&name) {
                Kind::Catalog => corpus.catalog = Some(Source { text: read()?, name }),
                Kind::Article => corpus.articles.push(Source { text: read()?, name }),
                Kind::Markdown => corpus.markdown.push(Source { text: read()?, name }),
                Kind::Timeline => corpus.timelines.push(Source { text: read()?, name }),
                Kind::Derived => corpus.derived.push(Source { text: read()?, name }),
                Kind::Asset => corpus.assets.push(name),
            }
        }
        Ok(corpus)
    }
}

/// Each English Markdown article with its Chinese file, if it has one; a
/// Chinese file without its English one is reported.
#[cfg(feature = "markdown")]
fn markdown_pairs<'c>(corpus: &'c Corpus, out: &mut Vec<Diagnostic>) -> Vec<(&'c Source, Option<&'c Source>)> {
    let mut pairs = Vec::new();
    for src in &corpus.markdown {
        match crate::markdown::slug_of(&src.name) {
            Some((slug, false)) => {
                let zh = format!("{ARTICLES}/{slug}.zh.md");
                pairs.push((src, corpus.markdown.iter().find(|s| s.name == zh)));
            }
            Some((slug, true)) => {
                let en = format!("{ARTICLES}/{slug}.md");
                if !corpus.markdown.iter().any(|s| s.name == en) {
                    Sink::new(src, out).error(
                        ErrorKind::Missing,
                        &JsonPath::root(),
                        format!("a Chinese file without its English one; expected {en} beside it, with the article's fields"),
                    );
                }
            }
            None => {}
        }
    }
    pairs
}

/// True when any finding is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}
