//! Resized copies of the raster figures: each JPEG or PNG figure in the
//! content folder at the widths the app offers in its `<picture>`, as
//! lossy WebP and in the original's format.
//!
//! A photo straight from a camera is 3 to 7 MB at 4000 px or more, and a
//! phone's column shows 400 of them: without copies a reader downloads
//! ten times what the screen can show. The model decides which copies a
//! figure has and what they are called ([`folio_model::article::resized`],
//! [`folio_model::files::resized`]); the app offers those names, and this
//! module writes the files behind them, so the two cannot disagree.
//!
//! What must stay true:
//!
//! - The pixels come from the file, not from the figure's declared
//!   `width` and `height` (a publisher's guess, and the names' widths):
//!   a copy is never wider than the file (no upscaling: a copy the
//!   browser picks for its width would only be blurrier and larger), its
//!   height keeps the file's aspect, and a declared size of another shape
//!   is an error, since the page reserves that shape for the picture.
//! - A copy is made once per content: its key is the source's SHA-256,
//!   its width, its format and the encoder's settings, and its bytes are
//!   kept under that key in `target/` ([`CACHE`]). Making them is the
//!   costly part (a 9-megapixel photo's seven copies: 1.0 to 1.3 s on
//!   one core; a 20-megapixel one's, about 2.5 s, two thirds of it the
//!   full-width WebP),
//!   so a rebuild, an article's edit, a renamed file or a second article
//!   showing the same photo encodes nothing.
//! - A rebuild reads no figure and no copy it need not: a file's digest
//!   and size are remembered by its length and modification time (as
//!   `make` would), and a copy already in `dist/` from the same key is
//!   kept where it is ([`Stamps`], [`Output::keep`]).
//!
//! The work is one job per distinct source (by content), on every core;
//! a job decodes its source once, and scales it once for each width, a
//! narrow copy from a wider one ([`parent`]).

use crate::error::{Error, Result};
use crate::output::Output;
use crate::parallel::{parallel, parallel_map, thousands};
use crate::stamps::{digest, Stamps};
use crate::{fs, root};
use folio_model::article::{resized, Resized, RESIZED_WIDTHS};
use folio_model::{files, Article, Block, Figure};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

/// Where the encoded copies are kept between builds, by key, inside the
/// workspace: never in the bundle, which is deployed. Nothing prunes it;
/// deleting it costs one build that encodes everything again.
pub const CACHE: &str = "target/resized-figures";

/// libwebp's quality for the lossy copies: 75 is its own default and
/// `cwebp`'s. Measured on two photos, a WebP copy is 40 to 47% of the
/// bytes of the JPEG one at the same width.
const WEBP_QUALITY: f32 = 75.0;
/// libwebp's effort, 0 to 6: 4, its default.
const WEBP_METHOD: i32 = 4;
/// The JPEG copies' quality: 80, with 4:2:0 chroma (jpeg-encoder's below
/// 90), progressive and with optimised Huffman tables, for smaller files
/// that show early: a photo's three JPEG copies took 30 to 45 ms, a fifth
/// of its WebP ones at the same widths.
const JPEG_QUALITY: u8 = 80;
/// How much wider than a copy one of the model's widths must be for the
/// copy to be scaled from that one rather than from the source
/// ([`parent`]).
const CASCADE: f64 = 1.5;
/// Bumped when the code changes a copy's pixels or bytes in a way the
/// settings above do not say (a filter, a conversion): every key changes,
/// so every copy is made again.
const VERSION: u32 = 1;

/// What the bytes of a copy depend on besides its source, width and
/// format: part of every key.
fn settings() -> String {
    format!(
        "resize v{VERSION}: lanczos3 from {CASCADE}x wider, premultiplied alpha; \
         webp lossy q{WEBP_QUALITY} m{WEBP_METHOD}; jpeg q{JPEG_QUALITY} 4:2:0 progressive optimised; \
         png 8-bit adaptive default"
    )
}

/// What [`write_all`] did, for its line in dist's output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Copies written or kept (files in the bundle).
    pub copies: usize,
    /// Distinct source files.
    pub files: usize,
    /// The copies' size.
    pub bytes: usize,
    /// Encodings this run made (one can serve more than one copy: two
    /// paths to the same bytes, or a file narrower than two widths).
    pub encoded: usize,
    /// Copies whose bytes this run did not make: kept in the bundle, or
    /// read from [`CACHE`].
    pub from_cache: usize,
    pub seconds: f64,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "resized figures: {} copies of {} file(s), {:.1} MB, {:.1} s ({} encoded, {} from cache)",
            thousands(self.copies),
            thousands(self.files),
            self.bytes as f64 / 1e6,
            self.seconds,
            thousands(self.encoded),
            thousands(self.from_cache),
        )
    }
}

/// Writes every copy of every raster figure of `articles` (read from
/// `content`) into `out`, caching them in the workspace's [`CACHE`], and
/// prints what it did.
pub fn write_all(out: &Output, articles: &[Article], content: &Path) -> Result<Summary> {
    let summary = write_cached(out, articles, content, &root().join(CACHE))?;
    println!("xtask: {summary}");
    Ok(summary)
}

