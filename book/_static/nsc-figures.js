/* A glued figure links to its entry in the register of figures ("Where each figure comes
   from"); on hover or keyboard focus it shows that entry's one-line definition. The tip is
   hidden from assistive technology (the link's text is what a screen reader reads, and the
   register has the definition); it stays while hovered and Escape dismisses it. */
(function () {
  "use strict";
  var tip = null, owner = null, timer = null;

  function hide() {
    if (tip) { tip.hidden = true; }
    owner = null;
  }
  function show(link) {
    clearTimeout(timer);
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "nsc-figure-tip";
      tip.setAttribute("aria-hidden", "true");
      tip.addEventListener("mouseenter", function () { clearTimeout(timer); });
      tip.addEventListener("mouseleave", later);
      document.body.appendChild(tip);
    }
    owner = link;
    tip.textContent = link.getAttribute("data-definition");
    tip.hidden = false;
    var box = link.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(box.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(hide, 300);
  }
  function init() {
    document.querySelectorAll("a.nsc-figure[data-definition]").forEach(function (link) {
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("mouseleave", later);
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && owner) { hide(); }
    });
    // The register folds each force's figures away: open the one a link points into.
    var open = function () {
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      var folded = target && target.closest("details");
      if (folded) { folded.open = true; target.scrollIntoView(); }
    };
    window.addEventListener("hashchange", open);
    open();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
