/*
 * Spaced review (docs/review.md): the deck's cards (short answers, predictions,
 * follow-ups; the data hooks/training.py writes, through handbookProgress.startTrainer)
 * scheduled with FSRS.
 *
 * The scheduler is ts-fsrs (vendored at docs/assets/vendor/ts-fsrs/, global `FSRS`,
 * loaded just before this script) with its default parameters: it computes every due
 * date, stability and difficulty; this script only picks which card to show, stores
 * what the library returns and says when the card comes back.
 *
 * - Due now: every stored card whose `due` has passed (learning steps of a few minutes
 *   included), then new cards in question order, at most NEW_PER_DAY first reviews a
 *   local calendar day.
 * - Storage, through window.handbookProgress (progress.js, which loads first):
 *   reviews["<card id>"] = {"card": <ts-fsrs Card, dates as ISO text>,
 *                           "introduced": "<ISO date of its first review>",
 *                           "changed": "<ISO>"}.
 *   `introduced` counts today's new cards: a Card keeps only its last review's date.
 * - Keyboard: Space or Enter shows the answer, 1-4 grade (Again, Hard, Good, Easy).
 *   A live region says when the graded card comes back, or when the next card is due.
 *
 * Material's instant navigation evaluates this script again each time it brings the
 * page in: the second evaluation only sets the page up again.
 *
 * Our own code around the library: which card is next, the page and the keys are this
 * handbook's (no kept library does them); every date comes from ts-fsrs.
 */
