// Autocomplete for search boxes marked with data-suggest (the suggestion endpoint's URL). Progressive enhancement:
// without this script the box is a plain form that opens the search page. Follows the ARIA combobox pattern:
// the input owns a listbox, arrow keys move aria-activedescendant, Enter opens the active suggestion, Escape closes.
(function () {
  "use strict";
  var counter = 0;

  function enhance(input) {
    var id = "suggest-" + (++counter);
    var list = document.createElement("ul");
    list.id = id;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "");
    list.hidden = true;
    input.parentNode.insertBefore(list, input.nextSibling);
    input.parentNode.classList.add("suggest-host");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    var items = [];
    var active = -1;
    var timer = 0;
    var request = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(found) {
      items = found;
      list.textContent = "";
      found.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "suggest-option suggest-" + item.type;
        option.textContent = item.name; // text, never HTML
        option.addEventListener("mousedown", function (e) {
          e.preventDefault(); // keep focus in the input until we navigate
          window.location.href = item.url;
        });
        list.appendChild(option);
      });
      active = -1;
      if (found.length > 0) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) {
        render([]);
        return;
      }
      var mine = ++request;
      var url = input.getAttribute("data-suggest");
      fetch(url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) { if (mine === request) { render(data.items || []); } })
        .catch(function () { render([]); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (list.hidden || items.length === 0) {
          return;
        }
        e.preventDefault();
        var next = e.key === "ArrowDown" ? active + 1 : active - 1;
        highlight((next + items.length) % items.length);
      } else if (e.key === "Enter" && !list.hidden && active >= 0) {
        e.preventDefault();
        window.location.href = items[active].url;
      } else if (e.key === "Escape" && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () { close(); });
  }

  function start() {
    var inputs = document.querySelectorAll("input[data-suggest]");
    for (var i = 0; i < inputs.length; i++) {
      enhance(inputs[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
