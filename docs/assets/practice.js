/*
 * Practice mode: quiz yourself on the short answers.
 *
 * With practice mode on, every short answer (the "Say this" box, class `admonition
 * answer`) is hidden behind a "Reveal the answer" button: say your answer aloud, then
 * check it. The switch sits on the home page and at the top of every question page and
 * holds for the whole handbook: it is kept in localStorage, so it survives navigation,
 * reloads and the offline copy. No network, no dependency: Material's `document$`
 * re-runs `setUp` after each instant navigation.
 */
(function () {
  "use strict";

  var KEY = "handbook.practice";
  var ON_CLASS = "handbook-practice";

  function practising() {
    try {
      return window.localStorage.getItem(KEY) === "on";
    } catch (error) {
      return false; // storage blocked (some file:// or privacy settings): default off
    }
  }

  function remember(on) {
    try {
      window.localStorage.setItem(KEY, on ? "on" : "off");
    } catch (error) {
      /* the switch still works for this page */
    }
  }

  function setRevealed(box, revealed) {
    box.classList.toggle("handbook-revealed", revealed);
    var button = box.querySelector(":scope > .handbook-reveal");
    if (button) {
      button.setAttribute("aria-expanded", String(revealed));
      button.textContent = revealed ? "Hide the answer" : "Reveal the answer";
    }
  }

  function prepare(box) {
    if (box.querySelector(":scope > .handbook-reveal")) return;
    // The build wraps each answer (scripts/handbook_tools/hooks/practice.py), so nothing
    // moves and the answer is painted once.
    var body = box.querySelector(":scope > .handbook-answer-body");
    if (!body) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "handbook-reveal md-button";
    button.setAttribute("aria-controls", body.id);
    var hint = document.createElement("p");
    hint.className = "handbook-answer-hint";
    hint.textContent = "Practice mode: say your answer aloud, then reveal this one.";
    box.insertBefore(hint, body);
    box.insertBefore(button, body);
  }

  function apply(on) {
    document.documentElement.classList.toggle(ON_CLASS, on);
    document.querySelectorAll(".handbook-practice-toggle").forEach(function (toggle) {
      toggle.hidden = false;
      toggle.setAttribute("aria-pressed", String(on));
      var state = toggle.querySelector(".handbook-practice-toggle__state");
      if (state) state.textContent = on ? "on" : "off";
    });
    document.querySelectorAll(".md-typeset .admonition.answer").forEach(function (box) {
      setRevealed(box, !on);
    });
  }

  function setUp() {
    document.querySelectorAll(".md-typeset .admonition.answer").forEach(prepare);
    apply(practising());
  }

  if (!window.__handbookPractice) {
    window.__handbookPractice = true;
    // One listener for every page instant navigation swaps in.
    document.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      var toggle = target.closest(".handbook-practice-toggle");
      if (toggle) {
        var on = !document.documentElement.classList.contains(ON_CLASS);
        remember(on);
        apply(on);
        return;
      }
      var reveal = target.closest(".handbook-reveal");
      if (reveal) {
        var box = reveal.closest(".admonition.answer");
        setRevealed(box, !box.classList.contains("handbook-revealed"));
      }
    });
    // Another tab switched practice mode: follow it.
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) apply(event.newValue === "on");
    });
  }

  // setUp is idempotent: it runs on the first load in any case (Material's document$
  // never emits from file:// while instant navigation is configured), and again after
  // every instant navigation.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  }
})();
