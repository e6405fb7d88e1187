"""Drive Chromium over the built pages: a few pages at a time in one browser (Playwright's async API)."""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ...model.translation import LANGUAGES, language_of
from ..browser import launch, serve
from . import rules
from .cache import axe_source

PAGE_TIMEOUT_MS = 20_000

_TAB_DOWN = {"type": "rawKeyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
_TAB_UP = {"type": "keyUp", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
_LOCAL_SCHEMES = ("data:", "blob:", "about:")


def _settings(relative: str) -> dict[str, Any]:
    lang = language_of(relative)
    return {
        "lang": lang,
        "dir": LANGUAGES[lang][1],
        "vagueLinkTexts": sorted(rules.VAGUE_LINK_TEXTS),
        "telPatterns": list(rules.TEL_PATTERNS),
        "minTarget": rules.MIN_TARGET_PX,
        "minBodyText": rules.MIN_BODY_TEXT_PX,
    }


def _axe_options() -> dict[str, Any]:
    return {
        "runOnly": {"type": "tag", "values": list(rules.AXE_TAGS)},
        "resultTypes": ["violations"],
        "iframes": False,
        "rules": {rule: {"enabled": False} for rule in rules.DISABLED_RULES},
    }


def _our_script() -> str:
    return resources.files(__package__).joinpath("in_page.js").read_text("utf-8")


def _size(viewport: tuple[int, int]) -> dict[str, int]:
    return {"width": viewport[0], "height": viewport[1]}


def _finding(rule: str, message: str, fix: str, selector: str = "", html: str = "") -> dict[str, str]:
    return {"rule": rule, "message": message, "selector": selector, "html": html, "fix": fix}


def _at(items: list[dict], where: str) -> list[dict]:
    return [{**item, "at": where} for item in items]


@dataclass
class _Tab:
    """One worker's browser tabs: a normal one, and one with JavaScript switched off."""

    page: Any
    cdp: Any
    no_js: Any
    base: str
    requests: list[str] = field(default_factory=list)
    """Requests to other hosts while the current page was checked."""
    pending: set[Any] = field(default_factory=set)
    """Requests still under way (a page's scripts may load data after the load event)."""
    dialogs: list[str] = field(default_factory=list)
    """Messages of alert, confirm and prompt dialogs the current page opened (a sign of injected script)."""

    async def settle(self, seconds: float = 3.0) -> None:
        """Wait until the page's own requests are done and their results are shown."""
        deadline = time.perf_counter() + seconds
        while self.pending and time.perf_counter() < deadline:
            await asyncio.sleep(0.005)
        await self.page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")


async def _open_tab(browser: Any, base: str) -> _Tab:
    context = await browser.new_context(viewport=_size(rules.VIEWPORTS["desktop"]))
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    # axe-core and our checks are installed in every document the tab opens, before its own
    # scripts run: sent to the browser once, instead of half a megabyte per page.
    await context.add_init_script(script=f"{axe_source()};\n{_our_script()}")
    page = await context.new_page()
    cdp = await context.new_cdp_session(page)
    phone = _size(rules.VIEWPORTS["phone"])
    no_js_context = await browser.new_context(java_script_enabled=False, viewport=phone)
    no_js_context.set_default_timeout(PAGE_TIMEOUT_MS)
    tab = _Tab(page, cdp, await no_js_context.new_page(), base)

    def start(request: Any) -> None:
        tab.pending.add(request)
        if not request.url.startswith((base, *_LOCAL_SCHEMES)):
            tab.requests.append(request.url)

    def end(request: Any) -> None:
        tab.pending.discard(request)

    async def dialog(box: Any) -> None:
        tab.dialogs.append(f"{box.type}: {box.message}")
        await box.dismiss()

    page.on("dialog", dialog)
    for each in (context, no_js_context):
        each.on("request", start)
        each.on("requestfinished", end)
        each.on("requestfailed", end)
    return tab


async def _press_tab(tab: _Tab, times: int) -> None:
    """Press Tab ``times`` times, sending the key events in one go (Playwright's press waits for each)."""
    sends = []
    for _ in range(times):
        sends.append(tab.cdp.send("Input.dispatchKeyEvent", _TAB_DOWN))
        sends.append(tab.cdp.send("Input.dispatchKeyEvent", _TAB_UP))
    await asyncio.gather(*sends)


async def _axe(page: Any) -> list[dict]:
    results = await page.evaluate("options => axe.run(document, options)", _axe_options())
    found = []
    for violation in results["violations"]:
        more = violation.get("helpUrl", "").split("?")[0]
        for node in violation["nodes"]:
            fix = " ".join(node.get("failureSummary", "").split()) or violation["description"]
            target = " ".join(str(t) for t in node.get("target", []))
            html = " ".join(node.get("html", "").split())[:160]
            fix = f"{fix} (axe-core: {more})" if more else fix
            found.append(_finding(f"axe/{violation['id']}", violation["help"], fix, target, html))
    return found


async def _keyboard(tab: _Tab) -> list[dict]:
    """Tab through the page until the focus leaves it or comes round again."""
    expected = await tab.page.evaluate("() => window.__wegwijzerA11y.keyboardStart()")
    pressed, batch = 0, expected + 2
    while pressed < 3 * expected + 20:
        await _press_tab(tab, batch)
        pressed += batch
        if await tab.page.evaluate("() => window.__wegwijzerA11y.keyboardDone()"):
            break
        batch = max(4, expected // 4)
    return await tab.page.evaluate("() => window.__wegwijzerA11y.keyboardFinish()")


async def _overflow(page: Any, rule: str, label: str) -> list[dict]:
    return await page.evaluate("s => window.__wegwijzerA11y.overflow(s)", {"rule": rule, "label": label})


async def _check_page(tab: _Tab, relative: str) -> list[dict]:
    """Every check on one page; returns plain dicts (cached as JSON)."""
    page, settings = tab.page, _settings(relative)
    url = tab.base + relative.removesuffix("index.html")
    tab.requests.clear()
    tab.pending.clear()
    tab.dialogs.clear()
    await page.context.clear_cookies()
    found: list[dict] = []

    await page.set_viewport_size(_size(rules.VIEWPORTS["desktop"]))
    await page.goto(url, wait_until="load")
    await tab.settle()
    found += _at(await page.evaluate("s => window.__wegwijzerA11y.documentChecks(s)", settings), "")

    for name in ("desktop", "phone"):
        width, height = rules.VIEWPORTS[name]
        where = f"at {width}×{height} px"
        await page.set_viewport_size({"width": width, "height": height})
        found += _at(await _axe(page), where)
        found += _at(await page.evaluate("s => window.__wegwijzerA11y.targetSizes(s)", settings), where)
        found += _at(await _keyboard(tab), where)
        if name == "desktop":
            await page.evaluate(f"() => window.__wegwijzerA11y.setTextScale({rules.TEXT_SCALE})")
            label = f"with text at {rules.TEXT_SCALE:.0%} ({width} px wide)"
            found += await _overflow(page, "text-200", label)
            await page.evaluate("() => window.__wegwijzerA11y.setTextScale(1)")
        else:
            found += _at(await page.evaluate("s => window.__wegwijzerA11y.bodyTextSize(s)", settings), where)

    await page.set_viewport_size(_size(rules.REFLOW_VIEWPORT))
    found += await _overflow(page, "reflow", f"at {rules.REFLOW_VIEWPORT[0]} px wide")
    await page.set_viewport_size(_size(rules.ZOOM_VIEWPORT))
    found += await _overflow(page, "zoom-200", "at 200% zoom (1280×800 shown as 640×400)")

    cookies = await page.context.cookies()
    if cookies:
        names = ", ".join(sorted({c["name"] for c in cookies}))
        fix = "set no cookies: keep choices in the address or in localStorage on the device"
        found.append(_finding("cookies", f"the page sets cookies: {names}", fix))
    await page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")

    found += _at(await page.evaluate("() => window.__wegwijzerA11y.securityViolations()"), "")
    for message in tab.dialogs:
        fix = "find the text that became script (it must be refused by the checks) and remove it"
        found.append(_finding("dialog", f"the page opened a dialog ({message})", fix))
    found += await _without_javascript(tab, url)
    for request in sorted(set(tab.requests)):
        fix = "serve it from the site itself: no fonts, scripts or trackers from elsewhere"
        found.append(_finding("other-host", f"the page loads {request}", fix))
    return found


async def _without_javascript(tab: _Tab, url: str) -> list[dict]:
    page = tab.no_js
    await page.goto(url, wait_until="load")
    state = await page.evaluate(
        """() => {
            const main = document.querySelector("main");
            const h1 = main && main.querySelector("h1");
            const title = h1 ? h1.innerText.trim().length : 0;
            return {
                title,
                text: main ? main.innerText.trim().length - title : 0,
                nav: document.querySelectorAll("nav a[href]").length,
            };
        }"""
    )
    found = []
    if not state["title"] or state["text"] < 5:
        fix = "put the content and its h1 in the HTML; let scripts only improve it"
        found.append(_finding("no-javascript", "without JavaScript the page shows no content", fix, "main"))
    if not state["nav"]:
        fix = "keep the menu links in the HTML"
        found.append(_finding("no-javascript", "without JavaScript the page has no menu links", fix, "nav"))
    return found


class Progress:
    """'checked 12/40 pages', updated in place on a terminal, otherwise a few plain lines."""

    def __init__(self, total: int, enabled: bool, stream: Any = None) -> None:
        self.total, self.enabled, self.done = total, enabled and total > 0, 0
        self.stream = stream or sys.stderr
        self.in_place = self.enabled and self.stream.isatty()
        self.next_line = 0

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        text = f"Accessibility: checked {self.done}/{self.total} pages"
        if self.in_place:
            end = "\n" if self.done == self.total else ""
            print(f"\r{text}", end=end, file=self.stream, flush=True)
        elif self.done * 4 >= self.next_line * self.total or self.done == self.total:
            while self.done * 4 >= self.next_line * self.total:
                self.next_line += 1
            print(text, file=self.stream, flush=True)


async def check_pages(
    site_dir: Path, pages: list[str], progress: Progress, concurrency: int
) -> tuple[dict[str, list[dict]], dict[str, float]]:
    """Check ``pages`` (paths relative to ``site_dir``), at most ``concurrency`` at a time.

    Returns the findings and the seconds spent, both by page.
    """
    from playwright.async_api import async_playwright

    results: dict[str, list[dict]] = {}
    seconds: dict[str, float] = {}
    queue: asyncio.Queue[str] = asyncio.Queue()
    for relative in pages:
        queue.put_nowait(relative)

    async def worker(tab: _Tab) -> None:
        while not queue.empty():
            relative = queue.get_nowait()
            started = time.perf_counter()
            try:
                results[relative] = await _check_page(tab, relative)
            except Exception as err:  # noqa: BLE001 - a page that cannot be checked is a finding, not a crash
                message = "the page could not be checked: " + " ".join(str(err).split())[:300]
                fix = "open the page in a browser and see if it loads; then run the check again"
                results[relative] = [{**_finding("check-error", message, fix), "error": True}]
            seconds[relative] = time.perf_counter() - started
            progress.step()

    with serve(site_dir) as base:
        async with async_playwright() as playwright:
            browser = await launch(playwright)
            try:
                tabs = [await _open_tab(browser, base) for _ in range(max(1, min(concurrency, len(pages))))]
                await asyncio.gather(*(worker(tab) for tab in tabs))
            finally:
                await browser.close()
    return results, seconds
