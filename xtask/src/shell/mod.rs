//! The app shell: Trunk's build of `index.html` (with the app's loader
//! written in by `cargo xtask app`, `app.rs`), which becomes every route's
//! page.
//!
//! `index.html` holds one placeholder for each thing a page adds, each an
//! empty `<template data-folio="…">` (Trunk's minifier keeps it, unquoted;
//! it drops comments), and its `#boot` element, the view a page without a
//! prerender shows:
//!
//! | placeholder | a page puts there |
//! |---|---|
//! | `base` | its `<base href>` and Content-Security-Policy (`404.html`: the policy and the base probe) |
//! | `head` | its title, description, canonical, hreflang, previews and JSON-LD |
//! | `links` | the preloads of its view's chunks and of what it does not carry, and its oEmbed link, after the app's own |
//! | `#boot` | its prerendered view (a thin page keeps the shell's) |
//! | `data` | the data of its first render, `<script id="folio-data">` |
//!
//! [`Shell::read`] finds each exactly once, or fails naming it, and
//! [`Shell::page`] fills them. Besides, it sets `<html lang>` for Chinese
//! pages, drops an `integrity` from a wasm preload (as Trunk wrote one),
//! and finds the app's code folder from its loader.

mod scripts;

use crate::{fail, fs, Kind, Result};
use folio_model::embed::escape_html;
pub use scripts::{ROOT_FINDER, ROUTE_CHECK};
use std::path::{Path, PathBuf};

/// A placeholder, as `index.html` writes it. The minifier writes it
/// without the quotes, so both spellings are looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Base,
    Head,
    Links,
    View,
    Data,
}

impl Slot {
    const ALL: [Slot; 5] = [Slot::Base, Slot::Head, Slot::Links, Slot::View, Slot::Data];

    fn marker(self) -> &'static str {
        match self {
            Slot::Base => r#"<template data-folio="base"></template>"#,
            Slot::Head => r#"<template data-folio="head"></template>"#,
            Slot::Links => r#"<template data-folio="links"></template>"#,
            // The element from here to its `</div>`; its attributes in
            // the minifier's (alphabetical) order.
            Slot::View => r#"<div class="boot" id="boot">"#,
            Slot::Data => r#"<template data-folio="data"></template>"#,
        }
    }
}

/// The shell, cut at its placeholders.
#[derive(Clone)]
pub struct Shell {
    file: PathBuf,
    /// The text before each slot, and after the last.
    parts: Vec<String>,
    /// The slots in the order they stand.
    slots: Vec<Slot>,
    /// The shell's own `#boot` element, for a thin page.
    boot: String,
    /// The folder of the app's code (`app-{hash}`), which [`ROOT_FINDER`]
    /// looks for to tell this deploy's root.
    code: String,
}

/// How a page finds the bundle root, which its links and assets are
/// relative to: a route page runs [`ROUTE_CHECK`], which confirms it, and
/// the pages that may stand for any address run [`ROOT_FINDER`].
pub enum Base {
    /// A route file: a relative `<base href>` (`../../`), as it knows its
    /// depth, and its route from the root (`article/x/2/`), so the check
    /// can tell whether the host served it at that address. The home
    /// page's route is empty: a host with an SPA fallback answers any
    /// unknown address with it, so it finds the root as `Anywhere` does,
    /// its own folder first.
    Route { href: String, route: String },
    /// A file a host may answer any address with but never the root's
    /// own: `404.html` (and the offline page, which the worker gives an
    /// absolute base).
    Anywhere,
}

/// What one page puts into the shell.
pub struct Fill<'a> {
    pub base: Base,
    /// The head tags ([`folio_model::head::Head::to_html`]).
    pub head: &'a str,
    /// Preloads and the oEmbed link.
    pub links: &'a str,
    /// The path and the prerendered view, or `None` for a thin page.
    pub view: Option<(&'a str, &'a str)>,
    /// The carried data, in its script form (`PageData::to_script_json`).
    pub data: &'a str,
}

impl Shell {
    /// Reads Trunk's `index.html`.
    pub fn read(file: &Path) -> Result<Shell> {
        Shell::parse(file, &fs::read_to_string(file)?)
    }

