// The timeline of summits, end to end against the release dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, launch, newPage, pageParts, waitForApp, withoutPageData, xtask } from './browser.js';

const ID = 'japan-russia-summits';
const TL = `/timeline/${ID}/`;
const data = JSON.parse(readFileSync(new URL(`../content/timelines/${ID}.json`, import.meta.url)));
const ev = (id) => data.events.find((e) => e.id === id);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const path = (page) => new URL(page.url()).pathname;
const drawn = '.axis .marker, .axis .cluster';

/// Asserts that no two drawn markers or clusters overlap.
async function assertNoOverlap(page, label) {
  const boxes = await page.locator(drawn).evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return [r.left, r.right];
  }));
  boxes.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < boxes.length; i++) {
    assert.ok(boxes[i][0] >= boxes[i - 1][1] - 0.5, `${label}: markers overlap at ${boxes[i - 1]} / ${boxes[i]}`);
  }
  return boxes.length;
}

test('the home page opens the timeline, and every zoom level keeps markers apart', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  await page.getByRole('link', { name: data.title.en }).click();
  await page.waitForURL(`**${TL}`);
  assert.equal(await page.locator('h1').innerText(), data.title.en);
  assert.equal(await page.locator('.timeline-count').innerText(), '36 of 36 meetings');
  await page.locator(drawn).first().waitFor();
  assert.equal(await page.locator('.era').count(), 4);
  let levels = 0;
  let seen = 0;
  await page.getByRole('button', { name: 'Fit all' }).click();
  for (;;) {
    await page.waitForTimeout(50);
    // Deep zoom can show an empty stretch of years; overlap is what matters.
    seen += await assertNoOverlap(page, `zoom ${levels}`);
    const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
    if (await zoomIn.isDisabled()) break;
    await zoomIn.click();
    levels++;
  }
  assert.ok(levels >= 8, `${levels} zoom levels`);
  assert.ok(seen > 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('an event is chosen by click and by key, and the live region says which', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + TL);
  await page.locator(drawn).first().waitFor();
  // Zoom until single markers appear, then click one.
  const marker = page.locator('.axis .marker').first();
  while (!(await marker.count())) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  const id = await marker.getAttribute('data-event');
  await marker.click();
  await page.waitForURL(`**${TL}${id}/`);
  assert.equal(await page.locator('.event-card h2').innerText(), ev(id).title.en);
  assert.equal(await page.locator(`.axis [data-event="${id}"]`).getAttribute('aria-current'), 'true');

  // By key: from the selected marker, Right goes to the next event.
  await page.locator(`.axis [data-event="${id}"]`).focus();
  await page.keyboard.press('ArrowRight');
  const next = data.events[data.events.findIndex((e) => e.id === id) + 1];
  await page.waitForURL(`**${TL}${next.id}/`);
  assert.equal(await page.locator('.event-card h2').innerText(), next.title.en);
  assert.match(await page.locator('.live-region').innerText(), new RegExp(`: ${next.title.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.waitForFunction((n) => document.activeElement?.dataset.event === n, next.id);
  await page.keyboard.press('End');
  await page.waitForURL(`**${TL}${data.events.at(-1).id}/`);
  await page.waitForFunction((n) => document.activeElement?.dataset.event === n, data.events.at(-1).id);
  await page.keyboard.press('Home');
  await page.waitForURL(`**${TL}${data.events[0].id}/`);
  assert.equal(await page.locator('.live-region').innerText(), `13–19 October 1956: ${data.events[0].title.en}`);
  // Keys in the filters do not move the selection.
  await page.locator('select[name=group]').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  assert.equal(path(page), `${TL}${data.events[0].id}/`);
  await page.context().close();
});

test('a deep link to an event survives a reload and shows it on the axis', async () => {
  const page = await newPage(browser);
  const id = '1993-10-tokyo-declaration';
  const resp = await page.goto(`${BASE}${TL}${id}/`);
  assert.equal(resp.status(), 200);
  await waitForApp(page);
  await page.locator('.event-card h2').waitFor();
  await page.reload();
  // The app's view: the prerendered page holds the card twice (list and
  // axis), until the timeline's code has arrived.
  await waitForApp(page);
  assert.equal(await page.locator('.event-card h2').innerText(), ev(id).title.en);
  const m = page.locator(`.axis .marker[data-event="${id}"]`);
  await m.waitFor();
  const [box, view] = [await m.boundingBox(), await page.locator('.axis-viewport').boundingBox()];
  assert.ok(box.x >= view.x && box.x + box.width <= view.x + view.width, 'the selected marker is scrolled into view');
  for (const s of ev(id).sources) {
    const link = page.locator('.sources a', { hasText: s.title });
    assert.equal(await link.getAttribute('href'), s.url);
    assert.equal(await link.getAttribute('target'), '_blank');
  }
  await page.context().close();
});

test('an unknown event says so, keeps the timeline, and offers the likely one', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}${TL}no-such-event/`);
  await page.locator('.error-panel h2', { hasText: 'No such meeting' }).waitFor();
  assert.equal(await page.locator('h1').count(), 1, 'the timeline keeps its one h1');
  await page.locator(drawn).first().waitFor();
  // A short id, as in older links, leads to the event it meant.
  await page.goto(`${BASE}${TL}2016-05-sochi/`);
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  await panel.getByRole('link', { name: ev('2016-05-sochi-new-approach').title.en }).click();
  await page.waitForURL(`**${TL}2016-05-sochi-new-approach/`);
  await page.locator('.event-card h2').waitFor();
  assert.equal(await page.locator('.error-panel').count(), 0);
  await page.context().close();
});

test('on a 390 px phone the timeline is a list by era, scrolled to the event', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 800 } });
  const id = '2016-12-nagato-tokyo-putin-visit';
  await page.goto(`${BASE}${TL}${id}/`);
  await page.locator('.timeline-list, .list-era').first().waitFor();
  assert.equal(await page.locator('.axis').count(), 0);
  assert.equal(await page.locator('.list-era > h2').count(), 4);
  const current = page.locator('.list-event[aria-current]');
  await page.waitForFunction(() => {
    const r = document.querySelector('.list-event[aria-current]')?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.match(await current.innerText(), /Nagato/);
  assert.equal(await page.locator('.list-era .event-card h2').innerText(), ev(id).title.en);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  await page.context().close();
});

