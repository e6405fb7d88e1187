"""The accessibility gate: every built page in real Chromium, axe-core plus our own checks.

The site is served on 127.0.0.1 and its pages are checked a few at a time in one browser,
at phone and desktop size: axe-core (WCAG 2.0–2.2 A and AA, and best practice), then the
checks axe does not do — the Tab walk, focus, skip link, touch targets, text size, reflow at
320 px and at 200 % zoom, headings, link texts, phone links, the language, the page without
JavaScript, and no cookies or requests to other hosts. Results are cached by content.
What runs, and with which thresholds, is set in :mod:`.rules`.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from ...render.urls import step_data_dir
from . import cache
from .findings import Finding
from .rules import CHECK_VERSION, DISABLED_RULES
from .runner import Progress, check_pages

__all__ = ["CHECK_VERSION", "DISABLED_RULES", "Finding", "SiteCheck", "run"]

MAX_PER_RULE = 5
"""Per page and rule, list this many elements; the rest are counted (the first ones show the pattern)."""


@dataclass
class SiteCheck:
    """The outcome of one run of the gate."""

    findings: list[Finding]
    pages: int
    """HTML pages in the site."""
    checked: int
    """Pages checked in the browser."""
    shared: int
    """Pages with the same structure as a page checked in this run: its result holds for them.
    The others (``pages - checked - shared``) were unchanged since an earlier run."""
    seconds: float
    """Wall-clock time of the whole run."""


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to it."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


LIST_DATE = "2026-01-05"
"""The date given when a guide is checked with its personal list shown: far enough back that
some dates have passed, so the list shows its group of passed dates too."""


def personal_list_pages(site_dir: Path) -> list[str]:
    """Each guide with its personal list shown: every question 'weet ik niet' (so every step
    shows, with its notes), every date given, acting for a partner, as a reader could fill in."""
    pages = []
    for data_file in sorted((site_dir / step_data_dir()).glob("*.json")):
        data = json.loads(data_file.read_text("utf-8"))
        event = data["event"]["id"]
        query = [(f"{event}.{q['id']}", "weet-niet") for q in data["questions"]]
        query += [(f"{event}.{m['name']}", LIST_DATE) for m in data["moments"]]
        pages.append(f"{data['event']['url']}?{urlencode([*query, ('voor', 'partner')])}")
    return pages


SEARCHED = "toeslag"
"""What the search page is checked with: a word with many results (a live count, a list of links)."""


def search_pages(site_dir: Path) -> list[str]:
    """The search page with results shown, when the site has one."""
    page = site_dir / "zoeken" / "index.html"
    return [f"zoeken/?{urlencode({'q': SEARCHED})}"] if page.is_file() else []


def _findings(page: str, items: list[dict]) -> list[Finding]:
    """Turn one page's raw results into findings: the same problem at several sizes is told once."""
    merged: dict[tuple[str, str, str], dict] = {}
    for item in items:
        key = (item["rule"], item.get("selector", ""), item["message"])
        first = merged.setdefault(key, {**item, "sizes": []})
        if item.get("at"):
            first["sizes"].append(item["at"].removeprefix("at ").removesuffix(" px"))
    findings: list[Finding] = []
    shown: dict[str, int] = {}
    for (rule, selector, message), item in merged.items():
        shown[rule] = shown.get(rule, 0) + 1
        if shown[rule] > MAX_PER_RULE:
            continue
        if item["sizes"]:
            message = f"{message} (at {' and '.join(item['sizes'])} px)"
        element = " ".join(part for part in (selector, item.get("html", "")) if part)
        findings.append(Finding(page, rule, element, message, item.get("fix", "")))
    for rule, count in shown.items():
        if count > MAX_PER_RULE:
            findings.append(Finding(page, rule, "", f"and {count - MAX_PER_RULE} more like these", ""))
    return findings


def run(
    site_dir: Path,
    *,
    cache_dir: Path | None = None,
    progress: bool = False,
    concurrency: int = max(2, os.cpu_count() or 2),
) -> SiteCheck:
    """Check every HTML page of a built site in Chromium, and say what was done.

    Args:
        site_dir: the built site (or the staging folder of a build).
        cache_dir: where results are kept by content (``.wegwijzer-cache/``); None: no cache.
        progress: show "checked 12/40 pages" on stderr (in place on a terminal).
        concurrency: pages checked at once.
    """
    started = time.perf_counter()
    site_dir = Path(site_dir)
    pages = html_pages(site_dir) + personal_list_pages(site_dir) + search_pages(site_dir)
    earlier = cache.load(cache_dir)
    structures = cache.Structures(cache_dir)
    keys = {relative: cache.page_key(site_dir, relative, structures) for relative in pages}
    structures.save()
    families: dict[str, list[str]] = {}
    for relative in pages:
        if keys[relative] not in earlier:
            families.setdefault(keys[relative], []).append(relative)
    for members in families.values():  # the member with the most text stands for the others
        members.sort(key=lambda relative: -cache.page_file(site_dir, relative).stat().st_size)
    fresh = _check(site_dir, [members[0] for members in families.values()], progress, concurrency)
    # A family whose first page has a problem: every page is checked, so each is told exactly.
    fresh |= _check(
        site_dir,
        [r for members in families.values() if fresh[members[0]] for r in members[1:]],
        progress,
        concurrency,
    )
    results = {}
    for relative in pages:
        key = keys[relative]
        if relative in fresh:
            results[relative] = fresh[relative]
        else:  # the same structure as a page checked now, or unchanged since an earlier run
            results[relative] = fresh[families[key][0]] if key in families else earlier[key]
    # Kept for later runs: the structures that passed. A page with a problem is checked again
    # next time, so its findings always show the page as it is now.
    kept = {key: [] for key, members in families.items() if not any(results[r] for r in members)}
    used = set(keys.values())
    cache.save(cache_dir, {key: found for key, found in earlier.items() if key in used} | kept)
    findings = [f for r in pages for f in _findings(r.removesuffix("index.html") or "/", results[r])]
    shared = sum(len(members) - 1 for members in families.values() if not fresh[members[0]])
    return SiteCheck(findings, len(pages), len(fresh), shared, time.perf_counter() - started)


def _check(site_dir: Path, pages: list[str], progress: bool, concurrency: int) -> dict[str, list[dict]]:
    """Check ``pages`` in the browser, the heaviest first (so the last ones do not wait alone)."""
    if not pages:
        return {}
    pages = sorted(pages, key=lambda relative: -cache.page_file(site_dir, relative).stat().st_size)
    fresh, _ = asyncio.run(check_pages(site_dir, pages, Progress(len(pages), progress), concurrency))
    return fresh