/// [`write_all`] with its cache in `cache`, printing nothing.
pub fn write_cached(out: &Output, articles: &[Article], content: &Path, cache: &Path) -> Result<Summary> {
    let start = Instant::now();
    let uses = uses(articles);
    // Every source's digest and size, on every core: on a rebuild each is
    // a look-up by the file's length and time, on a first build a read.
    let memo = Memo::load(cache, content);
    let paths: Vec<&str> = uses.keys().copied().collect();
    let probes = parallel_map(&paths, |path| memo.probe(&content.join(path), path))?;
    memo.save()?;
    let probes: HashMap<&str, Probe> = paths.iter().copied().zip(probes).collect();

    // Each copy's file in the bundle, its key and what makes it, by
    // figure path and then in the order of the articles, so the first
    // error is always the same one.
    let mut wanted: BTreeMap<String, Wanted> = BTreeMap::new();
    for (path, uses) in &uses {
        let probe = &probes[path];
        for u in uses {
            check_shape(u, path, probe, content)?;
            for copy in &u.copies {
                for (rel, format) in outputs(path, copy) {
                    let width = copy.width.min(probe.width);
                    let want = Wanted::new(path, probe, width, format);
                    match wanted.get(&rel) {
                        Some(w) if w.key != want.key => {
                            return Err(Error::other(format!(
                                "{} and {} both resize to {rel}: the copies of figures whose paths differ \
                                 only in their extension (or its case) share names; rename one of them",
                                files::in_bundle(w.path),
                                files::in_bundle(path),
                            )))
                        }
                        Some(_) => {}
                        None => {
                            wanted.insert(rel, want);
                        }
                    }
                }
            }
        }
    }

    // The copies still in the bundle from the same key stay, unread; the
    // rest are made, one job per source's content.
    let stamps = Stamps::load(out.root(), "resized");
    let bytes = AtomicUsize::new(0);
    let mut jobs: BTreeMap<&str, Job> = BTreeMap::new();
    let mut kept = 0;
    for (rel, want) in &wanted {
        if stamps.unchanged(rel, &want.key) && out.keep(rel) {
            let size = std::fs::metadata(out.root().join(rel)).map_or(0, |m| m.len() as usize);
            bytes.fetch_add(size, Ordering::Relaxed);
            kept += 1;
            continue;
        }
        let job = jobs.entry(&want.sha).or_insert_with(|| Job { path: want.path, copies: BTreeMap::new() });
        job.copies.entry((std::cmp::Reverse(want.width), want.format, &want.key)).or_default().push(rel);
    }
    let jobs: Vec<Job> = jobs.into_values().collect();
    let (encoded, from_cache) = (AtomicUsize::new(0), AtomicUsize::new(kept));
    let cache = Cache { dir: cache.to_path_buf() };
    parallel(&jobs, "figure files resized", |job| {
        // What the cache holds is written; the source is read and decoded
        // only if something is not there.
        let mut missing = Vec::new();
        for (copy @ &(_, format, key), rels) in &job.copies {
            match cache.get(key, format) {
                Some(made) => {
                    for rel in rels {
                        out.write(rel, &made)?;
                    }
                    bytes.fetch_add(made.len() * rels.len(), Ordering::Relaxed);
                    from_cache.fetch_add(rels.len(), Ordering::Relaxed);
                }
                None => missing.push((copy, rels)),
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        let source = Source::decode(&fs::read(content.join(job.path))?, job.path)?;
        let file_width = source.header.shown().0;
        // Each width scaled once, for both its formats and for the
        // narrower ones scaled from it.
        let mut scaled: HashMap<u32, Cow<Pixels>> = HashMap::new();
        for ((std::cmp::Reverse(width), format, key), rels) in missing {
            for w in chain(*width, file_width).into_iter().rev().chain([*width]) {
                if !scaled.contains_key(&w) {
                    let from = parent(w, file_width).map(|p| &*scaled[&p]);
                    let made = source.scaled(w, from).map_err(|e| job.error(e))?;
                    scaled.insert(w, made);
                }
            }
            let made = encode(&scaled[width], *format).map_err(|e| job.error(format!("{format:?}: {e}")))?;
            cache.put(key, *format, &made)?;
            encoded.fetch_add(1, Ordering::Relaxed);
            for rel in rels {
                out.write(rel, &made)?;
            }
            bytes.fetch_add(made.len() * rels.len(), Ordering::Relaxed);
        }
        Ok(())
    })?;
    stamps.save()?;
    Ok(Summary {
        copies: wanted.len(),
        files: uses.len(),
        bytes: bytes.into_inner(),
        encoded: encoded.into_inner(),
        from_cache: from_cache.into_inner(),
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// A raster figure's file where an article shows it, with its copies.
struct Use<'a> {
    article: &'a Article,
    /// "figure 2 (page 1, block 4)": which figure of the article.
    which: String,
    figure: &'a Figure,
    copies: Vec<Resized>,
}

/// Every raster figure file of the articles (the lead figure and those
/// between paragraphs, each language's file), by path; SVGs and remote
/// files have no copies and are not here.
fn uses(articles: &[Article]) -> BTreeMap<&str, Vec<Use<'_>>> {
    let mut by_path: BTreeMap<&str, Vec<Use>> = BTreeMap::new();
    for article in articles {
        let blocks = article.pages.iter().enumerate().flat_map(|(p, page)| {
            page.iter().enumerate().filter_map(move |(b, block)| match block {
                Block::Figure(f) => Some((format!("page {}, block {}", p + 1, b + 1), f)),
                _ => None,
            })
        });
        let figures = article.figure.iter().map(|f| ("the lead figure".to_owned(), f)).chain(blocks);
        for (n, (at, figure)) in figures.enumerate() {
            for (_, path) in figure.src.files() {
                let copies = resized(path, figure.width);
                if copies.is_empty() {
                    continue;
                }
                let which = format!("figure {} ({at})", n + 1);
                by_path.entry(path).or_default().push(Use { article, which, figure, copies });
            }
        }
    }
    by_path
}

/// The files a copy is written to, in the bundle: its WebP always, and
/// the one in the original's format unless that is the original itself
/// (the full-width choice, copied as it is).
fn outputs(path: &str, copy: &Resized) -> Vec<(String, Format)> {
    let mut out = vec![(files::in_bundle(&copy.webp), Format::WebP)];
    if copy.fallback != path {
        let format = if copy.fallback.ends_with(".png") { Format::Png } else { Format::Jpeg };
        out.push((files::in_bundle(&copy.fallback), format));
    }
    out
}

/// The figure's declared shape against its file's: the page reserves the
/// declared one before the picture arrives, so another shape would
/// stretch it or jump. One pixel of rounding either way is allowed.
fn check_shape(u: &Use, path: &str, probe: &Probe, content: &Path) -> Result {
    let (w, h) = (u.figure.width, u.figure.height);
    let height_at_file_width = f64::from(probe.width) * f64::from(h) / f64::from(w.max(1));
    if w > 0 && h > 0 && (height_at_file_width - f64::from(probe.height)).abs() <= 1.0 {
        return Ok(());
    }
    Err(Error::other(format!(
        "{}: {}, {path}: the figure says {w}×{h} but the file is {}×{} (another shape); set width and \
         height to the file's size, or to its shape at the width to reserve",
        files::in_bundle(&article_file(content, &u.article.slug)),
        u.which,
        probe.width,
        probe.height,
    )))
}

/// The article's file inside the content folder: `articles/{slug}.json`,
/// or whichever file of that name an article was read from (Markdown).
fn article_file(content: &Path, slug: &str) -> String {
    let json = files::article(slug);
    if content.join(&json).exists() {
        return json;
    }
    let named = fs::read_dir_if_present(content.join(files::ARTICLES)).ok().flatten().unwrap_or_default();
    named
        .iter()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.rsplit_once('.').is_some_and(|(stem, _)| stem == slug))
        .min()
        .map_or(json, |n| format!("{}/{n}", files::ARTICLES))
}

/// One copy to be in the bundle.
struct Wanted<'a> {
    /// The first path (of several with the same bytes) it is made from.
    path: &'a str,
    sha: String,
    width: u32,
    format: Format,
    key: String,
}

impl<'a> Wanted<'a> {
    /// Its key: what its bytes depend on, the widths it is scaled through
    /// included.
    fn new(path: &'a str, probe: &Probe, width: u32, format: Format) -> Wanted<'a> {
        let through = format!("{:?}", chain(width, probe.width));
        let key = digest(&[&probe.sha, &width.to_string(), &through, format.ext(), &settings()]);
        Wanted { path, sha: probe.sha.clone(), width, format, key }
    }
}

/// The width a copy `width` px wide is scaled from, when not from the
/// source (whose shown width is `file_width`): the narrowest of the
/// model's widths ([`RESIZED_WIDTHS`]) at least [`CASCADE`] times as wide
/// and narrower than the file. Scaling a 20-megapixel photo took about
/// 200 ms a width; from its 1440 px copy the 960 took 15 to 26 and the
/// 480 from that 6 to 9, and those pixels were 54 to 57 dB (PSNR) from
/// the ones scaled from the source, far less than the encoders lose
/// (`resize_measure` prints both). A function of the two widths only, never of which copies
/// the cache already holds, so a key always stands for the same bytes.
fn parent(width: u32, file_width: u32) -> Option<u32> {
    RESIZED_WIDTHS.into_iter().filter(|&r| f64::from(r) >= CASCADE * f64::from(width) && r < file_width).min()
}

/// The widths a copy is scaled through, from its [`parent`] to the widest.
fn chain(width: u32, file_width: u32) -> Vec<u32> {
    std::iter::successors(parent(width, file_width), |&p| parent(p, file_width)).collect()
}

/// The copies to make of one source, widest first, so each width is
/// scaled once for its formats; each with the files it is written to.
struct Job<'a> {
    path: &'a str,
    copies: BTreeMap<(std::cmp::Reverse<u32>, Format, &'a str), Vec<&'a String>>,
}

impl Job<'_> {
    fn error(&self, message: impl fmt::Display) -> Error {
        Error::other(format!("{}: cannot resize the figure: {message}", files::in_bundle(self.path)))
    }
}

/// A copy's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Format {
    WebP,
    Jpeg,
    Png,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::WebP => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
}

