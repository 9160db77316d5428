// The article's short link: selected whole when focused, and a "Copy link" button beside it. Without
// this file the link is still a field to select and copy by hand, and the button stays hidden.
(function () {
  "use strict";
  for (const field of document.querySelectorAll("[data-select-on-focus]")) {
    field.addEventListener("focus", () => field.select());
    field.addEventListener("click", () => field.select());
  }
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("[data-copy-target]")) {
    const field = document.getElementById(button.dataset.copyTarget);
    const status = button.parentNode.querySelector("[data-copy-status]");
    if (!field) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", () => {
      field.select();
      navigator.clipboard.writeText(field.value).then(() => {
        button.textContent = button.dataset.copied;
        if (status) status.textContent = button.dataset.copied;
        setTimeout(() => { button.textContent = label; }, 3000);
      });
    });
  }
})();
