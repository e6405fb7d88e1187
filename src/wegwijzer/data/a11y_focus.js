// Focus must be visible: compare each element's style before and after focus.
async () => {
  const out = [];
  const els = [...document.querySelectorAll("a[href], button, input, select, textarea")]
    .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                    return r.width && r.height && s.visibility !== "hidden" && !el.closest("[hidden], [inert]"); })
    .slice(0, 25);
  for (const el of els) {
    const before = getComputedStyle(el);
    const was = [before.outlineStyle, before.outlineWidth, before.boxShadow, before.backgroundColor, before.textDecorationLine].join("|");
    el.focus({focusVisible: true});
    const now = getComputedStyle(el);
    const is = [now.outlineStyle, now.outlineWidth, now.boxShadow, now.backgroundColor, now.textDecorationLine].join("|");
    if (document.activeElement === el && was === is && now.outlineStyle === "none")
      out.push({rule: "focus-visible", message: "focus is not visible on this element", element: el.outerHTML.slice(0, 160), fix: "give it a clear outline on :focus-visible"});
    el.blur();
  }
  return out;
}
