// The release dist/ on the servers publishers run: Debian's nginx with the
// recipe in docs/deploying.md as written (and once more with an SPA fallback in place
// of error_page), and Caddy with its recipe, each at the host's root and
// below a sub-path. The offline worker runs, as it does for readers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { appReady, articleFiles, launch, newPage } from './browser.js';
import { startHost } from './hosts.js';
import { journeys, pagePath } from './journeys.js';

const [first] = articleFiles();
const timeline = JSON.parse(readFileSync(new URL('../content/catalog.json', import.meta.url))).timelines[0];
const HOSTS = ['nginx', 'nginx-spa', 'caddy'].flatMap((kind) => [[kind, ''], [kind, '/news/folio']]);

let browser;
const running = new Map();
before(async () => {
  browser = await launch();
  for (const [kind, prefix] of HOSTS) running.set(`${kind} ${prefix || 'root'}`, await startHost(kind, prefix));
});
after(async () => {
  await browser?.close();
  for (const h of running.values()) await h.stop();
});

for (const [kind, prefix] of HOSTS) {
  const name = `${kind} ${prefix || 'root'}`;
  const host = () => running.get(name);
  journeys(name, () => host().url, () => browser, { modes: ['', '/zh'], options: { serviceWorkers: 'allow' } });

  test(`${name}: types, cache headers and compressed copies as docs/deploying.md says`, async () => {
    const dir = host().dir;
    const code = readdirSync(dir).find((f) => /^app-[0-9a-f]+$/.test(f));
    const css = readdirSync(dir).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
    const get = (path, encoding = 'br') => fetch(host().url + path, { headers: { 'accept-encoding': encoding } });
    const expect = [
      // path, type, Cache-Control
      [`/${code}/main_bg.wasm`, /^application\/wasm/, 'public, max-age=31536000, immutable'],
      [`/${code}/main.js`, /^text\/javascript/, 'public, max-age=31536000, immutable'],
      [`/${css}`, /^text\/css/, 'public, max-age=31536000, immutable'],
      [pagePath(first.slug, 2), /^text\/html/, 'public, max-age=300'],
      [`/content/articles/${first.slug}.json`, /^application\/json/, 'public, max-age=300'],
      ['/content/figures/southern-kuril-islands.svg', /^image\/svg\+xml/, 'public, max-age=300'],
      ['/prefs.js', /^text\/javascript/, 'public, max-age=3600'],
      ['/embed.js', /^text\/javascript/, 'public, max-age=3600'],
      ['/sw.js', /^text\/javascript/, 'no-cache'],
    ];
    for (const [path, type, cache] of expect) {
      const raw = readFileSync(join(dir, path.endsWith('/') ? `${path}index.html` : path));
      for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]]) {
        const res = await get(path, encoding);
        assert.equal(res.status, 200, path);
        assert.match(res.headers.get('content-type'), type, `${path}: its type`);
        assert.equal(res.headers.get('cache-control'), cache, `${path}: its caching`);
        // Node's fetch decodes; the header says what travelled.
        assert.equal(res.headers.get('content-encoding'), encoding, `${path} arrives as ${encoding}`);
        assert.ok(Buffer.from(await res.arrayBuffer()).equals(raw), `${path}: the ${encoding} copy is the file`);
        assert.ok(decode(readFileSync(join(dir, (path.endsWith('/') ? `${path}index.html` : path) + (encoding === 'br' ? '.br' : '.gz')))).equals(raw));
      }
    }
  });

  test(`${name}: no page makes a synchronous request, on a first visit or a later one`, async () => {
    const page = await newPage(browser, { raw: true });
    // Before any script of the page's: every synchronous XMLHttpRequest.
    await page.addInitScript(() => {
      window.__sync = [];
      const open = XMLHttpRequest.prototype.open;
      XMLHttpRequest.prototype.open = function (method, url, async) {
        if (async === false) window.__sync.push(`${method} ${url}`);
        return open.apply(this, arguments);
      };
    });
    for (const path of ['/', pagePath(first.slug, 2), '/zh/', '/no/such/page/', '/']) {
      await page.goto(host().url + path);
      await appReady(page);
      assert.deepEqual(await page.evaluate(() => window.__sync), [], `${path}: no synchronous request`);
    }
    await page.context().close();
  });

  if (kind === 'nginx-spa') {
    test(`${name}: a first visit to an address that is no route finds the bundle, styled, with no request held up`, async () => {
      // A reader who never visited: no root remembered. The home page the
      // fallback sends guesses its own folder, finds out it was wrong, and
      // loads once more from the root it found.
      const page = await newPage(browser, { raw: true });
      const root = host().url;
      await page.goto(`${root}/nope/deeper/still`);
      await page.waitForFunction((r) => document.baseURI === r && performance.getEntriesByName('folio-ready').length > 0, `${root}/`);
      await page.locator('main h1').waitFor();
      assert.match(await page.locator('main h1').innerText(), /not found/i);
      assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /Charter|Georgia|serif/, 'styled');
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation')[0].type), 'reload', 'loaded once more');
      await page.context().close();
    });


    test(`${name}: an unknown address answered with the home page still finds the bundle and shows "not found", styled`, async () => {
      const page = await newPage(browser, { raw: true });
      const root = host().url;
      for (const [miss, zh] of [[`/article/no-such-story/`, false], [`/zh/article/${first.slug}/9/x/`, true], ['/nope/deeper/still', false]]) {
        const res = await page.goto(root + miss);
        assert.equal(res.status(), 200, `${miss}: the fallback's status`);
        await appReady(page);
        await page.locator('main h1').waitFor();
        assert.match(await page.locator('main h1').innerText(), zh ? /页面不存在|未找到/ : /not found/i, miss);
        assert.equal(await page.evaluate(() => document.baseURI), `${root}/`, `${miss}: the bundle root`);
        assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /Charter|Georgia|serif/, `${miss}: styled`);
      }
      // A page's address without its trailing slash, which this try_files
      // serves as is.
      await page.goto(`${root}/timeline/${timeline.id}`);
      await appReady(page);
      assert.equal(await page.evaluate(() => document.baseURI), `${root}/`);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });

    test(`${name}: an article copied into the deployed content/ opens at its address`, async () => {
      const dir = host().dir;
      const slug = `${first.slug}-copy`;
      const article = { ...first, slug, headline: { en: 'A story copied in after the build', zh: '构建后复制进来的报道' } };
      const file = join(dir, 'content', 'articles', `${slug}.json`);
      writeFileSync(file, JSON.stringify(article));
      try {
        const page = await newPage(browser, { raw: true });
        await page.goto(`${host().url}/article/${slug}/2/`);
        await appReady(page);
        await page.locator('#page-text p').first().waitFor();
        assert.equal(await page.locator('main h1').innerText(), article.headline.en);
        assert.deepEqual(page.consoleErrors, []);
        await page.context().close();
      } finally {
        rmSync(file);
      }
    });
  } else {
    test(`${name}: an unknown address gets 404 and the styled not-found view`, async () => {
      const page = await newPage(browser, { raw: true });
      const res = await page.goto(`${host().url}/article/no-such-story/`);
      assert.equal(res.status(), 404);
      await appReady(page);
      await page.locator('main h1').waitFor();
      assert.match(await page.locator('main h1').innerText(), /not found/i);
      assert.match(await page.evaluate(() => getComputedStyle(document.body).fontFamily), /Charter|Georgia|serif/);
      await page.context().close();
    });
  }
}

