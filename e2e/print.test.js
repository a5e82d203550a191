// Printing an article: every page, in the mode being read, with its byline,
// date and address, and none of the controls. Chromium's print-to-PDF, read
// back with poppler's pdftotext.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, launch, newPage, articleFiles } from './browser.js';
import { blockWords } from './rich.js';

const articles = articleFiles();
const dir = mkdtempSync(join(tmpdir(), 'folio-print-'));
// pdftotext breaks lines where the PDF does, and joins a word hyphenated
// at a line's end (CSS hyphens: auto) without its hyphen: compare without
// whitespace or hyphens.
const squash = (s) => s.replace(/[\s\u00ad\u2010-]+/g, '');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function printed(path) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(BASE + path);
  await page.locator('#page-text p').first().waitFor();
  const file = join(dir, `${path.replace(/\W+/g, '-')}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(await page.locator('.print-all').count(), 0, 'the printed copy goes once printing is over');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
  return text;
}

for (const [prefix, lang] of [['', 'en'], ['/zh', 'zh']]) {
  test(`printing ${prefix || '/en'} articles prints every page in order, the byline, date and address, and no controls`, async () => {
    for (const a of articles) {
      // From the last page: the print still starts at the first.
      const path = `${prefix}/article/${a.slug}/${a.pages.length > 1 ? `${a.pages.length}/` : ''}`;
      const text = squash(await printed(path));
      let at = 0;
      a.pages.forEach((blocks, n) => {
        for (const b of blocks.filter((b) => b.type === 'paragraph')) {
          for (const para of blockWords(b, lang, { print: true }).split('\n\n')) {
            const i = text.indexOf(squash(para), at);
            assert.ok(i >= 0, `${path}: page ${n + 1} paragraph printed, in order: ${para.slice(0, 50)}…`);
            at = i;
          }
        }
      });
      assert.ok(text.includes(squash(a.byline.author[lang] ?? a.byline.author.en)), `${path}: byline`);
      const [y, m, d] = (a.updated ?? a.published).slice(0, 10).split('-');
      const date = lang === 'en' ? `${y}-${m}-${d}` : `${y}年${+m}月${+d}日`;
      assert.ok(text.includes(squash(date)), `${path}: the date, ${date}`);
      assert.ok(text.includes(squash(`${BASE}${path}`)), `${path}: address`);
      const controls = lang === 'en'
        ? ['Next Page', 'Previous Page', 'Embed', 'Display', 'English中文Both']
        : ['下一页', '上一页', '嵌入', '显示', 'English中文双语'];
      for (const c of controls) assert.ok(!text.includes(squash(c)), `${path}: "${c}" is not printed`);
    }
  });
}
