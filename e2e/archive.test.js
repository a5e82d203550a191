// A publisher's archive: the shipped content plus synthetic articles
// (`cargo xtask test` builds it with `bench --scale`'s generator and serves
// it at FOLIO_ARCHIVE_URL). Paged listings, the section crumb, the short
// lists and the timeline's citations, and that no view loads the archive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, newPage, waitForApp, waitForArticle, articleFiles, searchShift } from './browser.js';

const ARCHIVE = process.env.FOLIO_ARCHIVE_URL;
const SEED = 'japan-overtures-to-russia';
const timeline = JSON.parse(readFileSync(new URL('../content/timelines/japan-russia-summits.json', import.meta.url)));
// As `xtask/src/test.rs` builds it: 60 synthetic articles, newest first
// (archive-000000 is the newest), then the shipped ones by date.
const N = 60;
const TOTAL = N + articleFiles().length;
const PAGE = 20;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const skip = !ARCHIVE && 'FOLIO_ARCHIVE_URL is not set (cargo xtask test sets it)';
const path = (page) => new URL(page.url()).pathname;
const headlines = (page) => page.locator('.story-headline a').allInnerTexts();

test('the home page is the first page of the latest, and the pager walks the archive', { skip }, async () => {
  const page = await newPage(browser);
  await page.goto(ARCHIVE + '/');
  await waitForApp(page);
  const pages = Math.ceil(TOTAL / PAGE);
  await page.getByText(`Page 1 of ${pages}`).waitFor();
  const first = await headlines(page);
  assert.equal(first.length, PAGE);
  assert.match(first[0], / 0$/, 'the newest synthetic article first');
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('link', { name: 'Next Page' }).click();
  await page.waitForURL('**/latest/2/');
  await page.getByText(`Page 2 of ${pages}`).waitFor();
  const second = await headlines(page);
  assert.equal(second.length, PAGE);
  assert.match(second[0], / 20$/);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'turned on the client');
  assert.equal(await page.title(), 'Latest (Page 2) · Folio');
  // The last page holds the oldest: the shipped seed article.
  await page.getByRole('link', { name: `Page ${pages}`, exact: true }).click();
  await page.waitForURL(`**/latest/${pages}/`);
  await page.getByRole('link', { name: articleFiles()[0].headline.en }).waitFor();
  assert.equal(await page.locator('.pager-next').getAttribute('aria-disabled'), 'true');
  await page.goBack();
  await page.waitForURL('**/latest/2/');
  assert.deepEqual(await headlines(page), second, 'back lands on the same page');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('edition and section listings are paged, in each language, and work without JavaScript', { skip }, async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(ARCHIVE + '/edition/asia/2/');
  assert.equal(await page.locator('h1').textContent(), 'ASIA edition');
  assert.ok((await headlines(page)).length >= 1);
  // A real link back to page 1, with no number in its address.
  // (Hrefs are relative to the bundle root, which <base href> names.)
  const root = new URL(await page.locator('base').getAttribute('href'), page.url());
  const prev = await page.getByRole('link', { name: 'Previous Page' }).getAttribute('href');
  assert.equal(new URL(prev, root).pathname, '/edition/asia/');
  await page.goto(ARCHIVE + '/zh/section/opinion/');
  assert.equal(await page.locator('h1').textContent(), '观点频道');
  assert.equal((await headlines(page)).length, PAGE);
  assert.equal(await page.title(), '观点频道 · Folio');
  await page.context().close();
});

