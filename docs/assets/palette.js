/*
 * The light/dark switch in the header, in place of the theme's own component.
 *
 * Why our own: at every page load the theme's component adds two <meta> elements to the
 * head (theme-color, color-scheme) and then sets the color-scheme one. Each color-scheme
 * change makes the browser restyle the whole page (a "platform colour change"), so the
 * switch cost two full style passes per load before the reader touched it: about 40 ms
 * of Lighthouse's total blocking time on the longest question pages (README.md, "What
 * keeps the pages light"). Here a load changes nothing when the page already
 * shows the right palette; the page's style sheets set `color-scheme` themselves, and
 * the theme-color <meta> is in the head from the start (docs/overrides/main.html),
 * right for both palettes, whose headers are the same indigo.
 *
 * What it keeps from the theme: the same markup (docs/overrides/partials/palette.html,
 * so the theme's styles apply), the same stored choice (`__palette`, through the theme's
 * own __md_get/__md_set, so the theme's inline script in <body> still applies it before
 * the first paint), the system's preference when nothing is stored, and Enter on the
 * switch picking the other palette. The header stays in place across instant
 * navigation, so this runs once.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-handbook-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input.md-option"));
  var COLOURS = ["media", "scheme", "primary", "accent"];

  function stored() {
    try {
      return window.__md_get("__palette");
    } catch (error) {
      return null; // storage blocked, or not JSON: fall back to the system's preference
    }
  }

  function initialIndex() {
    var palette = stored();
    if (palette && typeof palette.index === "number") {
      return Math.max(0, Math.min(palette.index, inputs.length - 1));
    }
    var matching = inputs.findIndex(function (input) {
      return window.matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    return Math.max(0, matching);
  }

  function colourOf(input) {
    var colour = {};
    COLOURS.forEach(function (name) {
      colour[name] = input.getAttribute("data-md-color-" + name);
    });
    return colour;
  }

  // Writes only what differs, so a load that needs no change makes none.
  function show(index) {
    var colour = colourOf(inputs[index]);
    COLOURS.forEach(function (name) {
      var attribute = "data-md-color-" + name;
      if (document.body.getAttribute(attribute) !== colour[name]) {
        document.body.setAttribute(attribute, colour[name]);
      }
    });
    inputs.forEach(function (input, at) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLLabelElement && label.hidden !== (at !== index)) {
        label.hidden = at !== index;
      }
    });
    return colour;
  }

  show(initialIndex());
  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index >= 0) window.__md_set("__palette", { index: index, color: show(index) });
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var index = inputs.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    var next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
