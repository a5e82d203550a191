//! `cargo xtask bench [--smoke] [--check] [--scale N]`: builds the release bundle,
//! serves it and an empty folder for the comparison pages (the static-HTML
//! limit and TimelineJS3), and runs `bench/bench.mjs` in Chromium.
//!
//! The figures go to stdout, `bench/results.json` and `bench/results.md`.
//! `--smoke` measures everything once and writes to `target/bench/`
//! instead, so the test command keeps the bench working without touching
//! the committed results; `--check` exits non-zero on a missed budget.
//! `--scale N` runs the archive bench instead (see [`crate::scale`]), and
//! `--against REV` a same-run A/B against a git revision (see [`crate::ab`]).

use crate::server::Server;
use crate::tools::{ensure_all_tools, npm_ci, run as run_command};
use crate::{dist, fs, root, Error, Result};
use std::process::Command;

#[derive(Clone, Default)]
pub struct Options {
    pub smoke: bool,
    pub check: bool,
    /// Measure an archive of this many synthetic articles instead.
    pub scale: Option<usize>,
    /// Compare with this git revision instead.
    pub against: Option<String>,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut o = Options::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--smoke" => o.smoke = true,
                "--check" => o.check = true,
                "--scale" => match it.next().and_then(|n| n.parse().ok()).filter(|&n: &usize| n > 0) {
                    Some(n) => o.scale = Some(n),
                    None => return Err(Error::usage("--scale needs a number of articles, e.g. --scale 10000")),
                },
                "--against" => match it.next().filter(|r| !r.starts_with('-')) {
                    Some(rev) => o.against = Some(rev.clone()),
                    None => return Err(Error::usage("--against needs a git revision, e.g. --against 8471f3b")),
                },
                other => return Err(Error::usage(format!("unknown option {other:?} for bench"))),
            }
        }
        if (o.scale.is_some() || o.check) && o.against.is_some() {
            return Err(Error::usage("--against goes with --smoke only"));
        }
        Ok(o)
    }
}

/// Builds `dist/` and runs the bench against it.
pub fn run(options: Options) -> Result {
    if let Some(rev) = &options.against {
        return crate::ab::against(rev, options.smoke);
    }
    ensure_all_tools()?;
    let server = Server::start(&root().join("dist"), 0)?;
    let url = format!("http://{}", server.addr());
    std::env::set_var("FOLIO_SITE_URL", format!("{url}/"));
    dist::build(true)?;
    match options.scale {
        Some(n) => crate::scale::against(&url, n, options.smoke),
        None => against(&url, &options),
    }
}

/// Runs the bench against a bundle already served at `folio_url`.
pub fn against(folio_url: &str, options: &Options) -> Result {
    let dir = root().join("bench");
    npm_ci(&dir)?;
    // The comparison pages are written afresh each run.
    let work = root().join("target/bench");
    let www = work.join("www");
    fs::remove_dir_all_if_present(&www)?;
    fs::create_dir_all(&www)?;
    let pages = Server::start(&www, 0)?;
    let out = if options.smoke { work.clone() } else { dir.clone() };
    let mut cmd = Command::new("node");
    cmd.arg("bench.mjs")
        .current_dir(&dir)
        .env("FOLIO_URL", folio_url)
        .env("BENCH_URL", format!("http://{}", pages.addr()))
        .env("BENCH_DIR", &www)
        .env("BENCH_OUT", &out)
        .env("SMOKE", if options.smoke { "1" } else { "0" })
        .env("CHECK", if options.check { "1" } else { "0" })
        // To write its 10,000-event timeline as `dist` would (`split-timeline`,
        // `page-parts`).
        .env("FOLIO_XTASK", fs::current_exe()?);
    run_command(&mut cmd)
}
