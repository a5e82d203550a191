// The journeys every host must carry a reader through, wherever the
// bundle is deployed: every kind of route directly and after a reload, in
// each language; search; the pager, the language toggle and the timeline
// by links, with back and forward; embeds. subpath.test.js runs them on
// plain static servers, hosts.test.js on nginx (with and without an SPA
// fallback) and Caddy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { appReady, articleFiles, newPage, waitForApp } from './browser.js';

const content = (rel) => JSON.parse(readFileSync(new URL(`../content/${rel}`, import.meta.url)));
const catalog = content('catalog.json');
const articles = articleFiles();
const timeline = content(`timelines/${catalog.timelines[0].id}.json`);

export const pagePath = (slug, n) => `/article/${slug}/${n === 1 ? '' : `${n}/`}`;
/// Each kind of view, with the heading it must show in English and 中文.
const ROUTES = [
  ['/', null],
  ['/edition/asia/', null],
  ['/section/opinion/', null],
  ...articles.flatMap((a) => [...a.pages.map((_, i) => [pagePath(a.slug, i + 1), a.headline]), [`/article/${a.slug}/all/`, a.headline]]),
  [`/timeline/${timeline.id}/`, timeline.title],
  [`/timeline/${timeline.id}/${timeline.events[7].id}/`, timeline.title],
  [`/embed/article/${articles[0].slug}/2/`, articles[0].headline],
  [`/embed/timeline/${timeline.id}/${timeline.events[20].id}/`, timeline.title],
];

