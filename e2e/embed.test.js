// Embedding Folio on a partner site, end to end against the release dist/:
// the loader (embed.js) on a page of another origin under a strict CSP, the
// embed views it frames, the Embed dialog's snippets, and the oEmbed files.
//
// The partner pages come from a small server started here, on another port
// of 127.0.0.1 (so another origin). Its pages carry no inline script and no
// inline style; Chromium reports CSP violations as console errors, which
// newPage() records (those of the embedded frames too).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { BASE, launch, newPage, withoutPageData, shippedArticle } from './browser.js';

const SLUG = 'japan-overtures-to-russia';
const LONG = 'seven-decades-of-summits';
const ID = 'japan-russia-summits';
const EVENT = '2016-05-sochi-new-approach';
const OTHER = '1993-10-tokyo-declaration';
const seed = shippedArticle(SLUG);
const tl = JSON.parse(readFileSync(new URL(`../content/timelines/${ID}.json`, import.meta.url)));
const para = (page, i, lang = 'en') => seed.pages[page].filter((b) => b.type === 'paragraph')[i].text[lang];

const ORIGIN = new URL(BASE).origin;
const CSP = (frameSrc = '') =>
  `default-src 'none'; script-src ${ORIGIN}; frame-src ${ORIGIN}${frameSrc}; style-src 'self'; img-src 'self'`;
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
const LOADER = `<script async src="${ORIGIN}/embed.js"></script>`;
const link = (path, attrs = '', text = 'Folio') => `<a class="folio-embed" href="${ORIGIN}${path}"${attrs}>${text}</a>`;

// The partner site: generated pages, a stylesheet, and a same-origin frame
// that posts a well-formed but forged resize message.
const STATIC = {
  '/host.css': ['text/css', 'body { font: 16px sans-serif; } .narrow { width: 460px; } .box { margin: 16px 0; }'],
  '/evil.js': [
    'text/javascript',
    "parent.postMessage({ type: 'folio:resize', v: 1, id: 'article/japan-overtures-to-russia', height: 4321 }, '*');\nwindow.posted = true;\n",
  ],
};
const hosted = new Map();
let browser;
let server;
let HOST;

