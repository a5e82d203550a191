//! What a page says about itself in `<head>`: title, description,
//! canonical address, language alternates, link-preview tags (Open Graph,
//! Twitter) and, for articles, JSON-LD `NewsArticle`.
//!
//! Built here from the content, so the prerenderer writes it for every
//! route and the views set the same `<title>` when they change the view
//! (one function per title, shared).

use crate::embed::escape_html;
use crate::listing::Listing;
use crate::mode::Mode;
use crate::route::Route;
use crate::text::{Lang, Text};
use crate::timeline::Timeline;
use crate::ui::{self, Strings};
use crate::{Article, Catalog, PageSel};

/// A text as one string in a mode: Both gives "English / 中文".
pub fn plain(text: &Text, mode: Mode) -> String {
    match mode {
        Mode::En => text.en.clone(),
        Mode::Zh => text.str(Lang::Zh).to_owned(),
        Mode::Both => match text.get(Lang::Zh) {
            (zh, Lang::Zh) => format!("{} / {zh}", text.en),
            _ => text.en.clone(),
        },
    }
}

/// "Headline · Folio", "Headline (Page 2) · Folio".
pub fn article_title(headline: &str, page: PageSel, site: &str, t: &Strings) -> String {
    match page {
        PageSel::Page(1) => format!("{headline} · {site}"),
        PageSel::Page(n) => format!("{headline} ({}) · {site}", (t.page_n)(n)),
        PageSel::All => format!("{headline} ({}) · {site}", t.all_pages),
    }
}

/// A listing's heading ("Latest", "ASIA edition", "Opinion"), or `None`
/// for an edition or section the catalog does not declare.
pub fn listing_heading(catalog: &Catalog, listing: &Listing, mode: Mode) -> Option<String> {
    let t = ui::for_mode(mode);
    let lang = mode.ui_lang();
    Some(match listing {
        Listing::Latest => t.home_heading.to_owned(),
        Listing::Edition(id) => (t.edition_heading)(catalog.edition(id)?.label.str(lang)),
        Listing::Section(id) => (t.section_heading)(catalog.section(id)?.label.str(lang)),
    })
}

/// A listing page's title: the site's name alone for the home page,
/// "ASIA edition · Folio", "Latest (Page 2) · Folio".
pub fn listing_title(heading: &str, listing: &Listing, page: usize, site: &str, t: &Strings) -> String {
    match (listing, page) {
        (Listing::Latest, 1) => site.to_owned(),
        (_, 1) => format!("{heading} · {site}"),
        _ => format!("{heading} ({}) · {site}", (t.page_n)(page)),
    }
}

/// "Event · Timeline · Folio", or "Timeline · Folio".
pub fn timeline_title(event: Option<&str>, timeline: &str, site: &str) -> String {
    match event {
        Some(e) => format!("{e} · {timeline} · {site}"),
        None => format!("{timeline} · {site}"),
    }
}

/// At most `max` characters, cut at a word (or any character for Chinese)
/// with an ellipsis: descriptions are previews, not the text.
fn clip(s: &str, max: usize) -> String {
    let s = s.split("\n\n").next().unwrap_or("").trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max - 1).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    pub title: String,
    pub site: String,
    pub description: String,
    pub lang: Lang,
    /// Root-relative paths; made absolute with the site's address.
    pub canonical: String,
    /// `(hreflang, path)`: English, 中文 and `x-default`.
    pub alternates: Vec<(&'static str, String)>,
    /// An embed is a fragment for other pages: not indexed on its own.
    pub noindex: bool,
    /// Whether the page has the tags of a link's preview and of a search
    /// engine (`hreflang`, Open Graph, X's card, JSON-LD). Not an embed:
    /// nobody shares a frame's address, its canonical is its full view,
    /// which has them all, and they were a third of every embed's bytes
    /// (twelve embeds an article).
    pub previews: bool,
    /// `article` or `website` (Open Graph type).
    pub kind: &'static str,
    /// The link preview's picture: the view's share card.
    pub image: Option<Image>,
    /// JSON-LD; its `url` and `image` are added with the site's address.
    pub json_ld: Option<serde_json::Value>,
}

