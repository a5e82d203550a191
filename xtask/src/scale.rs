//! `cargo xtask bench --scale N [--smoke]`: Folio with a publisher's
//! archive of N articles, so that no view's cost can grow with the archive
//! again without a figure saying so.
//!
//! It writes N synthetic articles (three bilingual pages of three
//! paragraphs, some citing events, 120 a day back from the newest) into a
//! scratch copy of `content/`, builds that into its own bundle (cold, then
//! again after editing one article), and reports:
//! - dist's time and bytes per article, and what the rebuild rewrote;
//! - the largest HTML and JSON files, and the home page's size;
//! - home first paint and article "ready", against the bundle of the
//!   shipped content, alternating in the same run (`bench/scale.mjs`).
//!
//! The figures are printed and written to `target/scale/N/results.md` (and
//! `bench/scale-N.md` unless `--smoke`). A timing is never a test: the
//! budgets are printed as met or missed, nothing fails on them.

use crate::dist::{build_with, Build, Built};
use crate::parallel::thousands;
use crate::server::Server;
use crate::site::parse_file;
use crate::tools::{npm_ci, run};
use crate::{fail, fs, root, Error, Result};
use folio_model::{files, Date};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The sizes the scale issue budgets, at N = 10,000 on this machine.
mod budget {
    pub const MS_PER_ARTICLE: f64 = 30.0;
    pub const BYTES_PER_ARTICLE: f64 = 300.0 * 1024.0;
    pub const HTML: u64 = 200 * 1024;
    pub const HOME: u64 = 64 * 1024;
    pub const JSON: u64 = 512 * 1024;
    pub const LOAD_RATIO: f64 = 1.1;
    pub const REBUILD_S: f64 = 15.0;
    /// Search (issue 20): the index against the content's JSON, one
    /// two-word query's code and index files, brotli, and the times.
    pub const SEARCH_INDEX_SHARE: f64 = 0.25;
    pub const SEARCH_QUERY_BYTES: f64 = 150.0 * 1024.0;
    pub const SEARCH_COLD_MS: f64 = 400.0;
    pub const SEARCH_WARM_P95_MS: f64 = 50.0;
}

/// An archive's bundle, built twice: cold, then after one article changed.
pub struct Archive {
    pub n: usize,
    work: PathBuf,
    /// The bundle, as the end-to-end suite's archive journeys read it.
    pub dist: PathBuf,
    cold: Built,
    rebuild: Built,
}

/// Writes `n` synthetic articles beside the shipped content in
/// `target/scale/{n}/content` and builds them into `target/scale/{n}/dist`.
pub fn build(n: usize) -> Result<Archive> {
    let work = root().join("target/scale").join(n.to_string());
    let content = work.join("content");
    let dist = work.join("dist");
    // The last run's bundle is moved aside and removed after this one is
    // built: the file system (ext4) is slow to make files just after as
    // many were deleted (it avoids their inodes for a while), and a cold
    // build of 10,000 articles makes over 700,000 files. Removed first, it
    // doubled the build's time here; that is the disk's cost, not dist's.
    let old = work.with_extension("old");
    fs::remove_dir_all_if_present(&old)?;
    if work.exists() {
        std::fs::rename(&work, &old).map_err(|e| crate::Error::io("move aside", &work, e))?;
    }
    write_synthetic(&root().join("content"), &content, n)?;
    println!("\n=== bench --scale {n}: {n} synthetic articles in {}", content.display());

    let build = Build { release: true, content: content.clone(), dist: dist.clone() };
    let cold = build_with(&build)?;
    // The same archive, one article edited: what a publisher's correction costs.
    let edited = content.join(files::article(&synthetic_slug(n / 2)));
    let mut json: serde_json::Value = fs::read_json(&edited)?;
    let first = &mut json["pages"][0][0]["text"]["en"];
    *first = format!("Corrected: {}", first.as_str().unwrap_or_default()).into();
    fs::write(&edited, json.to_string())?;
    let rebuild = build_with(&build)?;
    fs::remove_dir_all_if_present(&old)?;
    Ok(Archive { n, work, dist, cold, rebuild })
}

/// Runs the scale bench against the shipped bundle already served at
/// `shipped_url` (from `dist/`).
pub fn against(shipped_url: &str, n: usize, smoke: bool) -> Result {
    report(shipped_url, &build(n)?, smoke)
}

