//! The release bundle.
//!
//! `dist/` is Trunk's app (built into `target/trunk/`, and only when its
//! sources changed), the publisher's `content/`, the files derived from
//! the archive (`content/derived/`: listing pages, each section's short
//! lists, each article's cited meetings, each timeline's citing
//! paragraphs), and one prerendered `index.html` per route. Every file
//! goes through [`Output`], so a rebuild rewrites only what changed; the
//! routes render on every core.

use crate::output::{parallel, parallel_map, thousands, Output};
use crate::shell::{Base, Fill, Shell};
use crate::tools::{ensure_build_tools, path_with_tools, run};
use crate::{fail, fs, root, Error, Result};
use folio_model::embed::{escape_html, Options, Snippet};
use folio_model::head::{Head, Subject};
use folio_model::listing::{Archive, Listing, ListingPage, Lists, DERIVED};
use folio_model::page_data::PageData;
use folio_model::route::base_href;
use folio_model::timeline::mentions::{Cites, EventMentions, EventTable, MentionIndex};
use folio_model::timeline::{event_path, Timeline};
use folio_model::{parse, route::framed, Article, Catalog, ContentError, Deferred, Mode, PageSel, Route, Text};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// What to build, from what, to where.
pub struct Build {
    pub release: bool,
    /// The publisher's content folder.
    pub content: PathBuf,
    /// The bundle's folder.
    pub dist: PathBuf,
}

impl Build {
    /// The project's own `content/` into `dist/`.
    pub fn standard(release: bool) -> Build {
        Build { release, content: root().join("content"), dist: root().join("dist") }
    }
}

/// What a build produced, for the bench and the summary line.
pub struct Built {
    pub dist: PathBuf,
    pub routes: usize,
    pub stats: crate::output::Stats,
    pub seconds: f64,
    /// Each step's name and seconds, in order.
    pub steps: Vec<(&'static str, f64)>,
}

/// Builds `dist/` from the project's `content/` and returns its path.
pub fn build(release: bool) -> Result<PathBuf> {
    Ok(build_with(&Build::standard(release))?.dist)
}

/// Builds a bundle.
///
/// Besides Trunk's output, every route gets its own `index.html`: the app
/// shell with the view prerendered into it (the same components, rendered
/// natively) and the data of its first render, so it reads without
/// JavaScript and the app takes over without a fetch. `404.html` catches
/// the rest. So deep links, reloads and shared links work on any static
/// host without rewrite rules.
pub fn build_with(build: &Build) -> Result<Built> {
    ensure_build_tools()?;
    let start = Instant::now();
    // How long each step took, for the summary: on a large archive a
    // publisher wants to know where the time goes.
    let mut steps: Vec<(&str, f64)> = Vec::new();
    let mut lap = Instant::now();
    let mut step = |name: &'static str| {
        steps.push((name, lap.elapsed().as_secs_f64()));
        lap = Instant::now();
    };
    crate::validate(build.content.clone())?;
    step("validate");
    let app = trunk(build.release)?;
    step("app");
    let content = Content::read(&build.content)?;
    step("read");
    if build.content.join(DERIVED).exists() {
        return fail!(
            "{}: a folder named {DERIVED}/ is for the files dist derives; rename it",
            build.content.display()
        );
    }
    let out = Output::recorded(&build.dist, Manifest::path(&build.dist, "files.txt"))?;
    // The shell becomes every route's page; the home route writes
    // index.html itself.
    let shell = Shell::read(&app.join("index.html"))?;
    let code = Code::new(&crate::app::Manifest::read(&app)?)?;
    out.copy_dir(&app, "", |rel| rel == "index.html" || rel == crate::app::MANIFEST || rel == WORKER)?;
    out.write(WORKER, &worker(&app, &code_dir(&app)?)?)?;
    // A split timeline's file is written as its index instead.
    let split: HashSet<String> = content
        .timelines
        .iter()
        .filter(|t| content.too_large_timeline(t))
        .map(|t| format!("timelines/{}.json", t.id))
        .collect();
    out.copy_dir(&build.content, "content", |rel| split.contains(rel))?;
    step("copy");
    let routes = write_route_files(&out, &shell, &content, &code)?;
    step("routes");
    crate::card::write_all(&out, &content.catalog, &content.articles, &content.timelines, &build.content)?;
    step("cards");
    write_search_index(&out, &content)?;
    step("search");
    let stats = out.finish()?;
    step("clean");
    let seconds = start.elapsed().as_secs_f64();
    let shown: Vec<String> = steps.iter().map(|(n, s)| format!("{n} {s:.1} s")).collect();
    println!("xtask: steps: {}", shown.join(", "));
    println!(
        "xtask: {} ready: {} articles, {} route files; {} files written, {} unchanged, {} removed; {:.1} MB; {seconds:.1} s",
        build.dist.display(),
        thousands(content.articles.len()),
        thousands(routes),
        thousands(stats.written),
        thousands(stats.unchanged),
        thousands(stats.removed),
        stats.bytes as f64 / 1e6,
    );
    Ok(Built { dist: build.dist.clone(), routes, stats, seconds, steps })
}

/// The offline worker, at the bundle root so that its scope is the bundle.
const WORKER: &str = "sw.js";

/// The page the worker stands in with for a page it has no copy of.
const OFFLINE_PAGE: &str = "offline.html";

/// The app's code folder (`app-{hash}`), named by its manifest.
fn code_dir(app: &Path) -> Result<String> {
    Ok(crate::app::Manifest::read(app)?.dir)
}

