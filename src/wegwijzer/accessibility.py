"""The accessibility gate: every built page in real Chromium, axe-core plus our own checks.

Pages are served on 127.0.0.1 and checked in parallel in one browser. Results
are cached by the page's content (HTML plus the CSS and JS it loads), so an
unchanged page is not checked again.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import sys
import time
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .browser import CHROMIUM_ARGS, chromium_path, in_own_thread, serve

CHECK_VERSION = "4"
"""Change this when the checks change, so cached results are not reused."""

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
DISABLED_RULES: dict[str, str] = {}
"""axe rules switched off, each with the reason. Keep this empty: fix the page instead."""

VIEWPORTS = {"phone": (360, 740), "desktop": (1280, 800)}
VAGUE_LINK_TEXTS = {
    "klik hier",
    "hier",
    "lees meer",
    "meer",
    "meer informatie",
    "link",
    "deze pagina",
    "klik",
}
TEL_PATTERN = re.compile(r"^tel:(\+\d{6,15}|14\d{3,4})$")
"""International format, or a municipal 14-number (14 + area code): those exist only inside the Netherlands."""
MIN_TARGET = 24


@dataclass(frozen=True)
class Finding:
    """One accessibility problem on one page."""

    page: str
    rule: str
    message: str
    element: str = ""
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.page}: {self.rule}: {self.message}"
        if self.element:
            text += f" — element: {' '.join(self.element.split())}"
        if self.fix:
            text += f" — fix: {self.fix}"
        return text


def _script(name: str) -> str:
    return resources.files("wegwijzer").joinpath("data", name).read_text("utf-8").split("\n", 1)[1]


def _pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def _url_path(relative: str) -> str:
    return relative.removesuffix("index.html")


def page_key(site_dir: Path, relative: str) -> str:
    """A hash of the page and every local CSS/JS file it loads, plus the check version."""
    html = (site_dir / relative).read_bytes()
    digest = hashlib.sha256(CHECK_VERSION.encode() + html)
    base = (site_dir / relative).parent
    for ref in sorted(set(re.findall(rb'(?:href|src)="([^"#?]+\.(?:css|js))', html))):
        path = (base / ref.decode()).resolve()
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


async def _check_page(browser: Any, base: str, relative: str, axe: Any) -> list[dict]:
    found: list[dict] = []
    url = base + _url_path(relative)
    for name, (width, height) in VIEWPORTS.items():
        context = await browser.new_context(viewport={"width": width, "height": height})
        page = await context.new_page()
        foreign: list[str] = []

        def record(request: Any, foreign: list[str] = foreign) -> None:
            if not request.url.startswith((base, "data:")):
                foreign.append(request.url)

        page.on("request", record)
        await page.goto(url, wait_until="load")
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"],
                   "rules": {rule: {"enabled": False} for rule in DISABLED_RULES}}  # fmt: skip
        results = await axe.run(page, options=options)
        for violation in results.response.get("violations", []):
            for node in violation["nodes"]:
                found.append({"rule": f"axe/{violation['id']} ({name})", "message": violation["help"],
                              "element": " ".join(node.get("target", []))[:160] or node.get("html", "")[:160],
                              "fix": node.get("failureSummary", "").replace("\n", " ")[:300]})  # fmt: skip
        if name == "phone":
            own = await page.evaluate(
                _script("a11y_own_checks.js")
                .replace("VAGUE", json.dumps(sorted(VAGUE_LINK_TEXTS)))
                .replace("TEL", TEL_PATTERN.pattern.join(["/", "/"]))
                .replace("MIN", str(MIN_TARGET))
            )
            found += own
            found += await page.evaluate(_script("a11y_focus.js"))
            for narrow, label, fix in ((320, "320 px", "let content wrap; avoid fixed widths"),
                                       (640, "200% zoom (640 px)", "use relative sizes so text can grow")):  # fmt: skip
                await page.set_viewport_size({"width": narrow, "height": 640})
                scroll = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if scroll > 1:
                    found.append({"rule": "reflow", "message": f"the page scrolls sideways by {scroll} px at {label}",
                                  "element": "", "fix": fix})  # fmt: skip
        cookies = await context.cookies()
        if cookies:
            found.append({"rule": "cookies", "message": f"the page sets cookies: {[c['name'] for c in cookies]}",
                          "element": "", "fix": "set no cookies"})  # fmt: skip
        for request in sorted(set(foreign)):
            found.append({"rule": "other-host", "message": f"the page requests {request}", "element": "",
                          "fix": "serve it from the site itself; no outside hosts"})  # fmt: skip
        await context.close()
    context = await browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = await context.new_page()
    await page.goto(url, wait_until="load")
    text = await page.evaluate("(document.querySelector('article') || document.body).innerText.trim().length")
    nav_links = await page.evaluate("document.querySelectorAll('nav a[href]').length")
    if text < 20:
        found.append({"rule": "no-javascript", "message": "without JavaScript the page shows no content",
                      "element": "", "fix": "render the content in HTML; let scripts only improve it"})  # fmt: skip
    if nav_links == 0:
        found.append({"rule": "no-javascript", "message": "without JavaScript there is no navigation",
                      "element": "", "fix": "keep the menu links in the HTML"})  # fmt: skip
    await context.close()
    return found


async def _check_all(
    site_dir: Path, pages: list[str], progress: bool, concurrency: int
) -> dict[str, list[dict]]:
    from axe_playwright_python.async_playwright import Axe
    from playwright.async_api import async_playwright

    results: dict[str, list[dict]] = {}
    axe = Axe()
    with serve(site_dir) as base:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            queue = list(pages)
            done = 0

            async def worker() -> None:
                nonlocal done
                while queue:
                    relative = queue.pop(0)
                    results[relative] = await _check_page(browser, base, relative, axe)
                    done += 1
                    if progress:
                        bar = "#" * (30 * done // len(pages))
                        print(
                            f"\rAccessibility [{bar:<30}] {done}/{len(pages)} pages",
                            end="",
                            file=sys.stderr,
                            flush=True,
                        )

            await asyncio.gather(*(worker() for _ in range(min(concurrency, len(pages)) or 1)))
            if progress and pages:
                print(file=sys.stderr)
            await browser.close()
    return results


def check_site(
    site_dir: Path, *, cache_dir: Path | None = None, progress: bool = False, concurrency: int = 4
) -> list[Finding]:
    """Check every HTML page of a built site; returns every finding (empty: the gate passes)."""
    pages = _pages(site_dir)
    cache_file = cache_dir / "accessibility.json" if cache_dir else None
    cache: dict[str, list[dict]] = {}
    if cache_file and cache_file.is_file():
        try:
            cache = json.loads(cache_file.read_text("utf-8"))
        except ValueError:
            cache = {}
    keys = {relative: page_key(site_dir, relative) for relative in pages}
    todo = [relative for relative in pages if keys[relative] not in cache]
    fresh = in_own_thread(asyncio.run, _check_all(site_dir, todo, progress, concurrency)) if todo else {}
    for relative, found in fresh.items():
        cache[keys[relative]] = found
    if cache_file:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        kept = {keys[r]: cache[keys[r]] for r in pages}
        cache_file.write_text(json.dumps(kept, sort_keys=True), "utf-8")
    findings = []
    for relative in pages:
        for item in cache[keys[relative]]:
            findings.append(
                Finding(
                    _url_path(relative) or "/",
                    item["rule"],
                    item["message"],
                    item.get("element", ""),
                    item.get("fix", ""),
                )
            )
    return findings


def timed_check(site_dir: Path, cache_dir: Path | None) -> tuple[list[Finding], float, int]:
    """Check a site and return (findings, seconds, pages): for the benchmark."""
    started = time.perf_counter()
    findings = check_site(site_dir, cache_dir=cache_dir)
    return findings, time.perf_counter() - started, len(_pages(site_dir))


def as_dicts(findings: list[Finding]) -> list[dict]:
    return [asdict(f) for f in findings]