before(async () => {
  browser = await launch();
  server = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://host').pathname;
    if (STATIC[path]) {
      res.writeHead(200, { 'content-type': `${STATIC[path][0]}; charset=utf-8` });
      return res.end(STATIC[path][1]);
    }
    if (path === '/evil.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; script-src 'self'" });
      return res.end('<!doctype html><title>evil</title><script src="/evil.js"></script>');
    }
    const page = hosted.get(path);
    if (!page) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': page.csp });
    res.end(page.html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  HOST = `http://127.0.0.1:${server.address().port}`;
  assert.notEqual(HOST, ORIGIN);
});
after(async () => {
  await browser?.close();
  server?.close();
});

/// Serves `body` as a partner page and returns its URL.
function hostPage(body, { frameSrc = '' } = {}) {
  const path = `/partner-${hosted.size}.html`;
  const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<link rel="stylesheet" href="/host.css"></head>\n<body>\n<h1>Partner news</h1>\n${body}\n<p>End of the partner page.</p>\n</body></html>`;
  hosted.set(path, { html, csp: CSP(frameSrc) });
  return HOST + path;
}

/// A fresh context on a partner page; the context closes when the test ends.
async function openHost(t, body, { frameSrc, init, ...options } = {}) {
  const page = await newPage(browser, options);
  t.after(() => page.context().close());
  if (init) await page.addInitScript(init);
  await page.goto(hostPage(body, { frameSrc }));
  return page;
}

/// Polls `fn` until it returns something truthy; errors count as "not yet"
/// (a frame may be navigating). `what` may be a function, for a message
/// that shows the last state.
async function until(fn, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e.message.split('\n')[0];
    }
    if (Date.now() > end) {
      assert.fail(`timed out after ${timeout} ms: ${typeof what === 'function' ? what() : what} (last: ${JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const frames = (page) => page.locator('iframe.folio-embed-frame');
const cspErrors = (page) => page.consoleErrors.filter((e) => /Content Security Policy/i.test(e));

/// The document inside an iframe (a Locator), once `ready` is in it and,
/// unless `ready` is in the prerendered view (`#boot …`), once the app has
/// taken the frame over: until then both views are in the DOM, the app's
/// hidden (src/shell/boot.rs), and a count would see two of everything.
async function inside(iframe, ready = '.embed-frame') {
  await iframe.waitFor({ state: 'attached' });
  await iframe.scrollIntoViewIfNeeded(); // lazy frames load, throttled ones lay out
  const doc = iframe.contentFrame();
  await doc.locator(ready).first().waitFor();
  if (!ready.startsWith('#boot')) await doc.locator('#boot').waitFor({ state: 'detached' });
  return doc;
}

/// The iframe's height on the host page, and its document's inside it.
async function measure(iframe) {
  const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
  const doc = await iframe.contentFrame().locator('html').evaluate((h) => ({
    scroll: h.scrollHeight,
    client: h.clientHeight,
    box: h.getBoundingClientRect().height,
  }));
  return { outer, ...doc };
}

/// Waits until the iframe is as tall as its document (within 3 px, no
/// inner scrollbar, no empty band below the content), twice in a row at
/// the same height, and `cond` holds; returns the measurement.
async function settle(iframe, label, cond = () => true) {
  await iframe.scrollIntoViewIfNeeded();
  let m;
  let prev;
  await until(
    async () => {
      [prev, m] = [m, await measure(iframe)];
      const fits = Math.abs(m.outer - m.scroll) <= 3 && m.scroll <= m.client + 1 && m.outer <= m.box + 3;
      return fits && prev?.outer === m.outer && cond(m);
    },
    () => `${label}: the iframe should be exactly as tall as its document ` +
      `(iframe ${m?.outer}px, document scrollHeight ${m?.scroll}px, clientHeight ${m?.client}px, html box ${m?.box}px)`,
  );
  return m;
}

/// The background behind the embedded text (body's, else html's), as
/// [r, g, b, a] whatever the CSS colour syntax.
const background = (doc) => doc.locator('body').evaluate((body) => {
  const ctx = document.createElement('canvas').getContext('2d');
  const rgba = (el) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = getComputedStyle(el).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  };
  const b = rgba(body);
  return b[3] > 0 ? b : rgba(document.documentElement);
});
const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
/// Where the embedded document is now (path and query).
const where = (doc) => doc.locator('html').evaluate(() => location.pathname + location.search);
const CJK = /[\u4e00-\u9fff]/;

test('the loader turns an article link and a timeline link into sandboxed, auto-sized iframes', async (t) => {
  const page = await openHost(
    t,
    `<div class="box">${link(`/article/${SLUG}/`, '', seed.headline.en)}</div>\n` +
      `<div class="box">${link(`/timeline/${ID}/`, '', tl.title.en)}</div>\n${LOADER}`,
    {
      // Records what the frames tell the host (init scripts are not subject to the page's CSP).
      init: () => {
        if (window !== window.top) return;
        window.__messages = [];
        addEventListener('message', (e) => window.__messages.push({ origin: e.origin, data: e.data }));
      },
    },
  );
  await until(async () => (await frames(page).count()) === 2, 'two iframes replace the two links');
  assert.equal(await page.locator('a.folio-embed').count(), 0, 'the links are gone');
  const expected = [
    [`${ORIGIN}/embed/article/${SLUG}/`, seed.headline.en],
    [`${ORIGIN}/embed/timeline/${ID}/`, tl.title.en],
  ];
  for (const [i, [src, title]] of expected.entries()) {
    const f = frames(page).nth(i);
    assert.equal(await f.getAttribute('src'), src);
    assert.equal(await f.getAttribute('title'), title);
    assert.equal(await f.getAttribute('sandbox'), SANDBOX);
    assert.equal(await f.getAttribute('loading'), 'lazy');
    assert.equal(await f.getAttribute('referrerpolicy'), 'strict-origin-when-cross-origin');
    const css = await f.evaluate((el) => [getComputedStyle(el).display, el.getBoundingClientRect().width, el.parentElement.clientWidth]);
    assert.equal(css[0], 'block');
    assert.ok(Math.abs(css[1] - css[2]) <= 1, `the iframe fills its container's width (${css[1]} of ${css[2]})`);
  }

  const article = await inside(frames(page).nth(0), '#page-text p');
  assert.equal(await article.locator('html').getAttribute('data-frame'), 'embed');
  assert.ok((await article.locator('#page-text').innerText()).includes(para(0, 0)));
  assert.equal(await article.locator('.related').count(), 0, 'no related list in an embed');
  const a = await settle(frames(page).nth(0), 'article');

  const timeline = await inside(frames(page).nth(1), '.timeline-count');
  assert.equal(await timeline.locator('.timeline-count').innerText(), '36 of 36 meetings');
  await timeline.locator('.axis .marker, .axis .cluster, a.list-event').first().waitFor();
  const b = await settle(frames(page).nth(1), 'timeline');

  // The messages behind those heights.
  const messages = await page.evaluate(() => window.__messages.filter((m) => m.data?.type === 'folio:resize'));
  for (const [id, m] of [[`article/${SLUG}`, a], [`timeline/${ID}`, b]]) {
    const mine = messages.filter((x) => x.data.id === id);
    assert.ok(mine.length >= 1, `${id} reported its height`);
    for (const x of mine) {
      assert.equal(x.origin, ORIGIN);
      assert.equal(x.data.v, 1);
      assert.ok(Number.isInteger(x.data.height) && x.data.height > 0, `an integer height: ${x.data.height}`);
    }
    assert.equal(mine.at(-1).data.height, m.outer, `${id}: the iframe has the last height it reported`);
  }
  assert.deepEqual(page.consoleErrors, [], 'no console errors (CSP violations included) on the host or in the frames');
});

test('the iframe height follows a page turn, a language switch, a window resize and an opened event', async (t) => {
  const page = await openHost(
    t,
    `<div class="box">${link(`/article/${SLUG}/`)}</div>\n` +
      `<div class="box narrow">${link(`/timeline/${ID}/`)}</div>\n${LOADER}`,
  );
  const [artFrame, tlFrame] = [frames(page).nth(0), frames(page).nth(1)];
  const art = await inside(artFrame, '#page-text p');
  const p1 = await settle(artFrame, 'article, page 1');

  await art.locator('a.pager-next').click();
  await until(async () => (await where(art)) === `/embed/article/${SLUG}/2/`, 'Next Page stays in the frame, at page 2');
  await art.locator('#page-text', { hasText: para(1, 0) }).waitFor();
  const p2 = await settle(artFrame, 'article, page 2', (m) => Math.abs(m.outer - p1.outer) > 3);

  await art.locator('fieldset.lang-toggle label:has(input[value=zh])').click();
  await until(async () => (await where(art)) === `/zh/embed/article/${SLUG}/2/`, 'the language switch stays in the frame');
  await art.locator('#page-text', { hasText: para(1, 0, 'zh') }).waitFor();
  assert.match(await art.locator('html').getAttribute('lang'), /^zh/);
  const zh = await settle(artFrame, 'article, page 2 in Chinese', (m) => Math.abs(m.outer - p2.outer) > 3);

  // A narrower host window reflows the text: the article grows.
  await page.setViewportSize({ width: 760, height: 900 });
  await settle(artFrame, 'article after the host narrowed', (m) => m.outer > zh.outer + 3);

  // The timeline sits in a 460 px box, so it shows its phone list.
  const timeline = await inside(tlFrame, 'a.list-event');
  const closed = await settle(tlFrame, 'timeline, no event open');
  await timeline.locator(`a.list-event[href*="/${EVENT}/"]`).click();
  await timeline.locator(`article.event-card[data-event="${EVENT}"]`).waitFor();
  assert.equal(await where(timeline), `/embed/timeline/${ID}/${EVENT}/`);
  await settle(tlFrame, 'timeline with an event open', (m) => m.outer > closed.outer + 20);
  assert.deepEqual(page.consoleErrors, []);
});

test('an embed whose timeline comes later keeps its prerendered view and height, then fits the app', async (t) => {
  // As dist writes the pages of a timeline too large to carry: no data in
  // the frame's document, so the app fetches the timeline (held back here).
  let release;
  const released = new Promise((r) => { release = r; });
  const page = await newPage(browser);
  t.after(() => page.context().close());
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__heights = [];
    addEventListener('message', (e) => { if (e.data?.type === 'folio:resize') window.__heights.push(e.data.height); });
  });
  // Before the partner page loads: its loader may create the frame at once.
  await withoutPageData(page.context(), { url: `${ORIGIN}/**` });
  await page.context().route(`**/content/timelines/${ID}.json`, async (route) => {
    await released;
    return route.fallback();
  });
  await page.goto(hostPage(`<div class="box">${link(`/timeline/${ID}/`, '', tl.title.en)}</div>\n${LOADER}`));
  await until(async () => (await frames(page).count()) === 1, 'the link becomes an iframe');
  const frame = frames(page).first();
  const doc = await inside(frame, '#boot .axis .marker');
  await until(() => doc.locator('html').evaluate(() => performance.getEntriesByName('folio-ready').length > 0), 'the app runs');
  // The app waits hidden behind the prerendered view: the frame must not
  // be told it is 0 px tall, nor show a loading line.
  assert.equal(await doc.locator('#boot .axis .marker').first().isVisible(), true);
  assert.equal(await doc.locator('.loading').isVisible(), false);
  assert.ok((await frame.evaluate((f) => f.getBoundingClientRect().height)) > 100, 'the frame keeps a height');
  assert.deepEqual(await page.evaluate(() => window.__heights.filter((h) => h <= 0)), []);
  release();
  await doc.locator('.timeline-count').waitFor();
  await until(() => doc.locator('html').evaluate(() => !document.getElementById('boot')), 'the app takes over');
  await settle(frame, 'after the timeline arrived');
});

test('only a frame’s own messages resize it: not the host, not a same-origin frame, not another embed', async (t) => {
  const page = await openHost(
    t,
    `<div class="box">${link(`/article/${SLUG}/`, '', 'A')}</div>\n<div class="box">${link(`/article/${LONG}/`, '', 'B')}</div>\n${LOADER}`,
    { frameSrc: " 'self'" }, // for the forging frame below
  );
  const [A, B] = [frames(page).nth(0), frames(page).nth(1)];
  await inside(A, '#page-text p');
  await inside(B, '#page-text p');
  await settle(A, 'A');
  await settle(B, 'B');
  // Every height each iframe is given from now on.
  await page.evaluate(() => {
    window.__heights = [[], []];
    document.querySelectorAll('iframe.folio-embed-frame').forEach((f, i) =>
      new MutationObserver(() => window.__heights[i].push(f.style.height)).observe(f, { attributes: true, attributeFilter: ['style'] }));
  });
  const forged = { type: 'folio:resize', v: 1, id: `article/${SLUG}`, height: 4321 };

  // (a) The host window itself.
  await page.evaluate((m) => window.postMessage(m, '*'), forged);
  // (a) A frame of the host's origin (its script posts on load, then once more).
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'evil';
    f.src = src;
    document.body.append(f);
  }, `${HOST}/evil.html`);
  const evil = page.locator('#evil').contentFrame();
  await until(() => evil.locator('html').evaluate(() => window.posted === true), 'the forging frame ran');
  await evil.locator('html').evaluate((_, m) => parent.postMessage(m, '*'), forged);
  // A's own window, but not the message the loader expects.
  const docA = A.contentFrame();
  for (const bad of [{ ...forged, v: 2 }, { ...forged, v: '1' }, { ...forged, height: '4321' }, { ...forged, type: 'resize' }, { ...forged, height: null }]) {
    await docA.locator('html').evaluate((_, m) => parent.postMessage(m, '*'), bad);
  }
  // (b) B posts: B moves, A does not.
  await B.contentFrame().locator('html').evaluate((_, m) => parent.postMessage(m, '*'), { ...forged, id: `article/${LONG}` });
  await until(() => page.evaluate(() => window.__heights[1].includes('4321px')), 'B takes the height B posts');
  await page.waitForTimeout(300);
  const seenA = await page.evaluate(() => window.__heights[0]);
  assert.ok(!seenA.includes('4321px'), `A was never given another frame's height (A's heights: ${seenA})`);
  assert.notEqual((await measure(A)).outer, 4321);
  await settle(A, 'A after the forged messages');
  assert.deepEqual(page.consoleErrors, []);
});

