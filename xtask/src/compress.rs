//! Pre-compressed copies, `{file}.br` and `{file}.gz`, beside the files a
//! host should send compressed.
//!
//! Many hosts compress on the fly only with gzip, or not at all (nginx
//! without its brotli module, a bucket behind a plain CDN), and then the
//! wasm travels raw: 868 KB where brotli sends about a quarter of that.
//! nginx (`gzip_static`, `brotli_static`), Caddy (`precompressed`) and
//! most CDNs serve a `.br` or `.gz` that sits beside the file, so `dist`
//! writes them once, at the best compression, instead of every request
//! paying for a worse one.
//!
//! Not for every file: under [`MIN_SIZE`] a response fits in a packet or
//! two whatever its encoding, and a copy that does not save [`MIN_SAVING`]
//! is not worth a second file to sync and a host's lookup.

use std::path::Path;

/// Files smaller than this are sent as they are.
pub const MIN_SIZE: usize = 1024;

/// A copy must be at most this share of the original to be written.
const MIN_SAVING: f64 = 0.9;

/// The encodings, by the suffix a host looks for.
pub const SUFFIXES: [&str; 2] = [".br", ".gz"];

/// Where a file's copy with `suffix` goes: beside it, its name plus the
/// suffix (`index.html.br`).
pub fn copy_path(file: &Path, suffix: &str) -> std::path::PathBuf {
    let mut p = file.as_os_str().to_owned();
    p.push(suffix);
    p.into()
}

/// Whether a file of this name is text-like (or wasm) and so gains from
/// compression. Images other than SVG, fonts in woff2 and PNGs are
/// already compressed.
pub fn compressible(rel: &str) -> bool {
    let ext = Path::new(rel).extension().and_then(|e| e.to_str()).unwrap_or("");
    matches!(ext, "html" | "js" | "mjs" | "css" | "wasm" | "json" | "svg" | "bin" | "txt" | "xml" | "webmanifest")
}

/// The copies worth writing for `bytes`: `(suffix, compressed)` pairs,
/// none if the file is small or does not shrink.
pub fn copies(rel: &str, bytes: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
    if bytes.len() < MIN_SIZE || !compressible(rel) {
        return Vec::new();
    }
    let pays = |c: &Vec<u8>| (c.len() as f64) <= bytes.len() as f64 * MIN_SAVING;
    [(".br", brotli(bytes, quality(rel))), (".gz", gzip(bytes))].into_iter().filter(|(_, c)| pays(c)).collect()
}

/// Brotli's quality for a file: 11, the best, for the app's code and
/// stylesheet, which are a handful of files, written once per change of
/// the code and fetched by every reader; 5 for the rest (pages, articles,
/// derived files), of which an archive has hundreds of thousands.
/// Measured here (`docs/decisions.md`): an 11.4 KB article page takes
/// 22–28 ms at 11 (2.8 KB) and 0.4 ms at 5 (3.2 KB); a 91 KB timeline page
/// 190–210 ms at 11 (22.2 KB) and 4.4 ms at 5 (24.8 KB), so the two
/// hundred pages of a timeline's events, at 11, cost a cold build more
/// than two thousand articles' pages. Decoding costs the same at any
/// quality.
fn quality(rel: &str) -> u32 {
    let code = matches!(Path::new(rel).extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "mjs" | "css"));
    if code {
        11
    } else {
        5
    }
}

/// Brotli at `quality`, with a window that holds the whole file (at least
/// 2^18 bytes, at most the 2^22 the format's default decoders accept).
/// The encoder clears its tables for the window it is given: with the
/// largest for every file, a page's compression was mostly that clearing
/// (0.4 ms at 2^18 against 1.0 ms at 2^22 for an 11 KB page, the same
/// bytes out). Below 2^18 it is slower again (another matcher).
pub fn brotli(bytes: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let fits = usize::BITS - bytes.len().saturating_sub(1).leading_zeros();
    let lgwin = fits.clamp(18, 22) as i32;
    let params = brotli::enc::BrotliEncoderParams { quality: quality as i32, lgwin, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("writing into memory cannot fail");
    out
}

/// Gzip at level 9, for clients and hosts without brotli.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), flate2::Compression::best());
    enc.write_all(bytes).expect("writing into memory cannot fail");
    enc.finish().expect("writing into memory cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_gets_both_copies_that_decode_to_it() {
        let text = "<p>Japan and Russia</p>\n".repeat(200);
        let got = copies("article/x/index.html", text.as_bytes());
        assert_eq!(got.iter().map(|(s, _)| *s).collect::<Vec<_>>(), SUFFIXES);
        let mut br = Vec::new();
        brotli::BrotliDecompress(&mut &got[0].1[..], &mut br).unwrap();
        assert_eq!(br, text.as_bytes());
        let mut gz = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&got[1].1[..]), &mut gz).unwrap();
        assert_eq!(gz, text);
    }

    #[test]
    fn the_code_gets_the_best_brotli_and_everything_else_a_fast_one() {
        assert_eq!(quality("app-1/main_bg.wasm"), 11);
        assert_eq!(quality("main-1.css"), 11);
        assert_eq!(quality("timeline/t/index.html"), 5, "however large");
        assert_eq!(quality("article/x/index.html"), 5);
        assert_eq!(quality("content/articles/x.json"), 5);
    }

    #[test]
    fn a_file_larger_than_the_smallest_window_round_trips() {
        // Past 2^18 bytes the window grows with the file.
        let text: String = (0..60_000).map(|i| format!("{i} ")).collect();
        assert!(text.len() > 1 << 18);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(text.as_bytes(), 5)[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
    }

    #[test]
    fn small_files_images_and_what_does_not_shrink_get_none() {
        assert!(copies("a.json", &[b'x'; MIN_SIZE - 1]).is_empty());
        assert!(copies("photo.png", "x".repeat(5000).as_bytes()).is_empty());
        // Random bytes do not compress.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        assert!(copies("data.bin", &noise).is_empty());
    }
}

/// `cargo test --profile xtask -p xtask compress_timing -- --ignored --nocapture`:
/// what a copy costs, on the bundle in `dist/` (for docs/decisions.md).
#[cfg(test)]
#[test]
#[ignore]
fn compress_timing() {
    let dist = crate::root().join("dist");
    let mut files = Vec::new();
    crate::output::walk(&dist, &mut files).unwrap();
    let page = dist.join("article/japan-overtures-to-russia/index.html");
    let wasm = files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "wasm") && f.to_string_lossy().contains("main_bg"))
        .unwrap();
    for f in [&page, wasm] {
        let bytes = std::fs::read(f).unwrap();
        let t = std::time::Instant::now();
        let br = brotli(&bytes, 11);
        let tb = t.elapsed();
        let t = std::time::Instant::now();
        let gz = gzip(&bytes);
        let t5 = std::time::Instant::now();
        let br5 = brotli(&bytes, 5);
        let tb5 = t5.elapsed();
        println!(
            "{}: {} B; brotli 11 {} B in {tb:?}; brotli 5 {} B in {tb5:?}; gzip 9 {} B in {:?}",
            f.display(),
            bytes.len(),
            br.len(),
            br5.len(),
            gz.len(),
            t.elapsed()
        );
    }
}
