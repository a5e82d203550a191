// Shared set-up for the end-to-end tests: Debian's Chromium, driven by
// playwright-core (Playwright's own browser download cannot work offline).
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.FOLIO_URL ?? 'http://127.0.0.1:8080';

/// The shipped articles, in slug order, as the app reads them: every
/// article in content/articles/ (JSON, or Markdown with its Chinese file;
/// no list names them), read from the JSON the release dist/ holds.
export function articleFiles() {
  const dir = new URL('../content/articles/', import.meta.url);
  const slugs = readdirSync(dir)
    .map((n) => n.match(/^(.+?)(\.zh)?\.(json|md)$/))
    .filter((m) => m && !m[2])
    .map((m) => m[1]);
  return [...new Set(slugs)].sort().map(shippedArticle);
}

/// One shipped article as the app reads it (dist's JSON of it).
export function shippedArticle(slug) {
  return JSON.parse(readFileSync(new URL(`../dist/content/articles/${slug}.json`, import.meta.url)));
}

/// Runs `cargo xtask ARGS` (the binary the test command names in
/// FOLIO_XTASK, else through cargo) and returns what it printed.
export function xtask(...args) {
  const [cmd, ...first] = process.env.FOLIO_XTASK ? [process.env.FOLIO_XTASK] : ['cargo', 'xtask'];
  return execFileSync(cmd, [...first, ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
}

/// What dist puts into the page at `path` (`cargo xtask page-parts`) for
/// the shipped content, with the files `leaveOut` (`timelines/{id}`)
/// counted as too large to carry: `{ data, preloads }`.
export function pageParts(path, ...leaveOut) {
  const content = fileURLToPath(new URL('../content/', import.meta.url));
  return JSON.parse(xtask('page-parts', content, path, ...leaveOut.flatMap((f) => ['--leave-out', f])));
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/// A new page that records console errors and failed requests, so a test
/// can assert a clean run.
///
/// Pages are prerendered, so a view shows before the app runs; `goto` on a
/// Folio address also waits for the app to take over (its `folio-ready`
/// mark), so a test acts on the live view. `{ raw: true }` skips that, for
/// tests of the prerendered page itself.
///
/// The offline worker is blocked unless `serviceWorkers: 'allow'` is
/// given: Playwright's request routes, which many tests use, do not see
/// what a worker answers. offline.test.js and hosts.test.js allow it.
export async function newPage(browser, { raw = false, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  if (!raw && options.javaScriptEnabled !== false) {
    const goto = page.goto.bind(page);
    page.goto = async (url, opts) => {
      const response = await goto(url, opts);
      if (url.startsWith(BASE)) await appReady(page);
      return response;
    };
  }
  page.consoleErrors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // A failed load names no file in its text; its location does.
    const at = /^Failed to load resource/.test(msg.text()) ? ` (${msg.location().url})` : '';
    page.consoleErrors.push(msg.text() + at);
  });
  page.on('pageerror', (err) => page.consoleErrors.push(String(err)));
  return page;
}

/// Waits until the app runs (its `folio-ready` mark): before that, a
/// prerendered page shows but does not respond.
export function appReady(page) {
  return page.waitForFunction(() => performance.getEntriesByName('folio-ready').length > 0);
}

/// Waits until the app has taken the page over from the prerendered view
/// (`#boot`). Where a page's data is missing (`withoutPageData`), the
/// prerendered view stays until the app's first view has loaded
/// (src/shell/boot.rs), and both are in the DOM meanwhile.
export async function waitForApp(page) {
  await page.waitForFunction(() => !document.getElementById('boot'));
}

/// Waits until the app has rendered an article's text.
export async function waitForArticle(page) {
  await waitForApp(page);
  await page.locator('#page-text p').first().waitFor();
}

/// Makes `page` (or every page and frame of a context) load its views
/// without the data prerendered pages carry (`folio-data`), so each view
/// fetches `content/…` as it does after a client-side navigation. Tests
/// that replace content files use it: the replaced file is then what the
/// view reads. `head` is added to each document's head, as dist adds tags
/// to a page whose content is too large to carry; `url` limits it to
/// Folio's documents where a partner's page is in the same context.
export async function withoutPageData(target, { head = '', url = '**/*' } = {}) {
  await target.route(url, async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const body = (await response.text())
      .replace(/<script type=application\/json id=folio-data>.*?<\/script>/s, '')
      .replace('</head>', `${head}</head>`);
    await route.fulfill({ response, body });
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/// Runs axe (WCAG 2.1 A and AA) on the page as it is; returns its
/// violations, one line each, labelled.
export async function axeViolations(page, label) {
  // Evaluated, not added as a <script>: the pages' CSP rightly refuses
  // inline scripts.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  if (result.passes.length <= 10) throw new Error(`${label}: axe did not run`);
  return result.violations.map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits until the search page's status line speaks of the address's
 *  query (not of an earlier one whose results are still up), not of
 *  "Searching…", and the results' snippets are in; returns what it says. */
export async function searchSettled(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('.search-status');
    const want = (new URLSearchParams(location.search).get('q') ?? '').trim();
    // And the articles' snippets are in (the list shows before them).
    const list = document.querySelector('.search-results');
    return s && s.dataset.query === want && s.textContent && !/Searching|正在搜索/.test(s.textContent)
      && (!list || list.hasAttribute('data-quoted'));
  });
  return (await page.locator('.search-status').textContent()).trim();
}

/// The layout shift of a cold visit to `url` (a search page with a query)
/// until its results and their snippets are in, as the browser reports it
/// (Lighthouse's CLS, without the shifts after input), on a throttled phone
/// and a desktop: the results arrive in stages (the list, then the
/// snippets), and nothing on screen may move for them.
export async function searchShift(browser, url) {
  const shifts = [];
  for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 800 }]) {
    const page = await newPage(browser, { viewport, raw: true });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await searchSettled(page);
    // The frame after the last change, for its shift to be counted.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    shifts.push([viewport.width, await page.evaluate(() => window.__cls)]);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  }
  return shifts;
}

