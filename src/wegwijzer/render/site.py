"""The site map: every page and data file Wegwijzer adds to a site, in navigation order."""

from __future__ import annotations

import re
from dataclasses import replace
from importlib import resources
from typing import Any

from ..content import Content
from ..model import LifeEvent, Step
from ..model.translation import plain
from .checklist import checklist_pages
from .contact import who
from .finder import finder_pages
from .finder_index import index_files
from .pages import DataFile, PageSpec
from .personal_list import step_files
from .safe import CONTENT_SECURITY_POLICY, JS_FLAG, SEARCH_POLICY
from .search import search_page
from .strings import strings
from .urls import QUICK_EXIT, asset, page_url, urls_for
from .wording import Wording


def site_pages(content: Content, lang: str = "nl", max_guides_in_nav: int = 30) -> list[PageSpec]:
    """Every page Wegwijzer adds to the site, in navigation order.

    With more guides than ``max_guides_in_nav`` the guides are listed on the home
    page only: a menu that long helps nobody, and Material renders the whole
    menu into every page (build time grows with the square of the pages).
    """
    t = strings(lang)
    u = urls_for(lang)
    in_nav = len(content.events) <= max_guides_in_nav
    pages = [PageSpec(u.home, t["home_title"], "home.html", meta={"hide": ["navigation", "toc"]})]
    pages += [
        PageSpec(
            u.guide(event.id),
            plain(event.title),
            "guide.html",
            event.id,
            meta={"quick_exit": True} if event.safety else {},
            assets=("personal.css", "gids.js"),
            in_nav=in_nav,
        )
        for event in content.events.values()
    ]
    pages += checklist_pages(content, t, u)
    pages += finder_pages(content, t, u)
    pages.append(PageSpec(u.glossary, t["glossary_title"], "glossary.html"))
    pages.append(search_page(content, t, u))
    return [replace(page, meta={**page.meta, "ww_lang": lang}) for page in pages]


def site_files(content: Content, lang: str = "nl", directory_urls: bool = True) -> list[DataFile]:
    """Every generated data file (JSON read by the page scripts)."""

    u = urls_for(lang)

    def url(event: LifeEvent) -> str:
        return page_url(u.guide(event.id), directory_urls)

    def who_of(step: Step) -> dict[str, str]:
        return who(step, content.organisations[step.organisation])

    steps = step_files(content.events.values(), strings(lang), url, who_of, u.step_data)
    return [*index_files(content, Wording(strings(lang)), u), *steps]


SCRIPTS = {
    "gids.js": ("ww-dom.js", "plan.js", "match.js", "place-choice.js", "personal.js"),
    "lijst.js": ("ww-dom.js", "plan.js", "match.js", "place-choice.js", "qr.js", "checklist.js"),
    "loket.js": ("ww-dom.js", "match.js", "finder.js"),
    "loket-gemeente.js": ("ww-dom.js", "place.js"),
    "zoeken.js": ("ww-dom.js", "search.js"),
}
"""The scripts a page loads, each published as one file: one behaviour per source file, but one
request per page (and smaller gzipped together, which the first-view budget counts)."""


def asset_files() -> list[DataFile]:
    """The package's stylesheets, and its scripts joined per page (see :data:`SCRIPTS`)."""
    folder = resources.files(__package__).joinpath("assets")
    styles = [
        DataFile(asset(item.name), item.read_text("utf-8"))
        for item in sorted(folder.iterdir(), key=lambda i: i.name)
        if item.name.endswith(".css")
    ]
    scripts = [
        DataFile(asset(name), "\n".join(compact(folder.joinpath(part).read_text("utf-8")) for part in parts))
        for name, parts in SCRIPTS.items()
    ]
    return styles + scripts


_BLOCK_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.S | re.M)
_LINE_COMMENT = re.compile(r"^[ \t]*//.*\n", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)


def compact(script: str) -> str:
    """A script without its comment lines and indentation: lighter for phones on capped data.

    Only whole-line comments go (a comment block or line that starts the line), so nothing
    inside strings or code is touched.
    """
    return _INDENT.sub("", _LINE_COMMENT.sub("", _BLOCK_COMMENT.sub("", script)))


def theme_context(lang: str = "nl") -> dict[str, Any]:
    """What the theme overrides (menu, header, "Snel weg", 404) need, as ``ww`` on each page."""
    u = urls_for(lang)
    return {
        "t": strings(lang)["theme"],
        "lang": lang,
        "finder": page_url(u.finder),
        "quick_exit": QUICK_EXIT,
        "csp": CONTENT_SECURITY_POLICY,
        "csp_search": SEARCH_POLICY,
        "search": page_url(u.search),
        "js_flag": JS_FLAG,
    }
