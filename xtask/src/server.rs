//! A plain static file server, like the hosts Folio is deployed to.
//!
//! It serves files and nothing else: `dir/` gives `dir/index.html`, a
//! directory without its slash is redirected to it, and anything missing
//! gets `404.html` with status 404, as GitHub Pages and Netlify do. There
//! are deliberately no rewrites, so the tests see what a real host does.

use crate::{root, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

pub struct Server {
    addr: SocketAddr,
    handle: JoinHandle<()>,
}

impl Server {
    /// Serves `dir` on 127.0.0.1:`port` (0 picks a free port) in the
    /// background.
    pub fn start(dir: &Path, port: u16) -> Result<Server> {
        let listen = |e: std::io::Error| {
            let hint = if port == 0 { "" } else { " (is another server on it? try --port)" };
            crate::Error::other(format!("cannot listen on 127.0.0.1:{port}: {e}{hint}"))
        };
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(listen)?;
        let addr = listener.local_addr().map_err(listen)?;
        let dir = dir.to_path_buf();
        let handle = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let dir = dir.clone();
                std::thread::spawn(move || {
                    let _ = handle(stream, &dir);
                });
            }
        });
        Ok(Server { addr, handle })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Blocks for as long as the server runs.
    pub fn join(self) {
        let _ = self.handle.join();
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("ico") => "image/x-icon",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Maps a URL path to a file, refusing anything that could leave `dir`.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut p = dir.to_path_buf();
    for seg in decoded.split('/').filter(|s| !s.is_empty()) {
        if seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0') {
            return None;
        }
        p.push(seg);
    }
    Some(p)
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-cache\r\n",
        body.len()
    );
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    stream.write_all(out.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn handle(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; a static server needs none of them.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let head_only = method == "HEAD";
    if method != "GET" && !head_only {
        return respond(&mut stream, "405 Method Not Allowed", &[("Allow", "GET, HEAD".into())], b"", false);
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target, None),
    };
    let Some(file) = resolve(dir, path) else {
        return respond(&mut stream, "400 Bad Request", &[], b"bad path", head_only);
    };
    if file.is_dir() && !path.ends_with('/') {
        let location = match query {
            Some(q) => format!("{path}/?{q}"),
            None => format!("{path}/"),
        };
        return respond(&mut stream, "301 Moved Permanently", &[("Location", location)], b"", head_only);
    }
    let file = if file.is_dir() { file.join("index.html") } else { file };
    match std::fs::read(&file) {
        Ok(body) => respond(&mut stream, "200 OK", &[("Content-Type", content_type(&file).into())], &body, head_only),
        Err(_) => {
            let body = std::fs::read(dir.join("404.html")).unwrap_or_else(|_| b"not found".to_vec());
            respond(
                &mut stream,
                "404 Not Found",
                &[("Content-Type", "text/html; charset=utf-8".into())],
                &body,
                head_only,
            )
        }
    }
}

/// `cargo xtask serve`: listens on `port`, builds the bundle (unless
/// `build` is false) and serves it until stopped.
pub fn serve(port: u16, release: bool, build: bool) -> Result {
    // Listen first, so a local build's oEmbed files name this address
    // (unless the publisher set FOLIO_SITE_URL or site_url).
    let server = Server::start(&root().join("dist"), port)?;
    if std::env::var_os("FOLIO_SITE_URL").is_none() {
        std::env::set_var("FOLIO_SITE_URL", format!("http://{}/", server.addr()));
    }
    if build {
        crate::dist::build(release)?;
    }
    println!("Folio is at http://{}/  (Ctrl-C to stop)", server.addr());
    server.join();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use std::path::Path;

    #[test]
    fn refuses_paths_outside_its_folder() {
        let dir = Path::new("/srv/dist");
        assert_eq!(resolve(dir, "/a/b/"), Some(dir.join("a/b")));
        assert_eq!(resolve(dir, "/%E4%B8%AD.json"), Some(dir.join("中.json")));
        assert_eq!(resolve(dir, "/../etc/passwd"), None);
        assert_eq!(resolve(dir, "/a/%2e%2e/%2e%2e/etc"), None);
    }
}
