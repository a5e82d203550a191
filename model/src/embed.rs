//! Embedding on partner sites: the view flags of an embed address, the
//! snippets the generator hands out, and the oEmbed description of each
//! resource.
//!
//! Everything a partner pastes is built here, as plain strings, so that the
//! escaping is tested natively and the generator dialog, `cargo xtask dist`
//! (oEmbed files) and the docs cannot disagree.

use crate::mode::Mode;
use crate::route::{framed, Route};
use crate::theme::Theme;
use serde::Serialize;

/// The height a plain `<iframe>` snippet (no loader, so no auto-height)
/// and the oEmbed description ask for.
pub const FIXED_HEIGHT: u32 = 720;
/// The width oEmbed consumers are told; the iframe itself is fluid.
pub const OEMBED_WIDTH: u32 = 640;

/// Query flags of an embed address (`docs/design.md`: query flags are view
/// options, never content).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub theme: Theme,
    /// Hide the small header (site name, "open in a new tab", language).
    pub plain: bool,
    /// No page background, so the host's shows through.
    pub transparent: bool,
}

fn flag(v: &str) -> bool {
    matches!(v, "1" | "true" | "yes" | "")
}

impl Options {
    /// Reads `theme`, `plain` and `transparent` from a query string
    /// (without `?`). Unknown values fall back to the defaults rather than
    /// failing: an embed with a mistyped flag should still show.
    pub fn from_query(query: &str) -> Options {
        let mut o = Options::default();
        for pair in query.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "theme" => o.theme = Theme::from_param(v).unwrap_or_default(),
                "plain" => o.plain = flag(v),
                "transparent" => o.transparent = flag(v),
                _ => {}
            }
        }
        o
    }

    /// The flags that differ from the defaults, as query pairs.
    pub fn pairs(self) -> Vec<(&'static str, &'static str)> {
        let mut q = Vec::new();
        if self.theme != Theme::Auto {
            q.push(("theme", self.theme.param()));
        }
        if self.plain {
            q.push(("plain", "1"));
        }
        if self.transparent {
            q.push(("transparent", "1"));
        }
        q
    }

    /// `query` (without `?`) with these flags added after it, so a link
    /// inside an embed keeps them.
    pub fn extend_query(self, query: &str) -> String {
        let mut out = query.to_owned();
        for (k, v) in self.pairs() {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            out.push_str(v);
        }
        out
    }

    /// `?theme=dark&plain=1`, or empty for the defaults.
    pub fn to_query(self) -> String {
        let pairs: Vec<String> = self.pairs().iter().map(|(k, v)| format!("{k}={v}")).collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }
}

/// What an embed reports as its `id` in resize messages: `article/{slug}`
/// or `timeline/{id}`. Only articles and timelines can be embedded.
pub fn resource_id(route: &Route) -> Option<String> {
    match route {
        Route::Article { slug, .. } | Route::BadPage { slug, .. } => Some(format!("article/{slug}")),
        Route::Timeline { id, .. } => Some(format!("timeline/{id}")),
        _ => None,
    }
}

/// Escapes text for a double-quoted HTML attribute value or element
/// content. (`'` needs no escape there, and titles often hold one.)
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// One embeddable view, as a partner would paste it.
#[derive(Clone, Debug)]
pub struct Snippet<'a> {
    /// Where the bundle is deployed, e.g. `https://news.example/folio/`.
    pub site: &'a str,
    pub mode: Mode,
    pub route: &'a Route,
    pub options: Options,
    /// Names the iframe for assistive technology, and is the link text
    /// where scripts are off.
    pub title: &'a str,
}