/// The encoded copies, one file per key.
struct Cache {
    dir: PathBuf,
}

impl Cache {
    fn path(&self, key: &str, format: Format) -> PathBuf {
        self.dir.join(format!("{key}.{}", format.ext()))
    }

    /// A copy made before, if the cache holds it.
    fn get(&self, key: &str, format: Format) -> Option<Vec<u8>> {
        std::fs::read(self.path(key, format)).ok()
    }

    /// Keeps a copy: written beside its place and then renamed there, so
    /// another build (or a crash) never finds half a file under a key.
    fn put(&self, key: &str, format: Format, bytes: &[u8]) -> Result {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = self.path(key, format);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let part = self.dir.join(format!("{key}.{}.part-{}-{n}", format.ext(), std::process::id()));
        fs::write_creating(&part, bytes)?;
        std::fs::rename(&part, &path).map_err(|e| Error::io("rename into place", &path, e))
    }
}

/// A source file's digest and its size as shown (its orientation applied).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Probe {
    sha: String,
    width: u32,
    height: u32,
}

/// The sources' probes by file, length and modification time, from the
/// last build from the same content folder (a file of the cache's for
/// each folder: the project's, the scale bench's): a figure is read again
/// only when it changed, as `make` would tell.
struct Memo {
    file: PathBuf,
    old: HashMap<String, (String, Probe)>,
    new: Mutex<Vec<String>>,
}

impl Memo {
    fn load(cache: &Path, content: &Path) -> Memo {
        let folder = digest(&[&content.to_string_lossy()]);
        let file = cache.join(format!("sources-{}.tsv", &folder[..16]));
        let old = std::fs::read_to_string(&file)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| {
                let [path, stamp, sha, w, h] = line.split('\t').collect::<Vec<_>>().try_into().ok()?;
                let probe = Probe { sha: sha.to_owned(), width: w.parse().ok()?, height: h.parse().ok()? };
                Some((path.to_owned(), (stamp.to_owned(), probe)))
            })
            .collect();
        Memo { file, old, new: Mutex::new(Vec::new()) }
    }

    /// The file's probe: remembered, or read (`shown` names it in errors).
    fn probe(&self, file: &Path, shown: &str) -> Result<Probe> {
        let meta = fs::metadata(file)?;
        let time = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        let stamp = format!("{} {}", meta.len(), time.map_or(0, |t| t.as_nanos()));
        let name = file.to_string_lossy().into_owned();
        let probe = match self.old.get(&name) {
            Some((s, probe)) if *s == stamp => probe.clone(),
            _ => {
                let bytes = fs::read(file)?;
                let header = Header::read(&bytes, shown)?;
                let (width, height) = header.shown();
                Probe { sha: sha256(&bytes), width, height }
            }
        };
        // A name that would break its line is not remembered (and so read
        // at every build).
        if !name.contains(['\t', '\n', '\r']) {
            let line = format!("{name}\t{stamp}\t{}\t{}\t{}\n", probe.sha, probe.width, probe.height);
            self.new.lock().expect("not poisoned").push(line);
        }
        Ok(probe)
    }

    /// Keeps this build's probes (only those: the memo never grows past
    /// the folder's figures in use).
    fn save(&self) -> Result {
        let mut lines = std::mem::take(&mut *self.new.lock().expect("not poisoned"));
        lines.sort();
        let part = self.file.with_extension(format!("tsv.part-{}", std::process::id()));
        fs::write_creating(&part, lines.concat())?;
        std::fs::rename(&part, &self.file).map_err(|e| Error::io("rename into place", &self.file, e))
    }
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(bytes))
}

/// The two formats a figure is read from, by their first bytes (not by
/// name: a PNG saved as `.jpg` is still read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jpeg,
    Png,
}

impl Kind {
    fn of(bytes: &[u8], shown: &str) -> Result<Kind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Ok(Kind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Ok(Kind::Png)
        } else {
            Err(Error::other(format!(
                "{}: neither JPEG nor PNG inside, whatever its name says; export it as one of them",
                files::in_bundle(shown)
            )))
        }
    }
}