    /// Cuts `html` (the text of `file`) at its placeholders.
    fn parse(file: &Path, html: &str) -> Result<Shell> {
        if !html.contains("<script") || !html.contains("</head>") {
            return fail!("{}: no script or no head; did Trunk build the app?", file.display());
        }
        let html = links_after_trunks(file, &without_wasm_preload_integrity(html))?;
        let mut found: Vec<(usize, usize, Slot)> = Vec::new();
        for slot in Slot::ALL {
            let at = placeholders(&html, slot);
            let [(start, len)] = at[..] else {
                return Err(
                    Kind::Placeholder { shell: file.to_path_buf(), marker: slot.marker(), found: at.len() }.into()
                );
            };
            found.push((start, start + len, slot));
        }
        found.sort_by_key(|&(start, ..)| start);
        let (mut parts, mut slots, mut boot, mut from) = (Vec::new(), Vec::new(), String::new(), 0);
        for (start, mut end, slot) in found {
            if start < from {
                return fail!("{}: a placeholder stands inside #boot", file.display());
            }
            if slot == Slot::View {
                // The element ends at the first `</div>`: it holds none.
                let Some(close) = html[end..].find("</div>") else {
                    return fail!("{}: #boot is not closed", file.display());
                };
                if html[end..end + close].contains("<div") {
                    return fail!("{}: #boot holds a <div>; xtask/src/shell/mod.rs expects none", file.display());
                }
                end += close + "</div>".len();
                boot = html[start..end].to_owned();
            }
            parts.push(html[from..start].to_owned());
            slots.push(slot);
            from = end;
        }
        parts.push(html[from..].to_owned());
        let code = code_folder(file, &html)?;
        Ok(Shell { file: file.to_path_buf(), parts, slots, boot, code })
    }

    /// The shell with `<html lang=…>` set to `tag`, whatever the order of
    /// the attributes Trunk's minifier left.
    pub fn in_lang(&self, tag: &str) -> Result<Shell> {
        let mut out = self.clone();
        let shown = self.file.display();
        // The `<html>` tag comes before the first placeholder, in the head.
        let first = &mut out.parts[0];
        let start = first.find("<html").unwrap_or(usize::MAX);
        let Some(end) = first.get(start..).and_then(|s| s.find('>')).map(|i| start + i) else {
            return fail!("{shown}: no <html> tag before the first placeholder");
        };
        let open = &first[start..end];
        let Some((at, len)) = [" lang=en", " lang=\"en\""].iter().find_map(|l| Some((open.find(l)?, l.len()))) else {
            return fail!("{shown}: <html> has no lang=en to replace: {open}");
        };
        let new_open = format!("{} lang={tag}{}", &open[..at], &open[at + len..]);
        *first = format!("{}{new_open}{}", &first[..start], &first[end..]);
        Ok(out)
    }

    /// What the pages are made from, for the keys of `stamps::Stamps`.
    pub fn key(&self) -> String {
        format!("{} {:?} {}", self.parts.join("\0"), self.slots, self.boot)
    }

    /// The page: the shell with every placeholder filled.
    pub fn page(&self, page: &Fill) -> String {
        let mut out = String::with_capacity(self.parts.iter().map(String::len).sum::<usize>() * 2);
        for (part, slot) in self.parts.iter().zip(self.slots.iter().map(Some).chain([None])) {
            out.push_str(part);
            match slot {
                Some(Slot::Base) => out.push_str(&self.base(page)),
                Some(Slot::Head) => out.push_str(page.head),
                Some(Slot::Links) => out.push_str(page.links),
                Some(Slot::View) => match page.view {
                    Some((path, body)) => {
                        out.push_str(&format!("<div id=boot data-path=\"{}\">{body}</div>", escape_html(path)))
                    }
                    None => out.push_str(&self.boot),
                },
                Some(Slot::Data) => out.push_str(&format!(
                    "<script type=application/json id={}>{}</script>",
                    folio_model::page_data::SCRIPT_ID,
                    page.data
                )),
                None => {}
            }
        }
        out
    }

