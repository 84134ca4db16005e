// Markdown preview: every <textarea data-markdown-preview="ID"> is rendered by the server, with the same renderer
// as the public site, into the element with that id, once on load and again ~300 ms after typing stops. The
// antiforgery token comes from the page's hidden __RequestVerificationToken input. Without JavaScript, or when the
// server cannot be reached, the field works on its own and the preview simply stays as it was.
(function () {
  "use strict";
  var endpoint = "/backoffice/markdown/preview";
  var maxLength = 20000;
  var delay = 300;
  var token = document.querySelector("input[name='__RequestVerificationToken']");
  if (!token || !window.fetch || !window.URLSearchParams) { return; }

  function attach(field) {
    var output = document.getElementById(field.getAttribute("data-markdown-preview"));
    if (!output) { return; }
    var box = output.closest("[data-markdown-preview-box]") || output;
    var timer = 0;
    var latest = 0;
    output.setAttribute("aria-live", "polite");

    function render() {
      if (field.value.length > maxLength) { return; } // the server would refuse it; keep the last preview
      var request = ++latest;
      var body = new URLSearchParams();
      body.append("markdown", field.value);
      output.setAttribute("aria-busy", "true");
      fetch(endpoint, {
        method: "POST",
        credentials: "same-origin",
        redirect: "error", // a session that ran out answers with the sign-in page, which is no preview
        headers: { "RequestVerificationToken": token.value },
        body: body
      }).then(function (response) {
        if (!response.ok) { throw new Error("Preview failed: " + response.status); }
        return response.text();
      }).then(function (html) {
        // Only the answer to the latest text counts; an older one arriving late is dropped.
        if (request !== latest) { return; }
        output.innerHTML = html; // sanitised by the server's renderer, as on the public site
        box.hidden = false;
      }).catch(function () {
        // Leave the last good preview in place; the form itself is unaffected.
      }).then(function () {
        if (request === latest) { output.removeAttribute("aria-busy"); }
      });
    }

    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(render, delay);
    });
    render();
  }

  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-markdown-preview]"), attach);
})();
