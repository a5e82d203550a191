//! The browser app's code, split by what a first visit needs.
//!
//! Trunk builds the bundle (`Trunk.toml`): the stylesheet, the static
//! files and `index.html`. It cannot split wasm: its hooks run before
//! cargo or after wasm-bindgen, and wasm-bindgen's output has lost the
//! relocations a split needs (trunk-rs/trunk#1022). So `index.html`'s rust
//! link is `data-trunk-skip`, and `cargo xtask dist`, once Trunk is done,
//! does here what cargo-leptos does for `--split` ([`build`]):
//!
//! 1. cargo builds the app for wasm32 with `--cfg folio_split` (which turns
//!    `src/chunk.rs`'s split points on) and `--emit-relocs`, into
//!    `target/split/` (its own flags, so the tests' wasm builds keep theirs);
//! 2. `wasm_split_cli_support` cuts that module into the main module and
//!    one chunk per split point (and chunks of what several share), and
//!    writes `__wasm_split.js`, which fetches a chunk when its code is
//!    first called;
//! 3. wasm-bindgen writes the main module's JavaScript (`main.js`);
//! 4. wasm-opt shrinks every wasm file, and terser the JavaScript
//!    (release only; both from `tools/`, npm);
//! 5. the files go into one folder named by the hash of them all,
//!    `app-{hash}/`: the chunks find each other by relative names that
//!    the split tool writes into them, so the folder, not each file,
//!    carries the hash, and a deploy never mixes two builds' chunks;
//! 6. the skipped link in Trunk's `index.html` becomes the loader (the
//!    module script `boot.js` in the code folder) and the preloads of the
//!    main module, and [`APP_FILES`] records, for `dist`,
//!    which files each split point needs, so a page preloads exactly
//!    those of its view (`code.rs`).

use crate::tools::{path_with_tools, run};
use crate::{fail, fs, root, Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Written by this step beside `index.html` and read by `dist`, which
/// does not copy it into the bundle.
pub const APP_FILES: &str = "folio-app.json";

/// The split points' names (`src/chunk.rs`), for the pages that preload
/// them. A name here that the build does not produce is an error, so a
/// renamed split point cannot silently stop being preloaded.
pub const TIMELINE: &str = "timeline";
pub const TIMELINE_LIST: &str = "timeline_list";
/// A listing's stories (`src/routes/listing.rs`).
pub const LISTING: &str = "listing";
/// The search view and engine (`routes/search/`).
pub const SEARCH: &str = "search";
/// An event's card (`src/routes/timeline/card.rs`), which an event's page shows.
pub const EVENT: &str = "event";
/// An embed's chrome (`components/embed_frame.rs`), which every embed shows.
pub const FRAME: &str = "frame";

/// What `dist` needs to know of the app's files.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct AppFiles {
    /// The folder of the app's files, relative to the bundle root.
    pub dir: String,
    /// Each split point's files (without `.wasm`), in load order.
    pub chunks: BTreeMap<String, Vec<String>>,
}

impl AppFiles {
    /// The app's files, as recorded in Trunk's output folder `app`.
    pub fn read(app: &Path) -> Result<AppFiles> {
        fs::read_json(app.join(APP_FILES))
    }

    /// The files of split point `name`.
    pub fn files(&self, name: &str) -> Result<&[String]> {
        match self.chunks.get(name) {
            Some(files) => Ok(files),
            None => fail!(
                "the app has no split point {name:?} (it has {:?}): src/chunk.rs and xtask/src/app.rs disagree",
                self.chunks.keys().collect::<Vec<_>>()
            ),
        }
    }

    /// `<link rel=preload>` tags for the files of the split points
    /// `wanted`, in order, each file once: a split point with a media query
    /// (the phone list's) gets it on the files no split point before it
    /// had, so those come first that every screen needs.
    pub fn preloads(&self, wanted: &[(&str, Option<&str>)]) -> Result<String> {
        let mut seen: Vec<&String> = Vec::new();
        let mut out = String::new();
        for (name, media) in wanted {
            let media = media.map(|m| format!(" media=\"{m}\"")).unwrap_or_default();
            for f in self.files(name)? {
                if seen.contains(&f) {
                    continue;
                }
                seen.push(f);
                // Unquoted (a folder and a file of `[a-z0-9_-]`), without
                // `type`, which a fetch preload does not use: an embed's
                // page names eight files.
                out.push_str(&format!(
                    "<link rel=preload href={}/{f}.wasm as=fetch crossorigin data-chunk{media}>",
                    self.dir
                ));
            }
        }
        Ok(out)
    }
}

