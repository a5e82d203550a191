// The static bundle: every route is a prerendered file that reads without
// JavaScript, and the app takes it over without a visible change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, appReady, launch, newPage, waitForApp, withoutPageData, articleFiles } from './browser.js';
import { blockWords } from './rich.js';

const content = (rel) => JSON.parse(readFileSync(new URL(`../content/${rel}`, import.meta.url)));
const catalog = content('catalog.json');
const articles = articleFiles();
const timeline = content(`timelines/${catalog.timelines[0].id}.json`);
const paragraphs = (page, lang) => page.filter((b) => b.type === 'paragraph').map((b) => blockWords(b, lang));
const pagePath = (prefix, slug, n) => `${prefix}/article/${slug}/${n === 1 ? '' : `${n}/`}`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('with JavaScript off, every article page shows its text and its pager links work', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  for (const [prefix, lang] of [['', 'en'], ['/zh', 'zh']]) {
    for (const a of articles) {
      await page.goto(BASE + pagePath(prefix, a.slug, 1));
      for (let n = 1; n <= a.pages.length; n++) {
        const text = await page.locator('#page-text').innerText();
        for (const p of paragraphs(a.pages[n - 1], lang)) {
          assert.ok(text.includes(p.split('\n\n')[0].trim()), `${prefix}/${a.slug} page ${n} shows: ${p.slice(0, 40)}…`);
        }
        assert.equal(await page.locator('h1').count(), 1);
        if (n < a.pages.length) {
          await page.locator('a.pager-next').click(); // a real link to the next file
          await page.waitForURL(`**${pagePath(prefix, a.slug, n + 1)}`);
        } else {
          assert.equal(await page.locator('a.pager-next').getAttribute('href'), null, 'no Next on the last page');
        }
      }
    }
  }
  // The front page lists every article; the timeline shows every event
  // as a link, at desktop width too (the axis needs JavaScript).
  await page.goto(BASE + '/');
  for (const a of articles) await page.getByRole('link', { name: a.headline.en }).waitFor();
  await page.goto(BASE + `/timeline/${timeline.id}/`);
  assert.equal(page.viewportSize().width, 1280);
  assert.equal(await page.locator('a.list-event:visible').count(), timeline.events.length);
  assert.equal(await page.locator('.axis:visible').count(), 0, 'no axis without JavaScript');
  await page.locator('a.list-event').nth(4).click();
  await page.waitForURL(`**/timeline/${timeline.id}/${timeline.events[4].id}/`);
  await page.locator('.event-card:visible h2').waitFor();
  await page.context().close();
});

