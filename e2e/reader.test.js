// The reader, end to end: the release dist/ on a plain static server, in
// Debian's Chromium. Each test is something a reader does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, waitForApp, waitForArticle, withoutPageData, articleFiles, shippedArticle } from './browser.js';

const SLUG = 'japan-overtures-to-russia';
const ARTICLE = `/article/${SLUG}/`;
const seed = shippedArticle(SLUG);
const para = (page, i) => seed.pages[page].filter((b) => b.type === 'paragraph')[i].text.en;
const HEADLINE = seed.headline.en;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const path = (page) => new URL(page.url()).pathname;
const pageText = (page) => page.locator('#page-text').innerText();

test('home lists the articles and opens one, with no console errors', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  await page.getByRole('heading', { level: 1, name: 'Latest' }).waitFor();
  assert.equal(await page.locator('.story-headline a').count(), 2);
  await page.getByRole('link', { name: HEADLINE }).click();
  await waitForArticle(page);
  assert.equal(path(page), ARTICLE);
  assert.equal(await page.title(), `${HEADLINE} · Folio`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // Every element of the seed page.
  for (const label of ['US', 'EUROPE', 'AFRICA', 'ASIA']) {
    await page.locator('.edition-bar').getByRole('link', { name: label, exact: true }).waitFor();
  }
  // Where the seed page had its "中文" link: the language toggle.
  assert.equal(await page.getByRole('radio', { name: '中文' }).isChecked(), false);
  assert.equal(await page.getByRole('radio', { name: 'English' }).isChecked(), true);
  assert.equal((await page.locator('.crumb').innerText()).replace(/\s+/g, ' ').trim(), 'OPINION / Cai Hong');
  assert.equal(await page.locator('h1').innerText(), HEADLINE);
  assert.equal(await page.locator('.byline').innerText(), 'By Cai Hong (China Daily)');
  assert.equal(await page.locator('.dateline time').innerText(), 'Updated: 2016-09-07 07:48');
  assert.ok(await page.locator('.lead-figure img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the map loads');
  assert.match(await page.locator('figcaption').innerText(), /Northern Territories/);
  assert.ok((await pageText(page)).includes(para(0, 0)));
  assert.equal(await page.locator('#page-text [data-block]').count(), 3);
  // The seed page's "Today's Top News", without the article itself; its
  // section's "Most Viewed" has no other article yet, so it is left out.
  assert.deepEqual(await page.locator('#top-news a').allInnerTexts(), [articleFiles()[1].headline.en]);
  assert.equal(await page.locator('#most-viewed').count(), 0);
  // The crumb's section is a link to its listing.
  assert.equal(await page.locator('.crumb a').getAttribute('href'), 'section/opinion/');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('links in the text keep the reader\'s language, reach a subhead, and mark the ones that leave', async () => {
  const EX = 'seven-decades-of-summits';
  const EVENT = 'timeline/japan-russia-summits/1956-10-moscow-joint-declaration/';
  for (const mode of ['', '/zh', '/dual']) {
    const page = await newPage(browser);
    await page.goto(`${BASE}${mode}/article/${EX}/4/`);
    await waitForArticle(page);
    // The last page's way back to where the story began: a subhead on page 1.
    await page.locator('#page-text a[href$="#s-where-it-began"]').first().click();
    await page.waitForURL(`${BASE}${mode}/article/${EX}/#s-where-it-began`);
    await page.waitForFunction(() => {
      const top = document.getElementById('s-where-it-began')?.getBoundingClientRect().top;
      return top >= 0 && top < innerHeight / 2;
    });
    const event = page.locator(`#page-text a[href$="${EVENT}"]`).first();
    assert.equal(await event.getAttribute('href'), `${mode.slice(1)}${mode && '/'}${EVENT}`);
    await event.click();
    await page.waitForURL(`${BASE}${mode}/${EVENT}`);
    await page.locator('.event-card[data-event="1956-10-moscow-joint-declaration"]').first().waitFor();
    assert.equal(await page.locator('#page-text a.link-out, a[href^="javascript"]').count(), 0);
    await page.context().close();
  }
  // Without JavaScript the prerendered page has the same links, and the
  // one to another site says so.
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${BASE}/zh/article/${EX}/2/`);
  const out = page.locator('#page-text a.link-out');
  assert.equal(await out.count(), 1);
  assert.match(await out.getAttribute('href'), /^http:\/\/www\.ioc\.u-tokyo\.ac\.jp\//);
  assert.equal(await out.innerText(), '《东京宣言》');
  assert.match(await out.evaluate((a) => getComputedStyle(a, '::after').content), /↗/);
  assert.equal(await page.locator('#page-text a[href^="zh/timeline/"]').count() > 0, true, 'event links in the mode');
  await page.context().close();
});

test('Next Page turns the page without a reload and moves focus to the text', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + ARTICLE);
  await waitForArticle(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByRole('link', { name: 'Next Page' }).click();
  await page.waitForURL(`**${ARTICLE}2/`);
  assert.ok((await pageText(page)).includes(para(1, 0)));
  assert.ok(!(await pageText(page)).includes(para(0, 0)));
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'client-side navigation');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-text');
  assert.equal(await page.locator('.pager [aria-current=page]').innerText(), '2');
  assert.equal(await page.locator('.pager-next').getAttribute('href'), null, 'Next is disabled on the last page');
  assert.match(await page.title(), /\(Page 2\)/);
  const top = await page.locator('#page-text').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 100, `the new text starts at the top of the viewport (top=${top})`);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('arrow keys turn pages only while focus is in the reader', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + ARTICLE);
  await waitForArticle(page);
  // Focus outside the reader: the masthead link. Arrows must not turn.
  await page.locator('.site-name').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(300);
  assert.equal(path(page), ARTICLE);
  // Focus inside the reader.
  await page.locator('.pager-num').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(`**${ARTICLE}2/`);
  assert.ok((await pageText(page)).includes(para(1, 0)));
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL((url) => url.pathname === ARTICLE);
  assert.ok((await pageText(page)).includes(para(0, 0)));
  await page.context().close();
});

test('the back and forward buttons restore the page', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + ARTICLE);
  await waitForArticle(page);
  await page.getByRole('link', { name: 'Page 2', exact: true }).click();
  await page.waitForURL(`**${ARTICLE}2/`);
  await page.goBack();
  await page.waitForURL((url) => url.pathname === ARTICLE);
  await page.getByText(para(0, 0)).waitFor();
  assert.equal(await page.locator('.pager [aria-current=page]').innerText(), '1');
  await page.goForward();
  await page.waitForURL(`**${ARTICLE}2/`);
  await page.getByText(para(1, 0)).waitFor();
  await page.context().close();
});

test('a deep link to page 2 survives a reload', async () => {
  const page = await newPage(browser);
  const resp = await page.goto(BASE + ARTICLE + '2/');
  assert.equal(resp.status(), 200, 'every page is a real file on the static host');
  await page.getByText(para(1, 2)).waitFor();
  await page.reload();
  // The reloaded page's own view, not its prerendered copy beside it.
  await waitForArticle(page);
  await page.getByText(para(1, 2)).waitFor();
  assert.equal(path(page), ARTICLE + '2/');
  assert.equal(await page.locator('.pager [aria-current=page]').innerText(), '2');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('page 1 has one canonical URL', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + ARTICLE + '1/');
  await waitForArticle(page);
  await page.waitForURL((url) => url.pathname === ARTICLE);
  await page.context().close();
});

test('View all shows every page on one screen', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + ARTICLE);
  await waitForArticle(page);
  await page.getByRole('link', { name: 'View all' }).click();
  await page.waitForURL(`**${ARTICLE}all/`);
  const text = await pageText(page);
  for (const p of seed.pages.flat()) assert.ok(text.includes(p.text.en), `missing: ${p.text.en.slice(0, 40)}`);
  assert.equal(await page.locator('.pager-all').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('.pager-prev').getAttribute('href'), null);
  await page.context().close();
});

test('an unknown article shows a clear message and a way home', async () => {
  const page = await newPage(browser);
  const resp = await page.goto(BASE + '/article/no-such-article/');
  assert.equal(resp.status(), 404);
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  assert.equal(await panel.locator('h1').innerText(), 'Article not found');
  assert.match(await panel.innerText(), /no-such-article/);
  await panel.getByRole('link', { name: 'Back to the front page' }).click();
  await page.getByRole('heading', { level: 1, name: 'Latest' }).waitFor();
  await page.context().close();
});

test('an out-of-range page offers the nearest page', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + ARTICLE + '9/');
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  assert.equal(await panel.locator('h1').innerText(), 'No such page');
  assert.match(await panel.innerText(), /It has 2 pages/);
  await panel.getByRole('link', { name: 'Go to page 2' }).click();
  await page.waitForURL(`**${ARTICLE}2/`);
  await page.getByText(para(1, 0)).waitFor();
  await page.context().close();
});

test('an unknown path shows the not-found view', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/no/such/place/');
  await page.locator('.error-panel h1', { hasText: 'Page not found' }).waitFor();
  // A section the catalog does not have: not found too, not a failure to
  // load (its listing's file is missing as well).
  const resp = await page.goto(BASE + '/section/no-such-section/');
  assert.equal(resp.status(), 404);
  await page.locator('.error-panel h1', { hasText: 'Page not found' }).waitFor();
  assert.equal(await page.locator('.error-panel', { hasText: /Could not load/ }).count(), 0);
  await page.context().close();
});

test('a broken content file keeps the page as published, says why with the place of the fault, and its links still lead on', async () => {
  const page = await newPage(browser);
  await withoutPageData(page);
  await page.route(`**/content/articles/${SLUG}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "slug": "x",\n  "pages": [[}' }));
  await page.goto(BASE + ARTICLE);
  // The prerendered page stays readable, under a notice that says why.
  const notice = page.locator('#boot .kept-notice[role=alert]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /This article could not be read/);
  assert.equal(await notice.locator('button').count(), 0, 'retrying cannot fix a broken file');
  await notice.locator('summary').click();
  assert.match(await notice.locator('code').innerText(), new RegExp(`/content/articles/${SLUG}\\.json:3:\\d+: `));
  assert.equal(await page.getByText(para(0, 0)).isVisible(), true, 'the text already shown is still there');
  assert.equal(await page.locator('.masthead').filter({ visible: true }).count(), 1);
  // Its pager still works: the app then shows the page asked for, which it
  // cannot read, as its own error panel.
  await page.locator('#boot a.pager-next').click();
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  assert.equal(await page.locator('#boot').count(), 0);
  assert.match(page.url(), new RegExp(`${ARTICLE}2/$`));
  assert.equal(await panel.locator('h1').innerText(), 'This article could not be read');
  assert.equal(await panel.locator('button').count(), 0);
  await panel.locator('summary').click();
  assert.match(await panel.locator('code').innerText(), new RegExp(`/content/articles/${SLUG}\\.json:3:\\d+: `));
  // The masthead is still there: nothing already shown is lost.
  await page.locator('.masthead .site-name').waitFor();
  await page.context().close();
});

test('a network failure keeps the page as published and offers a retry that recovers', async () => {
  const page = await newPage(browser);
  await withoutPageData(page);
  await page.route(`**/content/articles/${SLUG}.json`, (route) => route.abort('internetdisconnected'));
  await page.goto(BASE + ARTICLE);
  const notice = page.locator('#boot .kept-notice[role=alert]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /^Could not load The content could not be fetched/);
  assert.equal(await page.getByText(para(0, 0)).isVisible(), true);
  await page.unroute(`**/content/articles/${SLUG}.json`);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await waitForArticle(page);
  assert.equal(await page.getByText(para(0, 0)).isVisible(), true);
  assert.equal(await page.locator('.kept-notice').count(), 0);
  // The app is live: its language switch responds.
  await page.locator('input[name=folio-mode][value=zh]').check();
  await page.waitForURL(/\/zh\/article\//);
  assert.deepEqual(page.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await page.context().close();
});

/// The front page with its app running, the article's file answered by
/// `answer` from then on: the article is reached by a click, with no
/// prerendered copy of it on screen.
async function frontPageWithArticle(answer) {
  const page = await newPage(browser);
  await withoutPageData(page);
  await page.goto(BASE + '/');
  await waitForApp(page);
  await page.route(`**/content/articles/${SLUG}.json`, answer);
  return page;
}

const clickArticle = (page) => page.locator(`main a[href$="article/${SLUG}/"]`).first().click();

test('the same failure after a click shows the error panel, whose retry recovers', async () => {
  const page = await frontPageWithArticle((route) => route.abort('internetdisconnected'));
  await clickArticle(page);
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  assert.equal(await panel.locator('h1').innerText(), 'Could not load');
  await page.unroute(`**/content/articles/${SLUG}.json`);
  await panel.getByRole('button', { name: 'Try again' }).click();
  await page.getByText(para(0, 0)).waitFor();
  await page.context().close();
});

test('a request that never answers gives up after 15 s, with a retry', async () => {
  const page = await frontPageWithArticle(() => {}); // never answered
  // A reader who gives up and comes back: the first request's limit runs
  // out while the second waits, and must not trouble anything.
  await clickArticle(page);
  await page.locator('.loading').waitFor();
  await page.goBack();
  await page.locator('main h1').first().waitFor();
  await clickArticle(page);
  await page.locator('.loading').waitFor();
  const panel = page.locator('.error-panel');
  await panel.waitFor({ timeout: 25000 });
  assert.equal(await panel.locator('h1').innerText(), 'Could not load');
  await panel.locator('summary').click();
  assert.match(await panel.locator('code').innerText(), new RegExp(`/content/articles/${SLUG}\\.json: no answer within 15 s`));
  await page.unroute(`**/content/articles/${SLUG}.json`);
  await panel.getByRole('button', { name: 'Try again' }).click();
  await page.getByText(para(0, 0)).waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a broken catalog leaves the article readable', async () => {
  const page = await newPage(browser);
  await withoutPageData(page);
  await page.route('**/content/catalog.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto(BASE + ARTICLE);
  await waitForApp(page);
  await page.getByText(para(0, 0)).waitFor();
  // The section's name and link come from the catalog: the crumb shows its id.
  assert.equal(await page.locator('.crumb a').count(), 0);
  // The short lists are files of their own, and still there.
  await page.locator('#top-news a').first().waitFor();
  // The home page's listing needs the catalog's sections: its published
  // copy stays, with the notice.
  await page.goto(BASE + '/');
  await page.locator('#boot .kept-notice', { hasText: 'Could not load' }).waitFor();
  await page.context().close();
});

test('damaged short lists are left out and the article stays readable', async () => {
  const page = await newPage(browser);
  await withoutPageData(page);
  await page.route('**/content/derived/lists/*.json', (route) => route.fulfill({ status: 200, body: '{"section": 1' }));
  await page.goto(BASE + ARTICLE);
  await waitForApp(page);
  await page.getByText(para(0, 0)).waitFor();
  await page.locator('.crumb a', { hasText: 'Opinion' }).waitFor();
  assert.equal(await page.locator('.related').count(), 0);
  await page.context().close();
});

test('nothing scrolls sideways on a 320 px phone', async () => {
  const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
  for (const url of ['/', ARTICLE, ARTICLE + 'all/', '/article/nope/']) {
    await page.goto(BASE + url);
    await page.locator('main h1').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${url} is ${width}px wide`);
  }
  await page.context().close();
});
