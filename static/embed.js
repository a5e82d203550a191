/* Folio embed loader: each <a class="folio-embed" href=FOLIO-URL> (opt.
 * data-theme/-plain/-transparent/-height) becomes a sandboxed iframe sized by
 * its folio:resize messages. CSSOM styles only: fine under a strict CSP.
 * The one global, folioEmbed(), rescans for links added later. */
(function (w, doc) {
  'use strict';
  var me = doc.currentScript || doc.querySelector('script[src*="embed.js"]');
  var base = new URL('.', me ? me.src : location.href); // Folio's root
  var seg = '((?:zh|dual)/)?(?:embed/)?((?:article|timeline)/[^/].*)$';
  var on = function (v) { return v != null && v != '0' && v != 'false'; };
  var ready = function (f) {
    doc.readyState == 'loading' ? doc.addEventListener('DOMContentLoaded', f) : f();
  };
  if (typeof w.folioEmbed == 'function') return ready(w.folioEmbed); // loaded twice

  // The embed URL for a link, or null if it is not a Folio view.
  function embedUrl(a) {
    if (!/^https?:/.test(a.href)) return null; // never a javascript: frame
    var u = new URL(a.href), p = u.pathname, b = base.pathname, d = a.dataset, q = u.searchParams;
    // Only views of the Folio that serves this script: the class alone must
    // not let whoever can post a link on the host frame any other site.
    if (u.origin != base.origin) return null;
    // Under our root: [lang/]rest; elsewhere the first article|timeline/.
    var m = u.origin == base.origin && !p.indexOf(b) && RegExp('^' + seg).exec(p.slice(b.length));
    if (m) m[0] = b;
    else if ((m = RegExp('^(.*?/)' + seg).exec(p))) m.shift();
    else return null;
    u.pathname = m[0] + (m[1] || '') + 'embed/' + m[2];
    if (d.theme) q.set('theme', d.theme);
    if (on(d.plain)) q.set('plain', 1);
    if (on(d.transparent)) q.set('transparent', 1);
    return u.href;
  }

  function scan() {
    var links = doc.querySelectorAll('a.folio-embed:not([data-folio-done])');
    for (var i = 0; i < links.length; i++) {
      var a = links[i], src = embedUrl(a), f = doc.createElement('iframe'), s = f.style;
      a.setAttribute('data-folio-done', '');
      if (!src) continue;
      f.src = src;
      f.title = a.textContent.trim() || 'Folio';
      f.className = 'folio-embed-frame';
      f.setAttribute('loading', 'lazy');
      f.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
      f.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      s.display = 'block'; s.width = '100%'; s.border = '0';
      s.height = (parseInt(a.dataset.height, 10) || 480) + 'px';
      a.parentNode.replaceChild(f, a);
    }
  }

  // One listener for all frames: a height counts only if it comes from one
  // of our frames' windows, at that frame's own origin.
  w.addEventListener('message', function (e) {
    var d = e.data, h = d && d.height, fs = doc.getElementsByClassName('folio-embed-frame');
    if (!d || d.type != 'folio:resize' || d.v !== 1 || typeof h != 'number' || !isFinite(h)) return;
    for (var i = 0; i < fs.length; i++) {
      if (fs[i].contentWindow === e.source && new URL(fs[i].src).origin === e.origin) {
        return void (fs[i].style.height = Math.min(Math.max(Math.ceil(h), 0), 1e5) + 'px');
      }
    }
  });

  ready(w.folioEmbed = scan);
})(window, document);
