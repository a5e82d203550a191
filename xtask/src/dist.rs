//! The release bundle.
//!
//! `dist/` is Trunk's app (built into `target/trunk/`, and only when its
//! sources changed), the publisher's `content/`, the files derived from
//! the archive (`content/derived/`: listing pages, each section's short
//! lists, each article's cited events, each timeline's citing
//! paragraphs, what the offline worker saves with each page), and one
//! prerendered `index.html` per route. Every file
//! goes through [`Output`], so a rebuild rewrites only what changed; the
//! routes render on every core.

use crate::code::Code;
use crate::output::Output;
use crate::parallel::thousands;
use crate::render::write_route_files;
use crate::search_index::write_search_index;
use crate::shell::Shell;
use crate::site::Site;
use crate::stamps::Stamps;
use crate::tools::ensure_build_tools;
use crate::trunk::trunk;
use crate::worker::{code_dir, worker, WORKER};
use crate::{fail, root, Result};
use folio_model::files::{self, DERIVED};
use std::collections::HashSet;
use std::path::PathBuf;
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
    let site = Site::read(&build.content)?;
    step("read");
    if build.content.join(DERIVED).exists() {
        return fail!(
            "{}: a folder named {DERIVED}/ is for the files dist derives; rename it",
            build.content.display()
        );
    }
    let out = Output::recorded(&build.dist, Stamps::path(&build.dist, "files.txt"))?;
    // The shell becomes every route's page; the home route writes
    // index.html itself.
    let shell = Shell::read(&app.join("index.html"))?;
    let code = Code::new(&crate::app::AppFiles::read(&app)?)?;
    out.copy_dir(&app, "", |rel| rel == "index.html" || rel == crate::app::APP_FILES || rel == WORKER)?;
    out.write(WORKER, &worker(&app, &code_dir(&app)?)?)?;
    // A split timeline's file is written as its index instead.
    let split: HashSet<String> =
        site.timelines.iter().filter(|t| site.too_large_timeline(t)).map(|t| files::timeline(&t.id)).collect();
    // A Markdown article is written as the JSON the app reads; its
    // Markdown files are the publisher's, not the reader's.
    let markdown = |rel: &str| matches!(files::kind(rel), files::Kind::Markdown);
    out.copy_dir(&build.content, files::FOLDER, |rel| split.contains(rel) || markdown(rel))?;
    for a in &site.articles {
        let json = files::article(&a.slug);
        if !build.content.join(&json).exists() {
            let bytes = serde_json::to_vec(a).map_err(|e| crate::Error::other(format!("article {}: {e}", a.slug)))?;
            out.write(&files::in_bundle(&json), &bytes)?;
        }
    }
    step("copy");
    let routes = write_route_files(&out, &shell, &site, &code)?;
    step("routes");
    crate::card::write_all(&out, &site.catalog, &site.articles, &site.timelines, &build.content)?;
    step("cards");
    crate::resize::write_all(&out, &site.articles, &build.content)?;
    step("figures");
    write_search_index(&out, &site)?;
    step("search");
    let stats = out.finish()?;
    step("clean");
    let seconds = start.elapsed().as_secs_f64();
    let shown: Vec<String> = steps.iter().map(|(n, s)| format!("{n} {s:.1} s")).collect();
    println!("xtask: steps: {}", shown.join(", "));
    println!(
        "xtask: {} ready: {} articles, {} route files; {} files written, {} unchanged, {} removed; {:.1} MB; {seconds:.1} s",
        build.dist.display(),
        thousands(site.articles.len()),
        thousands(routes),
        thousands(stats.written),
        thousands(stats.unchanged),
        thousands(stats.removed),
        stats.bytes as f64 / 1e6,
    );
    Ok(Built { dist: build.dist.clone(), routes, stats, seconds, steps })
}
