// English / 中文 / Both, end to end against the release dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, waitForArticle, withoutPageData, shippedArticle } from './browser.js';

const SLUG = 'japan-overtures-to-russia';
const seed = shippedArticle(SLUG);
const P = seed.pages.flat().filter((b) => b.type === 'paragraph');
const EN = `/article/${SLUG}/`;
const ZH = `/zh/article/${SLUG}/`;
const DUAL = `/dual/article/${SLUG}/`;
// The Both option is labelled in the interface language.
const BOTH = /^(Both|双语)$/;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const path = (page) => new URL(page.url()).pathname;
const htmlLang = (page) => page.locator('html').getAttribute('lang');

test('each mode shows the right text with the right lang attributes', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + ZH);
  await waitForArticle(page);
  assert.equal(await page.locator('h1').innerText(), seed.headline.zh);
  assert.equal(await htmlLang(page), 'zh-Hans');
  const first = page.locator('[data-block="0"] .side');
  assert.equal(await first.getAttribute('lang'), 'zh-Hans');
  assert.equal(await first.innerText(), P[0].text.zh);
  assert.equal(await page.locator('.byline').innerText(), '作者：蔡红（中国日报）');
  assert.equal(await page.locator('.dateline time').innerText(), '更新时间：2016年9月7日 07:48');
  assert.equal(await page.locator('.pager-next').innerText(), '下一页');
  assert.equal(await page.getByRole('radio', { name: '中文' }).isChecked(), true);
  // No English paragraph text anywhere in the body.
  assert.ok(!(await page.locator('#page-text').innerText()).includes(P[0].text.en));

  await page.goto(BASE + DUAL);
  await waitForArticle(page);
  assert.equal(await htmlLang(page), 'en');
  const sides = page.locator('[data-block="0"] > .side');
  assert.deepEqual(await sides.evaluateAll((els) => els.map((e) => e.lang)), ['en', 'zh-Hans']);
  assert.equal(await sides.nth(0).innerText(), P[0].text.en);
  assert.equal(await sides.nth(1).innerText(), P[0].text.zh);
  const h1 = page.locator('h1 [lang]');
  assert.deepEqual(await h1.evaluateAll((els) => els.map((e) => [e.lang, e.textContent])), [
    ['en', seed.headline.en],
    ['zh-Hans', seed.headline.zh],
  ]);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('Both is side by side at 1280 px and stacked at 390 px', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + DUAL);
  await waitForArticle(page);
  const boxes = async () => page.locator('[data-block="2"] > .side').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  let [en, zh] = await boxes();
  assert.ok(zh.left >= en.right, `Chinese right of English (${en.right} → ${zh.left})`);
  assert.equal(Math.round(zh.top), Math.round(en.top), 'rows align');
  // A long English paragraph does not push the next row's partner out of line.
  const next = await page.locator('[data-block="3"] > .side').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.equal(Math.round(next[0]), Math.round(next[1]));

  // Interleaved on request, and remembered.
  await page.getByRole('button', { name: 'Interleaved' }).click();
  assert.equal(await page.getByRole('button', { name: 'Interleaved' }).getAttribute('aria-pressed'), 'true');
  [en, zh] = await boxes();
  assert.ok(zh.top >= en.bottom, 'interleaved: Chinese below English');
  await page.reload();
  await waitForArticle(page);
  [en, zh] = await boxes();
  assert.ok(zh.top >= en.bottom, 'the layout choice survives a reload');
  await page.getByRole('button', { name: 'Side by side' }).click();

  await page.setViewportSize({ width: 390, height: 800 });
  [en, zh] = await boxes();
  assert.ok(zh.top >= en.bottom, 'stacked on a phone');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  await page.context().close();
});

test('the toggle switches on the client, keeps the page, and the choice survives a reload', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + EN + '2/');
  await waitForArticle(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('radio', { name: '中文' }).check();
  await page.waitForURL(`**${ZH}2/`);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.equal(await page.locator('.pager [aria-current=page]').innerText(), '2');
  assert.ok((await page.locator('#page-text').innerText()).includes(P[3].text.zh));
  await page.reload();
  await waitForArticle(page);
  assert.equal(path(page), ZH + '2/');
  // The remembered choice applies to an address that names no mode.
  await page.goto(BASE + EN);
  await page.waitForURL(`**${ZH}`);
  assert.equal(await page.locator('h1').innerText(), seed.headline.zh);
  // And back to English: page 2 in 中文, then English.
  await page.goto(BASE + ZH + '2/');
  await waitForArticle(page);
  await page.getByRole('radio', { name: 'English' }).check();
  await page.waitForURL((url) => url.pathname === EN + '2/');
  assert.ok((await page.locator('#page-text').innerText()).includes(P[3].text.en));
  await page.reload();
  await waitForArticle(page);
  assert.equal(path(page), EN + '2/', 'English is remembered too');
  await page.context().close();
});

