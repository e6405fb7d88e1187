"""What keeps script out of the pages: escaped titles, Markdown without raw HTML, and a strict CSP.

The content checks refuse HTML code at the source (with file and line); this module is the
second line, at the boundary where text becomes HTML in MkDocs and its theme.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from markdown import Extension, Markdown
from markupsafe import Markup, escape

JS_FLAG = 'document.documentElement.classList.add("ww-js")'
"""The one inline script: forms that scripts show keep their place from the first paint."""


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _policy(*script_sources: str) -> str:
    return "; ".join(
        [
            "default-src 'none'",
            " ".join(["script-src 'self'", _sha256(JS_FLAG), *script_sources]),
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "object-src 'none'",
        ]
    )


CONTENT_SECURITY_POLICY = _policy()
"""Only the site's own scripts, styles, images and data; sent with every page as a <meta>."""

SEARCH_POLICY = _policy("'wasm-unsafe-eval'")
"""The search page's: Pagefind searches with WebAssembly (its own file, from the site itself)."""


def escape_titles(items: Any) -> None:
    """Escape the title of every page, section and link of the navigation, once.

    MkDocs' theme templates print titles without escaping; an escaped ``Markup`` title prints
    as safe HTML there and is not escaped a second time where a template does escape.
    """
    for item in items or ():
        title = getattr(item, "title", None)
        if isinstance(title, str) and not isinstance(title, Markup):
            # A title MkDocs took from a Markdown heading is HTML already; others are text.
            from_heading = title == getattr(item, "_title_from_render", None)
            item.title = Markup(title) if from_heading else escape(title)
        meta = getattr(item, "meta", None)
        if isinstance(meta, dict) and isinstance(meta.get("title"), str):
            meta["title"] = escape(meta["title"])
        escape_titles(getattr(item, "children", None))


def escape_config(config: Any) -> None:
    """Escape the site's own name and description, which the theme prints on every page (404 too)."""
    for key in ("site_name", "site_description"):
        if isinstance(config.get(key), str):
            config[key] = escape(config[key])


class NoRawHtml(Extension):
    """Markdown without raw HTML: a tag in a hand-written page is shown as text, never run."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block", strict=False)
        md.inlinePatterns.deregister("html", strict=False)
