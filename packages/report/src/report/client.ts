/**
 * The report's only script, inlined: sort the forms table by any column, filter
 * it by text, year, agency, kind and findings, and keep the per-form finding
 * lists in step with the rows shown. Plain DOM, no library, works offline.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  var table = document.getElementById("forms-table");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = document.getElementById("forms-shown");
  var controls = ["filter-text", "filter-year", "filter-agency", "filter-kind", "filter-findings"].map(function (id) { return document.getElementById(id); });
  function value(cell) {
    var v = cell.getAttribute("data-v");
    if (v === null) v = cell.textContent;
    var n = Number(v);
    return v !== "" && !isNaN(n) ? n : v.toLowerCase();
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    th.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = value(a.cells[index]), y = value(b.cells[index]);
        if (x === y) return 0;
        if (x === "") return 1;
        if (y === "") return -1;
        return (x < y ? -1 : 1) * (asc ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  function apply() {
    var text = controls[0].value.trim().toLowerCase();
    var year = controls[1].value, agency = controls[2].value, kind = controls[3].value, findings = controls[4].value;
    var visible = {};
    var count = 0;
    rows.forEach(function (r) {
      var d = r.dataset;
      var ok = (!text || r.textContent.toLowerCase().indexOf(text) >= 0) &&
        (!year || d.year === year) && (!agency || d.agency === agency) && (!kind || d.kind === kind) &&
        (!findings || (findings === "error" && d.errors !== "0") || (findings === "warning" && d.warnings !== "0") ||
          (findings === "any" && (d.errors !== "0" || d.warnings !== "0" || d.infos !== "0")) ||
          (findings === "none" && d.errors === "0" && d.warnings === "0" && d.infos === "0"));
      if (r.hidden === ok) r.hidden = !ok;
      if (ok) { visible[d.form] = true; count++; }
    });
    shown.textContent = "显示 " + count + " / " + rows.length + " 张表";
    Array.prototype.forEach.call(document.querySelectorAll(".form-findings"), function (el) {
      var hide = !visible[el.getAttribute("data-form")];
      if (el.hidden !== hide) el.hidden = hide;
    });
  }
  // No initial apply(): the page is served unfiltered with its count printed, and touching every row at load would cost a layout.
  controls.forEach(function (c) { c.addEventListener("input", apply); });
})();
`;
