// What bench.mjs, scale.mjs and ab.mjs share: the browser, the observers
// installed before any script runs, the statistics and their formats, the
// sizes, and the measurements themselves (a cold load, page turns and
// language switches, the timeline's ready, zoom and selection), so that an
// A/B (ab.mjs) measures exactly what the bench does.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { blockWords } from '../e2e/rich.js';

export const THROTTLE = 4;
export const VIEWPORT = { width: 1280, height: 800 };

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
export const summary = (xs) => ({
  median: quantile(xs, 0.5), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75),
  p95: quantile(xs, 0.95), n: xs.length,
});

export const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : 'n/a');
export const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
export const spread = (s) => `${ms(s.median)} (IQR ${ms(s.p25)}–${ms(s.p75)})`;
/** Each array of an object of arrays, summarised. */
export const summaries = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, summary(v)]));

/** What the bench measures in a checkout's content/: the seed article and
 *  the first timeline. */
export function subjects(root) {
  const content = (rel) => JSON.parse(readFileSync(join(root, 'content', rel)));
  const catalog = content('catalog.json');
  // Every article is published; the seed article is the one measured. A
  // Markdown article (`{slug}.md`, with its `.zh.md`) is read as the JSON
  // dist made of it, which the bench has built before it runs.
  const slugs = readdirSync(join(root, 'content', 'articles'))
    .map((f) => f.match(/^(.+?)(\.zh)?\.(json|md)$/)).filter((m) => m && !m[2]).map((m) => m[1]);
  const json = (slug) => {
    const own = join(root, 'content', 'articles', `${slug}.json`);
    return JSON.parse(readFileSync(existsSync(own) ? own : join(root, 'dist', 'content', 'articles', `${slug}.json`)));
  };
  const articles = [...new Set(slugs)].sort().map(json);
  const article = articles.find((a) => a.slug === 'japan-overtures-to-russia');
  const timelineId = catalog.timelines[0].id;
  const timeline = content(`timelines/${timelineId}.json`);
  return { articles, article, timelineId, timeline, ARTICLE: `/article/${article.slug}/`, TIMELINE: `/timeline/${timelineId}/` };
}

export const brotli = (buf) => brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The app's wasm, JS and CSS in a bundle, raw, gzip and brotli, and their
 *  total (not `embed.js`, which partners load). */
export function sizes(dist) {
  // At the root, and in the app's folder (`app-{hash}/`, the split build's
  // main module and chunks; an older build has its one wasm at the root).
  const code = (dir) => readdirSync(join(dist, dir)).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'embed.js')
    .map((f) => (dir ? `${dir}/${f}` : f));
  const files = [...code(''), ...readdirSync(dist).filter((d) => /^app-[0-9a-f]+$/.test(d)).flatMap(code)];
  const rows = files.map((f) => {
    const buf = readFileSync(join(dist, f));
    return { file: f, kind: f.split('.').pop(), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotli(buf) };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { files: rows, total };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** First contentful paint, the first frame with the article's first
 *  paragraph laid out, and `folio-ready`, from navigation start, collected
 *  by observers installed before any script runs.
 *
 *  "First paragraph painted" is the later of the first contentful paint
 *  and the start of the first frame that holds the paragraph: it cannot be
 *  on screen before either. Not the Element Timing API: Chromium hands out
 *  text-paint entries on the main thread after the frame is presented, and
 *  drops those of nodes gone by then, which the prerendered paragraphs are
 *  once the app has replaced them. A frame's callbacks run only when the
 *  page can render (not while a stylesheet blocks it), so the first frame
 *  that sees the paragraph is the one that paints it. Where the first
 *  paint holds the paragraph (a prerendered page), the figure is that
 *  paint's presentation time; where the paragraph comes in a later frame
 *  it is the moment that frame's callbacks run (see `POLL` in bench.mjs
 *  for why not the frame's own timestamp), a little before it is painted. */
export const OBSERVE = () => {
  const b = (window.__bench = {});
  const observe = (type, f) => new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: true });
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });
  observe('mark', (e) => { if (e.name === 'folio-ready') b.ready = e.startTime; });
  addEventListener('folio-started', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
  const tick = () => {
    const p = document.querySelector('#page-text p');
    if (p && p.getBoundingClientRect().height > 0) b.textFrame = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** A fresh context and page under the CPU throttle, with the observers. */
export async function throttledPage(browser, viewport = VIEWPORT, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.addInitScript(OBSERVE);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, cdp, context, errors };
}

/** Conditions for `coldLoad`, run in the page. */
export const ARTICLE_READY = () => window.__bench.fcp && window.__bench.textFrame && window.__bench.ready;
export const ARTICLE_PAINTED = () => window.__bench.fcp && window.__bench.textFrame;
export const HOME_PAINTED = () => window.__bench.fcp && window.__bench.ready;

/** Opens `url` cold and resolves, once `until` holds, with the observers'
 *  figures (`fcp`, `textFrame`, `ready`) and `text`, the first paragraph
 *  painted (see `OBSERVE`); `inspect(page)` adds figures of its own. */
export async function coldLoad(browser, url, until, inspect = async () => ({})) {
  const { page, context, errors } = await throttledPage(browser);
  await page.goto(url);
  await page.waitForFunction(until, null, { timeout: 60_000 });
  const b = await page.evaluate(() => window.__bench);
  b.text = Math.max(b.fcp, b.textFrame);
  Object.assign(b, await inspect(page));
  await context.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return b;
}

/** Clicks `selector` and resolves with two times from the click: until
 *  the article text in the DOM holds `expected` (the new page's or
 *  language's first paragraph; an intermediate state, such as a loading
 *  line, does not count), and until the frame that shows it has been
 *  rendered (a task posted from that frame's animation-frame callback runs
 *  after its style, layout and paint), which is what a reader waits for.
 *  Work the app leaves to the next frame counts in the second figure. */
const CLICK_UNTIL_TEXT = ([selector, expected]) => new Promise((resolve) => {
  const has = () => document.querySelector('#page-text')?.textContent.includes(expected);
  if (has()) throw new Error(`the page already shows ${expected}`);
  const t0 = performance.now();
  const done = () => {
    obs.disconnect(); clearTimeout(timer);
    const dom = performance.now() - t0;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve({ dom, paint: performance.now() - t0 });
      ch.port2.postMessage(0);
    });
  };
  const obs = new MutationObserver(() => { if (has()) done(); });
  const timer = setTimeout(() => { obs.disconnect(); resolve({ dom: NaN, paint: NaN }); }, 5000);
  obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  document.querySelector(selector).click();
});

