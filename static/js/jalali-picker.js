/* A Solar Hijri (Jalali) date picker beside the admin's Jalali text fields (articles/jalali_forms.py).
 *
 * The text field stays the source of truth: typing works with or without this script; a picked day is
 * written into the field as an editor would type it (۱۴۰۵/۰۹/۱۴, keeping a time already typed). No inline
 * script or style: the field carries its labels and month names in data attributes, so the page works
 * under a Content Security Policy without 'unsafe-inline'. Keyboard: arrows move by a day or a week,
 * Page Up/Down by a month, Escape closes and returns to the button.
 *
 * Calendar arithmetic: the jalaali-js algorithm (Borkowski's breaks), the one jdatetime agrees with.
 */
(function () {
  "use strict";

  var BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
    2324, 2394, 2456, 3178];

  function div(a, b) { return ~~(a / b); }
  function mod(a, b) { return a - ~~(a / b) * b; }

  function jalCal(jy) {
    var gy = jy + 621, leapJ = -14, jp = BREAKS[0], jm, jump = 0, leap, n, i;
    for (i = 1; i < BREAKS.length; i += 1) {
      jm = BREAKS[i];
      jump = jm - jp;
      if (jy < jm) { break; }
      leapJ = leapJ + div(jump, 33) * 8 + div(mod(jump, 33), 4);
      jp = jm;
    }
    n = jy - jp;
    leapJ = leapJ + div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
    if (mod(jump, 33) === 4 && jump - n === 4) { leapJ += 1; }
    var leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
    var march = 20 + leapJ - leapG;
    if (jump - n < 6) { n = n - jump + div(jump + 4, 33) * 33; }
    leap = mod(mod(n + 1, 33) - 1, 4);
    if (leap === -1) { leap = 4; }
    return { leap: leap, gy: gy, march: march };
  }

  function g2d(gy, gm, gd) {
    var d = div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
    return d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
  }

  function d2g(jdn) {
    var j = 4 * jdn + 139361631;
    j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
    var i = div(mod(j, 1461), 4) * 5 + 308;
    var gd = div(mod(i, 153), 5) + 1, gm = mod(div(i, 153), 12) + 1;
    return { gy: div(j, 1461) - 100100 + div(8 - gm, 6), gm: gm, gd: gd };
  }

  function j2d(jy, jm, jd) {
    var r = jalCal(jy);
    return g2d(r.gy, 3, r.march) + (jm - 1) * 31 - div(jm, 7) * (jm - 7) + jd - 1;
  }

  function d2j(jdn) {
    var gy = d2g(jdn).gy, jy = gy - 621, r = jalCal(jy), k = jdn - g2d(gy, 3, r.march);
    if (k >= 0) {
      if (k <= 185) { return { jy: jy, jm: 1 + div(k, 31), jd: mod(k, 31) + 1 }; }
      k -= 186;
    } else {
      jy -= 1;
      k += 179;
      if (r.leap === 1) { k += 1; }
    }
    return { jy: jy, jm: 7 + div(k, 30), jd: mod(k, 30) + 1 };
  }

  function monthLength(jy, jm) {
    if (jm <= 6) { return 31; }
    if (jm <= 11) { return 30; }
    return jalCal(jy).leap === 0 ? 30 : 29;
  }

  var PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
  function fa(value) { return String(value).replace(/[0-9]/g, function (d) { return PERSIAN[+d]; }); }
  function latin(text) {
    return text.replace(/[۰-۹]/g, function (d) { return PERSIAN.indexOf(d); })
      .replace(/[٠-٩]/g, function (d) { return d.charCodeAt(0) - 0x660; });
  }
  function pad(n) { return n < 10 ? "0" + n : String(n); }

  var SHAPE = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(.*)$/;

  /* The day the field holds, or today. */
  function fieldDay(input) {
    var match = SHAPE.exec(latin(input.value));
    if (match) {
      var jy = +match[1], jm = +match[2], jd = +match[3];
      if (jy >= 1300 && jy <= 1500 && jm >= 1 && jm <= 12 && jd >= 1 && jd <= monthLength(jy, jm)) {
        return { jy: jy, jm: jm, jd: jd, rest: match[4].trim() };
      }
    }
    var now = new Date();
    var today = d2j(g2d(now.getFullYear(), now.getMonth() + 1, now.getDate()));
    return { jy: today.jy, jm: today.jm, jd: today.jd, rest: "", today: true };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function button(className, label, text) {
    var node = el("button", className, text);
    node.type = "button";
    node.setAttribute("aria-label", label);
    return node;
  }

  var ids = 0;

  function addToggle(input) {
    var next = input.nextElementSibling;
    if (next && next.classList.contains("jalali-picker-toggle")) { return; }  // a cloned inline row
    var toggle = button("jalali-picker-toggle", input.dataset.pickerOpen, input.dataset.pickerButton);
    toggle.setAttribute("aria-expanded", "false");
    input.insertAdjacentElement("afterend", toggle);
  }

  function close(toggle, refocus) {
    var panel = document.getElementById(toggle.getAttribute("aria-controls"));
    if (panel) { panel.remove(); }
    toggle.setAttribute("aria-expanded", "false");
    toggle.removeAttribute("aria-controls");
    if (refocus) { toggle.focus(); }
  }

  function open(toggle) {
    var input = toggle.previousElementSibling;
    var months = input.dataset.pickerMonths.split(",");
    var weekdays = input.dataset.pickerWeekdays.split(",");
    var picked = fieldDay(input);
    var shown = { jy: picked.jy, jm: picked.jm };
    var focusDay = picked.jd;

    var panel = el("div", "jalali-picker");
    panel.id = "jalali-picker-" + (ids += 1);
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", input.dataset.pickerOpen);
    var head = el("div", "jalali-picker-head");
    var prev = button("jalali-picker-prev", input.dataset.pickerPrev, "›");
    var next = button("jalali-picker-next", input.dataset.pickerNext, "‹");
    var title = el("h2", "jalali-picker-title");
    title.setAttribute("aria-live", "polite");
    var shut = button("jalali-picker-close", input.dataset.pickerClose, "×");
    head.append(prev, title, next, shut);
    var grid = el("table", "jalali-picker-grid");
    grid.setAttribute("role", "grid");
    panel.append(head, grid);

    function render(focus) {
      title.textContent = months[shown.jm - 1] + " " + fa(shown.jy);
      grid.textContent = "";
      var headRow = el("tr");
      weekdays.forEach(function (name) {
        var th = el("th", "", name);
        th.scope = "col";
        headRow.append(th);
      });
      grid.append(el("thead"));
      grid.tHead.append(headRow);
      var body = el("tbody");
      grid.append(body);
      var first = d2g(j2d(shown.jy, shown.jm, 1));
      var column = (new Date(Date.UTC(first.gy, first.gm - 1, first.gd)).getUTCDay() + 1) % 7;  // Saturday first
      var length = monthLength(shown.jy, shown.jm);
      focusDay = Math.min(focusDay, length);
      var row = el("tr");
      for (var blank = 0; blank < column; blank += 1) { row.append(el("td")); }
      for (var day = 1; day <= length; day += 1) {
        var cell = el("td");
        var pick = button("jalali-picker-day", fa(day) + " " + months[shown.jm - 1] + " " + fa(shown.jy), fa(day));
        pick.dataset.day = day;
        pick.tabIndex = day === focusDay ? 0 : -1;
        if (!picked.today && shown.jy === picked.jy && shown.jm === picked.jm && day === picked.jd) {
          pick.setAttribute("aria-pressed", "true");
        }
        cell.append(pick);
        row.append(cell);
        column += 1;
        if (column === 7 && day < length) {
          body.append(row);
          row = el("tr");
          column = 0;
        }
      }
      body.append(row);
      if (focus) { grid.querySelector('[data-day="' + focusDay + '"]').focus(); }
    }

    function move(months_, focus) {
      var index = shown.jy * 12 + shown.jm - 1 + months_;
      shown = { jy: div(index, 12), jm: mod(index, 12) + 1 };
      render(focus);
    }

    prev.addEventListener("click", function () { move(-1, false); });
    next.addEventListener("click", function () { move(1, false); });
    shut.addEventListener("click", function () { close(toggle, true); });
    grid.addEventListener("click", function (event) {
      var pick = event.target.closest(".jalali-picker-day");
      if (!pick) { return; }
      var text = shown.jy + "/" + pad(shown.jm) + "/" + pad(+pick.dataset.day);
      input.value = fa(text + (picked.rest ? " " + picked.rest : ""));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      close(toggle, false);
      input.focus();
    });
    grid.addEventListener("keydown", function (event) {
      var pick = event.target.closest(".jalali-picker-day");
      if (!pick) { return; }
      var steps = { ArrowLeft: 1, ArrowRight: -1, ArrowDown: 7, ArrowUp: -7 };  // right to left
      var day = +pick.dataset.day;
      if (event.key in steps) {
        var target = day + steps[event.key];
        var length = monthLength(shown.jy, shown.jm);
        if (target < 1) { move(-1, false); focusDay = monthLength(shown.jy, shown.jm) + target; render(true); }
        else if (target > length) { focusDay = target - length; move(1, true); }
        else { focusDay = target; render(true); }
      } else if (event.key === "PageUp" || event.key === "PageDown") {
        focusDay = day;
        move(event.key === "PageUp" ? -1 : 1, true);
      } else {
        return;
      }
      event.preventDefault();
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); close(toggle, true); }
    });

    render(false);
    // Below the field's row (the admin lays label, input and button out in a flex row).
    toggle.parentElement.insertAdjacentElement("afterend", panel);
    toggle.setAttribute("aria-expanded", "true");
    toggle.setAttribute("aria-controls", panel.id);
    grid.querySelector('[data-day="' + focusDay + '"]').focus();
  }

  function init(root) {
    root.querySelectorAll("input[data-jalali-picker]").forEach(function (input) {
      if (!input.name || input.name.indexOf("__prefix__") === -1) { addToggle(input); }
    });
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".jalali-picker-toggle");
    if (!toggle) { return; }
    if (toggle.getAttribute("aria-expanded") === "true") { close(toggle, false); } else { open(toggle); }
  });
  // Django's inlines announce each row they add ("Add another position").
  document.addEventListener("formset:added", function (event) { init(event.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }

  // For tests: the calendar arithmetic, checked against the server's.
  window.jalaliPicker = { toJalali: function (gy, gm, gd) { return d2j(g2d(gy, gm, gd)); },
    toGregorian: function (jy, jm, jd) { return d2g(j2d(jy, jm, jd)); } };
}());
