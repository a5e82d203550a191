//! Markdown articles, the way a newsroom writes them: read at build time
//! only (`cargo xtask validate`, `dist`, `convert`), never in the browser,
//! which reads the JSON `dist` writes from them.
//!
//! - `articles/{slug}.md` is the English text, the article's fields in TOML
//!   front matter between `+++` lines (Zola's and Hugo's convention);
//! - `articles/{slug}.zh.md` is the Chinese: its own headline, summary and
//!   captions in its front matter, and its blocks, which pair with the
//!   English ones in order, page by page;
//! - `<!--nextpage-->` on a line of its own is a page break (WordPress's);
//! - `[@event-id]` in a paragraph cites a timeline meeting (Pandoc's
//!   citation syntax; several as `[@a; @b]`).
//!
//! The syntax is documented for publishers in `docs/writing.md`. Every
//! construct is mapped to a block or a mark, or reported with its file,
//! line and column ([`read`]); [`write`] is the way back, for
//! `cargo xtask convert`.

mod front;
pub mod read;
pub mod write;

use crate::article::{Article, Block, Figure, FigureSrc, Item};
use crate::error::{ContentError, ErrorKind};
use crate::locate::line_column;
use crate::rich::{Rich, RichText};
use crate::text::Text;
pub use read::Fault;
use read::{Picture, Piece};

/// One Markdown file: its name in the content folder and its text.
#[derive(Clone, Copy, Debug)]
pub struct Md<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Where each part of an article read from Markdown was written, so the
/// validator's findings name the Markdown file, line and column rather
/// than a JSON path no one wrote. Keyed by the JSON path of the part; a
/// Chinese part (a path through `zh`) is looked up in the Chinese file.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    en: Places,
    zh: Option<Places>,
}

/// A file's name, and the JSON paths of the parts it wrote with their
/// line and column.
type Places = (String, Vec<(String, usize, usize)>);

impl SourceMap {
    /// The file, line and column of the part at `path` (the closest
    /// enclosing part written down; the file's start at worst).
    pub fn locate(&self, path: &str) -> (&str, usize, usize) {
        let zh = path.split(['.', '[']).any(|seg| seg == "zh");
        let (file, entries) = match (&self.zh, zh) {
            (Some(z), true) => z,
            _ => &self.en,
        };
        let within =
            |p: &str| path == p || (path.starts_with(p) && matches!(path.as_bytes().get(p.len()), Some(b'.' | b'[')));
        let best = entries.iter().filter(|(p, ..)| within(p)).max_by_key(|(p, ..)| p.len());
        best.map_or((file.as_str(), 1, 1), |(_, l, c)| (file.as_str(), *l, *c))
    }
}

/// An article read from its Markdown files, and where its parts are.
#[derive(Debug)]
pub struct Parsed {
    pub article: Article,
    pub map: SourceMap,
}

/// The slug of an English Markdown file's name (`articles/{slug}.md`),
/// and whether the name is a Chinese one (`articles/{slug}.zh.md`).
pub fn slug_of(name: &str) -> Option<(&str, bool)> {
    // Named from the content folder (`articles/…`) or from above it.
    let (dir, file) = name.rsplit_once('/')?;
    let file = file.strip_suffix(".md").filter(|_| dir.rsplit('/').next() == Some(crate::files::ARTICLES))?;
    match file.strip_suffix(".zh") {
        Some(slug) => Some((slug, true)),
        None => Some((file, false)),
    }
}

/// A finding at byte `offset` of the file `md`.
fn error_at(md: Md, offset: usize, kind: ErrorKind, message: String) -> ContentError {
    let (line, column) = line_column(md.text, offset);
    ContentError { kind, file: Some(md.name.to_owned()), path: String::new(), line, column, message }
}

/// A file read into its front matter and its pages, with faults located.
struct File<'a, F> {
    md: Md<'a>,
    front: F,
    pages: Vec<Vec<read::Placed>>,
    /// The body's byte offset in the file.
    body_at: usize,
    /// Front matter keys (dotted) with their line.
    keys: Vec<(String, usize)>,
}

