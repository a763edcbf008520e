// Filter panels fold on phones and stand open on wide screens; without JavaScript they start
// folded, with the active-filter count in their summary.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.matchMedia("(min-width: 801px)").matches) { return; }
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  });
})();