/// `static/sw.js` with this deploy's `BUILD`: its version, the code
/// folder's name (which changes with any change to the code, so the
/// browser sees a new worker exactly when there is new code), and the
/// shell it saves on install: the code folder, the stylesheet, `prefs.js`,
/// the icon and [`OFFLINE_PAGE`].
fn worker(app: &Path, dir: &str) -> Result<Vec<u8>> {
    const SLOT: &str = "/*folio-build*/ { version: 'dev', code: 'app', shell: [] }";
    let source = fs::read_to_string(app.join(WORKER))?;
    let Some(at) = source.find(SLOT) else {
        return fail!("{}: its BUILD placeholder is missing", app.join(WORKER).display());
    };
    let mut shell = Vec::new();
    crate::output::walk(&app.join(dir), &mut shell)?;
    let mut shell: Vec<String> = shell
        .iter()
        .map(|f| f.strip_prefix(app).expect("walked from here").to_string_lossy().replace('\\', "/"))
        .collect();
    for e in fs::read_dir_if_present(app)?.unwrap_or_default() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("main-") && name.ends_with(".css") {
            shell.push(name);
        }
    }
    shell.extend(["prefs.js", "favicon.svg", OFFLINE_PAGE].map(String::from));
    shell.sort();
    // The version names the caches: any change to the shell's files
    // (their names are hashed) is a new one.
    let version = &digest(&shell.iter().map(String::as_str).collect::<Vec<_>>())[..12];
    let build = serde_json::json!({ "version": version, "code": dir, "shell": shell });
    let filled = format!("{}{build}{}", &source[..at], &source[at + SLOT.len()..]);
    Ok(without_comments(&filled).into_bytes())
}

/// `sw.js` without its comments (whole-line `//` ones and `/* … */` blocks
/// that begin a line) and blank lines: its source explains itself at
/// length, which no reader's browser needs. Not a minifier: code is left
/// exactly as written, so nothing inside a string or a regex can be cut.
fn without_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.lines() {
        let t = line.trim_start();
        if in_block {
            in_block = !t.contains("*/");
            continue;
        }
        if t.starts_with("/*") && !t.starts_with("/*folio") {
            in_block = !t.contains("*/");
            continue;
        }
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Trunk's build of the app into `target/trunk/{release,dev}/`, run only
/// when an input changed since the last one ([`app_fingerprint`]): with a
/// content-only change (a new article), a rebuild skips cargo, wasm-bindgen
/// and wasm-opt altogether. Not into `dist/`, which Trunk would empty.
fn trunk(release: bool) -> Result<PathBuf> {
    let out = root().join("target/trunk").join(if release { "release" } else { "dev" });
    let stamp = out.with_extension("fingerprint");
    let fingerprint = app_fingerprint(release)?;
    if out.join("index.html").exists() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == fingerprint) {
        println!("xtask: the app is unchanged since its last build ({}); not running Trunk", out.display());
        return Ok(out);
    }
    let mut trunk = Command::new("trunk");
    trunk.arg("build").arg("--offline").arg("--dist").arg(&out).current_dir(root()).env("PATH", path_with_tools());
    if release {
        trunk.arg("--release");
    }
    run(&mut trunk)?;
    // Then the app's code, which Trunk cannot split (`app.rs`). Called
    // here rather than as Trunk's hook: a hook would be `cargo xtask app`,
    // whose `cargo run` waits for any other build in `target/` (the test
    // command's native and wasm layers build beside this).
    crate::app::build(&out, release)?;
    fs::write(&stamp, fingerprint)?;
    Ok(out)
}

/// `cargo xtask app`: builds the release app (Trunk, then the split wasm)
/// and prints each of its files' brotli bytes beside its budget, for a
/// change to the app's code to see what it costs without a whole `dist`.
pub fn app_command() -> Result {
    ensure_build_tools()?;
    let out = trunk(true)?;
    let manifest = crate::app::Manifest::read(&out)?;
    crate::budgets::print_app(&out.join(&manifest.dir))
}

/// A digest of everything Trunk's output depends on: the app's and the
/// model's sources, the manifests and lockfile, the entry page, styles,
/// static files, the profile and the tool versions.
fn app_fingerprint(release: bool) -> Result<String> {
    use sha2::Digest;
    let r = root();
    let mut files = Vec::new();
    for dir in ["src", "model/src", "style", "static"] {
        crate::output::walk(&r.join(dir), &mut files)?;
    }
    for f in [
        "Cargo.toml",
        "Cargo.lock",
        "model/Cargo.toml",
        "index.html",
        "Trunk.toml",
        "favicon.svg",
        "tools/package-lock.json",
        // The wasm's build and split (after Trunk) and their flags.
        "xtask/src/app.rs",
        "xtask/Cargo.toml",
        ".cargo/config.toml",
    ] {
        files.push(r.join(f));
    }
    files.sort();
    let mut h = sha2::Sha256::new();
    let names = std::env::var("FOLIO_WASM_NAMES").unwrap_or_default();
    h.update(format!("release={release} trunk={} names={names} ", crate::tools::TRUNK_VERSION));
    for f in files {
        h.update(f.strip_prefix(&r).unwrap_or(&f).to_string_lossy().as_bytes());
        h.update(fs::read(&f)?);
    }
    Ok(format!("{:x}", h.finalize()))
}

/// The preloads of the app's code that a view needs beyond the main
/// module (`app.rs`), so that its first render waits for no second round
/// trip: a timeline's chunk, and on phones its list's (the `media` of the
/// layout's own breakpoint, `routes/timeline/layout.rs`). An article, a
/// listing and "not found" are in the main module; the dialogs load when
/// first opened, and search when its box is first focused, except on the
/// search page, which preloads it.
struct Code {
    /// By the kind of view (see [`Code::preloads`]), full and embedded.
    preloads: HashMap<(ViewCode, bool), String>,
}

/// The kinds of view whose first render needs a chunk.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ViewCode {
    /// An article, a listing, "not found": the main module only.
    Main,
    Timeline,
    /// A meeting's page: the timeline's, and its card's.
    Meeting,
    Search,
}

impl Code {
    fn new(app: &crate::app::Manifest) -> Result<Code> {
        use crate::app::{FRAME, MEETING, SEARCH, TIMELINE, TIMELINE_LIST};
        let phone = Some(folio::PHONE_QUERY);
        let mut preloads = HashMap::new();
        for embed in [false, true] {
            // An embed's chrome, before its view's.
            let frame = if embed { vec![(FRAME, None)] } else { Vec::new() };
            for (kind, wanted) in [
                (ViewCode::Main, vec![]),
                (ViewCode::Timeline, vec![(TIMELINE, None), (TIMELINE_LIST, phone)]),
                // The card is in both layouts; the list's own files, on
                // phones only.
                (ViewCode::Meeting, vec![(TIMELINE, None), (MEETING, None), (TIMELINE_LIST, phone)]),
                (ViewCode::Search, vec![(SEARCH, None)]),
            ] {
                let all: Vec<(&str, Option<&str>)> = frame.iter().cloned().chain(wanted).collect();
                preloads.insert((kind, embed), app.preloads(&all)?);
            }
        }
        Ok(Code { preloads })
    }

