// Automated accessibility checks (axe-core, WCAG 2.1 A and AA) on every kind
// of view, in each language mode, at phone and desktop widths. Keyboard and
// focus behaviour is tested where it happens (reader, language, timeline).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { BASE, launch, newPage } from './browser.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VIEWS = [
  '/',
  '/article/japan-overtures-to-russia/',
  '/article/seven-decades-of-summits/all/',
  '/timeline/japan-russia-summits/',
  '/timeline/japan-russia-summits/2016-05-sochi-new-approach/',
  '/article/no-such-article/',
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const prefix of ['', '/zh', '/dual']) {
  for (const [width, height] of [[1280, 900], [390, 800]]) {
    test(`no WCAG 2.1 AA violations: ${prefix || '/en'} at ${width} px`, async () => {
      const page = await newPage(browser, { viewport: { width, height } });
      const found = [];
      for (const view of VIEWS) {
        await page.goto(BASE + prefix + view);
        await page.locator('main h1').first().waitFor();
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() =>
          window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
        assert.ok(result.passes.length > 10, `${view}: axe ran`);
        for (const v of result.violations) {
          found.push(`${prefix}${view}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      assert.deepEqual(found, []);
      await page.context().close();
    });
  }
}
