//! `cargo xtask test`: every layer, one summary.
//!
//! 1. validate: the shipped content must be valid;
//! 2. native: `cargo test` of the model crate (and xtask), and of the
//!    model alone, as the browser builds it (no `json-paths`);
//! 3. wasm: wasm-bindgen-test of the components in headless Chromium;
//! 4. e2e: Playwright against the release `dist/` on a plain static server
//!    (and the archive bundle), including the committed budgets
//!    (`budgets.json`, `e2e/budgets.test.js`);
//! 5. budgets of the archive bundle (bytes per article, largest files);
//! 6. bench --smoke: every benchmark measurement once (`cargo xtask bench`),
//!    and the archive bench at a small N (`cargo xtask bench --scale`).
//!
//! The bundles (the release app, the shipped content, the archive) build
//! on one side while the native and wasm layers compile and run on the
//! other: on two cores each has stretches that use one (the wasm's link,
//! a test binary's). Nothing is built twice: the native layers share the
//! `xtask` profile's dependencies with `cargo xtask` itself. The browser
//! layers then run one after the other, so no test shares the machine
//! with a build (a test that fails because another job was busy would be a
//! test that fails by chance).
//!
//! Each layer runs even when an earlier one failed (except e2e, which needs
//! the bundle), so one run shows everything that is broken. The last lines
//! are each layer's time and `N passed, N failed` summed over all layers,
//! for CI to read.

use crate::parallel::duration;
use crate::server::Server;
use crate::tools::ensure_all_tools;
use crate::{dist, fail, root, Result};
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Default, Clone, Copy)]
struct Count {
    passed: usize,
    failed: usize,
}

impl Count {
    fn of(result: &Result) -> Count {
        if let Err(e) = result {
            eprintln!("xtask: {e}");
        }
        Count { passed: result.is_ok() as usize, failed: result.is_err() as usize }
    }
}

/// A layer's result and how long it took.
struct Layer {
    name: &'static str,
    count: Count,
    took: Duration,
}

/// Adds up the result lines of cargo's and node's test runners in `line`.
fn count_line(count: &mut Count, line: &str) {
    // cargo and wasm-bindgen-test: "test result: ok. 21 passed; 0 failed; ..."
    if let Some(rest) = line.trim().strip_prefix("test result: ") {
        let num = |key: &str| {
            rest.split(';')
                .find_map(|p| p.trim().strip_suffix(key).and_then(|n| n.trim().rsplit(' ').next()?.parse().ok()))
        };
        count.passed += num("passed").unwrap_or(0);
        count.failed += num("failed").unwrap_or(0);
    }
    // node --test (spec and tap reporters): "ℹ pass 12" / "# pass 12"
    let t = line.trim_start_matches(['ℹ', '#', ' ']);
    if let Some(n) = t.strip_prefix("pass ").and_then(|n| n.trim().parse::<usize>().ok()) {
        count.passed += n;
    }
    if let Some(n) = t.strip_prefix("fail ").and_then(|n| n.trim().parse::<usize>().ok()) {
        count.failed += n;
    }
}

/// Runs a command and adds up its tests (`count_line`). `live`: its output
/// is echoed as it comes; otherwise (a layer that runs beside the build,
/// whose output would interleave with the build's) it is printed in one
/// block when the command ends. A command that fails without any failed
/// test (a build error, a crash) counts as one failure, and one that ran
/// no test as one too.
fn run_counting(name: &'static str, cmd: &mut Command, live: bool) -> Layer {
    let start = Instant::now();
    println!("\n=== {name}: {cmd:?}{}", if live { "" } else { " (its output follows when it ends)" });
    let child = cmd.stdout(Stdio::piped()).stderr(if live { Stdio::inherit() } else { Stdio::piped() }).spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("xtask: cannot start {name}: {e}");
            return Layer { name, count: Count { passed: 0, failed: 1 }, took: start.elapsed() };
        }
    };
    // Stderr is read on a thread of its own, so neither pipe fills up.
    let stderr = child.stderr.take().map(|mut e| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = e.read_to_string(&mut s);
            s
        })
    });
    let mut count = Count::default();
    let mut block = String::new();
    for line in BufReader::new(child.stdout.take().expect("piped")).lines().map_while(std::io::Result::ok) {
        count_line(&mut count, &line);
        if live {
            println!("{line}");
        } else {
            block.push_str(&line);
            block.push('\n');
        }
    }
    let ok = child.wait().is_ok_and(|s| s.success());
    if let Some(errors) = stderr.and_then(|t| t.join().ok()) {
        block.push_str(&errors);
    }
    if !live {
        println!("\n=== {name}: its output\n{block}");
    }
    if !ok && count.failed == 0 {
        count.failed = 1;
    }
    if ok && count.passed == 0 {
        eprintln!("xtask: {name} ran no test");
        count.failed += 1;
    }
    println!("=== {name}: {} passed, {} failed, in {}", count.passed, count.failed, duration(start.elapsed()));
    Layer { name, count, took: start.elapsed() }
}

