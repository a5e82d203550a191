// The committed size budgets of the app (budgets.json at the repository
// root), as the bench measures them: each file of the app's code, and the
// critical path of a cold visit to each kind of view (the wasm, JS and CSS
// the page asked for before its view was shown and the app live), brotli at
// quality 11. Sizes are deterministic, so a change that goes over fails
// here on every run; raising a budget is a commit that changes budgets.json
// and says why in docs/decisions.md. (The archive's budgets are checked by
// xtask itself, `xtask/src/budgets.rs`.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { BASE, launch, newPage } from './browser.js';

const FILE = 'budgets.json';
const budgets = JSON.parse(readFileSync(new URL(`../${FILE}`, import.meta.url)));
const DIST = new URL('../dist/', import.meta.url);
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

/** Fails naming every figure of `section` over its budget. */
function withinBudgets(section, figures) {
  const over = [];
  for (const [name, value, detail] of figures) {
    const budget = budgets[section]?.[name];
    assert.ok(typeof budget === 'number', `${FILE} has no budget "${section}"."${name}"`);
    const line = `${section} / ${name}: ${value} B (${kb(value)}${detail ? `, ${detail}` : ''}), budget ${budget} B (${kb(budget)})`;
    if (value > budget) over.push(line);
    else console.log(`budget met: ${line}`);
  }
  assert.deepEqual(over, [], `over budget (the budgets are in ${FILE}; raising one is a commit that changes it and says why in docs/decisions.md):\n  ${over.join('\n  ')}`);
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('each file of the app\'s code is within its budget', () => {
  const code = readdirSync(DIST).find((f) => /^app-[0-9a-f]+$/.test(f));
  assert.ok(code, 'dist/ has the app\'s code folder');
  const files = readdirSync(new URL(`${code}/`, DIST)).filter((f) => /\.(wasm|js)$/.test(f));
  const size = (f) => brotli(readFileSync(new URL(`${code}/${f}`, DIST)));
  // The chunks the split points share are numbered by the split tool, in
  // no order that survives a change: one budget holds them all.
  const shared = files.filter((f) => /^chunk_\d+\.wasm$/.test(f));
  const named = files.filter((f) => !shared.includes(f));
  withinBudgets('app', [
    ...named.map((f) => [f, size(f)]),
    ['shared chunks', shared.reduce((t, f) => t + size(f), 0), `${shared.length} files`],
  ]);
  // A new file has a budget of its own before it ships.
  const known = Object.keys(budgets.app);
  assert.deepEqual(named.filter((f) => !known.includes(f)), [], `files of the app with no budget in ${FILE}`);
});

/** The wasm, JS and CSS a cold visit to `path` asks for until `shown`
 *  holds and the app is live, and their brotli bytes. */
async function criticalPath(path, shown, viewport) {
  const page = await newPage(browser, { viewport, raw: true });
  const asked = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (/\.(wasm|js|css)$/.test(u.pathname)) asked.add(u.pathname);
  });
  await page.goto(BASE + path);
  // A function, not a string: the page's policy forbids evaluating one.
  await page.waitForFunction((sel) => !document.getElementById('boot') && document.querySelector(sel)
    && performance.getEntriesByName('folio-ready').length > 0, shown);
  const files = [...asked];
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
  const sizes = files.map((f) => [f, brotli(readFileSync(new URL(decodeURIComponent(f).slice(1), DIST)))]);
  // The files over a kilobyte by name, the small shared chunks together.
  const big = sizes.filter(([, b]) => b >= 1024).map(([f, b]) => `${f.split('/').pop()} ${kb(b)}`);
  const small = sizes.filter(([, b]) => b < 1024);
  if (small.length) big.push(`${small.length} files under 1 KB ${kb(small.reduce((t, [, b]) => t + b, 0))}`);
  return [sizes.reduce((t, [, b]) => t + b, 0), big.join(', ')];
}

test('the critical path of a cold visit to each kind of view is within its budget', async () => {
  const wide = { width: 1280, height: 800 };
  const timeline = JSON.parse(readFileSync(new URL('../content/timelines/japan-russia-summits.json', import.meta.url)));
  const event = timeline.events.at(-1).id;
  const views = [
    ['listing', '/', '.story-list, .listing', wide],
    ['article', '/article/japan-overtures-to-russia/', '#page-text p', wide],
    ['article embed', '/embed/article/japan-overtures-to-russia/', '#page-text p', wide],
    ['timeline', '/timeline/japan-russia-summits/', '.axis .marker', wide],
    ['timeline, 390 px', '/timeline/japan-russia-summits/', '.list-event', { width: 390, height: 844 }],
    ['event', `/timeline/japan-russia-summits/${event}/`, '.event-card .event-facts', wide],
  ];
  const figures = [];
  for (const [name, path, shown, viewport] of views) {
    const [bytes, files] = await criticalPath(path, shown, viewport);
    figures.push([name, bytes, files]);
  }
  withinBudgets('critical path', figures);
});
