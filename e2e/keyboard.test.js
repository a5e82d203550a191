// A reader with a keyboard and no mouse: across every page of an article,
// into Chinese, to the timeline, to an event's card, and back to the
// article. Focus is always visible and never stuck.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, articleFiles } from './browser.js';

const article = articleFiles()[1];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The focused element, and whether a reader can see where focus is: on
 *  screen, and outlined (itself, or the label beside a hidden radio). */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const ring = (e) => e && getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) >= 2;
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 60),
    href: el.getAttribute('href'),
    visible: el !== document.body && r.bottom > 0 && r.top < innerHeight && r.width > 0,
    ring: ring(el) || ring(el.nextElementSibling) || el.id === 'page-text' || el.id === 'main',
  };
});

/** Presses Tab until `pred` holds for the focused element (at most `max`
 *  times), checking on the way that focus is always visible. */
async function tabTo(page, pred, what, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    // Past the last control focus leaves the page for the browser's own
    // (headless shows <body>) and the next Tab comes back to the top.
    if (f.tag === 'body') continue;
    assert.ok(f.visible && f.ring, `focus is visible at every step: ${JSON.stringify(f)}`);
    if (pred(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

test('keyboard only: read every page, switch language, open the timeline and an event, and come back', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const slug = article.slug;
  await page.goto(`${BASE}/article/${slug}/`);

  // The skip link comes first and lands in the text.
  const skip = await tabTo(page, (f) => f.tag === 'a', 'the skip link');
  assert.match(skip.text, /Skip/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('main')), 'the next Tab is in the content, past the masthead');

  // Every page, with the arrow keys, from inside the text.
  await tabTo(page, (f) => f.tag === 'a' && /article\//.test(f.href ?? ''), 'a link in the article');
  for (let n = 2; n <= article.pages.length; n++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(`**/article/${slug}/${n}/`);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'page-text', `page ${n}: focus moved to the new text`);
  }
  // And back by the pager links, with Enter.
  await tabTo(page, (f) => f.tag === 'a' && /Previous Page/.test(f.text), 'Previous Page');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/article/${slug}/${article.pages.length - 1}/`);

  // The language: the toggle is a radio group; arrows choose.
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, (f) => f.tag === 'input' && f.text === 'en', 'the language toggle', 120);
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(`**/zh/article/${slug}/${article.pages.length - 1}/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');

  // The timeline, from an event the page names.
  const event = await tabTo(page, (f) => f.tag === 'a' && /timeline\/.+\/.+/.test(f.href ?? ''), 'a link to an event');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/zh\/timeline\/[^/]+\/[^/]+\/$/);
  const first = new URL(page.url()).pathname;
  assert.ok(first.endsWith(`/${event.href}`), `the link's event opened: ${first}`);
  await page.locator('.event-card h2').waitFor();

  // Step to the next event with the arrow keys, from its marker.
  await tabTo(page, (f) => f.tag === 'button' && (f.text.includes('：') || f.text.includes(':')), 'an event on the axis');
  // The next card's citing paragraphs come in a file of their own: which
  // way back this journey takes depends on them, so it waits for them.
  const cited = page.waitForResponse((r) => r.url().includes('/derived/mentions/'), { timeout: 10000 }).catch(() => null);
  await page.keyboard.press('ArrowRight');
  await page.waitForURL((u) => new URL(u).pathname !== first);
  const card = page.locator('.event-card h2');
  await card.waitFor();
  const title = await card.innerText();
  assert.ok(title.length > 0, 'the next event\'s card is open');
  const f = await focused(page);
  assert.ok(f.visible && f.ring && f.tag === 'button', `focus stays on the axis, visibly: ${JSON.stringify(f)}`);

  // Back to the article, from the card's "in the articles" list or, where
  // this event is in none, with the browser's Back key.
  const mention = page.locator('.event-card .mentions a');
  // Read from the bundle, not from the page's response: a body cannot be
  // read once the page that fetched it has moved on.
  const url = (await cited)?.url();
  const file = url ? await (await fetch(url)).json().catch(() => null) : null;
  if (file?.cited?.length) await mention.first().waitFor();
  if (await mention.count()) {
    await tabTo(page, (x) => x.tag === 'a' && /article\//.test(x.href ?? ''), 'the card\'s article link');
    await page.keyboard.press('Enter');
  } else {
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowLeft');
  }
  await page.waitForURL(/\/zh\/article\//);
  await page.locator('#page-text p').first().waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('keyboard only: the Display dialog keeps focus inside while open and gives it back on Escape', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/article/${article.slug}/`);
  await tabTo(page, (f) => f.tag === 'button' && /Display/.test(f.text), 'the Display button');
  await page.keyboard.press('Enter');
  // Its code is a chunk, fetched from the moment the button had focus.
  await page.getByRole('dialog', { name: 'Display settings' }).waitFor();
  // The page behind is inert: Tab goes round the dialog (by way of the
  // browser's own controls, which headless shows as <body>), never to it.
  let inside = 0;
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => document.activeElement.closest('dialog[open]') ? 'dialog' : document.activeElement.tagName);
    assert.ok(where === 'dialog' || where === 'BODY', `Tab reached the page behind the dialog: ${where}`);
    if (where === 'dialog') inside++;
  }
  assert.ok(inside >= 12, 'Tab moves through the dialog\'s controls');
  await page.keyboard.press('Escape');
  assert.match((await focused(page)).text, /Display/);
  // After closing, Tab moves on through the page: no trap.
  await tabTo(page, (f) => f.tag === 'a' && /Next Page/.test(f.text), 'the pager after the dialog');
  await page.context().close();
});
