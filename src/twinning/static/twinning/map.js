// Pan and zoom for the network map (programmes/map.html) with the vendored @panzoom/panzoom:
// drag or pinch to move and zoom, the wheel or the +/− buttons to zoom, "reset" to go back.
// Without JavaScript or the vendored file the map stays a still picture; the list below it is
// the accessible alternative either way.
(function () {
  "use strict";

  var DRAG_TOLERANCE = 6;

  function start() {
    var viewport = document.getElementById("map-viewport");
    var controls = document.getElementById("map-zoom");
    if (!viewport || !controls || typeof window.Panzoom !== "function") {
      return;
    }
    var map = viewport.querySelector("svg.network-map");
    var panzoom = window.Panzoom(map, { minScale: 1, maxScale: 8, step: 0.4, contain: "outside", cursor: "grab" });
    var origin = null;
    var dragged = false;

    viewport.addEventListener("wheel", function (event) {
      panzoom.zoomWithWheel(event);
    }, { passive: false });
    // A drag that ends over a circle or a line must not open it: only a tap or a click does.
    map.addEventListener("pointerdown", function (event) {
      origin = { x: event.clientX, y: event.clientY };
      dragged = false;
    });
    map.addEventListener("pointermove", function (event) {
      if (origin && Math.abs(event.clientX - origin.x) + Math.abs(event.clientY - origin.y) > DRAG_TOLERANCE) {
        dragged = true;
      }
    });
    map.addEventListener("click", function (event) {
      if (dragged) {
        event.preventDefault();
        event.stopPropagation();
      }
      origin = null;
      dragged = false;
    }, true);
    map.addEventListener("panzoomchange", function (event) {
      viewport.setAttribute("data-scale", String(Math.round(event.detail.scale * 100) / 100));
    });
    controls.querySelector("[data-zoom=in]").addEventListener("click", function () { panzoom.zoomIn(); });
    controls.querySelector("[data-zoom=out]").addEventListener("click", function () { panzoom.zoomOut(); });
    controls.querySelector("[data-zoom=reset]").addEventListener("click", function () { panzoom.reset(); });
    controls.hidden = false;
    viewport.setAttribute("data-scale", "1");
    viewport.setAttribute("data-ready", "");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
