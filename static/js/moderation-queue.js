// Keyboard for the moderators' queue (templates/admin/comments/queue_change_list.html): j / k move
// between comments, a publishes, r rejects with the reason chosen in the action bar, s marks spam, p opens
// the newsroom reply. Every key presses a real button or link of the row, so the page works the same
// without this file. The row stays the same after a decision (the decided one leaves the queue).
// r without a reason focuses the reason list; Enter or Escape there comes back to the row.
// Loaded in the admin's <head> (ModelAdmin.Media): it waits for the rows.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var STORE = "moderation-queue-row";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#result_list tbody tr"));
  if (!rows.length) return;
  var current = -1;

  function select(index, focus) {
    if (index < 0 || index >= rows.length) return;
    if (current >= 0) rows[current].classList.remove("queue-current");
    current = index;
    var row = rows[current];
    row.classList.add("queue-current");
    row.setAttribute("tabindex", "-1");
    if (focus) {
      row.focus();
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  rows.forEach(function (row, index) {
    row.addEventListener("click", function () { select(index, false); });
    row.addEventListener("focusin", function () { if (current !== index) select(index, false); });
  });

  function reasonField(target) {
    return target && target.form && target.form.id === "changelist-form" &&
      (target.name === "listed_reason" || target.name === "reason");
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // In the action bar's reason fields (where r without a reason sends the moderator), Enter or Escape
    // goes back to the comment, to press r again. Enter would otherwise submit the list's form with
    // no action chosen, and lose the reason.
    if ((event.key === "Enter" || event.key === "Escape") && reasonField(event.target) && current >= 0) {
      event.preventDefault();
      select(current, true);
      return;
    }
    if (typing(event.target)) return;
    var key = event.key;
    if (key === "j" || key === "k") {
      event.preventDefault();
      select(current < 0 ? 0 : current + (key === "j" ? 1 : -1), true);
      return;
    }
    if (current < 0) return;
    var control = rows[current].querySelector('[data-queue-key="' + key + '"]');
    if (!control) return;
    event.preventDefault();
    if (key === "r") {
      var listed = document.querySelector('#changelist-form [name="listed_reason"]');
      var own = document.querySelector('#changelist-form [name="reason"]');
      if (listed && own && !listed.value && !own.value.trim()) {
        listed.focus(); // a rejection needs a reason: choose one, Enter, and r again
        return;
      }
    }
    try { window.sessionStorage.setItem(STORE, String(current)); } catch (e) { /* private mode */ }
    control.click();
  });

  var stored = null;
  try { stored = window.sessionStorage.getItem(STORE); window.sessionStorage.removeItem(STORE); } catch (e) { /* ignore */ }
  if (stored !== null) select(Math.min(parseInt(stored, 10) || 0, rows.length - 1), true);
  else select(0, false);

});