/** `count` page turns (1 → 2 → 1…) and then `count` language switches
 *  (English → 中文 → English…) of `article`, open at `url`, in one session:
 *  each `{ dom, paint }` (see `CLICK_UNTIL_TEXT`). `count` is even, so each
 *  run ends on page 1 in English. */
/** The start of the first paragraph of page `n` of `article` in `lang`:
 *  what the reader waits for after a page turn or a language switch. */
export function firstLine(article, n, lang) {
  const p = article.pages[n].find((b) => b.type === 'paragraph');
  return blockWords(p, lang).split('\n')[0].slice(0, 60);
}

/** The controls `clickToResponse` measures on `article`: the pager's Next
 *  and the 中文 switch, each with the text it brings. */
export const earlyControls = (article) => [
  ['pager', 'a.pager-next[href]', firstLine(article, 1, 'en')],
  ['language', 'input[name=folio-mode][value=zh]', firstLine(article, 0, 'zh')],
];

export async function interactions(browser, url, article, count) {
  const { page, context } = await throttledPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.ready);
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The first paragraph of a page in a language: what the reader waits for.
  const turns = []; const switches = [];
  for (let i = 0; i < count; i++) {
    const [sel, to] = i % 2 ? ['a.pager-prev[href]', 0] : ['a.pager-next[href]', 1];
    turns.push(await page.evaluate(CLICK_UNTIL_TEXT, [sel, firstLine(article, to, 'en')]));
    await settle();
  }
  for (let i = 0; i < count; i++) {
    const lang = i % 2 ? 'en' : 'zh';
    switches.push(await page.evaluate(CLICK_UNTIL_TEXT, [`input[name=folio-mode][value=${lang}]`, firstLine(article, 0, lang)]));
    await settle();
  }
  await context.close();
  for (const [what, xs] of [['page turn', turns], ['language switch', switches]]) {
    if (xs.some((x) => !Number.isFinite(x.dom))) throw new Error(`a ${what} did not change the text within 5 s`);
  }
  return { turns, switches };
}

/** The network of `clickToResponse`: a phone's (1.6 Mbit/s down, 150 ms
 *  of latency). On loopback the wasm arrives at once and the app is live
 *  before the page can be clicked; on a phone's network, the prerendered
 *  page is there a while before the app, and readers click it. */
export const PHONE_NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

/** Click to response of one control of a cold page (`selector`, the
 *  response: `text` at the start of the first paragraph of `#page-text`),
 *  in ms, on `PHONE_NETWORK`, clicked as soon as the prerendered page has
 *  painted and before the app is live (`live: false`: the click is then
 *  the browser's, a page load, or the prerendered switch's), or once it
 *  is (`live: true`: the app's, on the client). Timed from the test
 *  driver, the same way for both, by polling every 5 ms across the
 *  navigation; `null` if the click came too late to be "before" (the app
 *  was live) or nothing answered in 5 s. */