/// Builds, splits and installs the app into Trunk's output folder.
pub fn build(staging: &Path, release: bool) -> Result {
    let wasm = cargo_build(release)?;
    let parts = root().join("target/split/parts").join(if release { "release" } else { "debug" });
    if parts.exists() {
        std::fs::remove_dir_all(&parts).map_err(|e| Error::io("remove the folder", &parts, e))?;
    }
    fs::create_dir_all(&parts)?;
    let chunks = split(&wasm, &parts)?;
    compile_early(&parts.join("__wasm_split.js"))?;
    bindgen(&parts)?;
    fs::write(parts.join(BOOT_FILE), BOOT)?;
    let mut files =
        vec![BOOT_FILE.to_owned(), "main.js".to_owned(), "main_bg.wasm".to_owned(), "__wasm_split.js".to_owned()];
    let mut stems: Vec<&String> = chunks.values().flatten().collect();
    stems.sort();
    stems.dedup();
    files.extend(stems.iter().map(|s| format!("{s}.wasm")));
    if release {
        for f in &files {
            if f.ends_with(".wasm") {
                optimise(&parts.join(f))?;
            } else {
                minify(&parts.join(f))?;
            }
        }
    }
    if release {
        // The reader's settings script (a classic script, in every page's
        // head): its comments are for the next engineer, not the reader,
        // 1.5 → 0.6 KB of brotli on every page's critical path.
        terser(&staging.join("prefs.js"), &[])?;
    }
    let dir = format!("app-{}", hash_files(&parts, &files)?);
    fs::create_dir_all(staging.join(&dir))?;
    for f in &files {
        fs::copy(parts.join(f), staging.join(&dir).join(f))?;
    }
    let index = staging.join("index.html");
    let html = fs::read_to_string(&index)?;
    fs::write(&index, with_loader(&index, &html, &dir)?)?;
    let recorded = AppFiles { dir, chunks };
    fs::write(staging.join(APP_FILES), serde_json::to_string_pretty(&recorded).map_err(|e| Error::json(&index, e))?)?;
    let sizes: Vec<String> = files
        .iter()
        .map(|f| format!("{f} {} KB", std::fs::metadata(parts.join(f)).map_or(0, |m| m.len()) / 1000))
        .collect();
    println!("xtask: app: {}", sizes.join(", "));
    Ok(())
}

/// The raw module, with its relocations, in `target/split/`.
fn cargo_build(release: bool) -> Result<PathBuf> {
    let target = root().join("target/split");
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo
        .args(["build", "--package", "folio", "--bin", "folio", "--target", "wasm32-unknown-unknown", "--target-dir"])
        .arg(&target)
        .current_dir(root())
        // Replaces any RUSTFLAGS of the caller's: these are the build's.
        .env("RUSTFLAGS", format!("--cfg folio_split -Clink-args=--emit-relocs{}", remap_paths()))
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    if release {
        cargo.arg("--release");
    }
    run(&mut cargo)?;
    Ok(target.join("wasm32-unknown-unknown").join(if release { "release" } else { "debug" }).join("folio.wasm"))
}

/// Flags that shorten the source paths the wasm carries (a panic's
/// location names its file) to the crate's own: `leptos-0.8.23/src/…`, not
/// `/root/.cargo/registry/src/index.crates.io-…/leptos-0.8.23/src/…`, and
/// `core/src/…` for the standard library's. A few kilobytes less, and the
/// same bytes on every machine, whatever its home folder, so the size
/// budgets hold anywhere.
fn remap_paths() -> String {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let Some(registry) = home.map(|h| h.join("registry/src")) else { return String::new() };
    let mut flags = String::new();
    // The standard library's, as its build named them.
    let commit = crate::tools::output("rustc", &["-vV"])
        .and_then(|v| v.lines().find_map(|l| l.strip_prefix("commit-hash: ").map(str::to_owned)));
    if let Some(commit) = commit {
        flags.push_str(&format!(" --remap-path-prefix=/rustc/{}/library/=", commit.trim()));
    }
    for index in fs::read_dir_if_present(&registry).ok().flatten().unwrap_or_default() {
        let path = index.path();
        if let Some(p) = path.to_str().filter(|p| !p.contains(' ')) {
            flags.push_str(&format!(" --remap-path-prefix={p}/="));
        }
    }
    flags
}

