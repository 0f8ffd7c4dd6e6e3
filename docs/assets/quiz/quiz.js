/* Self-check quizzes: check answers, show feedback and a score, keep progress.
 *
 * The page works without this script (see scripts/pccc_site/quiz/render.py).
 * All text comes from the page (data-strings). Progress is kept in this
 * browser's localStorage under "pccc-quiz:<set id>"; a saved answer is used
 * only while its question's version (a content hash) is unchanged, and
 * anything unreadable in storage is ignored. Nothing is sent anywhere.
 * The self-check record (#record-<set id>, after the quiz) is filled in from
 * the page when asked for; the name typed into it is kept nowhere.
 * A message for the reader is both shown (next to what was pressed, or next
 * to where focus goes) and announced in the live region; none is only spoken.
 */
(function () {
  "use strict";

  var LETTERS = "ABCDEFGH";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  function random(seed) { // mulberry32: a small seeded generator, so one attempt keeps its order
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function hash(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
  }

  function shuffled(items, next) {
    var out = items.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1)), t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  function newSeed() {
    return Math.floor(Math.random() * 4294967296) >>> 0;
  }

  function readStore(key) {
    try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; }
  }

  function writeStore(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode or full: keep going */ }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function Quiz(root) {
    var self = this;
    this.root = root;
    this.text = JSON.parse(root.getAttribute("data-strings"));
    this.key = "pccc-quiz:" + root.getAttribute("data-quiz");
    this.version = root.getAttribute("data-version");
    this.live = root.querySelector(".pccc-quiz__live");
    this.progress = root.querySelector(".pccc-quiz__progress");
    this.summary = root.querySelector(".pccc-quiz__summary");
    this.questions = Array.prototype.map.call(root.querySelectorAll(".pccc-quiz__question"), function (el) {
      return self.prepare(el);
    });
    this.state = this.load();
    this.arrange();
    this.questions.forEach(function (q) { self.restore(q); });
    this.progress.hidden = false;
    this.retried = this.noticeAfter(this.progress);
    root.querySelector(".pccc-quiz__retry").addEventListener("click", function () { self.retry(); });
    this.bindRecord();
    this.update(false);
    this.save();
  }

  Quiz.prototype.prepare = function (el) {
    var self = this;
    var q = {
      el: el,
      id: el.getAttribute("data-id"),
      type: el.getAttribute("data-type"),
      version: el.getAttribute("data-version"),
      list: el.querySelector(".pccc-quiz__options"),
      options: Array.prototype.slice.call(el.querySelectorAll(".pccc-quiz__option")),
      button: el.querySelector(".pccc-quiz__check"),
      result: el.querySelector(".pccc-quiz__result")
    };
    var answer = el.querySelector(".pccc-quiz__answer");
    q.verdict = document.createElement("p");
    q.result.appendChild(q.verdict);
    Array.prototype.slice.call(answer.children, 1).forEach(function (child) { q.result.appendChild(child); });
    answer.parentNode.removeChild(answer);
    q.button.hidden = false;
    q.notice = this.noticeAfter(q.button);
    q.button.addEventListener("click", function () { self.check(q); });
    q.list.addEventListener("change", function () { q.notice.hidden = true; self.remember(q); });
    q.list.addEventListener("keydown", function (event) { self.move(q, event); });
    return q;
  };

  Quiz.prototype.inputs = function (q) {
    return Array.prototype.slice.call(q.list.querySelectorAll("input"));
  };

  Quiz.prototype.chosen = function (q) {
    return this.inputs(q).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  };

  Quiz.prototype.load = function () {
    var saved = readStore(this.key);
    var state = { version: this.version, seed: newSeed(), answers: {} };
    if (!isObject(saved)) return state;
    if (saved.version === this.version && typeof saved.seed === "number" && saved.seed >>> 0 === saved.seed) state.seed = saved.seed;
    var answers = isObject(saved.answers) ? saved.answers : {};
    this.questions.forEach(function (q) {
      var a = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : null;
      if (!isObject(a) || a.version !== q.version || !Array.isArray(a.chosen)) return;
      var values = q.options.map(function (li) { return li.getAttribute("data-option"); });
      var chosen = a.chosen.filter(function (id, i, all) { return values.indexOf(id) >= 0 && all.indexOf(id) === i; });
      if (q.type !== "multiple" && chosen.length > 1) return;
      state.answers[q.id] = { version: q.version, chosen: chosen, done: a.done === true && chosen.length > 0 };
    });
    return state;
  };

  Quiz.prototype.save = function () {
    writeStore(this.key, this.state);
  };

  Quiz.prototype.arrange = function () {
    var self = this, seed = this.state.seed;
    var pool = parseInt(this.root.getAttribute("data-pool"), 10) || 0;
    var asked = this.questions;
    if (pool && pool < asked.length) {
      var picked = shuffled(asked, random(seed)).slice(0, pool);
      asked = asked.filter(function (q) { return picked.indexOf(q) >= 0; });
    }
    this.asked = asked;
    this.questions.forEach(function (q) { q.el.hidden = asked.indexOf(q) < 0; });
    asked.forEach(function (q, i) {
      q.number = i + 1;
      q.el.querySelector(".pccc-quiz__number").textContent = fill(self.text.question, { n: i + 1 });
    });
    var shuffle = this.root.getAttribute("data-shuffle") === "1";
    this.questions.forEach(function (q) {
      if (q.type === "true-false") return;
      var order = shuffle ? shuffled(q.options, random(seed ^ hash(q.id))) : q.options;
      order.forEach(function (li, i) {
        q.list.appendChild(li);
        li.querySelector(".pccc-quiz__letter").textContent = LETTERS.charAt(i) + ".";
      });
    });
  };

  Quiz.prototype.restore = function (q) {
    var a = this.state.answers[q.id];
    if (!a) return;
    this.inputs(q).forEach(function (i) { i.checked = a.chosen.indexOf(i.value) >= 0; });
    if (a.done) this.show(q);
  };

  Quiz.prototype.remember = function (q) {
    var a = this.state.answers[q.id];
    if (a && a.done) return;
    this.state.answers[q.id] = { version: q.version, chosen: this.chosen(q), done: false };
    this.save();
  };

  // Arrow keys move between checkboxes without ticking them (radios do this natively).
  Quiz.prototype.move = function (q, event) {
    var step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (q.type !== "multiple" || !step) return;
    var inputs = this.inputs(q), at = inputs.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    inputs[(at + step + inputs.length) % inputs.length].focus();
  };

  Quiz.prototype.isRight = function (q, chosen) {
    var right = q.options.filter(function (li) { return li.hasAttribute("data-correct"); })
      .map(function (li) { return li.getAttribute("data-option"); });
    return right.length === chosen.length && right.every(function (id) { return chosen.indexOf(id) >= 0; });
  };

  Quiz.prototype.check = function (q) {
    var chosen = this.chosen(q);
    if (!chosen.length) {
      this.notify(q.notice, this.text.choose_first);
      return;
    }
    q.notice.hidden = true;
    this.retried.hidden = true;
    this.state.answers[q.id] = { version: q.version, chosen: chosen, done: true };
    this.save();
    var feedback = this.show(q);
    q.result.focus();
    var verdict = this.isRight(q, chosen) ? this.text.right : this.text.wrong;
    this.update(true, fill(this.text.announce, { n: q.number, verdict: verdict }) + " " + feedback);
  };

  Quiz.prototype.show = function (q) {
    var self = this, chosen = this.state.answers[q.id].chosen, said = [];
    var right = this.isRight(q, chosen);
    this.inputs(q).forEach(function (i) { i.disabled = true; });
    q.options.forEach(function (li) {
      var picked = chosen.indexOf(li.getAttribute("data-option")) >= 0;
      var correct = li.hasAttribute("data-correct");
      li.classList.toggle("is-right", correct);
      li.classList.toggle("is-wrong", picked && !correct);
      var tag = li.querySelector(".pccc-quiz__tag") || li.querySelector("label").appendChild(document.createElement("span"));
      tag.className = "pccc-quiz__tag";
      tag.textContent = correct ? self.text.tag_right : picked ? self.text.tag_chosen : "";
      var feedback = li.querySelector(".pccc-quiz__feedback");
      if (feedback) {
        feedback.hidden = !picked;
        if (picked) said.push(feedback.textContent);
      }
    });
    q.button.hidden = true;
    q.verdict.className = "pccc-quiz__verdict " + (right ? "is-right" : "is-wrong");
    q.verdict.textContent = right ? this.text.right : this.text.wrong;
    q.result.hidden = false;
    return said.join(" ");
  };

  Quiz.prototype.reset = function (q) {
    this.inputs(q).forEach(function (i) { i.disabled = false; i.checked = false; });
    q.options.forEach(function (li) {
      li.classList.remove("is-right", "is-wrong");
      var tag = li.querySelector(".pccc-quiz__tag");
      if (tag) tag.parentNode.removeChild(tag);
      var feedback = li.querySelector(".pccc-quiz__feedback");
      if (feedback) feedback.hidden = true;
    });
    q.button.hidden = false;
    q.notice.hidden = true;
    q.result.hidden = true;
  };

  Quiz.prototype.update = function (announce, message) {
    var self = this, t = this.text, answers = this.state.answers;
    var done = this.asked.filter(function (q) { return answers[q.id] && answers[q.id].done; });
    this.progress.textContent = fill(t.progress, { done: done.length, total: this.asked.length });
    var complete = done.length === this.asked.length;
    this.summary.hidden = !complete;
    if (complete) {
      var right = done.filter(function (q) { return self.isRight(q, answers[q.id].chosen); }).length;
      var total = this.asked.length, pass = this.root.getAttribute("data-pass");
      var passed = right * 100 >= pass * total;
      var score = fill(t.score, { right: right, total: total, percent: Math.round((right * 100) / total) }) + " " +
        fill(passed ? t.passed : t.failed, { pass: pass });
      this.summary.querySelector(".pccc-quiz__score").textContent = score;
      this.summary.classList.toggle("is-passed", passed);
      message = (message || "") + " " + score;
    } else if (this.record) {
      this.record.hidden = true;
    }
    if (announce) this.say(message);
  };

  Quiz.prototype.bindRecord = function () {
    var self = this, open = this.root.querySelector(".pccc-quiz__record-open");
    this.record = document.getElementById("record-" + this.root.getAttribute("data-quiz"));
    if (!this.record || !open) return;
    open.addEventListener("click", function () { self.openRecord(); });
    this.record.querySelector(".pccc-quiz__print").addEventListener("click", function () { window.print(); });
    this.record.querySelector(".pccc-quiz__close").addEventListener("click", function () {
      self.record.hidden = true;
      open.focus();
    });
  };

  Quiz.prototype.openRecord = function () {
    var self = this, record = this.record, answers = this.state.answers;
    var missed = this.asked.filter(function (q) { return answers[q.id] && !self.isRight(q, answers[q.id].chosen); });
    var list = record.querySelector(".pccc-quiz__missed");
    list.textContent = "";
    missed.forEach(function (q) { list.appendChild(self.missedItem(q)); });
    list.hidden = !missed.length;
    record.querySelector(".pccc-quiz__all-right").hidden = missed.length > 0;
    var date = record.querySelector(".pccc-quiz__date");
    date.textContent = new Date().toLocaleDateString(date.getAttribute("data-locale"), JSON.parse(date.getAttribute("data-format")));
    record.querySelector(".pccc-quiz__record-score").textContent = this.summary.querySelector(".pccc-quiz__score").textContent;
    record.hidden = false;
    record.focus();
  };

  // A missed question: its number and text, and the section to read again with its public address.
  Quiz.prototype.missedItem = function (q) {
    var item = document.createElement("li"), text = item.appendChild(document.createElement("p"));
    text.textContent = q.el.querySelector("legend").textContent;
    var source = item.appendChild(q.el.querySelector(".pccc-quiz__source").cloneNode(true));
    var link = source.querySelector("a"), address = document.createElement("span");
    address.className = "pccc-quiz__address";
    address.textContent = link.getAttribute("data-address") || link.href;
    source.appendChild(document.createTextNode(" "));
    source.appendChild(address);
    return item;
  };

  Quiz.prototype.retry = function () {
    var self = this;
    this.state = { version: this.version, seed: newSeed(), answers: {} };
    this.questions.forEach(function (q) { self.reset(q); });
    this.arrange();
    this.save();
    this.update(false);
    this.progress.focus();
    this.notify(this.retried, this.text.retry_done);
  };

  // A hidden message placed right after ``element``, shown by notify().
  Quiz.prototype.noticeAfter = function (element) {
    var notice = document.createElement("p");
    notice.className = "pccc-quiz__notice";
    notice.hidden = true;
    element.parentNode.insertBefore(notice, element.nextSibling);
    return notice;
  };

  Quiz.prototype.notify = function (notice, message) {
    notice.textContent = message;
    notice.hidden = false;
    this.say(message);
  };

  // A later message cancels an earlier one still waiting, so the newest remains.
  Quiz.prototype.say = function (message) {
    var live = this.live;
    window.clearTimeout(this.pendingSay);
    live.textContent = "";
    this.pendingSay = window.setTimeout(function () { live.textContent = message.trim(); }, 100);
  };

  Array.prototype.forEach.call(document.querySelectorAll(".pccc-quiz[data-quiz]"), function (root) {
    root.quiz = new Quiz(root);
  });
})();
