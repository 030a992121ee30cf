/*
 * Printing: a tab's label is printed above its content, since print shows every tab
 * (docs/assets/handbook.css, @media print). Re-run after each instant navigation.
 */
(function () {
  "use strict";

  function labelTabs() {
    document.querySelectorAll(".md-typeset .tabbed-set").forEach(function (set) {
      var labels = set.querySelectorAll(":scope > .tabbed-labels > label");
      var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
      blocks.forEach(function (block, index) {
        if (labels[index]) block.dataset.handbookLabel = labels[index].textContent.trim();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", labelTabs);
  } else {
    labelTabs();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(labelTabs);
  }
})();