/// Splits `wasm` into `parts`: `main_split.wasm`, the chunks and
/// `__wasm_split.js`. Returns each split point's chunk files.
fn split(wasm: &Path, parts: &Path) -> Result<BTreeMap<String, Vec<String>>> {
    let input = fs::read(wasm)?;
    let main = parts.join("main_split.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&input);
    opts.output_dir = parts;
    opts.main_out_path = &main;
    opts.link_name = "./__wasm_split.js";
    opts.main_module = "./main.js";
    let out = wasm_split_cli_support::transform(opts)
        .map_err(|e| Error::other(format!("splitting {}: {e:#}", wasm.display())))?;
    Ok(out.prefetch_map.into_iter().collect())
}

/// Lets the split loader take a chunk that the page began to compile
/// (the loader script of [`with_loader`] compiles the chunks a page
/// preloads, `data-chunk`, while the main module compiles), instead of
/// compiling it only once the app asks for it: on a timeline, the chunks'
/// compile then overlaps the main module's, not follows it. Each early
/// compile is taken once; a retry after a failure fetches anew.
fn compile_early(loader: &Path) -> Result {
    const FETCH: &str = "const src = fetch(new URL(";
    const INSTANTIATE: &str = "WebAssembly.instantiateStreaming(src, imports)";
    const HELPERS: &str =
        "const folioCompile = (url) => { const early = globalThis.folioChunks, p = early && early[url.href]; \
        if (p) { delete early[url.href]; return p; } return WebAssembly.compileStreaming(fetch(url)); };\n\
        const folioInstantiate = async (compiled, imports) => WebAssembly.instantiate(await compiled, imports);\n";
    let js = fs::read_to_string(loader)?;
    let (fetches, instances) = (js.matches(FETCH).count(), js.matches(INSTANTIATE).count());
    if fetches == 0 || fetches != instances {
        return fail!(
            "{}: {fetches} × `{FETCH}` and {instances} × `{INSTANTIATE}`: wasm_split_cli_support's loader changed",
            loader.display()
        );
    }
    let js =
        js.replace(FETCH, "const src = folioCompile(new URL(").replace(INSTANTIATE, "folioInstantiate(src, imports)");
    // After the import line, which must stay first.
    let at = js.find('\n').map_or(0, |i| i + 1);
    fs::write(loader, format!("{}{HELPERS}{}", &js[..at], &js[at..]))
}

/// wasm-bindgen over the main module: `main.js` and `main_bg.wasm`. The
/// linker's exports stay: the chunks import the main module's functions
/// through them.
fn bindgen(parts: &Path) -> Result {
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript", "--out-name", "main"])
        .arg("--out-dir")
        .arg(parts)
        .arg(parts.join("main_split.wasm")))
}

/// wasm-opt's passes, each measured on the main module (brotli, see
/// `docs/decisions.md`, "Lists, figures and notes in the main module"):
/// `-Os` leaves code that compresses better than `-Oz`'s (more bytes,
/// fewer after brotli); `--low-memory-unused` lets it fold constant
/// offsets into loads and stores, which is sound because Rust's wasm
/// places the stack first, so the lowest kilobyte is the bottom of a
/// megabyte of stack, never data; `--converge` runs the passes until they
/// stop finding anything.
const WASM_OPT: [&str; 3] = ["-Os", "--low-memory-unused", "--converge"];

/// wasm-opt with [`WASM_OPT`], in place (binaryen from npm, see
/// `tools.rs`). With `FOLIO_WASM_NAMES=1` the files keep their functions'
/// names (`-g`), for `twiggy top` to say what is in each (the sizes then
/// include the names).
fn optimise(file: &Path) -> Result {
    let mut opt = Command::new("wasm-opt");
    opt.args(WASM_OPT).arg(file).arg("-o").arg(file).env("PATH", path_with_tools());
    if std::env::var_os("FOLIO_WASM_NAMES").is_some_and(|v| v == "1") {
        opt.arg("-g");
    }
    run(&mut opt)
}

/// terser over a module, in place: wasm-bindgen's JavaScript is 65 KB as
/// written and 30 KB minified (8.8 → 7.0 KB of brotli), on every page's
/// critical path. Exports keep their names: the wasm imports them.
fn minify(file: &Path) -> Result {
    terser(file, &["--module"])
}

