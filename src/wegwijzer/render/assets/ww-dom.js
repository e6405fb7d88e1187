/* Shared helpers for Wegwijzer's page scripts (loaded before them): building elements,
   filling {placeholders}, phone links, fetching the JSON the build writes, and "open today".
   Each behaviour lives in its own file and starts from its data-module attribute. */
window.Wegwijzer = (function () {
  "use strict";

  const TIME_ZONE = "Europe/Amsterdam";
  const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
  }

  /* format() as nodes, each value in a <bdi>: a Dutch name inside an Arabic sentence keeps its own
     direction and does not reorder the words around it. */
  function formatNodes(text, values) {
    return text.split(/(\{\w+\})/).filter(Boolean).map((part) => {
      const key = part.slice(1, -1);
      if (part[0] !== "{" || !(key in values)) return part;
      const bdi = document.createElement("bdi");
      bdi.textContent = String(values[key]);
      return bdi;
    });
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function telHref(phone) {
    const digits = phone.replace(/[^\d+]/g, "");
    if (digits.startsWith("+") || digits.startsWith("14")) return "tel:" + digits;
    return "tel:+31" + digits.slice(1);
  }

  function labelled(className, label, ...content) {
    const p = el("p", className);
    p.append(el("span", "ww-label", label + ":"), " ", ...content);
    return p;
  }

  function phoneLink(phone) {
    const a = el("a", "", phone);
    a.href = telHref(phone);
    return a;
  }

  /* The JSON at an address (relative to the page); rejects when it cannot be had, so callers keep
     the page as it is. */
  function getJson(address) {
    return fetch(new URL(address, window.location.href)).then((response) => {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    });
  }

  // --- Open today ----------------------------------------------------------------

  let clockFormat = null;

  function clock() {
    try {
      clockFormat = clockFormat || new Intl.DateTimeFormat("en-GB", {
        timeZone: TIME_ZONE, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
      });
      const parts = clockFormat.formatToParts(new Date());
      const part = (type) => parts.find((p) => p.type === type).value;
      return { day: DAYS.indexOf(part("weekday")) + 1, minutes: Number(part("hour")) * 60 + Number(part("minute")) };
    } catch (e) {
      const now = new Date();
      return { day: now.getDay() || 7, minutes: now.getHours() * 60 + now.getMinutes() };
    }
  }

  function time(minutes) {
    return Math.floor(minutes / 60) + "." + String(minutes % 60).padStart(2, "0");
  }

  /* entries: [[weekday mask (Monday = 1), opens, closes], ...] in minutes. */
  function today(entries, s, now) {
    const ranges = entries.filter((e) => e[0] & (1 << (now.day - 1))).sort((a, b) => a[1] - b[1]);
    if (!ranges.length) return { text: s.closed_today, open: false };
    const open = ranges.find((r) => r[1] <= now.minutes && now.minutes < r[2]);
    if (open) return { text: format(s.open_now, { closes: time(open[2]) }), open: true };
    const next = ranges.find((r) => now.minutes < r[1]);
    if (next) return { text: format(s.open_later, { opens: time(next[1]), closes: time(next[2]) }), open: false };
    return { text: format(s.closed_now, { closes: time(ranges[ranges.length - 1][2]) }), open: false };
  }

  function showToday(target, entries, s, now) {
    const status = today(entries, s, now);
    target.textContent = status.text;
    target.classList.toggle("ww-point__today--open", status.open);
    target.hidden = false;
  }

  return { el, format, formatNodes, getJson, telHref, phoneLink, labelled, clock, showToday };
})();