test('the toggle is a keyboard-operable radio group', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + EN);
  await waitForArticle(page);
  await page.getByRole('radio', { name: 'English' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(`**${ZH}`);
  assert.equal(await page.getByRole('radio', { name: '中文' }).isChecked(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'zh', 'focus stays on the toggle');
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(`**${DUAL}`);
  await page.context().close();
});

test('?lang= overrides a stored choice and is normalised to the prefix', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + EN);
  await page.evaluate(() => localStorage.setItem('folio.mode', 'zh'));
  await page.goto(BASE + EN + '2/?lang=both');
  await page.waitForURL((url) => url.pathname === DUAL + '2/' && url.search === '');
  await page.locator('.pair').first().waitFor();
  await page.context().close();
});

test('a browser that prefers Chinese opens in 中文', async () => {
  const page = await newPage(browser, { locale: 'zh-CN' });
  await page.goto(BASE + EN);
  await page.waitForURL(`**${ZH}`);
  await waitForArticle(page);
  assert.equal(await page.locator('h1').innerText(), seed.headline.zh);
  // An explicit prefix is not overridden by the browser.
  await page.goto(BASE + DUAL);
  await waitForArticle(page);
  assert.equal(path(page), DUAL);
  await page.context().close();
});

test('switching keeps the paragraph at the top of the viewport in place', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 700 } });
  // The long explainer, so every mode has room to scroll the block up.
  await page.goto(BASE + '/article/seven-decades-of-summits/all/');
  await waitForArticle(page);
  const block = page.locator('[data-block="6"]');
  await block.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 40));
  await page.waitForTimeout(100);
  for (const [name, value] of [['中文', 'zh'], [BOTH, 'both'], ['English', 'en']]) {
    await page.getByRole('radio', { name }).check();
    await page.waitForFunction((v) => document.querySelector('input[name=folio-mode]:checked')?.value === v, value);
    // The app restores the place in a later frame: wait for it (a slow
    // machine takes longer), then read where the block is.
    await page.waitForFunction(() => Math.abs(document.querySelector('[data-block="6"]').getBoundingClientRect().top - 40) <= 2, null, { timeout: 5000 }).catch(() => {});
    const top = await block.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(Math.abs(top - 40) <= 2, `${name}: block 6 at ${top}px, not 40px`);
  }
  await page.context().close();
});

test('a paragraph with no translation shows the original, marked', async () => {
  const page = await newPage(browser);
  // A fixture served by the test: the seed with one translation removed
  // and one paragraph split in two by the translator.
  const fixture = structuredClone(seed);
  delete fixture.pages[0][1].text.zh;
  fixture.pages[0][2].text.zh += '\n\n译者另起的一段。';
  await withoutPageData(page);
  await page.route(`**/content/articles/${SLUG}.json`, (route) => route.fulfill({ json: fixture }));
  await page.goto(BASE + ZH);
  await waitForArticle(page);
  const missing = page.locator('[data-block="1"] .side');
  assert.equal(await missing.getAttribute('lang'), 'en');
  assert.match(await missing.innerText(), /未翻译/);
  assert.ok((await missing.innerText()).includes(P[1].text.en));
  assert.equal(await page.locator('[data-block="2"] .side p').count(), 2, 'the extra paragraph renders');

  await page.getByRole('radio', { name: BOTH }).check();
  await page.waitForURL(`**${DUAL}`);
  const notice = page.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /3 in English, 3 in Chinese/);
  const cell = page.locator('[data-block="1"] > .side').nth(1);
  assert.match(await cell.innerText(), /未翻译 · Not yet translated/);
  await page.context().close();
});

test('before the app runs, the prerendered switch loads the chosen language, and remembers it', async () => {
  // No wasm at all: what a reader has between the first paint and the app
  // (or for good, where the wasm cannot load). The pager is a plain link.
  const page = await newPage(browser, { raw: true });
  await page.route('**/main_bg.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(`${BASE}${EN}?from=test#p-2`);
  await page.locator('#boot .lang-toggle input[value=zh]').click();
  await page.waitForURL((u) => u.pathname === ZH);
  assert.equal(new URL(page.url()).search, '?from=test', 'the query goes along');
  assert.equal(new URL(page.url()).hash, '#p-2', 'and the place in the text');
  assert.equal(await page.evaluate(() => localStorage.getItem('folio.mode')), 'zh');
  assert.ok(await page.locator('#boot #page-text p', { hasText: P[0].text.zh.slice(0, 12) }).first().isVisible());
  await page.locator('#boot a.pager-next').click();
  await page.waitForURL((u) => u.pathname === `${ZH}2/`);
  await page.context().close();
});
