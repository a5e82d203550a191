//! `cargo xtask bench --against REV [--smoke]`: a same-run A/B of the
//! working tree (the candidate) against a git revision (the base).
//!
//! REV is checked out into a git worktree, `target/ab/REV`, and built by
//! that revision's own `cargo xtask dist`, into the worktree's `dist/`,
//! with its cargo output in the worktree's own `target/` so that it
//! leaves ours alone (the first build there compiles everything; a later
//! one of the same worktree reuses it). The working tree is built into `dist/` as `cargo xtask dist`
//! does. Both are served, and `bench/ab.mjs` measures them alternating in
//! one run, with the bench's own measuring code: home first paint, the
//! article's cold load, page turns and language switches, the timeline's
//! ready, zoom and selection; and the size of each wasm, raw and brotli.
//!
//! It prints a table of base and candidate medians and their ratios and
//! writes it to `bench/ab.md`; `--smoke` measures each thing once and
//! writes to `target/ab/ab.md` instead. Ratios are read, not checked:
//! nothing fails on a figure.

use crate::server::Server;
use crate::tools::{ensure_all_tools, npm_ci, output, run};
use crate::{dist, fs, root, Error, Result};
use std::path::Path;
use std::process::Command;

pub fn against(rev: &str, smoke: bool) -> Result {
    ensure_all_tools()?;
    let commit = git(&["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")])
        .ok_or_else(|| Error::usage(format!("--against {rev:?}: not a git revision of {}", root().display())))?;
    let work = root().join("target/ab");
    let tree = work.join(folder_name(rev));
    checkout(&tree, &commit)?;

    // Listening first, so each bundle's oEmbed files name its own address.
    let base_dist = tree.join("dist");
    let base = Server::start(&base_dist, 0)?;
    let candidate = Server::start(&root().join("dist"), 0)?;
    let (base_url, candidate_url) = (format!("http://{}", base.addr()), format!("http://{}", candidate.addr()));
    println!("\n=== bench --against {rev}: the base, {commit:.10}, in {}", tree.display());
    run(Command::new("cargo")
        .args(["xtask", "dist"])
        .current_dir(&tree)
        // The tree's own: cargo tells fresh from stale by modification
        // times, and a tree made earlier than another revision's build has
        // sources older than that build's records; with one target for
        // every revision, it took the other's model crate as fresh.
        .env("CARGO_TARGET_DIR", tree.join("target"))
        .env("FOLIO_SITE_URL", format!("{base_url}/")))?;
    println!("\n=== bench --against {rev}: the candidate, the working tree");
    std::env::set_var("FOLIO_SITE_URL", format!("{candidate_url}/"));
    let candidate_dist = dist::build(true)?;

    let bench = root().join("bench");
    npm_ci(&bench)?;
    let out = if smoke { work.join("ab.md") } else { bench.join("ab.md") };
    let dirty = git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    let head = git(&["rev-parse", "--short=10", "HEAD"]).unwrap_or_default();
    run(Command::new("node")
        .arg("ab.mjs")
        .current_dir(&bench)
        .env("BASE_URL", &base_url)
        .env("CANDIDATE_URL", &candidate_url)
        .env("BASE_DIST", &base_dist)
        .env("CANDIDATE_DIST", &candidate_dist)
        .env("BASE_NAME", format!("{rev} ({commit:.10})"))
        .env("CANDIDATE_NAME", format!("the working tree ({head}{})", if dirty { " with changes" } else { "" }))
        .env("LOADS", if smoke { "1" } else { "15" })
        .env("OUT", &out))?;
    println!("xtask: the A/B is in {}", out.display());
    Ok(())
}

/// `git` in the workspace: its trimmed output, or `None` if it fails.
fn git(args: &[&str]) -> Option<String> {
    let root = root();
    let mut all = vec!["-C", root.to_str()?];
    all.extend(args);
    output("git", &all).map(|s| s.trim().to_owned())
}

/// A revision as a folder name: `HEAD~2` → `HEAD-2`.
fn folder_name(rev: &str) -> String {
    rev.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' { c } else { '-' }).collect()
}

/// `tree` as a worktree detached at `commit`: added, or moved there if it
/// is one already (keeping its `dist/`, its Trunk output and its npm tools,
/// which git ignores, so a second run rebuilds only what changed).
fn checkout(tree: &Path, commit: &str) -> Result {
    let git_in = |dir: &Path| {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(dir);
        cmd
    };
    if tree.join(".git").exists() {
        run(git_in(tree).args(["checkout", "--quiet", "--detach", commit]))
    } else {
        // A folder left by a worktree that git no longer knows.
        fs::remove_dir_all_if_present(tree)?;
        run(git_in(&root()).args(["worktree", "prune"]))?;
        fs::create_dir_all(tree.parent().expect("under target/ab"))?;
        run(git_in(&root()).args(["worktree", "add", "--detach"]).arg(tree).arg(commit))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_revision_is_a_folder_name() {
        assert_eq!(super::folder_name("HEAD"), "HEAD");
        assert_eq!(super::folder_name("8471f3b"), "8471f3b");
        assert_eq!(super::folder_name("origin/main~2"), "origin-main-2");
    }
}
