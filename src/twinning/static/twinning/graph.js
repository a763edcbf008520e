// The cooperation graph (programmes/graph.html): reads the elements from the page's JSON data
// island, lays them out with Cytoscape.js (vendored from npm) and opens a node's page on tap.
// Without JavaScript, or without the vendored library, the list below the canvas stays the view.
(function () {
  "use strict";

  var COLOURS = { china: "#9a4b00", europe: "#0f6e63" };

  function style() {
    return [
      {
        selector: "node",
        style: {
          "background-color": function (node) { return COLOURS[node.data("region")] || "#4b3f9a"; },
          label: "data(label)",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-outline-color": "#fff",
          "text-outline-width": 2,
          width: function (node) { return 10 + Math.min(node.data("degree"), 10) * 3; },
          height: function (node) { return 10 + Math.min(node.data("degree"), 10) * 3; }
        }
      },
      { selector: "edge", style: { width: 2, "curve-style": "bezier", "line-color": "#0f6e63", opacity: 0.7 } },
      { selector: "edge[kind = 'membership']", style: { "line-color": "#777", "line-style": "dotted", "target-arrow-shape": "triangle", "target-arrow-color": "#777" } },
      { selector: "edge[kind = 'partner']", style: { "line-color": "#9a4b00", "line-style": "dashed" } },
      { selector: "edge[kind = 'visit']", style: { "line-color": "#4b3f9a", "target-arrow-shape": "triangle", "target-arrow-color": "#4b3f9a" } },
      { selector: "node[kind = 'programme']", style: { shape: "round-rectangle", "background-color": "#222", width: 26, height: 18 } },
      { selector: "node[kind = 'event']", style: { shape: "diamond", "background-color": "#b08a00", width: 12, height: 12, "font-size": 9 } },
      { selector: "edge[kind = 'organiser']", style: { "line-color": "#555", width: 1.5 } },
      { selector: "edge[kind = 'participant']", style: { "line-color": "#b08a00", width: 1, "line-style": "dotted" } },
      { selector: "node[kind = 'activity']", style: { shape: "triangle", "background-color": "#6b5b95", width: 12, height: 12, "font-size": 9 } },
      { selector: "node[kind = 'city']", style: { shape: "ellipse", "background-color": "#fff", "border-width": 2, "border-color": "#0f6e63", width: 14, height: 14 } },
      { selector: "node[kind = 'country']", style: { shape: "ellipse", "background-color": "#f3e8c4", "border-width": 2, "border-style": "dashed", "border-color": "#b08a00", width: 22, height: 22 } },
      { selector: "edge[kind = 'activity']", style: { "line-color": "#6b5b95", width: 1.5 } },
      { selector: "edge[kind = 'place']", style: { "line-color": "#999", width: 1, "line-style": "dashed" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#222" } }
    ];
  }

  function start() {
    var container = document.getElementById("cooperation-graph");
    var island = document.getElementById("graph-data");
    if (!container || !island || typeof window.cytoscape !== "function") {
      return;
    }
    var elements = JSON.parse(island.textContent);
    if (!elements.nodes.length) {
      return;
    }
    container.hidden = false;
    var graph = window.cytoscape({
      container: container,
      elements: elements.nodes.concat(elements.edges),
      style: style(),
      layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 70, padding: 20 },
      minZoom: 0.2,
      maxZoom: 3
    });
    graph.on("tap", "node, edge", function (event) {
      var url = event.target.data("url");
      if (url) {
        window.location.assign(url);
      }
    });
    container.setAttribute("data-ready", String(graph.nodes().length));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
