/* Personal overview: applies the step data the build wrote (filter, sort key, deadline days).
   The rules live in Python (wegwijzer.overview); this script only applies their output.
   Answers live in the URL; ticked steps in localStorage on this device only. */
(function () {
  "use strict";

  var STORE = "wegwijzer-klaar";
  if (!window.fetch || !window.URLSearchParams) return;
  var checklist = document.querySelector('[data-module="ww-checklist"]');
  if (checklist) initChecklist(checklist);
  var form = document.querySelector('[data-module="ww-personal"]');
  if (!form) return;
  var list = document.getElementById("mijn-lijst");
  var items = list.querySelector(".ww-mylist__items");
  var count = list.querySelector(".ww-mylist__count");
  var strings = null;
  form.hidden = false;

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function hasSituation(query) {
    var found = false;
    query.forEach(function (value) { if (value) found = true; });
    return found;
  }

  function fillForm(query) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      var value = query.get(el.name);
      if (el.type === "radio") el.checked = value === el.value;
      else if (el.type === "checkbox") el.checked = value === el.value;
      else if (el.tagName === "SELECT" || el.type === "date") el.value = value || "";
    });
  }

  function readForm() {
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value) query.set(name, value);
    });
    return query;
  }

  function load(src) {
    return fetch(new URL(src, window.location.href)).then(function (r) { return r.json(); });
  }

  function done() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  }

  function setDone(key, value) {
    var state = done();
    if (value) state[key] = true; else delete state[key];
    window.localStorage.setItem(STORE, JSON.stringify(state));
  }

  function applies(step, query) {
    var unsure = [];
    for (var q in step.onlyIf) {
      var answer = query.get(q) || "weet-niet";
      if (answer === "weet-niet") unsure.push(q);
      else if ((answer === "ja") !== step.onlyIf[q]) return null;
    }
    return unsure;
  }

  function compare(a, b) {
    for (var i = 0; i < a.sort.length; i++) {
      if (a.sort[i] !== b.sort[i]) return a.sort[i] - b.sort[i];
    }
    return 0;
  }

  function plan(datasets, query) {
    var forOther = query.get("voor-ander") === "ja";
    var planned = [];
    datasets.forEach(function (data, eventIndex) {
      data.steps.forEach(function (step) {
        var unsure = applies(step, query);
        if (unsure === null) return;
        var first = forOther && step.auth ? 0 : 1;
        planned.push({ step: step, data: data, unsure: unsure,
                       sort: [first].concat(step.key, [eventIndex]) });
      });
    });
    planned.sort(compare);
    var seen = {};
    return planned.filter(function (p) {
      if (!p.step.shared) return true;
      if (seen[p.step.shared]) return false;
      seen[p.step.shared] = true;
      return true;
    });
  }

  function parseDate(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  }

  function formatDate(date) {
    return new Intl.DateTimeFormat("nl-NL", { weekday: "long", day: "numeric", month: "long", year: "numeric" })
      .format(date);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function questionText(datasets, id) {
    for (var i = 0; i < datasets.length; i++) {
      var qs = datasets[i].questions;
      for (var j = 0; j < qs.length; j++) if (qs[j].id === id) return qs[j];
    }
    return { text: id, unsure: null };
  }

  function render(datasets, query) {
    var s = strings;
    var planned = plan(datasets, query);
    var start = parseDate(query.get("datum"));
    var today = new Date();
    today.setHours(0, 0, 0, 0);
    var forOther = query.get("voor-ander") === "ja";
    var root = new URL(form.getAttribute("data-root"), window.location.href);
    var state = done();
    items.textContent = "";
    planned.forEach(function (p, index) {
      var step = p.step;
      var key = step.event + "/" + step.id;
      var li = el("li", "ww-mylist__item");
      li.setAttribute("data-step", key);
      var box = el("input");
      box.type = "checkbox";
      box.id = "ww-klaar-" + index;
      box.checked = Boolean(state[key]);
      var label = el("label", "ww-mylist__title", (forOther && step.forOther) || step.title);
      label.setAttribute("for", box.id);
      box.addEventListener("change", function () {
        setDone(key, box.checked);
        li.classList.toggle("ww-mylist__item--done", box.checked);
      });
      li.classList.toggle("ww-mylist__item--done", box.checked);
      li.appendChild(box);
      li.appendChild(label);
      if (start && step.days !== null) {
        var due = new Date(start.getTime());
        due.setDate(due.getDate() + step.days);
        var text = due < today ? s.overdue : s.due;
        li.appendChild(el("p", due < today ? "ww-mylist__due ww-mylist__due--past" : "ww-mylist__due",
                          text.replace("{date}", formatDate(due))));
      } else if (step.when) {
        li.appendChild(el("p", "ww-mylist__due", step.when));
      }
      p.unsure.forEach(function (id) {
        var q = questionText(datasets, id);
        li.appendChild(el("p", "ww-mylist__maybe",
                          s.maybe + " " + (q.unsure || s.maybe_default.replace("{question}", q.text))));
      });
      var more = el("p", "ww-mylist__link");
      var a = el("a", "", s.read_step + " " + step.title);
      a.href = new URL(step.url, root).href;
      more.appendChild(a);
      if (datasets.length > 1) more.appendChild(el("span", "ww-mylist__from", " (" + s.step_of + " " + p.data.event.title + ")"));
      li.appendChild(more);
      items.appendChild(li);
    });
    count.textContent = s.count.replace("{count}", String(planned.length));
    list.hidden = false;
    markCards(planned);
  }

  function markCards(planned) {
    var own = form.getAttribute("data-event");
    var keep = {};
    planned.forEach(function (p) { if (p.step.event === own) keep[p.step.id] = true; });
    document.querySelectorAll("li.ww-step").forEach(function (card) {
      var id = card.id.replace(/^stap-/, "");
      card.hidden = planned && !keep[id];
    });
    document.querySelectorAll(".ww-phase").forEach(function (section) {
      section.hidden = !section.querySelector("li.ww-step:not([hidden])");
    });
  }

  function apply(query) {
    if (!hasSituation(query)) {
      list.hidden = true;
      document.querySelectorAll("li.ww-step, .ww-phase").forEach(function (n) { n.hidden = false; });
      return Promise.resolve();
    }
    var sources = [form.getAttribute("data-src")];
    var also = query.get("ook");
    var option = also && form.querySelector('option[value="' + CSS.escape(also) + '"]');
    if (option) sources.push(option.getAttribute("data-src"));
    return Promise.all(sources.map(load)).then(function (datasets) {
      strings = datasets[0].strings;
      render(datasets, query);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = readForm();
    var search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + "#mijn-lijst");
    keepQueryInLinks(query);
    apply(query).then(function () {
      if (!list.hidden) list.querySelector("h2").focus();
    });
  });

  list.addEventListener("click", function (event) {
    var action = event.target.getAttribute && event.target.getAttribute("data-action");
    if (action === "print") {
      var target = document.querySelector("a[data-keep-query]");
      if (target) window.location.href = target.href;
      else window.print();
    }
    if (action === "clear") {
      window.localStorage.removeItem(STORE);
      form.reset();
      window.history.replaceState(null, "", window.location.pathname);
      keepQueryInLinks(new URLSearchParams());
      apply(new URLSearchParams());
      form.querySelector("h2").setAttribute("tabindex", "-1");
      form.querySelector("h2").focus();
    }
  });

  function keepQueryInLinks(query) {
    var search = query.toString();
    document.querySelectorAll("a[data-keep-query]").forEach(function (a) {
      a.search = search;
    });
  }

  function initChecklist(root) {
    var today = root.querySelector("[data-today]");
    if (today) today.textContent = formatDate(new Date());
    var actions = root.querySelector("[data-print-actions]");
    actions.hidden = false;
    actions.addEventListener("click", function (event) {
      if (event.target.getAttribute("data-action") === "print") window.print();
    });
    var query = params();
    if (!hasSituation(query)) return;
    var sources = [root.getAttribute("data-src")];
    Promise.all(sources.map(load)).then(function (datasets) {
      var planned = plan(datasets, query);
      var start = parseDate(query.get("datum"));
      var ol = root.querySelector(".ww-checklist__items");
      var rows = {};
      ol.querySelectorAll("li.ww-check").forEach(function (li) {
        rows[li.getAttribute("data-step")] = li;
        li.hidden = true;
      });
      planned.forEach(function (p) {
        var li = rows[p.step.id];
        if (!li) return;
        li.hidden = false;
        ol.appendChild(li);
        var due = li.querySelector("[data-due]");
        if (due && start && p.step.days !== null) {
          var date = new Date(start.getTime());
          date.setDate(date.getDate() + p.step.days);
          due.textContent = " (" + datasets[0].strings.due.replace("{date}", formatDate(date)).replace(/\.$/, "") + ")";
        }
      });
      ol.querySelectorAll("li.ww-check[hidden]").forEach(function (li) { li.remove(); });
    });
  }

  var initial = params();
  fillForm(initial);
  keepQueryInLinks(initial);
  apply(initial);
})();
