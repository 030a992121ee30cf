/*
 * The home page's "Where you left off": what a returning reader does next, drawn from
 * what this browser has stored (docs/assets/progress.js, `window.handbookProgress`):
 * the review cards due today and those not started yet, the next question to learn
 * (the first marked learning, else the first still new, in the question table's
 * order), and the last mock interview. A first-time reader, with nothing stored, sees
 * the three ways to train instead: the block stays hidden.
 *
 * Loaded by the home page only (its front matter's `scripts:`), after progress.js.
 * Our own code: it counts entries in the reader's storage, nothing a library does.
 */
(function () {
  "use strict";

  function endOfToday(now) {
    var end = new Date(now);
    end.setHours(23, 59, 59, 999);
    return end.getTime();
  }

  function day(date) {
    return new Date(date).toLocaleDateString(undefined, {
      weekday: "short", day: "numeric", month: "short"
    });
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function reviewsText(data, total, now) {
    var ids = Object.keys(data.reviews);
    var dues = ids.map(function (id) { return Date.parse(data.reviews[id].card.due); });
    var due = dues.filter(function (time) { return time <= endOfToday(now); }).length;
    var fresh = Math.max(total - ids.length, 0);
    var text = due
      ? plural(due, "card") + " due for review today"
      : ids.length
        ? "No card due today; the next comes back " + day(Math.min.apply(null, dues))
        : "No card reviewed yet";
    return text + " (" + plural(fresh, "card") + " not started yet).";
  }

  /* The first question marked learning, else the first still new: [title, link]. */
  function nextQuestion(data) {
    var rows = [];
    document.querySelectorAll("td [data-progress-question]").forEach(function (cell) {
      var entry = data.questions[cell.getAttribute("data-progress-question")];
      var link = cell.closest("tr").querySelector("a[href]");
      if (link) rows.push({ status: entry ? entry.status : "new", link: link });
    });
    var pick = function (status) {
      return rows.filter(function (row) { return row.status === status; })[0];
    };
    return { row: pick("learning") || pick("new"), count: rows.length };
  }

  function mockText(data) {
    var keys = Object.keys(data.mocks).sort();
    if (!keys.length) return "No mock interview yet.";
    var last = data.mocks[keys[keys.length - 1]];
    var grades = last.questions.map(function (question) { return question.grade; });
    var score = typeof last.score === "number" ? ", scored " + last.score + "%" : "";
    return "Last mock interview, " + day(keys[keys.length - 1]) + ": " +
      plural(last.questions.length, "question") + score +
      (grades.length ? ", graded " + grades.join(", ") : "") + ".";
  }

  function draw() {
    var board = document.querySelector(".handbook-dashboard");
    var progress = window.handbookProgress;
    if (!board) return;
    if (!progress) {
      // Instant navigation from a page without progress.js inserts both scripts
      // again, each loading on its own: draw once progress.js has come.
      var script = document.querySelector('script[src$="assets/progress.js"]');
      if (script) script.addEventListener("load", draw, { once: true });
      return;
    }
    var data = progress.load();
    var recorded = ["questions", "predictions", "reviews", "mocks"].some(function (kind) {
      return Object.keys(data[kind]).length > 0;
    });
    board.hidden = !recorded;
    if (!recorded) return;
    var now = Date.now();
    var total = parseInt(board.getAttribute("data-cards"), 10);
    board.querySelector("[data-dashboard='reviews']").textContent =
      reviewsText(data, total, now);
    var next = nextQuestion(data);
    var slot = board.querySelector("[data-dashboard='next']");
    slot.textContent = "";
    if (next.row) {
      slot.appendChild(document.createTextNode("Next question to learn: "));
      var link = document.createElement("a");
      link.href = next.row.link.getAttribute("href");
      link.textContent = next.row.link.textContent;
      slot.appendChild(link);
      slot.appendChild(document.createTextNode("."));
    } else {
      slot.textContent = "All " + next.count + " questions are marked known.";
    }
    board.querySelector("[data-dashboard='mock']").textContent = mockText(data);
  }

  if (!window.__handbookDashboard) {
    window.__handbookDashboard = true;
    // Progress marked in another tab shows here too.
    window.addEventListener("storage", function (event) {
      if (window.handbookProgress && event.key === window.handbookProgress.KEY) draw();
    });
  }
  // Instant navigation runs this script again each time it brings the home page back.
  draw();
})();
