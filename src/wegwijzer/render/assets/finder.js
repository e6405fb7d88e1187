/* Loket finder (data-module="ww-finder"): a type-ahead over every municipality (ARIA 1.2
   combobox) over the first JSON file the build writes (wegwijzer.render.finder_index); choosing a
   municipality loads its own small file (data-shard-url) with its help points, which are listed
   nearest first: from the centre of the typed postcode's area, or of the municipality.
   Flag values come from the index header, the number of options from data-max-options, the
   number of help points shown before "Toon alle" from data-first-points.
   Matching follows wegwijzer.render.finder.find, the order wegwijzer.render.finder.listing.
   Remembers nothing: no storage, no cookies; only the address bar holds the choice. */
(function () {
  "use strict";

  const finder = document.querySelector('[data-module="ww-finder"]');
  if (!finder || !window.Wegwijzer || !window.Wegwijzer.match) return;
  const { el, format, formatNodes, getJson, labelled, phoneLink, clock, showToday, match } = window.Wegwijzer;
  const { normalise } = match;
  const MAX_OPTIONS = Number(finder.getAttribute("data-max-options")) || 10;
  const FIRST_POINTS = Number(finder.getAttribute("data-first-points")) || 5;
  const TYPO_MIN_LENGTH = Number(finder.getAttribute("data-typo-min")) || 4;
  const SHARD_URL = finder.getAttribute("data-shard-url") || "";
  let F = null; // the index header: flag values and the town marker

  // --- The index -----------------------------------------------------------------

  function decode(data) {
    F = data.f;
    return { data: data, places: match.places(data) };
  }

  function find(index, query) {
    return match.find(index.places, query, TYPO_MIN_LENGTH);
  }

  // --- A municipality's own file, and distances (keep alike: render/distances.py) ------

  const loading = new Map(); // municipality id -> Promise of its file
  const loaded = new Map(); // municipality id -> its file, once it has arrived

  function shard(p) {
    if (!loading.has(p.id)) {
      const file = getJson(SHARD_URL.replace("{id}", encodeURIComponent(p.id)))
        .then((data) => { loaded.set(p.id, data); return data; })
        .catch((error) => { loading.delete(p.id); throw error; });
      loading.set(p.id, file);
    }
    return loading.get(p.id);
  }

  function prefetch(p) {
    if (p && SHARD_URL) shard(p).catch(() => { /* tried again when chosen */ });
  }

  const E4 = 10000; // positions are whole 1/10,000 degrees

  /* In a straight line over the earth, as wegwijzer.model.geo.distance_km. */
  function distanceKm(a, b) {
    const rad = Math.PI / 180;
    const lat1 = a[0] * rad, lon1 = a[1] * rad, lat2 = b[0] * rad, lon2 = b[1] * rad;
    const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
    return 6371 * 2 * Math.asin(Math.sqrt(h));
  }

  /* 0: "less than 1 km"; else whole km, halves up (km_step). */
  function kmStep(km) {
    return km < 1 ? 0 : Math.floor(km + 0.5);
  }

  function distanceWords(km, s) {
    const step = kmStep(km);
    return step === 0 ? s.distance_less : format(s.distance_km, { km: step });
  }

  /* The centre of the typed postcode's area when the file knows it, else the municipality's.
     c: [lat, lon, nearest elsewhere] or 0; z: [[postcode, lat, lon, nearest elsewhere]...]. */
  function originOf(data, postcode) {
    const area = postcode === null ? null : data.z.find((z) => z[0] === postcode);
    if (area) return { at: [area[1] / E4, area[2] / E4], near: area[3], postcode: postcode };
    if (data.c) return { at: [data.c[0] / E4, data.c[1] / E4], near: data.c[2], postcode: null };
    return null;
  }

  /* The points nearest first; equally far (same km step): walk-in hours known first; then the
     file's order (kind, name). Unknown positions last. */
  function nearestFirst(data, origin) {
    const listed = data.p.map((point, i) => ({
      point: point,
      i: i,
      km: origin && point[7] !== F.none ? distanceKm(origin.at, [point[7] / E4, point[8] / E4]) : null,
    }));
    const step = (item) => (item.km === null ? 0 : kmStep(item.km));
    return listed.sort((a, b) => (a.km === null) - (b.km === null) || step(a) - step(b)
      || (a.point[5].length ? 0 : 1) - (b.point[5].length ? 0 : 1) || a.i - b.i);
  }

  // --- Drawing a result (keep alike: templates/finder_result.html) ---------------

  /* point: [name, address, postcode, phone, kind << 5 | flags, [hours], languages, lat, lon];
     "~" in the name or address stands for the town when its flag is set. */
  function pointItem(kinds, data, town, item, s, now) {
    const [rawName, rawAddress, code, phone, kindFlags, hourRefs, languages] = item.point;
    const flags = kindFlags & ((1 << F.kindShift) - 1);
    const name = flags & F.townInName ? rawName.split(F.town).join(town) : rawName;
    const address = flags & F.townInAddress ? rawAddress.split(F.town).join(town) : rawAddress;
    const hours = hourRefs.map((i) => data.h[i]);
    const li = el("li", "ww-point");
    const title = el("h3", "ww-point__name", name);
    title.tabIndex = -1;
    li.append(title, el("p", "ww-point__kind", s.kinds[kinds[kindFlags >> F.kindShift]]));
    if (item.km !== null) li.append(labelled("ww-point__distance", s.distance, distanceWords(item.km, s)));
    if (hours.length && hours.every((h) => h.length === 5)) {
      const target = el("p", "ww-point__today");
      showToday(target, hours.map((h) => h.slice(2)), s, now);
      li.append(target);
    }
    if (phone) li.append(labelled("ww-point__phone", s.phone, phoneLink(phone)));
    if (hours.length) {
      li.append(labelled("ww-point__hours-title", s.hours));
      const list = el("ul", "ww-point__hours");
      hours.forEach((h) => list.append(el("li", "", h[0] + ": " + h[1])));
      li.append(list);
    } else {
      li.append(el("p", "ww-point__hours-unknown", s.hours_unknown));
    }
    li.append(el("p", "ww-point__appointment", flags & F.appointment ? s.appointment : s.no_appointment));
    li.append(labelled("ww-point__address", s.address, address + ", " + code));
    li.append(labelled("ww-point__languages", s.languages, data.l[languages]));
    if (flags & F.wheelchairYes) li.append(el("p", "ww-point__wheelchair", s.wheelchair_yes));
    if (flags & F.wheelchairNo) li.append(el("p", "ww-point__wheelchair", s.wheelchair_no));
    return li;
  }

  function organisationList(data, refs, s) {
    if (!refs.length) return el("p", "", s.national_none);
    const list = el("ul", "ww-orgs");
    refs.forEach((ref) => {
      const [name, about, phone, hourRefs] = data.o[ref];
      const li = el("li", "ww-org");
      li.append(el("p", "ww-org__name", name), labelled("ww-org__phone", s.phone, phoneLink(phone)));
      if (hourRefs.length) {
        const hours = el("ul", "ww-org__hours");
        hourRefs.forEach((i) => hours.append(el("li", "", data.h[i][0] + ": " + data.h[i][1])));
        li.append(hours);
      }
      li.append(el("p", "ww-org__about", about));
      list.append(li);
    });
    return list;
  }

  function heading(text, id) {
    const h2 = el("h2", "", text);
    h2.id = id;
    h2.tabIndex = -1;
    return h2;
  }

  function placeLink(p, text) {
    const a = el("a", "", text);
    a.href = finder.getAttribute("data-place-url").replace("{id}", p.id);
    return a;
  }

  function distanceNote(p, origin, s) {
    const text = origin.postcode === null ? format(s.distance_from_place, { name: p.name })
      : format(s.distance_from_postcode, { postcode: origin.postcode });
    return el("p", "ww-finder__distance-note", text);
  }

  /* n: [municipality position, point name, lat, lon]: the nearest known point elsewhere. */
  function nearbyLine(index, data, origin, text, s) {
    const [other, pointName, lat, lon] = data.n[origin.near];
    const there = index.places[other];
    const km = distanceKm(origin.at, [lat / E4, lon / E4]);
    const line = el("p", "ww-finder__nearby",
      format(text, { point: pointName, name: there.name, distance: distanceWords(km, s) }) + " ");
    line.append(placeLink(there, format(s.nearby_link, { name: there.name })));
    return line;
  }

  /* Draws a municipality into ``box`` from its own file; returns its first heading. */
  function drawPlace(box, index, p, file, postcode, eventId, s) {
    const data = index.data;
    const origin = originOf(file, postcode);
    const near = origin && origin.near !== F.none;
    const now = clock();
    let first;
    if (file.p.length) {
      const points = nearestFirst(file, origin);
      first = heading(format(s.points_title, { name: p.name }), "loketten");
      box.append(first);
      if (origin) box.append(distanceNote(p, origin, s));
      const list = el("ul", "ww-points");
      const add = (item) => list.append(pointItem(data.k, file, p.name, item, s, now));
      points.slice(0, FIRST_POINTS).forEach(add);
      box.append(list);
      if (points.length > FIRST_POINTS) {
        const more = el("button", "ww-button ww-finder__more", format(s.show_all, { count: points.length }));
        more.type = "button";
        more.addEventListener("click", () => {
          const next = FIRST_POINTS;
          points.slice(FIRST_POINTS).forEach(add);
          more.remove();
          list.children[next].querySelector("h3").focus();
        });
        box.append(more);
      }
      box.append(el("p", "ww-finder__note", s.holidays));
      if (near) box.append(nearbyLine(index, file, origin, s.nearby_other, s));
    } else {
      first = heading(s.no_points_title, "loketten");
      box.append(first, el("p", "ww-finder__library", format(s.no_points, { name: p.name })));
      if (near) box.append(nearbyLine(index, file, origin, s.nearby, s), distanceNote(p, origin, s));
    }
    const call = el("p", "ww-finder__municipality");
    if (p.phone) call.append(format(s.municipality_phone, { name: p.name }), " ", phoneLink(p.phone));
    else call.textContent = s.phone_advice;
    box.append(call);
    p.regional.forEach((office) => {
      const line = el("p", "ww-finder__regional");
      line.append(...formatNodes(s.regional, { organisation: office.organisationName, office: office.name }));
      if (office.phone) line.append(" " + s.phone + ": ", phoneLink(office.phone));
      box.append(line);
    });
    if (data.e.length) box.append(...national(data, eventId, s));
    return first;
  }

  /* The national organisations are the same for every municipality: made once per life event,
     then moved into each new result (cheaper on a slow phone than making them again). */
  const nationalParts = new Map();

  function national(data, eventId, s) {
    if (nationalParts.has(eventId)) return nationalParts.get(eventId);
    const parts = [heading(s.national_title, "landelijk"), el("p", "", s.national_intro)];
    const chosen = data.e.find((e) => e[0] === eventId);
    if (chosen) {
      parts.push(el("p", "ww-finder__event", format(s.national_for, { title: chosen[1] })),
                 organisationList(data, chosen[2], s));
    } else {
      data.e.forEach((e) => {
        const details = el("details", "ww-event-orgs");
        details.setAttribute("data-event", e[0]);
        details.open = data.e.length === 1;
        details.append(el("summary", "", e[1]), organisationList(data, e[2], s));
        parts.push(details);
      });
    }
    nationalParts.set(eventId, parts);
    return parts;
  }

  function drawMessage(box, title, texts) {
    const first = heading(title, "uitkomst");
    box.append(first);
    texts.forEach((text) => box.append(el("p", "", text)));
    return first;
  }

  // --- The finder page -----------------------------------------------------------

  function initFinder(root) {
    const s = JSON.parse(root.getAttribute("data-strings"));
    const form = root.querySelector(".ww-finder__form");
    const input = root.querySelector('[role="combobox"]');
    const listbox = document.getElementById(input.getAttribute("aria-controls"));
    const select = form.querySelector("select");
    const status = root.querySelector("[data-status]");
    const result = root.querySelector("[data-result]");
    const query = new URLSearchParams(window.location.search);
    let index = null;
    let matches = [];
    let active = -1;
    let chosen = null;
    let chosenPostcode = null; // the four digits typed for it, or null: its name was typed
    let announceTimer = 0;
    let linkedEvent = "";

    if (select && query.get("gebeurtenis")) {
      const wanted = query.get("gebeurtenis");
      if (Array.from(select.options).some((o) => o.value === wanted)) select.value = wanted;
    }
    form.hidden = false;

    function eventId() {
      return select ? select.value : "";
    }

    function announce(text, now) {
      window.clearTimeout(announceTimer);
      const say = () => { status.textContent = text; };
      if (now) say();
      else announceTimer = window.setTimeout(say, 400);
    }

    function countText(text, found) {
      const wanted = normalise(text);
      if (!wanted) return "";
      if (/^\d{1,3}$/.test(wanted)) return s.postcode_more;
      if (!found.length) return s.found_none;
      if (found.length === 1) return s.found_one;
      // Ranges do not overlap: a postcode with more than one municipality is a shared one.
      if (match.postcode(text) !== null) return format(s.postcode_shared, { count: found.length });
      return format(found.length > MAX_OPTIONS ? s.found_more : s.found_many, { count: found.length });
    }

    function setActive(position) {
      const options = listbox.querySelectorAll('[role="option"]');
      active = position;
      options.forEach((option, i) => option.setAttribute("aria-selected", String(i === position)));
      if (position >= 0 && options[position]) {
        prefetch(matches[position]);
        input.setAttribute("aria-activedescendant", options[position].id);
        options[position].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function setOpen(open) {
      listbox.hidden = !open;
      input.setAttribute("aria-expanded", String(open));
      if (!open) setActive(-1);
    }

    function showOptions() {
      listbox.textContent = "";
      matches.slice(0, MAX_OPTIONS).forEach((p, i) => {
        const option = el("li", "ww-combo__option", p.name);
        option.id = "ww-gemeente-optie-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.addEventListener("mousedown", (e) => e.preventDefault());
        option.addEventListener("pointerenter", () => prefetch(p)); // a finger or pointer on its way
        option.addEventListener("pointerdown", () => prefetch(p));
        option.addEventListener("click", () => choose(p, true));
        listbox.append(option);
      });
      setOpen(matches.length > 0);
    }

    function update() {
      if (!index) return; // Called again once the index has arrived.
      matches = find(index, input.value);
      showOptions();
      announce(countText(input.value, matches));
      // The one that Enter would choose: load its file while the person reads the options.
      const wanted = normalise(input.value);
      prefetch(matches.length === 1 ? matches[0] : matches.find((p) => p.key === wanted || p.sortKey === wanted));
    }

    function remember() {
      const params = new URLSearchParams();
      if (chosen) params.set("gemeente", chosen.name);
      if (chosen && chosenPostcode !== null) params.set("postcode", String(chosenPostcode));
      if (eventId()) params.set("gebeurtenis", eventId());
      const search = params.toString();
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
      if (eventId() === linkedEvent) return;
      // The A–Z links carry the event too, so a municipality's page opens it.
      linkedEvent = eventId();
      root.querySelectorAll("a[data-place]").forEach((a) => {
        const url = new URL(a.getAttribute("href"), window.location.href);
        if (eventId()) url.searchParams.set("gebeurtenis", eventId());
        else url.searchParams.delete("gebeurtenis");
        a.href = url.href;
      });
    }

    function show(draw, focus) {
      result.textContent = "";
      const first = draw(result);
      result.hidden = false;
      if (focus && first) first.focus();
      if (first && window.performance && performance.mark) performance.mark("ww-finder:shown");
    }

    /* The chosen municipality, from its own file: at once when it is here, else once it arrives. */
    function drawChosen(focus) {
      const p = chosen;
      const postcode = chosenPostcode;
      const file = loaded.get(p.id);
      if (file) {
        show((box) => drawPlace(box, index, p, file, postcode, eventId(), s), focus);
        return;
      }
      show((box) => { box.append(el("p", "ww-finder__loading", format(s.loading, { name: p.name }))); }, false);
      shard(p).then(() => {
        if (chosen === p && chosenPostcode === postcode) drawChosen(focus);
      }).catch(() => {
        if (chosen !== p) return;
        show((box) => {
          const first = drawMessage(box, format(s.points_title, { name: p.name }), [format(s.not_loaded, { name: p.name })]);
          const line = el("p");
          line.append(placeLink(p, format(s.nearby_link, { name: p.name })));
          box.append(line);
          return first;
        }, focus);
      });
    }

    /* postcode: the four digits typed for p; left out: read from the field. */
    function choose(p, focus, postcode) {
      chosenPostcode = postcode === undefined ? match.postcode(input.value) : postcode;
      chosen = p;
      input.value = p.name;
      matches = [];
      setOpen(false);
      announce("", true);
      drawChosen(focus);
      window.setTimeout(remember, 0); // Not needed to see the result: do it right after.
    }

    function resolve() {
      const text = input.value.trim();
      const wanted = normalise(text);
      if (!wanted) {
        show((box) => drawMessage(box, s.empty, []), false);
        input.focus();
        return;
      }
      const found = find(index, text);
      const exact = found.find((p) => p.key === wanted || p.sortKey === wanted);
      if (exact || found.length === 1) {
        choose(exact || found[0], true);
        return;
      }
      chosen = null;
      setOpen(false);
      remember();
      if (found.length > 1) {
        const shared = match.postcode(text) !== null; // a postcode that belongs to more than one
        show((box) => {
          const first = heading(shared ? s.postcode_shared_title : s.choose, "uitkomst");
          box.append(first);
          if (shared) {
            box.append(el("p", "", format(s.postcode_shared_text, { postcode: text, count: found.length })));
          }
          const list = el("ul", "ww-finder__choices");
          found.slice(0, MAX_OPTIONS).forEach((p) => {
            const button = el("button", "ww-finder__choice", p.name);
            button.type = "button";
            button.addEventListener("click", () => choose(p, true));
            const li = el("li");
            li.append(button);
            list.append(li);
          });
          box.append(list);
          return first;
        }, true);
      } else if (/^\d{1,3}$/.test(wanted.replace(/ /g, ""))) {
        show((box) => drawMessage(box, s.postcode_more, []), true);
      } else if (match.postcode(text) !== null) {
        show((box) => drawMessage(box, s.not_found_title,
          [format(s.postcode_unknown, { postcode: text }), s.fallback, s.phone_advice]), true);
      } else {
        show((box) => drawMessage(box, s.not_found_title,
          [format(s.not_found, { query: text }), s.fallback, s.phone_advice]), true);
      }
    }

    input.addEventListener("input", () => {
      chosen = null;
      update();
    });

    input.addEventListener("keydown", (e) => {
      const count = listbox.querySelectorAll('[role="option"]').length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (listbox.hidden) {
          matches = index ? find(index, input.value) : [];
          showOptions();
        }
        const total = listbox.querySelectorAll('[role="option"]').length;
        if (!total) return;
        if (e.key === "ArrowDown") setActive(active < 0 ? 0 : (active + 1) % total);
        else setActive(active <= 0 ? total - 1 : active - 1);
      } else if (e.key === "Enter") {
        if (!listbox.hidden && active >= 0 && active < count) {
          e.preventDefault();
          choose(matches[active], true);
        }
      } else if (e.key === "Escape") {
        if (!listbox.hidden) {
          e.preventDefault();
          setOpen(false);
        } else if (input.value) {
          e.preventDefault();
          input.value = "";
          update();
        }
      }
    });

    input.addEventListener("blur", () => setOpen(false));

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (index) resolve();
    });

    if (select) {
      select.addEventListener("change", () => {
        if (chosen) drawChosen(false);
        remember();
      });
    }

    getJson(root.getAttribute("data-src"))
      .then((data) => {
        index = decode(data);
        clock(); // The first time zone lookup is slow on phones: do it now, not on the first choice.
        root.setAttribute("data-ready", "");
        if (window.performance && performance.mark) performance.mark("ww-finder:ready");
        const wanted = normalise(query.get("gemeente") || "");
        const start = wanted && index.places.find((p) => p.key === wanted);
        if (start) choose(start, false, match.postcode(query.get("postcode") || ""));
        else if (input.value) update();
        if (eventId()) remember();
      })
      .catch(() => {
        // Without the index the A–Z list below still works.
        form.hidden = true;
        form.classList.add("ww-finder__form--gone");
      });
  }

  initFinder(finder);
})();
