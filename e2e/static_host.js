// A plain static host on loopback, for the journeys that need one of their
// own: a bundle below a sub-path, one that fails or goes away, one built
// for the test. It answers as GitHub Pages and the other static hosts do:
// a file as it is, `…/` as its index.html, and anything else with the
// bundle's 404.html and status 404 (no SPA fallback).
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp',
  '.jpg': 'image/jpeg', '.xml': 'application/xml',
};

/// Serves the folder `dir`, in which the bundle is at `prefix` ('' for the
/// host's root, '/news/folio' below it). `answer(req, res)`, if given, is
/// asked first and returns true when it has answered (an outage); hashed
/// files (the code folder, the stylesheet) are sent as cacheable for good,
/// everything else revalidated, as a host configured by docs/deploying.md
/// sends them. Resolves to `{ server, origin }`.
export async function staticHost(dir, { prefix = '', answer } = {}) {
  const server = http.createServer((req, res) => {
    if (answer?.(req, res)) return;
    const url = new URL(req.url, 'http://x');
    let file = join(dir, decodeURIComponent(url.pathname));
    if (url.pathname.endsWith('/')) file = join(file, 'index.html');
    if (!url.pathname.startsWith(`${prefix}/`) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      return res.end(readFileSync(join(dir, prefix, '404.html')));
    }
    const cache = /\/(app-|main-)/.test(url.pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  // A cut connection must not wait for a keep-alive one.
  server.keepAliveTimeout = 1;
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
