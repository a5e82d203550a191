//! `cargo xtask bench [--smoke] [--check]`: builds the release bundle,
//! serves it and an empty folder for the comparison pages (the static-HTML
//! limit and TimelineJS3), and runs `bench/bench.mjs` in Chromium.
//!
//! The figures go to stdout, `bench/results.json` and `bench/results.md`.
//! `--smoke` measures everything once and writes to `target/bench/`
//! instead, so the test command keeps the bench working without touching
//! the committed results; `--check` exits non-zero on a missed budget.

use crate::server::Server;
use crate::tools::{ensure_build_tools, ensure_test_tools, npm_ci};
use crate::{dist, fail, root, Result};
use std::process::Command;

#[derive(Clone, Copy, Default)]
pub struct Options {
    pub smoke: bool,
    pub check: bool,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut o = Options::default();
        for a in args {
            match a.as_str() {
                "--smoke" => o.smoke = true,
                "--check" => o.check = true,
                other => return fail!("unknown option {other:?} for bench (--smoke, --check)"),
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
    against(&url, options)
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
