/* opcc-model site: filter the embedded index of activities and PAG codes (no server, works from file://). */
(function () {
  "use strict";
  var data = document.getElementById("search-index");
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var count = document.getElementById("count");
  if (!data || !input || !list) { return; }
  var entries = JSON.parse(data.textContent);
  var kinds = document.querySelectorAll("input[name=kind]");

  function matches(entry, words) {
    var text = (entry.id + " " + entry.name + " " + entry.context + " " + entry.codes.join(" ")).toLowerCase();
    return words.every(function (word) {
      if (/^[0-9.]+$/.test(word)) {
        return entry.codes.some(function (code) { return code === word || code.indexOf(word + ".") === 0; }) ||
          text.indexOf(word) !== -1;
      }
      return text.indexOf(word) !== -1;
    });
  }

  function shown() {
    var on = {};
    kinds.forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }

  function update() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var on = shown();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var found = 0;
    entries.forEach(function (entry) {
      if (!on[entry.kind] || !matches(entry, words)) { return; }
      found += 1;
      var item = document.createElement("li");
      var tag = document.createElement("span");
      tag.className = "kind";
      tag.textContent = entry.kind === "code" ? entry.id : entry.codes.join(", ");
      var link = document.createElement("a");
      link.href = entry.href;
      link.textContent = entry.name;
      item.appendChild(tag);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(link);
      if (entry.context) {
        var where = document.createElement("span");
        where.className = "muted";
        where.textContent = " in " + entry.context;
        item.appendChild(where);
      }
      list.appendChild(item);
    });
    count.textContent = found + (found === 1 ? " match" : " matches");
  }

  input.addEventListener("input", update);
  kinds.forEach(function (box) { box.addEventListener("change", update); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; }
  update();
}());