export async function clickToResponse(browser, url, selector, text, live) {
  const { page, cdp, context } = await throttledPage(browser);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE_NETWORK);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    live ? () => window.__bench.ready : (s) => performance.getEntriesByName('first-contentful-paint').length && document.querySelector(s),
    live ? undefined : selector, { polling: 5, timeout: 60_000 });
  const early = !live && await page.evaluate(() => !window.__bench.ready);
  const start = Date.now();
  // In the page, as a reader's click: a radio of the switch is hidden
  // behind its label, which Playwright's own click refuses.
  await page.evaluate((s) => document.querySelector(s).click(), selector);
  let ms = null;
  while (Date.now() - start < 5_000) {
    const shown = await page.evaluate((t) => document.querySelector('#page-text p')?.textContent.startsWith(t), text)
      .catch(() => false);
    if (shown) { ms = Date.now() - start; break; }
    await new Promise((r) => setTimeout(r, 5));
  }
  await context.close();
  return live || early ? ms : null;
}

/** Records, on the first animation frame where `cond` holds, the time from
 *  navigation start: the same method for Folio and for TimelineJS.
 *
 *  The time is read when the frame's callbacks run, not taken from the
 *  timestamp the callback is given. That timestamp is when Chromium began
 *  the frame, which can be before a long task that ran in between (for
 *  Folio, compiling and starting the wasm): measured on the 36-event
 *  timeline, it put "ready" about 230 ms before the callback ran, before
 *  `folio-ready` was marked and before the first contentful paint. */
const POLL = (test) => {
  const tick = () => {
    let ok = false;
    try { ok = test(); } catch { /* not there yet */ }
    if (ok) window.__readyAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** Folio's timeline, drawn and live: on the axis, and in the phone list. */
export const FOLIO_READY = `!document.getElementById('boot') && document.querySelector('.axis .marker, .axis .cluster')`;
export const FOLIO_LIST_READY = `!document.getElementById('boot') && document.querySelector('.list-event')`;

/** The critical path of a cold visit to `url`: the wasm, JS and CSS that
 *  the page asked for before `until` (a view-specific "shown and live",
 *  which both builds of an A/B meet) held, each read from `dist` and
 *  brotli-compressed as a host would serve it. Under the throttle, so
 *  that what the app fetches as it starts counts as it would on a phone. */
export async function criticalPath(browser, url, until, dist, viewport) {
  // Without the offline worker: on a cold visit it registers after the
  // load event and may take the page over before its view is shown or
  // after, which would make what the view asked for depend on timing (the
  // offline controls' chunk). e2e/budgets.test.js measures the same way.
  const { page, context, errors } = await throttledPage(browser, viewport, { serviceWorkers: 'block' });
  const asked = new Set();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.(wasm|js|css)$/.test(path)) asked.add(path);
  });
  await page.goto(url);
  // Polled in the page by a script the protocol evaluates: Playwright's own
  // polling of a string `eval`s it, which the page's policy forbids.
  await page.evaluate(`new Promise((resolve, reject) => {
    const end = Date.now() + 60000;
    const tick = () => {
      let ok = false;
      try { ok = !!(${until}); } catch { /* not there yet */ }
      if (ok) resolve();
      else if (Date.now() > end) reject(new Error('not shown within 60 s'));
      else requestAnimationFrame(tick);
    };
    tick();
  })`);
  const before = [...asked];
  await context.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  // The bench serves dist/ at the host's root.
  const files = before.map((path) => {
    const rel = decodeURIComponent(path).replace(/^\/+/, '');
    return { path: rel, brotli: brotli(readFileSync(join(dist, rel))) };
  });
  return { brotli: files.reduce((t, f) => t + f.brotli, 0), files };
}

/** "Shown and live" per view, for `criticalPath`: the app has taken over
 *  (no `#boot`) and the view's own elements are there. */
export const HOME_SHOWN = `!document.getElementById('boot') && document.querySelector('.story-list, .listing') && window.__bench.ready`;
export const ARTICLE_SHOWN = `!document.getElementById('boot') && document.querySelector('#page-text p') && window.__bench.ready`;

/** Opens `url` cold and resolves with the time from navigation start to
 *  the first frame where `ready` (an expression) holds, and the page (or
 *  `ms: null` after `timeout`). `count` checks the events Folio shows. */
