/*
 * Progress: the reader marks each question new / learning / known and each prediction
 * right or wrong; the marks show in the navigation and the home page's question table,
 * and travel between devices as a file (export, import).
 *
 * Everything lives in this browser's localStorage under one key, `handbook-progress`
 * (the format is documented in docs/contributing.md, "Progress in the reader's browser"):
 *
 *   {"format": "python-interview-handbook/progress", "version": 1,
 *    "questions":   {"<slug>": {"status": "new|learning|known", "changed": "<ISO date>"}},
 *    "predictions": {"<slug>#<heading-id>": {"result": "right|wrong", "changed": "..."}},
 *    "reviews":     {"<card id>": {"card": {<ts-fsrs card, "due": "<ISO date>", ...>},
 *                                  "changed": "..."}},
 *    "mocks":       {"<started, ISO date>": {"questions": [...], ..., "changed": "..."}}}
 *
 * Each entry carries the date it changed: an import keeps the newer of two. The spaced
 * review (review.js) and the mock interview (mock-interview.js) read and write it
 * through `window.handbookProgress` (load, save, put, mark, problem, merge). Our own
 * code: a few dozen lines of storage and validation need no library.
 *
 * Loaded only by question pages and the home page (docs/overrides/main.html puts the
 * script in the page's content, which Material's instant navigation evaluates again on
 * every page that has it); once loaded it also marks the navigation of every page
 * instant navigation swaps in (`document$`).
 */
