// The same dist/, unchanged, served below a sub-path by a plain static
// file server with no SPA fallback (python3 -m http.server), and at the
// root by xtask's server (BASE).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { BASE, appReady, launch, newPage, articleFiles } from './browser.js';
import { journeys } from './journeys.js';
import { staticHost } from './static_host.js';

const content = (rel) => JSON.parse(readFileSync(new URL(`../content/${rel}`, import.meta.url)));
const catalog = content('catalog.json');
const articles = articleFiles();
const timeline = content(`timelines/${catalog.timelines[0].id}.json`);
const SUB = '/news/folio';

let browser;
let server;
let dir;
let SUBURL;

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'folio-subpath-'));
  cpSync(new URL('../dist', import.meta.url), join(dir, SUB), { recursive: true });
  const port = await freePort();
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  SUBURL = `http://127.0.0.1:${port}${SUB}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(SUBURL + '/')).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
});
after(async () => {
  await browser?.close();
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pagePath = (slug, n) => `/article/${slug}/${n === 1 ? '' : `${n}/`}`;

journeys('sub-path', () => SUBURL, () => browser);
journeys('root', () => BASE, () => browser);

test('sub-path: without JavaScript, pager links and assets resolve below the sub-path', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const a = articles[0];
  await page.goto(`${SUBURL}${pagePath(a.slug, 1)}`);
  await page.locator('a.pager-next').click();
  await page.waitForURL(`**${SUB}${pagePath(a.slug, 2)}`);
  const css = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(css, /Charter|Georgia|serif/, 'the stylesheet loaded from the sub-path');
  const img = await page.locator('.lead-figure img').evaluate((i) => i.src);
  assert.ok(img.startsWith(`${SUBURL}/content/`), img);
  await page.context().close();
});

test('sub-path: every route file is served, prerendered, with a base that leads back to the bundle root', async () => {
  const distDir = new URL('../dist/', import.meta.url);
  const files = readdirSync(distDir, { recursive: true }).filter((f) => f.endsWith('index.html'));
  assert.ok(files.length > 200, `the bundle has its route files (${files.length})`);
  for (const file of files) {
    const route = '/' + file.replace(/index\.html$/, '');
    const res = await fetch(SUBURL + route);
    assert.equal(res.status, 200, route);
    const html = await res.text();
    const base = html.match(/<base href="([^"]*)"[ >]/)?.[1];
    assert.equal(new URL(base, SUBURL + route).href, SUBURL + '/', `${route}: <base href="${base}"> is the bundle root`);
    // The embeds of an article's later pages and "view all" are thin
    // pages, which the app fills in: the head and the data, no view.
    if (/^\/(zh\/|dual\/)?embed\/article\/[^/]+\/(\d+|all)\/$/.test(route)) {
      assert.match(html, /<div class=boot id=boot><p class=boot-name>/, `${route}: thin`);
      assert.match(html, /id=folio-data>/, `${route}: with its data`);
      continue;
    }
    assert.match(html, /<div id=boot[^>]*><[^>]*>/, `${route}: prerendered`);
    assert.match(html, /<h1[\s>]/, `${route}: a heading in the prerendered view`);
  }
});

test('sub-path: an unknown address gets the styled not-found view from 404.html, at any depth', async () => {
  // A host that answers misses with the bundle's 404.html, as GitHub Pages
  // does for a project site (python's server cannot).
  const { server: host, origin } = await staticHost(dir, { prefix: SUB });
  try {
    const page = await newPage(browser, { raw: true });
    for (const miss of [`${SUB}/nope/`, `${SUB}/article/${articles[0].slug}/9/x/y/`, `${SUB}/zh/deep/er/path`]) {
      const res = await page.goto(origin + miss);
      assert.equal(res.status(), 404);
      await appReady(page);
      await page.locator('main h1').waitFor();
      assert.match(await page.locator('main h1').innerText(), /not found|页面不存在/i, miss); // 中文 below /zh/
      assert.equal(await page.evaluate(() => document.baseURI), `${origin}${SUB}/`, `${miss}: the base found is the bundle root`);
      assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /Charter|Georgia|serif/, `${miss}: styled`);
      const home = await page.locator('main a.button').evaluate((a) => a.href);
      const zh = miss.startsWith(`${SUB}/zh/`) ? 'zh/' : '';
      assert.equal(home, `${origin}${SUB}/${zh}`, 'the way back leads to the front page under the sub-path, in its language');
    }
    assert.deepEqual(page.consoleErrors.filter((e) => !/404/.test(e)), []);
    await page.context().close();
  } finally {
    host.close();
  }
});
