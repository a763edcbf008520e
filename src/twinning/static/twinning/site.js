// Small behaviours of the pages, kept out of the templates so a CSP of script-src 'self' holds.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.matches("[data-submit-on-change]") && target.form) {
    target.form.submit();
  }
});
document.addEventListener("click", (event) => {
  const box = event.target;
  if (box instanceof HTMLInputElement && box.matches("[data-select-all]")) {
    document.querySelectorAll(`input[name="${box.dataset.selectAll}"]`).forEach((other) => {
      other.checked = box.checked;
    });
  }
});
