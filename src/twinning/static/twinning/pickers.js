// Searchable pickers: every <select data-searchable> gains a search box (Tom Select, vendored
// from npm at build time). Without JavaScript, or without the library, it stays a plain select.
(function () {
  "use strict";
  function enhance(root) {
    if (typeof window.TomSelect !== "function") { return; }
    root.querySelectorAll("select[data-searchable]:not(.tomselected)").forEach(function (select) {
      var options = {
        maxOptions: null,
        allowEmptyOption: true,
        closeAfterSelect: !select.multiple,
        plugins: select.multiple ? ["remove_button"] : [],
        render: {
          no_results: function () {
            return '<div class="no-results">' + (document.documentElement.lang.indexOf("zh") === 0 ? "无匹配结果" : "Nothing matches") + "</div>";
          }
        }
      };
      // Tom Select moves the label to its own search box; the hidden select keeps its name.
      var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
      if (label && !select.hasAttribute("aria-label")) {
        select.setAttribute("aria-label", label.textContent.trim());
      }
      new window.TomSelect(select, options);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  // htmx swaps in new fragments (filters, results): enhance what arrives.
  document.addEventListener("htmx:afterSwap", function (event) { enhance(event.target); });
})();
