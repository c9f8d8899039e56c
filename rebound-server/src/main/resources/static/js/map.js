// The dependency map: systems and processes in columns from cause (left) to business consequence
// (right), coloured by state. A click loads the node's facts into the side panel; the map redraws
// whenever the server announces a change, keeping the user's zoom.
(function () {
  "use strict";

  var element = document.getElementById("map");
  if (!element || typeof echarts === "undefined") {
    return;
  }
  var chart = echarts.init(element, null, { renderer: "canvas" });
  var onlyDown = document.getElementById("only-down");
  // Rows are spaced for a readable label; columns share the width, leaving room on the right for the
  // process names. The map grows tall rather than shrinking nodes until they overlap.
  var ROW = 18, MARGIN = 24, PROCESS_LABELS = 230;
  var colours = {
    out: "#b3261e", waits: "#e8958e", suspect: "#c98a00", ok: "#2e8b4a", degraded: "#c98a00"
  };
  var latest = null;

  function colour(node) {
    if (node.type === "process") {
      return node.state === "up" ? colours.ok : node.state === "degraded" ? colours.degraded : colours.out;
    }
    if (["compromised", "isolated", "recovering"].indexOf(node.state) >= 0) {
      return colours.out;
    }
    if (!node.available) {
      return colours.waits;
    }
    return node.state === "suspected" ? colours.suspect : colours.ok;
  }

  function draw(map) {
    latest = map;
    var column = Math.max(40, (element.clientWidth - MARGIN - PROCESS_LABELS) / Math.max(1, map.columns - 1));
    var shown = map.nodes.filter(function (node) { return !onlyDown.checked || !node.available; });
    var byKey = {};
    var rows = {};
    shown.forEach(function (node) { byKey[node.type + ":" + node.id] = node; });
    var data = shown.map(function (node) {
      var row = onlyDown.checked ? (rows[node.column] = (rows[node.column] || 0) + 1) - 1 : node.row;
      var process = node.type === "process";
      return {
        id: node.type + ":" + node.id, name: node.id, x: node.column * column, y: row * ROW,
        symbol: process ? "roundRect" : "circle", symbolSize: process ? [16, 12] : 10,
        itemStyle: { color: colour(node), borderColor: "#14202b", borderWidth: process ? 1 : 0 },
        label: { show: process || !node.available, position: "right", fontSize: 11, color: "#14202b",
          width: process ? PROCESS_LABELS - 16 : column - 16, overflow: "truncate",
          formatter: process ? node.name : node.id },
        emphasis: { label: { show: true } },
        value: node
      };
    });
    var tallest = Math.max.apply(null, [1].concat(data.map(function (node) { return node.y / ROW + 1; })));
    element.style.height = Math.max(420, tallest * ROW + 2 * MARGIN) + "px";
    chart.resize();
    var links = map.links.filter(function (link) {
      return byKey["system:" + link.source] && byKey[link.target_type + ":" + link.target];
    }).map(function (link) {
      var down = !byKey["system:" + link.source].available;
      return { source: "system:" + link.source, target: link.target_type + ":" + link.target,
        lineStyle: { color: down ? colours.out : "#9aa7b2", opacity: down ? 0.7 : 0.35 } };
    });
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: function (params) {
          if (params.dataType !== "node") { return ""; }
          var node = params.data.value;
          return node.name + "<br>" + node.type + ", " + node.state + (node.causes.length ? "<br>waiting on " + node.causes.join(", ") : "");
        }
      },
      series: [{
        type: "graph", layout: "none", roam: true, draggable: false, data: data, links: links,
        left: MARGIN, right: PROCESS_LABELS, top: MARGIN, bottom: MARGIN,
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 5, labelLayout: { hideOverlap: true },
        emphasis: { focus: "adjacency", lineStyle: { width: 2 } }
      }]
    }, { replaceMerge: ["series"] });
  }

  function refresh() {
    fetch(element.getAttribute("data-map-url"), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (map) { if (map) { draw(map); } })
      .catch(function () { /* the next event retries */ });
  }

  function show(node) {
    var path = node.type === "process" ? "/processes/" : "/systems/";
    htmx.ajax("GET", path + encodeURIComponent(node.id) + "/panel", { target: "#map-detail", swap: "innerHTML" });
  }

  chart.on("click", function (params) {
    if (params.dataType === "node") {
      show(params.data.value);
    }
  });
  onlyDown.addEventListener("change", function () { if (latest) { draw(latest); } });
  refresh();
  document.body.addEventListener("htmx:sseMessage", function (event) {
    if (event.detail && event.detail.type === "impact") { refresh(); }
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
