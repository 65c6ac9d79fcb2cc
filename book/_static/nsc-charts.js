/* Draws every report chart with the site's own copy of vega-embed (no network). */
(function () {
  "use strict";
  function render(el) {
    var specEl = document.getElementById(el.getAttribute("data-spec"));
    if (!specEl || typeof window.vegaEmbed !== "function") { return; }
    var spec = JSON.parse(specEl.textContent);
    window.vegaEmbed(el, spec, { renderer: "svg", actions: false }).then(function () {
      // The container carries the text alternative; the drawing itself is decoration.
      var svg = el.querySelector("svg");
      if (svg) { svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false"); }
      el.classList.add("nsc-chart-rendered");
    }).catch(function () {
      el.classList.add("nsc-chart-failed");
      el.textContent = "This chart could not be drawn. Its data table follows.";
    });
  }
  function renderAll() {
    var els = document.querySelectorAll(".nsc-chart-canvas[data-spec]");
    for (var i = 0; i < els.length; i++) { render(els[i]); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
