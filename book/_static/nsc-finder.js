/* "Find your force": the measure that colours the tile map, and the list that filters as the
   reader types. Without scripts the map shows its first measure and the whole list. */
(function () {
  "use strict";
  function show(finder, measure) {
    finder.setAttribute("data-measure", measure);
    finder.querySelectorAll(".nsc-tile").forEach(function (tile) {
      tile.setAttribute("data-class", tile.getAttribute("data-" + measure));
    });
    finder.querySelectorAll(".nsc-tile-value, .nsc-map-legend").forEach(function (el) {
      el.hidden = el.getAttribute("data-for") !== measure;
    });
  }
  function setUp(finder) {
    finder.classList.add("nsc-js");
    var select = finder.querySelector("#nsc-map-measure");
    if (select) {
      select.addEventListener("change", function () { show(finder, select.value); });
      show(finder, select.value);
    }
  }
  function setUpList(list) {
    var input = list.querySelector("#nsc-force-filter");
    var count = list.querySelector("#nsc-force-count");
    if (!input) { return; }
    list.classList.add("nsc-js");
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      var shown = 0;
      list.querySelectorAll(".nsc-region").forEach(function (region) {
        var any = false;
        region.querySelectorAll("li[data-search]").forEach(function (li) {
          var text = li.getAttribute("data-search");
          var match = words.every(function (w) { return text.indexOf(w) !== -1; });
          li.hidden = !match;
          if (match) { any = true; shown += 1; }
        });
        region.hidden = !any;
      });
      count.textContent = shown === 1 ? "1 force" : shown + " forces";
    });
  }
  function init() {
    document.querySelectorAll(".nsc-finder").forEach(setUp);
    document.querySelectorAll(".nsc-force-list").forEach(setUpList);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
