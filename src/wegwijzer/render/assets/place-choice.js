/* "Waar woont u?" (data-module="ww-place-choice"): the reader names their municipality once (name
   or postcode). The choice is kept on this device (localStorage) and in the address (?gemeente=),
   never sent anywhere. Then every step of "de gemeente" shows that municipality's own number and
   website, and a step of a regional organisation (a zorgkantoor) its office for that place where the
   data has one. Without a choice, or without JavaScript, the general text stays: where to find the number. */
(function () {
  "use strict";

  const root = document.querySelector('[data-module="ww-place-choice"]');
  const W = window.Wegwijzer;
  if (!root || !W || !W.match || !window.URLSearchParams) return;
  const { el, format, formatNodes, getJson, phoneLink, match } = W;
  const STORE = "wegwijzer-gemeente";
  const s = JSON.parse(root.getAttribute("data-strings"));
  const form = root.querySelector("[data-ask]");
  const input = form.querySelector("input");
  const options = root.querySelector("[data-options]");
  const message = root.querySelector("[data-message]");
  const chosenBox = root.querySelector("[data-chosen]");
  let all = null;
  let chosen = null;

  function load() {
    if (all) return Promise.resolve(all);
    return getJson(root.getAttribute("data-src")).then((data) => { all = match.places(data); return all; });
  }

  function stored() {
    const fromUrl = new URLSearchParams(window.location.search).get("gemeente");
    try { return fromUrl || window.localStorage.getItem(STORE) || ""; } catch (e) { return fromUrl || ""; }
  }

  function keepInAddress(id) {
    const query = new URLSearchParams(window.location.search);
    if (id) query.set("gemeente", id); else query.delete("gemeente");
    const search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    document.querySelectorAll("a[data-keep-query]").forEach((a) => {
      const own = new URLSearchParams(a.search);
      if (id) own.set("gemeente", id); else own.delete("gemeente");
      a.search = own.toString();
    });
  }

  /* A line with a name, a phone link with its hours, and a website link: the municipality's own, or
     the office of a regional organisation (a zorgkantoor). Names sit in <bdi> (see formatNodes). */
  function line(parts) {
    const p = el("span", "ww-municipal");
    p.append(...parts.text);
    if (parts.phone) {
      if (parts.text.length) p.append(" ");
      p.append(...parts.call, " ", phoneLink(parts.phone));
      if (parts.hours.length) p.append(" (" + parts.hours.map((h) => h[0] + ", " + h[1]).join("; ") + ")");
      p.append(".");
    }
    if (parts.website) {
      const a = el("a");
      a.append(...parts.link);
      a.href = parts.website;
      p.append(" ", a, ".");
    }
    return p;
  }

  function sentence(place) {
    const name = { name: place.name };
    return line({
      text: place.phone ? [] : formatNodes(s.no_phone, name), call: formatNodes(s.call, name),
      phone: place.phone, hours: [], website: place.website, link: formatNodes(s.website, name),
    });
  }

  function officeSentence(office, place) {
    const name = { name: office.name };
    return line({
      text: formatNodes(s.regional, { place: place.name, name: office.name }),
      call: formatNodes(s.regional_call, name), phone: office.phone, hours: office.hours,
      website: office.website, link: formatNodes(s.regional_website, name),
    });
  }

  function officeOf(node) {
    const organisation = node.getAttribute("data-regional");
    return chosen && chosen.regional.find((office) => office.organisation === organisation);
  }

  /* Every "gemeente" line on the page (guide cards, the personal list, the checklist), and every
     line of a regional organisation whose office for the chosen place is known. */
  function apply() {
    document.querySelectorAll("[data-municipal], [data-regional]").forEach((node) => {
      if (!node.hasAttribute("data-general")) node.setAttribute("data-general", node.textContent);
      const office = node.hasAttribute("data-regional") ? officeOf(node) : null;
      node.textContent = "";
      if (office) node.append(officeSentence(office, chosen));
      else if (chosen && node.hasAttribute("data-municipal")) node.append(sentence(chosen));
      else node.append(node.getAttribute("data-general"));
    });
  }

  function choose(place, save) {
    chosen = place;
    if (save) {
      try { window.localStorage.setItem(STORE, place.id); } catch (e) { /* private mode: the address keeps it */ }
    }
    keepInAddress(place.id);
    chosenBox.querySelector("[data-name]").textContent = place.name;
    chosenBox.hidden = false;
    form.hidden = true;
    options.textContent = "";
    message.textContent = "";
    apply();
  }

  function forget() {
    chosen = null;
    try { window.localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
    keepInAddress("");
    chosenBox.hidden = true;
    form.hidden = false;
    apply();
    input.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load().then((places) => {
      const found = match.find(places, input.value, Number(root.getAttribute("data-typo-min")) || 4);
      options.textContent = "";
      if (found.length === 1) return choose(found[0], true);
      if (!found.length) {
        message.textContent = format(s.not_found, { query: input.value });
        return;
      }
      message.textContent = match.postcode(input.value) === null ? s.which
        : format(s.shared, { postcode: input.value.trim(), count: found.length });
      found.slice(0, 10).forEach((place) => {
        const li = el("li");
        const button = el("button", "ww-button ww-button--secondary", place.name);
        button.type = "button";
        button.addEventListener("click", () => choose(place, true));
        li.append(button);
        options.append(li);
      });
      options.querySelector("button").focus();
    }).catch(() => { message.textContent = s.not_loaded; });
  });

  root.querySelector('[data-action="change"]').addEventListener("click", forget);
  document.addEventListener("ww:rendered", apply);

  root.hidden = false;
  const wanted = stored();
  if (wanted) {
    load().then((places) => {
      const key = match.normalise(wanted);
      const place = places.find((p) => p.id === wanted || p.key === key);
      if (place) choose(place, false);
    }).catch(() => { /* the general text stays */ });
  }
})();
