/*
 * The handbook's search worker: Material's own, with identifiers read as typed.
 *
 * Material splits `keep-alive` or `dict.items` into two words and looks for either, each
 * as a prefix: `keep-alive` then ranks a page about `--keepdb` first. A reader typing an
 * identifier means the identifier, so this worker rewrites each such token into words
 * that must all be present (the last still a prefix, so results follow the typing):
 * `keep-alive` becomes `+keep +alive*`, `dict.items()` becomes `+dict +items*`. Versions
 * such as `3.12`, plain words, and queries already written in search syntax are passed
 * through untouched.
 *
 * scripts/handbook_tools/hooks/search.py writes this file next to Material's worker, fills in its name
 * below, and points the theme's configuration at this file. It works as a real worker
 * and under the iframe-worker shim of the offline copy.
 */
(function () {
  "use strict";

  var MATERIAL_WORKER = "__MATERIAL_WORKER__";
  var IDENTIFIER = /^\w+(?:(?:-|\.(?!\d))\w+)+$/;

  function rewrite(query) {
    if (/["+~^:*]|(^|\s)-/.test(query)) return query; // search syntax: leave it
    return query
      .split(/(\s+)/)
      .map(function (token) {
        var core = token.replace(/^\W+|\W+$/g, "");
        if (!IDENTIFIER.test(core)) return token;
        var parts = core.split(/-|\.(?!\d)/).filter(Boolean);
        return parts
          .map(function (part, index) {
            return "+" + part + (index === parts.length - 1 ? "*" : "");
          })
          .join(" ");
      })
      .join("");
  }

  var listen = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    return listen(
      type,
      function (event) {
        var message = event.data;
        if (message && message.type === 2 && typeof message.data === "string") {
          event = { data: { type: 2, data: rewrite(message.data) } };
        }
        return listener.call(this, event);
      },
      options
    );
  };
  self.handbookRewriteQuery = rewrite;

  // Material's worker lies next to this file. Under the iframe shim this script runs
  // as a <script> in a frame whose address is the page's, so resolve from the script.
  var here =
    typeof document !== "undefined" && document.currentScript
      ? document.currentScript.src
      : self.location.href;
  importScripts(new URL(MATERIAL_WORKER, here).href);
})();
