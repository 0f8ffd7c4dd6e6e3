/* Meeting mode: one question at a time, driven by the keyboard or a clicker.
 *
 * Keys: Space or Enter shows or hides the answer; ArrowRight or PageDown
 * shows the answer first, then moves on (a clicker's forward button sends
 * PageDown); ArrowLeft or PageUp goes back; Home and End; F for full screen.
 * The revealed answer is announced in a live region. A keyboard shortcut
 * that changes the question moves focus to it; the on-screen buttons keep
 * focus and announce the new question instead. The question shown is kept
 * in the address (#meet-<question id>) so a reload stays on it.
 * All text comes from the page. Nothing is stored or sent.
 */
(function () {
  "use strict";

  var root = document.querySelector(".pccc-meet");
  if (!root) return;
  var slides = Array.prototype.slice.call(root.querySelectorAll(".pccc-meet__slide"));
  var bar = root.querySelector(".pccc-meet__bar");
  var reveal = root.querySelector(".pccc-meet__reveal");
  var prev = root.querySelector(".pccc-meet__prev");
  var next = root.querySelector(".pccc-meet__next");
  var full = root.querySelector(".pccc-meet__full");
  var live = root.querySelector(".pccc-meet__live");
  var current = -1;

  function say(text) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text.replace(/\s+/g, " ").trim(); }, 50);
  }

  function answerOf(slide) {
    return slide.querySelector(".pccc-meet__answer");
  }

  function setOpen(open, announce) {
    var answer = answerOf(slides[current]);
    if (!answer) return;
    answer.open = open;
    slides[current].classList.toggle("is-revealed", open);
    reveal.setAttribute("aria-expanded", String(open));
    reveal.textContent = reveal.getAttribute(open ? "data-hide" : "data-show");
    if (open && announce) {
      say(answer.querySelector(".pccc-meet__right").textContent);
      answer.scrollIntoView({ block: "nearest" });
    }
  }

  function show(index) {
    current = index;
    slides.forEach(function (slide, i) { slide.hidden = i !== index; });
    var slide = slides[index];
    reveal.hidden = !answerOf(slide);
    reveal.setAttribute("aria-controls", answerOf(slide) ? answerOf(slide).id : "");
    setOpen(false, false);
    prev.setAttribute("aria-disabled", String(index === 0));
    next.setAttribute("aria-disabled", String(index === slides.length - 1));
  }

  function go(index) {
    if (index < 0 || index >= slides.length || index === current) return;
    var onBar = bar.contains(document.activeElement), slide = slides[index];
    show(index);
    if (window.history.replaceState) window.history.replaceState(null, "", "#" + slide.id);
    if (onBar) {
      say(slide.getAttribute("data-label") + ". " + slide.querySelector(".pccc-meet__question").textContent);
    } else {
      live.textContent = "";
      slide.focus();
    }
  }

  function toggle() {
    var answer = answerOf(slides[current]);
    if (answer) setOpen(!answer.open, true);
  }

  function advance() {
    var answer = answerOf(slides[current]);
    if (answer && !answer.open) setOpen(true, true);
    else go(current + 1);
  }

  function fullScreen() {
    var request = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen && root.requestFullscreen();
    if (request && request.catch) request.catch(function () { /* refused (e.g. inside a frame): stay as is */ });
  }

  var actions = {
    " ": toggle,
    Enter: toggle,
    ArrowRight: advance,
    PageDown: advance,
    ArrowLeft: function () { go(current - 1); },
    PageUp: function () { go(current - 1); },
    Home: function () { go(0); },
    End: function () { go(slides.length - 1); },
    f: fullScreen,
    F: fullScreen
  };

  // Capture phase on window: these keys must not reach Material's own shortcuts (F opens its search).
  window.addEventListener("keydown", function (event) {
    var action = actions[event.key], target = event.target;
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable) return;
    if (/^(BUTTON|A|SUMMARY)$/.test(target.tagName) && (event.key === " " || event.key === "Enter")) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }, true);

  reveal.addEventListener("click", toggle);
  prev.addEventListener("click", function () { go(current - 1); });
  next.addEventListener("click", function () { go(current + 1); });
  full.addEventListener("click", fullScreen);
  document.addEventListener("fullscreenchange", function () {
    full.setAttribute("aria-pressed", String(document.fullscreenElement === root));
  });

  var start = slides.map(function (slide) { return "#" + slide.id; }).indexOf(window.location.hash);
  root.classList.add("is-live");
  bar.hidden = false;
  show(Math.max(start, 0));
})();
