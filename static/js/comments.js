// Progressive enhancement for the comment thread: post, vote and report without leaving the page.
// Without this file every form still works as a plain post that redirects back.
(function () {
  "use strict";
  var section = document.querySelector("[data-comments]");
  if (!section || !window.fetch || !window.FormData) return;
  var digits = "۰۱۲۳۴۵۶۷۸۹";
  function fa(n) { return String(n).replace(/[0-9]/g, function (d) { return digits[d]; }); }
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

  function send(target, extra) {
    var data = new FormData(target);
    if (extra) data.append(extra.name, extra.value);
    return fetch(target.action, {
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
    home.insertBefore(form, homeNext);
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearErrors();
      send(form).then(function (json) {
        if (json.ok) {
          notify(json.message, false);
          Object.keys(json.counts || {}).forEach(function (state) {
            var cell = section.querySelector('[data-count="' + state + '"]');
            if (cell) cell.textContent = fa(json.counts[state]);
          });
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
    form.querySelector("[data-cancel-reply]").addEventListener("click", resetReply);
  }

  section.addEventListener("click", function (event) {
    var link = event.target.closest("[data-reply]");
    if (!link || !form) return;
    event.preventDefault();
    var comment = document.getElementById("comment-" + link.getAttribute("data-reply"));
    form.querySelector("[name=parent]").value = link.getAttribute("data-reply");
    form.querySelector("[data-cancel-reply]").hidden = false;
    comment.querySelector(".comment-actions").after(form);
    form.querySelector("textarea").focus();
  });

  section.addEventListener("submit", function (event) {
    var target = event.target;
    if (target.hasAttribute("data-vote")) {
      event.preventDefault();
      var button = event.submitter || target.querySelector("button");
      send(target, { name: "value", value: button.value }).then(function (json) {
        if (!json.ok) { notify(json.message, true); return; }
        target.querySelector("[data-likes]").textContent = fa(json.likes);
        target.querySelector("[data-dislikes]").textContent = fa(json.dislikes);
      });
    } else if (target.hasAttribute("data-report")) {
      event.preventDefault();
      send(target).then(function (json) {
        notify(json.message, !json.ok);
        target.closest("details").open = false;
      });
    }
  });
})();
