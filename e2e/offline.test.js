// Offline re-reading through the offline worker (static/sw.js), against a
// copy of the release dist/ below a sub-path, on a static server this file
// runs so that it can also fail (5xx), go away (offline), and be deployed
// into. "Offline" is both Playwright's setOffline and the server refusing
// every connection, so nothing can come from the network by accident.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { createHash } from 'node:crypto';
import { appReady, articleFiles, axeViolations, launch, newPage, waitForApp } from './browser.js';
import { staticHost } from './static_host.js';

const SUB = '/news/folio';
const content = (rel) => JSON.parse(readFileSync(new URL(`../content/${rel}`, import.meta.url)));
const catalog = content('catalog.json');
const timeline = content(`timelines/${catalog.timelines[0].id}.json`);
const [first, second] = articleFiles();

let browser;
let dir;
let host;
let origin;
/// 'up', 'failing' (every answer a 503) or 'down' (every connection cut).
let state = 'up';

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'folio-offline-'));
  cpSync(new URL('../dist', import.meta.url), join(dir, SUB), { recursive: true });
  ({ server: host, origin } = await staticHost(dir, {
    prefix: SUB,
    answer: (req, res) => {
      if (state === 'up') return false;
      if (state === 'down') req.socket.destroy();
      else res.writeHead(503).end('down for maintenance');
      return true;
    },
  }));
});
after(async () => {
  await browser?.close();
  host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const at = (path) => `${origin}${SUB}${path}`;
const pagePath = (a, n, mode = '') => `${mode}/article/${a.slug}/${n === 1 ? '' : `${n}/`}`;

/// A context in which the worker may run (the suite's other files block it).
async function readerPage() {
  const page = await newPage(browser, { raw: true, serviceWorkers: 'allow' });
  if (process.env.DEBUG_SW) {
    page.on('response', (r) => { if (r.status() >= 400) console.log('DBG', r.status(), r.url()); });
    page.on('console', (m) => console.log('DBG console', m.type(), m.text()));
  }
  page.goto = ((goto) => async (url) => {
    const r = await goto(url);
    await appReady(page);
    return r;
  })(page.goto.bind(page));
  return page;
}

/// Waits until the worker controls the page and holds each of `paths`
/// (from the bundle root) in one of its caches.
async function savedAll(page, paths) {
  await until(page, async (urls) => {
    if (!navigator.serviceWorker.controller) return false;
    for (const u of urls) {
      const hit = await caches.match(new URL(u, document.baseURI).href, { ignoreSearch: true, ignoreVary: true });
      if (!hit) return false;
    }
    return true;
  }, paths.map((p) => p.replace(/^\//, '')));
}

/// Polls `f` in the page until it resolves to true (30 s at most): from
/// here, because waitForFunction does not wait for a promise.
async function until(page, f, arg) {
  const deadline = Date.now() + 30000;
  while (!(await page.evaluate(f, arg))) {
    if (Date.now() > deadline) throw new Error(`not within 30 s: ${f}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function offline(page, on) {
  state = on ? 'down' : 'up';
  await page.context().setOffline(on);
}

const heading = (page) => page.locator('main h1').first().innerText();

test('a page read before reloads offline, with its text, pager, language switch and a note that it is a saved copy', async () => {
  const page = await readerPage();
  await page.goto(at(pagePath(first, 1)));
  // The page, and what the worker saves with it from dist's list (the
  // figure in the other language among them), in the background.
  const figures = typeof first.figure?.src === 'object' ? Object.values(first.figure.src).map((f) => `content/${f}`) : [];
  await savedAll(page, [pagePath(first, 1), `content/articles/${first.slug}.json`, ...figures]);
  await offline(page, true);
  try {
    await page.reload();
    await appReady(page);
    await waitForApp(page);
    assert.equal(await heading(page), first.headline.en);
    assert.match(await page.locator('.saved-notice').innerText(), /You’re offline\. This is the copy saved on this device on \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    assert.ok((await page.locator('#page-text p').count()) > 2, 'the text is there');
    // A page turn to a page never opened: the article's file holds it.
    await page.locator('a.pager-next').click();
    await page.waitForURL(at(pagePath(first, 2)));
    assert.equal(await heading(page), first.headline.en);
    assert.equal(await page.locator('.saved-notice').count(), 0, 'a view the app drew is no saved page');
    // The language switch, on the client.
    await page.locator('fieldset.lang-toggle label:has(input[value=zh])').click();
    await page.waitForURL(at(pagePath(first, 2, '/zh')));
    assert.equal(await heading(page), first.headline.zh);
    if (typeof first.figure?.src === 'object') {
      // The figure in the other language was saved with the page.
      const map = page.locator('figure.lead-figure img');
      await page.waitForFunction(() => document.querySelector('figure.lead-figure img')?.complete);
      assert.ok((await map.getAttribute('src')).endsWith(first.figure.src.zh), 'the Chinese map');
      assert.ok(await map.evaluate((img) => img.naturalWidth > 0), 'drawn, offline');
    }
    // A reload of that page, never loaded as a page: the offline page
    // stands in and the app draws it from the saved article.
    await page.reload();
    await appReady(page);
    await page.locator('#page-text p').first().waitFor();
    assert.equal(await heading(page), first.headline.zh);
    assert.match(await page.locator('.saved-notice').innerText(), /您处于离线状态/);
    assert.equal(await page.evaluate(() => document.baseURI), at('/'), 'the base it stands in with is the bundle root');
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await offline(page, false);
    await page.context().close();
  }
});

test('offline, a page not read gets the offline view in the reader\'s language, listing what is saved', async () => {
  const page = await readerPage();
  await page.goto(at(pagePath(first, 1, '/zh')));
  await savedAll(page, [pagePath(first, 1, '/zh'), `content/articles/${first.slug}.json`]);
  await offline(page, true);
  try {
    await page.goto(at(pagePath(second, 1, '/zh')));
    await page.locator('.error-panel h1').waitFor();
    assert.equal(await heading(page), '您处于离线状态');
    const items = page.locator('.saved-list .saved-item a');
    await items.first().waitFor();
    assert.deepEqual(await items.allInnerTexts(), [first.headline.zh]);
    assert.match(await page.locator('.saved-item .saved-size').first().innerText(), /^\d+ KB$/);
    const violations = await axeViolations(page, 'offline view');
    assert.deepEqual(violations, []);
    // Its link opens what is saved.
    await items.first().click();
    await page.waitForURL(at(pagePath(first, 1, '/zh')));
    await page.locator('#page-text p').first().waitFor();
    assert.equal(await heading(page), first.headline.zh);
  } finally {
    await offline(page, false);
    await page.context().close();
  }
});

test('the timeline and an event read before open offline', async () => {
  const page = await readerPage();
  const ev = timeline.events[5];
  const path = `/timeline/${timeline.id}/${ev.id}/`;
  await page.goto(at(path));
  await page.locator(`.event-card[data-event="${ev.id}"]`).first().waitFor();
  // Its page carries the timeline; the worker saves its file beside it,
  // for the other events' addresses.
  await savedAll(page, [path, `content/timelines/${timeline.id}.json`]);
  await offline(page, true);
  try {
    await page.reload();
    await appReady(page);
    await waitForApp(page);
    await page.locator(`.event-card[data-event="${ev.id}"] h2`).waitFor();
    assert.equal(await page.locator('.event-card h2').first().innerText(), ev.title.en);
    // Another event's address, never opened: the saved timeline holds it.
    const next = timeline.events[6];
    await page.goto(at(`/timeline/${timeline.id}/${next.id}/`));
    await page.locator(`.event-card[data-event="${next.id}"] h2`).waitFor();
    assert.equal(await page.locator('.event-card h2').first().innerText(), next.title.en);
    // Only the paragraphs that cite it, never read, are not there.
    assert.deepEqual(page.consoleErrors.filter((e) => !/status of 503 \(Offline\)/.test(e)), []);
  } finally {
    await offline(page, false);
    await page.context().close();
  }
});

test('"Keep for offline" saves every page in every language; the Display dialog lists it with its size and removes it', async () => {
  const page = await readerPage();
  await page.goto(at(pagePath(second, 1)));
  await savedAll(page, [pagePath(second, 1)]);
  // The worker took over in the middle of this first visit. A view drawn
  // after that (another article, by a link in the page) still keeps to
  // what the visit began with: the offline controls' code never competes
  // with a first visit's reading.
  await page.locator(`aside.related a[href$="article/${first.slug}/"]`).first().click();
  await page.waitForURL(at(pagePath(first, 1)));
  await page.locator('#page-text p').first().waitFor();
  assert.equal(await page.locator('button.keep-offline').count(), 0, 'no button before the worker serves a page');
  const offlineCode = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /split_offline/.test(e.name)));
  assert.equal(await offlineCode(), false, 'the offline chunk is not loaded on a first visit');
  // The button comes with the worker: a page it serves, and so controls
  // from the start.
  await page.goto(at(pagePath(second, 1)));
  const keep = page.locator('button.keep-offline');
  assert.equal(await keep.innerText(), 'Keep for offline');
  await keep.click();
  await page.waitForFunction(() => /^Kept for offline · \d/.test(document.querySelector('button.keep-offline')?.textContent));
  assert.equal(await keep.getAttribute('data-kept'), '', 'shown as kept');
  assert.equal(await keep.getAttribute('aria-pressed'), null, 'not a toggle: pressing it again saves afresh');
  await offline(page, true);
  try {
    const pages = [...second.pages.keys()].map((i) => i + 1);
    for (const [mode, lang] of [['', 'en'], ['/zh', 'zh'], ['/dual', 'en']]) {
      for (const n of [...pages, 'all']) {
        const path = n === 'all' ? `${mode}/article/${second.slug}/all/` : pagePath(second, n, mode);
        const res = await page.goto(at(path));
        assert.equal(res.status(), 200, path);
        await waitForApp(page);
        await page.locator('#page-text p').first().waitFor();
        assert.equal((await heading(page)).split('\n')[0], second.headline[lang], path);
        assert.match(await page.locator('.saved-notice').innerText(), /offline|离线/, `${path}: a saved copy, and said so`);
      }
    }
    // The Display dialog: what is saved, kept, with its size.
    await page.goto(at(pagePath(second, 1)));
    await page.locator('.settings-button').click();
    const item = page.locator(`.settings-dialog .saved-item[data-key="article/${second.slug}"]`);
    await item.waitFor();
    assert.equal(await item.locator('a').innerText(), second.headline.en);
    assert.match(await item.locator('.saved-size').innerText(), /^\d+(\.\d)? (KB|MB)$/);
    assert.equal(await item.locator('.saved-kept').innerText(), 'kept');
    await item.locator('button.saved-remove').click();
    await item.waitFor({ state: 'detached' });
    const gone = await page.evaluate((slug) => caches.match(new URL(`content/articles/${slug}.json`, document.baseURI).href), second.slug);
    assert.equal(gone, undefined, 'its files are gone from the device');
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await offline(page, false);
    await page.context().close();
  }
});

test('while online, a page the host fails to serve shows its saved copy under a notice, never silently', async () => {
  const page = await readerPage();
  await page.goto(at(pagePath(first, 1)));
  await savedAll(page, [pagePath(first, 1)]);
  state = 'failing';
  try {
    await page.reload();
    await appReady(page);
    assert.equal(await heading(page), first.headline.en);
    assert.match(await page.locator('.saved-notice').innerText(), /^The site did not answer\. This is the copy saved on this device on /);
  } finally {
    state = 'up';
    await page.context().close();
  }
  // And an answer from the host is shown as it is, with no notice.
  const fresh = await readerPage();
  await fresh.goto(at(pagePath(first, 1)));
  assert.equal(await fresh.locator('.saved-notice').count(), 0);
  await fresh.context().close();
});

test('a new deploy into the same folder is picked up on the next visit: new code, old code dropped, no errors', async () => {
  const page = await readerPage();
  await page.goto(at(pagePath(first, 1)));
  await savedAll(page, [pagePath(first, 1)]);
  const root = join(dir, SUB);
  const old = readdirSync(root).find((f) => /^app-[0-9a-f]+$/.test(f));
  const codeOf = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/app-[0-9a-f]+\//.test(n))?.match(/app-[0-9a-f]+/)[0]);
  assert.equal(await codeOf(), old);
  const oldCaches = await page.evaluate(() => caches.keys());
  // The deploy: the same app under a new code folder, as a rebuild with a
  // change writes it (every page, the loader and the worker name it).
  const fresh = old.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
  renameSync(join(root, old), join(root, fresh));
  // The page's policy allows its inline loader by hash: a loader that
  // names another folder has another hash.
  const sha = (t) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
  const rehash = (html) => {
    const loader = /<script type="?module"?>([\s\S]*?)<\/script>/.exec(html)?.[1];
    return loader ? html.replace(sha(loader.replaceAll(to, from)), sha(loader)) : html;
  };
  let [from, to, version] = [old, fresh, '0000deploy02'];
  const rewrite = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) rewrite(p);
      else if (/\.(html|js)$/.test(f)) {
        const text = readFileSync(p, 'utf8');
        if (text.includes(from)) writeFileSync(p, rehash(text.replaceAll(from, to)).replace(/"version":"[0-9a-z]+"/, `"version":"${version}"`));
      }
      // A host serves what is there: stale compressed copies would be the old deploy.
      if (/\.(br|gz)$/.test(f)) rmSync(p);
    }
  };
  rewrite(root);
  try {
    await page.reload();
    await appReady(page);
    // The new worker takes over (installed and active: until then the old
    // one serves the page); the next visit runs the new code only.
    await until(page, async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return (await caches.keys()).includes('folio-code-0000deploy02') && !r.installing && !r.waiting && r.active?.state === 'activated';
    });
    await page.reload();
    await appReady(page);
    await waitForApp(page);
    assert.equal(await codeOf(), fresh);
    const code = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/app-/.test(n)));
    assert.ok(code.every((n) => n.includes(fresh)), `only the new deploy's code: ${code.join(' ')}`);
    // The new worker drops the old deploy's code and pages as it activates.
    const stale = oldCaches.filter((k) => /^folio-(code|pages)-/.test(k));
    assert.equal(stale.length, 2, `the old deploy's caches: ${oldCaches}`);
    await until(page, async (stale) => (await caches.keys()).every((k) => !stale.includes(k)), stale);
    const now = await page.evaluate(() => caches.keys());
    assert.ok(now.includes('folio-data'), 'what was read stays');
    // And offline, the new deploy's saved page and code.
    await savedAll(page, [pagePath(first, 1)]);
    await offline(page, true);
    await page.reload();
    await appReady(page);
    assert.equal(await heading(page), first.headline.en);
    assert.equal(await codeOf(), fresh);
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await offline(page, false);
    renameSync(join(root, fresh), join(root, old));
    [from, to, version] = [fresh, old, 'deploy03'];
    rewrite(root);
    await page.context().close();
  }
});

test('the worker is registered once the app shows its view, not before; 10 s after the load if it never does', async () => {
  // Its install fetches every file of the app's code: begun while the
  // app was starting, it made the app live later (static/prefs.js).
  const page = await newPage(browser, { raw: true, serviceWorkers: 'allow' });
  await page.route('**/main_bg.wasm', (r) => r.abort('internetdisconnected'));
  await page.goto(at(pagePath(first, 1)));
  await page.waitForLoadState('load');
  await page.waitForTimeout(2000);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.ok(await page.locator('#boot h1').isVisible(), 'the page as published is there');
  // The app never came: the worker does, and the page can be read again offline.
  await until(page, async () => (await navigator.serviceWorker.getRegistrations()).length > 0);
  await page.context().close();
});

test('an embed registers no worker', async () => {
  const page = await readerPage();
  await page.goto(at(`/embed/article/${first.slug}/`));
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  await page.context().close();
});

/// sw.js's eviction, run in a sandbox with Cache Storage stubbed: past its
/// bound, the least recently read go first, and what the reader kept last.
test('a worker drops other deploys\' code and pages, but never those of a newer one still installing', async () => {
  const deleted = [];
  const me = {};
  const registration = { scope: 'https://news.example/folio/', active: me, installing: {} };
  const sandbox = {
    self: { registration, serviceWorker: me, addEventListener() {} },
    location: { origin: 'https://news.example' },
    caches: {
      keys: async () => ['folio-code-dev', 'folio-pages-dev', 'folio-code-next', 'folio-pages-next', 'folio-data'],
      delete: async (k) => { deleted.push(k); return true; },
    },
    URL, Promise, Date, JSON, Object, Array,
  };
  vm.runInNewContext(readFileSync(new URL('../static/sw.js', import.meta.url), 'utf8'), sandbox);
  const prune = () => vm.runInNewContext('prune()', sandbox);
  await prune();
  assert.deepEqual(deleted, [], 'a newer deploy is installing: its caches stay');
  registration.installing = null;
  registration.waiting = {};
  await prune();
  assert.deepEqual(deleted, [], 'or waiting');
  registration.waiting = null;
  registration.active = {};
  await prune();
  assert.deepEqual(deleted, [], 'a replaced worker prunes nothing');
  registration.active = me;
  await prune();
  assert.deepEqual(deleted.sort(), ['folio-code-next', 'folio-pages-next'], 'the active one drops the others, and keeps what was read');
});

/// sw.js, in a sandbox that records which caches it opens: a replaced
/// worker still finishing a request (a page's message, a lookup) must not
/// bring back, empty, a cache its successor dropped.
test('looking in a cache, or forgetting what it holds, never makes the cache', async () => {
  const opened = [];
  const sandbox = {
    self: { registration: { scope: 'https://news.example/folio/', active: {} }, serviceWorker: {}, addEventListener() {} },
    location: { origin: 'https://news.example' },
    caches: {
      open: async (k) => { opened.push(k); return { match: async () => undefined, delete: async () => false }; },
      match: async () => undefined,
      has: async () => false,
    },
    URL, Promise, Date, JSON, Object, Array,
  };
  vm.runInNewContext(readFileSync(new URL('../static/sw.js', import.meta.url), 'utf8'), sandbox);
  assert.equal(await vm.runInNewContext("match(CODE, 'https://news.example/folio/app-1/main.js')", sandbox), undefined);
  await vm.runInNewContext("drop({ 'article/a': { urls: { 'content/articles/a.json': 1 } } }, 'article/a')", sandbox);
  assert.deepEqual(opened, [], 'no cache was opened, so none was made');
});

test('the worker\'s storage is bounded: the least recently read are evicted first, kept ones last', async () => {
  const deleted = [];
  const cache = { delete: async (u) => { deleted.push(u); return true; } };
  const sandbox = {
    self: { registration: { scope: 'https://news.example/folio/' }, addEventListener() {} },
    location: { origin: 'https://news.example' },
    caches: { open: async () => cache, has: async () => true },
    URL, Promise, Date, JSON, Object, Array,
  };
  vm.runInNewContext(readFileSync(new URL('../static/sw.js', import.meta.url), 'utf8'), sandbox);
  sandbox.LIMIT = 100;
  const m = {
    'article/old': { urls: { 'content/articles/old.json': 40 }, read: 1 },
    'article/kept': { urls: { 'content/articles/kept.json': 40 }, read: 0, kept: ['x'] },
    'article/new': { urls: { 'content/articles/new.json': 40 }, read: 3 },
  };
  vm.runInNewContext('evict(m)', Object.assign(sandbox, { m }));
  assert.deepEqual(Object.keys(m).sort(), ['article/kept', 'article/new'], 'the oldest read that was not kept went');
  m['article/newer'] = { urls: { 'content/articles/newer.json': 70 }, read: 4 };
  vm.runInNewContext('evict(m)', sandbox);
  assert.deepEqual(Object.keys(m), ['article/newer'], 'then the older read, then what was kept');
  await new Promise((r) => setTimeout(r, 10));
  assert.ok(deleted.includes('/folio/content/articles/old.json'), `its files left the caches: ${deleted.join(' ')}`);
});