    /// The `base` placeholder's tags: the `<base href>` before anything
    /// in the head that holds a URL, the policy, and the check that
    /// corrects the base where the host served the file elsewhere.
    fn base(&self, page: &Fill) -> String {
        let styles = page.view.map(|(_, body)| style_hashes(body)).unwrap_or_default();
        let code = escape_html(&self.code);
        let (base, check) = match &page.base {
            Base::Route { href, route } if !route.is_empty() => {
                (format!("<base href=\"{}\" data-route=\"{}\">", escape_html(href), escape_html(route)), ROUTE_CHECK)
            }
            Base::Route { href, .. } => {
                (format!("<base href=\"{}\" data-code=\"{code}\">", escape_html(href)), ROOT_FINDER)
            }
            Base::Anywhere => (format!("<base href=\"./\" data-code=\"{code}\" data-anywhere>"), ROOT_FINDER),
        };
        // Allowed by its hash; after the policy, before anything in the
        // head that holds a URL.
        format!("{base}{}<script>{check}</script>", self.policy(&styles, check))
    }

    /// The Content-Security-Policy of every page, as a `<meta>`: scripts
    /// only from the bundle (the app's loader is a file, `app.rs`) plus
    /// the one inline script, the page's `check` ([`ROUTE_CHECK`] or
    /// [`ROOT_FINDER`]), by hash (no `'unsafe-inline'`);
    /// `'wasm-unsafe-eval'` because compiling the wasm needs it; styles
    /// only from the stylesheet (the app sets styles through the CSSOM,
    /// which style-src does not govern), and the `style` attributes of a
    /// prerendered view by their hashes (`styles`); forms only to the
    /// bundle (the masthead's search box, without the app, submits to the
    /// search page); the offline worker only from the bundle (`worker-src`,
    /// which `default-src` would also give, said outright). `frame-ancestors`
    /// cannot be set from a `<meta>`, and embeds must be frameable anyway.
    fn policy(&self, styles: &[String], check: &str) -> String {
        let styles = if styles.is_empty() {
            String::new()
        } else {
            format!(" style-src-attr 'unsafe-hashes' {};", styles.join(" "))
        };
        format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' \
             'sha256-{}' 'wasm-unsafe-eval'; style-src 'self';{styles} \
             img-src 'self' https: data:; connect-src 'self'; frame-src 'self'; font-src 'self'; \
             worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'\">",
            sha256_base64(check)
        )
    }
}

/// Where `slot`'s placeholder stands in `html`, as written or with the
/// quotes Trunk's minifier drops: the start and length of each.
fn placeholders(html: &str, slot: Slot) -> Vec<(usize, usize)> {
    let marker = slot.marker();
    let unquoted = marker.replace('"', "");
    [marker, unquoted.as_str()].iter().flat_map(|m| html.match_indices(m).map(|(i, m)| (i, m.len()))).collect()
}

/// The shell with the `links` placeholder moved to the end of the head.
/// The app's own preloads come first (`app.rs` writes them in place of
/// index.html's skipped rust link; Trunk, building a rust app itself,
/// appends them at the end of the head), then the page's, so the browser
/// asks for the app first. Only `<link>` tags may stand between the two.
fn links_after_trunks(file: &Path, html: &str) -> Result<String> {
    let marker = Slot::Links.marker();
    let Some(&(at, len)) = placeholders(html, Slot::Links).first() else {
        // Reported, with the count, with the other placeholders.
        return Ok(html.to_owned());
    };
    let Some(close) = html[at..].find("</head>").map(|i| at + i) else {
        return fail!("{}: the placeholder {marker} is not in the head", file.display());
    };
    let between = &html[at + len..close];
    // Each piece after a `<` is `link …>` and white space.
    let only_links = between.split('<').enumerate().all(|(i, piece)| {
        let after =
            if i == 0 { Some(piece) } else { piece.strip_prefix("link ").and_then(|p| Some(p.split_once('>')?.1)) };
        after.is_some_and(|rest| rest.trim().is_empty())
    });
    if !only_links {
        return fail!("{}: only Trunk's <link> tags may follow the placeholder {marker} in the head", file.display());
    }
    Ok(format!("{}{between}{}{}", &html[..at], &html[at..at + len], &html[close..]))
}

