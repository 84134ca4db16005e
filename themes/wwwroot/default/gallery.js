// Product gallery: a thumbnail shows its photo as the main one; the main photo opens a full-screen viewer (a modal
// <dialog>) with previous/next buttons, the arrow keys and swipes. Without this script every photo is a plain link to
// the large image.
(function () {
  "use strict";
  var gallery = document.querySelector("[data-gallery]");
  var dialog = document.querySelector("[data-gallery-dialog]");
  if (!gallery || !dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var main = gallery.querySelector("[data-gallery-main]");
  var mainImage = main.querySelector("img");
  var thumbs = Array.prototype.slice.call(gallery.querySelectorAll("[data-gallery-thumb]"));
  var photos = thumbs.length ? thumbs : [main];
  var viewerImage = dialog.querySelector("[data-viewer-image]");
  var counter = dialog.querySelector("[data-viewer-counter]");
  var previous = dialog.querySelector("[data-viewer-previous]");
  var next = dialog.querySelector("[data-viewer-next]");
  var current = 0;
  var shown = 0;

  if (photos.length < 2) {
    previous.hidden = true;
    next.hidden = true;
    counter.hidden = true;
  }

  // The main photo becomes thumbnail i's: same crop, so the layout does not move.
  function select(i) {
    var thumb = thumbs[i];
    if (!thumb) {
      return;
    }
    current = i;
    mainImage.srcset = thumb.dataset.srcset;
    mainImage.src = thumb.dataset.src;
    mainImage.alt = thumb.dataset.alt;
    main.href = thumb.href;
    thumbs.forEach(function (t, j) {
      if (j === i) {
        t.setAttribute("aria-current", "true");
      } else {
        t.removeAttribute("aria-current");
      }
    });
  }

  function show(i) {
    shown = (i + photos.length) % photos.length;
    var photo = photos[shown];
    viewerImage.removeAttribute("srcset");
    viewerImage.src = photo.href;
    viewerImage.srcset = photo.dataset.fullSrcset;
    viewerImage.alt = photo.dataset.alt;
    counter.textContent = (shown + 1) + " / " + photos.length;
  }

  thumbs.forEach(function (thumb, i) {
    thumb.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
        return; // a new tab or window opens the large image as usual
      }
      event.preventDefault();
      select(i);
    });
  });

  main.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    show(current);
    dialog.showModal();
    dialog.querySelector("[data-viewer-close]").focus();
  });

  previous.addEventListener("click", function () { show(shown - 1); });
  next.addEventListener("click", function () { show(shown + 1); });
  dialog.querySelector("[data-viewer-close]").addEventListener("click", function () { dialog.close(); });

  dialog.addEventListener("keydown", function (event) {
    if (photos.length < 2) {
      return;
    }
    if (event.key === "ArrowLeft") {
      event.preventDefault();
      show(shown - 1);
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      show(shown + 1);
    }
  });

  // A click on the dark backdrop around the photo closes, as people expect of a full-screen photo.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close();
    }
  });

  // Escape closes natively; on any close the page shows the photo last viewed and focus goes back to it.
  dialog.addEventListener("close", function () {
    select(shown);
    main.focus();
  });

  var startX = null;
  var startY = 0;
  dialog.addEventListener("touchstart", function (event) {
    if (event.touches.length === 1) {
      startX = event.touches[0].clientX;
      startY = event.touches[0].clientY;
    } else {
      startX = null; // pinching, not swiping
    }
  }, { passive: true });
  dialog.addEventListener("touchend", function (event) {
    if (startX === null || photos.length < 2) {
      return;
    }
    var dx = event.changedTouches[0].clientX - startX;
    var dy = event.changedTouches[0].clientY - startY;
    startX = null;
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) {
      show(dx < 0 ? shown + 1 : shown - 1);
    }
  }, { passive: true });
})();
