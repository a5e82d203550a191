// The app's code in chunks (src/chunk.rs, xtask/src/app.rs): a first visit
// downloads what its view needs and no more, a page preloads the chunks
// its view needs, and a chunk that does not arrive gets the same notice
// and retry as content that does not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, waitForApp } from './browser.js';

const ARTICLE = '/article/japan-overtures-to-russia/';
const TIMELINE = '/timeline/japan-russia-summits/';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The app's files a page asked for, by name (`main_bg.wasm`, `split_timeline.wasm`). */
function requests(page) {
  const names = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/app-[0-9a-f]+\/([^/]+)$/);
    if (m) names.push(m[1]);
  });
  return names;
}

/** Makes requests for `glob` fail as a lost connection does, until the
 *  returned function is called. */
async function cutOff(page, glob) {
  let off = true;
  await page.route(glob, (route) => (off ? route.abort('internetdisconnected') : route.fallback()));
  return () => { off = false; };
}

/** After a link to a view whose chunk is cut off: the app's own panel
 *  says so; reconnected, its retry shows the view (`shown`), panel gone. */
async function panelThenRetry(page, reconnect, shown) {
  const panel = page.locator('.error-panel[role=alert]');
  await panel.waitFor();
  assert.match(await panel.innerText(), /Could not load/);
  reconnect();
  await panel.getByRole('button', { name: 'Try again' }).click();
  await page.locator(shown).first().waitFor();
  assert.equal(await page.locator('.error-panel').count(), 0);
}

const preloads = (page) => page.evaluate(() => [...document.querySelectorAll('link[rel=preload][as=fetch][href*="app-"]')]
  .map((l) => ({ file: l.getAttribute('href').split('/').pop(), media: l.media })));

test('an article downloads the main module only; the timeline its own chunk, which its page preloads', async () => {
  const page = await newPage(browser);
  const asked = requests(page);
  await page.goto(BASE + ARTICLE);
  await page.locator('#page-text p').first().waitFor();
  assert.deepEqual(asked.filter((f) => f.endsWith('.wasm')), ['main_bg.wasm'], 'no chunk for the article');
  assert.deepEqual((await preloads(page)).map((p) => p.file), ['main_bg.wasm']);

  asked.length = 0;
  await page.goto(BASE + TIMELINE);
  await waitForApp(page);
  await page.locator('.axis .marker').first().waitFor();
  const tags = await preloads(page);
  assert.ok(tags.some((p) => p.file === 'split_timeline.wasm' && !p.media), 'the timeline chunk, everywhere');
  assert.ok(tags.some((p) => p.file === 'split_timeline_list.wasm' && p.media === '(max-width: 699px)'), 'the list, on phones');
  // Each file once: the preload is the fetch the split loader makes.
  const wasm = asked.filter((f) => f.endsWith('.wasm'));
  assert.deepEqual(wasm, [...new Set(wasm)], `fetched twice: ${wasm}`);
  assert.ok(wasm.includes('split_timeline.wasm'));
  assert.ok(!wasm.includes('split_timeline_list.wasm'), 'a wide screen does not download the phone list');
  assert.ok(!wasm.includes('split_embed.wasm') && !wasm.includes('split_display.wasm'), 'no dialog before it is wanted');
  // The loader's fetch is the one preloaded: Chromium says so otherwise.
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a listing preloads its own chunk, which an article never downloads, and one cut off gets the notice and its retry', async () => {
  const page = await newPage(browser);
  const asked = requests(page);
  await page.goto(BASE + '/');
  await waitForApp(page);
  await page.locator('.story-list .story').first().waitFor();
  assert.ok((await preloads(page)).some((p) => p.file === 'split_listing.wasm' && !p.media), 'the listing chunk');
  const wasm = asked.filter((f) => f.endsWith('.wasm'));
  assert.deepEqual(wasm, [...new Set(wasm)], `fetched twice: ${wasm}`);
  assert.ok(wasm.includes('split_listing.wasm'), wasm.join(' '));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();

  // From an article, by the masthead's link: the article's code had none
  // of the listing's, so its chunk is fetched now. Cut off, the app's own
  // panel; on retry, the stories.
  const next = await newPage(browser);
  const askedNext = requests(next);
  const reconnect = await cutOff(next, '**/split_listing.wasm');
  await next.goto(BASE + ARTICLE);
  await waitForApp(next);
  assert.ok(!askedNext.includes('split_listing.wasm'), 'an article downloads no listing code');
  await next.locator('.masthead .site-name').click();
  await panelThenRetry(next, reconnect, '.story-list .story');
  assert.equal(new URL(next.url()).pathname, new URL(BASE + '/').pathname);
  await next.context().close();
});

test('on a phone the timeline brings its list chunk, and the Embed dialog loads when pointed at', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true });
  const asked = requests(page);
  await page.goto(BASE + TIMELINE);
  await waitForApp(page);
  await page.locator('.list-event').first().waitFor();
  assert.ok(asked.includes('split_timeline_list.wasm'));
  assert.ok(!asked.includes('split_embed.wasm'));
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.getByRole('dialog', { name: /Embed/ }).waitFor();
  assert.ok(asked.includes('split_embed.wasm'));
  assert.deepEqual(page.consoleErrors.filter((e) => !/Failed to load resource/.test(e)), []);
  await page.context().close();
});

test('a timeline chunk that does not arrive: the network notice and its retry, on a visit and after a click', async () => {
  const page = await newPage(browser);
  const reconnect = await cutOff(page, '**/split_timeline.wasm');
  // Cold, at the timeline's address: the prerendered timeline stays, under
  // the notice, as when its data fails.
  await page.goto(BASE + TIMELINE);
  const notice = page.locator('#boot .kept-notice[role=alert]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be fetched/);
  assert.match(await notice.locator('.error-detail').textContent(), /the app's timeline code: could not be downloaded/);
  assert.ok(await page.locator('#boot .axis .marker').first().isVisible(), 'the published timeline is still there');
  reconnect();
  await notice.getByRole('button', { name: 'Try again' }).click();
  await waitForApp(page);
  await page.locator('.axis .marker').first().waitFor();
  await page.context().close();

  // From the article, by a link: the app's own panel, then the timeline.
  const next = await newPage(browser);
  const reconnectNext = await cutOff(next, '**/split_timeline.wasm');
  await next.goto(BASE + ARTICLE);
  await next.locator('.event-strip a, a.event-link').first().click();
  await panelThenRetry(next, reconnectNext, '.axis .marker');
  await next.context().close();
});

test('a dialog whose chunk does not arrive says so when pressed, and opens on retry', async () => {
  const page = await newPage(browser);
  const reconnect = await cutOff(page, '**/split_display.wasm');
  await page.goto(BASE + ARTICLE);
  const button = page.getByRole('button', { name: 'Display' });
  await button.hover();
  // Pointing at it started the download, which failed: nothing is said
  // until the reader asks for the dialog.
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.event-error').count(), 0);
  await button.click();
  const failure = page.locator('.article-tools .event-error[role=alert]');
  await failure.waitFor();
  assert.match(await failure.innerText(), /could not be fetched/);
  reconnect();
  await failure.getByRole('button', { name: 'Try again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Display settings' });
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.context().close();
});
