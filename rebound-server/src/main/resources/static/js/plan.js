// The Gantt chart of the plan page: one row per team, one bar per activity, coloured by step.
// It redraws from /api/plans/latest when the server announces a new plan.
(function () {
  "use strict";

  var colours = { triage: "#8a5300", restore: "#12344d", validate: "#1e6b34" };

  function draw() {
    var element = document.getElementById("gantt");
    if (!element || typeof echarts === "undefined") {
      return;
    }
    fetch(element.getAttribute("data-plan-url"), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (plan) {
        if (!plan) {
          return;
        }
        var teams = Array.from(new Set(plan.activities.map(function (a) { return a.team; }))).sort();
        element.style.height = Math.max(220, 48 * teams.length + 80) + "px";
        var chart = echarts.getInstanceByDom(element) || echarts.init(element);
        var data = plan.activities.map(function (a) {
          return {
            value: [teams.indexOf(a.team), Date.parse(a.start), Date.parse(a.end), a.system, a.kind, a.why, a.status],
            itemStyle: { color: colours[a.kind] || "#555", opacity: a.status === "planned" ? 0.9 : 0.5 }
          };
        });
        chart.setOption({
          animation: false,
          grid: { left: 130, right: 24, top: 24, bottom: 40 },
          tooltip: {
            formatter: function (p) {
              var v = p.value;
              return v[4] + " " + v[3] + " (" + v[6] + ")<br>" + new Date(v[1]).toISOString().slice(0, 16).replace("T", " ") +
                " to " + new Date(v[2]).toISOString().slice(0, 16).replace("T", " ") + " UTC<br>" + v[5];
            }
          },
          xAxis: { type: "time" },
          yAxis: { type: "category", data: teams, inverse: true },
          series: [{
            type: "custom",
            encode: { x: [1, 2], y: 0 },
            data: data,
            renderItem: function (params, api) {
              var row = api.value(0);
              var from = api.coord([api.value(1), row]);
              var to = api.coord([api.value(2), row]);
              var height = api.size([0, 1])[1] * 0.6;
              return {
                type: "rect",
                shape: { x: from[0], y: from[1] - height / 2, width: Math.max(1, to[0] - from[0]), height: height },
                style: api.style()
              };
            }
          }]
        }, true);
      })
      .catch(function () { /* the next announcement retries */ });
  }

  draw();
  document.body.addEventListener("htmx:afterSettle", function () {
    if (document.getElementById("gantt")) {
      draw();
    }
  });
  window.addEventListener("resize", function () {
    var element = document.getElementById("gantt");
    var chart = element && echarts.getInstanceByDom(element);
    if (chart) {
      chart.resize();
    }
  });
})();
