// The admin's preview link page: a "Copy" button next to the link (without JavaScript the link is
// still there to select by hand, and the button stays hidden).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-copy-target]")) {
    const field = document.getElementById(button.dataset.copyTarget);
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      field.select();
      navigator.clipboard.writeText(field.value).then(() => {
        button.textContent = button.dataset.copied;
      });
    });
  }
});