(function boot() {
  "use strict";

  if (window.handbookReview) {
    window.handbookReview.setUp();
    return;
  }
  // Instant navigation inserts the page's scripts again, each loading on its own: wait
  // for ts-fsrs and progress.js when this one comes first.
  if (!window.FSRS || !window.handbookProgress) {
    document.querySelectorAll(
      'script[src$="ts-fsrs/index.umd.js"], script[src$="assets/progress.js"]'
    ).forEach(function (script) {
      script.addEventListener("load", boot, { once: true });
    });
    return;
  }

  var NEW_PER_DAY = 10;
  var GRADES = [
    { name: "Again", rating: FSRS.Rating.Again, key: "1" },
    { name: "Hard", rating: FSRS.Rating.Hard, key: "2" },
    { name: "Good", rating: FSRS.Rating.Good, key: "3" },
    { name: "Easy", rating: FSRS.Rating.Easy, key: "4" }
  ];
  var KINDS = { answer: "Short answer", prediction: "Prediction", "follow-up": "Follow-up" };
  // ts-fsrs's own units for show_diff_message, named as Intl.NumberFormat knows them.
  var UNITS = ["second", "minute", "hour", "day", "month", "year"];
  var scheduler = FSRS.fsrs(); // the library's default parameters (no fuzz)

  var deck = null; // {questions, cards, bySlug}
  var current = null; // {card: deck card, shown: bool}
  var timer = null;

  function root() {
    return document.querySelector(".handbook-review");
  }

  function withQuestionsBySlug(data) {
    data.bySlug = {};
    data.questions.forEach(function (question) {
      data.bySlug[question.slug] = question;
    });
    return data;
  }

  function startOfDay(now) {
    var day = new Date(now.getTime());
    day.setHours(0, 0, 0, 0);
    return day;
  }

  function nextMidnight(now) {
    var day = startOfDay(now);
    day.setDate(day.getDate() + 1);
    return day;
  }

  /* A stored card with its Date objects rebuilt (the library's own converter). */
  function cardOf(entry) {
    return FSRS.TypeConvert.card(entry.card);
  }

  /* A ts-fsrs Card as stored: the same fields, dates as ISO text. */
  function stored(card) {
    var copy = {};
    for (var field in card) copy[field] = card[field];
    copy.due = card.due.toISOString();
    copy.last_review = card.last_review ? card.last_review.toISOString() : null;
    return copy;
  }

  /* What is due at `now`: {due: [deck cards], fresh: [...], unseen, introduced, later, next}. */
  function plan(now) {
    var reviews = window.handbookProgress.load().reviews;
    var today = startOfDay(now).getTime();
    var due = [];
    var fresh = [];
    var introduced = 0;
    var later = 0;
    var next = null;
    deck.cards.forEach(function (card) {
      var entry = reviews[card.id];
      if (!entry) {
        fresh.push(card);
        return;
      }
      if (Date.parse(entry.introduced) >= today) introduced += 1;
      var at = Date.parse(entry.card.due);
      if (at <= now.getTime()) {
        due.push({ card: card, at: at });
      } else {
        if (at < nextMidnight(now).getTime()) later += 1;
        if (next === null || at < next) next = at;
      }
    });
    due.sort(function (a, b) { return a.at - b.at; }); // stable: question order on ties
    return {
      due: due.map(function (item) { return item.card; }),
      fresh: fresh.slice(0, Math.max(0, NEW_PER_DAY - introduced)),
      unseen: fresh.length,
      introduced: introduced,
      later: later,
      next: next === null ? null : new Date(next)
    };
  }

  /* "3 days", "10 minutes": ts-fsrs picks the unit, Intl writes it in words. */
  function interval(due, now) {
    var found = /^(\d+)(\w+)$/.exec(FSRS.show_diff_message(due, now, true, UNITS));
    return new Intl.NumberFormat("en", {
      style: "unit", unit: found[2], unitDisplay: "long"
    }).format(Number(found[1]));
  }

  function when(date) {
    return date.toLocaleString("en-GB", {
      weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
    });
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  /* Text for HTML, in an element or a quoted attribute (card ids hold follow-ups' text). */
  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  }

  function say(text) {
    root().querySelector(".handbook-review-live").textContent = text;
  }

  function summary(todo) {
    return "Due now: " + plural(todo.due.length, "review") + " and " +
      plural(todo.fresh.length, "new card") + ". New cards today: " + todo.introduced +
      " of " + NEW_PER_DAY + "." +
      (todo.later ? " Later today: " + plural(todo.later, "card") + "." : "");
  }

  function render() {
    var box = root();
    if (!box) return;
    clearTimeout(timer);
    var now = new Date();
    var todo = plan(now);
    box.querySelector(".handbook-review-summary").textContent = summary(todo);
    var card = todo.due[0] || todo.fresh[0];
    var stage = box.querySelector(".handbook-review-stage");
    // Come back by itself when the next card falls due today, or at midnight.
    var wake = todo.next && todo.next < nextMidnight(now) ? todo.next : nextMidnight(now);
    timer = setTimeout(function () {
      if (!current || !current.shown) render();
    }, Math.min(wake - now + 50, 2147483647));
    if (!card) {
      current = null;
      var message = todo.next
        ? "Nothing is due now. The next card is due in " + interval(todo.next, now) +
          ', <time datetime="' + todo.next.toISOString() + '">' + when(todo.next) + "</time>."
        : "Nothing is due now.";
      if (todo.introduced >= NEW_PER_DAY && todo.unseen) {
        message += " Today's " + NEW_PER_DAY + " new cards are done; more tomorrow.";
      }
      stage.innerHTML = '<p class="handbook-review-done" tabindex="-1">' + message + "</p>";
      return;
    }
    if (current && current.card.id === card.id && stage.querySelector("[data-card]")) return;
    current = { card: card, shown: false };
    var question = deck.bySlug[card.slug];
    stage.innerHTML =
      '<section class="handbook-review-card" data-card="' + escapeHtml(card.id) +
      '" aria-labelledby="handbook-review-front">' +
      '<p class="handbook-review-kind">' + KINDS[card.kind] +
      (todo.due[0] === card ? "" : " · new") + " · " +
      '<a href="' + escapeHtml(question.url) + '">Question ' + question.number + ": " +
      escapeHtml(question.title) + "</a></p>" +
      '<h2 id="handbook-review-front">' + card.front_html + "</h2>" +
      '<div class="handbook-review-prompt">' + card.prompt_html + "</div>" +
      '<p><button type="button" class="md-button md-button--primary handbook-review-show" ' +
      'aria-keyshortcuts="Space Enter">Show answer</button></p>' +
      '<div class="handbook-review-answer" hidden>' + card.answer_html + "</div>" +
      '<div class="handbook-review-grades" role="group" aria-label="How well did you recall it?" hidden></div>' +
      "</section>";
  }

  function entryFor(id) {
    return window.handbookProgress.load().reviews[id];
  }

  function showAnswer() {
    if (!current || current.shown) return;
    current.shown = true;
    var now = new Date();
    var entry = entryFor(current.card.id);
    var card = entry ? cardOf(entry) : FSRS.createEmptyCard(now);
    var preview = scheduler.repeat(card, now);
    var stage = root().querySelector(".handbook-review-stage");
    var grades = stage.querySelector(".handbook-review-grades");
    grades.innerHTML = GRADES.map(function (grade) {
      var back = interval(preview[grade.rating].card.due, now);
      return '<button type="button" class="md-button" data-rating="' + grade.rating +
        '" aria-keyshortcuts="' + grade.key + '">' + grade.name + " · " + back + "</button>";
    }).join(" ");
    stage.querySelector(".handbook-review-show").parentNode.hidden = true;
    stage.querySelector(".handbook-review-answer").hidden = false;
    grades.hidden = false;
    grades.querySelector("[data-rating='" + FSRS.Rating.Good + "']").focus();
  }

  function grade(rating) {
    if (!current || !current.shown) return;
    var now = new Date();
    var id = current.card.id;
    var entry = entryFor(id);
    var card = entry ? cardOf(entry) : FSRS.createEmptyCard(now);
    var next = scheduler.next(card, now, rating).card;
    window.handbookProgress.put("reviews", id, {
      card: stored(next),
      introduced: entry ? entry.introduced : now.toISOString()
    });
    var name = GRADES.filter(function (g) { return g.rating === rating; })[0].name;
    current = null;
    render();
    var after = root().querySelector(".handbook-review-done");
    say(name + ": this card comes back in " + interval(next.due, now) + ", " +
      when(next.due) + "." + (after ? " " + after.textContent : ""));
    root().querySelector(".handbook-review-show, .handbook-review-done").focus();
  }

  function setUp() {
    window.handbookProgress.startTrainer(root(), "cards", function (box, data) {
      deck = withQuestionsBySlug(data);
      current = null;
      box.innerHTML =
        '<p class="handbook-review-summary"></p>' +
        '<div class="handbook-review-stage"></div>' +
        '<p class="handbook-review-live" role="status" aria-live="polite"></p>';
      render();
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target || !root()) return;
    if (target.closest(".handbook-review-show")) {
      showAnswer();
    } else if (target.closest(".handbook-review-grades button")) {
      grade(Number(target.closest("button").getAttribute("data-rating")));
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!root() || !current || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable], a, button")) {
      // A focused control handles its own Space and Enter; digits still grade.
      if (!/^[1-4]$/.test(event.key) || target.closest("input, textarea, select, [contenteditable]")) {
        return;
      }
    }
    if (!current.shown && (event.key === " " || event.key === "Enter")) {
      event.preventDefault();
      showAnswer();
    } else if (current.shown && /^[1-4]$/.test(event.key)) {
      event.preventDefault();
      grade(GRADES[Number(event.key) - 1].rating);
    }
  });

  window.handbookReview = { setUp: setUp, render: render, NEW_PER_DAY: NEW_PER_DAY };

  window.handbookProgress.onEveryPage(setUp);
})();
