/*
 * Search index on demand, without changing Material's bundle.
 *
 * Material 9.8.2 asks for the search index as soon as a page with a search
 * form starts: search/search_index.json through XMLHttpRequest, or, from
 * file:// (the offline zip), a <script src="search/search_index.js"> appended
 * to <head>. Most readers never search, so this file, loaded just before the
 * bundle, holds back exactly that one request and lets it go the first time
 * the reader focuses or types in the search box (or opens search with its
 * keyboard shortcut, which focuses the box). Everything else passes through
 * untouched; the bundle then sets up search exactly as it always does.
 */
(function () {
  "use strict";

  var INDEX = /(^|\/)search\/search_index\.js(on)?(\?|#|$)/;
  var released = false;
  var held = [];

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (go) { go(); });
  }

  function holdOrRun(url, go) {
    if (!released && INDEX.test(String(url))) held.push(go);
    else go();
  }

  /* Online: the bundle's XMLHttpRequest for search_index.json. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchOnDemandUrl = url;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    holdOrRun(request.searchOnDemandUrl, function () { send.apply(request, args); });
  };

  /* From file://: the bundle appends <script src="search/search_index.js"> to <head>. */
  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (child) {
    var isScript = child && child.tagName === "SCRIPT";
    if (!isScript) return append.call(head, child);
    holdOrRun(child.src, function () { append.call(head, child); });
    return child;
  };

  function isSearchBox(target) {
    return Boolean(target && target.matches && target.matches("[data-md-component='search-query']"));
  }

  document.addEventListener("focusin", function (event) {
    if (isSearchBox(event.target)) release();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (isSearchBox(event.target)) release();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release();
  }, true);
})();