/// Loads `path` with the wasm held back, reads the prerendered text, lets
/// the app take over, and compares. The short lists beside an article are
/// not in the comparison: they are never prerendered (they change with
/// every story published), and come once the app has fetched them.
async function takeover(path, viewport, shows) {
  const page = await newPage(browser, { viewport, raw: true });
  await page.addInitScript(() => {
    window.__shift = 0;
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shift += e.value;
        // What moved, for the message: element, class, from and to.
        window.__shifts.push(e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className} ${[s.previousRect.y, s.previousRect.height]}→${[s.currentRect.y, s.currentRect.height]}`));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(BASE + path);
  // Where the heading, the first paragraph and the pager sit in the
  // document: the replaced markup is new nodes, which the layout-shift API
  // does not count, so compare the boxes themselves too. (In document
  // coordinates: a deep link to an event scrolls to it, which is not a
  // shift.)
  const boxes = () => page.evaluate(() => ['main h1', 'main p', '.pager, .timeline-count']
    .map((s) => document.querySelector(s)?.getBoundingClientRect())
    .map((r) => r && [r.x + scrollX, r.y + scrollY, r.width, r.height].map(Math.round).join(',')));
  const text = () => page.evaluate(() => {
    const lists = [...document.querySelectorAll('.related')];
    lists.forEach((r) => { r.style.display = 'none'; });
    const t = document.body.innerText;
    lists.forEach((r) => { r.style.display = ''; });
    return t;
  });
  const before = await text();
  const boxesBefore = await boxes();
  assert.ok(await page.locator('#boot main').count(), `${path}: prerendered`);
  if (shows) assert.ok(await page.locator(`#boot ${shows}:visible`).count(), `${path}: ${shows} is shown before the app runs`);
  release();
  await appReady(page);
  // The app has taken over (#boot gone), then a moment for any late shift.
  await waitForApp(page);
  await page.waitForTimeout(300);
  const after = await text();
  const [shift, shifts] = await page.evaluate(() => [window.__shift, window.__shifts]);
  assert.deepEqual(await boxes(), boxesBefore, `${path}: the heading, first paragraph and pager stay where they were`);
  await page.context().close();
  return { before, after, shift, shifts, errors: page.consoleErrors };
}

const ROUTES = [
  '/',
  '/edition/asia/',
  '/section/world/',
  ...articles.flatMap((a) => [...a.pages.map((_, i) => pagePath('', a.slug, i + 1)), `/article/${a.slug}/all/`]),
  `/embed/article/${articles[0].slug}/`,
];

for (const prefix of ['', '/zh', '/dual']) {
  test(`the app takes over every prerendered ${prefix || '/en'} route with the same text, no shift and no errors`, async () => {
    for (const route of ROUTES) {
      const r = await takeover(prefix + route, { width: 1280, height: 900 });
      assert.equal(r.after, r.before, `${prefix}${route}: the same text before and after`);
      assert.equal(r.shift, 0, `${prefix}${route}: layout shift`);
      assert.deepEqual(r.errors, [], `${prefix}${route}: console errors`);
    }
    // The timeline: its list on phones, its axis on wide screens, both as
    // prerendered (the axis with an event open already zoomed to it).
    for (const route of [
      `/timeline/${timeline.id}/`,
      `/timeline/${timeline.id}/${timeline.events[3].id}/`,
      `/timeline/${timeline.id}/${timeline.events[30].id}/`,
      `/embed/timeline/${timeline.id}/${timeline.events[10].id}/`,
    ]) {
      for (const [width, shows] of [[390, '.list-event'], [1280, '.axis .marker']]) {
        const r = await takeover(prefix + route, { width, height: 800 }, shows);
        assert.equal(r.after, r.before, `${prefix}${route} at ${width} px`);
        assert.equal(r.shift, 0, `${prefix}${route} at ${width} px: layout shift ${JSON.stringify(r.shifts)}`);
        assert.deepEqual(r.errors, []);
      }
    }
  });
}

test('an embed of a later page is a thin page: a real file, which the app fills in', async () => {
  const path = `/embed/article/${articles[0].slug}/2/`;
  const res = await fetch(BASE + path);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<meta name="robots" content="noindex">/);
  assert.match(html, new RegExp(`rel=preload as=fetch crossorigin href="content/articles/${articles[0].slug}\\.json"`));
  const page = await newPage(browser);
  await page.goto(BASE + path);
  await waitForApp(page);
  const first = blockWords(articles[0].pages[1].find((b) => b.type === 'paragraph'), 'en');
  await page.locator('#page-text').getByText(first).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an unknown path gets the not-found view from 404.html, and data for the app', async () => {
  const res = await fetch(BASE + '/no/such/page/');
  assert.equal(res.status, 404);
  const html = await res.text();
  assert.match(html, /id=folio-data/);
  const r = await takeover('/no/such/page/', { width: 1280, height: 900 });
  assert.match(r.before, /Page not found/);
  assert.equal(r.after, r.before);
  assert.deepEqual(r.errors.filter((e) => !/404/.test(e)), []);
});

/// Serves each page without its data, as dist writes a page whose content
/// is too large to carry, and holds `pattern`'s answers until `release()`.
async function withheld(page, pattern) {
  await withoutPageData(page);
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(pattern, async (route) => { await released; await route.fallback(); });
  return release;
}

test('while the app waits for content the page did not carry, the prerendered view stays, then the app takes over', async () => {
  const page = await newPage(browser);
  const release = await withheld(page, `**/content/timelines/${timeline.id}.json`);
  await page.goto(BASE + `/timeline/${timeline.id}/`);
  await page.waitForFunction(() => performance.getEntriesByName('folio-ready').length);
  // The app runs, but the reader still sees the prerendered timeline, not
  // a loading line, with English still shown as the chosen language.
  assert.equal(await page.locator('#boot .axis .marker').first().isVisible(), true);
  assert.equal(await page.locator('.loading').isVisible(), false);
  assert.equal(await page.locator('#boot input[value=en]').isChecked(), true);
  assert.equal(await page.locator('.masthead').filter({ visible: true }).count(), 1, 'one masthead on screen');
  release();
  await page.waitForFunction(() => !document.getElementById('boot'));
  assert.equal(await page.locator('.timeline-count').innerText(), `${timeline.events.length} of ${timeline.events.length} meetings`);
  assert.equal(await page.locator('.axis .marker').first().isVisible(), true);
  assert.equal(await page.locator('input[name=folio-mode][value=en]').isChecked(), true);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the language switch of a kept view works: it loads that language\'s page as published', async () => {
  const page = await newPage(browser);
  const release = await withheld(page, `**/content/timelines/${timeline.id}.json`);
  await page.goto(BASE + `/timeline/${timeline.id}/`);
  await appReady(page);
  await page.locator('#boot .lang-toggle label', { hasText: '中文' }).click();
  await page.waitForURL(`**/zh/timeline/${timeline.id}/`);
  // The Chinese page as published, itself kept while its app loads.
  await page.locator('#boot h1', { hasText: timeline.title.zh }).waitFor();
  assert.equal(await page.locator('#boot input[value=zh]').isChecked(), true);
  assert.equal(await page.evaluate(() => localStorage.getItem('folio.mode')), 'zh', 'the choice is remembered');
  release();
  await page.waitForFunction(() => !document.getElementById('boot'));
  assert.equal(await page.locator('main h1').innerText(), timeline.title.zh);
  assert.equal(await page.locator('input[name=folio-mode][value=zh]').isChecked(), true);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a filter chosen and a search begun before the app is live carry over to it', async () => {
  // The common case, the page carrying its data: the app replaces the
  // prerendered view as soon as its code runs. Held here until the reader
  // has used the prerendered controls.
  const page = await newPage(browser, { raw: true });
  const before = async (path, act) => {
    let release;
    const released = new Promise((r) => { release = r; });
    await page.route('**/main_bg.wasm', async (route) => { await released; await route.fallback(); });
    await page.goto(BASE + path, { waitUntil: 'domcontentloaded' });
    await act();
    assert.equal(await page.evaluate(() => performance.getEntriesByName('folio-ready').length), 0, 'the app was not live yet');
    release();
    await waitForApp(page);
    await page.unrouteAll();
  };
  await before(`/timeline/${timeline.id}/`, () => page.locator('#boot select[name=pm]').selectOption('hashimoto'));
  await page.waitForURL((url) => url.search === '?pm=hashimoto');
  assert.equal(await page.locator('select[name=pm]').inputValue(), 'hashimoto');
  assert.equal(await page.locator('.timeline-count').innerText(), `2 of ${timeline.events.length} meetings`);

  // Typing in the masthead's box searches as the reader types, so the
  // words typed so far lead to the search page, with the box still focused.
  await before(`/article/${articles[0].slug}/`, async () => {
    await page.locator('#boot input[name=q]').click();
    await page.keyboard.type('Krasno');
  });
  await page.waitForURL((url) => url.pathname.endsWith('/search/') && url.search === '?q=Krasno');
  await page.keyboard.type('yarsk');
  assert.equal(await page.evaluate(() => document.activeElement.matches('.masthead input[name=q]') && document.activeElement.value), 'Krasnoyarsk');
  await page.locator('.search-results a', { hasText: 'Krasnoyarsk' }).first().waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('404.html is not kept while the app loads the view it was served for', async () => {
  // An article added since the build: 404.html answers, and its "not
  // found" must not stand in for the article while the app looks for it.
  const page = await newPage(browser);
  const release = await withheld(page, '**/content/articles/added-later.json');
  await page.goto(BASE + '/article/added-later/');
  await page.locator('.loading').waitFor();
  assert.equal(await page.locator('#boot').count(), 0);
  release();
  await page.locator('.error-panel').waitFor();
  await page.context().close();
});

test('a page, its timeline and an embed load without a word in the console', async () => {
  // A partner who opens the console on their own page sees an embed's
  // warnings too, and reads them as Folio failing. With the offline
  // worker running, as for readers.
  const page = await newPage(browser, { serviceWorkers: 'allow' });
  const said = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') said.push(`${m.type()}: ${m.text()}`); });
  for (const path of [`/article/${articles[0].slug}/`, `/zh/timeline/${timeline.id}/`, `/embed/article/${articles[0].slug}/`]) {
    await page.goto(BASE + path);
    await appReady(page);
    // Chromium reports an unused preload a few seconds after the load.
    await page.waitForTimeout(3500);
  }
  assert.deepEqual(said, []);
  await page.context().close();
});

test('an address with view flags shows them over its prerendered file, without errors', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + `/embed/article/${articles[0].slug}/?plain=1&theme=dark`);
  await appReady(page);
  await waitForApp(page);
  await page.locator('#page-text p').first().waitFor();
  assert.equal(await page.locator('header.embed-head').count(), 0, 'plain=1 took effect');
  assert.equal(await page.locator('#boot').count(), 0, 'the prerendered markup is gone');
  assert.equal(await page.locator('main h1').count(), 1);
  await page.goto(BASE + `/timeline/${timeline.id}/?pm=abe`);
  await appReady(page);
  await page.locator('.timeline-count').waitFor();
  assert.doesNotMatch(await page.locator('.timeline-count').innerText(), /^36 of 36/, 'the filter took effect');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

/// The tags of a page's static head (as a crawler or a chat app sees it).
async function headOf(path) {
  const html = await (await fetch(BASE + path)).text();
  const head = html.slice(0, html.indexOf('<body'));
  const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([\w:-]+)=(?:"([^"]*)"|([^\s>"]+))/g)].map((m) => [m[1], m[2] ?? m[3]]));
  const tags = [...head.matchAll(/<(meta|link)\b[^>]*>/g)].map((m) => ({ tag: m[1], ...attrs(m[0]) }));
  const meta = (key) => tags.find((t) => t.tag === 'meta' && (t.name === key || t.property === key))?.content;
  const link = (rel, extra = {}) => tags.filter((t) => t.tag === 'link' && t.rel === rel && Object.entries(extra).every(([k, v]) => t[k] === v));
  const ld = head.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1];
  return { title: head.match(/<title>(.*?)<\/title>/s)?.[1], meta, link, ld: ld && JSON.parse(ld), html };
}

