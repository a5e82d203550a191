// What bench.mjs and scale.mjs share: the browser, the observers installed
// before any script runs, and the statistics.
import { chromium } from 'playwright-core';

export const THROTTLE = 4;
export const VIEWPORT = { width: 1280, height: 800 };

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
export const summary = (xs) => ({
  median: quantile(xs, 0.5), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75),
  p95: quantile(xs, 0.95), n: xs.length,
});

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** First contentful paint, the first frame with the article's first
 *  paragraph laid out, and `folio-ready`, from navigation start, collected
 *  by observers installed before any script runs.
 *
 *  "First paragraph painted" is the later of the first contentful paint
 *  and the start of the first frame that holds the paragraph: it cannot be
 *  on screen before either. Not the Element Timing API: Chromium hands out
 *  text-paint entries on the main thread after the frame is presented, and
 *  drops those of nodes gone by then, which the prerendered paragraphs are
 *  once the app has replaced them. A frame's callbacks run only when the
 *  page can render (not while a stylesheet blocks it), so the first frame
 *  that sees the paragraph is the one that paints it. Where the first
 *  paint holds the paragraph (a prerendered page), the figure is that
 *  paint's presentation time; where the paragraph comes in a later frame
 *  it is the moment that frame's callbacks run (see `POLL` in bench.mjs
 *  for why not the frame's own timestamp), a little before it is painted. */
export const OBSERVE = () => {
  const b = (window.__bench = {});
  const observe = (type, f) => new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: true });
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });
  observe('mark', (e) => { if (e.name === 'folio-ready') b.ready = e.startTime; });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
  const tick = () => {
    const p = document.querySelector('#page-text p');
    if (p && p.getBoundingClientRect().height > 0) b.textFrame = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** A fresh context and page under the CPU throttle, with the observers. */
export async function throttledPage(browser, viewport = VIEWPORT) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.addInitScript(OBSERVE);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, cdp, context, errors };
}
