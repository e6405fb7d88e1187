// Wegwijzer's own accessibility checks, run inside each page by wegwijzer.accessibility.
// This expression installs window.__wegwijzerA11y; Python calls its functions with a settings object.
// Every finding is {rule, message, selector, html, fix}.
(() => {
  const FOCUSABLE = [
    "a[href]", "area[href]", "button", "input:not([type=hidden])", "select", "textarea", "iframe",
    "summary", "[tabindex]", "[contenteditable]:not([contenteditable=false])", "audio[controls]",
    "video[controls]",
  ].join(",");
  const INTERACTIVE = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=checkbox], [role=radio], [role=tab], [role=menuitem], [onclick]";

  // ---------------------------------------------------------------- naming elements in findings
  function selector(el) {
    if (!el || el.nodeType !== 1) return "";
    const parts = [];
    for (let node = el; node && node.nodeType === 1 && parts.length < 5; node = node.parentElement) {
      if (node.id && document.querySelectorAll(`#${CSS.escape(node.id)}`).length === 1) {
        parts.unshift(`#${CSS.escape(node.id)}`);
        break;
      }
      let part = node.localName;
      const cls = [...node.classList].find(c => !c.startsWith("md-") || node === el);
      if (cls) part += `.${CSS.escape(cls)}`;
      const parent = node.parentElement;
      if (parent) {
        const same = [...parent.children].filter(c => c.localName === node.localName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      }
      parts.unshift(part);
      if (node === document.body) break;
    }
    return parts.join(" > ");
  }

  function snippet(el) {
    if (el === document.documentElement || el === document.body) return el.outerHTML.slice(0, el.outerHTML.indexOf(">") + 1);
    const html = el.outerHTML.replace(/\s+/g, " ");
    if (html.length <= 160) return html;
    const open = html.slice(0, html.indexOf(">") + 1);
    const text = el.textContent.replace(/\s+/g, " ").trim().slice(0, 60);
    return (open.length > 120 ? open.slice(0, 117) + "..." : open) + (text ? `${text}…` : "…");
  }

  function finding(rule, message, el, fix) {
    return { rule, message, selector: el ? selector(el) : "", html: el ? snippet(el) : "", fix };
  }

  // ---------------------------------------------------------------- visibility helpers
  function shown(el) {
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }

  function tabbable(el) {
    if (el.tabIndex < 0 || el.disabled || el.closest("[inert]")) return false;
    if (el.localName === "summary" && el.parentElement.localName !== "details") return false;
    if (el.localName === "input" && el.type === "radio" && el.name) {
      const group = [...document.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)]
        .filter(r => r.form === el.form && !r.disabled);
      const checked = group.find(r => r.checked);
      if (checked ? checked !== el : group[0] !== el) return false;
    }
    return el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
  }

  const tabbables = () => [...document.querySelectorAll(FOCUSABLE)].filter(tabbable);

  // Is any part of the element visible in the viewport and not covered by something else?
  function visibleOnScreen(el) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const inset = (a, b) => a + Math.min(2, (b - a) / 2);
    const points = [
      [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
      [inset(r.left, r.right), inset(r.top, r.bottom)],
      [r.right - (inset(r.left, r.right) - r.left), inset(r.top, r.bottom)],
      [inset(r.left, r.right), r.bottom - (inset(r.top, r.bottom) - r.top)],
      [r.right - (inset(r.left, r.right) - r.left), r.bottom - (inset(r.top, r.bottom) - r.top)],
    ];
    return points.some(([x, y]) => {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const top = document.elementFromPoint(x, y);
      return top && (top === el || el.contains(top) || top.contains(el) && top.localName === "label");
    });
  }

  // ---------------------------------------------------------------- checks that need only the DOM
  function documentChecks(s) {
    const out = [];
    const lang = document.documentElement.getAttribute("lang");
    if (lang !== s.lang) {
      out.push(finding("html-lang", `the page language is "${lang}", not "${s.lang}"`, document.documentElement,
        `set <html lang="${s.lang}"> (mkdocs.yml: theme.language: ${s.lang})`));
    }
    const dir = document.body.getAttribute("dir") || "ltr";
    if (dir !== s.dir) {
      out.push(finding("dir", `the page's writing direction is "${dir}", not "${s.dir}"`, document.body,
        `set <body dir="${s.dir}">: Material's partials/language.html takes it from the page's language`));
    }
    const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .filter(h => h.checkVisibility() && !h.closest("[aria-hidden=true]"));
    const h1s = headings.filter(h => h.localName === "h1");
    if (h1s.length !== 1) {
      out.push(finding("one-h1", `the page has ${h1s.length} h1 headings, not exactly one`, h1s[1] || null,
        "give every page exactly one h1: the page title"));
    }
    let last = 0;
    for (const h of headings) {
      const level = Number(h.localName[1]);
      if (level > last + 1) {
        out.push(finding("heading-order",
          last ? `the headings jump from h${last} to h${level}` : `the first heading is h${level}, not h1`, h,
          `use h${last + 1} here: do not skip heading levels`));
      }
      last = level;
    }
    for (const a of document.querySelectorAll("a[href]")) {
      const name = (a.getAttribute("aria-label") || a.textContent).replace(/\s+/g, " ").trim().toLowerCase()
        .replace(/[\s.:;,!?»›→…>]+$/u, "").replace(/^[\s«‹←<]+/u, "");
      if (s.vagueLinkTexts.includes(name)) {
        out.push(finding("link-text", `the link text "${name}" does not say where the link goes`, a,
          "write where the link goes, e.g. \"Lees hoe u de AOW aanvraagt\""));
      }
      const href = a.getAttribute("href");
      if (href.toLowerCase().startsWith("tel:") && !s.telPatterns.some(p => new RegExp(p).test(href))) {
        out.push(finding("tel-format", `the phone link "${href}" is not in international format`, a,
          "write it as tel:+31 and the number without the first 0, e.g. tel:+31302649090"));
      }
    }
    for (const el of document.querySelectorAll("[tabindex]")) {
      if (el.tabIndex > 0) {
        out.push(finding("tab-order", `tabindex="${el.getAttribute("tabindex")}" changes the Tab order`, el,
          "remove the positive tabindex; put the element where it belongs in the HTML"));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- checks that depend on the layout
  function isInlineInText(el) {
    if (getComputedStyle(el).display !== "inline") return false;
    for (let block = el.parentElement; block; block = block.parentElement) {
      const display = getComputedStyle(block).display;
      if (display === "inline" || display === "contents") continue;
      const own = el.textContent.replace(/\s+/g, "").length;
      return block.textContent.replace(/\s+/g, "").length > own + 3;
    }
    return false;
  }

  // WCAG 2.5.8: at least 24×24 px, unless inline in a sentence, or spaced so that 24 px circles
  // around undersized targets do not touch another target or circle.
  function targetSizes(s) {
    const out = [];
    const targets = [...document.querySelectorAll(INTERACTIVE)].filter(el => shown(el) && !el.closest("[inert]"))
      .filter(el => !(el.localName === "input" && getComputedStyle(el).appearance === "none" && !el.labels?.length
                      && el.getBoundingClientRect().width < 2));
    const rects = targets.map(el => el.getBoundingClientRect());
    const small = rects.map(r => r.width < s.minTarget - 0.5 || r.height < s.minTarget - 0.5);
    const half = s.minTarget / 2;
    const centre = r => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
    const distanceToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    targets.forEach((el, i) => {
      if (!small[i] || isInlineInText(el)) return;
      if (el.localName === "input" && ["checkbox", "radio"].includes(el.type) && el.labels?.length
          && [...el.labels].some(label => { const r = label.getBoundingClientRect(); return r.height >= s.minTarget; })) {
        return; // the label is part of the target: clicking it ticks the box
      }
      const c = centre(rects[i]);
      const crowded = targets.some((other, j) => {
        if (j === i || other.contains(el) || el.contains(other)) return false;
        return small[j] ? Math.hypot(c[0] - centre(rects[j])[0], c[1] - centre(rects[j])[1]) < s.minTarget
                        : distanceToRect(c, rects[j]) < half;
      });
      if (crowded) {
        const r = rects[i];
        out.push(finding("target-size", `a touch target of ${Math.round(r.width)}×${Math.round(r.height)} px, too close to another`, el,
          `make it at least ${s.minTarget}×${s.minTarget} px (padding or min-height), or give it more space`));
      }
    });
    return out;
  }

  function bodyTextSize(s) {
    const out = [];
    const main = document.querySelector("main article") || document.querySelector("main") || document.body;
    const seen = new Set();
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.data.trim() || seen.has(el) || !el.checkVisibility() || el.closest("h1,h2,h3,h4,h5,h6")) continue;
      seen.add(el);
      const size = parseFloat(getComputedStyle(el).fontSize);
      const clipped = el.getBoundingClientRect().width <= 1;  // text for screen readers only
      if (size < s.minBodyText - 0.01 && !clipped) {
        out.push(finding("text-size", `text of ${Math.round(size * 10) / 10} px on a phone; body text needs at least ${s.minBodyText} px`, el,
          "use the normal text size (1em); make small print no smaller than 0.9rem"));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- reflow and enlarged text
  function overflow(s) {
    const out = [];
    const width = document.documentElement.clientWidth;
    const extra = document.documentElement.scrollWidth - width;
    if (extra > 1) {
      // The outermost element that sticks out, or whose text does; content of a scroll box does not count.
      const inScrollBox = el => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== "visible") return true;
        }
        return false;
      };
      const shown = [...document.body.querySelectorAll("*")].filter(el => el.checkVisibility() && !inScrollBox(el));
      const ownText = el => [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
      const culprit = shown.find(el => el.getBoundingClientRect().right > width + 1)
        || shown.find(el => ownText(el) && el.scrollWidth > el.clientWidth + 1) || null;
      out.push(finding(s.rule, `the page scrolls sideways by ${extra} px ${s.label}`, culprit,
        "let it wrap: no fixed widths, use max-width: 100% and overflow-wrap: anywhere for long words"));
    }
    for (const el of document.body.querySelectorAll("*")) {
      const own = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
      if (!own || !el.checkVisibility()) continue;
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || style.clip !== "auto" || style.clipPath !== "none") continue;
      const hidesX = ["hidden", "clip"].includes(style.overflowX);
      const hidesY = ["hidden", "clip"].includes(style.overflowY);
      if ((hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 1)) {
        out.push(finding(s.rule, `text is cut off ${s.label}`, el,
          "let the text wrap (no white-space: nowrap, no fixed height, no text-overflow: ellipsis)"));
      } else if (!hidesY && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 2) {
        out.push(finding(s.rule, `text spills out of its box ${s.label}`, el, "do not give boxes with text a fixed height"));
      }
    }
    return out;
  }

  function setTextScale(factor) {
    const root = document.documentElement;
    if (factor === 1) {
      root.style.removeProperty("font-size");
      return;
    }
    root.style.removeProperty("font-size");
    const size = parseFloat(getComputedStyle(root).fontSize);
    root.style.setProperty("font-size", `${size * factor}px`, "important");
  }

  // ---------------------------------------------------------------- the keyboard walk
  // Python presses Tab; here we note where the focus goes and how it looks.
  const STYLE_KEYS = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor", "borderTopColor", "borderBottomColor"];
  let walk = null;
  const styleOf = el => { const now = getComputedStyle(el); return STYLE_KEYS.map(k => now[k]); };

  // Visible focus: an outline, or a box-shadow, background or border that changes on focus.
  function focusIndicator(el, before) {
    const now = getComputedStyle(el);
    const transparent = c => /^rgba\(.*,\s*0\)$/.test(c) || c === "transparent";
    if (now.outlineStyle !== "none" && parseFloat(now.outlineWidth) >= 1 && !transparent(now.outlineColor)) return true;
    if (!before) return false;
    const after = styleOf(el);
    return STYLE_KEYS.slice(3).some((key, i) => before[i + 3] !== after[i + 3] && !(key === "boxShadow" && after[i + 3] === "none"));
  }

  function keyboardStart() {
    window.scrollTo(0, 0);
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    const expected = tabbables();
    const before = new Map(expected.map(el => [el, styleOf(el)]));
    walk = { expected, before, visits: [], check: null };
    const note = () => {
      const last = walk.visits[walk.visits.length - 1];
      if (last && last.onScreen === null) {
        last.onScreen = visibleOnScreen(last.el);
        const r = last.el.getBoundingClientRect();
        last.rect = { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX };
      }
    };
    walk.note = note;
    walk.onFocus = event => {
      note();
      const el = event.target;
      walk.visits.push({ el, indicator: focusIndicator(el, walk.before.get(el)), onScreen: null, rect: null });
    };
    walk.onKey = note;
    document.addEventListener("focusin", walk.onFocus, true);
    document.addEventListener("keydown", walk.onKey, true);
    // Start the Tab sequence at the top of the document.
    const start = document.createElement("span");
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus({ preventScroll: true });
    walk.visits = [];
    start.remove();
    return expected.length;
  }

  // Done when the focus has left the page, or has come round to an element seen before.
  function keyboardDone() {
    const { visits } = walk;
    const active = document.activeElement;
    if (!visits.length) return false;
    if (!active || active === document.body || !document.hasFocus()) return true;
    return visits.slice(0, -1).some(v => v.el === visits[visits.length - 1].el);
  }

  function keyboardFinish() {
    const out = [];
    walk.note();
    document.removeEventListener("focusin", walk.onFocus, true);
    document.removeEventListener("keydown", walk.onKey, true);
    const { expected, visits } = walk;
    // The first Tab stop: a skip link to the content.
    const first = visits[0] && visits[0].el;
    const target = first && first.localName === "a" && (first.getAttribute("href") || "").startsWith("#")
      && document.getElementById(decodeURIComponent(first.getAttribute("href").slice(1)));
    if (!target) {
      out.push(finding("skip-link", "the first Tab stop is not a link that skips to the content", first || null,
        "put a link \"Ga naar inhoud\" to the start of the content first in the page"));
    }
    const seen = new Set();
    let previous = null;
    for (const visit of visits) {
      const el = visit.el;
      if (seen.has(el)) break; // back at the start: the walk is complete
      seen.add(el);
      if (!visit.onScreen) {
        out.push(finding("focus-visible", `the focus goes to an element you cannot see`, el,
          "hide it with display: none or the hidden attribute while it is not shown, or keep it on screen and uncovered"));
      } else if (!visit.indicator) {
        out.push(finding("focus-visible", `the focus is not visible on this element`, el,
          "give it a clear outline on :focus-visible (theme/assets/stylesheets/theme.css)"));
      }
      if (previous && previous.onScreen && visit.onScreen && previous.el.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) {
        const landmark = e => e.closest("header, nav, main, aside, footer, form, [role=dialog]");
        // Up is wrong unless it is the top of the next column (to the right; to the left in Arabic).
        const rtl = getComputedStyle(el).direction === "rtl";
        const nextColumn = rtl ? visit.rect.right <= previous.rect.left + 1 : visit.rect.left >= previous.rect.right - 1;
        const above = visit.rect.top < previous.rect.top - 1 && visit.rect.bottom <= previous.rect.top + 2;
        if (landmark(previous.el) === landmark(el) && above && !nextColumn) {
          out.push(finding("focus-order", `Tab jumps up the page, from ${selector(previous.el)} to here`, el,
            "keep the visual order the same as the order in the HTML (no CSS order, no absolute positions)"));
        }
      }
      if (previous && previous.el.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) {
        out.push(finding("focus-order", `Tab goes back in the page, from ${selector(previous.el)} to here`, el,
          "keep the Tab order the same as the order in the HTML (no positive tabindex)"));
      }
      previous = visit;
    }
    for (const el of expected) {
      if (!seen.has(el) && shown(el)) {
        out.push(finding("keyboard", `this element cannot be reached with the Tab key`, el,
          "make sure no keyboard trap or script keeps the focus elsewhere"));
      }
    }
    walk = null;
    return out;
  }

  // Transitions would let a check see a half-faded element: show every state at once. A constructed
  // style sheet, not a <style> element: the page's Content-Security-Policy refuses inline styles.
  const still = new CSSStyleSheet();
  still.replaceSync("*, *::before, *::after { transition: none !important; animation: none !important; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, still];

  // Anything the page's Content-Security-Policy refused: a script or style that is not the site's own.
  const refused = [];
  document.addEventListener("securitypolicyviolation", e => refused.push(e));
  function securityViolations() {
    return refused.map(e => ({
      rule: "content-security-policy",
      message: `the browser refused ${e.blockedURI || "inline code"} (${e.effectiveDirective})` +
        (e.sourceFile ? ` in ${e.sourceFile}:${e.lineNumber}` : ""),
      selector: "", html: e.sample || "",
      fix: "load scripts and styles only as files of the site itself: no inline code, style attributes or other hosts",
    }));
  }

  window.__wegwijzerA11y = {
    documentChecks, targetSizes, bodyTextSize, overflow, setTextScale, keyboardStart, keyboardDone, keyboardFinish,
    securityViolations,
  };
  return true;
})()
