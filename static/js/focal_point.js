// The focal point in the admin: a click on the preview sets the two numbers beside it and marks the
// point. Without this file the editor types the numbers (0..1 from the left and from the top).
(function () {
  "use strict";
  function round(value) { return Math.min(1, Math.max(0, Math.round(value * 100) / 100)); }
  function setUp(box) {
    var image = box.querySelector("img");
    var inputX = document.getElementById(box.dataset.focalX);
    var inputY = document.getElementById(box.dataset.focalY);
    if (!image || !inputX || !inputY) { return; }
    var marker = document.createElement("span");
    marker.className = "focal-marker";
    box.appendChild(marker);
    function place() {
      var x = parseFloat(inputX.value), y = parseFloat(inputY.value);
      marker.hidden = isNaN(x) || isNaN(y);
      marker.style.left = (round(x) * 100) + "%";
      marker.style.top = (round(y) * 100) + "%";
    }
    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      inputX.value = round((event.clientX - box.left) / box.width);
      inputY.value = round((event.clientY - box.top) / box.height);
      place();
    });
    inputX.addEventListener("input", place);
    inputY.addEventListener("input", place);
    place();
  }
  // The admin loads its scripts in <head>: wait for the form.
  function start() { document.querySelectorAll(".focal-point").forEach(setUp); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
