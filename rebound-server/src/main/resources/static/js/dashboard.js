// The loss chart of the dashboard. Everything else on the page is server-rendered and refreshed by
// htmx; the chart redraws from /api/impact/series whenever the server announces a change or a tick.
(function () {
  "use strict";

  var element = document.getElementById("loss-chart");
  if (!element || typeof echarts === "undefined") {
    return;
  }
  var chart = echarts.init(element, null, { renderer: "canvas" });
  var currency = element.getAttribute("data-currency") || "";
  var money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
  var compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

  function draw(points) {
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 56, top: 28, bottom: 28 },
      tooltip: {
        trigger: "axis",
        valueFormatter: function (value) { return currency + " " + money.format(value); }
      },
      legend: { data: ["Lost so far", "Loss per hour"], top: 0 },
      xAxis: { type: "time" },
      yAxis: [
        { type: "value", name: "", axisLabel: { formatter: function (v) { return compact.format(v); } } },
        { type: "value", name: "", axisLabel: { formatter: function (v) { return compact.format(v) + "/h"; } } }
      ],
      series: [
        {
          name: "Lost so far", type: "line", showSymbol: false, areaStyle: { opacity: 0.15 },
          color: "#b3261e",
          data: points.map(function (p) { return [p.at, p.cumulative_loss]; })
        },
        {
          name: "Loss per hour", type: "line", step: "end", showSymbol: false, yAxisIndex: 1,
          color: "#8a5300",
          data: points.map(function (p) { return [p.at, p.loss_per_hour]; })
        }
      ]
    });
  }

  function refresh() {
    fetch(element.getAttribute("data-series-url"), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(draw)
      .catch(function () { /* the next event retries */ });
  }

  refresh();
  document.body.addEventListener("htmx:sseMessage", refresh);
  window.addEventListener("resize", function () { chart.resize(); });
})();