/// A source's stored size and its EXIF orientation (1 to 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Header {
    width: u32,
    height: u32,
    orientation: u8,
}

impl Header {
    /// Reads only the headers.
    fn read(bytes: &[u8], shown: &str) -> Result<Header> {
        match Kind::of(bytes, shown)? {
            Kind::Jpeg => {
                let mut d = jpeg_decoder(bytes);
                d.decode_headers().map_err(|e| unreadable(shown, "JPEG", e))?;
                jpeg_header(&d, shown)
            }
            Kind::Png => {
                let reader = png_decoder(bytes).read_info().map_err(|e| unreadable(shown, "PNG", e))?;
                Ok(png_header(reader.info()))
            }
        }
    }

    /// The size the browser shows: a camera's portrait photo is often
    /// stored on its side, with an orientation that turns it.
    fn shown(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

fn unreadable(shown: &str, what: &str, e: impl fmt::Debug) -> Error {
    Error::other(format!("{}: not a {what} that can be read ({e:?}); export it again", files::in_bundle(shown)))
}

fn jpeg_decoder(bytes: &[u8]) -> zune_jpeg::JpegDecoder<&[u8]> {
    use zune_jpeg::zune_core::{colorspace::ColorSpace, options::DecoderOptions};
    // RGB whatever is stored (grey, CMYK): one layout for the rest.
    let options = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::RGB);
    zune_jpeg::JpegDecoder::new_with_options(bytes, options)
}

fn jpeg_header(d: &zune_jpeg::JpegDecoder<&[u8]>, shown: &str) -> Result<Header> {
    let info = d.info().ok_or_else(|| unreadable(shown, "JPEG", "no header"))?;
    let orientation = d.exif().map_or(1, |exif| orientation(exif));
    Ok(Header { width: info.width.into(), height: info.height.into(), orientation })
}

fn png_decoder(bytes: &[u8]) -> ::png::Decoder<&[u8]> {
    // The default limit (64 MB) is less than a large photo's pixels.
    let mut d = ::png::Decoder::new_with_limits(bytes, ::png::Limits { bytes: 1 << 30 });
    // 8 bits a channel, palettes and transparency colours made channels.
    d.set_transformations(::png::Transformations::EXPAND | ::png::Transformations::STRIP_16);
    d
}

fn png_header(info: &::png::Info) -> Header {
    let orientation = info.exif_metadata.as_deref().map_or(1, orientation);
    Header { width: info.width, height: info.height, orientation }
}

/// The orientation (tag 0x0112 of the first IFD, 1 to 8) in an EXIF
/// block, which starts with its TIFF header (after `Exif\0\0`, if that
/// is there); 1, upright, if it has none or is not one.
fn orientation(exif: &[u8]) -> u8 {
    let exif = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let little = match exif.get(..4) {
        Some(b"II*\0") => true,
        Some(b"MM\0*") => false,
        _ => return 1,
    };
    let u16_at = |i: usize| {
        let b: [u8; 2] = exif.get(i..i + 2)?.try_into().ok()?;
        Some(if little { u16::from_le_bytes(b) } else { u16::from_be_bytes(b) })
    };
    let u32_at = |i: usize| {
        let b: [u8; 4] = exif.get(i..i + 4)?.try_into().ok()?;
        Some(if little { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) })
    };
    let Some(ifd) = u32_at(4).map(|o| o as usize) else { return 1 };
    let entries = u16_at(ifd).unwrap_or(0) as usize;
    (0..entries)
        .map(|i| ifd + 2 + i * 12)
        .find(|&e| u16_at(e) == Some(0x0112))
        // A SHORT: its value is in the first two bytes of the entry's last four.
        .and_then(|e| u16_at(e + 8))
        .filter(|o| (1..=8).contains(o))
        .map_or(1, |o| o as u8)
}

/// 8-bit pixels, RGB or, with `alpha`, RGBA (not premultiplied).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pixels {
    width: u32,
    height: u32,
    alpha: bool,
    data: Vec<u8>,
}

impl Pixels {
    fn channels(&self) -> usize {
        if self.alpha {
            4
        } else {
            3
        }
    }
}

/// A source decoded, as stored (not yet turned).
struct Source {
    header: Header,
    pixels: Pixels,
    shown: String,
}

impl Source {
    fn decode(bytes: &[u8], shown: &str) -> Result<Source> {
        let (header, pixels) = match Kind::of(bytes, shown)? {
            Kind::Jpeg => {
                let mut d = jpeg_decoder(bytes);
                let data = d.decode().map_err(|e| unreadable(shown, "JPEG", e))?;
                let header = jpeg_header(&d, shown)?;
                (header, from_channels(header, data, false, shown)?)
            }
            Kind::Png => {
                let mut reader = png_decoder(bytes).read_info().map_err(|e| unreadable(shown, "PNG", e))?;
                let header = png_header(reader.info());
                let mut data = vec![0; reader.output_buffer_size()];
                let frame = reader.next_frame(&mut data).map_err(|e| unreadable(shown, "PNG", e))?;
                data.truncate(frame.buffer_size());
                let alpha = matches!(frame.color_type, ::png::ColorType::Rgba | ::png::ColorType::GrayscaleAlpha);
                (header, from_channels(header, data, alpha, shown)?)
            }
        };
        Ok(Source { header, pixels: opaque(pixels), shown: shown.to_owned() })
    }

    /// The picture as shown, `width` pixels wide (never wider than it
    /// is), its height by its aspect, by Lanczos3: from `wider`, a wider
    /// copy already made (upright; see [`parent`]), if given, else from
    /// the source as stored and then turned upright, which costs less than
    /// turning it whole; the source itself, not a copy of it, when it is
    /// already that size and upright.
    fn scaled<'s>(&'s self, width: u32, wider: Option<&Pixels>) -> std::result::Result<Cow<'s, Pixels>, String> {
        let (w, h) = self.header.shown();
        let width = width.clamp(1, w);
        let height = ((f64::from(width) * f64::from(h) / f64::from(w)).round() as u32).max(1);
        let failed = |e: ::resize::Error| format!("{} at {width} px: {e}", self.shown);
        if let Some(wider) = wider {
            return Ok(Cow::Owned(scale(wider, width, height).map_err(failed)?));
        }
        let (sw, sh) = if self.header.orientation >= 5 { (height, width) } else { (width, height) };
        let stored = if (sw, sh) == (self.pixels.width, self.pixels.height) {
            Cow::Borrowed(&self.pixels)
        } else {
            Cow::Owned(scale(&self.pixels, sw, sh).map_err(failed)?)
        };
        Ok(match (stored, self.header.orientation) {
            (stored, 2..=8) => Cow::Owned(orient(&stored, self.header.orientation)),
            (stored, _) => stored,
        })
    }
}

