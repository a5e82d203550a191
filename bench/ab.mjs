// `cargo xtask bench --against REV`: a same-run A/B of two builds of Folio,
// the base (a git revision, BASE_URL, its bundle in BASE_DIST) and the
// candidate (the working tree, CANDIDATE_URL, CANDIDATE_DIST).
//
// Each round measures, under the bench's CPU throttle, with the same code
// as bench.mjs (lib.mjs): the home page's first paint, the article's cold
// load, page turns and language switches, and the timeline's ready, one
// zoom step and the selection of its last event; each measurement is
// taken on base and candidate in turn, which goes first alternating from
// round to round, so drift hits both alike. Then the wasm's size, raw and
// brotli. Prints a table of the medians and their ratios, candidate over
// base, and writes it to OUT (Markdown) and beside it as JSON. No figure
// fails the run: an A/B is read, not checked.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launch, summaries, THROTTLE, VIEWPORT, ms, kb, spread, subjects, sizes, coldLoad, HOME_PAINTED, ARTICLE_READY,
  interactions, timelineLoad, FOLIO_READY, FOLIO_ZOOM, zooms, OPEN_LAST, criticalPath, HOME_SHOWN, ARTICLE_SHOWN,
  clickToResponse, earlyControls,
} from './lib.mjs';

const { BASE_URL, CANDIDATE_URL, BASE_DIST, CANDIDATE_DIST, BASE_NAME, CANDIDATE_NAME, OUT } = process.env;
if (!BASE_URL || !CANDIDATE_URL || !BASE_DIST || !CANDIDATE_DIST || !OUT) {
  console.error('ab.mjs is run by `cargo xtask bench --against REV`');
  process.exit(2);
}
const LOADS = Number(process.env.LOADS ?? 15);
/** Page turns and language switches per round and build (even: see `interactions`). */
const TURNS = LOADS > 1 ? 10 : 2;

const HERE = dirname(fileURLToPath(import.meta.url));
const { article, timeline, ARTICLE, TIMELINE } = subjects(join(HERE, '..'));
const LAST = timeline.events.at(-1).id;

const browser = await launch();
const CHROMIUM_VERSION = browser.version();

/** Clicks on a cold article before and after the app is live
 *  (`clickToResponse`), each under its key in the figures. */
const EARLY = earlyControls(article).flatMap(([name, sel, text]) => [
  [`${name}Before`, sel, text, false],
  [`${name}After`, sel, text, true],
]);

/** Each measurement: its figures, pushed into `r`, from the build at `url`. */
const MEASURES = {
  async home(url, r) {
    r.homeFcp.push((await coldLoad(browser, `${url}/`, HOME_PAINTED)).fcp);
  },
  async article(url, r) {
    const b = await coldLoad(browser, url + ARTICLE, ARTICLE_READY);
    r.articleFcp.push(b.fcp); r.articleText.push(b.text); r.articleReady.push(b.ready);
  },
  async interactions(url, r) {
    const { turns, switches } = await interactions(browser, url + ARTICLE, article, TURNS);
    r.turn.push(...turns.map((x) => x.dom)); r.turnPaint.push(...turns.map((x) => x.paint));
    r.switch.push(...switches.map((x) => x.dom)); r.switchPaint.push(...switches.map((x) => x.paint));
  },
  async early(url, r) {
    for (const [key, sel, text, live] of EARLY) {
      const ms = await clickToResponse(browser, url + ARTICLE, sel, text, live);
      if (ms != null) r[key].push(ms);
    }
  },
  async timeline(url, r) {
    const t = await timelineLoad(browser, url + TIMELINE, FOLIO_READY);
    if (t.ms == null) throw new Error(`${url + TIMELINE}: the timeline was not drawn within 60 s`);
    r.timelineReady.push(t.ms);
    r.zoom.push(...(await zooms(t.page, FOLIO_ZOOM, 1)));
    const select = await t.page.evaluate(OPEN_LAST, LAST);
    await t.context.close();
    if (!Number.isFinite(select)) throw new Error(`${url + TIMELINE}: the last event's card did not show within 5 s`);
    r.select.push(select);
  },
};

/** The figures, in the table's order: key, label, and which quantile. */
const ROWS = [
  ['homeFcp', 'home: first contentful paint'],
  ['articleFcp', 'article: first contentful paint'],
  ['articleText', 'article: first paragraph painted'],
  ['articleReady', 'article: interactive (folio-ready)'],
  ['turn', 'page turn: to new text in the DOM'],
  ['turn', 'page turn: to new text in the DOM, p95', 'p95'],
  ['turnPaint', 'page turn: to the frame that shows it'],
  ['switch', 'language switch: to new text in the DOM'],
  ['switch', 'language switch: to new text in the DOM, p95', 'p95'],
  ['switchPaint', 'language switch: to the frame that shows it'],
  ['pagerBefore', 'pager clicked before the app is live: to the new text'],
  ['pagerAfter', 'pager clicked once the app is live: to the new text'],
  ['languageBefore', 'language switch clicked before the app is live: to the new text (n/a: no answer in 5 s)'],
  ['languageAfter', 'language switch clicked once the app is live: to the new text'],
  ['timelineReady', 'timeline (36 events): ready'],
  ['zoom', 'timeline: one zoom step'],
  ['select', 'timeline: End to the last event\'s card'],
];