/// Measures `archive` and prints the report.
pub fn report(shipped_url: &str, archive: &Archive, smoke: bool) -> Result {
    let Archive { n, work, dist, cold, rebuild } = archive;
    let n = *n;

    let shipped = walk_sizes(&root().join("dist"))?;
    let scaled = walk_sizes(dist)?;
    let per_article_ms = cold.seconds * 1000.0 / n as f64;
    let per_article_bytes = (scaled.total.saturating_sub(shipped.total)) as f64 / n as f64;
    let home = fs::metadata(dist.join("index.html"))?.len();

    // Cold loads, shipped against scaled, alternating.
    let server = Server::start(dist, 0)?;
    let scaled_url = format!("http://{}", server.addr());
    // The seed article, in both bundles: what differs is the archive around it.
    let loads = cold_loads(shipped_url, &scaled_url, dist, "japan-overtures-to-russia", smoke)?;

    let mut report = String::new();
    let w = &mut report;
    let _ = writeln!(w, "# Scale bench: {} synthetic articles\n", thousands(n));
    let _ =
        writeln!(w, "Run {}; {} threads.\n", if smoke { "once (smoke)" } else { "in full" }, crate::parallel::jobs());
    let _ = writeln!(w, "| figure | value | budget (N = 10,000) |\n|---|---|---|");
    let row = |w: &mut String, name: &str, value: String, budget: String, met: bool| {
        let _ = writeln!(w, "| {name} | {value} | {budget}: {} |", if met { "met" } else { "missed" });
    };
    let cards_s: f64 = cold.steps.iter().filter(|(name, _)| *name == "cards").map(|(_, s)| s).sum();
    row(
        w,
        "dist, cold",
        format!(
            "{:.1} s, {per_article_ms:.1} ms per article (the share cards {:.1} ms, {:.0}%), {} route files",
            cold.seconds,
            cards_s * 1000.0 / n as f64,
            cards_s / cold.seconds * 100.0,
            thousands(cold.routes)
        ),
        format!("≤ {} ms per article", budget::MS_PER_ARTICLE),
        per_article_ms <= budget::MS_PER_ARTICLE,
    );
    row(
        w,
        "rebuild after editing one article",
        format!(
            "{:.1} s; {} files written, {} unchanged, {} removed",
            rebuild.seconds,
            thousands(rebuild.stats.written),
            thousands(rebuild.stats.unchanged),
            rebuild.stats.removed
        ),
        format!("≤ {} s", budget::REBUILD_S),
        rebuild.seconds <= budget::REBUILD_S,
    );
    row(
        w,
        "dist/ per article",
        format!(
            "{:.1} KB, the share cards {:.1} KB ({:.0}%) ({:.1} MB in {} files; and {:.1} MB of pre-compressed copies)",
            per_article_bytes / 1024.0,
            (scaled.cards.saturating_sub(shipped.cards)) as f64 / n as f64 / 1024.0,
            (scaled.cards.saturating_sub(shipped.cards)) as f64 / n as f64 / per_article_bytes * 100.0,
            scaled.total as f64 / 1e6,
            thousands(scaled.files),
            scaled.compressed as f64 / 1e6
        ),
        "≤ 300 KB".into(),
        per_article_bytes <= budget::BYTES_PER_ARTICLE,
    );
    for (name, (size, file), limit) in
        [("largest HTML", &scaled.html, budget::HTML), ("largest content JSON", &scaled.json, budget::JSON)]
    {
        let value = format!("{:.1} KB, {file}", *size as f64 / 1024.0);
        row(w, name, value, format!("≤ {} KB", limit / 1024), *size <= limit);
    }
    row(
        w,
        "home index.html",
        format!(
            "{:.1} KB (shipped: {:.1} KB)",
            home as f64 / 1024.0,
            fs::metadata(root().join("dist/index.html"))?.len() as f64 / 1024.0
        ),
        "≤ 64 KB".into(),
        home <= budget::HOME,
    );
    for (name, key) in [("home first paint", "homeFcp"), ("article ready", "articleReady")] {
        let (a, b) = (loads.median(key, "shipped")?, loads.median(key, "scaled")?);
        row(
            w,
            &format!("{name}, scaled / shipped"),
            format!("{:.0} / {:.0} ms = {:.2}×", b, a, b / a),
            "≤ 1.1×".into(),
            b / a <= budget::LOAD_RATIO,
        );
    }
    search_rows(w, &loads, &work.join("content"), dist, &row)?;
    let _ = writeln!(w, "\nShipped bundle: {:.1} MB in {} files. Loads: 4× CPU throttle, medians of {} each, shipped and scaled alternating.", shipped.total as f64 / 1e6, thousands(shipped.files), loads.count);
    println!("\n{report}");
    fs::write(work.join("results.md"), &report)?;
    if !smoke {
        fs::write(root().join(format!("bench/scale-{n}.md")), &report)?;
    }
    Ok(())
}

