// Checkout: the regency/city list follows the chosen province at once. Without this script the buyer presses
// "Show regencies and cities" and the server sends the form back with the list filled.
(function () {
  "use strict";
  var province = document.getElementById("Province");
  var city = document.getElementById("City");
  if (!province || !city || !city.dataset.citiesUrl) {
    return;
  }
  var refresh = document.querySelector("button[name=refresh]");
  if (refresh) {
    refresh.hidden = true;
  }
  province.addEventListener("change", function () {
    var placeholder = city.options[0];
    var url = city.dataset.citiesUrl + "?province=" + encodeURIComponent(province.value);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (cities) {
        city.length = 0;
        placeholder.textContent = cities.length ? city.dataset.choose : city.dataset.chooseProvince;
        city.add(placeholder);
        cities.forEach(function (c) { city.add(new Option(c.name, c.code)); });
        city.value = "";
      })
      .catch(function () {
        if (refresh) {
          refresh.hidden = false;
        }
      });
  });
})();
