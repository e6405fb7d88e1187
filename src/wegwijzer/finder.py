"""The help-point finder: where a citizen can go or call for help, per municipality."""

from __future__ import annotations

from typing import Any

from .loader import Content
from .model import HelpPoint, Municipality
from .pagespec import DataFile, PageSpec

FINDER = "loket/index.md"


def help_points_by_municipality(content: Content) -> list[tuple[Municipality, list[HelpPoint]]]:
    """Municipalities that have help points, A–Z, each with its points."""
    grouped: dict[str, list[HelpPoint]] = {}
    for point in content.helppoints.values():
        grouped.setdefault(point.municipality, []).append(point)
    municipalities = content.municipalities
    return [
        (municipalities[m], points)
        for m, points in sorted(grouped.items(), key=lambda kv: municipalities[kv[0]].name)
    ]


def finder_pages(content: Content, t: dict[str, Any]) -> list[PageSpec]:
    return [
        PageSpec(
            FINDER,
            t["finder_title"],
            "finder.html",
            context={"by_municipality": help_points_by_municipality(content)},
        )
    ]


def finder_files(content: Content) -> list[DataFile]:
    return []