test('the crumb links to the section, which lists only its articles', { skip }, async () => {
  const page = await newPage(browser);
  await page.goto(`${ARCHIVE}/article/${SEED}/`);
  await waitForArticle(page);
  await page.locator('.crumb').getByRole('link', { name: 'Opinion' }).click();
  await page.waitForURL('**/section/opinion/');
  await page.locator('h1', { hasText: 'Opinion' }).waitFor();
  const sections = await page.locator('.story-section').allTextContents();
  assert.equal(sections.length, PAGE);
  assert.ok(sections.every((s) => s === 'Opinion'), sections.join(', '));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an article lists Most Viewed and Today\'s Top News, without itself', { skip }, async () => {
  const page = await newPage(browser);
  const slug = 'archive-000002';
  await page.goto(`${ARCHIVE}/article/${slug}/`);
  await waitForArticle(page);
  for (const id of ['most-viewed', 'top-news']) {
    const links = page.locator(`#${id} a`);
    // Fetched once the article is on screen (never prerendered).
    await links.first().waitFor();
    assert.equal(await links.count(), 5, id);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(!hrefs.some((h) => h.includes(slug)), `${id} leaves the article out: ${hrefs}`);
  }
  assert.equal(await page.locator('#top-news h2').innerText(), "TODAY'S TOP NEWS");
  await page.context().close();
});

test('no view loads the archive: each fetches only the files it shows', { skip }, async () => {
  const page = await newPage(browser);
  // What the page asked for, by path. The sizes come from the bundle's own
  // files afterwards: a response's body cannot be read once its page has
  // navigated away (the journey below does, twice).
  const fetched = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/content/')) fetched.push({ path: u.pathname, status: r.status() });
  });
  await page.goto(ARCHIVE + '/');
  await waitForApp(page);
  // Client-side navigation: an edition, an article, the timeline.
  await page.locator('.edition-bar').getByRole('link', { name: 'ASIA', exact: true }).click();
  await page.waitForURL('**/edition/asia/');
  await page.locator('.story-headline a').first().click();
  await waitForArticle(page);
  await page.goto(ARCHIVE + '/');
  await waitForApp(page);
  await page.getByRole('link', { name: timeline.title.en }).click();
  await page.locator('.axis .marker, .axis .cluster').first().waitFor();
  await page.waitForLoadState('networkidle');
  const found = fetched.filter((f) => f.status === 200);
  for (const f of found) f.size = (await (await fetch(ARCHIVE + f.path)).arrayBuffer()).byteLength;
  const articles = fetched.filter((f) => f.path.startsWith('/content/articles/'));
  assert.ok(articles.length <= 1, `only the article opened: ${articles.map((f) => f.path)}`);
  for (const f of found) {
    if (f.path.startsWith('/content/timelines/')) continue; // the publisher's own file
    assert.ok(f.size < 32 * 1024, `${f.path} is ${f.size} bytes`);
  }
  assert.ok(fetched.some((f) => f.path === '/content/derived/listing/edition/asia/1.json'), 'the edition page it showed');
  assert.ok(!fetched.some((f) => /listing\/latest\/[2-9]/.test(f.path)), 'not the other pages');
  await page.context().close();
});

test('an event cited across the archive lists the newest paragraphs and counts the rest', { skip }, async () => {
  const page = await newPage(browser);
  const last = timeline.events.at(-1);
  await page.goto(`${ARCHIVE}/timeline/${timeline.id}/${last.id}/`);
  await waitForApp(page);
  const card = page.locator('.event-card').first();
  await card.waitFor();
  const links = card.locator('.mentions a');
  assert.equal(await links.count(), 8);
  assert.match(await links.first().innerText(), / 0$/, 'the newest first');
  // The archive's 60 articles cite the last four events in turn, so this
  // one has more citing paragraphs than a card lists: it counts the rest.
  const { cited: { total } } = await (await fetch(`${ARCHIVE}/content/derived/mentions/${timeline.id}/${last.id}.json`)).json();
  assert.ok(total >= 15, `${total}`);
  assert.equal(await card.locator('.mentions-more').innerText(), `and ${total - 8} more paragraphs`);
  await links.first().click();
  await waitForArticle(page);
  assert.equal(path(page), '/article/archive-000000/');
  await page.context().close();
});

test('a search over the archive lists its results and quotes them without moving anything on screen', { skip }, async () => {
  // Ten articles at once, each quoted a moment later: the search page's
  // worst case for layout shift.
  for (const [width, cls] of await searchShift(browser, `${ARCHIVE}/search/?q=council+harbour`)) {
    assert.ok(cls <= 0.05, `at ${width} px: CLS ${cls.toFixed(3)}`);
  }
});

test('a damaged listing page gets a clear message and the masthead stays', { skip }, async () => {
  const page = await newPage(browser);
  await page.goto(ARCHIVE + '/');
  await waitForApp(page);
  await page.route('**/content/derived/listing/latest/3.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"listing": ' }));
  await page.getByRole('link', { name: 'Page 3', exact: true }).click();
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  assert.equal(await panel.locator('h1').innerText(), 'The list of articles could not be read');
  await panel.locator('summary').click();
  assert.match(await panel.locator('code').innerText(), /derived\/listing\/latest\/3\.json:1:/);
  await page.locator('.edition-bar').getByRole('link', { name: 'ASIA', exact: true }).waitFor();
  // A page past the last says so, with the way to the first.
  await page.goto(ARCHIVE + '/latest/99/');
  await page.locator('.error-panel', { hasText: 'This list has no page 99' }).waitFor();
  await page.getByRole('link', { name: 'Go to page 1' }).waitFor();
  await page.context().close();
});
