/* The personal list's rules in the browser: which steps, in which order, with which dates.
   They follow wegwijzer.render.personal_list (the reference); the browser tests compare this
   with Python for hundreds of situations. Reads the step data the build writes; keeps nothing. */
window.Wegwijzer = window.Wegwijzer || {};
window.Wegwijzer.plan = (function () {
  "use strict";

  const MAX_EVENTS = 3;
  const ACTING_FOR = ["partner", "ouder", "kind", "naaste"];
  const ANSWERS = ["ja", "nee", "weet-niet"];

  // --- Dates: "YYYY-MM-DD" strings, counted in UTC so that summer time never shifts a day -----

  function parse(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return date.getUTCDate() === Number(m[3]) ? date : null;
  }

  function iso(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(date, days) {
    return new Date(date.getTime() + days * 86400000);
  }

  function addMonths(date, months) {
    const index = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12;
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), last)));
  }

  /* Not a Saturday, a Sunday or a holiday (personal_list.working_day). */
  function workingDay(day, holidays) {
    return day.getUTCDay() % 6 !== 0 && !holidays.has(iso(day));
  }

  function addWorkingDays(date, amount, holidays) {
    const step = amount >= 0 ? 1 : -1;
    let left = Math.abs(amount);
    let day = date;
    while (left) {
      day = addDays(day, step);
      if (workingDay(day, holidays)) left -= 1;
    }
    return day;
  }

  /* The Algemene termijnenwet, as personal_list.working_day_rule: a term that ends on a weekend day or
     holiday runs to the next working day, and a term of 3 days or more holds at least 2 working days. */
  function workingDayRule(start, end, holidays) {
    let count = 0;
    for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) if (workingDay(day, holidays)) count += 1;
    const least = Math.round((end - start) / 86400000) >= 3 ? 2 : 0;
    let day = end;
    while (!workingDay(day, holidays) || count < least) {
      day = addDays(day, 1);
      if (workingDay(day, holidays)) count += 1;
    }
    return day;
  }

  function addLength(date, unit, amount, holidays) {
    if (unit === "days") return addDays(date, amount);
    if (unit === "weeks") return addDays(date, 7 * amount);
    if (unit === "months") return addMonths(date, amount);
    return addWorkingDays(date, amount, holidays);
  }

  // --- The situation, from the address bar ------------------------------------------------

  /* ?verhuizen.huurhuis=ja&verhuizen.datum=2026-12-14&ook=overlijden&voor=ouder */
  function situation(query, own) {
    const events = [own];
    query.getAll("ook").forEach((id) => { if (id && events.indexOf(id) < 0) events.push(id); });
    events.length = Math.min(events.length, MAX_EVENTS);
    const answers = {};
    const dates = {};
    query.forEach((value, key) => {
      const dot = key.indexOf(".");
      if (dot < 1 || events.indexOf(key.slice(0, dot)) < 0 || dot === key.length - 1) return;
      const name = key.slice(dot + 1);
      if (ANSWERS.indexOf(value) >= 0) answers[key] = value;
      else if (parse(value)) dates[key.slice(0, dot) + "." + (name === "datum" ? "event" : name)] = value;
    });
    const voor = query.get("voor") || "";
    return { events, answers, dates, actingFor: ACTING_FOR.indexOf(voor) >= 0 ? voor : "" };
  }

  // --- Which steps, in which order, with which dates ---------------------------------------

  function applies(step, s) {
    if (step.actingForOnly && !s.actingFor) return null;
    const unsure = [];
    for (const [question, wanted] of step.onlyIf) {
      const answer = s.answers[step.event + "." + question] || "weet-niet";
      if (answer === "weet-niet") unsure.push(question);
      else if ((answer === "ja") !== wanted) return null;
    }
    return unsure;
  }

  function dueDate(step, s, holidays) {
    const d = step.deadline;
    if (!d) return null;
    const start = parse(s.dates[step.event + "." + d.from]);
    if (!start) return null;
    const due = addLength(start, d.unit, d.amount, holidays);
    return d.nextWorkingDay ? workingDayRule(start, due, holidays) : due;
  }

  function compare(a, b) {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
    return 0;
  }

  /* datasets: the step data of the chosen events, in the order of s.events. With today, the steps
     whose date has passed come first, as one group; the numbers follow the order shown. */
  function plan(datasets, s, today) {
    const holidays = new Set(datasets.length ? datasets[0].holidays : []);
    const candidates = [];
    datasets.slice(0, MAX_EVENTS).forEach((data, eventIndex) => {
      data.steps.forEach((step) => {
        const unsure = applies(step, s);
        if (unsure === null) return;
        const first = s.actingFor && step.auth ? 0 : 1;
        candidates.push({ key: [first, step.phase, eventIndex, step.position], step, data, unsure,
                          due: dueDate(step, s, holidays) });
      });
    });
    candidates.sort(compare);
    const earliest = {};
    candidates.forEach((c) => {
      if (c.step.shared && c.due && (!earliest[c.step.shared] || c.due < earliest[c.step.shared])) {
        earliest[c.step.shared] = c.due;
      }
    });
    const seen = {};
    const planned = [];
    candidates.forEach((c) => {
      if (c.step.shared) {
        if (seen[c.step.shared]) return;
        seen[c.step.shared] = true;
        c.due = earliest[c.step.shared] || null;
      }
      planned.push({ step: c.step, data: c.data, unsure: c.unsure, number: 0,
                     due: c.due, kind: c.step.deadline ? c.step.deadline.kind : "none" });
    });
    const ordered = today
      ? planned.filter((item) => late(item, today)).concat(planned.filter((item) => !late(item, today)))
      : planned;
    ordered.forEach((item, index) => { item.number = index + 1; });
    return ordered;
  }

  function late(item, today) {
    return Boolean(item.due) && item.due < today && item.kind !== "none" && !item.step.automatic;
  }

  function dueToday(item, today) {
    return Boolean(item.due) && item.due.getTime() === today.getTime() && !item.step.automatic;
  }

  /* Today in the Netherlands, as a UTC midnight like the other dates. */
  function today() {
    try {
      const text = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
      return parse(text) || parse(iso(new Date()));
    } catch (e) {
      const now = new Date();
      return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
    }
  }

  /* "maandag 14 december 2026", with the day and month names of the step data's strings. */
  function dutchDate(date, s) {
    return s.days[(date.getUTCDay() + 6) % 7] + " " + date.getUTCDate() + " " + s.months[date.getUTCMonth()] +
      " " + date.getUTCFullYear();
  }

  /* Where an event's step data is: the element's own data-src, or data-src-each for another event. */
  function dataAddress(root, own, id) {
    return id === own ? root.getAttribute("data-src") : root.getAttribute("data-src-each").replace("{id}", id);
  }

  /* The ticks of every list, kept on this device only: {"event/step": true}. */
  const TICKS = "wegwijzer-klaar";

  function ticks() {
    try { return JSON.parse(window.localStorage.getItem(TICKS) || "{}"); } catch (e) { return {}; }
  }

  function saveTicks(state) {
    try { window.localStorage.setItem(TICKS, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  return { situation, plan, late, dueToday, today, parse, iso, dutchDate, dataAddress, ticks, saveTicks };
})();
