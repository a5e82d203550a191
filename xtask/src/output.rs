//! Writing a bundle incrementally, on every core.
//!
//! An archive's bundle holds hundreds of thousands of files, and a rebuild
//! after one article changed must not rewrite them all: a host that syncs
//! `dist/` (rsync, `aws s3 sync`) uploads what changed, and a disk that is
//! not written is not slow. So [`Output`] compares each file with what is
//! there and writes only new bytes, and at the end removes what the build
//! no longer produces (an article taken down), walking folders on every
//! core ([`crate::parallel`]).

use crate::parallel::{parallel, parallel_map};
use crate::{compress, fs, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// A directory being (re)built. Every file the build produces goes through
/// [`Output::write`]; [`Output::finish`] removes the rest.
pub struct Output {
    root: PathBuf,
    /// Where the list of the files this build produced is kept, for the
    /// next build into the same folder (see [`Output::recorded`]).
    record: Option<PathBuf>,
    /// The files the last build into this folder produced, if it recorded
    /// them and finished.
    earlier: Option<String>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    bytes: AtomicUsize,
    produced: Mutex<HashSet<PathBuf>>,
}

/// What a build did to its directory.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Files whose bytes were new or changed.
    pub written: usize,
    /// Files that already held these bytes and were left alone.
    pub unchanged: usize,
    /// Files of an earlier build that this one no longer produces.
    pub removed: usize,
    /// The size of every file produced.
    pub bytes: usize,
}

impl Output {
    /// An output that finds what an earlier build left by walking `root`.
    pub fn new(root: &Path) -> Result<Output> {
        Output::with_record(root, None)
    }

    /// An output that keeps the list of what it produced at `record`, and
    /// finds what the last build into `root` left from that list instead
    /// of walking the folder: an archive's bundle is a quarter of a million
    /// folders, and listing them took about 5 s of a one-article rebuild at
    /// 10,000 articles (as long as rendering its changed routes and
    /// checking the rest together). The list is taken away while the build
    /// runs, so one that fails leaves none, and the next build walks.
    /// Like the render cache, it trusts that nobody else writes into
    /// `dist/`: delete `dist/` (or the list) after doing so.
    pub fn recorded(root: &Path, record: PathBuf) -> Result<Output> {
        Output::with_record(root, Some(record))
    }

