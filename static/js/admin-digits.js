// Persian digits in the parts of Django's admin that write numbers themselves, on a Persian page: the
// count and page numbers under a list, the "0 of 4 selected" counter (Django's actions.js rewrites it
// on every tick of a checkbox), the sort priorities in column headings and the filters' counts. Our own
// messages, columns and pages write Persian digits on the server already.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  if (document.documentElement.lang !== "fa") return;
  var LATIN = /[0-9]/g;
  var HAS_LATIN = /[0-9]/;
  var SELECTOR = ".paginator, .action-counter, .sortpriority, #changelist-filter li a";

  function persian(element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (HAS_LATIN.test(node.nodeValue)) {
        node.nodeValue = node.nodeValue.replace(LATIN, function (digit) {
          return String.fromCharCode(0x06f0 + Number(digit));
        });
      }
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), persian);
  Array.prototype.forEach.call(document.querySelectorAll(".action-counter"), function (counter) {
    // Writing Persian digits changes the text again, but leaves no Latin digit: the observer stops there.
    new MutationObserver(function () { persian(counter); })
      .observe(counter, { childList: true, characterData: true, subtree: true });
  });
});
