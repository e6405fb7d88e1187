/* Search (data-module="ww-search"): a search box over Pagefind's index, which the build writes
   to pagefind/ (wegwijzer.publish.search_index). Pagefind is loaded only when someone searches,
   so the page weighs nothing extra before that. The query is kept in the address (?q=...),
   never stored or sent anywhere else. Results link to the step itself and name its guide;
   the words searched for are marked in the step's summary. */
(function () {
  "use strict";

  const root = document.querySelector('[data-module="ww-search"]');
  if (!root || !window.Wegwijzer) return;
  const { el, format } = window.Wegwijzer;
  const s = JSON.parse(root.getAttribute("data-strings"));
  const form = root.querySelector("form");
  const input = form.querySelector("input");
  const status = root.querySelector("[data-status]");
  const list = root.querySelector("[data-results]");
  const siteRoot = new URL(root.getAttribute("data-root"), window.location.href);
  const MAX_RESULTS = 10;
  // Everyday words say nothing on their own (the same list the glossary refuses: checks/registers.py).
  const EVERYDAY = new Set(root.getAttribute("data-everyday-words").split(" "));
  let pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href);
    }
    return pagefind;
  }

  /* All words must match in Pagefind. For a question in everyday words ("geen geld voor de
     huur"), the results of its separate meaningful words are added after those of the whole. */
  async function search(module, query) {
    const whole = (await module.search(query)).results;
    const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 2 && !EVERYDAY.has(w));
    if (whole.length >= MAX_RESULTS || words.length < 2) return whole;
    const scores = new Map(whole.map((r, i) => [r.id, { result: r, score: 1000 - i }]));
    for (const word of words) {
      for (const result of (await module.search(word)).results) {
        const seen = scores.get(result.id) || { result: result, score: 0 };
        seen.score += result.score;
        scores.set(result.id, seen);
      }
    }
    return [...scores.values()].sort((a, b) => b.score - a.score).map((x) => x.result);
  }

  /* The summary with every word that starts like a searched word in <mark>: built as nodes. */
  function marked(text, query) {
    const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 2);
    const p = el("p", "ww-result__summary");
    for (const part of text.split(/(\s+)/)) {
      const plain = part.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, "");
      const hit = plain && words.some((w) => plain.startsWith(w.slice(0, Math.max(4, w.length - 2))));
      p.append(hit ? el("mark", "", part) : document.createTextNode(part));
    }
    return p;
  }

  function item(data, query) {
    const li = el("li", "ww-result");
    const link = el("a", "", data.meta.title);
    link.href = new URL(data.meta.url, siteRoot).href;
    const heading = el("h3", "ww-result__title");
    heading.append(link);
    li.append(heading, el("p", "ww-result__guide", data.meta.guide));
    if (data.meta.summary) li.append(marked(data.meta.summary, query));
    return li;
  }

  /* The count, as the heading above the results: read out when it changes, and focused after a search. */
  function say(text) {
    const heading = el("h2", "", text);
    heading.id = "resultaten";
    heading.tabIndex = -1;
    status.replaceChildren(heading);
    return heading;
  }

  async function show(query) {
    list.hidden = true;
    list.replaceChildren();
    say(s.busy);
    try {
      const module = await load();
      const found = await search(module, query);
      const shown = await Promise.all(found.slice(0, MAX_RESULTS).map((r) => r.data()));
      shown.forEach((data) => list.append(item(data, query)));
      list.hidden = !shown.length;
      const count = found.length;
      const text = count === 0 ? s.none : count === 1 ? s.one : count > shown.length ? s.many_shown : s.many;
      return say(format(text, { count, query, shown: shown.length }));
    } catch (e) {
      return say(s.failed);
    }
  }

  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (!query) return;
    const address = new URL(window.location.href);
    address.searchParams.set("q", query);
    window.history.replaceState(null, "", address);
    show(query).then((heading) => heading.focus());
  });
  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    show(asked.trim());
  }
})();
