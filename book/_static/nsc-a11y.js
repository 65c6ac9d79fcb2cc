/* Accessibility repairs to the theme's markup, and the compact banner's link. */
(function () {
  "use strict";
  document.documentElement.classList.add("nsc-js");
  function repair() {
    // The compact illustrative-data banner (phones) links to the methodology.
    var root = document.documentElement.getAttribute("data-content_root") || "";
    document.querySelectorAll("a.nsc-banner-link").forEach(function (a) {
      a.setAttribute("href", root + "book/methodology.html#illustrative-data");
    });
    // An earlier edition's notice links to the editions page at the site's root.
    document.querySelectorAll("a.nsc-newer-link").forEach(function (a) {
      a.setAttribute("href", root + (a.getAttribute("data-site-root") || "") +
        "book/editions.html");
    });
    // The primary sidebar (logo, search and chapter list) is a plain div in this theme
    // version; name it as navigation so that all content sits in a landmark.
    // The chapter list's expand/collapse toggles have no text of their own.
    document.querySelectorAll(".bd-sidebar-primary .has-children > details > summary")
      .forEach(function (summary) {
        var link = summary.parentElement.parentElement.querySelector(":scope > a");
        if (!summary.hasAttribute("aria-label")) {
          summary.setAttribute("aria-label", "Show or hide the pages under " +
            (link ? link.textContent.trim() : "this chapter"));
        }
      });
    var sidebar = document.querySelector(".bd-sidebar-primary");
    if (sidebar && !sidebar.hasAttribute("role")) {
      sidebar.setAttribute("role", "navigation");
      sidebar.setAttribute("aria-label", "The report");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", repair);
  } else {
    repair();
  }
})();
