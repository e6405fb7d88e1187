"""Page weight budgets: what a phone downloads for a page's first view, gzipped."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..model.translation import LANGUAGES
from ..problems import Problem
from ..render.urls import in_language, urls

_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src|img[^>]+src)="([^"]+)"')
_FOREIGN = re.compile(
    r'<(?:link[^>]+rel="(?:stylesheet|preload|modulepreload|prefetch|icon|manifest)"[^>]*href'
    r'|(?:script|img|iframe|source|video|audio)[^>]+src)="((?:https?:)?//[^"]+)"'
)


GUIDE_BUDGET_KB = 50
"""Default most a guide may weigh on first view, gzipped, in KB (option ``first_view_budget_kb``)."""


@dataclass(frozen=True)
class PageWeight:
    page: str
    html: int
    assets: int

    @property
    def total(self) -> int:
        return self.html + self.assets


@cache
def _gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


def page_weight(site_dir: Path, relative: str) -> PageWeight:
    """HTML plus every local stylesheet, script and image it loads, plus the search index Material fetches."""
    path = site_dir / relative
    html = path.read_text("utf-8")
    assets = 0
    for ref in set(_ASSET.findall(html)):
        if ref.startswith(("http:", "https:", "//", "data:")):
            continue
        target = (path.parent / ref.split("?")[0].split("#")[0]).resolve()
        if target.is_file():
            assets += _gzipped(target)
    index = site_dir / "search" / "search_index.json"
    if 'data-md-component="search"' in html and index.is_file():
        assets += _gzipped(index)
    return PageWeight(relative, len(gzip.compress(html.encode(), 9, mtime=0)), assets)


def foreign_requests(site_dir: Path, relative: str) -> list[str]:
    """Addresses on other hosts that the page would load (not links people click)."""
    return sorted(set(_FOREIGN.findall((site_dir / relative).read_text("utf-8"))))


def check_budgets(site_dir: Path, guide_budget_kb: float) -> tuple[list[Problem], list[PageWeight]]:
    """Problems (guide pages over budget, outside requests) and every page's weight, heaviest first."""
    problems = []
    weights = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        weight = page_weight(site_dir, relative)
        weights.append(weight)
        is_guide = urls.is_guide(in_language(relative, "nl", tuple(LANGUAGES)))
        if is_guide and weight.total > guide_budget_kb * 1024:
            message = (
                f"the first view weighs {weight.total / 1024:.1f} KB gzipped, "
                f"over the budget of {guide_budget_kb:g} KB"
            )
            fix = "make the page lighter (fewer steps per page, less CSS or JS)"
            problems.append(Problem(relative, 0, "budget", message, fix, rule="budget"))
        for address in foreign_requests(site_dir, relative):
            message = f"loads {address} from another host"
            problems.append(
                Problem(relative, 0, "budget", message, "serve it from the site itself", rule="budget")
            )
    weights.sort(key=lambda w: w.total, reverse=True)
    return problems, weights
