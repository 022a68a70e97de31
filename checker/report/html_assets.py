"""The stylesheet and script inlined into report.html.

They live in Python strings, not files, so an installed package carries them without
package-data configuration and the report never needs anything beside itself.
The script's hash goes into the page's Content-Security-Policy: only this exact script
may run, so even markup that slipped through escaping could not execute.
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff; --panel: #f6f8fa;
  --bad: #a40e26; --bad-bg: #ffebe9; --warn: #7d4e00; --warn-bg: #fff8c5;
  --good: #116329; --good-bg: #dafbe1; --quiet: #59636e; --quiet-bg: #f0f2f4; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 78rem; padding: 1.5rem; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 0; display: inline; }
code { font-size: .85em; }
a { color: #0550ae; }
.counts { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0; padding: 0; list-style: none; }
.counts li { min-width: 8.5rem; padding: .6rem .9rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
.counts b { display: block; font-size: 1.5rem; line-height: 1.2; }
.counts .c-contradiction { border-color: var(--bad); background: var(--bad-bg); }
.counts .c-single_source { border-color: #d4a72c; background: var(--warn-bg); }
.counts .c-agreement { border-color: #4ac26b; background: var(--good-bg); }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; margin: 1.25rem 0 0;
  padding: .6rem .9rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel);
  position: sticky; top: 0; z-index: 1; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .75rem; align-items: center; }
.filters legend { float: left; font-weight: 600; margin-right: .5rem; }
.filters label { white-space: nowrap; }
.finding { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.k-contradiction { border-left-color: var(--bad); }
.k-single_source { border-left-color: #d4a72c; }
.k-agreement { border-left-color: #4ac26b; }
.sev { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; padding: 0 .4rem;
  border-radius: 4px; margin-right: .5rem; border: 1px solid currentColor; }
.sev-error { color: var(--bad); } .sev-warning { color: var(--warn); } .sev-info { color: var(--quiet); }
.badge { font-size: .75rem; color: var(--muted); border: 1px dashed var(--muted); border-radius: 4px; padding: 0 .3rem; margin-left: .5rem; }
.key { color: var(--muted); font-weight: normal; }
.msg { margin: .4rem 0 .75rem; }
.groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; }
.group { background: var(--panel); border-radius: 6px; padding: .6rem .8rem; }
.value { font-size: 1.3rem; font-weight: 700; margin: 0; }
.k-contradiction .value { color: var(--bad); }
.sources { margin: 0 0 .5rem; color: var(--muted); }
.quotes { list-style: none; margin: 0; padding: 0; }
.quotes li { margin: .5rem 0 0; }
blockquote { margin: 0; padding: .1rem 0 .1rem .7rem; border-left: 3px solid var(--line); }
mark { background: #ffe066; padding: 0 .1em; border-radius: 2px; font-weight: 600; }
.cite { margin: .2rem 0 0; font-size: .85rem; color: var(--muted); }
.meta { margin: .6rem 0 0; font-size: .8rem; color: var(--muted); }
.none, .filtered { color: var(--muted); font-style: italic; }
.legend { margin: 0 0 .6rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
.matrix th.src { min-width: 7rem; }
.chip { padding: 0 .35rem; border-radius: 4px; white-space: nowrap; }
.cell .state { display: block; font-weight: 600; white-space: nowrap; }
.cell .val { display: block; font-size: .8rem; }
.s-contradicts { color: var(--bad); background: var(--bad-bg); }
.s-single { color: var(--warn); background: var(--warn-bg); }
.s-agrees { color: var(--good); background: var(--good-bg); }
.s-silent { color: var(--quiet); background: var(--quiet-bg); }
summary { cursor: pointer; }
body > details { margin: 1.5rem 0; }
body > details > summary { font-size: 1.1rem; font-weight: 600; }
.group details { margin: .3rem 0 0; }
.group summary { color: var(--muted); }
details table { margin-top: .6rem; }
td.date { white-space: nowrap; }
"""

JS = """
"use strict";
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-row]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section[data-kind]"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var typeSelect = form.elements.namedItem("type");
  var matrixNote = document.getElementById("matrix-filtered");

  function checked(name) {
    var set = {};
    boxes.forEach(function (box) { if (box.name === name && box.checked) { set[box.value] = true; } });
    return set;
  }

  // Show the findings that pass every filter, and the matrix rows that still have one.
  function apply() {
    var kinds = checked("kind"), severities = checked("severity"), type = typeSelect.value;
    var liveRows = {};
    findings.forEach(function (f) {
      var show = !!(kinds[f.dataset.kind] && severities[f.dataset.severity] && (!type || f.dataset.type === type));
      f.hidden = !show;
      if (show) { liveRows[f.dataset.row] = true; }
    });
    var shownRows = 0;
    rows.forEach(function (r) { r.hidden = !liveRows[r.dataset.row]; if (!r.hidden) { shownRows += 1; } });
    sections.forEach(function (s) {
      var all = s.querySelectorAll(".finding").length;
      var shown = s.querySelectorAll(".finding:not([hidden])").length;
      var note = s.querySelector(".filtered");
      note.hidden = shown === all;
      note.textContent = shown ? shown + " of " + all + " shown; the rest are hidden by the filters." : "All " + all + " hidden by the filters.";
    });
    if (matrixNote) {
      matrixNote.hidden = shownRows === rows.length;
      matrixNote.textContent = shownRows + " of " + rows.length + " rows shown; the rest are hidden by the filters.";
    }
  }

  // Filters can come from the address: #kind=contradiction,agreement&severity=error&type=x
  function fromHash() {
    var hash = window.location.hash.slice(1);
    if (hash.indexOf("=") < 0) { return; }
    var params = new URLSearchParams(hash);
    ["kind", "severity"].forEach(function (name) {
      if (!params.has(name)) { return; }
      var wanted = params.getAll(name).join(",").split(",");
      boxes.forEach(function (box) { if (box.name === name) { box.checked = wanted.indexOf(box.value) >= 0; } });
    });
    typeSelect.value = params.get("type") || "";
  }

  // Keep the address in step with the filters, so a filtered view can be shared.
  function toHash() {
    var params = new URLSearchParams();
    ["kind", "severity"].forEach(function (name) {
      var all = boxes.filter(function (b) { return b.name === name; });
      var on = all.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (on.length < all.length) { params.set(name, on.join(",")); }
    });
    if (typeSelect.value) { params.set("type", typeSelect.value); }
    var text = params.toString();
    try {
      window.history.replaceState(null, "", text ? "#" + text : window.location.pathname + window.location.search);
    } catch (e) { /* some file:// contexts refuse history changes; the filters still work */ }
  }

  form.addEventListener("change", function () { apply(); toHash(); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(); toHash(); }, 0); });
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  fromHash();
  apply();
})();
"""

SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src '{SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)
