// Search, as a reader uses it: the masthead's box, results as they type,
// a result that opens the article at the paragraph that holds the words,
// back and reload, the keyboard alone, every language mode, bad queries,
// an index file that fails, and a browser without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, axeViolations, searchSettled as settled, searchShift } from './browser.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const status = (page) => page.locator('.search-status');
const results = (page) => page.locator('.search-result');

/** Types into the masthead box as a reader does, a key at a time. */
async function typeQuery(page, text) {
  await page.locator('#search-q').click();
  await page.keyboard.type(text, { delay: 30 });
}

/** The landed block: marked, on screen below the masthead, and holding `word`. */
async function landed(page, word) {
  const block = page.locator('[data-landed]');
  await block.waitFor();
  const box = await block.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, `the paragraph is on screen: ${JSON.stringify(box)}`);
  const text = await block.textContent();
  assert.ok(text.toLowerCase().includes(word.toLowerCase()), `the paragraph holds "${word}": ${text.slice(0, 120)}`);
  const hash = new URL(page.url()).hash;
  assert.match(hash, /^#b-\d+$/);
  assert.equal(await block.getAttribute('id'), hash.slice(1));
}

test('typing in the masthead box shows results; a result opens its page at the paragraph, highlighted', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/article/japan-overtures-to-russia/`);
  await typeQuery(page, 'Vladivostok forum');
  assert.match(await settled(page), /^\d+ results?$/);
  assert.match(page.url(), /\/search\/\?q=Vladivostok\+forum$/, 'the query is in the address');
  assert.ok(await page.locator('.search-result.is-event').count() > 0, 'the event at the forum');
  const first = results(page).filter({ has: page.locator('.result-snippet') }).first();
  assert.ok((await first.locator('mark').count()) > 0, 'the words are marked in the snippet');
  const marks = await page.locator('.search-result mark').allTextContents();
  assert.ok(marks.every((m) => /vladivostok|forum/i.test(m)), `only the words are marked: ${marks}`);
  const href = await first.locator('.result-link').getAttribute('href');
  assert.match(href, /^article\/[a-z0-9-]+\/(\d+\/)?#b-\d+$/, 'a relative link to the page and block');
  await first.locator('.result-link').click();
  await landed(page, 'Vladivostok');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('中文: a Chinese word finds the articles that hold it whole, and the result lands on it', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/zh/`);
  await typeQuery(page, '北方四岛');
  assert.equal(await settled(page), '共 1 条结果', 'the article with 北方四岛, not the one with 北方向四座岛');
  assert.equal(await results(page).first().locator('mark').first().textContent(), '北方四岛');
  assert.equal(await results(page).first().locator('.result-snippet').getAttribute('lang'), 'zh-Hans');
  await results(page).first().locator('.result-link').click();
  assert.match(page.url(), /\/zh\/article\//);
  await landed(page, '北方四岛');
  // An English query finds the same articles in Chinese mode, and a
  // Chinese one events too.
  await page.goto(`${BASE}/zh/search/?q=%E7%B4%A2%E5%A5%91`);
  assert.match(await settled(page), /^共 \d+ 条结果$/);
  assert.ok((await page.locator('.search-result.is-event').count()) > 0, 'events held in Sochi');
  await page.goto(`${BASE}/zh/search/?q=sochi`);
  assert.match(await settled(page), /^共 \d+ 条结果$/);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('Both mode shows each result in both languages', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/dual/search/?q=sochi`);
  await settled(page);
  const article = results(page).filter({ hasNot: page.locator('.is-event') }).filter({ has: page.locator('.result-snippet') }).first();
  assert.equal(await article.locator('.result-link [lang="en"]').count(), 1);
  assert.equal(await article.locator('.result-link [lang="zh-Hans"]').count(), 1);
  assert.deepEqual(await article.locator('.result-snippet').evaluateAll((ps) => ps.map((p) => p.lang)), ['en', 'zh-Hans']);
  await page.context().close();
});

test('back and reload show the same results; back from a result returns to them', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/`);
  await typeQuery(page, 'summit');
  const count = await settled(page);
  const titles = await page.locator('.result-link').allTextContents();
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('folio-ready').length > 0);
  assert.equal(await settled(page), count);
  assert.deepEqual(await page.locator('.result-link').allTextContents(), titles);
  assert.equal(await page.locator('#search-q').inputValue(), 'summit', 'the box shows the query');
  await page.locator('.result-link').first().click();
  await page.locator('[data-landed], .headline').first().waitFor();
  await page.goBack();
  assert.equal(await settled(page), count);
  assert.equal(await page.locator('#search-q').inputValue(), 'summit');
  // One history entry for the search, not one per letter: back again is
  // the home page.
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.locator('#search-q').inputValue(), '');
  await page.context().close();
});