    /// The preloads of the chunks the first render of `route` needs, full
    /// or embedded.
    fn preloads(&self, route: &Route, embed: bool) -> &str {
        let kind = match route {
            Route::Timeline { event: Some(_), .. } => ViewCode::Meeting,
            Route::Timeline { .. } => ViewCode::Timeline,
            Route::Search => ViewCode::Search,
            _ => ViewCode::Main,
        };
        &self.preloads[&(kind, embed)]
    }
}

/// One view that gets its own file.
struct Page {
    route: Route,
    embed: bool,
    /// Written without its view prerendered: the embed of an article's
    /// later page or "view all" (see [`Content::pages`]).
    thin: bool,
    /// The embeddable resource this view shows (`article/x`), with its
    /// title, for the oEmbed discovery link of full views.
    resource: Option<(String, Text)>,
}

/// The content, read and parsed once, and what is derived from it.
struct Content {
    catalog: Catalog,
    /// Newest first, as the listings order them.
    articles: Vec<Article>,
    by_slug: HashMap<String, usize>,
    timelines: Vec<Timeline>,
    /// Each timeline as the pages that show it carry it, by id: its JSON,
    /// made once, and shared by every page of its meetings.
    deferred: HashMap<String, Deferred<Timeline>>,
    /// Every listing's pages.
    listings: HashMap<(Listing, usize), ListingPage>,
    /// Each section's short lists.
    lists: HashMap<String, Lists>,
    /// Each article's cited meetings, by slug.
    cites: HashMap<String, Cites>,
    /// Each timeline's index of citing paragraphs, by id.
    mentions: HashMap<String, MentionIndex>,
    /// The articles and timelines (`articles/{slug}`, `timelines/{id}`)
    /// over [`INLINE_LIMIT`], which no page carries; measured once here.
    too_large: HashSet<String>,
    /// A digest of each subject's data (the keys of `too_large`, listing
    /// files, `catalog`), for [`Content::inputs`].
    digests: HashMap<String, String>,
}

fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).expect("content types always serialise")
}

/// SHA-256 of the parts, each length-prefixed, in hex.
pub(crate) fn digest(parts: &[&str]) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    format!("{:x}", h.finalize())
}

/// What each route file of a bundle was last rendered from, so a rebuild
/// renders only the routes whose inputs changed: rendering, not writing,
/// is what costs (about 2 ms a route), and an archive has a quarter of a
/// million routes. Kept in `target/`, not in the bundle, which is
/// deployed; a missing or unreadable manifest renders everything.
///
/// A route's key is a digest of its address, its mode, the shell, the
/// xtask binary that renders it (which holds the components and their
/// markup) and its data's digest ([`Content::inputs`]). A file edited in
/// `dist/` by hand is not noticed: delete `dist/` to render all.
pub(crate) struct Manifest {
    file: PathBuf,
    old: HashMap<String, String>,
    new: std::sync::Mutex<HashMap<String, String>>,
}

impl Manifest {
    /// The record of `what` (routes, cards) for the bundle at `dist`.
    pub(crate) fn load(dist: &Path, what: &str) -> Manifest {
        let file = Manifest::path(dist, &format!("{what}.tsv"));
        let old = std::fs::read_to_string(&file)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Manifest { file, old, new: Default::default() }
    }

    /// Where the build's record `name` for the bundle at `dist` is kept.
    pub(crate) fn path(dist: &Path, name: &str) -> PathBuf {
        let id = digest(&[&dist.to_string_lossy()]);
        root().join("target/dist-manifests").join(format!("{}-{name}", &id[..16]))
    }

    /// Whether `rel` was last rendered from `key`; records `key` either way.
    pub(crate) fn unchanged(&self, rel: &str, key: &str) -> bool {
        self.new.lock().expect("not poisoned").insert(rel.to_owned(), key.to_owned());
        self.old.get(rel).is_some_and(|k| k == key)
    }

    /// Saves the record, and says how much of the work (`done` of `total`
    /// `what`, "route files rendered") had new inputs.
    pub(crate) fn finish(self, done: usize, total: usize, what: &str) -> Result {
        self.save()?;
        println!("xtask: {} of {} {what}; the rest had the same inputs", thousands(done), thousands(total));
        Ok(())
    }

    fn save(self) -> Result {
        let mut lines: Vec<String> =
            self.new.into_inner().expect("not poisoned").into_iter().map(|(k, v)| format!("{k}\t{v}\n")).collect();
        lines.sort();
        fs::write_creating(&self.file, lines.concat())
    }
}

/// What the renderer itself is: this binary, by size and time (hashing
/// it would cost more than it saves), so a change of components or
/// markup renders every route again.
fn renderer_id() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
        .unwrap_or_default()
}

impl Content {
    /// Reads the catalog, every file in `articles/` (adding an article is
    /// adding its file: no list names them), and the catalog's timelines.
    fn read(dir: &Path) -> Result<Content> {
        fn load<T>(dir: &Path, rel: String, parse: fn(&str) -> std::result::Result<T, ContentError>) -> Result<T> {
            parse_file(&dir.join(&rel), format!("content/{rel}"), parse)
        }
        let catalog = load(dir, "catalog.json".into(), parse::catalog)?;
        let articles = read_articles(dir)?;
        let timelines = catalog
            .timelines
            .iter()
            .map(|t| load(dir, format!("timelines/{}.json", t.id), folio_model::timeline::parse))
            .collect::<Result<_>>()?;
        Ok(Content::new(catalog, articles, timelines))
    }

