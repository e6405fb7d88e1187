/* The personal list on a guide page (data-module="ww-personal"): asks the questions and dates
   of each chosen event, then shows the steps that apply, in order, with dates, phone numbers and
   what to bring. The rules are in plan.js. Answers live in the address bar; ticks in this
   device's localStorage; nothing is sent anywhere. Without JavaScript the whole guide shows. */
(function () {
  "use strict";

  const form = document.querySelector('[data-module="ww-personal"]');
  const W = window.Wegwijzer;
  if (!form || !W || !W.plan || !window.URLSearchParams) return;
  const { el, format, getJson, phoneLink } = W;
  const { situation, plan, late, dueToday, today, dataAddress, ticks, saveTicks } = W.plan;
  const own = form.getAttribute("data-event");
  const list = document.getElementById("mijn-lijst");
  const message = form.querySelector("[data-message]");
  const others = form.querySelector("[data-other-questions]");
  const datasets = {};
  let strings = null;

  // --- Data -------------------------------------------------------------------------------

  function load(id) {
    if (datasets[id]) return Promise.resolve(datasets[id]);
    return getJson(dataAddress(form, own, id)).then((data) => { datasets[id] = data; return data; });
  }

  // --- Dates as people write them: 14-12-2026, 14/12/2026, 2026-12-14 ----------------------

  function isoFromInput(text) {
    const value = (text || "").trim();
    let m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(value); // day-month-year
    let iso = "";
    if (m) iso = m[3] + "-" + m[2].padStart(2, "0") + "-" + m[1].padStart(2, "0");
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) iso = value;
    return W.plan.parse(iso) ? iso : null;
  }

  function inputFromIso(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? m[3] + "-" + m[2] + "-" + m[1] : "";
  }

  function dutchDate(date) {
    return W.plan.dutchDate(date, strings);
  }

  // --- The form ------------------------------------------------------------------------------

  function questionsOf(data) {
    const s = data.strings;
    const box = el("fieldset", "ww-personal__event");
    box.setAttribute("data-questions", data.event.id);
    box.append(el("legend", "ww-personal__event-title", format(s.also_questions, { title: data.event.title })));
    data.questions.forEach((q) => {
      const set = el("fieldset", "ww-question");
      set.append(el("legend", "", q.text));
      if (q.hint) set.append(el("p", "ww-question__hint", q.hint));
      [["ja", s.yes], ["nee", s.no], ["weet-niet", s.unknown]].forEach(([value, label]) => {
        const choice = el("label", "ww-choice");
        const input = el("input");
        input.type = "radio";
        input.name = data.event.id + "." + q.id;
        input.value = value;
        choice.append(input, " " + label);
        set.append(choice);
      });
      box.append(set);
    });
    data.moments.forEach((moment) => {
      const id = "ww-" + data.event.id + "-" + moment.name;
      const p = el("p", "ww-field");
      const label = el("label", "", moment.question);
      label.htmlFor = id;
      const hint = el("span", "ww-question__hint", s.date_hint);
      hint.id = id + "-hint";
      const input = el("input", "ww-date");
      Object.assign(input, { type: "text", id, name: data.event.id + "." + moment.name, autocomplete: "off" });
      input.setAttribute("inputmode", "numeric");
      input.setAttribute("aria-describedby", hint.id);
      input.setAttribute("data-date", "");
      p.append(label, hint, input);
      box.append(p);
    });
    return box;
  }

  function chosenOthers() {
    return Array.from(form.querySelectorAll('input[name="ook"]:checked')).map((box) => box.value);
  }

  /* Show the questions of each other chosen event (at most two), keeping what was filled in. */
  function showOthers() {
    if (!others) return Promise.resolve();
    const chosen = chosenOthers();
    form.querySelectorAll('input[name="ook"]').forEach((box) => {
      box.disabled = !box.checked && chosen.length >= 2;
    });
    others.querySelectorAll("[data-questions]").forEach((box) => {
      if (chosen.indexOf(box.getAttribute("data-questions")) < 0) box.remove();
    });
    return Promise.all(chosen.map(load)).then((all) => {
      all.forEach((data) => {
        if (!others.querySelector('[data-questions="' + data.event.id + '"]')) others.append(questionsOf(data));
      });
    });
  }

  function fill(query) {
    Array.from(form.elements).forEach((field) => {
      if (!field.name) return;
      if (field.type === "radio") field.checked = query.get(field.name) === field.value;
      else if (field.type === "checkbox") field.checked = query.getAll(field.name).indexOf(field.value) >= 0;
      else if (field.hasAttribute("data-date")) field.value = inputFromIso(query.get(field.name));
      else if (field.tagName === "SELECT") field.value = query.get(field.name) || "";
    });
  }

  /* The answers as an address: only what was filled in; dates as year-month-day. */
  function read() {
    const query = new URLSearchParams();
    let badDate = null;
    Array.from(form.elements).forEach((field) => {
      if (!field.name || field.disabled) return;
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) return;
      if (field.hasAttribute("data-date")) {
        if (!field.value.trim()) return;
        const iso = isoFromInput(field.value);
        if (iso) query.append(field.name, iso);
        else badDate = badDate || field;
        return;
      }
      if (field.value) query.append(field.name, field.value);
    });
    return { query, badDate };
  }

  function hasAnswers(query) {
    let found = false;
    query.forEach((value, key) => { if (key.indexOf(".") > 0 && value) found = true; });
    return found;
  }

  // --- The list ------------------------------------------------------------------------------

  function titleOf(item, s, sit) {
    const step = item.step;
    if (sit.actingFor && step.forOther) return format(step.forOther, { wie: s.someone[sit.actingFor] });
    return step.title;
  }

  function whenOf(item, s, now) {
    if (item.step.automatic) return el("p", "ww-mylist__auto", s.automatic);
    if (!item.due) return item.step.when ? el("p", "ww-mylist__due", item.step.when) : null;
    const date = dutchDate(item.due);
    let text;
    if (late(item, now)) text = format(s.late_item, { date });
    else if (dueToday(item, now)) text = format(s.due_today, { date });
    else text = format(item.kind === "legal" ? s.due_legal : s.due_advice, { date });
    const p = el("p", late(item, now) ? "ww-mylist__due ww-mylist__due--past" : "ww-mylist__due", text);
    if (item.step.when) p.append(" (" + item.step.when + ")");
    return p;
  }

  function sentence(text) {
    return /[.!?]$/.test(text) ? text : text + ".";
  }

  function whoOf(item, s) {
    const who = item.step.who;
    const p = el("p", "ww-mylist__who");
    p.append(el("span", "ww-label", s.who), " " + who.name + ". ");
    if (who.tel) p.append(s.call + " ", phoneLink(who.phone), ". ");
    else if (who.note) {
      const note = el("span", "", sentence(who.note));
      if (who.municipal) note.setAttribute("data-municipal", "");
      else if (who.regional) note.setAttribute("data-regional", who.regional);
      p.append(note, " ");
    }
    if (who.walkIn) p.append(el("span", "ww-label", s.walk_in), " " + sentence(who.walkIn));
    return p;
  }

  function itemOf(item, index, s, sit, now, state, several) {
    const step = item.step;
    const key = step.event + "/" + step.id;
    const li = el("li", "ww-mylist__item");
    li.setAttribute("data-step", key);
    li.value = item.number;
    const box = el("input");
    box.type = "checkbox";
    box.id = "ww-klaar-" + index;
    box.checked = Boolean(state[key]);
    const label = el("label", "ww-mylist__title");
    label.htmlFor = box.id;
    label.append(el("span", "ww-mylist__number", String(item.number)), " " + titleOf(item, s, sit));
    box.addEventListener("change", () => {
      const current = ticks();
      if (box.checked) current[key] = true; else delete current[key];
      saveTicks(current);
      li.classList.toggle("ww-mylist__item--done", box.checked);
    });
    li.classList.toggle("ww-mylist__item--done", box.checked);
    li.append(box, label);
    const when = whenOf(item, s, now);
    if (when) li.append(when);
    li.append(whoOf(item, s));
    if (step.bring.length) {
      const details = el("details", "ww-mylist__bring");
      const list = el("ul");
      step.bring.forEach((thing) => list.append(el("li", "", thing)));
      details.append(el("summary", "", s.bring), list);
      li.append(details);
    }
    if (step.help !== "yourself") {
      const help = el("p", "ww-mylist__helper", s.helper + " ");
      const a = el("a", "", s.helper_link);
      a.href = new URL(form.getAttribute("data-finder"), window.location.href).href + "?gebeurtenis=" + step.event;
      help.append(a);
      li.append(help);
    }
    item.unsure.forEach((id) => {
      const q = item.data.questions.find((question) => question.id === id) || { text: id };
      li.append(el("p", "ww-mylist__maybe", s.maybe + " " + (q.unsure || format(s.maybe_default, { question: q.text }))));
    });
    const more = el("p", "ww-mylist__link");
    const a = el("a", "", s.read_step + " " + step.title);
    a.href = new URL(step.url, new URL(form.getAttribute("data-root"), window.location.href)).href;
    more.append(a);
    if (several) more.append(el("span", "ww-mylist__from", " (" + s.step_of + " " + item.data.event.title + ")"));
    li.append(more);
    return li;
  }

  function render(all, sit) {
    const s = strings;
    const now = today();
    const planned = plan(all, sit, now);
    const state = ticks();
    const lateList = list.querySelector('[data-items="late"]');
    const rest = list.querySelector('[data-items="rest"]');
    lateList.textContent = "";
    rest.textContent = "";
    planned.forEach((item, index) => {
      const li = itemOf(item, index, s, sit, now, state, all.length > 1);
      (late(item, now) ? lateList : rest).append(li);
    });
    lateList.parentNode.hidden = !lateList.children.length;
    list.querySelector(".ww-mylist__count").textContent = format(s.count, { count: planned.length });
    list.querySelector("[data-share]").href = window.location.href.split("#")[0];
    list.hidden = false;
    numberCards(planned);
    document.dispatchEvent(new CustomEvent("ww:rendered"));
    return planned;
  }

  /* The guide's cards: only the steps of this list, numbered as in the list. */
  function numberCards(planned) {
    const numbers = {};
    (planned || []).forEach((item) => { if (item.step.event === own) numbers[item.step.id] = item.number; });
    document.querySelectorAll("li.ww-step").forEach((card) => {
      const id = card.id.replace(/^stap-/, "");
      const number = card.querySelector(".ww-step__number");
      if (!number.hasAttribute("data-written")) number.setAttribute("data-written", number.textContent);
      card.hidden = planned !== null && !(id in numbers);
      number.textContent = planned === null ? number.getAttribute("data-written") : String(numbers[id] || "");
    });
    document.querySelectorAll(".ww-phase").forEach((section) => {
      section.hidden = !section.querySelector("li.ww-step:not([hidden])");
    });
  }

  function keepQueryInLinks(query) {
    const search = query.toString();
    document.querySelectorAll("a[data-keep-query]").forEach((a) => { a.search = search; });
  }

  function apply(query) {
    if (!hasAnswers(query)) {
      list.hidden = true;
      numberCards(null);
      return Promise.resolve(null);
    }
    const sit = situation(query, own);
    return Promise.all(sit.events.map(load)).then((all) => render(all, sit));
  }

  function show(query, focus) {
    return apply(query)
      .then((planned) => {
        if (planned && focus) list.querySelector("h2").focus();
      })
      .catch(() => {
        message.textContent = strings ? strings.not_loaded : "";
        list.hidden = true;
        numberCards(null);
      });
  }

  // --- Events ---------------------------------------------------------------------------------

  form.addEventListener("change", (event) => {
    if (event.target.name === "ook") showOthers();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { query, badDate } = read();
    if (badDate) {
      message.textContent = strings.date_invalid;
      badDate.focus();
      return;
    }
    if (!hasAnswers(query)) {
      message.textContent = strings.empty;
      list.hidden = true;
      return;
    }
    message.textContent = "";
    const search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + "?" + search + "#mijn-lijst");
    keepQueryInLinks(query);
    show(query, true);
  });

  list.addEventListener("click", (event) => {
    const action = event.target.getAttribute && event.target.getAttribute("data-action");
    const confirm = list.querySelector("[data-confirm]");
    if (action === "clear") {
      confirm.hidden = false;
      confirm.querySelector('[data-action="clear-yes"]').focus();
    } else if (action === "clear-no") {
      confirm.hidden = true;
      list.querySelector('[data-action="clear"]').focus();
    } else if (action === "clear-yes") {
      const state = ticks();
      list.querySelectorAll(".ww-mylist__item").forEach((li) => { delete state[li.getAttribute("data-step")]; });
      saveTicks(state);
      confirm.hidden = true;
      form.reset();
      if (others) others.textContent = "";
      form.querySelectorAll('input[name="ook"]').forEach((box) => { box.disabled = false; });
      window.history.replaceState(null, "", window.location.pathname);
      keepQueryInLinks(new URLSearchParams());
      apply(new URLSearchParams());
      message.textContent = strings.cleared;
      form.querySelector("h2").setAttribute("tabindex", "-1");
      form.querySelector("h2").focus();
    }
  });

  // --- Start -------------------------------------------------------------------------------------

  load(own)
    .then((data) => {
      strings = data.strings;
      form.hidden = false;
      const query = new URLSearchParams(window.location.search);
      fill(query);
      keepQueryInLinks(query);
      return showOthers().then(() => {
        fill(query);
        return show(query, false);
      });
    })
    .catch((error) => {
      // Without the step data the form stays hidden and the whole guide shows, as without JavaScript.
      form.hidden = true;
      if (window.console) window.console.error(error);
    });
})();
