//! The site: the content, read and parsed once, and what is derived from
//! it: the listings, the short lists, citations both ways, which files
//! are too large to carry, every view that gets a page, and what each
//! view's page carries and is made from.

use crate::parallel::parallel_map;
use crate::stamps::digest;
use crate::{fs, Error, Result};
use folio_model::embed::escape_html;
use folio_model::head::{Head, Subject};
use folio_model::listing::{Archive, Listing, ListingPage, Lists};
use folio_model::page_data::PageData;
use folio_model::timeline::mentions::{Cites, EventMentions, EventTable, MentionIndex};
use folio_model::timeline::{event_path, Timeline};
use folio_model::{files, parse, Article, Catalog, ContentError, Deferred, Mode, PageSel, Route, Text};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// One view that gets its own file.
pub struct Page {
    pub route: Route,
    pub embed: bool,
    /// Written without its view prerendered: the embed of an article's
    /// later page or "view all" (see [`Site::pages`]).
    pub thin: bool,
    /// The embeddable resource this view shows (`article/x`), with its
    /// title, for the oEmbed discovery link of full views.
    pub resource: Option<(String, Text)>,
}

/// The content, read and parsed once, and what is derived from it.
pub struct Site {
    pub catalog: Catalog,
    /// Newest first, as the listings order them.
    pub articles: Vec<Article>,
    by_slug: HashMap<String, usize>,
    pub timelines: Vec<Timeline>,
    /// Each timeline as the pages that show it carry it, by id: its JSON,
    /// made once, and shared by every page of its events.
    deferred: HashMap<String, Deferred<Timeline>>,
    /// Every listing's pages.
    listings: HashMap<(Listing, usize), ListingPage>,
    /// Each section's short lists.
    lists: HashMap<String, Lists>,
    /// Each article's cited events, by slug.
    cites: HashMap<String, Cites>,
    /// Each timeline's index of citing paragraphs, by id.
    mentions: HashMap<String, MentionIndex>,
    /// The files of the articles and timelines ([`files::article`], [`files::timeline`])
    /// over [`INLINE_LIMIT`], which no page carries; measured once here.
    pub too_large: HashSet<String>,
    /// A digest of each subject's data (the keys of `too_large`, listing
    /// files, `catalog`), for [`Site::inputs`].
    pub digests: HashMap<String, String>,
}

pub fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).expect("content types always serialise")
}

impl Site {
    /// Reads the catalog, every file in `articles/` (adding an article is
    /// adding its file: no list names them), and the catalog's timelines.
    pub fn read(dir: &Path) -> Result<Site> {
        fn load<T>(dir: &Path, rel: String, parse: fn(&str) -> std::result::Result<T, ContentError>) -> Result<T> {
            parse_file(&dir.join(&rel), folio_model::files::in_bundle(&rel), parse)
        }
        let catalog = load(dir, files::CATALOG.into(), parse::catalog)?;
        let articles = read_articles(dir)?;
        let timelines = catalog
            .timelines
            .iter()
            .map(|t| load(dir, files::timeline(&t.id), folio_model::timeline::parse))
            .collect::<Result<_>>()?;
        Ok(Site::new(catalog, articles, timelines))
    }

    pub fn new(catalog: Catalog, articles: Vec<Article>, timelines: Vec<Timeline>) -> Site {
        let (archive, articles) = newest_first(articles);
        let by_slug = articles.iter().enumerate().map(|(i, a)| (a.slug.clone(), i)).collect();
        let listings: HashMap<(Listing, usize), ListingPage> = Listing::all(&catalog)
            .iter()
            .flat_map(|l| archive.pages(l))
            .map(|p| ((p.listing.clone(), p.page), p))
            .collect();
        let lists = catalog.sections.iter().map(|s| (s.id.clone(), archive.lists(&catalog, &s.id))).collect();
        let table = EventTable::new(&timelines);
        let cites: HashMap<String, Cites> = articles.iter().map(|a| (a.slug.clone(), table.cites(a))).collect();
        let mentions: HashMap<String, MentionIndex> =
            timelines.iter().map(|t| (t.id.clone(), MentionIndex::build(t, &articles))).collect();
        // Each subject's JSON, once: its size decides whether pages carry
        // it, its digest whether its pages must be rendered again.
        let mut too_large = HashSet::new();
        let mut digests = HashMap::new();
        let mut subject = |key: String, json: String, also: String| {
            if json.len() > INLINE_LIMIT {
                too_large.insert(key.clone());
            }
            digests.insert(key, digest(&[&json, &also]));
        };
        for a in &articles {
            subject(files::article(&a.slug), json(a), cites.get(&a.slug).map(json).unwrap_or_default());
        }
        let mut deferred = HashMap::new();
        for t in &timelines {
            // An event's citations are added per route (`inputs`): a new
            // story re-renders only the pages of the events it cites.
            let text = json(t);
            subject(files::timeline(&t.id), text.clone(), String::new());
            deferred.insert(t.id.clone(), Deferred::with_json(t.clone(), text));
        }
        for p in listings.values() {
            digests.insert(p.listing.file(p.page), digest(&[&json(p)]));
        }
        digests.insert("catalog".into(), digest(&[&json(&catalog)]));
        Site { catalog, articles, by_slug, timelines, deferred, listings, lists, cites, mentions, too_large, digests }
    }

