/* Folio's offline worker: a reader can reload, and re-read, what they read
 * before, without a connection.
 *
 * Registered by prefs.js (never in an embed), at the bundle root, so its
 * scope is the bundle wherever it is deployed. `cargo xtask dist` writes
 * this deploy's BUILD below: its version (a digest of its shell's hashed
 * names), its code folder, and the files every page needs (its shell).
 *
 * Four caches:
 * - code-{version}: the shell and the app's chunks. Hashed names, served
 *   from the cache first. A new deploy's worker fills its own on install
 *   and drops the old ones on activate, so a page never runs one deploy's
 *   loader with another's wasm.
 * - pages-{version}: the HTML of the pages read (or kept). Network first;
 *   offline, or when the host fails (5xx), the copy, marked on <html
 *   data-saved="{date}"> so the app says it is a saved copy. Dropped with
 *   its deploy: an old page names old code. Without a copy, the bundle's
 *   offline.html (a thin page) stands in, and the app renders the view
 *   from the saved content, or its offline view.
 * - data: the content files read (articles, timelines, figures, listings,
 *   search), kept across deploys, served stale-while-revalidate.
 * - meta: which article or timeline each saved file belongs to, when it
 *   was last read and whether the reader kept it, to list what is saved
 *   (GET __folio/saved) and to evict the least recently read past LIMIT.
 *
 * The app talks to it at __folio/ (keep, forget, saved): plain fetches.
 */
