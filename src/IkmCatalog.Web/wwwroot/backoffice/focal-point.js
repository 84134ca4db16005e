// Focal point picker: a click on the preview sets the focal point fields (percent of width and height) and
// moves the mark; typing in the fields moves the mark too. Without JavaScript the fields still work.
(function () {
  "use strict";
  var picker = document.querySelector("[data-focal-picker]");
  var x = document.querySelector("input[data-focal=x]");
  var y = document.querySelector("input[data-focal=y]");
  if (!picker || !x || !y) { return; }
  var image = picker.querySelector("img");
  var mark = picker.querySelector(".bo-focal-mark");

  function place() {
    var px = parseFloat(x.value), py = parseFloat(y.value);
    if (isNaN(px) || isNaN(py)) { mark.hidden = true; return; }
    mark.style.left = Math.min(100, Math.max(0, px)) + "%";
    mark.style.top = Math.min(100, Math.max(0, py)) + "%";
    mark.hidden = false;
  }

  image.addEventListener("click", function (event) {
    var box = image.getBoundingClientRect();
    x.value = (Math.round((event.clientX - box.left) / box.width * 1000) / 10).toString();
    y.value = (Math.round((event.clientY - box.top) / box.height * 1000) / 10).toString();
    place();
  });
  image.style.cursor = "crosshair";
  x.addEventListener("input", place);
  y.addEventListener("input", place);
  place();
})();
