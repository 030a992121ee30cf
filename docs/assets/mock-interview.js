/*
 * The mock interview (docs/mock-interview.md): the reader picks how many questions, a
 * level and topics; each question is asked as an interviewer asks it, with a timer and a
 * notes box; the reader reveals the short answer and the rubric ("What the interviewer
 * listens for") and grades themself; the interviewer then asks one of that page's
 * follow-ups, graded the same way. At the end, a printable summary (grades, time, the
 * weakest topics with links), kept in the history.
 *
 * Reads the questions and cards from the data script hooks/training.py writes
 * (handbookProgress.startTrainer), which works from the offline copy too. Stores each
 * finished interview through window.handbookProgress (progress.js, loaded before this
 * script) as a "mocks" entry, keyed by when it started (the shape is documented in
 * docs/contributing.md):
 *
 *   {"questions": [{"slug", "grade", "seconds", "follow_up", "follow_up_grade"}],
 *    "count", "level", "topics", "seconds", "score", "finished", "changed"}
 *
 * Notes stay on the page: they are never stored. Our own code: no library runs an
 * interview; the order is shuffled with Math.random (Fisher-Yates), which a test can
 * replace to make it deterministic.
 *
 * Loaded in the page's content (docs/overrides/main.html): Material's instant navigation
 * evaluates it again on each visit, hence the guard; the page is set up again each time
 * (handbookProgress.onEveryPage).
 */