    /// A digest of everything the page of `route` is made from but the
    /// shell: the catalog and the view's own data (see [`Stamps`](crate::stamps::Stamps)).
    pub fn inputs(&self, route: &Route) -> String {
        let subject = match route {
            Route::Listing { listing, page } => listing.file(*page),
            Route::Article { slug, .. } | Route::BadPage { slug, .. } => files::article(slug),
            Route::Timeline { id, .. } => files::timeline(id),
            Route::NotFound | Route::Search => String::new(),
        };
        let get = |k: &str| self.digests.get(k).map_or("", String::as_str);
        // The one event's citations an event's page carries.
        let cited = match route {
            Route::Timeline { id, event: Some(e) } => self.mentions.get(id).map(|m| json(&m.event(e))),
            _ => None,
        };
        digest(&[get("catalog"), get(&subject), cited.as_deref().unwrap_or_default()])
    }

    pub fn article(&self, slug: &str) -> Option<&Article> {
        self.by_slug.get(slug).map(|&i| &self.articles[i])
    }

    /// The derived files, as `(path in content/, JSON)`.
    pub fn derived(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            self.listings.values().map(|p| (p.listing.file(p.page), json(p))).collect();
        out.extend(self.lists.values().map(|l| (Lists::file(&l.section), json(l))));
        out.extend(self.cites.values().map(|c| (Cites::file(&c.slug), json(c))));
        // What the offline worker saves with a page (`static/sw.js`).
        use folio_model::offline::{article_needs, timeline_needs};
        out.extend(self.articles.iter().map(|a| (files::offline("article", &a.slug), json(&article_needs(a)))));
        out.extend(self.timelines.iter().map(|t| (files::offline("timeline", &t.id), json(&timeline_needs(&t.id)))));
        for t in &self.timelines {
            if let Some(index) = self.mentions.get(&t.id) {
                out.extend(index.files(t).map(|m| (EventMentions::file(&m.timeline, &m.event), json(&m))));
            }
        }
        out
    }

    /// What of `data` (which the prerender uses in full) a page carries:
    /// all but the article, the files over [`INLINE_LIMIT`] and, on an
    /// embed's page, the catalog (see `PageData::catalog`).
    ///
    /// The article is never carried: each article has a route file per
    /// page, per mode, "view all" and its embed (twelve to twenty-four),
    /// and each copy of its JSON made up a third of every one of them
    /// (6.6 KB of 22 KB for a three-page article: 160 KB of the 472 KB an
    /// article cost at N = 1,000). Its pages ask for the one file at once
    /// instead ([`Site::preloads`]), which the browser then caches for
    /// every page of the article, and keep the prerendered view on screen
    /// until the app has it (`src/shell/boot.rs`).
    pub fn carried(&self, data: &PageData, embed: bool) -> PageData {
        let mut out = data.clone();
        out.articles.clear();
        if embed {
            out.catalog = None;
        }
        out.timelines.retain(|id, _| !self.too_large.contains(&files::timeline(id)));
        out
    }

    /// Whether `a` is over [`INLINE_LIMIT`]: not carried.
    pub fn too_large_article(&self, a: &Article) -> bool {
        self.too_large.contains(&files::article(&a.slug))
    }

    /// Whether `t` is over [`INLINE_LIMIT`]: not carried, and split.
    pub fn too_large_timeline(&self, t: &Timeline) -> bool {
        self.too_large.contains(&files::timeline(&t.id))
    }

