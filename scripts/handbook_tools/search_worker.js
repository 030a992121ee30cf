/*
 * The handbook's search worker: Material's own, with three changes for short technical
 * terms and a fourth for the first visit's weight (4, below). Material's worker takes
 * no options for these, hence this wrapper.
 *
 * 1. A typed token is one identifier. The site's separator (mkdocs.yml) splits
 *    `keep-alive`, `dict.items()` and camelCase such as `ETag` into words, and Material
 *    then looks for any of them, each as a prefix: `ETag` became `e* tag*`, and `e*`
 *    matches every word that starts with an e. A token the separator splits is rewritten
 *    into words that must all be present, the last still a prefix so results follow the
 *    typing: `ETag` becomes `+E +Tag*`, `dict.items()` `+dict +items*`, and `keep-`,
 *    half typed, `+keep*` (Material reads a trailing `-` as "without", which matches
 *    every section and takes seconds). Stop words are never indexed, so they are left
 *    out rather than required (`no-store` is `+store*`). Queries already written in
 *    search syntax are passed through untouched.
 * 2. Pages are ranked by their best sections, not their best one. Material indexes each
 *    section apart and orders pages by their single best section, so one code listing
 *    that repeats `404` five times outranked the page that names it in four sections. A
 *    page's rank here is the sum of its three best sections' scores: enough to tell a
 *    page that explains a term from one listing that repeats it, few enough that a long
 *    page's passing mentions (and the tags every section carries) do not pile up.
 *    Material's order within a page is kept.
 * 3. The highlight link (`?h=`) carries the searched words. Material builds it from the
 *    words a result matched, keyed by the split pieces (`e`, `tag`: the landing page
 *    would mark every `e`), and leaves it empty on a page whose matches are all in its
 *    sections. Each result's matched words are given back as the reader typed them,
 *    split only where Material's highlighter splits; a page takes its sections' words.
 *
 * scripts/handbook_tools/hooks/search.py writes this file next to Material's worker,
 * fills in its name and the full index's address below, and points the theme's
 * configuration at this file. It works as a real worker and under the iframe-worker
 * shim of the offline copy.
 */
