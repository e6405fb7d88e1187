"""What the accessibility gate checks, and with which thresholds: the one place to change them."""

from __future__ import annotations

CHECK_VERSION = "6"
"""Raise this when a check changes in a way the source hash would not show (e.g. a Chromium update)."""

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice")
"""axe-core rule tags that run: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus best practice."""

DISABLED_RULES: dict[str, str] = {}
"""axe-core rules switched off, rule id → why. Keep it empty: fix the page or the theme instead."""

VIEWPORTS = {"phone": (360, 740), "desktop": (1280, 800)}
"""Where axe, the Tab walk and the touch targets are checked: a common phone and a laptop."""

REFLOW_VIEWPORT = (320, 640)
"""WCAG 1.4.10: content reflows at 320 CSS px wide (1280 px at 400 %) without sideways scrolling."""

ZOOM_VIEWPORT = (640, 400)
"""WCAG 1.4.4: 1280×800 at 200 % browser zoom is a 640×400 CSS px viewport."""

TEXT_SCALE = 2.0
"""WCAG 1.4.4: text alone at 200 % (the browser's font size setting), checked at the desktop width."""

MIN_BODY_TEXT_PX = 18
"""Body text on a phone is at least this big (our readers often read with difficulty)."""

MIN_TARGET_PX = 24
"""WCAG 2.5.8 target size (minimum), with its inline and spacing exceptions."""

LANGUAGE = "nl"
"""The language of the pages at the site's root; a translation's pages are below ``<lang>/``
(``model.translation.language_of`` says which a built page must declare in ``<html lang>``)."""


VAGUE_LINK_TEXTS = frozenset(
    {
        "klik hier",
        "klik",
        "hier",
        "lees meer",
        "lees verder",
        "verder",
        "meer",
        "meer informatie",
        "meer info",
        "info",
        "link",
        "deze link",
        "deze pagina",
        "bekijk",
        "download",
    }
)
"""Link texts that do not make sense on their own (WCAG 2.4.4, and screen readers' list of links)."""

TEL_PATTERNS = (r"^tel:\+(?!3114)[1-9][0-9]{6,14}$", r"^tel:14[0-9]{3,4}$", r"^tel:112$")
"""Phone links: international (E.164, e.g. tel:+31302649090) so they work on every phone, also abroad.

The one exception is a Dutch municipal 14-number: 14 plus the area code without its 0
(tel:14020 for Amsterdam, tel:140575 for Zutphen). It has no international form: it works
only from a Dutch phone line, so ``tel:+3114...`` would not connect (and is refused here).
Write exactly ``tel:14`` and 3 or 4 digits; give the municipality's normal number too, for
callers from abroad. The emergency number 112 works from every phone and stays ``tel:112``.
"""
