/* Folio: applies the reader's stored display settings to <html> before the
 * first paint, so a prerendered page never shows the wrong theme first,
 * and makes the prerendered language switch work before the app runs.
 * Loaded synchronously in <head> (an external file: the CSP allows no
 * inline script). Only known values are applied; embeds keep the theme
 * their partner chose in the address. model/src/settings.rs has the keys. */
(function (doc) {
  'use strict';
  var html = doc.documentElement;
  var get = function (key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  };
  var apply = function (attr, key, ok) {
    var v = get(key);
    if (v && ok.test(v)) html.setAttribute(attr, v);
  };
  if (!/\/embed\//.test(location.pathname)) apply('data-theme', 'folio.theme', /^(auto|light|dark|sepia)$/);
  apply('data-size', 'folio.size', /^(1|2|3|4|5)$/);
  apply('data-width', 'folio.width', /^(narrow|normal|wide)$/);
  // Before the app runs, the prerendered language switch (radios inside
  // #boot, each with its mode's address in data-href) has no listener:
  // choosing one loads that address, remembered as the app would. The
  // app's own switch, outside #boot, navigates on the client; a kept
  // #boot's radios are renamed (src/shell/boot.rs) and handled there.
  // The offline worker (sw.js), at the bundle root (the page's base), once
  // the page has loaded, shows the app's view (the `folio-view` mark,
  // src/shell/boot.rs) and has been left alone a few seconds: its install
  // downloads every file of the app's code. Begun at `load`, it made a
  // first visit's app live later (article ready 732 → 813 ms, medians of
  // 12 under the bench's throttle); begun at the view, it held back the
  // reader's first click (a language switch just after, 210 → 408 ms). A
  // page whose app never shows its view still gets it, 10 s after the
  // load. Never in an embed, whose partner's page is what is read. What
  // this page loaded before the worker was there is sent to it, to be
  // saved as if read through it.
  var sw = navigator.serviceWorker;
  // Whether the worker served this page: only then does the app offer
  // what needs it ("Keep for offline", the saved list). A worker that
  // takes over later in a first visit waits for the next page load, so
  // its chunk never competes with a first visit's own reading.
  if (sw && sw.controller) html.setAttribute('data-worker', '');
  if (sw && !/\/embed\//.test(location.pathname)) addEventListener('load', function () {
    var done = false;
    var register = function () {
      if (done) return;
      done = true;
      sw.register(new URL('sw.js', doc.baseURI).href).then(function () { return sw.ready; }).then(function (r) {
        var seen = performance.getEntriesByType('resource').map(function (e) { return e.name; });
        if (r.active) r.active.postMessage({ page: location.href.replace(/#.*/, ''), seen: seen });
      }, function () { /* not allowed here (private mode, a file: page) */ });
    };
    // Three seconds after the view, when the main thread is next idle.
    var later = function () {
      setTimeout(function () {
        if (window.requestIdleCallback) requestIdleCallback(register, { timeout: 2000 });
        else register();
      }, 3000);
    };
    var shown = function (list) { return list.getEntriesByName('folio-view').length > 0; };
    if (shown(performance)) return later();
    try {
      new PerformanceObserver(function (l) { if (shown(l)) later(); }).observe({ type: 'mark' });
    } catch (e) { /* no observer: the timeout below */ }
    setTimeout(function () { if (!shown(performance)) register(); }, 10000);
  });
  doc.addEventListener('change', function (e) {
    var t = e.target, href = t && t.getAttribute && t.getAttribute('data-href');
    if (t.name !== 'folio-mode' || !href || !t.closest('#boot')) return;
    try { localStorage.setItem('folio.mode', t.value); } catch (x) { /* private mode */ }
    location.assign(href + location.search + location.hash);
  });
})(document);
