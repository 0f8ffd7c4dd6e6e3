/* Meeting mode: one question at a time on a projector, driven by the keyboard or a clicker.
 *
 * With this script the meeting area becomes a presentation view that fills
 * the window (the site's header and footer step aside); F or the button
 * asks the browser for full screen as well. The type size is chosen for
 * each question so that the question, its options AND the revealed answer
 * fit in the view: revealing moves nothing and nothing needs scrolling
 * (below 16 px, on a phone, the question scrolls inside the view).
 *
 * Keys: Space, ArrowRight or PageDown: next step (the answer first, then
 * the next question; a clicker's forward button sends PageDown);
 * ArrowLeft or PageUp: previous question; A (or Enter): show or hide the
 * answer; Home and End; F for full screen. The page itself never scrolls.
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
  var stage = root.querySelector(".pccc-meet__slides");
  var bar = root.querySelector(".pccc-meet__bar");
  var keys = root.querySelector(".pccc-meet__keys[hidden]");
  var reveal = root.querySelector(".pccc-meet__reveal");
  var prev = root.querySelector(".pccc-meet__prev");
  var next = root.querySelector(".pccc-meet__next");
  var full = root.querySelector(".pccc-meet__full");
  var live = root.querySelector(".pccc-meet__live");
  var SMALLEST = 16; // px: below this, a long question scrolls inside the view instead
  var current = -1;
  var pendingSay = 0;

  // Emptied first so that a repeated text is announced again; a later call
  // cancels the earlier one's write, so the newest text is what remains.
  function say(text) {
    window.clearTimeout(pendingSay);
    live.textContent = "";
    if (text) pendingSay = window.setTimeout(function () { live.textContent = text.replace(/\s+/g, " ").trim(); }, 50);
  }

  function answerOf(slide) {
    return slide.querySelector(".pccc-meet__answer");
  }

  function largest() {
    return Math.max(SMALLEST, Math.min(48, window.innerHeight * 0.06, window.innerWidth * 0.06));
  }

  // The largest type size at which the slide, with its answer shown, fits the stage.
  function fit() {
    var slide = slides[current], answer = answerOf(slide);
    var wasOpen = answer ? answer.open : false;
    if (answer) answer.open = true;
    slide.classList.add("is-revealed");
    var low = SMALLEST, high = largest();
    function fits(size) {
      stage.style.setProperty("--pccc-meet-size", size + "px");
      return stage.scrollHeight <= stage.clientHeight + 1 && stage.scrollWidth <= stage.clientWidth + 1;
    }
    if (fits(high)) low = high;
    else {
      while (high - low > 0.5) {
        var middle = (low + high) / 2;
        if (fits(middle)) low = middle; else high = middle;
      }
    }
    stage.style.setProperty("--pccc-meet-size", Math.floor(low * 2) / 2 + "px");
    if (answer) answer.open = wasOpen;
    slide.classList.toggle("is-revealed", wasOpen);
    stage.scrollTop = 0;
  }

  function setOpen(open, announce) {
    var answer = answerOf(slides[current]);
    if (!answer) return;
    answer.open = open;
    slides[current].classList.toggle("is-revealed", open);
    reveal.setAttribute("aria-expanded", String(open));
    if (open && announce) say(answer.querySelector(".pccc-meet__right").textContent);
  }

  function show(index) {
    current = index;
    slides.forEach(function (slide, i) { slide.hidden = i !== index; });
    var slide = slides[index], answer = answerOf(slide);
    // Hidden by visibility, not removed: the buttons after it keep their place.
    reveal.classList.toggle("is-unavailable", !answer);
    reveal.disabled = !answer;
    reveal.setAttribute("aria-controls", answer ? answer.id : "");
    setOpen(false, false);
    prev.setAttribute("aria-disabled", String(index === 0));
    next.setAttribute("aria-disabled", String(index === slides.length - 1));
    fit();
  }

  function go(index) {
    if (index < 0 || index >= slides.length || index === current) return;
    var onBar = bar.contains(document.activeElement), slide = slides[index];
    show(index);
    if (window.history.replaceState) window.history.replaceState(null, "", "#" + slide.id);
    if (onBar) {
      say(slide.getAttribute("data-label") + ". " + slide.querySelector(".pccc-meet__question").textContent);
    } else {
      say("");
      slide.focus({ preventScroll: true });
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

  function back() {
    go(current - 1);
  }

  function fullScreen() {
    var request = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen && root.requestFullscreen();
    if (request && request.catch) request.catch(function () { /* refused (e.g. inside a frame): stay as is */ });
  }

  var actions = {
    " ": advance,
    ArrowRight: advance,
    PageDown: advance,
    ArrowLeft: back,
    PageUp: back,
    a: toggle,
    A: toggle,
    Enter: toggle,
    Home: function () { go(0); },
    End: function () { go(slides.length - 1); },
    f: fullScreen,
    F: fullScreen
  };

  // Capture phase on window: these keys must not reach Material's own shortcuts (F opens its search).
  // A focused button or disclosure keeps Space and Enter, a focused link keeps Enter: they do what they say.
  window.addEventListener("keydown", function (event) {
    var action = actions[event.key], target = event.target;
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable) return;
    if (/^(BUTTON|SUMMARY)$/.test(target.tagName) && (event.key === " " || event.key === "Enter")) return;
    if (target.tagName === "A" && event.key === "Enter") return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }, true);

  reveal.addEventListener("click", toggle);
  prev.addEventListener("click", back);
  next.addEventListener("click", function () { go(current + 1); });
  full.addEventListener("click", fullScreen);
  document.addEventListener("fullscreenchange", function () {
    full.setAttribute("aria-pressed", String(document.fullscreenElement === root));
    fit();
  });
  var resizing = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(fit, 100);
  });

  var start = slides.map(function (slide) { return "#" + slide.id; }).indexOf(window.location.hash);
  root.classList.add("is-live");
  document.documentElement.classList.add("pccc-presenting");
  bar.hidden = false;
  if (keys) keys.hidden = false;
  window.scrollTo(0, 0);
  show(Math.max(start, 0));
})();
