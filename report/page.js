(function () {
  "use strict";
  var table = document.getElementById("ports");
  var tbody = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var rows = Array.prototype.slice.call(tbody.rows);
  var input = document.getElementById("q");
  var shown = document.getElementById("shown");
  var cols = {};
  for (var i = 0; i < heads.length; i++) cols[heads[i].getAttribute("data-col")] = i;
  var sortCol = -1, sortDesc = false;

  // Terms are separated by white space; "col:value" looks in one column,
  // and double quotes keep spaces in a value: product:"apache httpd".
  function parse(q) {
    var out = [], re = /(\w+:)?"([^"]*)"?|(\S+)/g, m;
    q = q.toLowerCase();
    while ((m = re.exec(q)) !== null) {
      var col = -1, s;
      if (m[3] !== undefined) {
        s = m[3];
        var c = /^(\w+):(.*)$/.exec(s);
        if (c && cols.hasOwnProperty(c[1])) { col = cols[c[1]]; s = c[2]; }
      } else {
        s = m[2];
        if (m[1]) {
          var name = m[1].slice(0, -1);
          if (cols.hasOwnProperty(name)) col = cols[name]; else s = m[1] + s;
        }
      }
      if (s !== "") out.push({ col: col, s: s });
    }
    return out;
  }

  function text(r) {
    if (r._t === undefined) r._t = r.textContent.toLowerCase();
    return r._t;
  }

  function cellText(r, i) {
    var key = "_c" + i;
    if (r[key] === undefined) r[key] = r.cells[i].textContent.toLowerCase();
    return r[key];
  }

  function filter() {
    var terms = parse(input.value), n = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], ok = true;
      for (var j = 0; j < terms.length && ok; j++) {
        var t = terms[j];
        ok = (t.col < 0 ? text(r) : cellText(r, t.col)).indexOf(t.s) >= 0;
      }
      if (r.hidden === ok) r.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = n === rows.length ? rows.length + " ports" : n + " of " + rows.length + " ports";
  }

  function sortBy(col, desc) {
    var num = heads[col].getAttribute("data-type") === "num";
    var keyed = rows.map(function (r, idx) {
      var c = r.cells[col], k = c.getAttribute("data-k");
      if (k === null) k = c.textContent;
      return { r: r, k: num ? parseFloat(k) || 0 : k.toLowerCase(), i: idx };
    });
    keyed.sort(function (a, b) {
      var d = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
      return d !== 0 ? (desc ? -d : d) : a.i - b.i;
    });
    var frag = document.createDocumentFragment();
    rows = keyed.map(function (x) { frag.appendChild(x.r); return x.r; });
    tbody.appendChild(frag);
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    heads[col].setAttribute("aria-sort", desc ? "descending" : "ascending");
    sortCol = col; sortDesc = desc;
  }

  function state() {
    var parts = [];
    if (input.value) parts.push("q=" + encodeURIComponent(input.value));
    if (sortCol >= 0) parts.push("sort=" + heads[sortCol].getAttribute("data-col") + (sortDesc ? "&desc=1" : ""));
    return parts.join("&");
  }

  function save() {
    try { history.replaceState(null, "", "#" + state()); } catch (e) { /* file: URLs may refuse */ }
  }

  // The fragment holds the view: #q=state:open&sort=port&desc=1.
  function load() {
    var h = location.hash.replace(/^#/, ""), p = {};
    if (!/(^|&)(q|sort)=/.test(h)) return false;
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) {
        try { p[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " ")); } catch (e) { /* bad escape */ }
      }
    });
    input.value = p.q || "";
    if (p.sort && cols.hasOwnProperty(p.sort)) sortBy(cols[p.sort], p.desc === "1");
    filter();
    return true;
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { filter(); save(); }, rows.length > 5000 ? 150 : 40);
  });
  for (var h = 0; h < heads.length; h++) {
    heads[h].addEventListener("click", function (ev) {
      var col = ev.currentTarget.cellIndex;
      sortBy(col, col === sortCol ? !sortDesc : false);
      save();
    });
  }
  document.getElementById("clear").addEventListener("click", function () {
    input.value = "";
    filter();
    save();
  });
  window.addEventListener("hashchange", function () {
    if (load()) document.getElementById("ports-section").scrollIntoView();
  });
  load();
  document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
})();
