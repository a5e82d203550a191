//! Installing what the build and the tests need, from the registries only.
//!
//! Each tool is checked first and installed only when missing or of the
//! wrong version, so a second run costs a few `--version` calls. Nothing is
//! downloaded from outside crates.io, Debian and npm: Trunk runs offline and
//! finds wasm-bindgen and wasm-opt on PATH.

use crate::{fail, root, Kind, Result};
use std::process::{Command, Stdio};
use std::sync::Once;

/// Trunk 0.22 needs a newer rustc than this project pins.
pub const TRUNK_VERSION: &str = "0.21.14";

/// Runs a command with inherited output; fails with the command line.
pub fn run(cmd: &mut Command) -> Result {
    let command = format!("{cmd:?}");
    println!("xtask: $ {}", shown(cmd));
    match cmd.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(Kind::Command { command, status }.into()),
        Err(source) => Err(Kind::Spawn { command, source }.into()),
    }
}

/// A command as a reader wants to see it while it runs: its folder
/// (relative to the project), program and arguments, without the
/// environment (`PATH` alone is some 300 characters). A failure names the
/// command in full ([`Kind::Command`]).
pub fn shown(cmd: &Command) -> String {
    let mut words: Vec<String> = Vec::new();
    if let Some(dir) = cmd.get_current_dir() {
        let dir = dir.strip_prefix(root()).unwrap_or(dir).display().to_string();
        if !dir.is_empty() {
            words.push(format!("(in {dir})"));
        }
    }
    words.push(cmd.get_program().to_string_lossy().into_owned());
    words.extend(cmd.get_args().map(|a| {
        let a = a.to_string_lossy();
        if a.contains(' ') {
            format!("{a:?}")
        } else {
            a.into_owned()
        }
    }));
    words.join(" ")
}

/// The stdout of a command, or `None` if it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn have(program: &str) -> bool {
    output("sh", &["-c", &format!("command -v {program}")]).is_some()
}

fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|s| s.trim() == "0")
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = crate::fs::read_to_string(root().join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|v| v.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    fail!("no wasm-bindgen in Cargo.lock")
}

fn apt_install(packages: &[&str]) -> Result {
    if !is_root() {
        return fail!(
            "missing system packages. Run:\n    sudo apt-get update && sudo apt-get install -y {}",
            packages.join(" ")
        );
    }
    static UPDATE: Once = Once::new();
    let mut updated = Ok(());
    UPDATE.call_once(|| updated = run(Command::new("apt-get").arg("update").arg("-q")));
    updated?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-q", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Runs `npm ci` in `dir` when its packages are missing or older than its
/// committed lockfile.
pub fn npm_ci(dir: &std::path::Path) -> Result {
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let stamp = modified(&dir.join("node_modules/.package-lock.json"));
    if stamp.is_none() || stamp < modified(&dir.join("package-lock.json")) {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))?;
    }
    Ok(())
}

/// A virtual environment of Python packages at `dir`/.venv, from the
/// pinned `requirements.txt` beside it: made again when that file is newer.
fn pip_install(dir: &std::path::Path) -> Result {
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let venv = dir.join(".venv");
    let stamp = venv.join("installed");
    if modified(&stamp).is_some() && modified(&stamp) >= modified(&dir.join("requirements.txt")) {
        return Ok(());
    }
    if !venv.join("bin/python").exists() {
        // (python3-venv, which Debian's python3 needs for this, is among
        // the test packages.)
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    run(Command::new(venv.join("bin/pip"))
        .args(["install", "-q", "--disable-pip-version-check", "-r"])
        .arg(dir.join("requirements.txt")))?;
    crate::fs::write_creating(&stamp, "")
}

/// `PATH` with the project's npm tools first, so Trunk finds binaryen's
/// current `wasm-opt` from npm. Debian's binaryen 108 cannot be used: it
/// rewrites the export of wasm-bindgen's externref table to point at the
/// function table, and the app then dies at start-up with
/// "WebAssembly.Table.set(): Argument 1 is invalid".
pub fn path_with_tools() -> std::ffi::OsString {
    let mut paths = vec![root().join("tools/node_modules/.bin")];
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).expect("PATH entries contain no separator")
}

/// What `dist` and `serve` need: the wasm32 target, Trunk,
/// wasm-bindgen-cli, wasm-opt and terser, and the share cards' fonts.
pub fn ensure_build_tools() -> Result {
    ensure(false)
}

/// What the build needs, and what the tests and the bench need besides
/// (see [`test_packages`]).
pub fn ensure_all_tools() -> Result {
    ensure(true)
}

