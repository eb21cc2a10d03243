// Suggest street names while typing (progressive enhancement: the form works without this).
(function () {
  "use strict";
  var input = document.getElementById("straat");
  var list = document.getElementById("straat-suggesties");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = input.value.trim();
      if (text.length < 2 || text === last) { return; }
      last = text;
      fetch(input.dataset.suggestions + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { streets: [] }; })
        .then(function (data) {
          list.replaceChildren.apply(list, data.streets.map(function (name) {
            var option = document.createElement("option");
            option.value = name;
            return option;
          }));
        })
        .catch(function () {});
    }, 200);
  });
})();
