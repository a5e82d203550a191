// What link previews and search engines read: every article and timeline
// page's Open Graph tags and JSON-LD, read back by extruct (a metadata
// parser from PyPI, in e2e/.venv) rather than by Folio's own code, and
// the share cards they point at, opened in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BASE, articleFiles, launch, newPage } from './browser.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const python = fileURLToPath(new URL('.venv/bin/python', import.meta.url));
const content = (rel) => JSON.parse(readFileSync(new URL(`../content/${rel}`, import.meta.url)));
const catalog = content('catalog.json');
const timelines = catalog.timelines.map((t) => content(`timelines/${t.id}.json`));
const articles = articleFiles();
const MODES = [['', 'en', 'en'], ['zh/', 'zh', 'zh-Hans'], ['dual/', 'en', ['en', 'zh-Hans']]];
const card = (kind, id, lang) => `${BASE}/content/derived/cards/${kind}/${id}.${lang}.png`;

/// Every page file under `dir` (a route folder of dist/), by its address.
function pagesUnder(dir) {
  const out = [];
  const walk = (rel) => {
    for (const name of readdirSync(dist + rel)) {
      const p = rel + name;
      if (statSync(dist + p).isDirectory()) walk(p + '/');
      else if (name === 'index.html') out.push(rel);
    }
  };
  if (existsSync(dist + dir)) walk(dir);
  return out;
}

/// extruct's reading of each page (by its address below the bundle).
function extract(paths) {
  const args = paths.map((p) => `${dist}${p}index.html::${p}`);
  return JSON.parse(execFileSync(python, [fileURLToPath(new URL('meta.py', import.meta.url)), `${BASE}/`, ...args], {
    encoding: 'utf8', maxBuffer: 64 << 20,
  }));
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every article page has absolute og:url and og:image, a 1200×630 card, and a NewsArticle with its image, section and languages', () => {
  for (const [prefix, lang, inLanguage] of MODES) {
    for (const a of articles) {
      const paths = pagesUnder(`${prefix}article/${a.slug}/`);
      assert.ok(paths.length >= a.pages.length, `${prefix}${a.slug}: its pages`);
      const read = extract(paths);
      const section = catalog.sections.find((s) => s.id === a.section).label;
      for (const path of paths) {
        const og = read[path].opengraph[0];
        assert.equal(og['og:url'], `${BASE}/${path}`, `${path}: og:url`);
        assert.equal(og['og:image'], card('article', a.slug, lang), `${path}: og:image`);
        assert.equal(og['og:image:width'], '1200');
        assert.equal(og['og:image:height'], '630');
        assert.equal(og['og:image:type'], 'image/png');
        assert.ok(og['og:image:alt']?.length > 10, `${path}: og:image:alt`);
        const ld = read[path]['json-ld'].find((j) => j['@type'] === 'NewsArticle');
        assert.ok(ld, `${path}: a NewsArticle`);
        assert.deepEqual(ld.image, [card('article', a.slug, lang)], `${path}: its image`);
        assert.equal(ld.url, `${BASE}/${path}`);
        assert.equal(ld.articleSection, section[lang] ?? section.en, `${path}: the section's name`);
        assert.deepEqual(ld.inLanguage, inLanguage, `${path}: inLanguage`);
      }
    }
  }
});

test('every timeline page previews the timeline\'s card, in the page\'s language', () => {
  for (const [prefix, lang] of MODES) {
    for (const tl of timelines) {
      const paths = [`${prefix}timeline/${tl.id}/`, `${prefix}timeline/${tl.id}/${tl.events[0].id}/`];
      const read = extract(paths);
      for (const path of paths) {
        const og = read[path].opengraph[0];
        assert.equal(og['og:url'], `${BASE}/${path}`);
        assert.equal(og['og:image'], card('timeline', tl.id, lang), `${path}: og:image`);
      }
    }
  }
});

test('the cards are 1200×630 PNGs that show the headline beside the figure, in both languages', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  const cards = [
    ...articles.flatMap((a) => ['en', 'zh'].map((l) => ({ url: card('article', a.slug, l), figure: !!a.figure }))),
    ...timelines.flatMap((t) => ['en', 'zh'].map((l) => ({ url: card('timeline', t.id, l), figure: false }))),
  ];
  for (const { url, figure } of cards) {
    const res = await fetch(url);
    assert.equal(res.status, 200, url);
    assert.equal(res.headers.get('content-type'), 'image/png', url);
    // What Chromium decodes: its size, and ink where the text and the figure are.
    const seen = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const inked = (x, y, w, h) => {
        const d = g.getImageData(x, y, w, h).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 200) n++;
        return n / (w * h);
      };
      const colours = (x, y, w, h) => {
        const d = g.getImageData(x, y, w, h).data;
        const set = new Set();
        for (let i = 0; i < d.length; i += 16) set.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
        return set.size;
      };
      return { w: c.width, h: c.height, headline: inked(64, 150, 560, 250), figure: colours(720, 100, 440, 430) };
    }, url);
    assert.deepEqual([seen.w, seen.h], [1200, 630], url);
    assert.ok(seen.headline > 0.03, `${url}: the headline is drawn (${seen.headline})`);
    if (figure) assert.ok(seen.figure > 8, `${url}: the figure is drawn (${seen.figure} colours)`);
  }
  await page.context().close();
});
