"""Benchmark of search: what the search page weighs, what a query fetches, and how fast it answers.

``scripts/bench search`` builds the example site (no PDFs, no browser gates), then in Chromium at
360 px: the search page's first view (every response, gzipped as a static host would send it),
and for each query of ``QUERIES`` the bytes fetched for it and the time from submit to results,
with the CPU slowed down four times (CDP ``Emulation.setCPUThrottlingRate``). The first query
also loads Pagefind itself; the budget (≤ 300 ms) is for the queries after it. Nothing is asserted.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
from pathlib import Path

from wegwijzer.publish.browser import launch, serve
from wegwijzer.publish.build import run_build

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("begrafenis", "toeslag", "geen geld voor de huur", "verhuisd", "uitkering", "bezwaar")
PAGE_BUDGET_KB, QUERY_BUDGET_KB, QUERY_BUDGET_MS = 50, 150, 300
SHOWN = "() => document.activeElement && document.activeElement.id === 'resultaten'"
"""The script focuses the results' heading when they are shown."""


def _gzipped(site: Path, url: str, base: str) -> int:
    path = site / url.removeprefix(base).split("?")[0].split("#")[0]
    if path.is_dir() or url.endswith("/"):
        path = path / "index.html"
    return len(gzip.compress(path.read_bytes(), 9)) if path.is_file() else 0


def measure(rate: float = 4.0) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        assert run_build(ROOT / "mkdocs.yml", site, pdf=False) == 0
        with serve(site) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 360, "height": 740})
            fetched: list[str] = []
            page.on("requestfinished", lambda request: fetched.append(request.url))
            page.goto(base + "zoeken/", wait_until="load")
            first_view = sum(_gzipped(site, url, base) for url in fetched)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
            queries = []
            for query in QUERIES:
                fetched.clear()
                page.fill("#ww-zoek", query)
                started = page.evaluate("() => performance.now()")
                page.click("button[type=submit]")
                page.wait_for_function(
                    "() => document.activeElement && document.activeElement.id === 'resultaten'"
                )
                took = page.evaluate("() => performance.now()") - started
                count = page.locator(".ww-result").count()
                queries.append((query, took, sum(_gzipped(site, url, base) for url in fetched), count))
            browser.close()
    return {"first_view": first_view, "queries": queries, "rate": rate}


def rows(result: dict[str, object]) -> list[tuple[str, str]]:
    queries = result["queries"]
    assert isinstance(queries, list)
    lines = [
        (
            "search page, first view (gzipped)",
            f"{result['first_view'] / 1024:.1f} KB (budget {PAGE_BUDGET_KB} KB)",
        )
    ]
    for index, (query, took, size, count) in enumerate(queries):
        note = " (loads Pagefind)" if index == 0 else ""
        lines.append((f"'{query}'{note}", f"{took:.0f} ms, {size / 1024:.1f} KB fetched, {count} shown"))
    later = [took for _, took, _, _ in queries[1:]]
    lines.append(
        (
            f"after the first query, CPU {result['rate']:g}x slower",
            f"median {statistics.median(later):.0f} ms, "
            f"max {max(later):.0f} ms (budget {QUERY_BUDGET_MS} ms)",
        )
    )
    biggest = max(size for _, _, size, _ in queries)
    lines.append(("most fetched by one query", f"{biggest / 1024:.1f} KB (budget {QUERY_BUDGET_KB} KB)"))
    return lines