(function () {
  "use strict";

  var MATERIAL_WORKER = "__MATERIAL_WORKER__";
  // The documents' file, relative to this one; empty when search_index.json holds them
  // (the offline copy).
  var FULL_INDEX = "__FULL_INDEX__";
  var READY = 1;
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var separator = /[\s-]+/; // Material's default, until the index brings the site's
  var highlightSeparator = separator;
  var queries = []; // queries sent to Material's worker, answered in order

  function isStopWord(word) {
    var lunr = self.lunr;
    return !!(lunr && lunr.stopWordFilter && !lunr.stopWordFilter(word.toLowerCase()));
  }

  function split(text, by) {
    return text.split(by).filter(Boolean);
  }

  // What the index makes of a token: its words, stop words left out.
  function words(token) {
    return split(token, separator).filter(function (word) {
      return !isStopWord(word);
    });
  }

  function rewrite(query) {
    if (/["+~^:*]|(^|\s)-/.test(query)) return query; // search syntax: leave it
    return query
      .split(/(\s+)/)
      .map(function (token) {
        var core = token.replace(/^\W+|\W+$/g, "");
        var parts = words(core);
        if (!core || !separator.test(token)) return token;
        if (!parts.length) return core; // stop words only, as `no-` half typed
        return parts
          .map(function (part, index) {
            return "+" + part + (index === parts.length - 1 ? "*" : "");
          })
          .join(" ");
      })
      .join("");
  }

  var SECTIONS_COUNTED = 3;

  function pageScore(group) {
    return group
      .map(function (item) {
        return item.score;
      })
      .sort(function (a, b) {
        return b - a;
      })
      .slice(0, SECTIONS_COUNTED)
      .reduce(function (total, score) {
        return total + score;
      }, 0);
  }

  function rank(groups) {
    return groups
      .map(function (group, index) {
        return { group: group, score: pageScore(group), index: index };
      })
      .sort(function (a, b) {
        return b.score - a.score || a.index - b.index;
      })
      .map(function (ranked) {
        return ranked.group;
      });
  }

  // The typed words whose indexed words were all found, per `matched` (Material's terms).
  function found(query, matched) {
    var seen = {};
    return split(query, highlightSeparator).filter(function (word) {
      var parts = words(word);
      var hit =
        parts.length > 0 &&
        !seen[word.toLowerCase()] &&
        parts.every(function (part) {
          return matched[part.toLowerCase()] === true;
        });
      seen[word.toLowerCase()] = true;
      return hit;
    });
  }

  function highlight(query, groups) {
    groups.forEach(function (group) {
      var page = {};
      group.forEach(function (item) {
        for (var term in item.terms) page[term] = page[term] || item.terms[term];
      });
      group.forEach(function (item) {
        var own = Object.keys(item.terms).length ? item.terms : page;
        var terms = {};
        for (var term in own) if (own[term] === false) terms[term] = false;
        found(query, own).forEach(function (word) {
          terms[word] = true;
        });
        item.terms = terms;
      });
    });
    return groups;
  }

  // Material's own highlighter drops the separator's pure lookaheads (the camelCase
  // split) before splitting the `h` words, and so must we.
  function withoutLookaheads(source) {
    return source
      .split("|")
      .filter(function (part) {
        return part.replace(/\(\?[!=<][^)]+\)/g, "").length > 0;
      })
      .join("|");
  }

  // Material's worker registers its message handler when it is imported; it is kept
  // here, and every message reaches it through receive() below.
  var materialHandler = null;
  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    materialHandler = listener;
  };

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === READY && held) return whenReady();
    if (message && message.type === RESULT) {
      var query = queries.shift() || "";
      message.data.items = highlight(query, rank(message.data.items));
    }
    return post.apply(self, arguments);
  };

  // Material's worker lies next to this file. Under the iframe shim this script runs
  // as a <script> in a frame whose address is the page's, so resolve from the script.
  var here =
    typeof document !== "undefined" && document.currentScript
      ? document.currentScript.src
      : self.location.href;

  function importMaterial() {
    if (!materialHandler) importScripts(new URL(MATERIAL_WORKER, here).href);
  }

  function deliver(message) {
    if (message.type === QUERY && typeof message.data === "string") {
      queries.push(message.data);
      message = { type: QUERY, data: rewrite(message.data) };
    }
    importMaterial();
    return materialHandler.call(self, { data: message });
  }

  // 4. The index waits for the first search. The page fetches a search_index.json that
  //    holds the configuration alone (scripts/handbook_tools/hooks/search.py); this
  //    worker answers its setup at once, and fetches the documents, with Material's
  //    worker and Lunr, only when the reader types a query. Messages that arrive
  //    meanwhile are held and delivered, in order, once Material's worker is ready.
  var held = null; // messages waiting for the full index, while it is fetched
  var lazySetup = null; // the page's setup message, documents still to come

  function loadFullIndex() {
    held = [];
    fetch(new URL(FULL_INDEX, here).href)
      .then(function (response) {
        if (!response.ok) throw new Error(FULL_INDEX + ": HTTP " + response.status);
        return response.json();
      })
      .then(function (index) {
        var data = lazySetup.data;
        deliver({
          type: SETUP,
          data: { config: data.config, docs: index.docs, options: data.options },
        });
      })
      .catch(function (error) {
        console.error("The search index could not be loaded:", error);
        held.splice(0).forEach(function (message) {
          if (message.type === QUERY) post({ type: RESULT, data: { items: [] } });
        });
        held = null; // the next query tries again
      });
  }

  function whenReady() {
    var waiting = held;
    held = null;
    lazySetup = null;
    waiting.forEach(deliver);
  }

  function receive(message) {
    if (!message) return;
    if (message.type === SETUP && message.data.config) {
      separator = new RegExp(message.data.config.separator);
      highlightSeparator = new RegExp(withoutLookaheads(separator.source));
      if (FULL_INDEX && message.data.docs.length === 0) {
        lazySetup = message;
        return post({ type: READY });
      }
    }
    if (lazySetup && !held && message.type === QUERY) {
      // The page sends the empty query as soon as search is ready: no index needed.
      if (!String(message.data).trim()) {
        return post({ type: RESULT, data: { items: [] } });
      }
      loadFullIndex();
    }
    if (held) return held.push(message);
    return deliver(message);
  }

  listen("message", function (event) {
    receive(event.data);
  });

  self.handbookSearch = { rewrite: rewrite, rank: rank, highlight: highlight };
  if (!FULL_INDEX) importMaterial();
})();