(function boot() {
  "use strict";

  if (window.handbookMock) return; // evaluated again by instant navigation
  // Instant navigation from a page without progress.js inserts both scripts again,
  // each loading on its own: wait for progress.js when this one comes first.
  if (!window.handbookProgress) {
    var progress = document.querySelector('script[src$="assets/progress.js"]');
    if (progress) progress.addEventListener("load", boot, { once: true });
    return;
  }

  // The rubric's Weak / Solid / Strong, and Missed for no answer; worth 0 to 3 points.
  var GRADES = ["missed", "weak", "solid", "strong"];
  var COUNTS = [3, 5, 8];
  var LEVELS = ["any", "beginner", "intermediate", "advanced"];

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  function capital(word) {
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  function clock(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return (minutes < 10 ? "0" : "") + minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function shuffled(items) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  function points(grade) {
    return GRADES.indexOf(grade);
  }

  /* Every grade of a stored interview, as points (a follow-up's too). */
  function allPoints(record) {
    var found = [];
    (record.questions || []).forEach(function (asked) {
      [asked.grade, asked.follow_up_grade].forEach(function (grade) {
        if (points(grade) >= 0) found.push(points(grade));
      });
    });
    return found;
  }

  /* The share of the points an interview could give, in percent. */
  function score(record) {
    var found = allPoints(record);
    if (!found.length) return 0;
    var sum = found.reduce(function (a, b) { return a + b; }, 0);
    return Math.round((100 * sum) / (3 * found.length));
  }

  function trainer(root, data) {
    var bySlug = {};
    data.questions.forEach(function (question) { bySlug[question.slug] = question; });
    var topics = [];
    data.questions.forEach(function (question) {
      question.tags.forEach(function (tag) {
        if (topics.indexOf(tag) < 0) topics.push(tag);
      });
    });
    topics.sort();

    root.innerHTML =
      '<div class="handbook-mock-stage"></div>' +
      '<section class="handbook-mock-history" aria-labelledby="handbook-mock-history">' +
      '<h2 id="handbook-mock-history">Past mock interviews</h2><div></div></section>';
    var stage = root.firstChild;
    var mock = null; // the interview under way
    var ticking = null;
    var lastChoice = null; // the setup of the interview just finished, for another one

    /* --- Setup ----------------------------------------------------------------------- */

    function radios(name, values, checked) {
      return values.map(function (value) {
        return '<label><input type="radio" name="' + name + '" value="' + value + '"' +
          (String(value) === String(checked) ? " checked" : "") + "> " +
          escape(capital(String(value))) + "</label>";
      }).join(" ");
    }

    function choice(form) {
      var chosen = {
        count: Number(form.elements.count.value),
        level: form.elements.level.value,
        topics: Array.prototype.filter.call(
          form.querySelectorAll("input[name=topic]"), function (box) { return box.checked; }
        ).map(function (box) { return box.value; })
      };
      chosen.matching = data.questions.filter(function (question) {
        return (chosen.level === "any" || question.level === chosen.level) &&
          (!chosen.topics.length || question.tags.some(function (tag) {
            return chosen.topics.indexOf(tag) >= 0;
          }));
      });
      return chosen;
    }

    function showMatches(form) {
      var chosen = choice(form);
      var found = chosen.matching.length;
      var asked = Math.min(found, chosen.count);
      form.querySelector(".handbook-mock-matches").textContent = found
        ? (found === 1 ? "1 question matches" : found + " questions match") +
          ": the interview asks " + asked + "."
        : "No question matches this level and these topics.";
      form.querySelector("button[type=submit]").disabled = !found;
    }

    function showSetup(last) {
      stopWatch();
      mock = null;
      last = last || { count: 5, level: "any", topics: [] };
      stage.innerHTML =
        '<form class="handbook-mock-setup" aria-labelledby="handbook-mock-setup">' +
        '<h2 id="handbook-mock-setup" tabindex="-1">Set up the interview</h2>' +
        "<fieldset><legend>How many questions</legend>" + radios("count", COUNTS, last.count) +
        "</fieldset><fieldset><legend>Level</legend>" + radios("level", LEVELS, last.level) +
        "</fieldset><fieldset><legend>Topics (none checked: all)</legend>" +
        topics.map(function (topic) {
          return '<label><input type="checkbox" name="topic" value="' + escape(topic) + '"' +
            (last.topics.indexOf(topic) >= 0 ? " checked" : "") + "> " + escape(topic) +
            "</label>";
        }).join(" ") +
        '</fieldset><p class="handbook-mock-matches" aria-live="polite"></p>' +
        '<p><button type="submit" class="md-button md-button--primary">Start</button></p>' +
        "</form>";
      showMatches(stage.firstChild);
    }

    /* --- The interview --------------------------------------------------------------- */

    function start(chosen) {
      var picked = shuffled(chosen.matching).slice(0, chosen.count);
      mock = {
        started: new Date().toISOString(),
        count: chosen.count, level: chosen.level, topics: chosen.topics,
        asked: picked.map(function (question) {
          var followUps = data.cards.filter(function (card) {
            return card.kind === "follow-up" && card.slug === question.slug;
          });
          return {
            question: question,
            followUp: followUps.length
              ? followUps[Math.floor(Math.random() * followUps.length)] : null,
            grade: null, followUpGrade: null, spent: 0
          };
        }),
        at: 0, followingUp: false
      };
      showStep();
    }

    // The timer counts the time spent answering: it stops while the answer is read.
    function elapsed() {
      var item = mock.asked[mock.at];
      return item.spent + (mock.since === null ? 0 : Date.now() - mock.since);
    }

    function tick() {
      var timer = stage.querySelector(".handbook-mock-timer");
      if (!root.isConnected || !mock || !timer) return stopWatch();
      timer.textContent = clock(Math.floor(elapsed() / 1000));
    }

    function startWatch() {
      mock.since = Date.now();
      ticking = window.setInterval(tick, 1000);
    }

    function stopWatch() {
      if (ticking !== null) window.clearInterval(ticking);
      ticking = null;
      if (mock && mock.since !== null) {
        mock.asked[mock.at].spent = elapsed();
        mock.since = null;
      }
    }

    function gradeButtons(what) {
      return '<fieldset class="handbook-mock-grade"><legend>Grade ' + what + "</legend>" +
        GRADES.map(function (grade) {
          return '<button type="button" class="md-button" data-grade="' + grade + '">' +
            capital(grade) + "</button>";
        }).join(" ") + "</fieldset>";
    }

    function showStep() {
      var item = mock.asked[mock.at];
      var question = item.question;
      var followingUp = mock.followingUp;
      var answer = followingUp
        ? item.followUp.prompt_html + "<h3 tabindex=\"-1\">The answer</h3>" +
          item.followUp.answer_html + gradeButtons("your answer to the follow-up")
        : '<h3 tabindex="-1">Short answer</h3>' + question.answer_html +
          "<h3>What the interviewer listens for</h3>" + question.rubric_html +
          '<p><a href="' + escape(question.url) + '">The whole answer: ' +
          escape(question.title) + "</a></p>" +
          gradeButtons("your answer against what the interviewer listens for");
      stage.innerHTML =
        '<section class="handbook-mock-step" aria-labelledby="handbook-mock-asked" data-slug="' +
        escape(question.slug) + '" data-step="' + (followingUp ? "follow-up" : "question") + '">' +
        '<p class="handbook-mock-where">Question ' + (mock.at + 1) + " of " + mock.asked.length +
        (followingUp ? ", follow-up" : "") + " · " + escape(question.level) + " · " +
        escape(question.tags.join(", ")) + "</p>" +
        '<h2 id="handbook-mock-asked" tabindex="-1">' +
        (followingUp ? item.followUp.front_html : escape(question.asked_as || question.title)) +
        "</h2>" +
        '<p class="handbook-mock-time">Time answering: ' +
        '<span class="handbook-mock-timer" role="timer">' + clock(Math.floor(item.spent / 1000)) +
        "</span></p>" +
        '<label for="handbook-mock-notes">Answer aloud or type notes (they are not kept)</label>' +
        '<textarea id="handbook-mock-notes" rows="4"></textarea>' +
        '<p class="handbook-mock-reveal"><button type="button" class="md-button md-button--primary">' +
        "Reveal the answer</button></p>" +
        '<div class="handbook-mock-answer" hidden>' + answer + "</div></section>";
      stage.querySelector("h2").focus();
      startWatch();
    }

    function reveal() {
      stopWatch();
      tick();
      var revealed = stage.querySelector(".handbook-mock-answer");
      revealed.hidden = false;
      stage.querySelector(".handbook-mock-reveal").remove();
      revealed.querySelector("h3").focus();
    }

    function grade(value) {
      var item = mock.asked[mock.at];
      if (mock.followingUp) {
        item.followUpGrade = value;
        mock.followingUp = false;
      } else {
        item.grade = value;
        mock.followingUp = !!item.followUp;
      }
      if (!mock.followingUp) mock.at += 1;
      if (mock.at < mock.asked.length) {
        showStep();
      } else {
        finish();
      }
    }

    function finish() {
      var record = {
        questions: mock.asked.map(function (item) {
          return {
            slug: item.question.slug,
            grade: item.grade,
            seconds: Math.round(item.spent / 1000),
            follow_up: item.followUp ? item.followUp.id : null,
            follow_up_grade: item.followUpGrade
          };
        }),
        count: mock.count, level: mock.level, topics: mock.topics
      };
      record.seconds = record.questions.reduce(function (sum, asked) {
        return sum + asked.seconds;
      }, 0);
      record.score = score(record);
      record.finished = new Date().toISOString();
      var last = { count: mock.count, level: mock.level, topics: mock.topics };
      window.handbookProgress.put("mocks", mock.started, record);
      mock = null;
      showSummary(record, last);
      showHistory();
    }

    /* --- The summary ----------------------------------------------------------------- */

    // The topics with the lowest average grade, lowest first (at most three).
    function weakest(record) {
      var byTag = {};
      record.questions.forEach(function (asked) {
        var question = bySlug[asked.slug];
        if (!question) return;
        var mine = allPoints({ questions: [asked] });
        question.tags.forEach(function (tag) {
          var entry = byTag[tag] = byTag[tag] || { tag: tag, points: [], questions: [] };
          entry.points = entry.points.concat(mine);
          entry.questions.push(question);
        });
      });
      return Object.keys(byTag).map(function (tag) {
        var entry = byTag[tag];
        entry.average = entry.points.reduce(function (a, b) { return a + b; }, 0) /
          Math.max(entry.points.length, 1);
        return entry;
      }).filter(function (entry) {
        return entry.average < 3;
      }).sort(function (a, b) {
        return a.average - b.average || (a.tag < b.tag ? -1 : 1);
      }).slice(0, 3);
    }

    function label(value) {
      return points(value) >= 0 ? capital(value) : "\u2014";
    }

    function showSummary(record, last) {
      var rows = record.questions.map(function (asked) {
        var question = bySlug[asked.slug] || { title: asked.slug, url: "" };
        var followUp = data.cards.filter(function (card) { return card.id === asked.follow_up; })[0];
        return "<tr><td>" + escape(question.title) +
          (followUp ? '<br><span class="handbook-mock-follow-up">Follow-up: ' +
            followUp.front_html + "</span>" : "") +
          "</td><td>" + label(asked.grade) + "</td><td>" + label(asked.follow_up_grade) +
          "</td><td>" + clock(asked.seconds) + "</td></tr>";
      }).join("");
      var weak = weakest(record);
      stage.innerHTML =
        '<section class="handbook-mock-summary" aria-labelledby="handbook-mock-summary">' +
        '<h2 id="handbook-mock-summary" tabindex="-1">Summary</h2>' +
        '<p class="handbook-mock-result">Score: <strong>' + record.score + " %</strong> · " +
        "total time answering: <strong>" + clock(record.seconds) + "</strong></p>" +
        '<table class="handbook-mock-table"><thead><tr><th scope="col">Question</th>' +
        '<th scope="col">Grade</th><th scope="col">Follow-up grade</th>' +
        '<th scope="col">Time</th></tr></thead><tbody>' + rows + "</tbody></table>" +
        "<h3>Weakest topics</h3>" +
        (weak.length
          ? '<ul class="handbook-mock-weakest">' + weak.map(function (entry) {
              return "<li><strong>" + escape(entry.tag) + "</strong> (average " +
                entry.average.toFixed(1) + " of 3): " +
                entry.questions.map(function (question) {
                  return '<a href="' + escape(question.url) + '">' + escape(question.title) + "</a>";
                }).join(", ") + "</li>";
            }).join("") + "</ul>"
          : "<p>None: every answer was Strong.</p>") +
        '<p class="handbook-mock-controls">' +
        '<button type="button" class="md-button md-button--primary" data-action="print">Print</button> ' +
        '<button type="button" class="md-button" data-action="again">Another mock interview</button></p>' +
        "</section>";
      stage.querySelector("h2").focus();
      lastChoice = last;
    }

    /* --- History --------------------------------------------------------------------- */

    function showHistory() {
      var mocks = window.handbookProgress.load().mocks;
      var started = Object.keys(mocks).sort().reverse();
      var list = root.querySelector(".handbook-mock-history div");
      list.innerHTML = started.length
        ? '<ol class="handbook-mock-past">' + started.map(function (key) {
            var record = mocks[key];
            var count = (record.questions || []).length;
            var when = new Date(key);
            return '<li><time datetime="' + escape(key) + '">' +
              escape(isNaN(when) ? key : when.toLocaleString(undefined, {
                dateStyle: "medium", timeStyle: "short"
              })) + "</time>: " + count + (count === 1 ? " question" : " questions") +
              ", score " + (typeof record.score === "number" ? record.score : score(record)) +
              " %</li>";
          }).join("") + "</ol>"
        : "<p>None yet: each finished interview is listed here, newest first.</p>";
    }

    /* --- Events ---------------------------------------------------------------------- */

    root.addEventListener("change", function (event) {
      var form = event.target.closest("form");
      if (form) showMatches(form);
    });
    root.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = choice(event.target);
      if (chosen.matching.length) start(chosen);
    });
    root.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target.closest("button") : null;
      if (!target) return;
      if (target.parentNode.classList.contains("handbook-mock-reveal")) {
        reveal();
      } else if (target.hasAttribute("data-grade")) {
        grade(target.getAttribute("data-grade"));
      } else if (target.getAttribute("data-action") === "print") {
        window.print();
      } else if (target.getAttribute("data-action") === "again") {
        showSetup(lastChoice);
        stage.querySelector("h2").focus();
      }
    });

    showSetup();
    showHistory();
  }

  function setUp() {
    var box = document.querySelector(".handbook-mock");
    window.handbookProgress.startTrainer(box, "questions", trainer);
  }

  window.handbookMock = { setUp: setUp };

  window.handbookProgress.onEveryPage(setUp);
})();