/// A share card: a raster picture, since link previews do not render SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    /// A path inside the bundle ([`card_path`]).
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// The size link previews show large (1.91:1, Open Graph's and X's).
pub const CARD_SIZE: (u32, u32) = (1200, 630);

/// What a share card is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardOf<'a> {
    Article(&'a str),
    Timeline(&'a str),
}

/// Where `cargo xtask dist` writes a card and pages point at it: one per
/// article or timeline and language (Both shows the first of its pair).
pub fn card_path(of: CardOf, lang: Lang) -> String {
    let (kind, id) = match of {
        CardOf::Article(slug) => ("article", slug),
        CardOf::Timeline(id) => ("timeline", id),
    };
    crate::files::in_bundle(&crate::files::card(kind, id, lang.code()))
}

/// What a route shows, for its head. `article` and `timeline` are the
/// loaded content of article and timeline routes.
pub struct Subject<'a> {
    pub catalog: &'a Catalog,
    pub route: &'a Route,
    pub mode: Mode,
    pub embed: bool,
    pub article: Option<&'a Article>,
    pub timeline: Option<&'a Timeline>,
}

impl Subject<'_> {
    pub fn head(&self) -> Head {
        let mode = self.mode;
        let t = ui::for_mode(mode);
        let lang = mode.ui_lang();
        let site = self.catalog.site.str(lang).to_owned();
        let view = self.route.href();
        // Articles and timelines have a Chinese version; an unknown page is
        // not a page to point at.
        let alternates = match self.route {
            Route::NotFound | Route::BadPage { .. } => Vec::new(),
            _ => vec![("en", view.clone()), ("zh-Hans", Mode::Zh.localize(&view)), ("x-default", view.clone())],
        };
        let mut head = Head {
            title: site.clone(),
            site: site.clone(),
            description: String::new(),
            lang,
            canonical: mode.localize(&view),
            alternates,
            noindex: self.embed,
            previews: !self.embed,
            kind: "website",
            image: None,
            json_ld: None,
        };
        match (self.route, self.article, self.timeline) {
            (Route::Article { page, .. }, Some(a), _) => {
                head.title = article_title(&plain(&a.headline, mode), *page, &site, t);
                let summary = Some(a.summary.str(lang).to_owned()).filter(|s| !s.trim().is_empty());
                let first = a.pages.iter().flatten().find_map(|b| match b {
                    crate::Block::Paragraph { text, .. } => Some(text.str(lang)),
                    _ => None,
                });
                head.description = clip(&summary.or(first).unwrap_or_default(), 200);
                head.kind = "article";
                head.image = Some(card(CardOf::Article(&a.slug), lang, plain(&a.headline, mode)));
                head.json_ld = Some(self.news_article(a, &head));
            }
            (Route::Timeline { event, .. }, _, Some(tl)) => {
                let e = event.as_deref().and_then(|id| tl.event_index(id)).map(|i| &tl.events[i]);
                head.title =
                    timeline_title(e.map(|e| plain(&e.title, mode)).as_deref(), &plain(&tl.title, mode), &site);
                head.description = clip(e.map_or(tl.description.str(lang), |e| e.outcome.str(lang)), 200);
                head.image = Some(card(CardOf::Timeline(&tl.id), lang, plain(&tl.title, mode)));
            }
            (Route::Listing { listing, page }, ..) => {
                if let Some(heading) = listing_heading(self.catalog, listing, mode) {
                    head.title = listing_title(&heading, listing, *page, &site, t);
                }
                head.description = clip(t.site_description, 200);
            }
            (Route::Search, ..) => {
                // One page for every query: results are not for indexing.
                head.title = format!("{} · {site}", crate::search::ui::for_mode(mode).heading);
                head.description = crate::search::ui::for_mode(mode).prompt.to_owned();
                head.noindex = true;
            }
            _ => {
                // Not a page: nothing to point at, nothing to index.
                head.title = format!("{} · {site}", t.not_found_title);
                head.description = t.not_found_body.to_owned();
                head.canonical = String::new();
                head.noindex = true;
            }
        }
        // An embed's canonical is its full view (`view` is never framed),
        // and it carries `noindex`: it is a fragment for other pages.
        head
    }

    fn news_article(&self, a: &Article, head: &Head) -> serde_json::Value {
        let lang = self.mode.ui_lang();
        // Both reads as both languages.
        let in_language = match self.mode {
            Mode::Both => serde_json::json!([Lang::En.tag(), Lang::Zh.tag()]),
            _ => serde_json::json!(lang.tag()),
        };
        let section = self.catalog.section(&a.section).map_or(a.section.as_str(), |s| s.label.str(lang));
        let mut json = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": plain(&a.headline, self.mode),
            "description": head.description,
            "datePublished": a.published.to_string(),
            "dateModified": a.updated_or_published().to_string(),
            "inLanguage": in_language,
            "author": [{"@type": "Person", "name": a.byline.author.str(lang)}],
            "articleSection": section,
        });
        if let Some(src) = &a.byline.source {
            json["publisher"] = serde_json::json!({"@type": "Organization", "name": src.str(lang)});
        }
        json
    }
}