/// terser over `file`, in place, with `flags` before its own.
fn terser(file: &Path, flags: &[&str]) -> Result {
    run(Command::new("terser")
        .arg(file)
        .args(flags)
        .args(["--compress", "--mangle", "--output"])
        .arg(file)
        .env("PATH", path_with_tools()))
}

/// The first 16 hex digits of the SHA-256 of `files` (names and bytes).
fn hash_files(dir: &Path, files: &[String]) -> Result<String> {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    for f in files {
        h.update(f.as_bytes());
        h.update(fs::read(dir.join(f))?);
    }
    Ok(h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect())
}

/// The app's loader, `boot.js` in the code folder: it starts compiling
/// the chunks the page preloads ([`compile_early`]), then the main module;
/// its `folio-started` event hands the benchmark the wasm instance (its
/// memory). A file, not an inline script: inline, its 400 bytes were in
/// every page (24 for an article: 10 KB of each article's share of a
/// deploy) and its hash in every page's policy; as a file it is fetched
/// once, beside `main.js`, and cached with the code. Its paths are
/// relative to itself, so it names no folder and the folder's hash
/// covers it.
const BOOT: &str = "import init from './main.js';\
for(const l of document.querySelectorAll('link[data-chunk]'))\
if(!l.media||matchMedia(l.media).matches)((globalThis.folioChunks??={})[l.href]=\
WebAssembly.compileStreaming(fetch(l.href))).catch(()=>{});\
init({module_or_path:new URL('main_bg.wasm',import.meta.url)})\
.then(wasm=>dispatchEvent(new CustomEvent('folio-started',{detail:{wasm}})))\n";

/// The loader's file name in the code folder.
pub const BOOT_FILE: &str = "boot.js";

/// `html` with Trunk's skipped rust link replaced by the preloads of the
/// main module and the app's loader ([`BOOT`]), the page's one module
/// script.
fn with_loader(file: &Path, html: &str, dir: &str) -> Result<String> {
    let Some(start) = html
        .match_indices("<link")
        .map(|(i, _)| i)
        .find(|&i| html[i..].split('>').next().is_some_and(|tag| tag.contains("data-trunk-skip")))
    else {
        return fail!("{}: no <link data-trunk rel=rust data-trunk-skip> for the app's loader", file.display());
    };
    let end = start + html[start..].find('>').map_or(0, |i| i + 1);
    let loader = format!(
        "<link rel=modulepreload href=./{dir}/main.js crossorigin>\
         <link rel=modulepreload href=./{dir}/__wasm_split.js crossorigin>\
         <link rel=preload href=./{dir}/main_bg.wasm as=fetch crossorigin>\
         <script type=module src=./{dir}/{BOOT_FILE}></script>"
    );
    Ok(format!("{}{loader}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skipped_link_becomes_the_loader() {
        let html = "<head><link data-trunk data-trunk-skip rel=rust><template data-folio=links></template></head>";
        let out = with_loader(Path::new("index.html"), html, "app-0123").unwrap();
        assert!(out.starts_with("<head><link rel=modulepreload href=./app-0123/main.js crossorigin>"), "{out}");
        assert!(
            out.ends_with(
                "<script type=module src=./app-0123/boot.js></script><template data-folio=links></template></head>"
            ),
            "{out}"
        );
        assert!(with_loader(Path::new("index.html"), "<head></head>", "app-0").is_err());
    }

    #[test]
    fn preloads_name_every_file_of_a_split_point_and_only_known_ones() {
        let m = AppFiles {
            dir: "app-1".into(),
            chunks: BTreeMap::from([("timeline".into(), vec!["chunk_0".into(), "split_timeline_1".into()])]),
        };
        let m = AppFiles {
            chunks: m
                .chunks
                .into_iter()
                .chain([("list".to_owned(), vec!["chunk_0".into(), "split_list".into()])])
                .collect(),
            ..m
        };
        assert_eq!(
            m.preloads(&[("timeline", None), ("list", Some("(max-width: 699px)"))]).unwrap(),
            "<link rel=preload href=app-1/chunk_0.wasm as=fetch crossorigin data-chunk>\
             <link rel=preload href=app-1/split_timeline_1.wasm as=fetch crossorigin data-chunk>\
             <link rel=preload href=app-1/split_list.wasm as=fetch crossorigin data-chunk media=\"(max-width: 699px)\">",
            "each file once, the shared one without the list's media query"
        );
        assert!(m.preloads(&[("embed", None)]).unwrap_err().to_string().contains("no split point \"embed\""));
    }
}
