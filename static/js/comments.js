// Progressive enhancement for the comment thread: post, vote and report without leaving the page.
// Without this file every form still works as a plain post that redirects back.
(function () {
  "use strict";
  var section = document.querySelector("[data-comments]");
  if (!section || !window.fetch || !window.FormData) return;
  // Persian digits on Persian (right-to-left) pages, as the server draws them; Latin ones elsewhere.
  var digits = document.documentElement.dir === "rtl" ? "۰۱۲۳۴۵۶۷۸۹" : "0123456789";
  function localDigits(n) { return String(n).replace(/[0-9]/g, function (d) { return digits[d]; }); }
  var notices = section.querySelector("[data-notices]");
  var form = section.querySelector("[data-comment-form]");
  var home = form && form.parentNode;
  var homeNext = form && form.nextSibling;

  function notify(text, isError) {
    var p = document.createElement("p");
    p.className = "comment-notice" + (isError ? " comment-notice-error" : "");
    p.textContent = text;
    notices.textContent = "";
    notices.appendChild(p);
  }

  function send(url, data) {
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (json) { json.status = response.status; return json; });
    });
  }

  function clearErrors() {
    form.querySelectorAll(".comment-field-error, .comment-errors").forEach(function (el) { el.remove(); });
  }

  function resetReply() {
    form.querySelector("[name=parent]").value = "";
    form.querySelector("[data-cancel-reply]").hidden = true;
    var note = form.querySelector("[data-replying-to]");
    if (note) note.remove();
    home.insertBefore(form, homeNext);
  }

  // The one report form, moved under the comment being reported.
  var reportForm = section.querySelector("[data-report-form]");
  var reportHome = reportForm && reportForm.parentNode;
  var reportNext = reportForm && reportForm.nextSibling;
  function closeReport() {
    reportForm.hidden = true;
    reportHome.insertBefore(reportForm, reportNext);
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors();
      send(form.action, new FormData(form)).then(function (json) {
        if (json.ok) {
          notify(json.message, false);
          Object.keys(json.counts || {}).forEach(function (state) {
            var cell = section.querySelector('[data-count="' + state + '"]');
            if (cell) cell.textContent = localDigits(json.counts[state]);
          });
          var empty = section.querySelector("[data-empty]");
          if (empty && json.html) empty.remove();
          else if (empty && json.counts && json.counts.pending && !json.counts.published) {
            // A held comment: the counts now say one is waiting, and so does the thread.
            empty.textContent = empty.getAttribute("data-awaiting");
          }
          if (json.html) {
            var holder = document.createElement("div");
            holder.innerHTML = json.html;
            var parent = json.parent && document.getElementById("comment-" + json.parent);
            var list = parent ? parent.querySelector(".comment-replies") : section.querySelector("[data-thread]");
            if (parent && !list) { list = document.createElement("div"); list.className = "comment-replies"; parent.appendChild(list); }
            list.appendChild(holder.firstElementChild);
          }
          form.querySelector("textarea").value = "";
          resetReply();
          notices.scrollIntoView({ block: "nearest" });
          return;
        }
        var errors = json.errors || {};
        Object.keys(errors).forEach(function (name) {
          var field = form.querySelector("[name=" + name + "]");
          var span = document.createElement("span");
          span.className = "comment-field-error";
          span.setAttribute("role", "alert");
          span.textContent = errors[name].join(" ");
          if (field && field.type !== "hidden") field.parentNode.appendChild(span);
          else { span.className = "comment-errors"; form.insertBefore(span, form.firstElementChild.nextSibling); }
        });
        if (json.error) notify(json.error, true);
      }).catch(function () { form.submit(); });
    });
    form.querySelector("[data-cancel-reply]").addEventListener("click", function (event) {
      event.preventDefault();
      resetReply();
    });
  }
  if (reportForm) {
    reportForm.querySelector("[data-report-cancel]").addEventListener("click", closeReport);
  }

  // Reply and report are links (to ?reply=<id> and to the report page) for readers without JavaScript.
  section.addEventListener("click", function (event) {
    var link = event.target.closest(".comment-reply, .comment-report");
    if (!link) return;
    var comment = link.closest(".comment");
    var actions = comment.querySelector(".comment-actions");
    if (link.classList.contains("comment-reply")) {
      if (!form) return;
      event.preventDefault();
      form.querySelector("[name=parent]").value = comment.id.replace("comment-", "");
      form.querySelector("[data-cancel-reply]").hidden = false;
      var note = form.querySelector("[data-replying-to]");
      if (note) note.remove();  // the form now sits under the comment it answers
      actions.after(form);
      form.querySelector("textarea").focus();
    } else if (reportForm) {
      event.preventDefault();
      reportForm.action = link.href;
      reportForm.hidden = false;
      actions.after(reportForm);
      reportForm.querySelector("select").focus();
    }
  });

  section.addEventListener("submit", function (event) {
    var target = event.target;
    if (target.hasAttribute("data-vote-form")) {
      // Every like and dislike button submits this one form; the button names its comment (formaction).
      var button = event.submitter;
      if (!button) return;  // an old browser: the plain post still works
      event.preventDefault();
      var data = new FormData(target);
      data.append(button.name, button.value);
      send(button.formAction, data).then(function (json) {
        if (!json.ok) { notify(json.message, true); return; }
        var actions = button.parentNode;
        actions.querySelector("[data-likes]").textContent = localDigits(json.likes);
        actions.querySelector("[data-dislikes]").textContent = localDigits(json.dislikes);
        // This reader's vote now: the one pressed button, or none when the vote was withdrawn.
        actions.querySelectorAll("button[value]").forEach(function (b) {
          b.setAttribute("aria-pressed", b.value === json.vote ? "true" : "false");
        });
      });
    } else if (target.hasAttribute("data-report-form")) {
      event.preventDefault();
      send(target.action, new FormData(target)).then(function (json) {
        notify(json.message, !json.ok);
        closeReport();
      });
    }
  });
})();
