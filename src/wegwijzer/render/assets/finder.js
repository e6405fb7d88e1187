/* Loket finder (data-module="ww-finder"): a type-ahead over every municipality (ARIA 1.2
   combobox) whose results are drawn from the JSON index the build writes
   (wegwijzer.render.finder_index); flag values come from the index header, the number of
   options from data-max-options. Matching follows wegwijzer.render.finder.find.
   Remembers nothing: no storage, no cookies; only the address bar holds the choice. */
(function () {
  "use strict";

  const finder = document.querySelector('[data-module="ww-finder"]');
  if (!finder || !window.Wegwijzer || !window.Wegwijzer.match) return;
  const { el, format, getJson, labelled, phoneLink, clock, showToday, match } = window.Wegwijzer;
  const { normalise } = match;
  const MAX_OPTIONS = Number(finder.getAttribute("data-max-options")) || 10;
  const FIRST_POINTS = 10;
  const TYPO_MIN_LENGTH = Number(finder.getAttribute("data-typo-min")) || 4;
  let F = null; // the index header: flag values and the town marker

  // --- The index -----------------------------------------------------------------

  function decode(data) {
    F = data.f;
    return { data: data, places: match.places(data) };
  }

  function find(index, query) {
    return match.find(index.places, query, TYPO_MIN_LENGTH);
  }

  // --- Drawing a result (keep alike: templates/finder_result.html) ---------------

  /* point: [name, address, postcode, phone, kind << 5 | flags, [hours], languages];
     "~" in the name or address stands for the town when its flag is set. */
  function pointItem(data, town, point, s, now) {
    const [rawName, rawAddress, code, phone, kindFlags, hourRefs, languages] = point;
    const flags = kindFlags & ((1 << F.kindShift) - 1);
    const name = flags & F.townInName ? rawName.split(F.town).join(town) : rawName;
    const address = flags & F.townInAddress ? rawAddress.split(F.town).join(town) : rawAddress;
    const hours = hourRefs.map((i) => data.h[i]);
    const li = el("li", "ww-point");
    const title = el("h3", "ww-point__name", name);
    title.tabIndex = -1;
    li.append(title, el("p", "ww-point__kind", s.kinds[data.k[kindFlags >> F.kindShift]]));
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

  /* Draws a municipality into ``box``; returns its first heading. */
  function drawPlace(box, index, p, eventId, s) {
    const data = index.data;
    const now = clock();
    let first;
    if (p.points.length) {
      first = heading(format(s.points_title, { name: p.name }), "loketten");
      const list = el("ul", "ww-points");
      const add = (point) => list.append(pointItem(data, p.name, point, s, now));
      p.points.slice(0, FIRST_POINTS).forEach(add);
      box.append(first, list);
      if (p.points.length > FIRST_POINTS) {
        const more = el("button", "ww-button ww-finder__more", format(s.show_all, { count: p.points.length }));
        more.type = "button";
        more.addEventListener("click", () => {
          const next = FIRST_POINTS;
          p.points.slice(FIRST_POINTS).forEach(add);
          more.remove();
          list.children[next].querySelector("h3").focus();
        });
        box.append(more);
      }
      box.append(el("p", "ww-finder__note", s.holidays));
    } else {
      first = heading(s.no_points_title, "loketten");
      box.append(first, el("p", "ww-finder__library", format(s.no_points, { name: p.name })));
      if (p.nearby) {
        const [other, km, pointName] = p.nearby;
        const there = index.places[other];
        const line = el("p", "ww-finder__nearby", format(s.nearby, { point: pointName, name: there.name, km: km }) + " ");
        const a = el("a", "", format(s.nearby_link, { name: there.name }));
        a.href = finder.getAttribute("data-place-url").replace("{id}", there.id);
        line.append(a);
        box.append(line);
      }
    }
    const call = el("p", "ww-finder__municipality");
    if (p.phone) call.append(format(s.municipality_phone, { name: p.name }), " ", phoneLink(p.phone));
    else call.textContent = s.phone_advice;
    box.append(call);
    if (!data.e.length) return first;
    box.append(heading(s.national_title, "landelijk"), el("p", "", s.national_intro));
    const chosen = data.e.find((e) => e[0] === eventId);
    if (chosen) {
      box.append(el("p", "ww-finder__event", format(s.national_for, { title: chosen[1] })),
                 organisationList(data, chosen[2], s));
    } else {
      data.e.forEach((e) => {
        const details = el("details", "ww-event-orgs");
        details.setAttribute("data-event", e[0]);
        details.open = data.e.length === 1;
        details.append(el("summary", "", e[1]), organisationList(data, e[2], s));
        box.append(details);
      });
    }
    return first;
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
    }

    function remember() {
      const params = new URLSearchParams();
      if (chosen) params.set("gemeente", chosen.name);
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
      if (focus) first.focus();
    }

    function choose(p, focus) {
      chosen = p;
      input.value = p.name;
      matches = [];
      setOpen(false);
      announce("", true);
      show((box) => drawPlace(box, index, p, eventId(), s), focus);
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
        if (chosen) show((box) => drawPlace(box, index, chosen, eventId(), s), false);
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
        if (start) choose(start, false);
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
