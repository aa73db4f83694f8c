// tqcheck's HTML report: selection, filters, keyboard, sorting and lazy file views.
// Everything it shows is markup tqcheck wrote; it never builds markup from text.
(function () {
  "use strict";
  var current = null;
  var hidden = { sev: {}, fam: {} };

  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function sectionOf(el) { return el.closest("section.file"); }
  function piecesOf(li) {
    return all(sectionOf(li), '.doc mark[data-f~="' + li.dataset.i + '"]');
  }
  function findingLi(section, i) { return section.querySelector('li.finding[data-i="' + i + '"]'); }
  function visible(li) { return !li.hidden; }

  function select(li, scroll) {
    if (current) {
      current.classList.remove("cur");
      piecesOf(current).forEach(function (m) { m.classList.remove("cur"); });
    }
    current = li;
    if (!li) { return; }
    li.classList.add("cur");
    var pieces = piecesOf(li);
    pieces.forEach(function (m) { m.classList.add("cur"); });
    var detail = sectionOf(li).querySelector(".detail");
    while (detail.firstChild) { detail.removeChild(detail.firstChild); }
    detail.appendChild(li.querySelector(".body").cloneNode(true));
    var rule = document.getElementById("rule-" + li.dataset.code);
    if (rule) { detail.appendChild(rule.querySelector("dl").cloneNode(true)); }
    if (scroll && pieces.length) { pieces[0].scrollIntoView({ block: "center" }); }
    li.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var items = all(document, "main section.file li.finding").filter(visible);
    if (!items.length) { return; }
    var at = items.indexOf(current);
    var next = at < 0 ? (step > 0 ? 0 : items.length - 1) : (at + step + items.length) % items.length;
    select(items[next], true);
  }

  function applyFilters(root) {
    all(root, "li.finding").forEach(function (li) {
      li.hidden = !!(hidden.sev[li.dataset.sev] || hidden.fam[li.dataset.fam]);
    });
    all(root, ".doc mark[data-f]").forEach(function (m) {
      var section = sectionOf(m);
      var shown = m.dataset.f.split(" ").some(function (i) { var li = findingLi(section, i); return li && !li.hidden; });
      m.classList.toggle("off", !shown);
    });
    if (current && current.hidden) { select(null); }
  }

  function showFile(hash) {
    var m = /^#file-(\d+)/.exec(hash || "");
    if (!m) { return; }
    var id = "file-" + m[1];
    if (document.getElementById(id)) { return; }
    var tpl = document.getElementById("view-" + m[1]);
    if (!tpl) { return; }
    var slot = document.getElementById("lazy");
    if (current && slot.contains(current)) { select(null); }
    while (slot.firstChild) { slot.removeChild(slot.firstChild); }
    slot.appendChild(tpl.content.cloneNode(true));
    applyFilters(slot);
    var section = document.getElementById(id);
    if (section) { section.scrollIntoView(); }
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var mark = t.closest && t.closest(".doc mark[data-f]");
    if (mark && !mark.classList.contains("off")) {
      var section = sectionOf(mark);
      var ids = mark.dataset.f.split(" ").filter(function (i) { var li = findingLi(section, i); return li && !li.hidden; });
      // A second click on a stretch several findings share moves to the next of them.
      var at = current && sectionOf(current) === section ? ids.indexOf(current.dataset.i) : -1;
      select(findingLi(section, ids[(at + 1) % ids.length]), false);
      return;
    }
    var pick = t.closest && t.closest("button.pick");
    if (pick) { select(pick.closest("li.finding"), true); return; }
    var copy = t.closest && t.closest("button.copy");
    if (copy) {
      // Where the clipboard is refused (some browsers on file://), the location is selected for Ctrl+C.
      var loc = copy.parentNode.querySelector(".loc");
      var fallback = function () {
        loc.textContent = copy.dataset.loc;
        window.getSelection().selectAllChildren(loc);
        copy.textContent = "press Ctrl+C";
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(copy.dataset.loc).then(function () { copy.textContent = "copied"; }, fallback);
      } else { fallback(); }
      return;
    }
    var sort = t.closest && t.closest("nav.index th button");
    if (sort) { sortIndex(sort.closest("th")); }
  });

  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (box.dataset.sev) { hidden.sev[box.dataset.sev] = !box.checked; }
    else if (box.dataset.fam) { hidden.fam[box.dataset.fam] = !box.checked; }
    else { return; }
    applyFilters(document);
  });

  document.addEventListener("mouseover", function (ev) {
    var mark = ev.target.closest && ev.target.closest(".doc mark[data-fam]");
    all(document, "mark.hov").forEach(function (m) { m.classList.remove("hov"); });
    if (!mark) { return; }
    var section = sectionOf(mark);
    section.classList.add("fam-hover");
    all(section, '.doc mark[data-fam~="' + mark.dataset.fam.split(" ")[0] + '"]').forEach(function (m) { m.classList.add("hov"); });
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") { return; }
    if (ev.key === "j" || ev.key === "n") { move(1); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "p") { move(-1); ev.preventDefault(); }
    else if (ev.key === "?") { var h = document.getElementById("help"); h.hidden = !h.hidden; }
    else if (ev.key === "Escape") { select(null); }
  });

  function sortIndex(th) {
    var key = th.dataset.key;
    var asc = th.getAttribute("aria-sort") !== "ascending";
    all(th.closest("tr"), "th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var body = th.closest("table").tBodies[0];
    var rows = all(body, "tr");
    rows.sort(function (a, b) {
      var x = a.dataset[key], y = b.dataset[key];
      var c = key === "path" ? x.localeCompare(y) : parseFloat(x) - parseFloat(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  window.addEventListener("hashchange", function () { showFile(location.hash); });
  showFile(location.hash);
}());
