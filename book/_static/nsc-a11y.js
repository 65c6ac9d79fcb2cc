/* Accessibility repairs to the theme's markup. */
(function () {
  "use strict";
  function repair() {
    // The primary sidebar (logo, search and chapter list) is a plain div in this theme
    // version; name it as navigation so that all content sits in a landmark.
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