/// The search's figures: the index against the content's JSON, and one
/// two-word query (`bench/scale.mjs`): its bytes, cold and warm.
fn search_rows(
    w: &mut String,
    loads: &Loads,
    content: &Path,
    dist: &Path,
    row: &dyn Fn(&mut String, &str, String, String, bool),
) -> Result {
    let bytes_under = |dir: &Path, ext: Option<&str>| -> Result<(u64, u64, usize)> {
        let mut files = Vec::new();
        crate::output::walk(dir, &mut files)?;
        let mut total = (0, 0, 0);
        for f in files.iter().filter(|f| ext.is_none_or(|e| f.extension().is_some_and(|x| x == e))) {
            let len = fs::metadata(f)?.len();
            total = (total.0 + len, total.1.max(len), total.2 + 1);
        }
        Ok(total)
    };
    let (json, _, _) = bytes_under(content, Some("json"))?;
    let (index, largest, files) = bytes_under(&dist.join(files::FOLDER).join(files::SEARCH), None)?;
    let share = index as f64 / json as f64;
    row(
        w,
        "search index on disk",
        format!(
            "{:.1} MB in {} files (largest {:.1} KB) = {:.0}% of the content's JSON ({:.1} MB)",
            index as f64 / 1e6,
            thousands(files),
            largest as f64 / 1024.0,
            share * 100.0,
            json as f64 / 1e6
        ),
        "≤ 25%".into(),
        share <= budget::SEARCH_INDEX_SHARE,
    );
    let bytes = |which: &str, kind: &str| loads.json[which]["searchBytes"][kind].as_f64().unwrap_or(f64::NAN);
    let (code, idx, articles) = (bytes("scaled", "code"), bytes("scaled", "index"), bytes("scaled", "articles"));
    row(
        w,
        "one two-word query (\"council harbour\"), cold: search code + index, brotli",
        format!(
            "{:.1} KB: code {:.1} KB, index {:.1} KB (shipped bundle: {:.1} KB); and {:.1} KB of the articles its first page of results quotes",
            (code + idx) / 1024.0,
            code / 1024.0,
            idx / 1024.0,
            (bytes("shipped", "code") + bytes("shipped", "index")) / 1024.0,
            articles / 1024.0
        ),
        "≤ 150 KB".into(),
        code + idx <= budget::SEARCH_QUERY_BYTES,
    );
    let (cold, shipped_cold) = (loads.median("searchCold", "scaled")?, loads.median("searchCold", "shipped")?);
    row(
        w,
        "first query, cold: input to results, median",
        format!("{cold:.0} ms (shipped bundle {shipped_cold:.0} ms: {:.2}×)", cold / shipped_cold),
        "≤ 400 ms".into(),
        cold <= budget::SEARCH_COLD_MS,
    );
    let p95 = |which: &str| loads.json[which]["searchWarm"]["p95"].as_f64().unwrap_or(f64::NAN);
    row(
        w,
        "input to updated results, warm, p95",
        format!("{:.0} ms (shipped bundle {:.0} ms)", p95("scaled"), p95("shipped")),
        "≤ 50 ms".into(),
        p95("scaled") <= budget::SEARCH_WARM_P95_MS,
    );
    Ok(())
}

/// The largest files of a bundle and its total size.
pub struct Sizes {
    /// The files' bytes, without their pre-compressed copies (`.br` and
    /// `.gz`, which a host may or may not use).
    pub total: u64,
    pub files: usize,
    /// The pre-compressed copies' bytes, apart.
    pub compressed: u64,
    /// The share cards' bytes (in `total`), for their share of it.
    pub cards: u64,
    /// The largest `.html` and `.json` (size, path inside the bundle).
    pub html: (u64, String),
    pub json: (u64, String),
}