test('the prime-minister filter goes in the URL and limits what keys reach', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + TL);
  await page.locator('select[name=pm]').selectOption('hashimoto');
  await page.waitForURL((url) => url.search === '?pm=hashimoto');
  assert.equal(await page.locator('.timeline-count').innerText(), '2 of 36 meetings');
  await page.reload();
  // The prerendered page is the timeline unfiltered, until the app runs.
  await waitForApp(page);
  assert.equal(await page.locator('select[name=pm]').inputValue(), 'hashimoto');
  await page.locator('.axis-viewport').click({ position: { x: 5, y: 5 } });
  await page.locator(drawn).first().focus();
  await page.keyboard.press('End');
  await page.waitForURL(`**${TL}1998-04-kawana/?pm=hashimoto`);
  await page.waitForFunction(() => document.activeElement?.dataset.event === '1998-04-kawana');
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(`**${TL}1997-11-krasnoyarsk/?pm=hashimoto`);
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(200);
  assert.equal(path(page), `${TL}1997-11-krasnoyarsk/`, 'no event of another prime minister');
  await page.context().close();
});

test('from an article paragraph to the event and back to the paragraph', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/article/japan-overtures-to-russia/2/');
  const strip = page.locator('.event-strip');
  await strip.waitFor();
  assert.match(await strip.innerText(), /Sochi/);
  await page.locator('#page-text .event-link').first().click();
  await page.waitForURL(`**${TL}2016-05-sochi-new-approach/`);
  // Newest first: the explainer (2026) before the op-ed (2016).
  await page.locator('.mentions a').first().waitFor();
  assert.match(await page.locator('.mentions a').first().getAttribute('href'), /seven-decades-of-summits/);
  const mention = page.locator('.mentions a[href*="japan-overtures-to-russia"]').first();
  assert.equal(await mention.evaluate((a) => new URL(a.href).pathname + new URL(a.href).hash), '/article/japan-overtures-to-russia/2/#b-4');
  await mention.click();
  await page.waitForURL('**/article/japan-overtures-to-russia/2/#b-4');
  const block = page.locator('#b-4');
  await block.waitFor();
  await page.waitForFunction(() => {
    const r = document.getElementById('b-4').getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight / 2;
  });
  await page.context().close();
});

test('the timeline follows the language', async () => {
  const page = await newPage(browser);
  const id = '2001-03-irkutsk-statement';
  await page.goto(`${BASE}/zh${TL}${id}/`);
  await waitForApp(page);
  await page.locator('.event-card h2').waitFor();
  assert.equal(await page.locator('h1').innerText(), data.title.zh);
  assert.equal(await page.locator('.event-card h2').innerText(), ev(id).title.zh);
  assert.equal(await page.locator('.event-facts dt').first().innerText(), '地点');
  assert.equal(await page.locator('.event-meta time').innerText(), '2001年3月25日');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
  await page.getByRole('radio', { name: 'English' }).check();
  await page.waitForURL(`**${TL}${id}/`);
  assert.equal(await page.locator('.event-card h2').innerText(), ev(id).title.en);
  await page.context().close();
});

