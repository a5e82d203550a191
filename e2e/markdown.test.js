// A newsroom's day, end to end: an article written as two Markdown files
// (English and Chinese) dropped into a copy of content/articles/, built
// by `cargo xtask dist`, read in all three modes on a phone and a desk,
// and found by search; and a figure of the shipped explainer, which a
// phone fetches at its size, only as the reader nears it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, launch, newPage, waitForArticle, xtask } from './browser.js';
import { staticHost } from './static_host.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const EN = `+++
section = "world"
headline = "A reader's guide to the island talks"
summary = "What to watch for when Tokyo and Moscow meet, and where to read more."
column = "Guide"
author = "Folio Staff"
published = 2026-12-01T08:00:00+09:00

[figure]
src = "figures/kunashiri-from-nemuro.png"
width = 1600
height = 900
alt = "An island on the horizon at dawn"
caption = "Kunashiri, seen across the strait."
credit = "Illustration: Folio"
+++

The talks have a long history, told in [our explainer](/article/seven-decades-of-summits/#s-where-it-began)
and on the [official record](https://www.mofa.go.jp/). The **Sochi** meeting set out *a new approach*. [@2016-05-sochi-new-approach]

Three things to watch:

- who signs the joint statement
- whether the 1956 text is named
  - and whether the two islands are

![A bar chart of summits by decade](figures/summits-by-decade.png "Most summits came in the 2010s."){width=1200 height=700 credit="Chart: Folio"}

Quarantinefish is the word this test searches for.
`;

const ZH = `+++
headline = "岛屿谈判阅读指南"
summary = "东京与莫斯科会晤时值得关注什么，以及去哪里了解更多。"
column = "指南"
author = "Folio 编辑部"

[figure]
alt = "黎明时分地平线上的岛屿"
caption = "隔海峡望见的国后岛。"
+++

谈判由来已久，详见[我们的解读](/article/seven-decades-of-summits/#s-where-it-began)和[官方记录](https://www.mofa.go.jp/)。**索契**会晤提出了*新思路*。

值得关注的三点：

- 谁在联合声明上签字
- 是否提及1956年文件
  - 以及是否提及两座岛屿

![各年代峰会次数柱状图](figures/summits-by-decade.png "多数峰会发生在21世纪10年代。"){credit="图表：Folio"}

本段是测试用的中文文字。
`;

test('an article written as two Markdown files builds, reads in every mode and is found by search', async () => {
  const work = mkdtempSync(join(tmpdir(), 'folio-md-'));
  const content = join(work, 'content');
  cpSync(fileURLToPath(new URL('../content', import.meta.url)), content, { recursive: true });
  writeFileSync(join(content, 'articles', 'readers-guide.md'), EN);
  writeFileSync(join(content, 'articles', 'readers-guide.zh.md'), ZH);
  const out = join(work, 'dist');
  xtask('dist', '--content', content, '--out', out);
  assert.ok(!existsSync(join(out, 'content', 'articles', 'readers-guide.md')), 'the Markdown stays out of the bundle');
  const { server, origin: base } = await staticHost(out);
  try {
    for (const [mode, width] of [['', 390], ['/zh', 1280], ['/dual', 1280], ['/dual', 390]]) {
      const page = await newPage(browser, { viewport: { width, height: 900 } });
      await page.goto(`${base}${mode}/article/readers-guide/`);
      await waitForArticle(page);
      const headline = mode === '/zh' ? '岛屿谈判阅读指南' : "A reader's guide to the island talks";
      assert.ok((await page.locator('h1').first().innerText()).startsWith(headline), mode);
      const lists = page.locator('#page-text .side > ul.text-list');
      assert.equal(await lists.count(), mode === '/dual' ? 2 : 1, `${mode}: a list per language shown`);
      assert.equal(await lists.first().locator(':scope > li > ul > li').count(), 1, 'nested one level');
      assert.equal(await page.locator('#page-text figure.inline-figure img').count(), 1, 'one chart, in every mode');
      const chosen = await page.locator('.lead-figure img').evaluate((img) => new Promise((done) => {
        if (img.complete) return done(img.currentSrc);
        img.addEventListener('load', () => done(img.currentSrc));
        img.addEventListener('error', () => done(`failed: ${img.currentSrc}`));
      }));
      assert.match(chosen, /\/kunashiri-from-nemuro-(480|960)\.webp$/, `${mode} at ${width} px: the lead photo is the WebP copy that fits`);
      const out = page.locator('#page-text a.link-out').first();
      assert.equal(await out.getAttribute('href'), 'https://www.mofa.go.jp/');
      const own = page.locator('#page-text a[href*="seven-decades-of-summits"]').first();
      assert.equal(await own.getAttribute('href'), `${mode.slice(1)}${mode && '/'}article/seven-decades-of-summits/#s-where-it-began`);
      assert.ok((await page.locator('#page-text strong, #page-text em').count()) >= 2);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, `${mode} ${width}: nothing scrolls sideways`);
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    }
    // The citation made the cross-link: the meeting's page lists the guide.
    const page = await newPage(browser);
    await page.goto(`${base}/search/?q=quarantinefish`);
    const result = page.locator('.search-result .result-link').first();
    await result.waitFor();
    assert.match(await result.innerText(), /A reader's guide to the island talks/);
    await page.goto(`${base}/timeline/japan-russia-summits/2016-05-sochi-new-approach/`);
    await page.locator('a[href*="article/readers-guide"]').first().waitFor();
    await page.context().close();
  } finally {
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
});

test('a figure below the first screen is fetched as the reader nears it, at the phone\'s size, and nothing moves', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 700 } });
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('summits-by-decade')) asked.push(r.url()); });
  await page.goto(`${BASE}/article/seven-decades-of-summits/3/`);
  await waitForArticle(page);
  await page.waitForTimeout(500);
  assert.deepEqual(asked, [], 'not fetched before the reader scrolls near it');
  const figure = page.locator('#page-text figure.inline-figure');
  const before = await figure.evaluate((f) => f.getBoundingClientRect().height);
  assert.ok(before > 150, `its space is kept before it loads: ${before}`);
  await figure.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#page-text figure.inline-figure img')?.complete && document.querySelector('#page-text figure.inline-figure img').naturalWidth > 0);
  const img = await figure.locator('img').evaluate((i) => ({ src: i.currentSrc }));
  assert.match(img.src, /derived\/resized\/figures\/summits-by-decade-480\.webp$/, 'a phone takes the narrow WebP copy');
  assert.equal(await figure.evaluate((f) => f.getBoundingClientRect().height), before, 'nothing jumps when it arrives');
  await page.context().close();
});