test('every route has its own title, description, canonical, hreflang, previews and, for articles, JSON-LD', async () => {
  const page = await newPage(browser);
  const [a] = articles;
  for (const [prefix, lang, locale] of [['', 'en', 'en_US'], ['/zh', 'zh', 'zh_CN']]) {
    for (const [route, kind] of [
      ['/', 'website'],
      [`/article/${a.slug}/`, 'article'],
      [`/article/${a.slug}/2/`, 'article'],
      [`/article/${a.slug}/all/`, 'article'],
      [`/timeline/${timeline.id}/`, 'website'],
      [`/timeline/${timeline.id}/${timeline.events[5].id}/`, 'website'],
    ]) {
      const path = prefix + route;
      const h = await headOf(path);
      assert.ok(h.title?.length >= 5, `${path}: a title`);
      assert.ok(h.meta('description')?.length > 20, `${path}: a description`);
      assert.equal(h.link('canonical')[0]?.href, BASE + path, `${path}: canonical`);
      assert.equal(h.link('alternate', { hreflang: 'en' })[0]?.href, BASE + route, `${path}: hreflang en`);
      assert.equal(h.link('alternate', { hreflang: 'zh-Hans' })[0]?.href, BASE + '/zh' + route, `${path}: hreflang zh`);
      assert.equal(h.link('alternate', { hreflang: 'x-default' })[0]?.href, BASE + route);
      assert.equal(h.meta('og:title'), h.title.replaceAll('&amp;', '&'));
      assert.equal(h.meta('og:type'), kind);
      assert.equal(h.meta('og:url'), BASE + path);
      assert.equal(h.meta('og:locale'), locale);
      // X falls back to og:title, og:description and og:image.
      assert.equal(h.meta('twitter:title'), undefined);
      assert.ok(h.meta('twitter:card'));
      if (kind === 'article') {
        assert.equal(h.ld['@type'], 'NewsArticle');
        assert.equal(h.ld.headline, a.headline[lang]);
        assert.equal(h.ld.datePublished, a.published);
        assert.equal(h.ld.inLanguage, lang === 'zh' ? 'zh-Hans' : 'en');
        assert.equal(h.meta('og:image'), `${BASE}/content/derived/cards/article/${a.slug}.${lang}.png`, `${path}: its share card`);
      } else {
        assert.equal(h.ld, undefined);
      }
      // The title the app sets once running is the one the page had.
      await page.goto(BASE + path);
      assert.equal(await page.title(), h.meta('og:title'), `${path}: the same title before and after the app runs`);
    }
  }
  const embed = await headOf(`/embed/article/${a.slug}/`);
  assert.equal(embed.meta('robots'), 'noindex');
  assert.equal(embed.link('canonical')[0]?.href, `${BASE}/article/${a.slug}/`, 'an embed is canonically its full view');
  // Nobody shares a frame's address: its previews are its full view's.
  assert.equal(embed.meta('og:title'), undefined, 'an embed has no Open Graph tags');
  assert.equal(embed.meta('twitter:card'), undefined, 'nor a card');
  assert.equal(embed.ld, undefined, 'nor JSON-LD');
  assert.equal(embed.link('alternate', { hreflang: 'en' }).length, 0, 'nor hreflang');
  await page.context().close();
});