/// `timeline` written as `cargo xtask dist` writes a timeline too large to
/// carry, by the same code: an index, and one file per event. Returns
/// the folder (a bundle's `content/`).
function split(timeline) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-split-'));
  const whole = join(dir, 'whole.json');
  writeFileSync(whole, JSON.stringify(timeline));
  xtask('split-timeline', whole, dir);
  return dir;
}

/// Serves the split timeline in `dir` in place of the bundle's, to a page
/// that carries no data (so it fetches, as it does for a large timeline).
/// `event(route, file)` answers each event's file.
async function serveSplit(page, dir, event = (route, file) => route.fulfill({ path: file })) {
  await withoutPageData(page);
  await page.route(`**/content/timelines/${ID}.json`, (route) => route.fulfill({ path: join(dir, `timelines/${ID}.json`) }));
  await page.route(`**/content/timelines/${ID}/*.json`, (route) => {
    const file = join(dir, 'timelines', ID, new URL(route.request().url()).pathname.split('/').pop());
    return existsSync(file) ? event(route, file) : route.fulfill({ status: 404, body: 'not found' });
  });
  // Each event's citing paragraphs, which split-timeline writes beside it.
  await page.route(`**/content/derived/mentions/${ID}/*.json`, (route) => {
    const file = join(dir, 'derived', 'mentions', ID, new URL(route.request().url()).pathname.split('/').pop());
    return existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404, body: 'not found' });
  });
}

/// 10,000 events spread over 1956–2019, the 36 real ones recycled.
function synthetic() {
  const fixture = structuredClone(data);
  const first = Date.UTC(1956, 0, 1);
  const span = Date.UTC(2019, 11, 31) - first;
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const days = Array.from({ length: 10000 }, () => Math.floor(rand() * span / 86400000)).sort((a, b) => a - b);
  fixture.events = days.map((d, i) => {
    const base = data.events[i % data.events.length];
    const date = new Date(first + d * 86400000).toISOString().slice(0, 10);
    return { ...base, id: `synthetic-${i}`, start: date, end: undefined };
  });
  return fixture;
}

test('10,000 synthetic events, split as dist splits them, load, render only what is visible, and never overlap', async () => {
  const page = await newPage(browser);
  const fixture = synthetic();
  const dir = split(fixture);
  const index = statSync(join(dir, `timelines/${ID}.json`)).size;
  assert.ok(index * 3 < JSON.stringify(fixture).length, `the index (${index} bytes) is a fraction of the whole`);
  await serveSplit(page, dir);
  await page.goto(BASE + TL);
  await waitForApp(page);
  await page.locator(drawn).first().waitFor();
  assert.equal(await page.locator('.timeline-count').innerText(), '10000 of 10000 meetings');
  for (let z = 0; z < 6; z++) {
    const n = await assertNoOverlap(page, `10k zoom ${z}`);
    assert.ok(n > 0 && n < 400, `zoom ${z}: ${n} items drawn, not 10,000`);
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.waitForTimeout(50);
  }
  // An event's occasion, outcome and sources come from its own file.
  const asked = page.waitForRequest(`**/content/timelines/${ID}/synthetic-9999.json`);
  await page.getByRole('button', { name: 'Fit all' }).focus();
  await page.keyboard.press('End');
  await asked;
  const card = page.locator('.event-card[data-event="synthetic-9999"]');
  const last = fixture.events[9999];
  await card.locator('.event-facts dd', { hasText: last.outcome.en }).waitFor();
  assert.equal(await card.locator('h2').innerText(), last.title.en);
  assert.equal(await card.locator('.sources a').count(), last.sources.length);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
  rmSync(dir, { recursive: true });
});