pub fn walk_sizes(dir: &Path) -> Result<Sizes> {
    let mut files = Vec::new();
    crate::output::walk(dir, &mut files)?;
    let mut s =
        Sizes { total: 0, files: 0, compressed: 0, cards: 0, html: (0, String::new()), json: (0, String::new()) };
    for path in files {
        let len = fs::metadata(&path)?.len();
        if path.extension().is_some_and(|x| x == "br" || x == "gz") {
            s.compressed += len;
            continue;
        }
        s.total += len;
        s.files += 1;
        let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().into_owned();
        let in_content = rel.strip_prefix(files::FOLDER).and_then(|r| r.strip_prefix('/'));
        if in_content.is_some_and(|r| files::under(r, files::CARDS)) {
            s.cards += len;
        }
        let slot = match path.extension().and_then(|x| x.to_str()) {
            Some("html") => &mut s.html,
            // The publisher's own timeline is theirs to size.
            Some("json") if !in_content.is_some_and(|r| files::under(r, files::TIMELINES)) => &mut s.json,
            _ => continue,
        };
        if len > slot.0 {
            *slot = (len, rel);
        }
    }
    Ok(s)
}

fn synthetic_slug(i: usize) -> String {
    format!("archive-{i:06}")
}

/// Copies `from` to `to` and adds `n` synthetic articles.
fn write_synthetic(from: &Path, to: &Path, n: usize) -> Result {
    copy_tree(from, to)?;
    let catalog = parse_file(&from.join(files::CATALOG), files::CATALOG.into(), folio_model::parse::catalog)?;
    let timeline_events: Vec<String> = match catalog.timelines.first() {
        Some(t) => {
            let rel = files::timeline(&t.id);
            parse_file(&from.join(&rel), rel, folio_model::timeline::parse)?.events.into_iter().map(|e| e.id).collect()
        }
        None => Vec::new(),
    };
    let sections: Vec<&str> = catalog.sections.iter().map(|s| s.id.as_str()).collect();
    let editions: Vec<&str> = catalog.editions.iter().map(|e| e.id.as_str()).collect();
    if sections.is_empty() {
        return fail!("the catalog declares no section for synthetic articles");
    }
    let newest = Date { year: 2026, month: 11, day: 30 }.day_number();
    for i in 0..n {
        let json = synthetic_article(i, newest, &sections, &editions, &timeline_events);
        fs::write(to.join(files::article(&synthetic_slug(i))), json)?;
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> Result {
    let mut files = Vec::new();
    crate::output::walk(from, &mut files)?;
    for file in files {
        let dest = to.join(file.strip_prefix(from).expect("walked from here"));
        fs::create_dir_all(dest.parent().expect("a file in a folder"))?;
        fs::copy(&file, dest)?;
    }
    Ok(())
}

// Words for the synthetic text: invented filler, so no other source's
// sentences end up in a bundle.
const EN: &[&str] = &[
    "council",
    "harbour",
    "ministers",
    "agreed",
    "budget",
    "rail",
    "coastal",
    "talks",
    "review",
    "shipping",
    "province",
    "season",
    "report",
    "growth",
    "fishing",
    "treaty",
    "delegation",
    "winter",
    "quota",
    "visit",
];
const ZH: &[&str] = &[
    "理事会",
    "港口",
    "部长们",
    "同意",
    "预算",
    "铁路",
    "沿海",
    "会谈",
    "审议",
    "航运",
    "省份",
    "季节",
    "报告",
    "增长",
    "渔业",
    "条约",
    "代表团",
    "冬季",
    "配额",
    "访问",
];

/// A bilingual article of three pages of three paragraphs, some citing
/// events, as a newsroom writes them: a paragraph with emphasis, strong
/// words and a link out, a bulleted list with an item of its own items,
/// and two raster figures between paragraphs (the shipped content's two
/// PNGs, so `dist` resizes two files, whatever the archive's size; what
/// each resized source costs is measured apart, `resize_measure`).
fn synthetic_article(i: usize, newest: i64, sections: &[&str], editions: &[&str], events: &[String]) -> String {
    let pick = |k: usize, words: &[&str], len: usize| -> Vec<String> {
        (0..len).map(|j| words[(i * 7 + k * 13 + j * 3) % words.len()].to_owned()).collect()
    };
    let sentence = |k: usize| -> (String, String) {
        let en = pick(k, EN, 14).join(" ");
        let zh = pick(k, ZH, 14).join("");
        (format!("{}{}.", en[..1].to_uppercase(), &en[1..]), format!("{zh}。"))
    };
    let mut pages = Vec::new();
    for p in 0..3 {
        let mut blocks = Vec::new();
        for q in 0..3 {
            let k = p * 3 + q;
            let (en, zh) = sentence(k);
            let text = if k == 1 {
                serde_json::json!({
                    "en": [format!("{en} "), {"em": "marked words"}, format!(" {en} "), {"strong": "strong words"}, " and ",
                           {"link": "https://example.org/", "text": "a link out"}, format!(". {en}")],
                    "zh": [zh.clone(), {"em": "强调"}, zh.clone(), {"strong": "加粗"}, {"link": "https://example.org/", "text": "外部链接"}, format!("。{zh}")],
                })
            } else {
                serde_json::json!({"en": format!("{en} {en} {en}"), "zh": format!("{zh}{zh}{zh}")})
            };
            let mut block = serde_json::json!({"type": "paragraph", "text": text});
            // News gathers round the latest events: each article's
            // first paragraph cites one of the last four, so those have
            // more citing paragraphs than a card lists. Others are cited
            // here and there.
            if !events.is_empty() && k == 0 {
                block["events"] = serde_json::json!([events[events.len() - 1 - i % 4.min(events.len())]]);
            } else if !events.is_empty() && (i + k).is_multiple_of(5) {
                block["events"] = serde_json::json!([events[(i + k) % events.len()]]);
            }
            blocks.push(block);
        }
        let (en, zh) = sentence(50 + p);
        match p {
            1 => {
                blocks.insert(2, serde_json::json!({"type": "list", "items": [
                    {"en": en, "zh": zh},
                    {"en": "A second item", "zh": "第二项", "items": [{"en": "with its own item", "zh": "及其子项"}]},
                ]}));
                blocks.insert(1, synthetic_figure("figures/kunashiri-from-nemuro.png", 1600, 900));
            }
            2 => blocks.insert(2, synthetic_figure("figures/summits-by-decade.png", 1200, 700)),
            _ => {}
        }
        pages.push(serde_json::Value::Array(blocks));
    }
    // 120 a day, newest first, each at its own second.
    let day = Date::from_day_number(newest - (i / 120) as i64);
    let secs = 86_399 - (i % 120) * 700;
    let published = format!("{}T{:02}:{:02}:{:02}+00:00", day, secs / 3600, secs / 60 % 60, secs % 60);
    let (headline_en, headline_zh) = sentence(99);
    let (summary_en, summary_zh) = sentence(98);
    let edition_ids: Vec<&str> =
        editions.iter().enumerate().filter(|(e, _)| (i + e).is_multiple_of(3)).map(|(_, id)| *id).collect();
    serde_json::json!({
        "slug": synthetic_slug(i),
        "section": sections[i % sections.len()],
        "column": {"en": "Archive", "zh": "档案"},
        "headline": {"en": format!("{} {i}", headline_en.trim_end_matches('.')), "zh": format!("{}{i}", headline_zh.trim_end_matches('。'))},
        "summary": {"en": summary_en, "zh": summary_zh},
        "editions": edition_ids,
        "byline": {"author": {"en": "Folio Desk", "zh": "Folio 编辑部"}},
        "published": published,
        "pages": pages,
    })
    .to_string()
}

fn synthetic_figure(src: &str, width: u32, height: u32) -> serde_json::Value {
    serde_json::json!({"type": "figure", "src": src, "width": width, "height": height,
        "alt": {"en": "A picture from the archive", "zh": "档案图片"},
        "caption": {"en": "From the archive.", "zh": "档案资料。"}, "credit": {"en": "Folio", "zh": "Folio"}})
}

/// The medians `bench/scale.mjs` measured.
struct Loads {
    json: serde_json::Value,
    count: usize,
}

impl Loads {
    fn median(&self, key: &str, which: &str) -> Result<f64> {
        self.json[which][key]["median"].as_f64().ok_or_else(|| Error::other(format!("scale.mjs gave no {which}.{key}")))
    }
}

fn cold_loads(shipped: &str, scaled: &str, scaled_dist: &Path, slug: &str, smoke: bool) -> Result<Loads> {
    let dir = root().join("bench");
    npm_ci(&dir)?;
    let out: PathBuf = root().join("target/scale/loads.json");
    let count = if smoke { 1 } else { 15 };
    run(Command::new("node")
        .arg("scale.mjs")
        .current_dir(&dir)
        .env("SHIPPED_URL", shipped)
        .env("SCALED_URL", scaled)
        .env("SHIPPED_DIST", root().join("dist"))
        .env("SCALED_DIST", scaled_dist)
        .env("ARTICLE", format!("/article/{slug}/"))
        .env("LOADS", count.to_string())
        .env("OUT", &out))?;
    let json = fs::read_json(&out)?;
    Ok(Loads { json, count })
}
