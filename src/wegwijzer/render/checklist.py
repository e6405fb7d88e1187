"""Printable checklists: one A4 page per life event, plus a tagged PDF made by Chromium."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

import segno
from markupsafe import Markup

from ..content import Content
from .pages import PageSpec
from .urls import Urls, urls


def checklist_pages(content: Content, t: dict[str, Any], u: Urls = urls) -> list[PageSpec]:
    return [
        PageSpec(
            u.checklist(event.id),
            t["checklist"]["title"].format(title=event.title),
            "checklist.html",
            event.id,
            meta={"hide": ["navigation", "toc"], "search": {"exclude": True}},
            assets=("checklist.css", "lijst.js"),
            in_nav=False,
        )
        for event in content.events.values()
    ]


@lru_cache(maxsize=4096)
def qr_svg(url: str, title: str) -> Markup:
    """An inline SVG QR code for ``url``, drawn in black, scalable by CSS.

    Kept per process: drawing one takes about 20 ms, and ``mkdocs serve`` draws them on every rebuild.
    """
    code = segno.make(url, error="m")
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        xmldecl=False,
        svgns=True,
        scale=1,
        border=2,
        title=title,
        svgclass="ww-qr",
        lineclass=None,
        omitsize=True,
    )
    return Markup(out.getvalue().decode("utf-8"))


def short_url(url: str) -> str:
    """A URL as people type it: without https:// and trailing slash."""
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")
