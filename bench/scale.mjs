// `cargo xtask bench --scale N`: cold loads of the home page and an article
// in the bundle of the shipped content (SHIPPED_URL) and in the bundle of
// the same content plus N synthetic articles (SCALED_URL), alternating, in
// one run, under the bench's CPU throttle. Writes medians to OUT as JSON.
import { writeFileSync } from 'node:fs';
import { launch, summaries, coldLoad, HOME_PAINTED, ARTICLE_READY } from './lib.mjs';

const { SHIPPED_URL, SCALED_URL, ARTICLE, OUT } = process.env;
const LOADS = Number(process.env.LOADS ?? 15);
if (!SHIPPED_URL || !SCALED_URL || !ARTICLE || !OUT) {
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
await browser.close();
const out = Object.fromEntries(Object.entries(runs).map(([who, r]) => [who, summaries(r)]));
writeFileSync(OUT, JSON.stringify(out, null, 2));
for (const [who, r] of Object.entries(out)) {
  console.log(`scale: ${who}: home first paint ${r.homeFcp.median.toFixed(0)} ms, article ready ${r.articleReady.median.toFixed(0)} ms`);
}