'use strict';
var BUILD = /*folio-build*/ { version: 'dev', code: 'app', shell: [], needs: 'content/derived/offline/' };
var SCOPE = new URL(self.registration.scope).pathname;
var CODE = 'folio-code-' + BUILD.version;
var PAGES = 'folio-pages-' + BUILD.version;
var DATA = 'folio-data';
var META = SCOPE + '__folio/meta';
/* The bound on what is saved, shell aside. */
var LIMIT = 50e6;

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CODE).then(function (c) {
    return Promise.all(BUILD.shell.map(function (f) {
      // A hashed name's bytes never change, so the copy the page already
      // downloaded is the file, however its host marked it: a phone does
      // not fetch the app twice.
      var req = new Request(SCOPE + f, hashed(f) ? { cache: 'force-cache' } : {});
      return fetch(req).then(function (res) {
        if (!res.ok) throw new Error(f + ': ' + res.status);
        return c.put(SCOPE + f, res);
      });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

/* The shell's files named by their contents: the code folder's and the
 * stylesheet (main-{hash}.css). */
function hashed(rel) { return rel.indexOf(BUILD.code + '/') == 0 || /^main-[0-9a-f]+\.css$/.test(rel); }

self.addEventListener('activate', function (e) {
  e.waitUntil(prune().then(function () {
    return edit(function (m) {
      // The old deploy's pages are gone; a kept article's come back.
      var again = [];
      each(m, function (key, item) {
        Object.keys(item.urls).forEach(function (u) { if (!/^content\//.test(u)) delete item.urls[u]; });
        if (item.kept) again.push([key, item.kept]);
      });
      again.forEach(function (k) { keep(k[0], k[1]); });
    });
  }).then(function () { return self.clients.claim(); }));
});

/* The page that registered the worker loaded before it was there: it
 * sends what it loaded (prefs.js), to be saved as if read through it. */
self.addEventListener('message', function (e) {
  var d = e.data || {}, seen = d.seen;
  if (!Array.isArray(seen) || typeof d.page != 'string') return;
  e.waitUntil(Promise.all(seen.concat(d.page).map(function (u) {
    var url = new URL(u, location.href);
    if (url.origin != location.origin || url.pathname.indexOf(SCOPE) != 0) return 0;
    var rel = url.pathname.slice(SCOPE.length), req = new Request(url.href);
    if (rel.indexOf(BUILD.code + '/') == 0) return code(req);
    if (rel.indexOf('content/') == 0) return ensure(rel, d.page);
    return u == d.page && match(PAGES, req).then(function (hit) {
      return hit || fetch(req).then(function (res) {
        return res.ok && html(res) ? put(PAGES, req, res, rel, d.page) : 0;
      });
    });
  }).map(function (p) { return Promise.resolve(p).catch(function () {}); })).then(function () {
    if (e.source) e.source.postMessage({ saved: seen.length + 1 });
  }));
});

self.addEventListener('fetch', function (e) {
  var req = e.request, url = new URL(req.url);
  if (url.origin != location.origin || url.pathname.indexOf(SCOPE) != 0) return;
  var rel = url.pathname.slice(SCOPE.length);
  if (rel.indexOf('__folio/') == 0) return e.respondWith(api(req, rel.slice(8)));
  if (req.method != 'GET') return;
  if (req.mode == 'navigate') {
    // Embeds never need the worker: their partner's page is online.
    if (/^((zh|dual)\/)?embed\//.test(rel)) return;
    return e.respondWith(page(req, rel, e));
  }
  if (rel.indexOf('content/') == 0) return e.respondWith(stale(req, rel, e));
  if (rel.indexOf(BUILD.code + '/') == 0 || hashed(rel) && BUILD.shell.indexOf(rel) >= 0) {
    return e.respondWith(code(req));
  }
  // Stable names (prefs.js, favicon.svg): the network, else the copy.
  e.respondWith(fetch(req).then(function (res) {
    if (res.status >= 500) throw res;
    return res;
  }).catch(function (failed) {
    return match(CODE, req).then(function (r) { return r || (failed instanceof Response ? failed : gone()); });
  }));
});

/* Whether this worker is the registration's active one. A worker a new
 * deploy replaced may still be finishing a request; what it would store
 * then would bring back the caches its successor dropped. */
function current() {
  return !self.serviceWorker || self.registration.active === self.serviceWorker;
}

/* Drops the caches of other deploys: on activate, and again on each page
 * load, for what a replaced worker stored after that. Only the active
 * worker prunes, and only while no newer one is installing or waiting:
 * that one's caches are other deploys' too, and an old worker's page load
 * during its install would empty them (its shell, fetched once, with them). */
function prune() {
  var r = self.registration;
  if (!current() || r.installing || r.waiting) return Promise.resolve();
  return caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return /^folio-(code|pages)-/.test(k) && k != CODE && k != PAGES;
    }).map(function (k) { return caches.delete(k); }));
  });
}

/* Looks in one cache without opening it: opening makes a cache that is
 * not there, and a replaced worker looking in its own would bring back
 * what its successor dropped (the update test's flake). */
function match(cache, req) {
  return caches.match(req, { cacheName: cache, ignoreSearch: true, ignoreVary: true });
}

function gone() {
  return new Response('', { status: 503, statusText: 'Offline', headers: { 'x-folio-offline': '1' } });
}

function html(res) { return /html/.test(res.headers.get('content-type') || ''); }

/* A copy to store: the response with the date it was saved. */
function stamp(res) {
  return res.blob().then(function (body) {
    var h = new Headers(res.headers);
    h.set('x-folio-saved', new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
    return { res: new Response(body, { status: res.status, statusText: res.statusText, headers: h }), size: body.size };
  });
}

/* Stores a copy, if this worker is still the active one when it opens the
 * cache: asked after the body is read, not before, since a successor may
 * have activated (and dropped this deploy's caches) in between, and opening
 * one of them would bring it back. */
function put(cache, req, res, rel, referrer) {
  if (!current()) return Promise.resolve();
  return stamp(res).then(function (s) {
    if (!current()) return false;
    return caches.open(cache).then(function (c) { return c.put(req, s.res); }).then(function () {
      return note(rel, s.size, referrer);
    });
  }).then(function (stored) { return stored !== false && cache == PAGES && carried(rel); });
}

/* What a page carries (dist writes it into the page, so it was never
 * fetched) and another address of the same article or timeline needs
 * offline: an article's own file, its cited events and its figure in
 * every language (the language switch shows the other's), a timeline's
 * file. dist lists them for each (BUILD.needs + 'article/{slug}.json',
 * folio_model::offline::article_needs): the worker does not know the
 * content's layout. */
function carried(rel) {
  var a = /^(?:(?:zh|dual)\/)?(article|timeline)\/([^/]+)\//.exec(rel);
  if (!a) return;
  var page = location.origin + SCOPE + rel;
  return ensure(BUILD.needs + a[1] + '/' + a[2] + '.json').then(function (res) { return res && res.json(); }).then(function (list) {
    return Promise.all((Array.isArray(list) ? list : []).filter(function (f) {
      // The bundle's own content only.
      return typeof f == 'string' && f.indexOf('content/') == 0 && !/:|(^|\/)\.\.?(\/|$)/.test(f);
    }).map(function (f) { return ensure(f, page); }));
  }).catch(function () { /* a list that does not parse: nothing more to save */ });
}

/* The content file at `rel`, from the data cache, else fetched into it
 * (counted to the page at `referrer`, if given): a copy of it, or nothing
 * if it cannot be had. */
function ensure(rel, referrer) {
  var req = new Request(SCOPE + rel);
  return match(DATA, req).then(function (hit) {
    return hit || fetch(req).then(function (res) {
      if (!res.ok || html(res)) return null;
      return put(DATA, req, res.clone(), rel, referrer).then(function () { return res; });
    });
  }).catch(function () { return null; });
}

function code(req) {
  return match(CODE, req).then(function (hit) {
    return hit || fetch(req).then(function (res) {
      if (res.ok && current()) caches.open(CODE).then(function (c) { c.put(req, res.clone()); });
      return res;
    });
  });
}

function page(req, rel, e) {
  e.waitUntil(prune());
  return fetch(req).then(function (res) {
    if (res.status >= 500) throw res;
    // An SPA fallback's home page standing in for another address is
    // not that address's page.
    if (res.ok && html(res) && !res.redirected) e.waitUntil(put(PAGES, req, res.clone(), rel));
    return res;
  }).catch(function (failed) {
    return match(PAGES, req).then(function (hit) {
      if (hit) {
        touch(rel);
        return mark(hit, hit.headers.get('x-folio-saved'), false);
      }
      return match(CODE, SCOPE + 'offline.html').then(function (shell) {
        if (shell) return mark(shell, '', true);
        return failed instanceof Response ? failed : gone();
      });
    });
  });
}

/* A saved page as served: marked as a copy, and with the bundle root as
 * an absolute base where it stands in for another address. */
function mark(res, date, anywhere) {
  return res.text().then(function (text) {
    text = text.replace('<html', '<html data-saved="' + (date || '') + '"');
    if (anywhere) text = text.replace('<base href="./">', '<base href="' + SCOPE + '">');
    return new Response(text, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  });
}

function stale(req, rel, e) {
  return match(DATA, req).then(function (hit) {
    var net = fetch(req).then(function (res) {
      if (res.ok && !html(res)) return put(DATA, req, res.clone(), rel, req.referrer).then(function () { return res; });
      return res;
    });
    if (hit) {
      touch(rel, req.referrer);
      e.waitUntil(net.catch(function () {}));
      return hit;
    }
    return net.catch(gone);
  });
}

/* ---- What is saved, and for what ---- */

var meta, saving;

function load() {
  return meta ? Promise.resolve(meta) : match(DATA, META).then(function (r) { return r ? r.json() : {}; })
    .catch(function () { return {}; }).then(function (m) { return (meta = meta || m); });
}

/* Runs `f` on the index, then stores it, one change after another. */
var queue = Promise.resolve();
function edit(f) {
  queue = queue.then(load).then(f).then(function () {
    if (!saving && current()) saving = setTimeout(function () {
      saving = 0;
      caches.open(DATA).then(function (c) { c.put(META, new Response(JSON.stringify(meta))); });
    }, 500);
  }).catch(function () {});
  return queue;
}

function each(m, f) { Object.keys(m).forEach(function (k) { f(k, m[k]); }); }

/* The article or timeline a file belongs to, from its path or, for a
 * figure or a listing, from the page that asked for it. Any other file
 * is its own item. */
function owner(rel, referrer) {
  var a = /(?:^|\/)(article|timeline)s?\/([^/.]+)/.exec(rel);
  if (a) return a[1] + '/' + a[2];
  if (referrer) {
    var r = new URL(referrer).pathname.slice(SCOPE.length);
    a = /^(?:(?:zh|dual)\/)?(article|timeline)\/([^/]+)\//.exec(r);
    if (a && /^content\/(?!derived)/.test(rel)) return a[1] + '/' + a[2];
  }
  return rel;
}

function note(rel, size, referrer) {
  return edit(function (m) {
    var key = owner(rel, referrer), item = m[key] = m[key] || { urls: {} };
    item.urls[rel] = size;
    item.read = Date.now();
    evict(m);
  });
}

function touch(rel, referrer) {
  return edit(function (m) { var item = m[owner(rel, referrer)]; if (item) item.read = Date.now(); });
}

function size(item) {
  return Object.keys(item.urls).reduce(function (n, u) { return n + item.urls[u]; }, 0);
}

/* Past LIMIT, the least recently read go first, and kept ones last; never
 * the one read last, which the reader has in front of them. */
function evict(m) {
  var keys = Object.keys(m), total = 0;
  keys.forEach(function (k) { total += size(m[k]); });
  var last = keys.reduce(function (a, k) { return a && m[a].read >= m[k].read ? a : k; }, null);
  keys = keys.filter(function (k) { return k != last; });
  keys.sort(function (a, b) { return (!!m[a].kept - !!m[b].kept) || m[a].read - m[b].read; });
  while (total > LIMIT && keys.length) {
    var k = keys.shift();
    total -= size(m[k]);
    drop(m, k);
  }
}

function drop(m, key) {
  var urls = Object.keys((m[key] || { urls: {} }).urls);
  delete m[key];
  return Promise.all([DATA, PAGES].map(function (name) {
    // Only a cache that is there (see `match`).
    return caches.has(name).then(function (has) {
      return has && caches.open(name).then(function (c) {
        return Promise.all(urls.map(function (u) { return c.delete(SCOPE + u, { ignoreSearch: true, ignoreVary: true }); }));
      });
    });
  }));
}

/* Fetches every file of `key` into the caches, and marks it kept. */
function keep(key, urls) {
  var failed = 0;
  return Promise.all(urls.map(function (rel) {
    var req = new Request(SCOPE + rel);
    return fetch(req).then(function (res) {
      if (!res.ok) throw res;
      return put(/^content\//.test(rel) ? DATA : PAGES, req, res, rel);
    }).catch(function () { failed++; });
  })).then(function () {
    return edit(function (m) {
      var item = m[key] = m[key] || { urls: {} };
      item.kept = urls;
      item.read = Date.now();
    });
  }).then(function () { return { key: key, bytes: size(meta[key]), failed: failed }; });
}

/* The titles the listing shows, from the article's or timeline's own file. */
function titles(m) {
  return Promise.all(Object.keys(m).filter(function (k) { return /^(article|timeline)\//.test(k); }).map(function (k) {
    var parts = k.split('/'), file = 'content/' + parts[0] + 's/' + parts[1] + '.json';
    return match(DATA, SCOPE + file).then(function (r) { return r ? r.json() : {}; }).catch(function () { return {}; })
      .then(function (j) {
        return { key: k, title: j.headline || j.title || null, bytes: size(m[k]), kept: !!m[k].kept, read: m[k].read };
      });
  }));
}

function api(req, what) {
  var json = function (v) { return new Response(JSON.stringify(v), { headers: { 'content-type': 'application/json' } }); };
  if (what == 'saved') {
    return load().then(titles).then(function (items) {
      items.sort(function (a, b) { return b.read - a.read; });
      return json({ items: items, limit: LIMIT });
    });
  }
  if (req.method == 'POST' && (what == 'keep' || what == 'forget')) {
    return req.json().then(function (body) {
      if (typeof body.key != 'string') throw 0;
      if (what == 'keep') return keep(body.key, (body.urls || []).filter(function (u) { return typeof u == 'string'; }));
      return edit(function (m) { return drop(m, body.key); }).then(function () { return { key: body.key }; });
    }).then(json, function () { return new Response('', { status: 400 }); });
  }
  return Promise.resolve(new Response('', { status: 404 }));
}
