//! The committed budgets (`budgets.json`): sizes that every change must
//! keep, checked by `cargo xtask test`. Sizes are deterministic, so they
//! are checked on every run; times are the bench's, as same-run ratios.
//!
//! The app's files and the critical paths of cold visits are checked in
//! the browser, as the bench measures them (`e2e/budgets.test.js`); the
//! archive bundle the test command builds is checked here. A figure over
//! its budget fails with both side by side and the file's name. Raising a
//! budget is a commit that changes `budgets.json` and says why in
//! `docs/decisions.md`.

use crate::scale::{Archive, Sizes};
use crate::{fail, fs, root, Result};
use std::collections::BTreeMap;

/// The budget file, at the workspace root.
pub const FILE: &str = "budgets.json";

/// `budgets.json`, as far as this side reads it.
#[derive(serde::Deserialize)]
struct Budgets {
    /// The app's files, brotli at quality 11 (its shared chunks, named by
    /// number, as one: "shared chunks").
    app: BTreeMap<String, u64>,
    /// The archive bundle of the test command (the shipped content and
    /// `test::SMOKE_SCALE` synthetic articles), in bytes.
    archive: BTreeMap<String, u64>,
}

/// `cargo xtask app`: builds the release app (Trunk, then the split wasm)
/// and prints each of its files' brotli bytes beside its budget, for a
/// change to the app's code to see what it costs without a whole `dist`.
pub fn app_command() -> Result {
    crate::tools::ensure_build_tools()?;
    let out = crate::trunk::trunk(true)?;
    let files = crate::app::AppFiles::read(&out)?;
    print_app(&out.join(&files.dir))
}

/// Prints the brotli size of each file of the app's code folder `code`
/// beside its budget (`e2e/budgets.test.js` is what fails on them).
pub fn print_app(code: &std::path::Path) -> Result {
    let budgets: Budgets = fs::read_json(root().join(FILE))?;
    let mut rows: Vec<(String, u64)> = Vec::new();
    let mut shared = 0;
    for entry in fs::read_dir_if_present(code)?.unwrap_or_default() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".wasm") || name.ends_with(".js")) {
            continue;
        }
        let size = crate::compress::brotli(&fs::read(entry.path())?, 11).len() as u64;
        if name.starts_with("chunk_") {
            shared += size;
        } else {
            rows.push((name, size));
        }
    }
    rows.sort();
    rows.push(("shared chunks".to_owned(), shared));
    for (name, size) in rows {
        let budget =
            budgets.app.get(&name).map_or("no budget".to_owned(), |b| format!("budget {:.1} KB", *b as f64 / 1024.0));
        let mark = if budgets.app.get(&name).is_some_and(|b| size > *b) { "  OVER" } else { "" };
        println!("{name:28} {size:>8} B {:>8.1} KB  {budget}{mark}", size as f64 / 1024.0);
    }
    Ok(())
}

/// A figure against its budget.
pub struct Figure<'a> {
    pub name: &'a str,
    pub value: u64,
    /// What the figure is of, for the message (the file, the view).
    pub detail: String,
}

/// Fails, naming every figure over its budget (the file's `section.name`).
pub fn check(section: &str, budgets: &BTreeMap<String, u64>, figures: &[Figure]) -> Result {
    let mut over = Vec::new();
    for f in figures {
        let Some(&budget) = budgets.get(f.name) else {
            return fail!("{FILE} has no budget \"{section}\".\"{}\"", f.name);
        };
        let line = format!(
            "{section} / {}: {} B ({:.1} KB{}), budget {} B ({:.1} KB)",
            f.name,
            crate::parallel::thousands(f.value as usize),
            f.value as f64 / 1024.0,
            if f.detail.is_empty() { String::new() } else { format!(", {}", f.detail) },
            crate::parallel::thousands(budget as usize),
            budget as f64 / 1024.0
        );
        if f.value > budget {
            over.push(line);
        } else {
            println!("xtask: budget met: {line}");
        }
    }
    if over.is_empty() {
        return Ok(());
    }
    fail!(
        "over budget:\n  {}\n(the budgets are in {FILE}; raising one is a commit that changes it and says why in docs/decisions.md)",
        over.join("\n  ")
    )
}

/// The archive bundle's budgets: its bytes per article (without the
/// pre-compressed copies, which a host may or may not use), and its
/// largest HTML and content JSON files.
pub fn check_archive(archive: &Archive) -> Result {
    let budgets: Budgets = fs::read_json(root().join(FILE))?;
    let shipped = crate::scale::walk_sizes(&root().join("dist"))?;
    let Sizes { total, html, json, .. } = crate::scale::walk_sizes(&archive.dist)?;
    let per_article = total.saturating_sub(shipped.total) / archive.n as u64;
    check(
        "archive",
        &budgets.archive,
        &[
            Figure {
                name: "bytes per article",
                value: per_article,
                detail: format!("{} synthetic articles", archive.n),
            },
            Figure { name: "largest HTML", value: html.0, detail: html.1 },
            Figure { name: "largest content JSON", value: json.0, detail: json.1 },
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_over_its_budget_fails_with_both_and_the_file() {
        let budgets = BTreeMap::from([("bytes per article".to_owned(), 1000)]);
        let at = |value| [Figure { name: "bytes per article", value, detail: "60 articles".into() }];
        assert!(check("archive", &budgets, &at(1000)).is_ok());
        let e = check("archive", &budgets, &at(1001)).unwrap_err().to_string();
        assert!(
            e.contains("archive / bytes per article: 1,001 B (1.0 KB, 60 articles), budget 1,000 B (1.0 KB)"),
            "{e}"
        );
        assert!(e.contains("budgets.json") && e.contains("docs/decisions.md"), "{e}");
        let missing = [Figure { name: "largest HTML", value: 1, detail: String::new() }];
        assert!(check("archive", &budgets, &missing).unwrap_err().to_string().contains("no budget"));
    }

    /// Every figure either side reads has a budget.
    #[test]
    fn the_committed_file_reads() {
        let b: Budgets = fs::read_json(root().join(FILE)).unwrap();
        for name in ["bytes per article", "largest HTML", "largest content JSON"] {
            assert!(b.archive.contains_key(name), "{name}");
        }
        assert!(b.app.contains_key("main_bg.wasm") && b.app.contains_key("shared chunks"));
    }
}