    /// `<link rel=preload>` tags for what the first render of `route` needs
    /// (`data`) but its page does not carry (`carried`, from
    /// [`Site::carried`]): an embed's catalog, the article, files over
    /// [`INLINE_LIMIT`] and, on an event page of a split timeline, that
    /// event's own file. Derived from what was left out, so the two cannot
    /// disagree. Without them the app asks for these only once its wasm
    /// runs.
    ///
    /// An article of ordinary size comes at the default priority: it is a
    /// few kilobytes, and the app needs it the moment its wasm starts.
    /// Anything over the limit gets `fetchpriority=low`: the stylesheet and the wasm come first. A 16 MB
    /// timeline preloaded at the default priority held them back and
    /// delayed first paint by up to 400 ms under the bench's 4× throttle.
    /// The 3 MB index of 10,000 events at low priority left first paint
    /// where it was (324 ms against 330, medians of ten) and the timeline
    /// was ready 73 ms sooner (1,066 → 993 ms). `crossorigin` makes the
    /// request the one the app's fetch sends (mode `cors`, same-origin
    /// credentials), so the browser hands it the preloaded response
    /// instead of fetching twice.
    pub fn preloads(&self, route: &Route, data: &PageData, carried: &PageData) -> String {
        // (file, at low priority)
        let mut files: Vec<(String, bool)> = Vec::new();
        if data.catalog.is_some() && carried.catalog.is_none() {
            files.push((files::CATALOG.to_owned(), false));
        }
        let left_out = data.articles.iter().filter(|a| !carried.articles.iter().any(|c| c.slug == a.slug));
        files.extend(left_out.map(|a| (files::article(&a.slug), self.too_large_article(a))));
        for id in data.timelines.keys().filter(|id| !carried.timelines.contains_key(*id)) {
            files.push((files::timeline(id), true));
            // A timeline left out is split: an event's page wants its file.
            let split = self.timelines.iter().find(|t| &t.id == id).filter(|t| self.too_large_timeline(t));
            if let (Some(t), Route::Timeline { id: shown, event: Some(event) }) = (split, route) {
                if shown == id && t.event_index(event).is_some() {
                    files.push((event_path(id, event), true));
                }
            }
        }
        files
            .iter()
            .map(|(f, low)| {
                let low = if *low { " fetchpriority=low" } else { "" };
                format!("<link rel=preload as=fetch crossorigin{low} href=\"content/{}\">", escape_html(f))
            })
            .collect()
    }

    /// Every view the content defines, unprefixed (English); each is
    /// written once per mode, with its embed. An article's embeds are
    /// prerendered for its first page only, which is what a snippet embeds
    /// by default and what oEmbed describes; the embeds of its later pages
    /// and of "view all" are thin pages, which the app fills in (a frame
    /// on a partner's page runs scripts). Prerendered, those would cost an
    /// article of three pages about a third of its bytes, for a frame
    /// that a reader sees a moment later anyway.
    pub fn pages(&self) -> Vec<Page> {
        let plain = |route: Route| Page { route, embed: false, thin: false, resource: None };
        let mut listings: Vec<&(Listing, usize)> = self.listings.keys().collect();
        listings.sort_by_key(|(l, p)| (l.file(*p), *p));
        let mut out: Vec<Page> = listings
            .into_iter()
            .map(|(listing, page)| plain(Route::Listing { listing: listing.clone(), page: *page }))
            .collect();
        // Search: one page per mode; the query is the app's to read.
        out.push(plain(Route::Search));
        let mut views = Vec::new();
        for article in &self.articles {
            let resource = (format!("article/{}", article.slug), article.headline.clone());
            let sels = (1..=article.page_count()).map(PageSel::Page).chain([PageSel::All]);
            views.extend(sels.map(|page| (Route::Article { slug: article.slug.clone(), page }, resource.clone())));
        }
        for timeline in &self.timelines {
            let resource = (format!("timeline/{}", timeline.id), timeline.title.clone());
            let events = std::iter::once(None).chain(timeline.events.iter().map(|e| Some(e.id.clone())));
            views.extend(events.map(|event| (Route::Timeline { id: timeline.id.clone(), event }, resource.clone())));
        }
        for (route, resource) in views {
            let thin = matches!(route, Route::Article { page: PageSel::Page(2..) | PageSel::All, .. });
            out.push(Page { route: route.clone(), embed: false, thin: false, resource: Some(resource) });
            out.push(Page { route, embed: true, thin, resource: None });
        }
        out
    }

    /// The head tags of a view.
    pub fn head(&self, route: &Route, mode: Mode, embed: bool) -> Head {
        let (article, timeline) = match route {
            Route::Article { slug, .. } => (self.article(slug), None),
            Route::Timeline { id, .. } => (None, self.timelines.iter().find(|t| &t.id == id)),
            _ => (None, None),
        };
        Subject { catalog: &self.catalog, route, mode, embed, article, timeline }.head()
    }

    /// What a view needs for its first render, and no more: the chrome,
    /// and the listing page, the article (with its cited events) or the
    /// timeline (with its citing paragraphs) it shows. Never the archive,
    /// and not the short lists beside an article (see `PageData`).
    pub fn data_for(&self, route: &Route) -> PageData {
        let mut data = PageData::chrome(self.catalog.clone());
        match route {
            Route::Listing { listing, page } => data.listing = self.listings.get(&(listing.clone(), *page)).cloned(),
            Route::Article { slug, .. } | Route::BadPage { slug, .. } => {
                if let Some(a) = self.article(slug) {
                    data.cites = self.cites.get(slug).cloned();
                    data.articles.push(a.clone());
                }
            }
            Route::Timeline { id, event } => {
                data.timelines.extend(self.deferred.get(id).map(|t| (id.clone(), t.clone())));
                data.mentions = event.as_ref().and_then(|e| Some(Deferred::of(self.mentions.get(id)?.event(e))));
            }
            Route::NotFound | Route::Search => {}
        }
        data
    }
}

