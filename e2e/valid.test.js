// The W3C Nu HTML Checker (vnu-jar, run with Java) over the release
// bundle's pages: every route kind in every mode, the embeds, 404.html and
// the offline worker's stand-in page. 0 errors: validators, crawlers and
// assistive software read these files, not only Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { articleFiles } from './browser.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const content = (rel) => JSON.parse(readFileSync(new URL(`../content/${rel}`, import.meta.url)));
const catalog = content('catalog.json');
const timeline = content(`timelines/${catalog.timelines[0].id}.json`);
const [a] = articleFiles();

/// One page of every kind the router knows, in each mode.
function sample() {
  const kinds = [
    '', `edition/${catalog.editions[0].id}/`, `section/${catalog.sections[0].id}/`,
    `article/${a.slug}/`, `article/${a.slug}/2/`, `article/${a.slug}/all/`,
    `timeline/${timeline.id}/`, `timeline/${timeline.id}/${timeline.events[3].id}/`, 'search/',
    `embed/article/${a.slug}/`, `embed/article/${a.slug}/2/`,
    `embed/timeline/${timeline.id}/`, `embed/timeline/${timeline.id}/${timeline.events[3].id}/`,
  ];
  const pages = ['', 'zh/', 'dual/'].flatMap((mode) => kinds.map((k) => `${mode}${k}index.html`));
  return [...pages, '404.html', 'offline.html'];
}

test('every kind of page passes the Nu HTML Checker with 0 errors', () => {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const files = sample();
  // vnu writes its report to stderr, and exits 1 when it found errors.
  const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--errors-only', ...files.map((f) => dist + f)], {
    encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (run.error) throw run.error;
  const out = run.stderr;
  const report = JSON.parse(out.slice(out.indexOf('{')));
  const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  const shown = errors.slice(0, 20).map((m) => `${m.url?.replace(/^file:.*?\/dist\//, '')}:${m.lastLine}:${m.firstColumn ?? ''} ${m.message} «${m.extract ?? ''}»`);
  assert.equal(errors.length, 0, `${errors.length} errors in ${files.length} pages:\n${shown.join('\n')}`);
  // A file the checker could not read would be no error at all.
  assert.equal(report.messages.filter((m) => m.type === 'non-document-error').length, 0);
});