export async function timelineLoad(browser, url, ready, { timeout = 60_000, count, viewport } = {}) {
  const { page, context, errors } = await throttledPage(browser, viewport);
  // The condition is written into the script, not evaluated from a string:
  // Folio's CSP forbids eval.
  await page.addInitScript({ content: `(${POLL})(() => ${ready});` });
  try {
    await page.goto(url, { timeout });
    await page.waitForFunction(() => window.__readyAt, null, { timeout });
    if (count) {
      const shown = await page.locator('.timeline-count').innerText();
      if (!shown.startsWith(count)) throw new Error(`Folio shows "${shown}", not ${count} meetings`);
    }
    return { ms: await page.evaluate(() => window.__readyAt), page, context };
  } catch (e) {
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    await context.close();
    if (/Timeout/.test(e.name) || /Timeout/.test(e.message)) return { ms: null };
    throw e;
  }
}

/** Presses End on the timeline (the last event) and resolves with the
 *  time to the first frame that shows its sources: with 10,000 events
 *  they come from the event's own file, so this times that fetch. */
export const OPEN_LAST = (id) => new Promise((resolve) => {
  document.querySelector('.axis-tools button:last-child').focus();
  const t0 = performance.now();
  const tick = () => {
    if (document.querySelector(`.event-card[data-event="${id}"] .sources`)) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 5000) resolve(NaN);
    else requestAnimationFrame(tick);
  };
  document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
  requestAnimationFrame(tick);
});

/** Clicks `button` and resolves with the time to the first frame after the
 *  timeline's DOM changed: the reader sees the zoom begin. */
const ZOOM = ([container, button]) => new Promise((resolve) => {
  const root = document.querySelector(container);
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    obs.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  obs.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);
  document.querySelector(button).click();
});
export const FOLIO_ZOOM = ['.axis', '.axis-tools button:first-child'];

/** `count` zoom steps on `page` with `which` (`[container, button]`), each
 *  let to finish for `pause` ms. */
export async function zooms(page, which, count, pause = 100) {
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(await page.evaluate(ZOOM, which));
    await page.waitForTimeout(pause);
  }
  return out;
}

/** Search, timed in the page: sets the masthead box to `q` as one input
 *  event (a keystroke's worth) and resolves with the ms until the results
 *  of `q` are on screen (the status line speaks of `q` and is not
 *  "Searching…"), measured to the frame that shows them. */
const SEARCH_INPUT = (q) => new Promise((resolve) => {
  const box = document.getElementById('search-q');
  const t0 = performance.now();
  const shown = () => {
    const s = document.querySelector('.search-status');
    return s && s.dataset.query === q.trim() && !/Searching|正在搜索/.test(s.textContent) && s.textContent;
  };
  const tick = () => {
    if (shown()) resolve(performance.now() - t0);
    else if (performance.now() - t0 > 20000) resolve(NaN);
    else requestAnimationFrame(tick);
  };
  box.value = q;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  requestAnimationFrame(tick);
});

/** One reader's search on a cold visit to `url` (an article), under the
 *  throttle: the box is focused (which starts loading the search), `query` is entered, and the figures are the ms from the input
 *  to its results (`cold`), the brotli bytes of every
 *  file fetched from the focus on, by kind (`code`: wasm and JS; `index`:
 *  the search index; `articles`: the files the snippets come from), and
 *  `warm`: the ms from input to results for `warmQueries` whose index
 *  files are all here by then (a reader refining a query). */
export async function searchVisit(browser, url, query, warmQueries, dist) {
  const { page, context, errors } = await throttledPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.ready, null, { timeout: 60_000 });
  const fetched = [];
  page.on('request', (r) => fetched.push(decodeURIComponent(new URL(r.url()).pathname).replace(/^\/+/, '')));
  await page.focus('#search-q');
  // The whole query in one input event, as pasted or typed faster than
  // the search's pause: the bytes are then those of this one query, not of
  // the half-typed words a slow typist's pauses would also look up.
  const cold = await page.evaluate(SEARCH_INPUT, query);
  const warm = [];
  for (let i = 0; i < 3; i++) {
    for (const q of [...warmQueries, query]) warm.push(await page.evaluate(SEARCH_INPUT, q));
  }
  const count = await page.locator('.search-status').textContent();
  await context.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  const bytes = { code: 0, index: 0, articles: 0, other: 0 };
  // The bundle's files: not the offline worker's answers (`__folio/`),
  // which a page the worker took over during the visit asks for.
  for (const rel of new Set(fetched.filter((f) => !f.startsWith('__folio/')))) {
    const kind = /\.(wasm|js)$/.test(rel) ? 'code' : rel.startsWith('content/derived/search/') ? 'index'
      : rel.startsWith('content/articles/') ? 'articles' : 'other';
    bytes[kind] += brotli(readFileSync(join(dist, rel)));
  }
  return { cold, warm, bytes, count, files: [...new Set(fetched)] };
}