const empty = () => Object.fromEntries(ROWS.map(([key]) => [key, []]));
const runs = { base: empty(), candidate: empty() };
const urls = { base: BASE_URL, candidate: CANDIDATE_URL };
const started = Date.now();
for (let i = 0; i < LOADS; i++) {
  process.stderr.write(`ab: round ${i + 1} of ${LOADS}\n`);
  const order = i % 2 ? ['candidate', 'base'] : ['base', 'candidate'];
  for (const measure of Object.values(MEASURES)) {
    for (const who of order) await measure(urls[who], runs[who]);
  }
}

/** What a cold visit fetches before its view is shown and live, per view
 *  (bytes do not vary from run to run: once each). */
const PATHS = [
  ['home', '/', HOME_SHOWN],
  ['article', ARTICLE, ARTICLE_SHOWN],
  ['timeline', TIMELINE, FOLIO_READY],
];
const critical = { base: {}, candidate: {} };
for (const who of ['base', 'candidate']) {
  for (const [name, path, until] of PATHS) {
    critical[who][name] = await criticalPath(browser, urls[who] + path, until, who === 'base' ? BASE_DIST : CANDIDATE_DIST);
  }
}
await browser.close();

const stats = { base: summaries(runs.base), candidate: summaries(runs.candidate) };
const size = (dist) => {
  const s = sizes(dist);
  const wasm = s.files.filter((f) => f.kind === 'wasm');
  const sum = (k) => wasm.reduce((t, f) => t + f[k], 0);
  return { wasm: { raw: sum('raw'), brotli: sum('brotli'), files: wasm.length }, total: s.total };
};
const bytes = { base: size(BASE_DIST), candidate: size(CANDIDATE_DIST) };

const lines = [];
const out = (s = '') => lines.push(s);
out(`# A/B: ${CANDIDATE_NAME} against ${BASE_NAME}${LOADS === 1 ? ' (smoke: one round, figures not meaningful)' : ''}`);
out();
out(`${new Date().toISOString()} · Chromium ${CHROMIUM_VERSION} headless · CPU throttled ${THROTTLE}× · viewport ${VIEWPORT.width}×${VIEWPORT.height} · ${LOADS} round(s), base and candidate in turn in each, which goes first alternating; ${TURNS} page turns and ${TURNS} language switches per round · medians (IQR)`);
out();
out(`| figure | base | candidate | candidate/base |`);
out('|---|---|---|---|');
for (const [key, label, q = 'median'] of ROWS) {
  const [a, b] = [stats.base[key], stats.candidate[key]];
  const shown = (s) => (q === 'median' ? spread(s) : ms(s[q]));
  out(`| ${label} | ${shown(a)} | ${shown(b)} | ${(b[q] / a[q]).toFixed(2)}× |`);
}
const sizeRow = (label, a, b) => {
  const d = b - a;
  out(`| ${label} | ${kb(a)} | ${kb(b)} | ${(b / a).toFixed(3)}× (${d >= 0 ? '+' : '−'}${kb(Math.abs(d))}) |`);
};
for (const [name] of PATHS) {
  sizeRow(`critical path, cold ${name}: wasm + JS + CSS, brotli`, critical.base[name].brotli, critical.candidate[name].brotli);
}
sizeRow(`all wasm, raw (${bytes.base.wasm.files} file(s) against ${bytes.candidate.wasm.files})`, bytes.base.wasm.raw, bytes.candidate.wasm.raw);
sizeRow('all wasm, brotli', bytes.base.wasm.brotli, bytes.candidate.wasm.brotli);
sizeRow('the whole app (all wasm + JS + CSS), brotli', bytes.base.total.brotli, bytes.candidate.total.brotli);
out();
out(`Critical path: the wasm, JS and CSS a cold visit asked for before its view was shown and live (\`bench/lib.mjs\`, \`criticalPath\`): ${PATHS.map(([n]) => `${n}: ${critical.candidate[n].files.map((f) => f.path.split('/').pop()).join(', ')}`).join('; ')} (candidate).`);
out();
out(`Above 1× is slower or larger. Base: ${BASE_NAME}, its bundle built by its own \`cargo xtask dist\` from its own content/. Candidate: ${CANDIDATE_NAME}. The figures are bench.mjs's, measured by the same code (bench/lib.mjs); see docs/performance.md. (${((Date.now() - started) / 1000).toFixed(0)} s)`);

const md = lines.join('\n') + '\n';
console.log(md);
writeFileSync(OUT, md);
writeFileSync(OUT.replace(/\.md$/, '') + '.json', JSON.stringify({ date: new Date().toISOString(), loads: LOADS, turns: TURNS, base: BASE_NAME, candidate: CANDIDATE_NAME, stats, bytes, critical }, null, 2) + '\n');
