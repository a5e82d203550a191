//! Trunk's build of the app, run only when one of its inputs changed.

use crate::tools::{path_with_tools, run};
use crate::{fs, root, Result};
use std::path::PathBuf;
use std::process::Command;

/// Trunk's build of the app into `target/trunk/{release,dev}/`, run only
/// when an input changed since the last one ([`app_fingerprint`]): with a
/// content-only change (a new article), a rebuild skips cargo, wasm-bindgen
/// and wasm-opt altogether. Not into `dist/`, which Trunk would empty.
pub fn trunk(release: bool) -> Result<PathBuf> {
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