/// Times `f`, a layer that is one check.
fn timed(name: &'static str, f: impl FnOnce() -> Result) -> Layer {
    let start = Instant::now();
    let count = Count::of(&f());
    Layer { name, count, took: start.elapsed() }
}

/// Articles in the test command's archive: enough for several listing
/// pages in every edition and section (`e2e/archive.test.js` counts on
/// it), few enough to build in seconds.
const SMOKE_SCALE: usize = 60;

/// The native and wasm layers, which need no bundle: run beside its build.
fn unit_layers() -> Vec<Layer> {
    let mut layers = vec![timed("validate content/", || crate::validate(root().join("content")))];
    layers.push(run_counting(
        "native (model, xtask)",
        // In the profile `cargo xtask` itself is built with, so the two
        // share one build of their dependencies.
        Command::new("cargo")
            .args(["test", "--profile", "xtask", "-p", "folio-model", "-p", "xtask"])
            .current_dir(root()),
        false,
    ));
    // The model as the browser builds it, without `json-paths` (which
    // xtask turns on above): its errors rest on line and column alone.
    // In the same profile, so only the model itself is built again.
    layers.push(run_counting(
        "native (model as the browser builds it)",
        Command::new("cargo").args(["test", "--profile", "xtask", "-p", "folio-model", "--lib"]).current_dir(root()),
        false,
    ));
    layers.push(run_counting(
        "wasm (components in Chromium)",
        Command::new("cargo")
            .args(["test", "-p", "folio", "--target", "wasm32-unknown-unknown"])
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
            .current_dir(root()),
        false,
    ));
    layers
}

pub fn run() -> Result {
    let start = Instant::now();
    let tools = timed("install what is missing", ensure_all_tools);
    if tools.count.failed > 0 {
        return fail!("could not install the tools the tests need (above)");
    }
    let mut layers = vec![tools];

    // The server starts first: the bundle's oEmbed files need the address
    // it will be served at (FOLIO_SITE_URL), as a publisher's would. (Set
    // before any thread starts.)
    let server = Server::start(&root().join("dist"), 0)?;
    let url = format!("http://{}", server.addr());
    std::env::set_var("FOLIO_SITE_URL", format!("{url}/"));

    // The bundles build here, the native and wasm layers beside them.
    let (built, bundles_took, units) = std::thread::scope(|s| {
        let units = s.spawn(unit_layers);
        let bundles_start = Instant::now();
        // The shipped content, and an archive of synthetic articles
        // beside it for the journeys through paged listings
        // (`e2e/archive.test.js`), measured by the archive bench below.
        let built = dist::build(true).and_then(|_| crate::scale::build(SMOKE_SCALE));
        let took = bundles_start.elapsed();
        println!("\n=== the bundles: built in {}", duration(took));
        (built, took, units.join().expect("the unit layers' thread panicked"))
    });
    layers.extend(units);
    let count = Count { passed: built.is_ok() as usize, failed: built.is_err() as usize };
    layers.push(Layer { name: "build the bundles", count, took: bundles_took });

    let archive_server = match &built {
        Ok(a) => Some(Server::start(&a.dist, 0)?),
        Err(_) => None,
    };
    let archive_url = archive_server.as_ref().map(|s| format!("http://{}", s.addr())).unwrap_or_default();
    layers.push(match &built {
        Ok(_) => run_counting(
            "e2e (Playwright, release dist/)",
            Command::new("node")
                .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
                .env("FOLIO_URL", &url)
                .env("FOLIO_ARCHIVE_URL", &archive_url)
                // For bundles made in a test (`split-timeline`).
                .env("FOLIO_XTASK", crate::fs::current_exe()?)
                .current_dir(root().join("e2e")),
            true,
        ),
        Err(e) => {
            eprintln!("xtask: cannot build the bundles for the end-to-end tests: {e}");
            Layer {
                name: "e2e (Playwright, release dist/)",
                count: Count { passed: 0, failed: 1 },
                took: Duration::ZERO,
            }
        }
    });
    layers.push(timed("budgets of the archive bundle", || match &built {
        Ok(archive) => crate::budgets::check_archive(archive),
        Err(e) => fail!("no archive bundle to measure: {e}"),
    }));

    // The bench, once over, so it cannot rot: its figures are not checked
    // here (a timing is no test), only that every measurement still runs.
    layers.push(timed("bench --smoke", || {
        crate::bench::against(&url, &crate::bench::Options { smoke: true, ..Default::default() })
    }));
    // The archive bench at a small N: its build, rebuild and loads run.
    layers.push(timed("bench --scale --smoke", || match &built {
        Ok(archive) => crate::scale::report(&url, archive, true),
        Err(e) => fail!("no archive bundle to measure: {e}"),
    }));

    println!("\n=== summary (the bundles built beside the validate, native and wasm layers)");
    let mut total = Count::default();
    for Layer { name, count, took } in &layers {
        println!("{name:40} {:4} passed, {} failed  {:>12}", count.passed, count.failed, duration(*took));
        total.passed += count.passed;
        total.failed += count.failed;
    }
    println!("{:40} {:>38}", "the whole run", duration(start.elapsed()));
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 {
        return fail!("{} test(s) failed", total.failed);
    }
    Ok(())
}
