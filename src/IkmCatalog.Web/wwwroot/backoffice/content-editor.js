// Edit forms: while the address field is empty and untouched, show the address that will be made from the
// Indonesian name as its placeholder (the server makes the same one, and keeps it unique).
(function () {
  "use strict";
  function slugify(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 156);
  }
  document.querySelectorAll("input[data-slug-from]").forEach(function (slug) {
    var source = document.getElementById(slug.getAttribute("data-slug-from"));
    if (!source) { return; }
    function update() { if (!slug.value) { slug.placeholder = slugify(source.value); } }
    source.addEventListener("input", update);
    update();
  });
})();
