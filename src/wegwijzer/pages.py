"""The pages Wegwijzer generates, rendered to HTML without MkDocs.

The plugin turns each :class:`PageSpec` into an ordinary MkDocs page and asks
:class:`Renderer` for its body; tests call the renderer directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .checklist import checklist_pages, checklist_uri, pdf_uri, qr_svg, short_url
from .contact import contact_lines, primary_phone
from .finder import FINDER, finder_files, finder_pages
from .glossary import TermMarker, anchor, term_pattern
from .loader import Content
from .model import ChannelKind, LifeEvent, Phase, Step, tel_href
from .overview import data_uri, overview_files
from .pagespec import DataFile, PageSpec

HOME = "index.md"
GLOSSARY = "woordenlijst.md"
GUIDES_DIR = "gids"

Link = Callable[[str], str]
"""Turns a page's ``src_uri`` into a URL relative to the page being rendered."""


@dataclass
class RenderedPage:
    html: str
    headings: list[tuple[int, str, str]] = field(default_factory=list)
    """(level, id, text) of each heading below the title, for the table of contents."""


def guide_uri(event_id: str) -> str:
    return f"{GUIDES_DIR}/{event_id}.md"


@cache
def strings(lang: str = "nl") -> dict[str, Any]:
    """The interface strings for ``lang`` (one file per language)."""
    text = resources.files("wegwijzer").joinpath("locale", f"{lang}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def site_pages(content: Content, lang: str = "nl", max_guides_in_nav: int = 30) -> list[PageSpec]:
    """Every page Wegwijzer adds to the site, in navigation order.

    With more guides than ``max_guides_in_nav`` the guides are listed on the home
    page only: a menu that long helps nobody, and Material renders the whole
    menu into every page (build time grows with the square of the pages).
    """
    t = strings(lang)
    in_nav = len(content.events) <= max_guides_in_nav
    pages = [PageSpec(HOME, t["home_title"], "home.html", meta={"hide": ["navigation", "toc"]})]
    pages += [
        PageSpec(
            guide_uri(event.id),
            event.title,
            "guide.html",
            event.id,
            assets=("personal.css", "personal.js"),
            in_nav=in_nav,
        )  # fmt: skip
        for event in content.events.values()
    ]
    pages += checklist_pages(content, t)
    pages += finder_pages(content, t)
    pages.append(PageSpec(GLOSSARY, t["glossary_title"], "glossary.html"))
    return pages


def site_files(content: Content, lang: str = "nl", directory_urls: bool = True) -> list[DataFile]:
    """Every generated data file (JSON read by the page scripts)."""

    def url(event: LifeEvent) -> str:
        return page_url(guide_uri(event.id), directory_urls)

    return [*finder_files(content), *overview_files(content.events.values(), strings(lang), url)]


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL of a page relative to the site root, as MkDocs writes it."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem if directory_urls else stem + "index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def ordered_steps(event: LifeEvent) -> list[tuple[Phase, list[Step]]]:
    """Steps grouped by phase (now, soon, later), in the order written within a phase."""
    groups = [(phase, [s for s in event.steps if s.effective_phase is phase]) for phase in Phase]
    return [(phase, steps) for phase, steps in groups if steps]


@cache
def _environment() -> Environment:
    """The package's templates, compiled once per process (``mkdocs serve`` rebuilds reuse them)."""
    env = Environment(
        loader=PackageLoader("wegwijzer", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["tel"] = tel_href
    env.globals.update(ChannelKind=ChannelKind, qr_svg=qr_svg, short_url=short_url)
    return env


class Renderer:
    """Renders generated pages with the package's templates (autoescaped, strict)."""

    def __init__(self, content: Content, lang: str = "nl", site_url: str = ""):
        self.content = content
        self.site_url = site_url
        self.t = strings(lang)
        self.env = _environment()
        self._terms = term_pattern(content.glossary.values())
        self._shared: dict[str, tuple[object, Markup]] = {}

    def shared(self, template: str, key: object, **context: Any) -> Markup:
        """A part that many pages show alike, rendered once per ``key`` (e.g. on 342 municipality pages).

        It must not hold links: those are relative to the page that shows them.
        """
        cached = self._shared.get(template)
        if cached is None or cached[0] is not key:
            cached = self._shared[template] = (key, Markup(self.env.get_template(template).render(context)))
        return cached[1]

    def render(self, spec: PageSpec, link: Link) -> RenderedPage:
        marker = TermMarker(self.content.glossary.values(), link(GLOSSARY), self._terms)
        context: dict[str, Any] = {
            "t": self.t,
            "shared": self.shared,
            "page": spec,
            "content": self.content,
            "link": link,
            "mark": marker.mark,
            "new_terms": marker.take_new,
            "term_anchor": anchor,
            "guide_uri": guide_uri,
            "data_uri_of": data_uri,
            "FINDER": FINDER,
            "HOME": HOME,
            "GLOSSARY": GLOSSARY,
        }
        if spec.event_id is not None:
            event = self.content.events[spec.event_id]
            context.update(
                event=event,
                phases=ordered_steps(event),
                org=self.content.organisations,
                questions={q.id: q for q in event.questions},
                contact_lines=lambda step, organisation: contact_lines(step, organisation, self.t),
                data_uri=data_uri(event.id),
                primary_phone=primary_phone,
                guide_url=self._absolute(guide_uri(event.id)),
                pdf_href=link(HOME) + pdf_uri(event.id),
                checklist_uri=checklist_uri(event.id),
            )
        context.update(spec.context)
        html = self.env.get_template(spec.template).render(context)
        return RenderedPage(html, _headings(html))

    def _absolute(self, src_uri: str) -> str:
        """The full public URL of a page, or "" when the site has no site_url."""
        if not self.site_url:
            return ""
        return self.site_url.rstrip("/") + "/" + page_url(src_uri)


_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _headings(html: str) -> list[tuple[int, str, str]]:
    return [
        (int(level), hid, " ".join(_TAG.sub("", text).split())) for level, hid, text in _HEADING.findall(html)
    ]
