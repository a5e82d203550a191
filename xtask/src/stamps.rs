//! Render stamps: what each file of a bundle was last made from, so a
//! rebuild makes again only what changed.

use crate::parallel::thousands;
use crate::{fs, root, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// SHA-256 of the parts, each length-prefixed, in hex.
pub fn digest(parts: &[&str]) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    format!("{:x}", h.finalize())
}

/// What each route file of a bundle was last rendered from, so a rebuild
/// renders only the routes whose inputs changed: rendering, not writing,
/// is what costs (about 2 ms a route), and an archive has a quarter of a
/// million routes. Kept in `target/`, not in the bundle, which is
/// deployed; a missing or unreadable manifest renders everything.
///
/// A route's key is a digest of its address, its mode, the shell, the
/// xtask binary that renders it (which holds the components and their
/// markup) and its data's digest ([`Site::inputs`](crate::site::Site::inputs)). A file edited in
/// `dist/` by hand is not noticed: delete `dist/` to render all.
pub struct Stamps {
    file: PathBuf,
    old: HashMap<String, String>,
    new: std::sync::Mutex<HashMap<String, String>>,
}

impl Stamps {
    /// The record of `what` (routes, cards) for the bundle at `dist`.
    pub fn load(dist: &Path, what: &str) -> Stamps {
        let file = Stamps::path(dist, &format!("{what}.tsv"));
        let old = std::fs::read_to_string(&file)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Stamps { file, old, new: Default::default() }
    }

    /// Where the build's record `name` for the bundle at `dist` is kept.
    pub fn path(dist: &Path, name: &str) -> PathBuf {
        let id = digest(&[&dist.to_string_lossy()]);
        root().join("target/dist-manifests").join(format!("{}-{name}", &id[..16]))
    }

    /// Whether `rel` was last rendered from `key`; records `key` either way.
    pub fn unchanged(&self, rel: &str, key: &str) -> bool {
        self.new.lock().expect("not poisoned").insert(rel.to_owned(), key.to_owned());
        self.old.get(rel).is_some_and(|k| k == key)
    }

    /// Saves the record, and says how much of the work (`done` of `total`
    /// `what`, "route files rendered") had new inputs.
    pub fn finish(self, done: usize, total: usize, what: &str) -> Result {
        self.save()?;
        println!("xtask: {} of {} {what}; the rest had the same inputs", thousands(done), thousands(total));
        Ok(())
    }

    /// Saves the record, saying nothing (a step that prints its own line).
    pub fn save(self) -> Result {
        let mut lines: Vec<String> =
            self.new.into_inner().expect("not poisoned").into_iter().map(|(k, v)| format!("{k}\t{v}\n")).collect();
        lines.sort();
        fs::write_creating(&self.file, lines.concat())
    }
}

/// What the renderer itself is: this binary, by size and time (hashing
/// it would cost more than it saves), so a change of components or
/// markup renders every route again.
pub fn renderer_id() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{} {:?}", m.len(), m.modified().ok()))
        .unwrap_or_default()
}