    fn new(catalog: Catalog, articles: Vec<Article>, timelines: Vec<Timeline>) -> Content {
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
            subject(format!("articles/{}", a.slug), json(a), cites.get(&a.slug).map(json).unwrap_or_default());
        }
        let mut deferred = HashMap::new();
        for t in &timelines {
            // A meeting's citations are added per route (`inputs`): a new
            // story re-renders only the pages of the meetings it cites.
            let text = json(t);
            subject(format!("timelines/{}", t.id), text.clone(), String::new());
            deferred.insert(t.id.clone(), Deferred::with_json(t.clone(), text));
        }
        for p in listings.values() {
            digests.insert(p.listing.file(p.page), digest(&[&json(p)]));
        }
        digests.insert("catalog".into(), digest(&[&json(&catalog)]));
        Content {
            catalog,
            articles,
            by_slug,
            timelines,
            deferred,
            listings,
            lists,
            cites,
            mentions,
            too_large,
            digests,
        }
    }

    /// A digest of everything the page of `route` is made from but the
    /// shell: the catalog and the view's own data (see [`Manifest`]).
    fn inputs(&self, route: &Route) -> String {
        let subject = match route {
            Route::Listing { listing, page } => listing.file(*page),
            Route::Article { slug, .. } | Route::BadPage { slug, .. } => format!("articles/{slug}"),
            Route::Timeline { id, .. } => format!("timelines/{id}"),
            Route::NotFound | Route::Search => String::new(),
        };
        let get = |k: &str| self.digests.get(k).map_or("", String::as_str);
        // The one meeting's citations a meeting's page carries.
        let cited = match route {
            Route::Timeline { id, event: Some(e) } => self.mentions.get(id).map(|m| json(&m.event(e))),
            _ => None,
        };
        digest(&[get("catalog"), get(&subject), cited.as_deref().unwrap_or_default()])
    }

    fn article(&self, slug: &str) -> Option<&Article> {
        self.by_slug.get(slug).map(|&i| &self.articles[i])
    }

    /// The derived files, as `(path in content/, JSON)`.
    fn derived(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            self.listings.values().map(|p| (p.listing.file(p.page), json(p))).collect();
        out.extend(self.lists.values().map(|l| (Lists::file(&l.section), json(l))));
        out.extend(self.cites.values().map(|c| (Cites::file(&c.slug), json(c))));
        for t in &self.timelines {
            if let Some(index) = self.mentions.get(&t.id) {
                out.extend(index.files(t).map(|m| (EventMentions::file(&m.timeline, &m.event), json(&m))));
            }
        }
        out
    }

    /// What of `data` (which the prerender uses in full) a page carries:
    /// all but the article and the files over [`INLINE_LIMIT`].
    ///
    /// The article is never carried: each article has a route file per
    /// page, per mode, "view all" and its embed (twelve to twenty-four),
    /// and each copy of its JSON made up a third of every one of them
    /// (6.6 KB of 22 KB for a three-page article: 160 KB of the 472 KB an
    /// article cost at N = 1,000). Its pages ask for the one file at once
    /// instead ([`Content::preloads`]), which the browser then caches for
    /// every page of the article, and keep the prerendered view on screen
    /// until the app has it (`src/shell/boot.rs`).
    fn carried(&self, data: &PageData) -> PageData {
        let mut out = data.clone();
        out.articles.clear();
        out.timelines.retain(|id, _| !self.too_large.contains(&format!("timelines/{id}")));
        out
    }

    /// Whether `a` is over [`INLINE_LIMIT`]: not carried.
    fn too_large_article(&self, a: &Article) -> bool {
        self.too_large.contains(&format!("articles/{}", a.slug))
    }

    /// Whether `t` is over [`INLINE_LIMIT`]: not carried, and split.
    fn too_large_timeline(&self, t: &Timeline) -> bool {
        self.too_large.contains(&format!("timelines/{}", t.id))
    }

    /// `<link rel=preload>` tags for what the first render of `route` needs
    /// (`data`) but its page does not carry: its article, its files over
    /// [`INLINE_LIMIT`] and, on a meeting page of a split timeline, that
    /// meeting's own file. Without them the app asks for these only once
    /// its wasm runs.
    ///
    /// An article of ordinary size comes at the default priority: it is a
    /// few kilobytes, and the app needs it the moment its wasm starts.
    /// Anything over the limit gets `fetchpriority=low`: the stylesheet and the wasm come first. A 16 MB
    /// timeline preloaded at the default priority held them back and
    /// delayed first paint by up to 400 ms under the bench's 4× throttle.
    /// The 3 MB index of 10,000 meetings at low priority left first paint
    /// where it was (324 ms against 330, medians of ten) and the timeline
    /// was ready 73 ms sooner (1,066 → 993 ms). `crossorigin` makes the
    /// request the one the app's fetch sends (mode `cors`, same-origin
    /// credentials), so the browser hands it the preloaded response
    /// instead of fetching twice.
    fn preloads(&self, route: &Route, data: &PageData) -> String {
        // (file, at low priority)
        let mut files: Vec<(String, bool)> =
            data.articles.iter().map(|a| (format!("articles/{}.json", a.slug), self.too_large_article(a))).collect();
        let shown = self.timelines.iter().filter(|t| data.timelines.contains_key(&t.id));
        for t in shown.filter(|t| self.too_large_timeline(t)) {
            files.push((format!("timelines/{}.json", t.id), true));
            if let Route::Timeline { id, event: Some(event) } = route {
                if id == &t.id && t.event_index(event).is_some() {
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
    fn pages(&self) -> Vec<Page> {
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
    fn head(&self, route: &Route, mode: Mode, embed: bool) -> Head {
        let (article, timeline) = match route {
            Route::Article { slug, .. } => (self.article(slug), None),
            Route::Timeline { id, .. } => (None, self.timelines.iter().find(|t| &t.id == id)),
            _ => (None, None),
        };
        Subject { catalog: &self.catalog, route, mode, embed, article, timeline }.head()
    }

    /// What a view needs for its first render, and no more: the chrome,
    /// and the listing page, the article (with its cited meetings) or the
    /// timeline (with its citing paragraphs) it shows. Never the archive,
    /// and not the short lists beside an article (see `PageData`).
    fn data_for(&self, route: &Route) -> PageData {
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
/// one would be copied into every page that needs it: every meeting page
/// of a 10,000-meeting timeline would carry all 13 MB of it. The app
/// fetches such a file instead, and keeps the prerendered view on screen
/// until it has it (`src/shell/boot.rs`). A timeline this large is also split
/// ([`write_split`]), so what the app fetches first is its index.
///
/// The page asks for what it leaves out at once, at low priority
/// ([`Content::preloads`]), so the download overlaps the wasm's.
const INLINE_LIMIT: usize = 512 * 1024;

/// Writes `timeline` into a bundle's `content/` as the app loads one too
/// large to carry: its index in place of the whole file, and each event in
/// its own file (see [`Timeline::split`] for why). Returns how many event
/// files it wrote. `write` takes a path inside `content/` and the bytes.
pub fn write_split(timeline: &Timeline, write: &dyn Fn(&str, &[u8]) -> Result) -> Result<usize> {
    let (index, events) = timeline.split();
    write(&format!("timelines/{}.json", timeline.id), json(&index).as_bytes())?;
    for e in events {
        write(&event_path(&timeline.id, &e.id), json(e).as_bytes())?;
    }
    Ok(events.len())
}

/// A writer for [`write_split`] into a plain folder, a deployed bundle's
/// `content/`: with the file's pre-compressed copies, and without the old
/// ones, which a host would otherwise keep sending in its place.
fn into_folder(content: &Path) -> impl Fn(&str, &[u8]) -> Result + '_ {
    move |rel, bytes| {
        let file = content.join(rel);
        fs::write_creating(&file, bytes)?;
        let copies = crate::compress::copies(rel, bytes);
        for suffix in crate::compress::SUFFIXES {
            let copy = crate::compress::copy_path(&file, suffix);
            match copies.iter().find(|(s, _)| *s == suffix) {
                Some((_, bytes)) => fs::write(&copy, bytes)?,
                None if copy.exists() => fs::remove_file(&copy)?,
                None => {}
            }
        }
        Ok(())
    }
}

/// `cargo xtask split-timeline FILE DIR`: [`write_split`] for a timeline
/// file copied straight into a deployed bundle's `content/` (and for the
/// bench and the tests, which make such a bundle).
pub fn split(file: &Path, content: &Path) -> Result {
    let timeline = parse_file(file, file.display().to_string(), folio_model::timeline::parse)?;
    if timeline.details_apart {
        // Its meetings lack their details: splitting it again would write
        // them empty over the good files.
        return fail!("{}: this timeline is already split; give the whole file, from content/", file.display());
    }
    let write = into_folder(content);
    let n = write_split(&timeline, &write)?;
    // Its meetings' citing paragraphs, from the bundle's own articles, as
    // dist would have derived them: a card finds its file either way.
    let (_, articles) = newest_first(read_articles(content)?);
    let index = MentionIndex::build(&timeline, &articles);
    for m in index.files(&timeline) {
        write(&EventMentions::file(&m.timeline, &m.event), json(&m).as_bytes())?;
    }
    println!(
        "xtask: {} written as an index, {n} event files and their citations from {} articles in {}",
        timeline.id,
        articles.len(),
        content.display()
    );
    Ok(())
}

/// `cargo xtask page-parts DIR PATH [--leave-out FILE]...`: what dist puts
/// into the page at `PATH` for the content folder `DIR`, as JSON on
/// stdout: `data`, the data the page carries in its script form, and
/// `preloads`, the tags that ask for what it does not carry. Each `FILE`
/// (`timelines/{id}`, `articles/{slug}`) counts as over [`INLINE_LIMIT`]
/// whatever its size. The bench and the end-to-end suite make the page of
/// a timeline too large to carry from these, rather than build every
/// meeting's page or write them again in JavaScript.
pub fn page_parts_command(args: &[String]) -> Result {
    let [dir, path, options @ ..] = args else {
        return Err(Error::usage("page-parts needs a content folder and a path"));
    };
    let mut content = Content::read(Path::new(dir))?;
    let mut options = options.iter();
    while let Some(option) = options.next() {
        match (option.as_str(), options.next()) {
            ("--leave-out", Some(file))
                if ["articles/", "timelines/"].iter().any(|p| file.starts_with(p))
                    && content.digests.contains_key(file) =>
            {
                content.too_large.insert(file.clone());
            }
            ("--leave-out", file) => {
                let given = file.map_or("nothing".to_owned(), |f| format!("{f:?}"));
                return Err(Error::usage(format!(
                    "--leave-out needs an article (articles/SLUG) or a timeline (timelines/ID) of {dir}, not {given}"
                )));
            }
            (other, _) => return Err(Error::usage(format!("unknown option {other:?} for page-parts"))),
        }
    }
    let route = Route::parse(path, "").route;
    if route == Route::NotFound {
        return Err(Error::usage(format!("{path:?} is not the path of a view")));
    }
    let data = content.data_for(&route);
    let parts = serde_json::json!({
        "data": content.carried(&data).to_script_json(),
        "preloads": content.preloads(&route, &data),
    });
    println!("{parts}");
    Ok(())
}

/// The archive's entries and its articles, both newest first, the order
/// of the listings: a meeting's citation index, built from them in this
/// order, keeps its newest citations.
fn newest_first(articles: Vec<Article>) -> (Archive, Vec<Article>) {
    let archive = Archive::new(articles.iter().map(Article::entry).collect());
    let mut by_slug: HashMap<String, Article> = articles.into_iter().map(|a| (a.slug.clone(), a)).collect();
    let articles = archive.entries().iter().filter_map(|e| by_slug.remove(&e.slug)).collect();
    (archive, articles)
}

/// Every file in `articles/` of a content folder, parsed on every core, in
/// file-name order.
fn read_articles(dir: &Path) -> Result<Vec<Article>> {
    let mut names: Vec<String> = fs::read_dir_if_present(dir.join("articles"))?
        .unwrap_or_default()
        .into_iter()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    parallel_map(&names, |n| parse_file(&dir.join("articles").join(n), format!("content/articles/{n}"), parse::article))
}

/// Reads and parses one content file; a parse error names it as `shown`.
pub fn parse_file<T>(file: &Path, shown: String, parse: fn(&str) -> std::result::Result<T, ContentError>) -> Result<T> {
    Ok(parse(&fs::read_to_string(file)?).map_err(|e| e.in_file(shown))?)
}

/// The oEmbed file of a resource in a mode: `oembed/zh/article/x.json`.
fn oembed_path(mode: Mode, resource: &str) -> String {
    format!("oembed{}/{resource}.json", mode.prefix())
}

/// Where the bundle will be served, for the absolute URLs oEmbed needs:
/// `FOLIO_SITE_URL`, else `site_url` in catalog.json. Both are checked by
/// the validator's one rule (the catalog's when the content is validated).
fn site_url(catalog: &Catalog) -> Result<Option<String>> {
    match std::env::var("FOLIO_SITE_URL").ok().filter(|s| !s.is_empty()) {
        Some(url) => match folio_model::validate::site_url_problem("FOLIO_SITE_URL", &url) {
            Some(problem) => Err(Error::other(problem)),
            None => Ok(Some(url)),
        },
        None => Ok(catalog.site_url.clone()),
    }
}

/// The search index (`folio_model::search::index`) into
/// `content/derived/search/`: every file is written through `out`, so a
/// rebuild after one article changed rewrites only the shards of its
/// terms and its document chunk.
fn write_search_index(out: &Output, content: &Content) -> Result {
    use folio_model::search::{index, sources};
    let (sections, sources) = sources(&content.catalog, &content.articles, &content.timelines);
    // Each document's terms on every core; the merge is quick.
    let terms = crate::output::parallel_map(&sources, |s| Ok(index::terms_of(&s.fields)))?;
    let docs = sources.into_iter().zip(terms).map(|(s, t)| (s.doc, s.code, t)).collect();
    let index = index::build_from(sections, docs);
    let files = index.files();
    parallel(&files, "search files", |(rel, bytes)| out.write(&format!("content/{rel}"), bytes))?;
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "xtask: search index: {} documents, {} shards, {} files, {:.1} MB",
        thousands(index.manifest.docs as usize),
        index.shards.iter().flatten().count(),
        thousands(files.len()),
        bytes as f64 / 1e6
    );
    Ok(())
}

/// Writes the derived files, every route's page (on every core), `404.html`
/// and the oEmbed files. Returns how many route files there are.
fn write_route_files(out: &Output, shell: &Shell, content: &Content, code: &Code) -> Result<usize> {
    // Chinese pages declare their language before the app starts, so the
    // browser picks CJK fonts and screen readers the right voice at once.
    let zh_shell = shell.in_lang(Mode::Zh.ui_lang().tag())?;
    let in_content = |rel: &str, bytes: &[u8]| out.write(&format!("content/{rel}"), bytes);
    for t in content.timelines.iter().filter(|t| content.too_large_timeline(t)) {
        let n = write_split(t, &in_content)?;
        println!(
            "xtask: timelines/{}.json is over {} KB: split into an index and {n} event files",
            t.id,
            INLINE_LIMIT / 1024
        );
    }
    let derived = content.derived();
    parallel(&derived, "derived files", |(rel, json)| in_content(rel, json.as_bytes()))?;
    let catalog = &content.catalog;
    // Unknown paths: the not-found view, which the app replaces with the
    // right one if the path is a view added since the build.
    let site = site_url(catalog)?;
    let head = content.head(&Route::NotFound, Mode::En, false).to_html(site.as_deref());
    // 404.html answers at any depth below a root it cannot know (the same
    // dist/ may be deployed anywhere), so it finds the root at run time.
    let data = content.data_for(&Route::NotFound);
    let carried = content.carried(&data).to_script_json();
    let body = folio::prerender::render("/404.html", data);
    let view = Some(("/404.html", body.as_str()));
    let page_404 = shell.page(&Fill { base: Base::Anywhere, head: &head, links: "", view, data: &carried });
    out.write("404.html", page_404.as_bytes())?;
    // What the offline worker answers an address with when it has no copy
    // of its page (`static/sw.js`): the app in a thin page, with the
    // site's chrome, which renders the view from the saved content or
    // says what is saved. In the reader's language: the app's, not this
    // page's.
    let offline = shell.page(&Fill { base: Base::Anywhere, head: &head, links: "", view: None, data: &carried });
    out.write(OFFLINE_PAGE, offline.as_bytes())?;
    if site.is_none() {
        println!(
            "xtask: no oEmbed files, and no og:url, og:image or hreflang links (they must be absolute): \
             set site_url in content/catalog.json or FOLIO_SITE_URL to the deployed address"
        );
    }
    let pages = content.pages();
    let routes: Vec<(&Page, Mode)> = pages.iter().flat_map(|p| Mode::ALL.into_iter().map(move |m| (p, m))).collect();
    let manifest = Manifest::load(out.root(), "routes");
    let build = digest(&[&shell.key(), &renderer_id(), site.as_deref().unwrap_or_default()]);
    let rendered = std::sync::atomic::AtomicUsize::new(0);
    parallel(&routes, "route files", |&(page, mode)| {
        let path = mode.localize(&framed(page.embed, &page.route.href()));
        let rel = format!("{}index.html", path.trim_start_matches('/'));
        let key = digest(&[&build, &path, &content.inputs(&page.route)]);
        if manifest.unchanged(&rel, &key) && out.keep(&rel) {
            return Ok(());
        }
        rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let shell = if mode == Mode::Zh { &zh_shell } else { shell };
        let head = content.head(&page.route, mode, page.embed).to_html(site.as_deref());
        let data = content.data_for(&page.route);
        let carried = content.carried(&data).to_script_json();
        let mut links = code.preloads(&page.route, page.embed).to_owned();
        links.push_str(&content.preloads(&page.route, &data));
        if let (Some(site), Some((resource, title))) = (&site, &page.resource) {
            links.push_str(&format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}{}\" title=\"{}\">",
                escape_html(site),
                oembed_path(mode, resource),
                escape_html(title.str(mode.ui_lang()))
            ));
        }
        let body = (!page.thin).then(|| folio::prerender::render(&path, data));
        let view = body.as_deref().map(|body| (path.as_str(), body));
        let fill = Fill {
            base: Base::Route { href: base_href(&path), route: path.trim_start_matches('/').to_owned() },
            head: &head,
            links: &links,
            view,
            data: &carried,
        };
        out.write(&rel, shell.page(&fill).as_bytes())
    })?;
    manifest.finish(rendered.into_inner(), routes.len(), "route files rendered")?;
    if let Some(site) = &site {
        // One oEmbed file per resource and mode, describing its first view.
        let provider = catalog.site.en.clone();
        let mut done = HashSet::new();
        for page in &pages {
            let Some((resource, title)) = &page.resource else { continue };
            if !done.insert(resource.clone()) {
                continue;
            }
            for mode in Mode::ALL {
                let route = match &page.route {
                    Route::Article { slug, .. } => Route::Article { slug: slug.clone(), page: PageSel::Page(1) },
                    r => r.clone(),
                };
                let title = title.str(mode.ui_lang());
                let snippet = Snippet { site, mode, route: &route, options: Options::default(), title };
                let json = serde_json::to_string_pretty(&snippet.oembed(&provider))
                    .expect("an oEmbed document always serialises");
                out.write(&oembed_path(mode, resource), json.as_bytes())?;
            }
        }
    }
    Ok(routes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeline_page_preloads_its_chunks_and_the_phone_list_on_phones_only_and_search_its_own() {
        let files = |f: &[&str]| f.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let app = crate::app::Manifest {
            dir: "app-1".into(),
            chunks: [
                ("timeline", files(&["chunk_1", "split_timeline"])),
                ("timeline_list", files(&["chunk_1", "split_timeline_list"])),
                ("embed", files(&["split_embed"])),
                ("search", files(&["chunk_1", "split_search"])),
                ("meeting", files(&["chunk_1", "chunk_2", "split_meeting"])),
                ("frame", files(&["split_frame"])),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        };
        let code = Code::new(&app).unwrap();
        let timeline = code.preloads(&Route::Timeline { id: "t".into(), event: None }, false);
        let tags: Vec<&str> = timeline.split_inclusive('>').collect();
        assert_eq!(tags.len(), 3, "{timeline}");
        assert!(tags[0].contains("app-1/chunk_1.wasm") && !tags[0].contains("media"), "{timeline}");
        assert!(tags[1].contains("app-1/split_timeline.wasm") && !tags[1].contains("media"), "{timeline}");
        assert!(tags[2].contains("app-1/split_timeline_list.wasm") && tags[2].contains("media=\"(max-width: 699px)\""));
        let meeting = code.preloads(&Route::Timeline { id: "t".into(), event: Some("e".into()) }, false);
        let files: Vec<&str> = meeting.split("href=\"app-1/").skip(1).map(|t| t.split('"').next().unwrap()).collect();
        assert_eq!(
            files,
            ["chunk_1.wasm", "split_timeline.wasm", "chunk_2.wasm", "split_meeting.wasm", "split_timeline_list.wasm"],
            "a meeting's page: its card too, each file once"
        );
        let article = Route::Article { slug: "a".into(), page: PageSel::Page(1) };
        assert_eq!(
            code.preloads(&article, false),
            "",
            "the article is in the main module; the dialogs load when wanted"
        );
        assert!(code.preloads(&article, true).contains("app-1/split_frame.wasm"), "an embed's chrome");
        let search = code.preloads(&Route::Search, false);
        assert!(search.contains("app-1/split_search.wasm") && search.contains("app-1/chunk_1.wasm"), "{search}");
        let missing = crate::app::Manifest { dir: "app-1".into(), chunks: Default::default() };
        assert!(Code::new(&missing).is_err(), "a split point the build did not produce is an error");
    }

    #[test]
    fn the_worker_ships_without_its_comments_and_its_code_as_written() {
        let js = "/* Folio's worker:\n * why.\n */\n'use strict';\n// a note\nvar re = /^a\\/b/; // kept\n\n  /* one line */\nvar s = '/* not a comment */';\n";
        assert_eq!(without_comments(js), "'use strict';\nvar re = /^a\\/b/; // kept\nvar s = '/* not a comment */';\n");
    }

    #[test]
    fn a_large_timeline_is_not_carried_by_the_pages() {
        let content = Content::read(&crate::root().join("content")).unwrap();
        let page = folio_model::Route::Timeline { id: content.timelines[0].id.clone(), event: None };
        let data = content.data_for(&page);
        // As shipped, everything is small and carried whole.
        assert_eq!(content.carried(&data), data);
        assert_eq!(content.preloads(&page, &data), "", "a page that carries everything asks for nothing");
        // The same timeline grown past the limit is left out; the rest stays.
        let Content { catalog, articles, mut timelines, .. } = content;
        let events = timelines[0].events.clone();
        while serde_json::to_string(&timelines[0]).unwrap().len() <= INLINE_LIMIT {
            timelines[0].events.extend(events.iter().cloned());
        }
        let big = Content::new(catalog, articles, timelines);
        let full = big.data_for(&page);
        let prerendered: Vec<Timeline> = full.timelines.values().map(|t| (*t.get().unwrap()).clone()).collect();
        assert_eq!(prerendered, big.timelines, "the prerender still gets it");
        let carried = big.carried(&full);
        assert!(carried.timelines.is_empty());
        assert_eq!((&carried.catalog, &carried.articles), (&data.catalog, &data.articles));

        // What a page leaves out, it asks for at once.
        let id = &big.timelines[0].id;
        let index =
            format!("<link rel=preload as=fetch crossorigin fetchpriority=low href=\"content/timelines/{id}.json\">");
        assert_eq!(big.preloads(&page, &full), index);
        // A meeting page also asks for that meeting's own file.
        let event = big.timelines[0].events[3].id.clone();
        let meeting = folio_model::Route::Timeline { id: id.clone(), event: Some(event.clone()) };
        let full = big.data_for(&meeting);
        let tags = big.preloads(&meeting, &full);
        assert_eq!(tags, format!("{index}<link rel=preload as=fetch crossorigin fetchpriority=low href=\"content/timelines/{id}/{event}.json\">"));
        // An article page carries its cited meetings, not the timeline,
        // and asks for its article's file.
        let slug = big.articles[0].slug.clone();
        let article = folio_model::Route::Article { slug: slug.clone(), page: PageSel::Page(1) };
        let full = big.data_for(&article);
        assert!(full.timelines.is_empty());
        assert!(big.carried(&full).articles.is_empty());
        assert_eq!(
            big.preloads(&article, &full),
            format!("<link rel=preload as=fetch crossorigin href=\"content/articles/{slug}.json\">")
        );
    }

    #[test]
    fn each_view_carries_what_it_shows_and_not_the_archive() {
        let content = Content::read(&crate::root().join("content")).unwrap();
        let Content { catalog, articles, timelines, .. } = content;
        // A thousand more articles, each citing two meetings.
        let mut more = articles.clone();
        let seed = articles.iter().find(|a| a.slug == "japan-overtures-to-russia").unwrap();
        for i in 0..1000 {
            let mut a = seed.clone();
            a.slug = format!("extra-{i:04}");
            a.published.year = 2000 + (i % 20) as u16;
            more.push(a);
        }
        let big = Content::new(catalog, more, timelines);
        let home = big.data_for(&Route::HOME);
        let listing = home.listing.as_ref().unwrap();
        assert_eq!(listing.entries.len(), folio_model::listing::PAGE_SIZE);
        assert_eq!(listing.total, 1002);
        assert!(home.articles.is_empty() && home.timelines.is_empty());
        assert!(serde_json::to_string(&home).unwrap().len() < 16 * 1024, "a page of entries, not the archive");

        let slug = "extra-0007";
        let art = big.data_for(&Route::Article { slug: slug.into(), page: PageSel::Page(1) });
        assert_eq!(art.articles.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), [slug]);
        assert!(art.timelines.is_empty(), "the meetings it cites, not the timeline");
        assert_eq!(
            art.cites.as_ref().unwrap().events.len(),
            folio_model::timeline::mentions::events_on(seed, PageSel::All).len()
        );

        // A meeting's page: its own citing paragraphs, not the articles.
        let id = big.timelines[0].id.clone();
        let cited_most = folio_model::timeline::mentions::events_on(seed, PageSel::All)[0].clone();
        let tl = big.data_for(&Route::Timeline { id: id.clone(), event: Some(cited_most.clone()) });
        assert!(tl.articles.is_empty());
        let m = tl.mentions.unwrap().get().unwrap();
        assert_eq!(m.event, cited_most);
        assert_eq!(m.cited.shown.len(), folio_model::timeline::mentions::MENTIONS_SHOWN);
        assert!(m.cited.total >= 1001, "every citation is counted: {}", m.cited.total);
        assert!(big.data_for(&Route::Timeline { id: id.clone(), event: None }).mentions.is_none());

        // Every listing page, edition and section pages included, is
        // derived, each in its own file.
        let files: Vec<String> = big.derived().into_iter().map(|(f, _)| f).collect();
        assert!(files.contains(&"derived/listing/latest/51.json".to_owned()));
        assert!(!files.contains(&"derived/listing/latest/52.json".to_owned()));
        assert!(files.contains(&"derived/listing/section/opinion/1.json".to_owned()));
        assert!(files.contains(&format!("derived/cites/{slug}.json")));
        assert!(files.contains(&format!("derived/mentions/{id}/{cited_most}.json")));
        let meetings = files.iter().filter(|f| f.starts_with(&format!("derived/mentions/{id}/"))).count();
        assert_eq!(meetings, big.timelines[0].events.len(), "one per meeting, cited or not");
    }

    #[test]
    fn pages_carry_no_hydration_markers_and_content_that_looks_like_one_stays_text() {
        let Content { catalog, mut articles, timelines, .. } = Content::read(&crate::root().join("content")).unwrap();
        let hostile = "Talks <!> resume <!-- x --> \"<b>\"";
        articles[0].headline = folio_model::Text::en(hostile);
        let route = Route::Article { slug: articles[0].slug.clone(), page: PageSel::Page(1) };
        let content = Content::new(catalog, articles, timelines);
        let body = folio::prerender::render(&route.href(), content.data_for(&route));
        assert!(body.contains("<h1"), "the article was rendered: {body}");
        assert!(!body.contains("<!>"), "no markers: {body}");
        assert!(!body.contains("<!--"), "and no other comment: {body}");
        assert!(body.contains("Talks &lt;!&gt; resume &lt;!-- x --&gt; \"&lt;b&gt;\""), "the headline as text: {body}");
    }

    #[test]
    fn a_new_story_changes_the_inputs_of_the_pages_it_touches_only() {
        let Content { catalog, articles, timelines, .. } = Content::read(&crate::root().join("content")).unwrap();
        let before = Content::new(catalog.clone(), articles.clone(), timelines.clone());
        let seed = articles.iter().find(|a| a.slug == "japan-overtures-to-russia").unwrap();
        let cited = folio_model::timeline::mentions::events_on(seed, PageSel::All)[0].clone();
        let mut story = seed.clone();
        story.slug = "a-new-story".into();
        story.section = "world".into();
        let after = Content::new(catalog, articles.iter().cloned().chain([story]).collect(), timelines);
        let id = before.timelines[0].id.clone();
        let other = before.timelines[0].events.iter().find(|e| e.id != cited).unwrap().id.clone();
        let same = |route: &Route| before.inputs(route) == after.inputs(route);
        assert!(!same(&Route::Timeline { id: id.clone(), event: Some(cited) }), "the meeting it cites");
        assert!(same(&Route::Timeline { id: id.clone(), event: Some(other) }), "a meeting it does not cite");
        assert!(same(&Route::Timeline { id, event: None }));
        assert!(!same(&Route::HOME), "the listing it joins");
        let opinion = Route::Listing { listing: Listing::Section("opinion".into()), page: 1 };
        assert!(same(&opinion), "a section it is not in");
        assert!(same(&Route::Article { slug: seed.slug.clone(), page: PageSel::Page(1) }), "another article");
    }

    #[test]
    fn a_split_timeline_reads_back_as_the_whole() {
        let content = Content::read(&crate::root().join("content")).unwrap();
        let whole = &content.timelines[0];
        let dir = std::env::temp_dir().join(format!("folio-split-{}", std::process::id()));
        assert_eq!(write_split(whole, &into_folder(&dir)).unwrap(), whole.events.len());
        let read = |rel: String| std::fs::read_to_string(dir.join(rel)).unwrap();
        let index = folio_model::timeline::parse(&read(format!("timelines/{}.json", whole.id))).unwrap();
        assert!(index.details_apart);
        // The index and the event files together hold the timeline, field
        // for field.
        let mut joined = index.clone();
        joined.details_apart = false;
        for e in &mut joined.events {
            *e = folio_model::timeline::parse_event(&read(event_path(&whole.id, &e.id))).unwrap();
        }
        assert_eq!(&joined, whole);
        // Splitting the index again would empty the meetings' files.
        let again = split(&dir.join(format!("timelines/{}.json", whole.id)), &dir).unwrap_err();
        assert!(again.to_string().contains("already split"), "{again}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[cfg(test)]
mod timing {
    /// Where `Content::read` spends its time on a large archive:
    /// `cargo xtask bench --scale 10000`, then
    /// `cargo test -p xtask --release -- --ignored --nocapture read_timing`.
    #[test]
    #[ignore]
    fn read_timing() {
        let dir = crate::root().join("target/scale/10000/content");
        let t = std::time::Instant::now();
        let c = super::Content::read(&dir).unwrap();
        eprintln!("read {:.2} s for {} articles", t.elapsed().as_secs_f64(), c.articles.len());
    }
}