/// A decoder's output as RGB or RGBA, grey made RGB.
fn from_channels(h: Header, data: Vec<u8>, alpha: bool, shown: &str) -> Result<Pixels> {
    let n = h.width as usize * h.height as usize;
    let data = match (data.len() / n.max(1), alpha) {
        (3, false) | (4, true) => data,
        (1, false) => data.iter().flat_map(|&g| [g, g, g]).collect(),
        (2, true) => data.chunks_exact(2).flat_map(|c| [c[0], c[0], c[0], c[1]]).collect(),
        (c, _) => return Err(unreadable(shown, "picture", format!("{c} channels of 8 bits"))),
    };
    Ok(Pixels { width: h.width, height: h.height, alpha, data })
}

/// Drops an alpha channel that is opaque everywhere (a PNG exported with
/// one it does not use): RGB copies are smaller, and a JPEG has none.
fn opaque(p: Pixels) -> Pixels {
    if !p.alpha || p.data.chunks_exact(4).any(|c| c[3] != 255) {
        return p;
    }
    let data = p.data.chunks_exact(4).flat_map(|c| [c[0], c[1], c[2]]).collect();
    Pixels { alpha: false, data, ..p }
}

/// `p` at `width`×`height`, by Lanczos3 (sharp, with little ringing: what
/// image editors use to make smaller copies), with alpha premultiplied
/// while filtering so transparent pixels' colours do not bleed.
fn scale(p: &Pixels, width: u32, height: u32) -> std::result::Result<Pixels, ::resize::Error> {
    use ::resize::{Pixel, Type};
    use rgb::FromSlice;
    let (sw, sh, dw, dh) = (p.width as usize, p.height as usize, width as usize, height as usize);
    let mut data = vec![0; dw * dh * p.channels()];
    if p.alpha {
        ::resize::new(sw, sh, dw, dh, Pixel::RGBA8P, Type::Lanczos3)?.resize(p.data.as_rgba(), data.as_rgba_mut())?;
    } else {
        ::resize::new(sw, sh, dw, dh, Pixel::RGB8, Type::Lanczos3)?.resize(p.data.as_rgb(), data.as_rgb_mut())?;
    }
    Ok(Pixels { width, height, alpha: p.alpha, data })
}

/// `p` turned upright by its EXIF `orientation`: each pixel of the result
/// taken from where that orientation stored it.
fn orient(p: &Pixels, orientation: u8) -> Pixels {
    if !(2..=8).contains(&orientation) {
        return p.clone();
    }
    let (w, h) = (p.width as usize, p.height as usize);
    let (ow, oh) = if orientation >= 5 { (h, w) } else { (w, h) };
    let c = p.channels();
    let mut data = Vec::with_capacity(p.data.len());
    for y in 0..oh {
        for x in 0..ow {
            let (sx, sy) = match orientation {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x),
            };
            let at = (sy * w + sx) * c;
            data.extend_from_slice(&p.data[at..at + c]);
        }
    }
    Pixels { width: ow as u32, height: oh as u32, alpha: p.alpha, data }
}

/// The copy's file. A JPEG of a picture with transparency (a PNG named
/// `.jpg`) is laid on white, as a page's paper would show it.
fn encode(p: &Pixels, format: Format) -> std::result::Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match format {
        Format::WebP => {
            let encoder = if p.alpha {
                webp::Encoder::from_rgba(&p.data, p.width, p.height)
            } else {
                webp::Encoder::from_rgb(&p.data, p.width, p.height)
            };
            let mut config = webp::WebPConfig::new().map_err(|()| "libwebp's settings did not initialise")?;
            config.lossless = 0;
            config.quality = WEBP_QUALITY;
            config.method = WEBP_METHOD;
            config.alpha_compression = 1;
            out = encoder.encode_advanced(&config).map_err(|e| format!("{e:?}"))?.to_vec();
        }
        Format::Jpeg => {
            let (w, h) = (u16::try_from(p.width), u16::try_from(p.height));
            let (Ok(w), Ok(h)) = (w, h) else { return Err("wider or taller than a JPEG can be".into()) };
            let mut e = jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY);
            e.set_progressive(true);
            e.set_optimized_huffman_tables(true);
            let rgb = if p.alpha { on_white(&p.data) } else { p.data.clone() };
            e.encode(&rgb, w, h, jpeg_encoder::ColorType::Rgb).map_err(|e| e.to_string())?;
        }
        Format::Png => {
            let mut e = ::png::Encoder::new(&mut out, p.width, p.height);
            e.set_color(if p.alpha { ::png::ColorType::Rgba } else { ::png::ColorType::Rgb });
            e.set_depth(::png::BitDepth::Eight);
            e.set_compression(::png::Compression::Default);
            e.set_adaptive_filter(::png::AdaptiveFilterType::Adaptive);
            let mut w = e.write_header().map_err(|e| e.to_string())?;
            w.write_image_data(&p.data).map_err(|e| e.to_string())?;
            w.finish().map_err(|e| e.to_string())?;
        }
    }
    Ok(out)
}

