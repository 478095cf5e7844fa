// The console's only script (no inline script: the pages' CSP forbids it). It draws a campaign's graph (Cytoscape.js)
// and timeline (uPlot) from the JSON the page names, and moves the focus to the status panel after htmx replaces it.
// The same content is on the page as text (lists and a table): without scripts nothing is lost but the drawing.
(function () {
  "use strict";

  function load(url, then) {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(then)
      .catch(function () { /* the lists on the page say the same */ });
  }

  function drawGraph(box, data) {
    var elements = [];
    data.nodes.forEach(function (n) {
      elements.push({ group: "nodes", data: { id: n.id, label: n.label, type: n.type, href: n.href || "" } });
    });
    data.edges.forEach(function (e, i) {
      elements.push({ group: "edges", data: { id: "e" + i, source: e.source, target: e.target } });
    });
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.3,
      maxZoom: 1.6, // a small graph is not blown up to fill the box
      // identifiers in the middle, the reports that carry them around: the same drawing on every visit
      layout: data.nodes.length > 80
        ? { name: "grid", animate: false, padding: 30 }
        : { name: "concentric", animate: false, padding: 30, minNodeSpacing: 70, levelWidth: function () { return 1; },
            concentric: function (node) { return node.data("type") === "identifier" ? 2 : 1; } },
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 11, "text-valign": "bottom",
          "text-margin-y": 4, color: "#1b1b1b", "text-wrap": "ellipsis", "text-max-width": 140,
          "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 2 } },
        { selector: "node[type = 'report']", style: { "background-color": "#000091", shape: "round-rectangle",
          width: 18, height: 18 } },
        { selector: "node[type = 'identifier']", style: { "background-color": "#a4001d", shape: "diamond",
          width: 22, height: 22 } },
        { selector: "edge", style: { width: 1.5, "line-color": "#8a8a8a" } }
      ]
    });
    cy.on("tap", "node[type = 'report']", function (event) {
      var href = event.target.data("href");
      if (href) {
        window.location.href = href + window.location.search.replace(/^\?(?:.*&)?(lang=[a-z]{2}).*$/, "?$1");
      }
    });
    var refit = null;
    window.addEventListener("resize", function () { // a phone turned, a window narrowed: the whole graph in view
      window.clearTimeout(refit);
      refit = window.setTimeout(function () { cy.resize(); cy.fit(undefined, 40); }, 100);
    });
    box.setAttribute("data-nodes", String(cy.nodes().length));
    box.setAttribute("data-edges", String(cy.edges().length));
  }

  function drawTimeline(box, data) {
    var xs = data.timeline.map(function (d) { return d.t; });
    var ys = data.timeline.map(function (d) { return d.reports; });
    if (xs.length === 1) { // one day: widen the scale so the bar shows
      xs = [xs[0] - 86400, xs[0], xs[0] + 86400];
      ys = [0, ys[0], 0];
    }
    var width = Math.max(280, box.clientWidth);
    var lang = document.documentElement.lang || "fr";
    var day = function (seconds) {
      return new Date(seconds * 1000).toLocaleDateString(lang, { day: "numeric", month: "short", timeZone: "UTC" });
    };
    var plot = new window.uPlot({
      width: width,
      height: 220,
      legend: { show: false },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [
        { space: 70, incrs: [86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400],
          values: function (u, splits) { return splits.map(day); } },
        { label: box.getAttribute("data-label") || "", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }
      ],
      series: [{}, { label: box.getAttribute("data-label") || "", stroke: "#000091", fill: "rgba(0,0,145,0.35)",
        paths: window.uPlot.paths.bars({ size: [0.6, 40] }), points: { show: false } }]
    }, [xs, ys], box);
    box.setAttribute("data-days", String(data.timeline.length));
    window.addEventListener("resize", function () {
      plot.setSize({ width: Math.max(280, box.clientWidth), height: 220 });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var graph = document.getElementById("graph");
    var timeline = document.getElementById("timeline");
    if (graph && window.cytoscape) {
      load(graph.getAttribute("data-src"), function (data) {
        drawGraph(graph, data);
        if (timeline && window.uPlot) {
          drawTimeline(timeline, data);
        }
      });
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var title = document.getElementById("status-title");
    var path = event.detail && event.detail.pathInfo ? event.detail.pathInfo.requestPath : "";
    if (title && /\/status$/.test(path)) {
      title.focus();
    }
  });
})();
