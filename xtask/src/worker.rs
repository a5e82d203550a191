//! The offline worker's file: `static/sw.js` with this deploy's build
//! filled in (its version, code folder and shell, and where dist lists
//! what a page needs offline beyond itself) and its comments taken out.

use crate::stamps::digest;
use crate::{fail, fs, Result};
use std::path::Path;

/// The offline worker, at the bundle root so that its scope is the bundle.
pub const WORKER: &str = "sw.js";

/// The page the worker stands in with for a page it has no copy of.
pub const OFFLINE_PAGE: &str = "offline.html";

/// The app's code folder (`app-{hash}`), named by its manifest.
pub fn code_dir(app: &Path) -> Result<String> {
    Ok(crate::app::AppFiles::read(app)?.dir)
}

/// `static/sw.js` with this deploy's `BUILD`: its version, the code
/// folder's name (which changes with any change to the code, so the
/// browser sees a new worker exactly when there is new code), and the
/// shell it saves on install: the code folder, the stylesheet, `prefs.js`,
/// the icon and [`OFFLINE_PAGE`].
pub fn worker(app: &Path, dir: &str) -> Result<Vec<u8>> {
    const SLOT: &str = "/*folio-build*/ { version: 'dev', code: 'app', shell: [], needs: 'content/derived/offline/' }";
    let source = fs::read_to_string(app.join(WORKER))?;
    let Some(at) = source.find(SLOT) else {
        return fail!("{}: its BUILD placeholder is missing", app.join(WORKER).display());
    };
    let mut shell = Vec::new();
    crate::output::walk(&app.join(dir), &mut shell)?;
    let mut shell: Vec<String> = shell
        .iter()
        .map(|f| f.strip_prefix(app).expect("walked from here").to_string_lossy().replace('\\', "/"))
        .collect();
    for e in fs::read_dir_if_present(app)?.unwrap_or_default() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("main-") && name.ends_with(".css") {
            shell.push(name);
        }
    }
    shell.extend(["prefs.js", "favicon.svg", OFFLINE_PAGE].map(String::from));
    shell.sort();
    // The version names the caches: any change to the shell's files
    // (their names are hashed) is a new one.
    let version = &digest(&shell.iter().map(String::as_str).collect::<Vec<_>>())[..12];
    // Where dist lists what a page needs offline beyond itself.
    let needs = format!("content/{}/", folio_model::files::OFFLINE);
    let build = serde_json::json!({ "version": version, "code": dir, "shell": shell, "needs": needs });
    let filled = format!("{}{build}{}", &source[..at], &source[at + SLOT.len()..]);
    Ok(without_comments(&filled).into_bytes())
}

/// `sw.js` without its comments (whole-line `//` ones and `/* … */` blocks
/// that begin a line) and blank lines: its source explains itself at
/// length, which no reader's browser needs. Not a minifier: code is left
/// exactly as written, so nothing inside a string or a regex can be cut.
fn without_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut in_block = false;
    for line in js.lines() {
        let t = line.trim_start();
        if in_block {
            in_block = !t.contains("*/");
            continue;
        }
        if t.starts_with("/*") && !t.starts_with("/*folio") {
            in_block = !t.contains("*/");
            continue;
        }
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_ships_without_its_comments_and_its_code_as_written() {
        let js = "/* Folio's worker:\n * why.\n */\n'use strict';\n// a note\nvar re = /^a\\/b/; // kept\n\n  /* one line */\nvar s = '/* not a comment */';\n";
        assert_eq!(without_comments(js), "'use strict';\nvar re = /^a\\/b/; // kept\nvar s = '/* not a comment */';\n");
    }
}