test('every page carries a strict CSP, and the app runs under it with no violation', async () => {
  for (const path of ['/', `/zh/article/${articles[0].slug}/2/`, `/timeline/${timeline.id}/`, `/embed/article/${articles[0].slug}/`, '/no/such/page/']) {
    const html = await (await fetch(BASE + path)).text();
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
    assert.ok(csp, `${path}: a CSP meta`);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/, `${path}: nothing inline, no eval, no wildcard: ${csp}`);
    // Trunk's loader by hash (and, on 404.html, the script that finds the
    // bundle root).
    assert.match(csp, /script-src 'self'( 'sha256-[A-Za-z0-9+/=]+'){1,2} 'wasm-unsafe-eval';/);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), `${path}: the policy comes before any script`);
  }
  const page = await newPage(browser);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = async (label) => (await page.evaluate(() => window.__csp)).map((v) => `${label}: ${v}`);
  const found = [];
  // Each kind of view, and what it does once running: page turns, the
  // embed dialog and its preview, the timeline axis (inline positions).
  await page.goto(`${BASE}/article/${articles[0].slug}/`);
  await page.locator('a.pager-next').click();
  await page.locator('button.embed-button').click();
  await page.locator('iframe.embed-preview').contentFrame().locator('#page-text p').first().waitFor();
  found.push(...(await violations('article')));
  await page.goto(`${BASE}/timeline/${timeline.id}/`);
  await page.locator('.axis .marker, .axis .cluster').first().waitFor();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  found.push(...(await violations('timeline')));
  await page.goto(`${BASE}/dual/embed/timeline/${timeline.id}/${timeline.events[0].id}/?theme=dark`);
  // The app's view: the prerendered one holds the card twice (list and axis).
  await waitForApp(page);
  await page.locator('.event-card').waitFor();
  found.push(...(await violations('embed')));
  assert.deepEqual(found, []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
