// Accessibility checks axe does not do; run in the page by wegwijzer.accessibility.
() => {
  const out = [];
  const add = (rule, message, el, fix) => out.push({rule, message, element: el ? el.outerHTML.slice(0, 160) : "", fix});
  const lang = document.documentElement.getAttribute("lang");
  if (lang !== "nl") add("lang", `the page language is "${lang}", not "nl"`, null, 'set <html lang="nl"> (theme.language: nl)');
  const h1s = document.querySelectorAll("h1");
  if (h1s.length !== 1) add("one-h1", `the page has ${h1s.length} h1 headings`, h1s[1] || null, "use exactly one h1: the page title");
  let last = 0;
  for (const h of document.querySelectorAll("article h1, article h2, article h3, article h4, article h5, article h6")) {
    if (h.closest("[hidden]")) continue;
    const level = Number(h.tagName[1]);
    if (last && level > last + 1) add("heading-order", `heading level jumps from h${last} to h${level}`, h, "do not skip heading levels");
    last = level;
  }
  const skip = document.querySelector('a[href^="#"].md-skip, a.skip-link');
  if (!skip) add("skip-link", "there is no skip link to the content", null, "keep Material's skip link (a.md-skip)");
  for (const a of document.querySelectorAll("a[href]")) {
    const text = (a.getAttribute("aria-label") || a.textContent || "").trim().toLowerCase().replace(/[.:!]+$/, "");
    if (VAGUE.includes(text)) add("link-text", `the link text "${text}" does not say where it goes`, a, "write what the link leads to");
    const href = a.getAttribute("href");
    if (href.startsWith("tel:") && !TEL.test(href)) add("tel-format", `"${href}" is not in international format`, a, "write the number as tel:+31...");
  }
  for (const el of document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")) {
    if (el.tabIndex > 0) add("tab-order", "tabindex above 0 changes the Tab order", el, "remove the positive tabindex");
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // Not shown: Material's closed search dialog keeps its buttons at opacity 0 and out of the Tab order.
    if (!r.width || !r.height || style.visibility === "hidden" || Number(style.opacity) === 0) continue;
    const inline = el.tagName === "A" && style.display === "inline" && el.parentElement && /^(P|LI|DD|SPAN|TD|STRONG)$/.test(el.parentElement.tagName) && (el.parentElement.textContent.trim().length > el.textContent.trim().length + 2);
    if (!inline && (r.width < MIN || r.height < MIN)) add("target-size", `a touch target of ${Math.round(r.width)}×${Math.round(r.height)} px`, el, `make it at least ${MIN}×${MIN} px`);
  }
  return out;
}