(function () {
  "use strict";

  if (window.handbookProgress) return; // evaluated again by instant navigation

  var KEY = "handbook-progress";
  var FORMAT = "python-interview-handbook/progress";
  var VERSION = 1;
  var STATUSES = ["new", "learning", "known"];
  var RESULTS = ["right", "wrong"];
  var SYMBOL = { learning: "\u25D0", known: "\u2713" }; // half circle, check mark

  function oneOf(field, allowed) {
    return function (entry) {
      return allowed.indexOf(entry[field]) < 0
        ? "has " + field + " " + JSON.stringify(entry[field]) + " (expected " + allowed.join(", ") + ")"
        : "";
    };
  }

  /* Each kind of entry, and what is wrong with one of them ("" if nothing). */
  var KINDS = {
    questions: oneOf("status", STATUSES),
    predictions: oneOf("result", RESULTS),
    // A card's FSRS state as ts-fsrs gives it (docs/assets/review.js), dates as ISO text.
    reviews: function (entry) {
      return isObject(entry.card) && !isNaN(Date.parse(entry.card.due))
        ? "" : 'has no card with a valid "due" date';
    },
    // A finished mock interview (docs/assets/mock-interview.js).
    mocks: function (entry) {
      return Array.isArray(entry.questions) ? "" : 'has no "questions" list';
    }
  };

  function empty() {
    var data = { format: FORMAT, version: VERSION };
    for (var kind in KINDS) data[kind] = {};
    return data;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* What is wrong with `data` as progress, in words a reader can act on; "" if nothing. */
  function problem(data) {
    if (!isObject(data)) return "it holds no progress object.";
    if (data.format !== FORMAT) {
      return 'its "format" is ' + JSON.stringify(data.format) + ', not "' + FORMAT + '".';
    }
    if (data.version !== VERSION) {
      return "it is version " + JSON.stringify(data.version) +
        "; this handbook reads version " + VERSION + ".";
    }
    for (var kind in KINDS) {
      var entries = data[kind] === undefined ? {} : data[kind];
      if (!isObject(entries)) return '"' + kind + '" is not an object.';
      for (var id in entries) {
        var entry = entries[id];
        var fault = isObject(entry) ? KINDS[kind](entry) : "is not an object";
        if (!fault && (typeof entry.changed !== "string" || isNaN(Date.parse(entry.changed)))) {
          fault = 'has no valid "changed" date';
        }
        if (fault) return kind + ' entry "' + id + '" ' + fault + ".";
      }
    }
    return "";
  }

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY));
      if (data && !problem(data)) {
        for (var kind in KINDS) data[kind] = data[kind] || {};
        return data;
      }
    } catch (error) {
      /* unreadable or blocked storage: start empty */
    }
    return empty();
  }

  function save(data) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
    } catch (error) {
      /* storage blocked: the marks hold for this page only */
    }
  }

  /* Store `entry` (its "changed" date set to now) as `kind`'s entry `id`. */
  function put(kind, id, entry) {
    var data = load();
    entry.changed = new Date().toISOString();
    data[kind][id] = entry;
    save(data);
    refresh();
  }

  /* Set one mark (`kind` "questions" or "predictions") and store it. */
  function mark(kind, id, field, value) {
    var entry = {};
    entry[field] = value;
    put(kind, id, entry);
  }

  /* Merge `incoming` into `data` in place, the newer `changed` winning; how many came. */
  function merge(data, incoming) {
    var brought = 0;
    Object.keys(KINDS).forEach(function (kind) {
      var entries = incoming[kind] || {};
      Object.keys(entries).forEach(function (id) {
        var mine = data[kind][id];
        if (!mine || Date.parse(entries[id].changed) > Date.parse(mine.changed)) {
          data[kind][id] = entries[id];
          brought += 1;
        }
      });
    });
    return brought;
  }

  /* Parse, check and merge a progress file's text; throws an Error naming the fault. */
  function importText(text) {
    var incoming;
    try {
      incoming = JSON.parse(text);
    } catch (error) {
      throw new Error("This is not a progress file: it is not JSON.");
    }
    var wrong = problem(incoming);
    if (wrong) throw new Error("This is not a progress file this handbook can read: " + wrong);
    var data = load();
    var brought = merge(data, incoming);
    save(data);
    refresh();
    return brought;
  }

  /* --- What the reader sees ---------------------------------------------------------- */

  function statusOf(data, slug) {
    var entry = data.questions[slug];
    return entry ? entry.status : "new";
  }

  // A question page's slug from a link (`questions/SLUG/` online, `questions/SLUG.html`
  // in the offline copy).
  var QUESTION_LINK = /\/questions\/([^/]+?)(?:\/(?:index\.html)?|\.html)$/;

  // A question still "new" shows no mark, and gets none until it has one to show: a
  // first visit changes nothing in the navigation (the theme's bundle and the browser
  // then have 25 fewer nodes to style and lay out, after the page is on screen).
  function markNavigation(data) {
    document.querySelectorAll(".md-nav--primary a.md-nav__link[href]").forEach(function (link) {
      var found = QUESTION_LINK.exec(link.pathname);
      if (!found || link.getAttribute("href").charAt(0) === "#") return;
      var status = statusOf(data, found[1]);
      var badge = link.querySelector(".handbook-progress-mark");
      if (!badge && status === "new") return;
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "handbook-progress-mark";
        badge.innerHTML = '<span aria-hidden="true"></span><span class="handbook-sr-only"></span>';
        link.appendChild(badge);
      }
      badge.setAttribute("data-status", status);
      badge.firstChild.textContent = SYMBOL[status] || "";
      badge.lastChild.textContent = status === "new" ? "" : " (" + status + ")";
    });
  }

  function predictionId(details, slug) {
    for (var at = details.previousElementSibling; at; at = at.previousElementSibling) {
      if (/^H[23]$/.test(at.tagName) && at.id) return slug + "#" + at.id;
    }
    return null;
  }

  function setUpPredictions(slug) {
    document.querySelectorAll(".md-typeset details.reveal").forEach(function (details) {
      var id = predictionId(details, slug);
      if (!id || details.querySelector(".handbook-prediction")) return;
      var box = document.createElement("div");
      box.className = "handbook-prediction";
      box.setAttribute("data-prediction", id);
      box.innerHTML =
        '<button type="button" class="md-button" data-result="right" aria-pressed="false">I got it right</button> ' +
        '<button type="button" class="md-button" data-result="wrong" aria-pressed="false">I got it wrong</button>';
      details.appendChild(box);
    });
  }

  /* Show the stored marks everywhere on this page. */
  function refresh() {
    var data = load();
    markNavigation(data);
    document.querySelectorAll("[data-progress-question]").forEach(function (cell) {
      cell.textContent = statusOf(data, cell.getAttribute("data-progress-question"));
    });
    document.querySelectorAll(".handbook-progress-status").forEach(function (group) {
      var status = statusOf(data, group.getAttribute("data-slug"));
      group.querySelectorAll("input").forEach(function (radio) {
        radio.checked = radio.value === status;
      });
    });
    document.querySelectorAll(".handbook-prediction").forEach(function (box) {
      var entry = data.predictions[box.getAttribute("data-prediction")];
      box.querySelectorAll("button").forEach(function (button) {
        var pressed = !!entry && entry.result === button.getAttribute("data-result");
        button.setAttribute("aria-pressed", String(pressed));
      });
    });
  }

  function download() {
    var text = JSON.stringify(load(), null, 2) + "\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = "handbook-progress-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); });
  }

  function say(panel, text, failed) {
    var message = panel.querySelector(".handbook-progress-message");
    message.textContent = text;
    message.classList.toggle("handbook-progress-message--error", failed);
  }

  function setUp() {
    var status = document.querySelector(".handbook-progress-status");
    if (status) {
      status.hidden = false;
      setUpPredictions(status.getAttribute("data-slug"));
    }
    document.querySelectorAll(".handbook-progress-backup").forEach(function (panel) {
      panel.hidden = false;
    });
    refresh();
  }

  // One set of listeners for every page instant navigation swaps in.
  document.addEventListener("change", function (event) {
    var target = event.target;
    var group = target.closest && target.closest(".handbook-progress-status");
    if (group && target.checked) {
      mark("questions", group.getAttribute("data-slug"), "status", target.value);
    }
    var panel = target.closest && target.closest(".handbook-progress-backup");
    if (panel && target.files && target.files[0]) {
      target.files[0].text().then(function (text) {
        try {
          var brought = importText(text);
          say(panel, "Imported " + brought + (brought === 1 ? " entry" : " entries") +
            " (the newer mark wins where both have one).", false);
        } catch (error) {
          say(panel, error.message + " Nothing stored was changed.", true);
        }
        target.value = "";
      });
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var result = target.closest(".handbook-prediction button");
    if (result) {
      var id = result.parentNode.getAttribute("data-prediction");
      mark("predictions", id, "result", result.getAttribute("data-result"));
    } else if (target.closest(".handbook-progress-export")) {
      download();
    }
  });
  // Marks made in another tab show here too.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) refresh();
  });

  // Run `setUp` once the page is parsed, and again on every page instant navigation
  // swaps in. The theme's bundle defines document$ (replaying the current page, then
  // each new one); like this script it starts after the first paint, after this one,
  // and says so with `handbook:theme` (hooks/after_paint.py). From file:// document$
  // never emits: every page is a full load. The trainers set themselves up through it.
  function onEveryPage(setUp) {
    function follow() {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(setUp);
      }
    }
    function start() {
      setUp();
      if (window.document$) follow();
      else document.addEventListener("handbook:theme", follow, { once: true });
    }
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  // The trainers' data: a script of about 100 KB gzipped (hooks/training.py) that the
  // page's #handbook-training-data points to. Like every script it is added once the
  // page is on screen (handbookScript, hooks/after_paint.py); written into the page,
  // it held the first paint back. `done` gets the data, each question's `url` made relative to this page, or
  // null if the script could not load; calls before it is there wait for the same one.
  var waitingForData = null;
  function trainingData(done) {
    var pointer = document.getElementById("handbook-training-data");
    if (!pointer) return done(null);
    var root = pointer.getAttribute("data-root");
    function give(data) {
      if (!data) return done(null);
      done({
        cards: data.cards,
        questions: data.questions.map(function (question) {
          return Object.assign({}, question, { url: root + question.url });
        })
      });
    }
    if (window.handbookTrainingData) return give(window.handbookTrainingData);
    if (waitingForData) return waitingForData.push(give);
    waitingForData = [give];
    function finish(data) {
      var waiting = waitingForData;
      waitingForData = null;
      waiting.forEach(function (callback) { callback(data); });
    }
    window.handbookScript(pointer.getAttribute("data-src"), function (loaded) {
      finish(loaded ? window.handbookTrainingData : null);
    });
  }

  // A trainer's box (.handbook-review, .handbook-mock), set up once per page:
  // `start(box, data)` once the data is there, else a line saying that `what` (its
  // cards, its questions) could not load. The box holds its place meanwhile
  // (handbook.css).
  function startTrainer(box, what, start) {
    if (!box || box.hasAttribute("data-ready") || box.hasAttribute("data-loading")) return;
    box.setAttribute("data-loading", "");
    trainingData(function (data) {
      box.removeAttribute("data-loading");
      if (!box.isConnected) return;
      if (!data) {
        box.setAttribute("data-failed", "");
        box.innerHTML = '<p role="alert">The ' + what +
          " could not be loaded: reload the page to try again.</p>";
        return;
      }
      box.removeAttribute("data-failed");
      box.setAttribute("data-ready", "");
      start(box, data);
    });
  }

  window.handbookProgress = {
    KEY: KEY, FORMAT: FORMAT, VERSION: VERSION,
    load: load, save: save, put: put, mark: mark, problem: problem, merge: merge,
    importText: importText, refresh: refresh, onEveryPage: onEveryPage,
    startTrainer: startTrainer
  };

  onEveryPage(setUp);
})();
