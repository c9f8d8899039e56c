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
        element.style.height = Math.max(260, 56 * teams.length + 80) + "px";
        var chart = echarts.getInstanceByDom(element) || echarts.init(element);
        // Activities of a team that overlap go in separate lanes within the team's row.
        var lanes = {};
        var laneCount = {};
        teams.forEach(function (team) {
          var ends = [];
          plan.activities.filter(function (a) { return a.team === team; })
            .sort(function (a, b) { return Date.parse(a.start) - Date.parse(b.start); })
            .forEach(function (a) {
              var lane = ends.findIndex(function (end) { return end <= Date.parse(a.start); });
              if (lane < 0) {
                lane = ends.length;
                ends.push(0);
              }
              ends[lane] = Date.parse(a.end);
              lanes[a.team + "/" + a.system + "/" + a.kind] = lane;
            });
          laneCount[team] = Math.max(1, ends.length);
        });
        var data = plan.activities.map(function (a) {
          return {
            value: [teams.indexOf(a.team), Date.parse(a.start), Date.parse(a.end), a.system, a.kind, a.why, a.status,
              lanes[a.team + "/" + a.system + "/" + a.kind], laneCount[a.team]],
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
              var band = api.size([0, 1])[1] * 0.8;
              var laneHeight = band / api.value(8);
              var top = from[1] - band / 2 + api.value(7) * laneHeight;
              return {
                type: "rect",
                shape: { x: from[0], y: top + 1, width: Math.max(1, to[0] - from[0] - 1), height: Math.max(2, laneHeight - 2) },
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