/// Installs what is missing, side by side: Trunk and wasm-bindgen-cli
/// compile at once (each leaves a core idle in its single-threaded
/// stretches: the last crates, the link), while the system's packages,
/// npm's and PyPI's download. On a fresh machine this is most of the first
/// run (about 20 minutes one after the other). Each install writes to a
/// log of its own under `target/logs/`, printed only if it fails.
fn ensure(tests: bool) -> Result {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let wb = wasm_bindgen_version()?;
    // (what, how long it takes the first time, the command)
    let mut installs: Vec<(String, &str, Command)> = Vec::new();
    if !output("trunk", &["--version"]).is_some_and(|v| v.contains(TRUNK_VERSION)) {
        let mut cmd = Command::new("cargo");
        cmd.args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]);
        installs.push((format!("trunk {TRUNK_VERSION}"), "about 15 minutes on two cores", cmd));
    }
    if output("wasm-bindgen", &["--version"]).is_none_or(|v| v.split_whitespace().nth(1) != Some(wb.as_str())) {
        // Not --locked: the registry lacks one of its locked dependencies.
        let mut cmd = Command::new("cargo");
        cmd.args(["install", "wasm-bindgen-cli", "--version", &wb, "--force"]);
        installs.push((format!("wasm-bindgen-cli {wb}"), "about 10 minutes on two cores", cmd));
    }
    let results = std::thread::scope(|s| {
        let cargo: Vec<_> = installs
            .iter_mut()
            .map(|(name, takes, cmd)| {
                let name = name.as_str();
                let what = format!("installing {name}, once ({takes})");
                s.spawn(move || run_logged(&what, &format!("install-{}", first_word(name)), cmd))
            })
            .collect();
        let packages = s.spawn(move || -> Result {
            let mut missing = build_packages();
            if tests {
                missing.extend(test_packages());
            }
            missing.sort_unstable();
            missing.dedup();
            if !missing.is_empty() {
                apt_install(&missing)?;
            }
            npm_ci(&root().join("tools"))?;
            if tests {
                npm_ci(&root().join("e2e"))?;
                pip_install(&root().join("e2e"))?;
            }
            Ok(())
        });
        let mut results: Vec<Result> =
            cargo.into_iter().map(|h| h.join().expect("an install thread panicked")).collect();
        results.push(packages.join().expect("the package thread panicked"));
        results
    });
    results.into_iter().collect()
}

fn first_word(s: &str) -> &str {
    s.split(' ').next().unwrap_or(s)
}

/// Runs `cmd` with its output in `target/logs/{log}.log`, saying when it
/// starts and how long it took; if it fails, the log's last lines.
pub fn run_logged(what: &str, log: &str, cmd: &mut Command) -> Result {
    let path = root().join("target/logs").join(format!("{log}.log"));
    crate::fs::create_dir_all(path.parent().expect("a folder"))?;
    let file = std::fs::File::create(&path).map_err(|e| crate::Error::io("create the log", &path, e))?;
    let err = file.try_clone().map_err(|e| crate::Error::io("open the log", &path, e))?;
    let command = format!("{cmd:?}");
    println!("xtask: {what} ($ {}; log: {})", shown(cmd), path.strip_prefix(root()).unwrap_or(&path).display());
    let start = std::time::Instant::now();
    let status = cmd.stdout(file).stderr(err).status();
    let took = crate::parallel::duration(start.elapsed());
    match status {
        Ok(status) if status.success() => {
            println!("xtask: {what}: done in {took}");
            Ok(())
        }
        Ok(status) => {
            let log = std::fs::read_to_string(&path).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(30).collect();
            eprintln!("xtask: {what} failed after {took}; the end of its log:");
            for line in tail.iter().rev() {
                eprintln!("    {line}");
            }
            Err(Kind::Command { command, status }.into())
        }
        Err(source) => Err(Kind::Spawn { command, source }.into()),
    }
}

/// The Debian packages the build needs and lacks: the share cards' fonts
/// (`card/`: Latin and Chinese), and Node.js for npm's tools.
fn build_packages() -> Vec<&'static str> {
    let mut missing = Vec::new();
    if output("fc-list", &[":lang=zh"]).is_none_or(|s| s.trim().is_empty()) {
        missing.push("fonts-noto-cjk");
    }
    for (bin, pkg) in [("node", "nodejs"), ("npm", "npm")] {
        if !have(bin) {
            missing.push(pkg);
        }
    }
    missing
}

/// Debian's `brotli_static` module for nginx (`e2e/hosts.js` loads it).
const NGINX_BROTLI: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

/// The Debian packages the tests lack: Chromium, its driver, CJK fonts
/// (so Chinese does not render as boxes), Python (its `http.server` is the
/// plain static host of the sub-path tests, and `venv` holds extruct),
/// poppler's `pdftotext` (the print test reads Chromium's PDF back), nginx
/// with its brotli_static module and Caddy (the host tests), and Java (the
/// Nu HTML Checker, `e2e/valid.test.js`).
fn test_packages() -> Vec<&'static str> {
    let mut missing = Vec::new();
    for (bin, pkg) in [
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
        ("python3", "python3"),
        ("pdftotext", "poppler-utils"),
        ("java", "default-jre-headless"),
        // The real hosts of `e2e/hosts.test.js`, run with the recipes in docs/deploying.md.
        ("nginx", "nginx"),
        ("caddy", "caddy"),
    ] {
        if !have(bin) {
            missing.push(pkg);
        }
    }
    if output("fc-list", &[":lang=zh"]).is_none_or(|s| s.trim().is_empty()) {
        missing.push("fonts-noto-cjk");
    }
    if !std::path::Path::new(NGINX_BROTLI).exists() {
        missing.push("libnginx-mod-http-brotli-static");
    }
    // Debian's own python3 makes environments only with python3-venv.
    if !root().join("e2e/.venv/bin/python").exists() && output("python3", &["-c", "import ensurepip"]).is_none() {
        missing.push("python3-venv");
    }
    missing
}