/// The largest content file, as JSON, that a page carries inline. A bigger
/// one would be copied into every page that needs it: every event page
/// of a 10,000-event timeline would carry all 13 MB of it. The app
/// fetches such a file instead, and keeps the prerendered view on screen
/// until it has it (`src/shell/boot.rs`). A timeline this large is also split
/// ([`write_split`](crate::split::write_split)), so what the app fetches first is its index.
///
/// The page asks for what it leaves out at once, at low priority
/// ([`Site::preloads`]), so the download overlaps the wasm's.
pub const INLINE_LIMIT: usize = 512 * 1024;

/// The archive's entries and its articles, both newest first, the order
/// of the listings: an event's citation index, built from them in this
/// order, keeps its newest citations.
pub fn newest_first(articles: Vec<Article>) -> (Archive, Vec<Article>) {
    let archive = Archive::new(articles.iter().map(Article::entry).collect());
    let mut by_slug: HashMap<String, Article> = articles.into_iter().map(|a| (a.slug.clone(), a)).collect();
    let articles = archive.entries().iter().filter_map(|e| by_slug.remove(&e.slug)).collect();
    (archive, articles)
}

/// Every article in `articles/` of a content folder, JSON or Markdown (an
/// English `{slug}.md` with its `{slug}.zh.md`), parsed on every core, in
/// file-name order.
pub fn read_articles(dir: &Path) -> Result<Vec<Article>> {
    let mut names: Vec<String> = fs::read_dir_if_present(dir.join(files::ARTICLES))?
        .unwrap_or_default()
        .into_iter()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") || (n.ends_with(".md") && !n.ends_with(".zh.md")))
        .collect();
    names.sort();
    parallel_map(&names, |n| {
        let rel = format!("{}/{n}", files::ARTICLES);
        if n.ends_with(".json") {
            parse_file(&dir.join(&rel), format!("content/{rel}"), parse::article)
        } else {
            read_markdown(dir, &rel)
        }
    })
}

/// A Markdown article, from its English file `rel` and its Chinese one
/// beside it, if there is one. Its faults are reported together, each
/// with its file, line and column.
pub fn read_markdown(dir: &Path, rel: &str) -> Result<Article> {
    use folio_model::markdown::{article, Md};
    let en = fs::read_to_string(dir.join(rel))?;
    let zh_rel = rel.replace(".md", ".zh.md");
    let zh_path = dir.join(&zh_rel);
    let zh = if zh_path.exists() { Some(fs::read_to_string(&zh_path)?) } else { None };
    let (en_name, zh_name) = (format!("content/{rel}"), format!("content/{zh_rel}"));
    article(Md { name: &en_name, text: &en }, zh.as_deref().map(|text| Md { name: &zh_name, text }))
        .map(|p| p.article)
        .map_err(|errors| match <[ContentError; 1]>::try_from(errors) {
            Ok([one]) => one.into(),
            Err(all) => Error::other(all.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")),
        })
}

/// Reads and parses one content file; a parse error names it as `shown`.
pub fn parse_file<T>(file: &Path, shown: String, parse: fn(&str) -> std::result::Result<T, ContentError>) -> Result<T> {
    Ok(parse(&fs::read_to_string(file)?).map_err(|e| e.in_file(shown))?)
}

/// Where the bundle will be served, for the absolute URLs oEmbed needs:
/// `FOLIO_SITE_URL`, else `site_url` in catalog.json. Both are checked by
/// the validator's one rule (the catalog's when the content is validated).
pub fn site_url(catalog: &Catalog) -> Result<Option<String>> {
    match std::env::var("FOLIO_SITE_URL").ok().filter(|s| !s.is_empty()) {
        Some(url) => match folio_model::validate::site_url_problem("FOLIO_SITE_URL", &url) {
            Some(problem) => Err(Error::other(problem)),
            None => Ok(Some(url)),
        },
        None => Ok(catalog.site_url.clone()),
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod timing {
    /// Where `Site::read` spends its time on a large archive:
    /// `cargo xtask bench --scale 10000`, then
    /// `cargo test -p xtask --release -- --ignored --nocapture read_timing`.
    #[test]
    #[ignore]
    fn read_timing() {
        let dir = crate::root().join("target/scale/10000/content");
        let t = std::time::Instant::now();
        let c = super::Site::read(&dir).unwrap();
        eprintln!("read {:.2} s for {} articles", t.elapsed().as_secs_f64(), c.articles.len());
    }
}
