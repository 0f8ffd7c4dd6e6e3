/* Meeting kit (scripts/pccc_site/meeting_kit.py): the filter box.
 *
 * Typing keeps the cards whose page title or section names contain every
 * word typed, with or without Vietnamese diacritics; a part with no card
 * left is hidden too. The number of pages that match is written under the
 * box, in a status region that screen readers announce. All text comes
 * from the page. Without this script the box stays hidden and every card
 * shows.
 *
 * A card whose codes the reader opened is marked .is-open, so that printing
 * gives it every section's code (kit.css).
 *
 * The codes are lazy images, and Chromium prints a lazy image that has not
 * been fetched as a blank. The print button fetches every code that prints,
 * waits until each is drawn, then opens the print dialog. Ctrl+P starts the
 * same fetch, but the printout may be taken before it ends.
 */
(function () {
  "use strict";

  var box = document.querySelector(".pccc-kit__filter");
  if (!box) return;
  var input = box.querySelector("input");
  var count = box.querySelector(".pccc-kit__count");
  var groups = Array.prototype.slice.call(document.querySelectorAll(".pccc-kit__group"));

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  var cards = Array.prototype.map.call(document.querySelectorAll(".pccc-kit__card"), function (card) {
    var names = [card.querySelector(".pccc-kit__title").textContent];
    Array.prototype.forEach.call(card.querySelectorAll(".pccc-kit__code-list > li:not(.pccc-kit__page) > a"), function (label) {
      names.push(label.textContent);
    });
    return { el: card, text: fold(names.join(" ")) };
  });

  function apply() {
    var words = fold(input.value).split(" ").filter(Boolean), shown = 0;
    cards.forEach(function (card) {
      var match = words.every(function (word) { return card.text.indexOf(word) >= 0; });
      card.el.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".pccc-kit__card:not([hidden])");
    });
    var values = { shown: shown, total: cards.length };
    var key = !words.length ? "data-all" : shown ? "data-count" : "data-none";
    count.textContent = fill(box.getAttribute(key), values);
  }

  input.addEventListener("input", apply);

  // Cards the reader opens print with every section's code (kit.css). A click,
  // not the open attribute: Material opens every disclosure before printing.
  Array.prototype.forEach.call(document.querySelectorAll(".pccc-kit__codes > summary"), function (summary) {
    summary.addEventListener("click", function () {
      summary.closest(".pccc-kit__card").classList.toggle("is-open", !summary.parentNode.open);
    });
  });

  function printedCodes() {
    return Array.prototype.filter.call(document.querySelectorAll(".pccc-kit__code-list img"), function (img) {
      return img.closest(".pccc-kit__page") || img.closest(".pccc-kit__card.is-open");
    });
  }

  function fetchPrintedCodes() {
    return Promise.all(printedCodes().map(function (img) {
      img.loading = "eager";
      return img.decode().catch(function () {});  // a code that fails still prints its address
    }));
  }

  // aria-busy, not disabled: a disabled button would drop the keyboard focus.
  var printButton = box.querySelector(".pccc-kit__print");
  printButton.addEventListener("click", function () {
    if (printButton.getAttribute("aria-busy")) return;
    printButton.setAttribute("aria-busy", "true");
    fetchPrintedCodes().then(function () {
      printButton.removeAttribute("aria-busy");
      window.print();
    });
  });
  window.addEventListener("beforeprint", fetchPrintedCodes);

  box.hidden = false;
  apply();
})();