test('two embeds on one page size independently', async (t) => {
  const page = await openHost(
    t,
    `<div class="box">${link(`/article/${SLUG}/`, '', 'one page')}</div>\n` +
      `<div class="box">${link(`/article/${SLUG}/all/`, '', 'all pages')}</div>\n${LOADER}`,
  );
  const [one, all] = [frames(page).nth(0), frames(page).nth(1)];
  const docOne = await inside(one, '#page-text p');
  const docAll = await inside(all, '#page-text p');
  assert.ok((await docAll.locator('#page-text').innerText()).includes(para(1, 0)), 'the second shows all pages');
  const m1 = await settle(one, 'page 1');
  const mAll = await settle(all, 'all pages');
  assert.ok(mAll.outer > m1.outer + 100, `all pages (${mAll.outer}px) are taller than page 1 (${m1.outer}px)`);

  // Turning the first embed's page moves only the first.
  await docOne.locator('a.pager-next').click();
  await docOne.locator('#page-text', { hasText: para(1, 0) }).waitFor();
  const m2 = await settle(one, 'page 2', (m) => Math.abs(m.outer - m1.outer) > 3);
  const after = await settle(all, 'all pages, after the other turned');
  assert.equal(after.outer, mAll.outer, 'the other embed kept its height');
  assert.notEqual(m2.outer, after.outer);
  assert.deepEqual(page.consoleErrors, []);
});