/// Registers the journeys for the host `where`, whose bundle root `base()`
/// gives once the suite's set-up has run. `modes`: the language prefixes
/// to open every route in. `browser()`: the suite's browser. `options`:
/// for each page's context (a host test lets the offline worker run).
export function journeys(where, base, browser, { modes = ['', '/zh', '/dual'], options = {} } = {}) {
  const prefix = () => new URL(base()).pathname.replace(/\/$/, '');
  test(`${where}: every kind of route opens directly and after a reload, in ${modes.length > 2 ? 'each language' : 'English and 中文'}`, async () => {
    const page = await newPage(browser(), options);
    // Each view once the app has taken it over: until then the prerendered
    // view and the app's (hidden) are both in the DOM.
    page.goto = ((goto) => async (url) => {
      const r = await goto(url);
      await appReady(page);
      await waitForApp(page);
      return r;
    })(page.goto.bind(page));
    for (const [mode, lang] of modes.map((m) => [m, m === '/zh' ? 'zh' : 'en'])) {
      for (const [route, heading] of ROUTES) {
        const url = base() + mode + route;
        const res = await page.goto(url);
        assert.equal(res.status(), 200, `${url}: a real file`);
        const h1 = page.locator('main h1').first();
        if (heading) assert.ok((await h1.innerText()).includes(heading[lang] ?? heading.en), `${url}: ${await h1.innerText()}`);
        else assert.ok((await h1.innerText()).length > 0, url);
        assert.equal(new URL(page.url()).pathname, prefix() + mode + route, `${url}: the address stays`);
        if (route.startsWith('/embed/')) {
          assert.equal(await page.locator('html[data-frame=embed] .embed-frame').count(), 1, `${url}: an embed's frame`);
          assert.equal(await page.locator('.masthead, .site-footer').count(), 0, `${url}: without the site's chrome`);
        }
        if (route.includes('/2/') || route === '/') {
          await page.reload();
          await appReady(page);
          await waitForApp(page);
          if (heading) assert.ok((await h1.innerText()).includes(heading[lang] ?? heading.en), `${url} after a reload`);
        }
      }
    }
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test(`${where}: search finds, opens its result under the bundle, and reloads`, async () => {
    const page = await newPage(browser(), options);
    await page.goto(base() + '/zh/');
    await appReady(page);
    await page.locator('#search-q').click();
    await page.keyboard.type('北方四岛', { delay: 30 });
    await page.waitForURL((u) => u.pathname === prefix() + '/zh/search/');
    // The results of the whole word, not of its first characters.
    await page.waitForFunction(() => {
      const s = document.querySelector('.search-status');
      return s?.dataset.query === '北方四岛' && /条结果/.test(s.textContent)
        && document.querySelector('.search-results[data-quoted] .search-result');
    });
    await page.locator('.search-result .result-link').first().click();
    await page.locator('[data-landed]').waitFor();
    const at = new URL(page.url());
    assert.ok(at.pathname.startsWith(prefix() + '/zh/article/') && /^#b-\d+$/.test(at.hash), page.url());
    await page.goBack();
    await page.reload();
    await appReady(page);
    await page.locator('.search-result').first().waitFor();
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test(`${where}: the pager, the language toggle and the timeline work by links, with back and forward`, async () => {
    const page = await newPage(browser(), options);
    const path = () => new URL(page.url()).pathname;
    // Exactly there: a doubled base (`/news/folio/news/folio/…`) must fail.
    const at = (p) => page.waitForURL((u) => u.pathname === prefix() + p);
    const a = articles[1];
    await page.goto(base() + '/');
    await appReady(page);
    await page.getByRole('link', { name: a.headline.en }).click();
    await at(`${pagePath(a.slug, 1)}`);
    for (let n = 2; n <= a.pages.length; n++) {
      await page.locator('a.pager-next').click();
      await at(`${pagePath(a.slug, n)}`);
    }
    await page.goBack();
    await at(`${pagePath(a.slug, a.pages.length - 1)}`);
    await page.goForward();
    await at(`${pagePath(a.slug, a.pages.length)}`);
    await page.locator('fieldset.lang-toggle label:has(input[value=zh])').click();
    await at(`/zh${pagePath(a.slug, a.pages.length)}`);
    assert.match(await page.locator('#page-text').innerText(), /[\u4e00-\u9fff]/);
    await page.goBack();
    await at(`${pagePath(a.slug, a.pages.length)}`);

    // The timeline, from the home page's link, then an event by its link.
    await page.locator('a.site-name').click();
    await at(`/`);
    await page.getByRole('link', { name: timeline.title.en }).click();
    await at(`/timeline/${timeline.id}/`);
    await page.setViewportSize({ width: 390, height: 800 });
    const ev = timeline.events[4];
    await page.locator(`a.list-event[href$="/${ev.id}/"]`).click();
    await at(`/timeline/${timeline.id}/${ev.id}/`);
    await page.locator(`.event-card[data-event="${ev.id}"]`).waitFor();
    await page.goBack();
    await at(`/timeline/${timeline.id}/`);
    assert.equal(path(), `${prefix()}/timeline/${timeline.id}/`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test(`${where}: a partner page's snippet becomes an auto-sized embed of the article and of the timeline`, async () => {
    // The partner: another origin, a strict policy, docs/embedding.md's snippet.
    const a = articles[0];
    const html = `<!doctype html><html><head><meta charset=utf-8><title>Partner</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src ${new URL(base()).origin}; frame-src ${new URL(base()).origin}">
</head><body><h1>Partner news</h1>
<a class="folio-embed" href="${base()}/article/${a.slug}/2/">${a.headline.en}</a>
<a class="folio-embed" href="${base()}/zh/timeline/${timeline.id}/" data-theme="dark">${timeline.title.zh}</a>
<script async src="${base()}/embed.js"></script></body></html>`;
    const partner = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html); });
    await new Promise((r) => partner.listen(0, '127.0.0.1', r));
    try {
      const page = await newPage(browser(), { ...options, raw: true });
      await page.goto(`http://localhost:${partner.address().port}/`);
      const frames = page.locator('iframe');
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2 && !document.querySelector('a.folio-embed'));
      assert.equal(await frames.nth(0).getAttribute('src'), `${base()}/embed/article/${a.slug}/2/`);
      const article = page.frameLocator('iframe').nth(0);
      await article.locator('#page-text p').first().waitFor();
      assert.equal(await article.locator('main h1').innerText(), a.headline.en);
      // Lazy frames load as they come into view.
      await frames.nth(1).scrollIntoViewIfNeeded();
      const tl = page.frameLocator('iframe').nth(1);
      await tl.locator('.timeline-count').waitFor();
      assert.equal(await tl.locator('html').getAttribute('data-theme'), 'dark');
      // Sized to its content by the loader, not left at a default.
      await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 400));
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    } finally {
      partner.close();
    }
  });
}
