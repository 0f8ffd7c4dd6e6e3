/* The site's own script, on every page (mkdocs.yml: extra_javascript).
 *
 * Language switch keeps the place: the header's language links point to the
 * same page in the other language; the section being read (the #anchor in
 * the address, which Material keeps up to date while scrolling) is added
 * to them just before they are followed, opened in a new tab or copied.
 * Anchors are the same in both languages by design.
 */
(function () {
  "use strict";

  function carryAnchor(event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    var href = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", href + window.location.hash);
  }

  ["pointerdown", "mousedown", "touchstart", "focusin", "click", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, carryAnchor, { capture: true, passive: true });
  });
})();