test('results arriving move nothing on screen: cumulative layout shift at most 0.05', async () => {
  for (const mode of ['', '/zh', '/dual']) {
    for (const [width, cls] of await searchShift(browser, `${BASE}${mode}/search/?q=kuril+islands`)) {
      assert.ok(cls <= 0.05, `${mode || '/en'} at ${width} px: CLS ${cls.toFixed(3)}`);
    }
  }
});

test('keyboard only: / focuses the box, arrows move through the results, Escape clears', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/article/japan-overtures-to-russia/`);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q');
  await page.keyboard.type('summit', { delay: 30 });
  await settled(page);
  const titles = await page.locator('.result-link').allTextContents();
  assert.ok(titles.length >= 2);
  const focusedText = () => page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedText(), titles[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedText(), titles[1]);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q', 'Up from the first result is the box');
  // The live region says how many there are.
  assert.equal(await page.locator('.live-region').textContent(), await status(page).textContent());
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#search-q').inputValue(), '');
  await page.waitForFunction(() => !document.querySelector('.search-result'));
  assert.match(await settled(page), /Type a word/);
  // Enter on a result opens it.
  await page.keyboard.type('Krasnoyarsk', { delay: 30 });
  await settled(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/(article|timeline)\//);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('filters narrow to events or to a section, in the address', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/search/?q=summit`);
  await settled(page);
  const all = await results(page).count();
  await page.locator('#search-kind').selectOption('event');
  await page.waitForURL(/type=event/);
  await settled(page);
  assert.ok(await results(page).count() > 0);
  assert.equal(await page.locator('.search-result:not(.is-event)').count(), 0);
  await page.locator('#search-section').selectOption('opinion');
  await page.waitForURL(/section=opinion/);
  await settled(page);
  assert.equal(await page.locator('.search-result.is-event').count(), 0, 'a section means articles');
  const metas = await page.locator('.result-meta').allTextContents();
  assert.ok(metas.every((m) => m.startsWith('Opinion')), metas.join(' | '));
  // Events again: the section the reader picked is dropped, and the
  // select says so.
  await page.locator('#search-kind').selectOption('event');
  await page.waitForURL((u) => !u.search.includes('section='));
  await settled(page);
  assert.equal(await page.locator('#search-section').inputValue(), '');
  await page.locator('#search-section').selectOption('opinion');
  await page.waitForURL(/section=opinion/);
  await settled(page);
  assert.equal(await page.locator('#search-kind').inputValue(), 'article', 'a section means articles');
  await page.reload();
  // The app's view, not the page as prerendered (which knows no query).
  await page.waitForFunction(() => performance.getEntriesByName('folio-ready').length > 0 && !document.getElementById('boot'));
  await settled(page);
  assert.equal(await page.locator('#search-section').inputValue(), 'opinion');
  assert.ok(all >= await results(page).count());
  await page.context().close();
});