    fn with_record(root: &Path, record: Option<PathBuf>) -> Result<Output> {
        fs::create_dir_all(root)?;
        let earlier = record.as_ref().and_then(|r| {
            let list = std::fs::read_to_string(r).ok();
            let _ = std::fs::remove_file(r);
            list
        });
        Ok(Output {
            root: root.to_path_buf(),
            record,
            earlier,
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            bytes: AtomicUsize::new(0),
            produced: Mutex::new(HashSet::new()),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Writes `bytes` at `rel` (a path inside the root, with `/`), unless
    /// the file already holds exactly them.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result {
        let path = self.root.join(rel.trim_start_matches('/'));
        self.bytes.fetch_add(bytes.len(), Ordering::Relaxed);
        // Reading first costs less than writing: most files of a rebuild
        // are unchanged, and a write would also touch their mtime.
        let same = std::fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64)
            && std::fs::read(&path).is_ok_and(|old| old == bytes);
        if same {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
        } else {
            fs::write_creating(&path, bytes)?;
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        self.produced.lock().expect("no writer panicked").insert(path.clone());
        self.write_copies(&path, rel, bytes, same)
    }

    /// The file's pre-compressed copies ([`compress`]): made again only
    /// when its bytes changed, or a copy is missing, since brotli at its
    /// best is the slowest step of a file's write.
    fn write_copies(&self, path: &Path, rel: &str, bytes: &[u8], same: bool) -> Result {
        let copy_path = |suffix: &str| compress::copy_path(path, suffix);
        if same && compress::SUFFIXES.iter().all(|s| copy_path(s).exists()) {
            compress::SUFFIXES.iter().for_each(|s| {
                self.keep_path(copy_path(s));
            });
            return Ok(());
        }
        for (suffix, copy) in compress::copies(rel, bytes) {
            let p = copy_path(suffix);
            self.bytes.fetch_add(copy.len(), Ordering::Relaxed);
            fs::write_creating(&p, &copy)?;
            self.written.fetch_add(1, Ordering::Relaxed);
            self.produced.lock().expect("no writer panicked").insert(p);
        }
        Ok(())
    }

    /// Counts the file at `path` as produced and unchanged, if it is there.
    fn keep_path(&self, path: PathBuf) -> bool {
        let Ok(meta) = std::fs::metadata(&path) else { return false };
        self.bytes.fetch_add(meta.len() as usize, Ordering::Relaxed);
        self.unchanged.fetch_add(1, Ordering::Relaxed);
        self.produced.lock().expect("no writer panicked").insert(path);
        true
    }

    /// Counts `rel` as produced and unchanged without reading it: the
    /// caller knows its inputs did not change since it was written (see
    /// `stamps::Stamps`). `false` if the file is not there.
    /// Its pre-compressed copies are kept with it.
    pub fn keep(&self, rel: &str) -> bool {
        let path = self.root.join(rel.trim_start_matches('/'));
        if !self.keep_path(path.clone()) {
            return false;
        }
        for suffix in compress::SUFFIXES {
            self.keep_path(compress::copy_path(&path, suffix));
        }
        true
    }

    /// Copies every file under `from` to the same place under `to` (a
    /// path inside the root), through [`Output::write`], but those whose
    /// path under `from` `skip` names (the build writes them itself).
    pub fn copy_dir(&self, from: &Path, to: &str, skip: impl Fn(&str) -> bool + Sync) -> Result {
        let mut files = Vec::new();
        walk(from, &mut files)?;
        let files: Vec<(PathBuf, String)> = files
            .into_iter()
            .map(|f| {
                let rel = f.strip_prefix(from).expect("walked from here").to_string_lossy().replace('\\', "/");
                (f, rel)
            })
            .filter(|(_, rel)| !skip(rel))
            .collect();
        parallel(&files, "files copied", |(file, rel)| {
            let dest = if to.is_empty() { rel.clone() } else { format!("{}/{rel}", to.trim_end_matches('/')) };
            self.write(&dest, &fs::read(file)?)
        })
    }

    /// Removes the files no write produced, and the directories left empty;
    /// records what it produced, if it keeps a record.
    pub fn finish(self) -> Result<Stats> {
        let produced = self.produced.into_inner().expect("no writer panicked");
        let mut all = Vec::new();
        match &self.earlier {
            Some(list) => all.extend(list.lines().map(|rel| self.root.join(rel))),
            None => walk(&self.root, &mut all)?,
        }
        let mut removed = 0;
        for file in all.into_iter().filter(|f| !produced.contains(f)) {
            // A file the list names may be gone already (`dist/` deleted).
            if !fs::remove_file_if_present(&file)? {
                continue;
            }
            removed += 1;
            let mut dir = file.parent();
            while let Some(d) = dir.filter(|d| *d != self.root) {
                // Fails (and stops) at the first directory that still holds files.
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
        if let Some(record) = &self.record {
            let rels: Vec<String> = produced
                .iter()
                .filter_map(|f| f.strip_prefix(&self.root).ok())
                .map(|rel| rel.to_string_lossy().replace('\\', "/") + "\n")
                .collect();
            fs::write_creating(record, rels.concat())?;
        }
        Ok(Stats {
            written: self.written.into_inner(),
            unchanged: self.unchanged.into_inner(),
            removed,
            bytes: self.bytes.into_inner(),
        })
    }
}

/// Every file under `dir`, in no particular order (none if it is missing).
///
/// Level by level, each level's folders listed on every core: an
/// archive's bundle is a quarter of a million folders (a route is a
/// folder), and listing them one after the other was a third of the
/// rebuild after a one-article edit at 10,000 articles.
pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let mut level = vec![dir.to_path_buf()];
    while !level.is_empty() {
        let listed = parallel_map(&level, |d| {
            let (mut files, mut dirs) = (Vec::new(), Vec::new());
            for e in fs::read_dir_if_present(d)?.unwrap_or_default() {
                if fs::is_dir(&e)? {
                    dirs.push(e.path());
                } else {
                    files.push(e.path());
                }
            }
            Ok((files, dirs))
        })?;
        level = Vec::new();
        for (files, dirs) in listed {
            out.extend(files);
            level.extend(dirs);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("folio-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_rebuild_writes_only_what_changed_and_removes_what_is_gone() {
        let dir = scratch("rebuild");
        let out = Output::new(&dir).unwrap();
        for (rel, text) in [("a/index.html", "one"), ("b/index.html", "two"), ("gone/x/index.html", "old")] {
            out.write(rel, text.as_bytes()).unwrap();
        }
        assert_eq!(out.finish().unwrap(), Stats { written: 3, unchanged: 0, removed: 0, bytes: 9 });
        let mtime = |rel: &str| std::fs::metadata(dir.join(rel)).unwrap().modified().unwrap();
        let before = mtime("a/index.html");

        let out = Output::new(&dir).unwrap();
        out.write("a/index.html", b"one").unwrap();
        out.write("b/index.html", b"TWO").unwrap();
        let stats = out.finish().unwrap();
        assert_eq!((stats.written, stats.unchanged, stats.removed), (1, 1, 1));
        assert_eq!(mtime("a/index.html"), before, "an unchanged file is not touched");
        assert_eq!(std::fs::read_to_string(dir.join("b/index.html")).unwrap(), "TWO");
        assert!(!dir.join("gone").exists(), "the emptied directories go too");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_recorded_rebuild_removes_what_the_last_one_made_without_walking() {
        let dir = scratch("recorded");
        let record = scratch("recorded-list");
        let out = Output::recorded(&dir, record.clone()).unwrap();
        for rel in ["a/index.html", "b/index.html", "gone/x/index.html"] {
            out.write(rel, b"page").unwrap();
        }
        out.finish().unwrap();
        let mut listed: Vec<String> = std::fs::read_to_string(&record).unwrap().lines().map(String::from).collect();
        listed.sort();
        assert_eq!(listed, ["a/index.html", "b/index.html", "gone/x/index.html"]);
        // Not made by a build: the list does not name it, so it stays.
        std::fs::write(dir.join("by-hand.txt"), "x").unwrap();

        let out = Output::recorded(&dir, record.clone()).unwrap();
        assert!(!record.exists(), "a build that fails from here leaves no list, and the next one walks");
        out.write("a/index.html", b"page").unwrap();
        assert_eq!(out.finish().unwrap().removed, 2);
        assert!(!dir.join("b").exists() && !dir.join("gone").exists());
        assert!(dir.join("by-hand.txt").exists() && dir.join("a/index.html").exists());

        // The bundle deleted: what the list names is not there, and no error.
        std::fs::remove_dir_all(&dir).unwrap();
        let out = Output::recorded(&dir, record.clone()).unwrap();
        out.write("c/index.html", b"page").unwrap();
        assert_eq!(out.finish().unwrap().removed, 0);
        assert_eq!(std::fs::read_to_string(&record).unwrap(), "c/index.html\n");

        // No list (the last build failed): a walk finds the stray file.
        std::fs::remove_file(&record).unwrap();
        std::fs::write(dir.join("by-hand.txt"), "x").unwrap();
        let out = Output::recorded(&dir, record.clone()).unwrap();
        out.write("c/index.html", b"page").unwrap();
        assert_eq!(out.finish().unwrap().removed, 1);
        std::fs::remove_dir_all(dir).unwrap();
        std::fs::remove_file(record).unwrap();
    }

    #[test]
    fn compressed_copies_follow_their_file_and_are_not_made_again_when_it_is_unchanged() {
        let dir = scratch("copies");
        let page = "<p>The Kuril Islands</p>".repeat(100);
        let out = Output::new(&dir).unwrap();
        out.write("a/index.html", page.as_bytes()).unwrap();
        out.write("tiny.json", b"{}").unwrap();
        assert_eq!(out.finish().unwrap().written, 4, "the page, its .br and .gz, and the tiny file alone");
        assert!(dir.join("a/index.html.br").exists() && dir.join("a/index.html.gz").exists());
        assert!(!dir.join("tiny.json.br").exists());
        let mtime = |rel: &str| std::fs::metadata(dir.join(rel)).unwrap().modified().unwrap();
        let before = mtime("a/index.html.br");

        let out = Output::new(&dir).unwrap();
        out.write("a/index.html", page.as_bytes()).unwrap();
        let stats = out.finish().unwrap();
        assert_eq!((stats.written, stats.unchanged, stats.removed), (0, 3, 1));
        assert_eq!(mtime("a/index.html.br"), before, "an unchanged file's copy is not compressed again");

        let out = Output::new(&dir).unwrap();
        out.write("a/index.html", "<p>Changed</p>".repeat(100).as_bytes()).unwrap();
        assert_eq!(out.finish().unwrap().written, 3);
        let mut br = Vec::new();
        brotli::BrotliDecompress(&mut &std::fs::read(dir.join("a/index.html.br")).unwrap()[..], &mut br).unwrap();
        assert_eq!(br, "<p>Changed</p>".repeat(100).as_bytes(), "a changed file's copy is its new bytes");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn walk_finds_every_file_at_every_depth_and_nothing_in_a_missing_folder() {
        let dir = scratch("walk");
        let rels = ["index.html", "a/index.html", "a/2/index.html", "a/2/3/4/index.html.br", "b/c.json"];
        for rel in rels {
            fs::write_creating(dir.join(rel), b"x").unwrap();
        }
        std::fs::create_dir_all(dir.join("empty/deeper")).unwrap();
        let mut found = Vec::new();
        walk(&dir, &mut found).unwrap();
        let mut found: Vec<String> =
            found.iter().map(|f| f.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/")).collect();
        found.sort();
        let mut want: Vec<String> = rels.iter().map(|r| r.to_string()).collect();
        want.sort();
        assert_eq!(found, want);
        let mut none = Vec::new();
        walk(&dir.join("missing"), &mut none).unwrap();
        assert!(none.is_empty());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