test('on a phone, 10,000 events are listed 200 at a time, around the chosen one', async () => {
  const fixture = synthetic();
  const dir = split(fixture);
  const page = await newPage(browser, { viewport: { width: 390, height: 800 } });
  await serveSplit(page, dir);
  await page.goto(`${BASE}${TL}synthetic-5000/`);
  await waitForApp(page);
  const items = page.locator('.list-event');
  await page.locator('.list-event[aria-current] + .event-card').waitFor();
  assert.equal(await items.count(), 200);
  assert.equal(await page.locator('.list-event[aria-current] .list-title').innerText(), fixture.events[5000].title.en);
  // The window is centred on the choice: 4,900 to 5,099.
  assert.equal(await items.first().getAttribute('href'), `${TL.slice(1)}synthetic-4900/`);
  const earlier = page.getByRole('button', { name: 'Show earlier meetings (4900 more)' });
  const later = page.getByRole('button', { name: 'Show later meetings (4900 more)' });
  await later.click();
  await page.getByRole('button', { name: 'Show later meetings (4700 more)' }).waitFor();
  assert.equal(await items.count(), 400);
  await earlier.click();
  await page.getByRole('button', { name: 'Show earlier meetings (4700 more)' }).waitFor();
  assert.equal(await items.count(), 600);
  // Choosing an event in view opens it where it is: the list stays.
  await items.nth(10).click();
  await page.waitForURL(`**${TL}synthetic-4710/`);
  await page.locator('.event-card[data-event="synthetic-4710"]').waitFor();
  assert.equal(await items.count(), 600);
  assert.equal(await items.first().getAttribute('href'), `${TL.slice(1)}synthetic-4700/`);
  // A language switch keeps the list the reader made.
  await page.getByRole('radio', { name: '中文' }).check();
  await page.waitForURL(`**/zh${TL}synthetic-4710/`);
  await page.locator('.list-event[aria-current] + .event-card').waitFor();
  assert.equal(await items.count(), 600);
  assert.equal(await items.first().getAttribute('href'), `zh${TL}synthetic-4700/`);
  // No page was prerendered for synthetic-5000: 404.html answered it (and
  // its look for the bundle root, one HEAD per level), with status 404.
  assert.deepEqual(page.consoleErrors.filter((e) => !/status of 404/.test(e)), []);
  await page.context().close();
  rmSync(dir, { recursive: true });
});

test('an event page of a split timeline keeps its prerendered card until the app has the whole event', async () => {
  const dir = split(structuredClone(data));
  const id = '2016-05-sochi-new-approach';
  const page = await newPage(browser);
  let release;
  const released = new Promise((r) => { release = r; });
  await serveSplit(page, dir, async (route, file) => { await released; await route.fulfill({ path: file }); });
  await page.goto(`${BASE}${TL}${id}/`);
  await page.waitForFunction(() => performance.getEntriesByName('folio-ready').length);
  // The app has the index, not yet the event's details: what the reader
  // sees is still the prerendered card, outcome and all.
  await page.waitForTimeout(300);
  const outcome = (root) => page.locator(`${root} .event-card[data-event="${id}"] .event-facts dd`, { hasText: ev(id).outcome.en });
  // (It holds both the list's card and the axis's; the stylesheet shows one.)
  assert.equal(await outcome('#boot').filter({ visible: true }).count(), 1);
  assert.equal(await page.locator('.loading').filter({ visible: true }).count(), 0);
  release();
  await waitForApp(page);
  // Handed over only once the details were there: no loading line between.
  assert.equal(await outcome('body').count(), 1);
  assert.equal(await page.locator('.event-card .loading').count(), 0);
  await page.context().close();
  rmSync(dir, { recursive: true });
});