fn card(of: CardOf, lang: Lang, alt: String) -> Image {
    let (width, height) = CARD_SIZE;
    Image { path: card_path(of, lang), width, height, alt }
}

impl Head {
    /// The tags, for `<head>`. `site` (`https://host/folio/`) makes the
    /// addresses absolute, as Open Graph, X's cards, `hreflang` and JSON-LD
    /// require. Without it (the bundle does not know where it will be
    /// served) the canonical address is relative to the page's `<base>`,
    /// which is right wherever it is deployed, and the tags that must be
    /// absolute are left out rather than written wrong: `cargo xtask dist`
    /// says so once.
    pub fn to_html(&self, site: Option<&str>) -> String {
        let abs = |p: &str| match site {
            Some(s) => format!("{}/{}", s.trim_end_matches('/'), p.trim_start_matches('/')),
            None => p.trim_start_matches('/').to_owned(),
        };
        let e = escape_html;
        let mut out = format!("<title>{}</title>", e(&self.title));
        let meta = |out: &mut String, attr: &str, key: &str, value: &str| {
            out.push_str(&format!("<meta {attr}=\"{key}\" content=\"{}\">", e(value)));
        };
        meta(&mut out, "name", "description", &self.description);
        if self.noindex {
            meta(&mut out, "name", "robots", "noindex");
        }
        if !self.canonical.is_empty() {
            // An empty href would be the page itself: the home page is "./".
            let href = abs(&self.canonical);
            out.push_str(&format!(
                "<link rel=\"canonical\" href=\"{}\">",
                e(if href.is_empty() { "./" } else { &href })
            ));
        }
        if !self.previews {
            return out;
        }
        if site.is_some() {
            for (lang, path) in &self.alternates {
                out.push_str(&format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\">", e(&abs(path))));
            }
        }
        meta(&mut out, "property", "og:type", self.kind);
        meta(&mut out, "property", "og:title", &self.title);
        meta(&mut out, "property", "og:description", &self.description);
        if site.is_some() && !self.canonical.is_empty() {
            meta(&mut out, "property", "og:url", &abs(&self.canonical));
        }
        meta(&mut out, "property", "og:site_name", &self.site);
        meta(&mut out, "property", "og:locale", if self.lang == Lang::Zh { "zh_CN" } else { "en_US" });
        let image = self.image.as_ref().filter(|_| site.is_some());
        let card = if image.is_some() { "summary_large_image" } else { "summary" };
        // X reads the title, description and image from the og: tags
        // when its own are absent (its cards markup reference): the
        // copies were about 430 bytes of every full page, 5 KB an article
        // in its twelve. Only the card's kind and its alt text (which has
        // no og: stand-in there) are its own.
        meta(&mut out, "name", "twitter:card", card);
        if let Some(img) = image {
            let url = abs(&img.path);
            meta(&mut out, "property", "og:image", &url);
            meta(&mut out, "property", "og:image:type", "image/png");
            meta(&mut out, "property", "og:image:width", &img.width.to_string());
            meta(&mut out, "property", "og:image:height", &img.height.to_string());
            meta(&mut out, "property", "og:image:alt", &img.alt);
            meta(&mut out, "name", "twitter:image:alt", &img.alt);
        }
        if let Some(ld) = &self.json_ld {
            let mut ld = ld.clone();
            if site.is_some() {
                if !self.canonical.is_empty() {
                    ld["url"] = abs(&self.canonical).into();
                    ld["mainEntityOfPage"] = abs(&self.canonical).into();
                }
                if let Some(img) = image {
                    ld["image"] = serde_json::json!([abs(&img.path)]);
                }
            }
            // Safe inside <script>: no "</script>" or "<!--" can form.
            let ld = ld.to_string().replace('<', "\\u003c");
            out.push_str(&format!("<script type=\"application/ld+json\">{ld}</script>"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        crate::parse::catalog(include_str!("../../content/catalog.json")).unwrap()
    }

    fn seed() -> Article {
        crate::parse::article(include_str!("../tests/fixtures/seed-article.json")).unwrap()
    }

    fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
        let i = html.find(from).unwrap_or_else(|| panic!("no {from} in {html}")) + from.len();
        &html[i..i + html[i..].find(to).unwrap()]
    }

    #[test]
    fn an_article_page_has_its_title_alternates_previews_and_json_ld() {
        let (c, a) = (catalog(), seed());
        let route = Route::Article { slug: a.slug.clone(), page: PageSel::Page(2) };
        let s = Subject { catalog: &c, route: &route, mode: Mode::Zh, embed: false, article: Some(&a), timeline: None };
        let html = s.head().to_html(Some("https://news.example/folio/"));
        let zh = a.headline.str(Lang::Zh);
        assert_eq!(between(&html, "<title>", "</title>"), format!("{zh} (第 2 页) · Folio"));
        assert!(
            html.contains(
                "<link rel=\"canonical\" href=\"https://news.example/folio/zh/article/japan-overtures-to-russia/2/\">"
            ),
            "{html}"
        );
        assert!(
            html.contains("hreflang=\"en\" href=\"https://news.example/folio/article/japan-overtures-to-russia/2/\"")
        );
        assert!(html.contains(
            "hreflang=\"zh-Hans\" href=\"https://news.example/folio/zh/article/japan-overtures-to-russia/2/\""
        ));
        assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
        assert!(html.contains("<meta property=\"og:locale\" content=\"zh_CN\">"));
        let card = "https://news.example/folio/content/derived/cards/article/japan-overtures-to-russia.zh.png";
        assert!(html.contains(&format!("<meta property=\"og:image\" content=\"{card}\">")), "{html}");
        assert!(html.contains(
            "<meta property=\"og:image:width\" content=\"1200\"><meta property=\"og:image:height\" content=\"630\">"
        ));
        assert!(html.contains(&format!("<meta property=\"og:image:alt\" content=\"{zh}\">")), "{html}");
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(html.contains(&format!("<meta name=\"twitter:image:alt\" content=\"{zh}\">")), "{html}");
        for copy in ["twitter:title", "twitter:description", "twitter:image\""] {
            assert!(!html.contains(copy), "X reads og:'s: no {copy} in {html}");
        }
        let ld: serde_json::Value =
            serde_json::from_str(between(&html, "<script type=\"application/ld+json\">", "</script>")).unwrap();
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], zh);
        assert_eq!(ld["image"], serde_json::json!([card]));
        assert_eq!(ld["url"], "https://news.example/folio/zh/article/japan-overtures-to-russia/2/");
        assert_eq!(ld["inLanguage"], "zh-Hans");
        assert_eq!(ld["articleSection"], c.section(&a.section).unwrap().label.str(Lang::Zh), "the section's name");
        assert_eq!(ld["datePublished"], "2016-09-07T07:48:00+08:00");
        assert!(!between(&html, "description\" content=\"", "\"").is_empty());
        assert!(!html.contains("noindex"));
    }

    #[test]
    fn embeds_point_at_their_full_view_and_stay_out_of_the_index() {
        let (c, a) = (catalog(), seed());
        let route = Route::Article { slug: a.slug.clone(), page: PageSel::Page(1) };
        let s = Subject { catalog: &c, route: &route, mode: Mode::En, embed: true, article: Some(&a), timeline: None };
        let html = s.head().to_html(None);
        assert!(html.contains("<link rel=\"canonical\" href=\"article/japan-overtures-to-russia/\">"), "{html}");
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        let html = s.head().to_html(Some("https://news.example/folio/"));
        for absent in ["hreflang", "og:", "twitter:", "ld+json"] {
            assert!(!html.contains(absent), "no previews in a frame: {absent} in {html}");
        }
    }

    #[test]
    fn without_the_site_address_nothing_that_must_be_absolute_is_written() {
        let (c, a) = (catalog(), seed());
        let route = Route::Article { slug: a.slug.clone(), page: PageSel::Page(1) };
        let s =
            Subject { catalog: &c, route: &route, mode: Mode::Both, embed: false, article: Some(&a), timeline: None };
        let html = s.head().to_html(None);
        for absent in ["og:url", "og:image", "twitter:image", "hreflang", "\"image\"", "\"url\""] {
            assert!(!html.contains(absent), "{absent} in {html}");
        }
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), "no picture to show large");
        let ld: serde_json::Value =
            serde_json::from_str(between(&html, "<script type=\"application/ld+json\">", "</script>")).unwrap();
        assert_eq!(ld["inLanguage"], serde_json::json!(["en", "zh-Hans"]), "Both reads as both languages");
        let home = Subject {
            catalog: &c,
            route: &Route::Listing { listing: Listing::Latest, page: 1 },
            mode: Mode::En,
            embed: false,
            article: None,
            timeline: None,
        };
        assert!(home.head().to_html(None).contains("<link rel=\"canonical\" href=\"./\">"));
    }

    #[test]
    fn a_timeline_page_previews_its_timelines_card() {
        let c = catalog();
        let tl: Timeline =
            crate::parse::from_json(include_str!("../../content/timelines/japan-russia-summits.json")).unwrap();
        let route = Route::Timeline { id: tl.id.clone(), event: Some(tl.events[3].id.clone()) };
        let s =
            Subject { catalog: &c, route: &route, mode: Mode::En, embed: false, article: None, timeline: Some(&tl) };
        let html = s.head().to_html(Some("https://h.example/"));
        let card = format!("https://h.example/content/derived/cards/timeline/{}.en.png", tl.id);
        assert!(html.contains(&format!("<meta property=\"og:image\" content=\"{card}\">")), "{html}");
    }

    #[test]
    fn hostile_content_stays_text_in_every_tag() {
        let mut a = seed();
        a.headline = Text::en("</title><script>alert(1)</script>\" onload=\"x");
        let c = catalog();
        let route = Route::Article { slug: a.slug.clone(), page: PageSel::Page(1) };
        let s = Subject { catalog: &c, route: &route, mode: Mode::En, embed: false, article: Some(&a), timeline: None };
        let html = s.head().to_html(None);
        assert_eq!(html.matches("<script").count(), 1, "only the JSON-LD element: {html}");
        assert!(!html.contains("</title><script>"));
        assert!(html.contains("<meta property=\"og:title\" content=\"&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x · Folio\">"), "{html}");
    }

    #[test]
    fn the_not_found_page_points_nowhere_and_is_not_indexed() {
        let c = catalog();
        let s = Subject {
            catalog: &c,
            route: &Route::NotFound,
            mode: Mode::En,
            embed: false,
            article: None,
            timeline: None,
        };
        let html = s.head().to_html(Some("https://h.example/"));
        assert!(!html.contains("canonical") && !html.contains("og:url") && !html.contains("hreflang"), "{html}");
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    }

    #[test]
    fn descriptions_are_clipped_at_a_word() {
        let long = "word ".repeat(100);
        let d = clip(&long, 50);
        assert!(d.chars().count() <= 50 && d.ends_with('…'), "{d}");
        assert_eq!(clip("short", 50), "short");
        assert_eq!(clip("first\n\nsecond", 50), "first");
    }
}
