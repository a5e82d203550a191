//! `cargo xtask bench [--smoke] [--check] [--scale N]`: builds the release bundle,
//! serves it and an empty folder for the comparison pages (the static-HTML
//! limit and TimelineJS3), and runs `bench/bench.mjs` in Chromium.
//!
//! The figures go to stdout, `bench/results.json` and `bench/results.md`.
//! `--smoke` measures everything once and writes to `target/bench/`
//! instead, so the test command keeps the bench working without touching
//! the committed results; `--check` exits non-zero on a missed budget.
//! `--scale N` runs the archive bench instead (see [`crate::scale`]).

use crate::server::Server;
use crate::tools::{ensure_build_tools, ensure_test_tools, npm_ci};
use crate::{dist, fail, root, Result};
use std::process::Command;

#[derive(Clone, Copy, Default)]
pub struct Options {
    pub smoke: bool,
    pub check: bool,
    /// Measure an archive of this many synthetic articles instead.
    pub scale: Option<usize>,
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
                    None => return fail!("--scale needs a number of articles, e.g. --scale 10000"),
                },
                other => return fail!("unknown option {other:?} for bench (--smoke, --check, --scale N)"),
            }
        }
        Ok(o)
    }
}

/// Builds `dist/` and runs the bench against it.
pub fn run(options: Options) -> Result {
    ensure_build_tools()?;
    ensure_test_tools()?;
    let server = Server::start(&root().join("dist"), 0)?;
    let url = format!("http://{}", server.addr());
    std::env::set_var("FOLIO_SITE_URL", format!("{url}/"));
    dist::build(true)?;
    match options.scale {
        Some(n) => crate::scale::against(&url, n, options.smoke),
        None => against(&url, options),
    }
}

/// Runs the bench against a bundle already served at `folio_url`.
pub fn against(folio_url: &str, options: Options) -> Result {
    let dir = root().join("bench");
    npm_ci(&dir)?;
    // The comparison pages are written afresh each run.
    let work = root().join("target/bench");
    let www = work.join("www");
    let _ = std::fs::remove_dir_all(&www);
    std::fs::create_dir_all(&www)?;
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
        // To write its 10,000-meeting timeline as `dist` would (`split-timeline`).
        .env("FOLIO_XTASK", std::env::current_exe()?);
    println!("\n=== bench: {cmd:?}");
    match cmd.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => fail!("the bench failed ({s}); see above"),
        Err(e) => fail!("cannot start node for the bench: {e}"),
    }
}