test('an event whose own file fails keeps what it shows, says why, and retries', async () => {
  const fixture = structuredClone(data);
  const dir = split(fixture);
  const id = '2016-05-sochi-new-approach';
  const next = '2016-09-vladivostok-eef';
  const page = await newPage(browser);
  let offline = true;
  await serveSplit(page, dir, (route, file) => (offline ? route.abort('internetdisconnected') : route.fulfill({ path: file })));
  // Arriving at the event's address: its card as published stays whole,
  // under a notice, instead of the app's card without its record.
  await page.goto(`${BASE}${TL}${id}/`);
  const notice = page.locator('#boot .kept-notice[role=alert]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be fetched/);
  const kept = page.locator(`#boot .event-card[data-event="${id}"]`).first();
  assert.match(await kept.innerText(), new RegExp(ev(id).outcome.en.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  offline = false;
  await notice.getByRole('button', { name: 'Try again' }).click();
  await waitForApp(page);
  const card = page.locator(`.event-card[data-event="${id}"]`);
  await card.locator('.event-facts dd', { hasText: ev(id).outcome.en }).waitFor();
  assert.equal(await page.locator('.event-error').count(), 0);

  // Stepping to the next event in the app: what the index has stays on
  // screen (the title, the place), the card says why the rest is missing.
  offline = true;
  await page.locator('.axis .marker.selected').focus();
  await page.keyboard.press('ArrowRight');
  const nextCard = page.locator(`.event-card[data-event="${next}"]`);
  const failed = nextCard.locator('.event-error[role=alert]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /could not be fetched/);
  assert.equal(await nextCard.locator('h2').innerText(), ev(next).title.en);
  assert.match(await nextCard.locator('.event-facts').innerText(), new RegExp(ev(next).place.en));
  offline = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await nextCard.locator('.event-facts dd', { hasText: ev(next).outcome.en }).waitFor();
  assert.equal(await failed.count(), 0);

  // A file that is missing cannot be fixed by retrying: no button.
  rmSync(join(dir, 'timelines', ID, `${next}.json`));
  await page.goto(`${BASE}${TL}${next}/`);
  const missing = page.locator('#boot .kept-notice');
  await missing.waitFor();
  assert.match(await missing.innerText(), /missing or damaged/);
  assert.equal(await missing.getByRole('button').count(), 0);
  await page.context().close();
  rmSync(dir, { recursive: true });
});

test('a page that leaves its timeline out asks for it at once, and the app reads that answer, not a second download', async () => {
  // The preload dist writes into a page whose timeline is too large to
  // carry, from dist's own code (`cargo xtask page-parts`), on a page
  // without its data.
  const { preloads } = pageParts(TL, `timelines/${ID}`);
  assert.match(preloads, new RegExp(`rel=preload .*href="content/timelines/${ID}\\.json"`));
  const page = await newPage(browser);
  await withoutPageData(page, { head: preloads });
  const requests = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.endsWith(`/content/timelines/${ID}.json`)) requests.push(r.url()); });
  const unused = [];
  page.on('console', (m) => { if (/preloaded using link preload but not used/.test(m.text())) unused.push(m.text()); });
  await page.goto(BASE + TL);
  await waitForApp(page);
  await page.locator(drawn).first().waitFor();
  assert.equal(await page.locator('.timeline-count').innerText(), `${data.events.length} of ${data.events.length} meetings`);
  // Chromium warns about an unused preload about three seconds after load.
  await page.waitForTimeout(3500);
  assert.deepEqual(unused, []);
  assert.equal(requests.length, 1, `the index was downloaded ${requests.length} times: ${requests.join(', ')}`);
  await page.context().close();
});

test('a broken timeline file gets a clear message, and articles stay readable', async () => {
  const page = await newPage(browser);
  await withoutPageData(page);
  await page.route(`**/content/timelines/${ID}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": "japan-russia-summits", "events": [' }));
  await page.goto(BASE + TL);
  // The timeline as published stays, under a notice that says why.
  const notice = page.locator('#boot .kept-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /This timeline could not be read/);
  assert.equal(await page.locator('#boot .axis .marker').first().isVisible(), true);
  await notice.locator('summary').click();
  assert.match(await notice.locator('code').innerText(), new RegExp(`/content/timelines/${ID}\\.json:1:\\d+: `));
  // The article that cites it never loads the timeline: its links come
  // from its own cites file, which dist wrote.
  await page.goto(BASE + '/article/japan-overtures-to-russia/2/');
  await waitForApp(page);
  await page.locator('#page-text [data-block]').first().waitFor();
  assert.ok(await page.locator('.event-link').count() > 0);
  // A damaged cites file costs the article its links, and nothing else.
  await page.route('**/content/derived/cites/*.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"slug": ' }));
  await page.goto(BASE + '/article/japan-overtures-to-russia/2/');
  await waitForApp(page);
  await page.locator('#page-text [data-block]').first().waitFor();
  assert.equal(await page.locator('.event-link').count(), 0);
  assert.equal(await page.locator('.event-strip').count(), 0);
  await page.context().close();
});

test('hostile strings in a timeline are shown as text', async () => {
  const page = await newPage(browser);
  const fixture = structuredClone(data);
  const evil = '<img src=x onerror="window.__pwned=1">';
  fixture.events[0].title.en = evil;
  fixture.events[0].sources = [{ title: 'bad', url: 'javascript:window.__pwned=1' }, ...fixture.events[0].sources];
  await withoutPageData(page);
  await page.route(`**/content/timelines/${ID}.json`, (route) => route.fulfill({ json: fixture }));
  await page.goto(`${BASE}${TL}${data.events[0].id}/`);
  await waitForApp(page);
  const card = page.locator('.event-card');
  await card.waitFor();
  assert.equal(await card.locator('h2').innerText(), evil);
  assert.equal(await card.locator('img').count(), 0);
  assert.equal(await card.locator('a[href^="javascript:"]').count(), 0, 'only http(s) sources become links');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();
});