impl<F> File<'_, F> {
    /// Line and column of byte `offset` of the body.
    fn at(&self, offset: usize) -> (usize, usize) {
        line_column(self.md.text, self.body_at + offset)
    }

    fn error(&self, offset: usize, kind: ErrorKind, message: String) -> ContentError {
        error_at(self.md, self.body_at + offset, kind, message)
    }
}

fn read_file<'a, F: serde::de::DeserializeOwned>(md: Md<'a>, errors: &mut Vec<ContentError>) -> Option<File<'a, F>> {
    let (front, body_at, keys) = match front::split(md.text) {
        Ok(parts) => parts,
        Err((offset, message)) => {
            errors.push(error_at(md, offset, ErrorKind::Syntax, message));
            return None;
        }
    };
    // Findings in file order: the front matter's, then the body's.
    let front = front::parse::<F>(md.text, front)
        .map_err(|(offset, message)| errors.push(error_at(md, offset, ErrorKind::Invalid, message)))
        .ok();
    let mut faults = Vec::new();
    let pages = read::pages(&md.text[body_at..], &mut faults);
    errors.extend(faults.into_iter().map(|f| error_at(md, body_at + f.offset, f.kind, f.message)));
    Some(File { md, front: front?, pages, body_at, keys })
}

/// Reads an article from its English file and, if there is one, its
/// Chinese. Every fault found is returned, each with its file, line and
/// column; none stops the reading of the rest.
pub fn article(en: Md, zh: Option<Md>) -> Result<Parsed, Vec<ContentError>> {
    let mut errors = Vec::new();
    let slug = match slug_of(en.name) {
        Some((slug, false)) => slug.to_owned(),
        _ => {
            errors.push(ContentError {
                kind: ErrorKind::Invalid,
                file: Some(en.name.into()),
                path: String::new(),
                line: 0,
                column: 0,
                message: "not an English article's file; expected articles/{slug}.md".into(),
            });
            return Err(errors);
        }
    };
    let en_file = read_file::<front::English>(en, &mut errors);
    let zh_file = zh.and_then(|zh| read_file::<front::Chinese>(zh, &mut errors));
    let (Some(en_file), true) = (en_file, errors.is_empty()) else { return Err(errors) };
    let zh_file = zh_file.filter(|_| errors.is_empty());
    let mut map = SourceMap {
        en: (en.name.to_owned(), Vec::new()),
        zh: zh_file.as_ref().map(|z| (z.md.name.to_owned(), Vec::new())),
    };
    for (key, line) in &en_file.keys {
        map.en.1.push((front::path_of(key), *line, 1));
    }
    if let (Some(z), Some(m)) = (&zh_file, &mut map.zh) {
        for (key, line) in &z.keys {
            m.1.push((front::path_of(key), *line, 1));
        }
    }

    // The pages, paired.
    if let Some(z) = &zh_file {
        if z.pages.len() != en_file.pages.len() {
            errors.push(z.error(
                z.md.text.len() - z.body_at,
                ErrorKind::Invalid,
                format!(
                    "{} page(s) here but {} in {}; expected the same page breaks (<!--nextpage-->) in both",
                    z.pages.len(),
                    en_file.pages.len(),
                    en.name
                ),
            ));
        }
    }
    let mut pages = Vec::new();
    for (i, page) in en_file.pages.iter().enumerate() {
        let zh_page = zh_file.as_ref().and_then(|z| z.pages.get(i));
        if let (Some(z), Some(zp)) = (&zh_file, zh_page) {
            if zp.len() != page.len() {
                let at = zp.first().map_or(0, |(_, at)| *at);
                errors.push(z.error(
                    at,
                    ErrorKind::Invalid,
                    format!(
                        "page {}: {} block(s) here but {} in {}; expected the blocks to pair one to one, in order",
                        i + 1,
                        zp.len(),
                        page.len(),
                        en.name
                    ),
                ));
                continue;
            }
        }
        let mut blocks = Vec::new();
        for (j, (piece, at)) in page.iter().enumerate() {
            let path = format!("pages[{i}][{j}]");
            let (line, col) = en_file.at(*at);
            map.en.1.push((path.clone(), line, col));
            let zh_piece = zh_page.map(|p| &p[j]);
            if let (Some(z), Some((_, zat)), Some(m)) = (&zh_file, zh_piece, &mut map.zh) {
                let (line, col) = z.at(*zat);
                m.1.push((path.clone(), line, col));
            }
            match pair(piece, zh_piece.map(|(p, _)| p)) {
                Ok(block) => blocks.push(block),
                Err(why) => {
                    let (z, (_, zat)) =
                        (zh_file.as_ref().expect("a Chinese piece"), zh_piece.expect("a Chinese piece"));
                    errors.push(z.error(*zat, ErrorKind::Invalid, format!("page {}, block {}: {why}", i + 1, j + 1)));
                }
            }
        }
        pages.push(blocks);
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let (e, z) = (&en_file.front, zh_file.as_ref().map(|z| &z.front));
    // A Chinese file's words for something the English file does not
    // have: reported, not dropped.
    let untranslatable = |key: &str, what: &str| {
        let z = zh_file.as_ref().expect("Chinese front matter");
        let line = z.keys.iter().find(|(k, _)| k.starts_with(key)).map_or(1, |(_, l)| *l);
        ContentError {
            kind: ErrorKind::Invalid,
            file: Some(z.md.name.into()),
            path: key.into(),
            line,
            column: 1,
            message: format!(
                "{what}'s Chinese words, but {} has no {key}; expected `{key}` in the English file",
                en.name
            ),
        }
    };
    if e.source.is_none() && z.is_some_and(|z| z.source.is_some()) {
        return Err(vec![untranslatable("source", "a source")]);
    }
    let both = |en: &str, zh: Option<&Option<String>>| Text { en: en.to_owned(), zh: zh.cloned().flatten() };
    let figure = match (&e.figure, z.and_then(|z| z.figure.as_ref())) {
        (Some(f), zf) => Some(Figure {
            src: figure_src(&f.src, zf.and_then(|z| z.src.as_deref())),
            width: f.width,
            height: f.height,
            alt: both(&f.alt, zf.map(|z| &z.alt)),
            caption: both(&f.caption, zf.map(|z| &z.caption)),
            credit: both(&f.credit, zf.map(|z| &z.credit)),
        }),
        (None, Some(_)) => return Err(vec![untranslatable("figure", "a figure")]),
        (None, None) => None,
    };
    let published = e.published.stamp().map_err(|m| vec![front_error(&en_file, "published", m)])?;
    let updated = match &e.updated {
        Some(u) => Some(u.stamp().map_err(|m| vec![front_error(&en_file, "updated", m)])?),
        None => None,
    };
    let article = Article {
        slug,
        section: e.section.clone(),
        column: both(&e.column, z.map(|z| &z.column)),
        headline: both(&e.headline, z.map(|z| &z.headline)),
        summary: both(&e.summary, z.map(|z| &z.summary)),
        editions: e.editions.clone(),
        byline: crate::article::Byline {
            author: both(&e.author, z.map(|z| &z.author)),
            source: e.source.as_ref().map(|s| both(s, z.map(|z| &z.source))),
        },
        published,
        updated,
        figure,
        pages,
    };
    Ok(Parsed { article, map })
}

fn front_error<F>(file: &File<F>, key: &str, message: String) -> ContentError {
    let line = file.keys.iter().find(|(k, _)| k == key).map_or(1, |(_, l)| *l);
    ContentError {
        kind: ErrorKind::Invalid,
        file: Some(file.md.name.into()),
        path: key.into(),
        line,
        column: 1,
        message,
    }
}

fn figure_src(en: &str, zh: Option<&str>) -> FigureSrc {
    match zh.filter(|z| *z != en) {
        Some(z) => FigureSrc(Text { en: en.to_owned(), zh: Some(z.to_owned()) }),
        None => FigureSrc::one(en),
    }
}

/// One block from its English piece and its Chinese partner, which must
/// be of the same kind and shape.
fn pair(en: &Piece, zh: Option<&Piece>) -> Result<Block, String> {
    let text = |e: &Rich, z: Option<&Rich>| RichText { en: e.clone(), zh: z.cloned() };
    let unlike =
        |z: &Piece| format!("{} here but {} in English; expected the blocks to pair in order", z.kind(), en.kind());
    Ok(match (en, zh) {
        (Piece::Paragraph { text: e, events }, None) => {
            Block::Paragraph { text: text(e, None), events: events.clone() }
        }
        (Piece::Paragraph { text: e, events }, Some(Piece::Paragraph { text: z, events: ze })) => {
            if !ze.is_empty() && ze != events {
                return Err(format!(
                    "citations {ze:?} here but {events:?} in English; expected the English ones or none"
                ));
            }
            Block::Paragraph { text: text(e, Some(z)), events: events.clone() }
        }
        (Piece::Subhead { text: e }, None) => Block::Subhead { text: text(e, None) },
        (Piece::Subhead { text: e }, Some(Piece::Subhead { text: z })) => Block::Subhead { text: text(e, Some(z)) },
        (Piece::Note { text: e }, None) => Block::Note { text: text(e, None) },
        (Piece::Note { text: e }, Some(Piece::Note { text: z })) => Block::Note { text: text(e, Some(z)) },
        (Piece::Quote { text: e, cite }, zh) => {
            let (z, zcite) = match zh {
                None => (None, None),
                Some(Piece::Quote { text: z, cite: zc }) => (Some(z), zc.clone()),
                Some(other) => return Err(unlike(other)),
            };
            if cite.is_none() && zcite.is_some() {
                return Err("a cite (— …) here but none in English; expected the English one first".into());
            }
            Block::Quote { text: text(e, z), cite: cite.as_ref().map(|c| Text { en: c.clone(), zh: zcite }) }
        }
        (Piece::List { ordered, items }, zh) => {
            let zitems = match zh {
                None => None,
                Some(Piece::List { ordered: zo, items: zi }) if zo == ordered => Some(zi),
                Some(other) => return Err(unlike(other)),
            };
            if let Some(zi) = zitems {
                let shape = |items: &[read::ListItem]| items.iter().map(|(_, s)| s.len()).collect::<Vec<_>>();
                if shape(zi) != shape(items) {
                    return Err(format!(
                        "a list of {} item(s) here but {} in English (or their own items differ); expected the items to pair one to one",
                        zi.len(),
                        items.len()
                    ));
                }
            }
            let items = items
                .iter()
                .enumerate()
                .map(|(k, (e, sub))| {
                    let z = zitems.map(|zi| &zi[k]);
                    Item {
                        text: text(e, z.map(|z| &z.0)),
                        items: sub
                            .iter()
                            .enumerate()
                            .map(|(l, s)| Item { text: text(s, z.map(|z| &z.1[l])), items: Vec::new() })
                            .collect(),
                    }
                })
                .collect();
            Block::List { ordered: *ordered, items }
        }
        (Piece::Figure(e), zh) => {
            let z = match zh {
                None => None,
                Some(Piece::Figure(z)) => Some(z),
                Some(other) => return Err(unlike(other)),
            };
            figure_block(e, z)?
        }
        (_, Some(other)) => return Err(unlike(other)),
    })
}

fn figure_block(e: &Picture, z: Option<&Picture>) -> Result<Block, String> {
    let (Some(width), Some(height)) = (e.width, e.height) else {
        return Err(format!(
            "figure {:?} without its size; expected {{width=… height=…}} after the image, in pixels, so the page can keep its place",
            e.src
        ));
    };
    if z.is_some_and(|z| z.width.is_some() || z.height.is_some()) {
        return Err("a figure's size in the Chinese file; expected it in the English file only".into());
    }
    let opt = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    Ok(Block::Figure(Figure {
        src: figure_src(&e.src, z.map(|z| z.src.as_str())),
        width,
        height,
        alt: Text { en: e.alt.clone(), zh: z.and_then(|z| opt(&z.alt)) },
        caption: Text { en: e.caption.clone(), zh: z.and_then(|z| opt(&z.caption)) },
        credit: Text { en: e.credit.clone().unwrap_or_default(), zh: z.and_then(|z| z.credit.clone()) },
    }))
}

#[cfg(test)]
mod tests;
