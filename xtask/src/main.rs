//! `cargo xtask`: Folio's developer commands, in Rust so they run wherever
//! cargo does (the xtask pattern: https://github.com/matklad/cargo-xtask).
//! This file only reads the command line; the work is the library's
//! (`lib.rs`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use xtask::{bench, budgets, dist, page_parts, root, split, Error, Kind, Result};

const USAGE: &str = "\
usage: cargo xtask <command>

  serve [--port N] [--dev] [--no-build]
                             build and serve Folio on http://127.0.0.1:8080
  test                       run every test layer (validate, native, wasm, end-to-end)
  dist [--content DIR] [--out DIR]
                             build the release bundle into dist/ (from content/)
  validate [DIR]             check a content folder (default: content/)
  convert FILE               turn an article's JSON file (articles/SLUG.json) into Markdown
                             (SLUG.md and, with any Chinese, SLUG.zh.md), or its SLUG.md
                             back into JSON; the new files are written only if they read
                             back as the same article, and then the old ones are removed
  split-timeline FILE DIR    write a timeline into a bundle's content folder DIR as an
                             index and one file per event, as dist does with a timeline
                             over 512 KB (for one copied straight into a deployed dist/)
  bench [--smoke] [--check]  measure speed and size (bench/results.md); --smoke runs
                             each measurement once, --check fails on a missed budget
  bench --scale N [--smoke]  build and load an archive of N synthetic articles beside the
                             shipped content (bench/scale-N.md)
  bench --against REV [--smoke]
                             same-run A/B: build git revision REV (in a worktree,
                             target/ab/REV) and the working tree, load both alternating,
                             and print their medians and ratios (bench/ab.md; --smoke
                             loads each once, into target/ab/ab.md)
  app                        build the release app alone (Trunk and the split wasm, into
                             target/trunk/release) and print each file's brotli size
                             against its budget (budgets.json)
  page-parts DIR PATH [--leave-out FILE]...
                             what dist puts into the page at PATH for the content folder
                             DIR, as JSON (the carried data and the preload tags), with
                             FILE (timelines/ID) treated as too large to carry; for the
                             bench and the end-to-end tests
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => xtask::test::run(),
        Some("dist") => dist_command(&args[1..]),
        Some("bench") => bench::Options::parse(&args[1..]).and_then(bench::run),
        Some("split-timeline") => match &args[1..] {
            [file, dir] => split::command(Path::new(file), Path::new(dir)),
            _ => Err(Error::usage("split-timeline needs a timeline file and a content folder")),
        },
        Some("page-parts") => page_parts::command(&args[1..]),
        Some("app") => budgets::app_command(),
        Some("convert") => match &args[1..] {
            [file] => xtask::convert::command(Path::new(file)),
            _ => Err(Error::usage("convert needs one article file")),
        },
        Some("validate") => xtask::validate(args.get(1).map(PathBuf::from).unwrap_or_else(|| root().join("content"))),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            if let Kind::Usage(_) = e.kind() {
                eprint!("\n{USAGE}");
                return ExitCode::from(2);
            }
            ExitCode::FAILURE
        }
    }
}

fn serve(args: &[String]) -> Result {
    let mut port = 8080;
    let mut release = true;
    let mut build = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                port = it.next().and_then(|p| p.parse().ok()).ok_or_else(|| Error::usage("--port needs a number"))?
            }
            "--dev" => release = false,
            "--no-build" => build = false,
            other => return Err(Error::usage(format!("unknown option {other:?} for serve"))),
        }
    }
    xtask::server::serve(port, release, build)
}

/// `cargo xtask dist`, optionally from another content folder or into
/// another bundle folder.
fn dist_command(args: &[String]) -> Result {
    let mut build = dist::Build::standard(true);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let dir = |it: &mut std::slice::Iter<String>| {
            it.next().map(PathBuf::from).ok_or_else(|| Error::usage(format!("{a} needs a folder")))
        };
        match a.as_str() {
            "--content" => build.content = dir(&mut it)?,
            "--out" => build.dist = dir(&mut it)?,
            other => return Err(Error::usage(format!("unknown option {other:?} for dist"))),
        }
    }
    dist::build_with(&build).map(drop)
}