/// RGBA laid on white, as RGB.
fn on_white(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .flat_map(|c| {
            let a = u32::from(c[3]);
            [0, 1, 2].map(|i| ((u32::from(c[i]) * a + 255 * (255 - a) + 127) / 255) as u8)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_model::text::Text;
    use folio_model::FigureSrc;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("folio-resize-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    /// A `w`×`h` RGB gradient: red across, green down.
    fn gradient(w: u32, h: u32) -> Vec<u8> {
        (0..h).flat_map(|y| (0..w).flat_map(move |x| [(x * 255 / w) as u8, (y * 255 / h) as u8, 96])).collect()
    }

    /// A JPEG of [`gradient`], with an EXIF block (from its TIFF header) if given.
    fn jpeg(w: u32, h: u32, exif: Option<&[u8]>) -> Vec<u8> {
        let mut out = Vec::new();
        let mut e = jpeg_encoder::Encoder::new(&mut out, 90);
        if let Some(exif) = exif {
            e.add_app_segment(1, &[b"Exif\0\0", exif].concat()).unwrap();
        }
        e.encode(&gradient(w, h), w as u16, h as u16, jpeg_encoder::ColorType::Rgb).unwrap();
        out
    }

    /// An RGBA PNG of [`gradient`], fading out to the right.
    fn png(w: u32, h: u32) -> Vec<u8> {
        let rgba: Vec<u8> = gradient(w, h).chunks(3).flat_map(|c| [c[0], c[1], c[2], 255 - c[0]]).collect();
        let mut out = Vec::new();
        let mut e = ::png::Encoder::new(&mut out, w, h);
        e.set_color(::png::ColorType::Rgba);
        e.set_depth(::png::BitDepth::Eight);
        e.write_header().unwrap().write_image_data(&rgba).unwrap();
        out
    }

    fn figure(src: &str, width: u32, height: u32) -> Figure {
        let t = || Text::en("A picture.");
        Figure { src: FigureSrc::one(src), width, height, alt: t(), caption: t(), credit: t() }
    }

    /// An article with a lead figure, if given, and a paragraph followed
    /// by `blocks`.
    fn article(slug: &str, lead: Option<Figure>, blocks: Vec<Figure>) -> Article {
        let json = serde_json::json!({
            "slug": slug, "section": "opinion", "column": {"en": "Cai Hong"}, "headline": {"en": "A headline"},
            "summary": {"en": "A summary."}, "byline": {"author": {"en": "Cai Hong"}},
            "published": "2016-09-07T07:48:00+08:00",
            "pages": [[{"type": "paragraph", "text": {"en": "One."}}]],
        });
        let mut a = folio_model::parse::article(&json.to_string()).unwrap();
        a.figure = lead;
        a.pages[0].extend(blocks.into_iter().map(Block::Figure));
        a
    }

    /// A content folder holding `figures` (path, bytes).
    fn content(name: &str, figures: &[(&str, Vec<u8>)]) -> PathBuf {
        let dir = scratch(name);
        for (path, bytes) in figures {
            fs::write_creating(dir.join(path), bytes).unwrap();
        }
        dir
    }

    /// Builds into `dist` with the cache at `cache`: the summary and the output's stats.
    fn build(articles: &[Article], content: &Path, dist: &Path, cache: &Path) -> (Summary, crate::output::Stats) {
        let out = Output::new(dist).unwrap();
        let summary = write_cached(&out, articles, content, cache).unwrap();
        (summary, out.finish().unwrap())
    }

    /// A copy's format (by its first bytes) and size, decoded.
    fn decoded(bytes: &[u8]) -> (Format, u32, u32) {
        if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            let image = webp::Decoder::new(bytes).decode().expect("a WebP that decodes");
            return (Format::WebP, image.width(), image.height());
        }
        let h = Header::read(bytes, "copy").unwrap();
        match Kind::of(bytes, "copy").unwrap() {
            Kind::Jpeg => {
                let mut d = jpeg_decoder(bytes);
                d.decode().expect("a JPEG that decodes");
                (Format::Jpeg, h.width, h.height)
            }
            Kind::Png => {
                let mut r = png_decoder(bytes).read_info().unwrap();
                r.next_frame(&mut vec![0; r.output_buffer_size()]).expect("a PNG that decodes");
                (Format::Png, h.width, h.height)
            }
        }
    }

    /// Every file under `dir`, by its path from there, sorted.
    fn listed(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut found = Vec::new();
        crate::output::walk(dir, &mut found).unwrap();
        let mut found: Vec<(String, Vec<u8>)> = found
            .into_iter()
            .map(|f| (f.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"), std::fs::read(&f).unwrap()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn resize_writes_each_copy_at_its_width_and_format_and_a_rebuild_encodes_none() {
        let content =
            content("copies", &[("figures/pier.jpg", jpeg(1600, 900, None)), ("figures/chart.png", png(1600, 900))]);
        let lead = || Some(figure("figures/pier.jpg", 1600, 900));
        let others = vec![
            figure("figures/chart.png", 1600, 900),
            figure("figures/map.svg", 800, 560),
            figure("https://example.org/photo.jpg", 1600, 900),
        ];
        // The same photo in two articles: made once.
        let articles = [article("one", lead(), others), article("two", lead(), Vec::new())];
        let (dist, cache) = (scratch("copies-dist"), scratch("copies-cache"));

        let (first, stats) = build(&articles, &content, &dist, &cache);
        // Seven copies of the photo, four WebP of the PNG (its fallback is
        // itself at every width: `article::resized`).
        assert_eq!((first.copies, first.files, first.encoded, first.from_cache), (11, 2, 11, 0), "{first}");
        assert_eq!(stats.written, 11);
        let copies = listed(&dist);
        let want = |stem: &str, ext: &str| {
            let mut w: Vec<(String, Format, u32, u32)> = [(480, 270), (960, 540), (1440, 810), (1600, 900)]
                .into_iter()
                .flat_map(|(w, h)| {
                    let webp = (format!("content/derived/resized/figures/{stem}-{w}.webp"), Format::WebP, w, h);
                    let format = if ext == "png" { Format::Png } else { Format::Jpeg };
                    let fallback = (format!("content/derived/resized/figures/{stem}-{w}.{ext}"), format, w, h);
                    // The full width's fallback is the original itself, and
                    // a PNG's every fallback.
                    if w == 1600 || ext == "png" {
                        vec![webp]
                    } else {
                        vec![webp, fallback]
                    }
                })
                .collect();
            w.sort_by(|a, b| a.0.cmp(&b.0));
            w
        };
        let expected: Vec<_> = [want("chart", "png"), want("pier", "jpg")].concat();
        let got: Vec<_> = copies
            .iter()
            .map(|(rel, bytes)| {
                let (format, w, h) = decoded(bytes);
                (rel.clone(), format, w, h)
            })
            .collect();
        assert_eq!(got, expected);
        for (rel, bytes) in &copies {
            match rel.rsplit_once('.').unwrap().1 {
                "webp" => assert!(bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP", "{rel}"),
                "jpg" => assert!(bytes.starts_with(&[0xFF, 0xD8]), "{rel}"),
                _ => assert!(bytes.starts_with(b"\x89PNG"), "{rel}"),
            }
        }
        let webp = webp::Decoder::new(&copies.iter().find(|(r, _)| r.ends_with("chart-480.webp")).unwrap().1);
        assert!(webp.decode().unwrap().is_alpha(), "a transparent PNG's copies keep their alpha");
        assert!(first.bytes > 0 && first.bytes == copies.iter().map(|(_, b)| b.len()).sum::<usize>());

        // A rebuild: nothing encoded, nothing written.
        let (again, stats) = build(&articles, &content, &dist, &cache);
        assert_eq!((again.copies, again.encoded, again.from_cache, again.bytes), (11, 0, 11, first.bytes));
        assert_eq!((stats.written, stats.unchanged, stats.removed), (0, 11, 0));

        // Another bundle from the same cache: the same bytes, none encoded.
        let other = scratch("copies-other-dist");
        let (third, _) = build(&articles, &content, &other, &cache);
        assert_eq!((third.encoded, third.from_cache), (0, 11));
        assert_eq!(listed(&other), copies);

        // A cache that lost some copies: those are made again, to the same
        // bytes (a copy is scaled through the same widths either way).
        for (name, _) in listed(&cache).iter().filter(|(n, _)| n.ends_with(".jpg")) {
            std::fs::remove_file(cache.join(name)).unwrap();
        }
        std::fs::remove_dir_all(&other).unwrap();
        let (fourth, _) = build(&articles, &content, &other, &cache);
        assert_eq!((fourth.encoded, fourth.from_cache), (3, 8));
        assert_eq!(listed(&other), copies);

        // An article without the figures: their copies go.
        let (none, stats) = build(&[article("one", None, Vec::new())], &content, &dist, &cache);
        assert_eq!((none.copies, none.files, stats.removed), (0, 0, 11));
        for dir in [content, dist, cache, other] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn resize_makes_nothing_of_svg_or_remote_figures() {
        let content = content("none", &[("figures/map.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec())]);
        let figures = vec![figure("figures/map.svg", 800, 560), figure("https://example.org/a.jpg", 1600, 900)];
        let articles = [article("one", Some(figure("http://example.org/b.png", 1600, 900)), figures)];
        let (dist, cache) = (scratch("none-dist"), scratch("none-cache"));
        let (summary, stats) = build(&articles, &content, &dist, &cache);
        assert_eq!((summary.copies, summary.files, summary.encoded, summary.bytes), (0, 0, 0, 0));
        assert_eq!(stats.written, 0);
        assert!(listed(&dist).is_empty());
        for dir in [content, dist, cache] {
            let _ = std::fs::remove_dir_all(dir);
        }
    }

    #[test]
    fn resize_never_makes_a_copy_wider_than_its_file() {
        // Declared at twice its size (the same shape): the 960 and 1400
        // copies are the file's 700 px, one encoding each format.
        let content = content("narrow", &[("figures/small.jpg", jpeg(700, 400, None))]);
        let articles = [article("one", Some(figure("figures/small.jpg", 1400, 800)), Vec::new())];
        let (dist, cache) = (scratch("narrow-dist"), scratch("narrow-cache"));
        let (summary, _) = build(&articles, &content, &dist, &cache);
        assert_eq!((summary.copies, summary.encoded), (5, 4), "{summary}");
        let sizes: Vec<(String, u32, u32)> = listed(&dist)
            .iter()
            .map(|(rel, bytes)| {
                let (_, w, h) = decoded(bytes);
                (rel.rsplit('/').next().unwrap().to_owned(), w, h)
            })
            .collect();
        let want = [("small-1400.webp", 700, 400), ("small-480.jpg", 480, 274), ("small-480.webp", 480, 274)];
        let want = [&want[..], &[("small-960.jpg", 700, 400), ("small-960.webp", 700, 400)]].concat();
        assert_eq!(sizes, want.iter().map(|(n, w, h)| (n.to_string(), *w, *h)).collect::<Vec<_>>());
        for dir in [content, dist, cache] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn resize_refuses_a_declared_size_of_another_shape_naming_the_article_and_figure() {
        let content = content("shape", &[("figures/pier.jpg", jpeg(1600, 900, None))]);
        let blocks = vec![figure("figures/map.svg", 800, 560), figure("figures/pier.jpg", 1600, 1200)];
        let articles = [article("pier", None, blocks)];
        let (dist, cache) = (scratch("shape-dist"), scratch("shape-cache"));
        let out = Output::new(&dist).unwrap();
        let e = write_cached(&out, &articles, &content, &cache).unwrap_err().to_string();
        assert_eq!(
            e,
            "content/articles/pier.json: figure 2 (page 1, block 3), figures/pier.jpg: the figure says 1600×1200 \
             but the file is 1600×900 (another shape); set width and height to the file's size, or to its shape \
             at the width to reserve"
        );
        // Read from Markdown, the article's file is that one.
        fs::write_creating(content.join("articles/pier.md"), "+++\n+++\n").unwrap();
        let e = write_cached(&out, &articles, &content, &cache).unwrap_err().to_string();
        assert!(e.starts_with("content/articles/pier.md: figure 2 (page 1, block 3)"), "{e}");
        // A pixel of rounding is not another shape.
        let articles = [article("pier", Some(figure("figures/pier.jpg", 1000, 563)), Vec::new())];
        assert_eq!(write_cached(&out, &articles, &content, &cache).unwrap().copies, 5);
        for dir in [content, dist, cache] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    #[test]
    fn resize_refuses_two_files_whose_copies_share_names() {
        let content = content("clash", &[("figures/a.jpg", jpeg(600, 400, None)), ("figures/a.png", png(600, 400))]);
        let blocks = vec![figure("figures/a.jpg", 600, 400), figure("figures/a.png", 600, 400)];
        let (dist, cache) = (scratch("clash-dist"), scratch("clash-cache"));
        let out = Output::new(&dist).unwrap();
        let e = write_cached(&out, &[article("one", None, blocks)], &content, &cache).unwrap_err().to_string();
        let both = "content/figures/a.jpg and content/figures/a.png both resize to";
        assert!(e.starts_with(&format!("{both} content/derived/resized/figures/a-480.webp")), "{e}");
        for dir in [content, dist, cache] {
            let _ = std::fs::remove_dir_all(dir);
        }
    }

    /// An EXIF block (from its TIFF header) holding only an orientation.
    fn exif(orientation: u16, little: bool) -> Vec<u8> {
        let u16b = |v: u16| if little { v.to_le_bytes() } else { v.to_be_bytes() };
        let u32b = |v: u32| if little { v.to_le_bytes() } else { v.to_be_bytes() };
        let mut e = if little { b"II*\0".to_vec() } else { b"MM\0*".to_vec() };
        e.extend(u32b(8));
        e.extend(u16b(1));
        e.extend(u16b(0x0112));
        e.extend(u16b(3));
        e.extend(u32b(1));
        e.extend(u16b(orientation));
        e.extend([0, 0]);
        e.extend(u32b(0));
        e
    }

    #[test]
    fn resize_scales_a_copy_from_the_narrowest_wide_enough_copy_the_file_has() {
        assert_eq!(chain(480, 4000), [960, 1440]);
        assert_eq!(chain(960, 4000), [1440]);
        assert!(chain(1440, 4000).is_empty());
        assert!(chain(4000, 4000).is_empty());
        // Only widths narrower than the file, whatever was declared.
        assert_eq!(chain(480, 1200), [960]);
        assert!(chain(480, 960).is_empty());
        assert_eq!(chain(640, 2000), [960, 1440]);
    }

    #[test]
    fn resize_reads_the_exif_orientation_and_turns_pixels_by_it() {
        for little in [true, false] {
            for o in 1..=8 {
                assert_eq!(orientation(&exif(o, little)), o as u8);
            }
        }
        assert_eq!(orientation(&exif(9, true)), 1, "not an orientation");
        assert_eq!(orientation(b"II*\0\xff\xff"), 1, "cut short");
        assert_eq!(orientation(b""), 1);
        // 3×2, pixel i holding i: each orientation read as the viewer sees it.
        let p = Pixels { width: 3, height: 2, alpha: false, data: (0..6).flat_map(|i| [i, i, i]).collect() };
        let seen = |o: u8| {
            let t = orient(&p, o);
            (t.width, t.height, t.data.chunks(3).map(|c| c[0]).collect::<Vec<u8>>())
        };
        assert_eq!(seen(1), (3, 2, vec![0, 1, 2, 3, 4, 5]));
        assert_eq!(seen(2), (3, 2, vec![2, 1, 0, 5, 4, 3]));
        assert_eq!(seen(3), (3, 2, vec![5, 4, 3, 2, 1, 0]));
        assert_eq!(seen(4), (3, 2, vec![3, 4, 5, 0, 1, 2]));
        assert_eq!(seen(5), (2, 3, vec![0, 3, 1, 4, 2, 5]));
        assert_eq!(seen(6), (2, 3, vec![3, 0, 4, 1, 5, 2]));
        assert_eq!(seen(7), (2, 3, vec![5, 2, 4, 1, 3, 0]));
        assert_eq!(seen(8), (2, 3, vec![2, 5, 1, 4, 0, 3]));
    }

    #[test]
    fn resize_copies_a_photo_stored_on_its_side_upright() {
        // Stored 1000×600, to be turned a quarter clockwise: 600×1000 as shown.
        let content = content("turned", &[("figures/tall.jpg", jpeg(1000, 600, Some(&exif(6, false))))]);
        let articles = [article("one", Some(figure("figures/tall.jpg", 600, 1000)), Vec::new())];
        let (dist, cache) = (scratch("turned-dist"), scratch("turned-cache"));
        let (summary, _) = build(&articles, &content, &dist, &cache);
        assert_eq!(summary.copies, 3, "480 as WebP and JPEG, 600 as WebP");
        let copy = std::fs::read(dist.join("content/derived/resized/figures/tall-480.jpg")).unwrap();
        let mut d = jpeg_decoder(&copy);
        let px = d.decode().unwrap();
        let info = d.info().unwrap();
        assert_eq!((info.width, info.height), (480, 800));
        // Red grew along the stored width, which is now down the page.
        let red = |x: usize, y: usize| px[(y * 480 + x) * 3];
        assert!(red(240, 10) < 20 && red(240, 790) > 235, "{} {}", red(240, 10), red(240, 790));
        for dir in [content, dist, cache] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }

    /// Times a real photo's copies and prints their sizes:
    /// `FOLIO_PHOTO=path/to.jpg cargo test --profile xtask -p xtask resize_measure -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn resize_measure() {
        let photo = PathBuf::from(std::env::var("FOLIO_PHOTO").expect("FOLIO_PHOTO=a JPEG or PNG"));
        let bytes = std::fs::read(&photo).unwrap();
        let name = photo.file_name().unwrap().to_string_lossy().to_lowercase();
        let (w, h) = Header::read(&bytes, &name).unwrap().shown();
        println!("{name}: {w}×{h}, {:.2} MB", bytes.len() as f64 / 1e6);
        let t = Instant::now();
        let source = Source::decode(&bytes, &name).unwrap();
        println!("decode: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
        let fallback = if name.ends_with(".png") { Format::Png } else { Format::Jpeg };
        let mut made: HashMap<u32, Pixels> = HashMap::new();
        for copy in resized(&format!("figures/{name}"), w).into_iter().rev() {
            let t = Instant::now();
            let direct = source.scaled(copy.width, None).unwrap().into_owned();
            let direct_ms = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let from = parent(copy.width, w);
            let p = source.scaled(copy.width, from.map(|f| &made[&f])).unwrap().into_owned();
            let ms = t.elapsed().as_secs_f64() * 1e3;
            // How far the copy scaled from a wider one is from the one
            // scaled from the source, as PSNR (over 45 dB: not to be seen).
            let mse =
                p.data.iter().zip(&direct.data).map(|(a, b)| (f64::from(*a) - f64::from(*b)).powi(2)).sum::<f64>()
                    / p.data.len() as f64;
            let psnr = 10.0 * (255.0f64.powi(2) / mse.max(1e-9)).log10();
            println!(
                "{}×{}: scaled in {ms:.0} ms from {from:?} ({direct_ms:.0} from the source, {psnr:.1} dB apart)",
                p.width, p.height
            );
            let formats = if copy.width == w { vec![Format::WebP] } else { vec![Format::WebP, fallback] };
            for f in formats {
                let t = Instant::now();
                let out = encode(&p, f).unwrap();
                let ms = t.elapsed().as_secs_f64() * 1e3;
                println!("  {f:?}: {ms:.0} ms, {:.0} KB", out.len() as f64 / 1e3);
            }
            made.insert(copy.width, p);
        }
        // The whole of write_cached, cold and then warm, on one job.
        let content = content("measure", &[(&format!("figures/{name}"), bytes.clone())]);
        let articles = [article("one", Some(figure(&format!("figures/{name}"), w, h)), Vec::new())];
        let (dist, cache) = (scratch("measure-dist"), scratch("measure-cache"));
        let (cold, _) = build(&articles, &content, &dist, &cache);
        let (warm, _) = build(&articles, &content, &dist, &cache);
        println!("cold: {cold}\nwarm: {warm}");
        for dir in [content, dist, cache] {
            std::fs::remove_dir_all(dir).unwrap();
        }
    }
}
