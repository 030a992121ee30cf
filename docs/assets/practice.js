/*
 * Practice mode: quiz yourself on the short answers.
 *
 * With practice mode on, every short answer (the "Say this" box, class `admonition
 * answer`) and the sections below it that give it away (`.handbook-giveaway`, from "What
 * the interviewer listens for" to "Pitfalls") are hidden behind a "Reveal the answer"
 * button: say your answer aloud, then check it. Both are marked at build time
 * (scripts/handbook_tools/hooks/practice.py). A link into a hidden section (the table of
 * contents, a cross-link, a search result) reveals the answer and lands on the section;
 * so does the browser's find in page (the parts are `hidden="until-found"`). The switch
 * sits on the home page and at the top of every question page and
 * holds for the whole handbook: it is kept in localStorage, so it survives navigation,
 * reloads and the offline copy (an inline script in the page's head, in
 * docs/overrides/main.html, sets the switch's class before the first paint, so nothing is
 * shown and then hidden). No network, no dependency: Material's `document$` re-runs
 * `setUp` after each instant navigation.
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

  // Hidden "until found": the browser's find in page (Ctrl+F) still searches a hidden
  // part and fires `beforematch` on it before it shows a match there.
  function hideUntilFound(part, hidden) {
    if (hidden) {
      part.setAttribute("hidden", "until-found");
    } else {
      part.removeAttribute("hidden");
    }
  }

  // The answer and what gives it away are revealed together: one state per page.
  function setRevealed(revealed) {
    document.querySelectorAll(".md-typeset .handbook-giveaway").forEach(function (part) {
      part.classList.toggle("handbook-revealed", revealed);
      hideUntilFound(part, !revealed);
    });
    document.querySelectorAll(".md-typeset .admonition.answer").forEach(function (box) {
      box.classList.toggle("handbook-revealed", revealed);
      var body = box.querySelector(":scope > .handbook-answer-body");
      if (body) hideUntilFound(body, !revealed);
      var button = box.querySelector(":scope > .handbook-reveal");
      if (button) {
        button.setAttribute("aria-expanded", String(revealed));
        button.textContent = revealed ? "Hide the answer" : "Reveal the answer";
      }
    });
  }

  // The element a URL's fragment names, if practice mode hides it.
  function hiddenTarget(hash) {
    var id;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch (error) {
      return null;
    }
    var target = id && document.getElementById(id);
    if (!target || !document.documentElement.classList.contains(ON_CLASS)) return null;
    var part = target.closest(".handbook-giveaway, .admonition.answer");
    return part && !part.classList.contains("handbook-revealed") ? target : null;
  }

  // Arriving at a hidden section reveals it, then scrolls to it (the browser's own
  // scroll found nothing to show).
  function revealArrival() {
    var target = hiddenTarget(window.location.hash);
    if (!target) return;
    setRevealed(true);
    target.scrollIntoView();
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
    var controlled = [body.id];
    document.querySelectorAll(".md-typeset .handbook-giveaway").forEach(function (part) {
      controlled.push(part.id);
    });
    button.setAttribute("aria-controls", controlled.join(" "));
    var hint = document.createElement("p");
    hint.className = "handbook-answer-hint";
    hint.textContent =
      "Practice mode: say your answer aloud, then reveal this one" +
      (controlled.length > 1 ? " and the explanation below it." : ".");
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
    setRevealed(!on);
  }

  function setUp() {
    // Revealed already: by the reader, or by a match found before this script arrived
    // (docs/overrides/main.html's head script). It stays shown.
    var revealed = document.querySelector(".md-typeset .admonition.answer.handbook-revealed");
    document.querySelectorAll(".md-typeset .admonition.answer").forEach(prepare);
    apply(practising());
    if (revealed) setRevealed(true);
    revealArrival();
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
        setRevealed(!box.classList.contains("handbook-revealed"));
        return;
      }
      // A link to a hidden section of this page: reveal it before the browser scrolls
      // (no hashchange follows when the address already ends with that fragment).
      var link = target.closest("a[href*='#']");
      if (link && link.pathname === window.location.pathname && hiddenTarget(link.hash)) {
        setRevealed(true);
      }
    });
    // A fragment reached otherwise (typed, history, instant navigation within the page).
    window.addEventListener("hashchange", revealArrival);
    // Find in page found a word in a hidden part: reveal the whole answer with it.
    document.addEventListener("beforematch", function () { setRevealed(true); }, true);
    // Another tab switched practice mode: follow it.
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) apply(event.newValue === "on");
    });
  }

  // setUp is idempotent: it runs on the first load in any case (Material's document$
  // never emits from file:// while instant navigation is configured), and again after
  // every instant navigation. The theme's bundle, which defines document$, starts after
  // the first paint and then sends `handbook:theme` (hooks/after_paint.py).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
  function follow() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setUp);
    }
  }
  if (window.document$) follow();
  else document.addEventListener("handbook:theme", follow, { once: true });
})();