pub fn sha256_base64(text: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text))
}

/// The folder of the app's code (`app-{hash}`), from the one module
/// script, its loader (`<script type=module src=./{folder}/boot.js>`, as
/// `app.rs` writes it, quoted or not). The shell may hold no other: the
/// policy allows inline scripts only by hash, and a page's own.
fn code_folder(file: &Path, shell: &str) -> Result<String> {
    let shown = file.display();
    let tail = format!("/{}", crate::app::BOOT_FILE);
    let loaders: Vec<&str> = shell
        .match_indices("<script")
        .filter_map(|(i, _)| shell[i..].split('>').next())
        .filter(|tag| tag.contains("module"))
        .collect();
    let [tag] = loaders[..] else {
        return fail!(
            "{shown} has {} module scripts, not the one loader: did `cargo xtask dist` build the app (xtask/src/app.rs)?",
            loaders.len()
        );
    };
    let folder = tag
        .split_once("src=")
        .map(|(_, src)| src.trim_start_matches(['"', '\'']))
        .and_then(|src| src.strip_prefix("./"))
        .and_then(|src| src.split_once(tail.as_str()))
        .map(|(folder, _)| folder)
        .filter(|folder| !folder.is_empty() && !folder.contains(['/', '\'', '"']));
    match folder {
        Some(folder) => Ok(folder.to_owned()),
        None => {
            fail!("{shown}: the loader is not `<script type=module src=./{{folder}}{tail}>` (xtask/src/app.rs): {tag}")
        }
    }
}

/// The hashes of the `style` attributes in `body`, sorted, each once: the
/// timeline axis places its markers with them, and a prerendered page has
/// no script to set them through the CSSOM. Nothing else inline is
/// allowed, and the values come from the model's layout maths, never from
/// content.
fn style_hashes(body: &str) -> Vec<String> {
    const OPEN: &str = " style=\"";
    let mut hashes: Vec<String> = body
        .match_indices(OPEN)
        .filter_map(|(i, _)| body[i + OPEN.len()..].split('"').next())
        .map(|value| format!("'sha256-{}'", sha256_base64(&unescape_attribute(value))))
        .collect();
    hashes.sort();
    hashes.dedup();
    hashes
}

/// An attribute value as the browser reads it, which is what a CSP hash is of.
fn unescape_attribute(value: &str) -> String {
    [("&quot;", "\""), ("&#x27;", "'"), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")]
        .iter()
        .fold(value.to_owned(), |s, (from, to)| s.replace(from, to))
}

/// The shell without the `integrity` Trunk puts on the wasm's preload.
/// Chromium ignores it there ("not supported for preload destinations"),
/// and says so in the console of every page, which a partner reads as
/// Folio failing. The loader's own fetch of the wasm never checked it.
/// The script's `modulepreload` keeps its hash: that one is enforced.
fn without_wasm_preload_integrity(shell: &str) -> String {
    let mut out = String::with_capacity(shell.len());
    let mut rest = shell;
    while let Some(start) = rest.find("<link ") {
        let end = start + rest[start..].find('>').map_or(rest.len() - start, |i| i + 1);
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        // Only the wasm's link has this type, minified or not.
        if tag.contains("application/wasm") {
            out.push_str(&strip_attribute(tag, "integrity"));
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `tag` without its attribute `name` (quoted, or unquoted as the
/// minifier writes a base64 hash: `integrity=sha384-…`).
fn strip_attribute(tag: &str, name: &str) -> String {
    let key = format!(" {name}=");
    let Some(at) = tag.find(&key) else { return tag.to_owned() };
    let after = &tag[at + key.len()..];
    let value_end = if let Some(quoted) = after.strip_prefix('"') {
        quoted.find('"').map_or(after.len(), |i| i + 2)
    } else {
        after.find([' ', '>']).unwrap_or(after.len())
    };
    format!("{}{}", &tag[..at], &after[value_end..])
}

#[cfg(test)]
mod tests;
