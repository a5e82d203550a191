// `cargo xtask bench --scale N`: cold loads of the home page and an article
// in the bundle of the shipped content (SHIPPED_URL) and in the bundle of
// the same content plus N synthetic articles (SCALED_URL), alternating, in
// one run, under the bench's CPU throttle. Writes medians to OUT as JSON.
import { writeFileSync } from 'node:fs';
import { launch, summaries, summary, coldLoad, searchVisit, HOME_PAINTED, ARTICLE_READY } from './lib.mjs';

const { SHIPPED_URL, SCALED_URL, SHIPPED_DIST, SCALED_DIST, ARTICLE, OUT } = process.env;
const LOADS = Number(process.env.LOADS ?? 15);
if (!SHIPPED_URL || !SCALED_URL || !SHIPPED_DIST || !SCALED_DIST || !ARTICLE || !OUT) {
  console.error('scale.mjs is run by `cargo xtask bench --scale N`');
  process.exit(2);
}

const browser = await launch();
const stories = async (page) => ({ stories: await page.locator('.story').count() });

const runs = { shipped: { homeFcp: [], articleReady: [] }, scaled: { homeFcp: [], articleReady: [] } };
for (let i = 0; i < LOADS; i++) {
  const order = i % 2 ? ['scaled', 'shipped'] : ['shipped', 'scaled'];
  for (const who of order) {
    const base = who === 'shipped' ? SHIPPED_URL : SCALED_URL;
    const home = await coldLoad(browser, `${base}/`, HOME_PAINTED, stories);
    if (!home.stories) throw new Error(`${base}/ lists no stories`);
    runs[who].homeFcp.push(home.fcp);
    runs[who].articleReady.push((await coldLoad(browser, base + ARTICLE, ARTICLE_READY)).ready);
  }
}

// Search: a two-word query on a cold article visit, in both bundles,
// alternating. The words are in the shipped articles and in every
// synthetic one (bench's synthetic vocabulary: xtask/src/scale.rs).
const QUERY = 'council harbour';
const WARM = ['council', 'harbour'];
const search = { shipped: { cold: [], warm: [], bytes: [] }, scaled: { cold: [], warm: [], bytes: [] } };
for (let i = 0; i < Math.max(1, Math.ceil(LOADS / 3)); i++) {
  for (const who of i % 2 ? ['scaled', 'shipped'] : ['shipped', 'scaled']) {
    const [base, dist] = who === 'shipped' ? [SHIPPED_URL, SHIPPED_DIST] : [SCALED_URL, SCALED_DIST];
    const s = await searchVisit(browser, base + ARTICLE, QUERY, WARM, dist);
    if (!Number.isFinite(s.cold) || s.warm.some((w) => !Number.isFinite(w))) {
      throw new Error(`${who}: search did not answer: ${s.count}`);
    }
    search[who].cold.push(s.cold);
    search[who].warm.push(...s.warm);
    search[who].bytes.push({ ...s.bytes, count: s.count, files: s.files });
  }
}
await browser.close();
const out = Object.fromEntries(Object.entries(runs).map(([who, r]) => [who, summaries(r)]));
for (const [who, s] of Object.entries(search)) {
  Object.assign(out[who], { searchCold: summary(s.cold), searchWarm: summary(s.warm), searchBytes: s.bytes[0] });
}
writeFileSync(OUT, JSON.stringify(out, null, 2));
for (const [who, r] of Object.entries(out)) {
  console.log(`scale: ${who}: home first paint ${r.homeFcp.median.toFixed(0)} ms, article ready ${r.articleReady.median.toFixed(0)} ms, `
    + `first search ${r.searchCold.median.toFixed(0)} ms, warm p95 ${r.searchWarm.p95.toFixed(0)} ms, ${r.searchBytes.count}`);
}