test('bad queries get a clear answer, never a crash or markup', async () => {
  const page = await newPage(browser);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const cases = [
    ['', /Type a word/],
    ['?!…—', /nothing to search for/],
    ['the of', /nothing to search for/],
    ['.*+?^${}()|[]\\', /nothing to search for/],
    ['<script>alert(1)</script>', /^No results for “<script>alert\(1\)<\/script>”\.$/],
    ['<img src=x onerror=alert(1)>', /No results|\d+ results?/],
    ['\u202Esummit\u202C', /^\d+ results?$/],
    ['x'.repeat(10000), /nothing to search for/],
    ['summit '.repeat(1500), /^\d+ results?$/],
  ];
  for (const [q, want] of cases) {
    await page.goto(`${BASE}/search/?q=${encodeURIComponent(q)}`);
    assert.match(await settled(page), want, JSON.stringify(q.slice(0, 40)));
  }
  assert.equal(dialogs, 0, 'no script ran');
  assert.equal(await page.locator('main script, main img').count(), 0, 'no markup from the query');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a missing or damaged index file gets the notice and a retry that works', async () => {
  for (const failure of ['missing', 'damaged', 'offline']) {
    const page = await newPage(browser);
    let broken = true;
    await page.route('**/content/derived/search/t*/*.bin', (route) => {
      if (!broken) return route.fallback();
      if (failure === 'missing') return route.fulfill({ status: 404, body: 'not found' });
      if (failure === 'offline') return route.abort('internetdisconnected');
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'FSI1\u00ff\u00ff' });
    });
    await page.goto(`${BASE}/search/?q=summit`);
    const alert = page.locator('.event-error[role="alert"]');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, failure === 'offline' ? /connection|network|reach/i : /search index is missing or damaged/, `${failure}: ${text}`);
    broken = false;
    await alert.getByRole('button').click();
    assert.match(await settled(page), /^\d+ results?$/, `${failure}: the retry found the results`);
    assert.equal(await alert.count(), 0);
    await page.context().close();
  }
});

test('an article visit does not download the search; focusing the box does, once', async () => {
  const page = await newPage(browser);
  const wasm = [];
  page.on('request', (r) => { if (/\.wasm$|derived\/search\//.test(r.url())) wasm.push(new URL(r.url()).pathname.split('/').pop()); });
  await page.goto(`${BASE}/article/japan-overtures-to-russia/`);
  assert.ok(!wasm.some((f) => f.startsWith('split_search')), wasm.join(' '));
  assert.ok(!wasm.includes('index.json'));
  await page.locator('#search-q').focus();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('derived/search/index.json')));
  assert.ok(wasm.some((f) => f.startsWith('split_search')), wasm.join(' '));
  await typeQuery(page, 'sochi');
  await settled(page);
  assert.equal(wasm.filter((f) => f.startsWith('split_search')).length, 1, 'fetched once');
  assert.equal(wasm.filter((f) => f === 'index.json').length, 1);
  await page.context().close();
});

test('without JavaScript the box submits to the search page, which says search needs it', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${BASE}/zh/article/japan-overtures-to-russia/`);
  await page.locator('#search-q').fill('索契');
  await page.locator('#search-q').press('Enter');
  await page.waitForURL(/\/zh\/search\/\?q=/);
  assert.match(await page.locator('main').textContent(), /需要启用 JavaScript/);
  await page.context().close();
});

test('the search page has no WCAG 2.1 AA violations in any mode, at phone and desktop widths', async () => {
  const found = [];
  for (const [width, height] of [[1280, 900], [390, 800]]) {
    const page = await newPage(browser, { viewport: { width, height } });
    for (const path of ['/search/?q=summit', '/zh/search/?q=%E5%B3%B0%E4%BC%9A', '/dual/search/?q=sochi', '/search/']) {
      await page.goto(BASE + path);
      await settled(page);
      found.push(...(await axeViolations(page, `${path} at ${width}`)));
    }
    await page.context().close();
  }
  assert.deepEqual(found, []);
});
