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
 *
 * The bundle also starts its search worker (lunr, about 12 KB) at once; the
 * worker is now started when the bundle first sends it something, which is
 * the index, once it has arrived.
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

  /* The search worker: started on the bundle's first message to it. */
  var RealWorker = window.Worker;
  var SEARCH_WORKER = /(^|\/)workers\/search\.[0-9a-f]+\.min\.js(\?|#|$)/;

  function workerOnFirstMessage(url, options) {
    var real = null;
    var listeners = [];
    function started() {
      if (!real) {
        real = new RealWorker(url, options);
        listeners.forEach(function (listener) { real.addEventListener.apply(real, listener); });
      }
      return real;
    }
    return {
      addEventListener: function (type, handler, options) {
        if (real) real.addEventListener(type, handler, options);
        else listeners.push([type, handler, options]);
      },
      removeEventListener: function (type, handler, options) {
        if (real) real.removeEventListener(type, handler, options);
        listeners = listeners.filter(function (listener) { return listener[0] !== type || listener[1] !== handler; });
      },
      postMessage: function (message, transfer) { started().postMessage(message, transfer); },
      terminate: function () { if (real) real.terminate(); }
    };
  }

  if (RealWorker) {
    window.Worker = function (url, options) {
      return SEARCH_WORKER.test(String(url)) ? workerOnFirstMessage(url, options) : new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

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
