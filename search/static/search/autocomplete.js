// Suggestions for the search box: fills a <datalist> from /zoeken/suggesties/.
// Progressive enhancement: without this script the form works the same.
(function () {
  "use strict";
  var input = document.getElementById("search-page-input");
  if (!input || !window.fetch) { return; }
  var form = input.form;
  var endpoint = form.getAttribute("action") + "suggesties/";
  var list = document.createElement("datalist");
  list.id = "search-page-suggestions";
  form.appendChild(list);
  input.setAttribute("list", list.id);
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var text = input.value.trim();
      if (text.length < 2 || text === last) { return; }
      last = text;
      fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          list.textContent = "";
          (data.suggestions || []).forEach(function (title) {
            var option = document.createElement("option");
            option.value = title;
            list.appendChild(option);
          });
        })
        .catch(function () { list.textContent = ""; });
    }, 250);
  });
})();
