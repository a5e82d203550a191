//! `cargo xtask test`: every layer, one summary.
//!
//! 1. validate: the shipped content must be valid;
//! 2. native: `cargo test` of the model crate (and xtask), and of the
//!    model alone, as the browser builds it (no `json-paths`);
//! 3. wasm: wasm-bindgen-test of the components in headless Chromium;
//! 4. e2e: Playwright against the release `dist/` on a plain static server;
//! 5. bench --smoke: every benchmark measurement once (`cargo xtask bench`),
//!    and the archive bench at a small N (`cargo xtask bench --scale`).
//!
//! Each layer runs even when an earlier one failed (except e2e, which needs
//! the bundle), so one run shows everything that is broken. The last line
//! is `N passed, N failed` summed over all layers, for CI to read.

use crate::server::Server;
use crate::tools::{ensure_build_tools, ensure_test_tools};
use crate::{dist, fail, root, Result};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[derive(Default, Clone, Copy)]
struct Count {
    passed: usize,
    failed: usize,
}

/// Runs a command, echoing its output, and adds up the result lines of
/// cargo's and node's test runners. A command that fails without any
/// failed test (a build error, a crash) counts as one failure.
fn run_counting(name: &str, cmd: &mut Command) -> Count {
    println!("\n=== {name}: {cmd:?}");
    let child = cmd.stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("xtask: cannot start {name}: {e}");
            return Count { passed: 0, failed: 1 };
        }
    };
    let mut count = Count::default();
    for line in BufReader::new(child.stdout.take().expect("piped")).lines().map_while(std::io::Result::ok) {
        println!("{line}");
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
    let ok = child.wait().is_ok_and(|s| s.success());
    if !ok && count.failed == 0 {
        count.failed = 1;
    }
    if ok && count.passed == 0 {
        eprintln!("xtask: {name} ran no test");
        count.failed += 1;
    }
    println!("=== {name}: {} passed, {} failed", count.passed, count.failed);
    count
}

/// Articles in the test command's archive: enough for several listing
/// pages in every edition and section (`e2e/archive.test.js` counts on
/// it), few enough to build in seconds.
const SMOKE_SCALE: usize = 60;

pub fn run() -> Result {
    ensure_build_tools()?;
    ensure_test_tools()?;
    let mut layers: Vec<(&str, Count)> = Vec::new();

    let v = crate::validate(root().join("content"));
    if let Err(e) = &v {
        eprintln!("xtask: {e}");
    }
    layers.push(("validate content/", Count { passed: v.is_ok() as usize, failed: v.is_err() as usize }));

    layers.push((
        "native (model, xtask)",
        run_counting(
            "native",
            // In the profile `cargo xtask` itself is built with, so the two
            // share one build of their dependencies.
            Command::new("cargo")
                .args(["test", "--profile", "xtask", "-p", "folio-model", "-p", "xtask"])
                .current_dir(root()),
        ),
    ));
    // The model as the browser builds it, without `json-paths` (which
    // xtask turns on above): its errors rest on line and column alone.
    layers.push((
        "native (model as the browser builds it)",
        run_counting(
            "native-browser-model",
            Command::new("cargo").args(["test", "-p", "folio-model", "--lib"]).current_dir(root()),
        ),
    ));

    layers.push((
        "wasm (components in Chromium)",
        run_counting(
            "wasm",
            Command::new("cargo")
                .args(["test", "-p", "folio", "--target", "wasm32-unknown-unknown"])
                .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
                .env("CHROMEDRIVER", "/usr/bin/chromedriver")
                .env("WASM_BINDGEN_TEST_TIMEOUT", "60")
                .current_dir(root()),
        ),
    ));

    // The server starts first: the bundle's oEmbed files need the address
    // it will be served at (FOLIO_SITE_URL), as a publisher's would.
    let server = Server::start(&root().join("dist"), 0)?;
    let url = format!("http://{}", server.addr());
    std::env::set_var("FOLIO_SITE_URL", format!("{url}/"));
    // An archive of synthetic articles beside the shipped content, for the
    // journeys through paged listings (`e2e/archive.test.js`), and measured
    // by the archive bench below.
    let built = dist::build(true).and_then(|_| crate::scale::build(SMOKE_SCALE));
    let archive_server = match &built {
        Ok(a) => Some(Server::start(&a.dist, 0)?),
        Err(_) => None,
    };
    let archive_url = archive_server.as_ref().map(|s| format!("http://{}", s.addr())).unwrap_or_default();
    let e2e = match &built {
        Ok(_) => run_counting(
            "e2e",
            Command::new("node")
                .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
                .env("FOLIO_URL", &url)
                .env("FOLIO_ARCHIVE_URL", &archive_url)
                // For bundles made in a test (`split-timeline`).
                .env("FOLIO_XTASK", crate::fs::current_exe()?)
                .current_dir(root().join("e2e")),
        ),
        Err(e) => {
            eprintln!("xtask: cannot build the bundles for the end-to-end tests: {e}");
            Count { passed: 0, failed: 1 }
        }
    };
    layers.push(("e2e (Playwright, release dist/)", e2e));

    // The bench, once over, so it cannot rot: its figures are not checked
    // here (a timing is no test), only that every measurement still runs.
    let smoke = crate::bench::against(&url, &crate::bench::Options { smoke: true, ..Default::default() });
    if let Err(e) = &smoke {
        eprintln!("xtask: {e}");
    }
    layers.push(("bench --smoke", Count { passed: smoke.is_ok() as usize, failed: smoke.is_err() as usize }));
    // The archive bench at a small N: its build, rebuild and loads run.
    let scale = match &built {
        Ok(archive) => crate::scale::report(&url, archive, true),
        Err(e) => fail!("no archive bundle to measure: {e}"),
    };
    if let Err(e) = &scale {
        eprintln!("xtask: {e}");
    }
    layers.push(("bench --scale --smoke", Count { passed: scale.is_ok() as usize, failed: scale.is_err() as usize }));

    println!("\n=== summary");
    let mut total = Count::default();
    for (name, c) in &layers {
        println!("{name:34} {:4} passed, {} failed", c.passed, c.failed);
        total.passed += c.passed;
        total.failed += c.failed;
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 {
        return fail!("{} test(s) failed", total.failed);
    }
    Ok(())
}