impl Snippet<'_> {
    fn url(&self, embed: bool) -> String {
        let path = self.mode.localize(&framed(embed, &self.route.href()));
        format!("{}{path}", self.site.trim_end_matches('/'))
    }

    /// The full view: what the loader link points at, and where the
    /// embed's header sends a reader who wants more.
    pub fn page_url(&self) -> String {
        self.url(false)
    }

    /// The chromeless view, with its flags.
    pub fn embed_url(&self) -> String {
        format!("{}{}", self.url(true), self.options.to_query())
    }

    /// The loader variant: a link that `embed.js` turns into an
    /// auto-sized iframe, and that stays a working link without scripts.
    /// Flags travel as `data-` attributes so the link itself opens the
    /// normal full view.
    pub fn loader_html(&self) -> String {
        let data: String = self.options.pairs().iter().map(|(k, v)| format!(" data-{k}=\"{v}\"")).collect();
        format!(
            "<a class=\"folio-embed\" href=\"{}\"{data}>{}</a>\n<script async src=\"{}/embed.js\"></script>",
            escape_html(&self.page_url()),
            escape_html(self.title),
            escape_html(self.site.trim_end_matches('/')),
        )
    }

    /// The plain variant: an iframe at a fixed height, for hosts that
    /// cannot add a script. No `style` attribute: a host with a strict CSP
    /// would refuse it (and log an error); the obsolete but honoured
    /// `frameborder` does the job.
    pub fn iframe_html(&self) -> String {
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{FIXED_HEIGHT}\" loading=\"lazy\" \
             sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" \
             referrerpolicy=\"strict-origin-when-cross-origin\" frameborder=\"0\"></iframe>",
            escape_html(&self.embed_url()),
            escape_html(self.title),
        )
    }

    /// The oEmbed description of this view (`type: rich`). A static host
    /// cannot answer `?url=` queries, so `cargo xtask dist` writes one of
    /// these per article and per timeline.
    pub fn oembed(&self, provider: &str) -> OEmbed {
        OEmbed {
            version: "1.0",
            kind: "rich",
            title: self.title.to_owned(),
            provider_name: provider.to_owned(),
            provider_url: self.site.to_owned(),
            html: self.iframe_html(),
            width: OEMBED_WIDTH,
            height: FIXED_HEIGHT,
        }
    }
}

/// An oEmbed 1.0 response of type `rich`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OEmbed {
    pub version: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub provider_name: String,
    pub provider_url: String,
    pub html: String,
    pub width: u32,
    pub height: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PageSel;

    #[test]
    fn flags_parse_leniently_and_print_only_what_differs() {
        assert_eq!(Options::from_query(""), Options::default());
        assert_eq!(Options::default().to_query(), "");
        let o = Options::from_query("pm=abe&theme=sepia&plain=1&transparent");
        assert_eq!(o, Options { theme: Theme::Sepia, plain: true, transparent: true });
        assert_eq!(o.to_query(), "?theme=sepia&plain=1&transparent=1");
        assert_eq!(Options::from_query("theme=neon&plain=0"), Options::default());
        assert_eq!(o.extend_query("pm=abe"), "pm=abe&theme=sepia&plain=1&transparent=1");
        assert_eq!(Options::default().extend_query("pm=abe"), "pm=abe");
    }

    #[test]
    fn resource_ids_name_what_is_embedded() {
        let a = Route::Article { slug: "x".into(), page: PageSel::Page(2) };
        assert_eq!(resource_id(&a).as_deref(), Some("article/x"));
        assert_eq!(resource_id(&Route::Timeline { id: "jr".into(), event: None }).as_deref(), Some("timeline/jr"));
        assert_eq!(resource_id(&Route::HOME), None);
    }

    #[test]
    fn snippets_point_at_the_right_views_and_escape_the_title() {
        let route = Route::Article { slug: "x".into(), page: PageSel::Page(2) };
        let s = Snippet {
            site: "https://news.example/folio/",
            mode: Mode::Zh,
            route: &route,
            options: Options { theme: Theme::Dark, plain: true, transparent: false },
            title: "Tom's & \"Jerry\" <script>",
        };
        assert_eq!(s.page_url(), "https://news.example/folio/zh/article/x/2/");
        assert_eq!(s.embed_url(), "https://news.example/folio/zh/embed/article/x/2/?theme=dark&plain=1");
        assert_eq!(
            s.loader_html(),
            "<a class=\"folio-embed\" href=\"https://news.example/folio/zh/article/x/2/\" data-theme=\"dark\" \
             data-plain=\"1\">Tom's &amp; &quot;Jerry&quot; &lt;script&gt;</a>\n\
             <script async src=\"https://news.example/folio/embed.js\"></script>"
        );
        let iframe = s.iframe_html();
        assert!(iframe
            .starts_with("<iframe src=\"https://news.example/folio/zh/embed/article/x/2/?theme=dark&amp;plain=1\""));
        assert!(iframe.contains("title=\"Tom's &amp; &quot;Jerry&quot; &lt;script&gt;\""));
        assert!(!iframe.contains("<script"), "the title cannot open a tag");
    }

    #[test]
    fn oembed_is_a_rich_response_around_the_iframe() {
        let route = Route::Timeline { id: "jr".into(), event: None };
        let s = Snippet {
            site: "https://h.example/",
            mode: Mode::En,
            route: &route,
            options: Options::default(),
            title: "T",
        };
        let o = s.oembed("Folio");
        assert_eq!((o.version, o.kind, o.width, o.height), ("1.0", "rich", OEMBED_WIDTH, FIXED_HEIGHT));
        assert!(o.html.contains("src=\"https://h.example/embed/timeline/jr/\""));
        let json = serde_json::to_value(&o).unwrap();
        assert_eq!(json["type"], "rich");
        assert_eq!(json["provider_url"], "https://h.example/");
    }
}