test('with JavaScript off the partner keeps a working link to the full view', async (t) => {
  const page = await openHost(t, `${link(`/article/${SLUG}/2/`, ' data-theme="dark"', seed.headline.en)}\n${LOADER}`, { javaScriptEnabled: false });
  const a = page.getByRole('link', { name: seed.headline.en });
  assert.ok(await a.isVisible(), 'the link is visible');
  assert.equal(await a.getAttribute('href'), `${ORIGIN}/article/${SLUG}/2/`);
  assert.equal(await page.locator('iframe').count(), 0);
});

test('data-theme, data-transparent, data-plain and a /zh/ iframe change the embedded view', async (t) => {
  const page = await openHost(
    t,
    [
      `<div class="box">${link(`/article/${SLUG}/`, ' data-theme="dark"', 'dark')}</div>`,
      `<div class="box">${link(`/article/${SLUG}/`, ' data-transparent="1"', 'transparent')}</div>`,
      `<div class="box">${link(`/timeline/${ID}/`, ' data-plain="1"', 'plain')}</div>`,
      `<div class="box"><iframe id="zh" src="${ORIGIN}/zh/embed/article/${SLUG}/" title="${seed.headline.zh}" width="100%" height="600"></iframe></div>`,
      LOADER,
    ].join('\n'),
  );
  await until(async () => (await frames(page).count()) === 3, 'three iframes');
  const src = (i) => frames(page).nth(i).getAttribute('src');
  assert.equal(await src(0), `${ORIGIN}/embed/article/${SLUG}/?theme=dark`);
  assert.equal(await src(1), `${ORIGIN}/embed/article/${SLUG}/?transparent=1`);
  assert.equal(await src(2), `${ORIGIN}/embed/timeline/${ID}/?plain=1`);

  const dark = await inside(frames(page).nth(0), '#page-text p');
  assert.equal(await dark.locator('html').getAttribute('data-theme'), 'dark');
  const bg = await background(dark);
  assert.ok(bg[3] > 0 && luminance(bg) < 0.25, `a dark background, got rgba(${bg})`);
  // Not plain: the small header, whose link opens the full view in a new tab.
  const open = dark.locator('header.embed-head a.embed-open');
  assert.equal(await open.getAttribute('target'), '_blank');
  const full = new URL(await open.evaluate((a) => a.href));
  assert.equal(full.origin, ORIGIN);
  assert.ok(full.pathname.startsWith(`/article/${SLUG}/`), `the full view: ${full}`);
  assert.equal(await dark.locator('header.embed-head fieldset.lang-toggle input[type=radio]').count(), 3);

  const clear = await inside(frames(page).nth(1), '#page-text p');
  assert.equal(await clear.locator('html').getAttribute('data-transparent'), '');
  for (const el of ['html', 'body']) {
    assert.equal(await clear.locator(el).evaluate((e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)', `${el} is transparent`);
  }

  const plain = await inside(frames(page).nth(2), '.timeline-count');
  assert.equal(await plain.locator('header.embed-head').count(), 0, 'plain=1 hides the header');
  assert.equal(await plain.locator('html').getAttribute('data-theme'), 'auto');
  assert.ok(luminance(await background(plain)) > 0.6, 'auto is light in a light-scheme browser');
  await settle(frames(page).nth(2), 'plain timeline');

  const zh = await inside(page.locator('#zh'), '#page-text p');
  assert.match(await zh.locator('html').getAttribute('lang'), /^zh/);
  const text = await zh.locator('#page-text').innerText();
  assert.match(text, CJK);
  assert.ok(text.includes(para(0, 0, 'zh')), 'the Chinese text');
  assert.ok(!text.includes(para(0, 0)), 'and not the English');
  assert.deepEqual(page.consoleErrors, []);
});

test('an event deep-linked in an iframe survives a reload, and so does one chosen inside it', async (t) => {
  const page = await openHost(t, `<div class="box narrow">${link(`/timeline/${ID}/${EVENT}/`)}</div>\n${LOADER}`);
  const f = frames(page).first();
  await until(async () => (await f.getAttribute('src')) === `${ORIGIN}/embed/timeline/${ID}/${EVENT}/`, 'the event stays in the embed URL');
  const doc = await inside(f, `article.event-card[data-event="${EVENT}"]`);

  const reload = async () => {
    await doc.locator('html').evaluate(() => {
      window.__beforeReload = true;
      setTimeout(() => location.reload());
    });
    // Reloaded, and the app's view shown (`folio-view`, src/shell/boot.rs):
    // the prerendered view holds the card twice (list and axis).
    await until(
      async () => doc.locator('html').evaluate(() => window.__beforeReload === undefined && performance.getEntriesByName('folio-view').length > 0),
      'the frame reloaded and the app took over',
    );
  };
  await reload();
  await doc.locator(`article.event-card[data-event="${EVENT}"]`).waitFor();
  assert.equal(await where(doc), `/embed/timeline/${ID}/${EVENT}/`);
  await settle(f, 'after a reload');

  await doc.locator(`a.list-event[href*="/${OTHER}/"]`).click();
  await doc.locator(`article.event-card[data-event="${OTHER}"]`).waitFor();
  assert.equal(await where(doc), `/embed/timeline/${ID}/${OTHER}/`);
  await reload();
  await doc.locator(`article.event-card[data-event="${OTHER}"]`).waitFor();
  assert.equal(await where(doc), `/embed/timeline/${ID}/${OTHER}/`);
  assert.equal(await doc.locator(`article.event-card[data-event="${EVENT}"]`).count(), 0);
  await settle(f, 'after choosing an event and reloading');
  assert.deepEqual(page.consoleErrors, []);
});

test('the Embed dialog builds snippets that work on a strict-CSP partner page', async (t) => {
  const page = await newPage(browser);
  t.after(() => page.context().close());
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await page.goto(`${BASE}/article/${SLUG}/`);
  await page.locator('#page-text p').first().waitFor();
  const button = page.locator('button.embed-button');
  await button.click();
  const dialog = page.locator('dialog.embed-dialog');
  await until(() => dialog.evaluate((d) => d.open && d.matches(':modal')), 'the dialog opens as a modal');
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus is inside the dialog');
  assert.deepEqual(await dialog.locator('select[name=start] option').evaluateAll((os) => os.map((o) => o.value)), ['1', '2', 'all']);

  await dialog.locator('select[name=lang]').selectOption('zh');
  await dialog.locator('select[name=theme]').selectOption('dark');
  await dialog.locator('select[name=start]').selectOption('2');
  await dialog.locator('input[type=checkbox][name=plain]').check();
  const preview = dialog.locator('iframe.embed-preview');
  await until(async () => {
    const u = new URL(await preview.evaluate((f) => f.src));
    return u.origin === ORIGIN && u.pathname === `/zh/embed/article/${SLUG}/2/` &&
      u.searchParams.get('theme') === 'dark' && u.searchParams.get('plain') === '1';
  }, 'the preview shows the zh embed of page 2, dark and plain');
  const shown = preview.contentFrame();
  await shown.locator('#page-text', { hasText: para(1, 0, 'zh') }).waitFor();

  // The loader snippet: a link to the full view and the script.
  const loader = await dialog.locator('textarea.snippet[data-variant=loader]').inputValue();
  const parsed = await page.evaluate((html) => {
    const d = new DOMParser().parseFromString(html, 'text/html');
    const a = d.querySelector('a.folio-embed');
    const s = d.querySelector('script');
    return { href: a?.getAttribute('href'), theme: a?.dataset.theme, plain: a?.dataset.plain, text: a?.textContent, src: s?.getAttribute('src'), async: s?.hasAttribute('async') };
  }, loader);
  assert.deepEqual(parsed, {
    href: `${ORIGIN}/zh/article/${SLUG}/2/`,
    theme: 'dark',
    plain: '1',
    text: parsed.text,
    src: `${ORIGIN}/embed.js`,
    async: true,
  }, loader);
  assert.ok(parsed.text.trim().length > 0, 'the link has text');

  // The iframe snippet: the same embed, with its flags.
  const iframeSnippet = await dialog.locator('textarea.snippet[data-variant=iframe]').inputValue();
  const framed = await page.evaluate((html) => {
    const f = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
    return f && { src: f.getAttribute('src'), title: f.getAttribute('title') };
  }, iframeSnippet);
  assert.ok(framed?.title, `an iframe with a title: ${iframeSnippet}`);
  const fu = new URL(framed.src);
  assert.deepEqual([fu.origin + fu.pathname, fu.searchParams.get('theme'), fu.searchParams.get('plain')],
    [`${ORIGIN}/zh/embed/article/${SLUG}/2/`, 'dark', '1'], iframeSnippet);

  const status = dialog.locator('[role=status]');
  for (const [variant, value] of [['loader', loader], ['iframe', iframeSnippet]]) {
    await page.evaluate(() => navigator.clipboard.writeText('-'));
    await dialog.locator(`button.copy[data-variant=${variant}]`).click();
    await until(async () => (await status.innerText()).includes('Copied'), `"Copied" after copying the ${variant} snippet`);
    await until(async () => (await page.evaluate(() => navigator.clipboard.readText())) === value, `the clipboard holds the ${variant} snippet`);
  }

  await page.keyboard.press('Escape');
  await until(() => dialog.evaluate((d) => !d.open), 'Escape closes the dialog');
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'focus returns to the Embed button');
  assert.deepEqual(page.consoleErrors, []);

  // The loader snippet, pasted as is into a partner page.
  const host = await openHost(t, `<div class="box">${loader}</div>`);
  const f = frames(host).first();
  const doc = await inside(f, '#page-text p');
  const u = new URL(await f.getAttribute('src'));
  assert.equal(u.origin + u.pathname, `${ORIGIN}/zh/embed/article/${SLUG}/2/`);
  assert.ok((await doc.locator('#page-text').innerText()).includes(para(1, 0, 'zh')), 'Chinese page 2');
  assert.equal(await doc.locator('html').getAttribute('data-theme'), 'dark');
  assert.ok(luminance(await background(doc)) < 0.25, 'dark');
  assert.equal(await doc.locator('header.embed-head').count(), 0, 'plain: no header');
  await settle(f, 'the pasted loader snippet');
  assert.deepEqual(host.consoleErrors, []);

  // The plain iframe snippet: a fixed height, and it displays.
  const plain = await openHost(t, `<div class="box">${iframeSnippet}</div>`);
  const fixed = plain.locator('iframe').first();
  const fdoc = await inside(fixed, '#page-text p');
  assert.ok((await fdoc.locator('#page-text').innerText()).includes(para(1, 0, 'zh')));
  assert.deepEqual(cspErrors(plain), [], 'the iframe snippet needs no inline style under a strict CSP (a style="" attribute is blocked)');
  const height = Number(await fixed.getAttribute('height'));
  assert.ok(height > 100, `a fixed height attribute: ${height}`);
  assert.equal(await fixed.evaluate((e) => e.clientHeight), height, 'the iframe keeps its fixed height');
  assert.deepEqual(plain.consoleErrors, []);
});

test('each full view advertises an oEmbed description whose HTML embeds it', async (t) => {
  for (const [path, title, ready, id] of [
    [`/article/${SLUG}/`, seed.headline.en, '#page-text p', `article/${SLUG}`],
    [`/timeline/${ID}/`, tl.title.en, '.timeline-count', `timeline/${ID}`],
  ]) {
    const res = await fetch(BASE + path);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    const links = [...html.matchAll(/<link\b[^>]*>/gi)].map(([tag]) =>
      Object.fromEntries([...tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => [m[1].toLowerCase(), (m[2] ?? m[3]).replaceAll('&amp;', '&')])));
    const discovery = links.find((l) => l.type === 'application/json+oembed');
    assert.ok(discovery, `${path}: <link type="application/json+oembed"> in the static head`);
    assert.equal(discovery.rel, 'alternate');
    // `cargo xtask test` builds the bundle for the address it serves it at
    // (FOLIO_SITE_URL), as a publisher would for theirs.
    const href = new URL(discovery.href);
    assert.equal(href.origin, ORIGIN, 'an absolute link to this deployment');
    assert.equal(href.pathname, `/oembed/${id}.json`);
    const res2 = await fetch(ORIGIN + href.pathname);
    assert.equal(res2.status, 200, href.pathname);
    const o = await res2.json();
    assert.equal(o.type, 'rich');
    assert.equal(o.version, '1.0');
    assert.equal(o.title, title);
    assert.ok(typeof o.provider_name === 'string' && o.provider_name.length > 0, 'provider_name');
    assert.match(o.provider_url, /^https?:\/\//, 'provider_url is absolute');
    assert.ok(Number.isInteger(o.width) && o.width > 0 && Number.isInteger(o.height) && o.height > 0, `width ${o.width}, height ${o.height}`);
    const src = o.html.match(/<iframe\b[^>]*\bsrc="([^"]*)"/)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(src, `an iframe in the html: ${o.html}`);
    assert.match(src, /^https?:\/\//, 'the iframe src is absolute: the html is pasted on other sites');
    assert.equal(src, `${ORIGIN}/embed/${id}/`);

    // Pasted as is on a partner page.
    const page = await openHost(t, `<div class="box">${o.html}</div>`);
    const f = page.locator('iframe').first();
    await inside(f, ready);
    assert.deepEqual(cspErrors(page), [], 'the oEmbed html needs no inline style under a strict CSP (a style="" attribute is blocked)');
    assert.equal(Number(await f.getAttribute('height')), o.height, 'the iframe asks for the height the description gives');
    assert.equal(await f.evaluate((e) => e.clientHeight), o.height);
    assert.deepEqual(page.consoleErrors, []);
  }
});

test('theme=auto follows a dark system scheme, and sepia is its own palette', async (t) => {
  const page = await openHost(
    t,
    `<div class="box">${link(`/article/${SLUG}/`, '', 'auto')}</div>\n` +
      `<div class="box">${link(`/article/${SLUG}/`, ' data-theme="sepia"', 'sepia')}</div>\n` +
      `<div class="box">${link(`/article/${SLUG}/`, ' data-theme="light"', 'light')}</div>\n${LOADER}`,
    { colorScheme: 'dark' },
  );
  const auto = await inside(frames(page).nth(0), '#page-text p');
  assert.ok(luminance(await background(auto)) < 0.25, 'auto is dark in a dark-scheme browser');
  const sepia = await inside(frames(page).nth(1), '#page-text p');
  const [r, g, b] = await background(sepia);
  assert.ok(r > 200 && r > b + 10, `a warm paper: rgb(${r}, ${g}, ${b})`);
  const light = await inside(frames(page).nth(2), '#page-text p');
  assert.ok(luminance(await background(light)) > 0.9, 'light stays light whatever the system says');
  assert.deepEqual(page.consoleErrors, []);
});

test('links that leave the embedded view open a new tab; the frame stays where it was', async (t) => {
  const page = await openHost(t, `<div class="box">${link(`/article/${SLUG}/`)}</div>\n${LOADER}`);
  const frame = frames(page).first();
  const doc = await inside(frame, '#page-text p');
  // The "On this page" strip links to the timeline: another resource.
  const out = doc.locator('.event-strip a').first();
  await out.waitFor();
  const [popup] = await Promise.all([page.context().waitForEvent('page'), out.click()]);
  await popup.waitForLoadState('domcontentloaded');
  const opened = new URL(popup.url());
  assert.ok(opened.pathname.startsWith(`/timeline/${ID}/`), `the full timeline opened in a new tab: ${opened}`);
  assert.equal(await where(doc), `/embed/article/${SLUG}/`, 'the embed did not navigate');
  // A page turn, by contrast, stays inside.
  await doc.locator('a.pager-next').click();
  await until(async () => (await where(doc)) === `/embed/article/${SLUG}/2/`, 'Next Page stays in the frame');
  assert.equal(page.context().pages().length, 2, 'no other tab opened');
  assert.deepEqual(page.consoleErrors, []);
});
