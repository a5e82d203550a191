// Display settings: theme, text size and line width, applied at once,
// remembered, and in place before the first paint of the next page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, appReady, launch, newPage } from './browser.js';

const ARTICLE = '/article/japan-overtures-to-russia/';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const html = (page) => page.evaluate(() => {
  const d = document.documentElement.dataset;
  return { theme: d.theme, size: d.size ?? '3', width: d.width ?? 'normal' };
});
const bodySize = (page, sel) => page.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('the Display dialog changes theme, size and width at once, and Escape gives focus back', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + ARTICLE);
  const before = await bodySize(page, '#page-text p');
  const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await paper();
  await page.getByRole('button', { name: 'Display' }).click();
  const dialog = page.getByRole('dialog', { name: 'Display settings' });
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await dialog.getByRole('radio', { name: 'Largest' }).check();
  await dialog.getByRole('radio', { name: 'Wide' }).check();
  assert.deepEqual(await html(page), { theme: 'dark', size: '5', width: 'wide' });
  assert.notEqual(await paper(), light, 'the page behind turned dark');
  assert.ok((await bodySize(page, '#page-text p')) > before * 1.2, 'the text grew');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.className), 'settings-button');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('settings are remembered and applied before the first paint, on every kind of page', async () => {
  const page = await newPage(browser, { raw: true });
  await page.addInitScript(() => {
    localStorage.setItem('folio.theme', 'sepia');
    localStorage.setItem('folio.size', '1');
    localStorage.setItem('folio.width', 'narrow');
    // What the first frame shows, recorded before any of the page's scripts.
    requestAnimationFrame(() => { window.__firstFrame = { ...document.documentElement.dataset }; });
  });
  // The wasm held back: the prerendered page alone must already be right.
  await page.route('**/*.wasm', () => {});
  for (const path of ['/', `/zh${ARTICLE}2/`, '/timeline/japan-russia-summits/', '/no/such/page/']) {
    await page.goto(BASE + path);
    await page.waitForFunction(() => window.__firstFrame);
    const first = await page.evaluate(() => window.__firstFrame);
    assert.deepEqual([first.theme, first.size, first.width], ['sepia', '1', 'narrow'], `${path}: first frame`);
  }
  await page.context().close();
});

test('an embed keeps the theme its partner chose, whatever the reader stored', async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => localStorage.setItem('folio.theme', 'dark'));
  await page.goto(`${BASE}/embed/article/japan-overtures-to-russia/?theme=sepia`);
  await appReady(page);
  assert.equal((await html(page)).theme, 'sepia');
  await page.goto(`${BASE}/embed/article/japan-overtures-to-russia/`);
  assert.equal((await html(page)).theme, 'auto', "no flag: auto, not the reader's dark");
  await page.context().close();
});

test('stored junk is ignored, not applied', async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    localStorage.setItem('folio.theme', '"><img src=x onerror=alert(1)>');
    localStorage.setItem('folio.size', '99');
  });
  await page.goto(BASE + ARTICLE);
  assert.deepEqual(await html(page), { theme: 'auto', size: '3', width: 'normal' });
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

// At the largest size, nothing is wider than the window: not at 320 px,
// not at 1280, in English, Chinese or both.
test('the largest text size never overflows, at 320 and 1280 px', async () => {
  for (const width of [320, 1280]) {
    const page = await newPage(browser, { viewport: { width, height: 800 } });
    await page.addInitScript(() => { localStorage.setItem('folio.size', '5'); localStorage.setItem('folio.width', 'wide'); });
    for (const path of [ARTICLE, `/zh${ARTICLE}`, `/dual${ARTICLE}`, '/timeline/japan-russia-summits/2016-05-sochi-new-approach/', '/']) {
      await page.goto(BASE + path);
      await page.locator('main h1').first().waitFor();
      const over = await page.evaluate(() => [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('.axis-viewport'))
        .map((el) => el.tagName + '.' + el.className).slice(0, 5));
      assert.deepEqual(over, [], `${path} at ${width} px`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), await page.evaluate(() => document.documentElement.clientWidth), `${path} at ${width} px: no sideways scroll`);
    }
    await page.context().close();
  }
});
