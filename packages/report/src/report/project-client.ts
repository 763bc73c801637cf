/**
 * The project-history script, inlined after the forms table's: when a project
 * is chosen, read its years from the embedded JSON (parsed on first use, not
 * at load) and draw a table and a small SVG of budget, executed, rate and
 * score per year. Text goes in through textContent only, never as markup.
 */
export const PROJECT_SCRIPT = String.raw`
(function () {
  var select = document.getElementById("project-select");
  var out = document.getElementById("project-history");
  var source = document.getElementById("project-data");
  if (!select || !out || !source) return;
  var projects = null;
  var SVG = "http://www.w3.org/2000/svg";
  var KINDS = JSON.parse(source.getAttribute("data-kinds") || "{}");
  function num(v, d) { return v === null || v === undefined || !isFinite(v) ? "" : String(Number(v.toFixed(d === undefined ? 2 : d))); }
  function pct(v) { return v === null || v === undefined ? "" : num(v * 100, 2) + "%"; }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function chart(p) {
    var w = 560, h = 230, left = 50, bottom = 44, top = 28, right = 12;
    var years = p.years;
    var max = 0;
    years.forEach(function (y) { max = Math.max(max, y.budgetWan || 0, y.executedWan || 0); });
    if (max <= 0) max = 1;
    var slot = (w - left - right) / Math.max(1, years.length);
    var bw = Math.min(28, slot / 3);
    var s = svg("svg", { "class": "chart", "data-chart": "project-history", role: "img", viewBox: "0 0 " + w + " " + h, width: "100%", preserveAspectRatio: "xMidYMid meet" });
    s.appendChild(svg("title", {}, "项目历年预算与执行"));
    s.appendChild(svg("line", { x1: left, y1: h - bottom, x2: w - right, y2: h - bottom, stroke: "#444" }));
    s.appendChild(svg("text", { x: left - 4, y: top + 4, "text-anchor": "end", "font-size": 11 }, num(max)));
    years.forEach(function (y, i) {
      var cx = left + slot * i + slot / 2;
      [["budgetWan", "#aed6f1", "预算"], ["executedWan", "#2e86c1", "执行"]].forEach(function (b, j) {
        var v = y[b[0]];
        if (v === null) return;
        var bh = (h - top - bottom) * v / max;
        var r = svg("rect", { "class": "mark", "data-year": y.year === null ? "" : y.year, "data-value": v, x: cx - bw + j * bw, y: h - bottom - bh, width: bw - 2, height: Math.max(bh, 0.5), fill: b[1] });
        r.appendChild(svg("title", {}, (y.year || "年度不详") + " " + b[2] + num(v, 6) + "万元"));
        s.appendChild(r);
      });
      var label = (y.year === null ? "年度不详" : String(y.year));
      s.appendChild(svg("text", { x: cx, y: h - bottom + 14, "text-anchor": "middle", "font-size": 11 }, label));
      s.appendChild(svg("text", { x: cx, y: h - bottom + 28, "text-anchor": "middle", "font-size": 11, fill: y.rate !== null && y.rate < 0.6 ? "#c0392b" : "#222" }, (y.rate === null ? "" : pct(y.rate)) + (y.score === null ? "" : " · " + num(y.score) + "分")));
    });
    s.appendChild(svg("text", { x: w - right, y: 12, "text-anchor": "end", "font-size": 11 }, "浅：预算 深：执行（万元）；下：执行率 · 总分"));
    return s;
  }
  function render() {
    while (out.firstChild) out.removeChild(out.firstChild);
    var i = select.value;
    if (i === "") return;
    if (!projects) projects = JSON.parse(source.textContent).projects;
    var p = projects[Number(i)];
    if (!p) return;
    out.appendChild(el("h3", p.agency + " · " + p.name));
    out.appendChild(el("p", p.method === "project_id" ? "按项目库关联（project_id）" : "按单位与项目名称关联（去掉年度前缀、统一全半角标点）", { "class": "path" }));
    var table = el("table", null, { id: "project-history-table" });
    var head = el("tr");
    ["年度", "表", "预算(万元)", "执行(万元)", "执行率", "总分", "结论", "错误", "警告", "提示"].forEach(function (t) { head.appendChild(el("th", t)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    p.years.forEach(function (y) {
      var tr = el("tr", null, { "data-year": y.year === null ? "" : y.year });
      tr.appendChild(el("td", y.year === null ? "年度不详" : y.year, { "class": "n" }));
      var forms = el("td");
      y.forms.forEach(function (id, k) {
        if (k > 0) forms.appendChild(document.createTextNode(" "));
        forms.appendChild(el("a", k === 0 ? (KINDS[y.kind] || y.kind) : "另" + k, { href: "#form-" + id }));
      });
      tr.appendChild(forms);
      [num(y.budgetWan, 6), num(y.executedWan, 6), pct(y.rate), num(y.score), y.grade || ""].forEach(function (t, k) { tr.appendChild(el("td", t, k < 4 ? { "class": "n" } : {})); });
      [[y.errors, "sev-error"], [y.warnings, "sev-warning"], [y.infos, "sev-info"]].forEach(function (c) { tr.appendChild(el("td", c[0] || "", { "class": "n " + c[1] })); });
      body.appendChild(tr);
    });
    out.appendChild(chart(p));
    out.appendChild(table);
  }
  select.addEventListener("change", render);
  if (select.value !== "") render();
})();
`;
