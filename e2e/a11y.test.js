// Automated accessibility checks (axe-core, WCAG 2.1 A and AA) on every kind
// of view, in each language mode, at phone and desktop widths. Keyboard and
// focus behaviour is tested where it happens (reader, language, timeline).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, articleFiles, waitForApp, axeViolations as scan } from './browser.js';

const articles = articleFiles();
// Every article page and view-all, the timeline with and without an event
// open, the error views, and embeds (their theme comes from the address).
const VIEWS = [
  '/',
  ...articles.flatMap((a) => [...a.pages.map((_, i) => `/article/${a.slug}/${i ? `${i + 1}/` : ''}`), `/article/${a.slug}/all/`]),
  '/timeline/japan-russia-summits/',
  '/timeline/japan-russia-summits/2016-05-sochi-new-approach/',
  '/article/no-such-article/',
  '/article/japan-overtures-to-russia/9/',
  '/timeline/japan-russia-summits/1999-no-such-event/',
  '/no/such/page/',
  '/embed/article/japan-overtures-to-russia/2/?theme=dark',
  '/embed/timeline/japan-russia-summits/2016-05-sochi-new-approach/?theme=sepia',
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const prefix of ['', '/zh', '/dual']) {
  for (const [width, height] of [[1280, 900], [390, 800]]) {
    // Desktop in the system's dark scheme (the default theme follows it).
    const colorScheme = width > 1000 ? 'dark' : 'light';
    test(`no WCAG 2.1 AA violations: ${prefix || '/en'} at ${width} px, ${colorScheme}`, async () => {
      const page = await newPage(browser, { viewport: { width, height }, colorScheme });
      const found = [];
      for (const view of VIEWS) {
        await page.goto(BASE + prefix + view);
        await page.locator('main h1').first().waitFor();
        found.push(...(await scan(page, prefix + view)));
      }
      assert.deepEqual(found, []);
      await page.context().close();
    });
  }
}

// Each stored theme (the reader's Display setting, applied before the first
// paint by prefs.js), on every kind of view, in each mode, plus the open
// Display dialog itself.
for (const theme of ['light', 'dark', 'sepia']) {
  test(`no WCAG 2.1 AA violations in the ${theme} theme, every view and mode`, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript((t) => localStorage.setItem('folio.theme', t), theme);
    const found = [];
    for (const prefix of ['', '/zh', '/dual']) {
      for (const v of VIEWS) {
        // An embed takes its theme from its address, not from storage.
        const view = v.includes('/embed/') ? `${v.split('?')[0]}?theme=${theme}` : v;
        await page.goto(BASE + prefix + view);
        await waitForApp(page);
        await page.locator('main h1').first().waitFor();
        assert.equal(await page.locator('h1').count(), 1, `${prefix}${view}: one h1`);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
        found.push(...(await scan(page, `${theme} ${prefix}${view}`)));
      }
    }
    await page.goto(`${BASE}/zh/article/japan-overtures-to-russia/`);
    await page.locator('.settings-button').click();
    await page.locator('.settings-dialog[open]').waitFor();
    found.push(...(await scan(page, `${theme} Display dialog`)));
    assert.deepEqual(found, []);
    await page.context().close();
  });
}

test('no WCAG 2.1 AA violations in the open Embed dialog', async () => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const page = await newPage(browser, { colorScheme });
    for (const view of ['/zh/article/japan-overtures-to-russia/', '/timeline/japan-russia-summits/']) {
      await page.goto(BASE + view);
      await page.locator('button.embed-button').click();
      await page.locator('dialog.embed-dialog[open] h2').waitFor();
      found.push(...(await scan(page, `${view} (${colorScheme}, dialog open)`)));
    }
    await page.context().close();
  }
  assert.deepEqual(found, []);
});
