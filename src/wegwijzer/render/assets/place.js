/* A municipality's own page in the finder (data-module="ww-place"): says whether each help
   point is open today, and opens the life event from ?gebeurtenis=. Remembers nothing. */
(function () {
  "use strict";

  const root = document.querySelector('[data-module="ww-place"]');
  if (!root || !window.Wegwijzer) return;
  const { clock, showToday } = window.Wegwijzer;

  (function init() {
    const s = JSON.parse(root.getAttribute("data-strings"));
    const now = clock();
    root.querySelectorAll("[data-hours]").forEach((item) => {
      const target = item.querySelector(".ww-point__today");
      if (target) showToday(target, JSON.parse(item.getAttribute("data-hours")), s, now);
    });
    const wanted = new URLSearchParams(window.location.search).get("gebeurtenis");
    const details = Array.from(root.querySelectorAll("details[data-event]"));
    if (wanted && details.some((d) => d.getAttribute("data-event") === wanted)) {
      details.forEach((d) => { d.open = d.getAttribute("data-event") === wanted; });
    }
  })();
})();
