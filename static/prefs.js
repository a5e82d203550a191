/* Folio: applies the reader's stored display settings to <html> before the
 * first paint, so a prerendered page never shows the wrong theme first.
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
})(document);
