/* The printable checklist (data-module="ww-checklist"). With answers in the address bar it
   shows exactly the personal list of the guide page (same rules, plan.js): the steps of every
   chosen event, in the same order, with their dates and the ticks made on this device. Without
   answers, or without JavaScript, it shows every step of the guide, as the PDF does. */
(function () {
  "use strict";

  const root = document.querySelector('[data-module="ww-checklist"]');
  const W = window.Wegwijzer;
  if (!root || !W || !W.plan || !window.URLSearchParams) return;
  const { el, format, getJson } = W;
  const { situation, plan, late, today, dutchDate, dataAddress, ticks } = W.plan;
  const own = root.getAttribute("data-event");
  function load(id) {
    return getJson(dataAddress(root, own, id));
  }

  function field(label, ...content) {
    const p = el("p");
    p.append(el("strong", "", label + ":"), " ", ...content);
    return p;
  }

  /* One line of the list, like the template's li.ww-check. */
  function row(item, s, c, sit, now, done) {
    const step = item.step;
    const li = el("li", "ww-check" + (done ? " ww-check--done" : ""));
    li.setAttribute("data-step", step.event + "/" + step.id);
    li.value = item.number;
    const box = el("span", "ww-check__box", done ? "✓" : "");
    box.setAttribute("aria-hidden", "true");
    const body = el("div", "ww-check__body");
    const title = sit.actingFor && step.forOther ? format(step.forOther, { wie: s.someone[sit.actingFor] }) : step.title;
    body.append(el("h2", "ww-check__title", title));
    if (done) body.append(el("p", "ww-check__done", c.done));
    const who = step.who;
    const reach = [who.name];
    if (who.phone) reach.push(", " + c.call + " ", Object.assign(el("a", "", who.phone), { href: who.tel }));
    else if (who.note) {
      const note = el("span", "", who.note);
      if (who.municipal) note.setAttribute("data-municipal", "");
      else if (who.regional) note.setAttribute("data-regional", who.regional);
      reach.push(". ", note);
    }
    body.append(field(c.who, ...reach));
    if (step.automatic) body.append(field(c.when, s.automatic));
    else if (step.when || item.due) {
      let text = step.when || "";
      if (item.due) {
        const date = dutchDate(item.due, s);
        const due = late(item, now) ? format(s.late_item, { date }) : format(item.kind === "legal" ? s.due_legal : s.due_advice, { date });
        text = text ? text + " (" + due.replace(/\.$/, "") + ")" : due;
      }
      body.append(field(c.when, text));
    }
    if (step.bring.length) body.append(field(c.bring, step.bring.join("; ")));
    const fields = el("p", "ww-check__fields");
    fields.append(el("span", "", c.done_on + " "), " ", el("span", "", c.reference + " "));
    fields.children[0].append(el("span", "ww-blank"));
    fields.children[1].append(el("span", "ww-blank"));
    body.append(fields);
    li.append(box, body);
    return li;
  }

  /* On paper, the QR code opens this same list: the guide's address with the answers. */
  function personalCode(query, c) {
    const figure = root.querySelector("[data-qr]");
    if (!figure || !W.qr) return;
    const address = new URL(figure.getAttribute("data-qr"));
    address.search = query.toString();
    const image = W.qr.svg(address.href, c.qr_personal);
    const old = figure.querySelector("svg");
    if (!image || !old) return;
    old.replaceWith(image);
    figure.querySelector("figcaption").textContent = c.qr_personal;
  }

  /* Two or more events: the heading names them all, and "In het kort" has a part per event. */
  function nameEvents(all, c) {
    const events = all.map((data) => data.event);
    if (events.length < 2) return;
    const lang = document.documentElement.lang || "nl";
    const titles = events.map((e) => e.title);
    const joined = window.Intl && Intl.ListFormat
      ? new Intl.ListFormat(lang, { type: "conjunction" }).format(titles) : titles.join(", ");
    const heading = document.querySelector("h1");
    if (heading) heading.textContent = format(c.title, { title: joined });
    document.title = format(c.title, { title: joined }) + " - " + document.title.split(" - ").pop();
    const short = root.querySelector(".ww-checklist__short");
    short.querySelectorAll("ul").forEach((ul) => ul.remove());
    events.forEach((e) => {
      short.append(el("h3", "ww-checklist__event", e.title));
      const ul = el("ul");
      e.inShort.forEach((line) => ul.append(el("li", "", line)));
      short.append(ul);
    });
  }

  function start() {
    const date = root.querySelector("[data-today]");
    const c = JSON.parse(root.getAttribute("data-strings"));
    const query = new URLSearchParams(window.location.search);
    const actions = root.querySelector("[data-print-actions]");
    actions.hidden = false;
    actions.addEventListener("click", (event) => {
      if (event.target.getAttribute("data-action") === "print") window.print();
    });
    document.querySelectorAll("a[data-keep-query]").forEach((a) => { a.search = query.toString(); });
    let answered = false;
    query.forEach((value, key) => { if (key.indexOf(".") > 0 && value) answered = true; });
    const sit = situation(query, own);
    Promise.all((answered ? sit.events : [own]).map(load)).then((all) => {
      const s = all[0].strings;
      if (date) date.textContent = dutchDate(today(), s);
      if (!answered) return;
      nameEvents(all, c);
      const state = ticks();
      const now = today();
      const ol = root.querySelector(".ww-checklist__items");
      ol.textContent = "";
      plan(all, sit, now).forEach((item) => {
        ol.append(row(item, s, c, sit, now, Boolean(state[item.step.event + "/" + item.step.id])));
      });
      const pdf = root.querySelector("[data-pdf]");
      if (pdf) pdf.replaceWith(el("span", "", c.pdf_personal));
      personalCode(query, c);
      root.setAttribute("data-personal", "");
      document.dispatchEvent(new CustomEvent("ww:rendered"));
    }).catch((error) => {
      // Without the step data the checklist keeps every step, as on paper.
      if (window.console) window.console.error(error);
    });
  }

  start();
})();
