"""Generated pages rendered to HTML with the package's templates, without MkDocs.

The plugin turns each :class:`PageSpec` into an ordinary MkDocs page and asks
:class:`Renderer` for its body; tests call the renderer directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..content import Content
from ..model import ChannelKind, tel_href
from ..model.translation import LANGUAGES
from .checklist import qr_svg, short_url
from .contact import chosen_place, contact_lines, primary_phone
from .finder import TYPO_MIN_LENGTH
from .glossary import TermMarker, anchor, finalize, term_pattern
from .pages import PageSpec
from .personal_list import moments, ordered_steps
from .strings import strings
from .urls import asset, page_url, urls_for

Link = Callable[[str], str]
"""Turns a page's ``src_uri`` into a URL relative to the page being rendered."""


@dataclass
class RenderedPage:
    html: str
    headings: list[tuple[int, str, str]] = field(default_factory=list)
    """(level, id, text) of each heading below the title, for the table of contents."""


@cache
def environment() -> Environment:
    """The package's templates, compiled once per process (``mkdocs serve`` rebuilds reuse them)."""
    env = Environment(
        loader=PackageLoader("wegwijzer.render", "templates"),
        autoescape=select_autoescape(default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=finalize,
    )
    # Text in data attributes as it is: Arabic written as escapes (\u0627) is three times heavier.
    # The filter still escapes <, >, & and ' so the JSON stays safe in a single-quoted attribute.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.filters["tel"] = tel_href
    env.globals.update(ChannelKind=ChannelKind, qr_svg=qr_svg, short_url=short_url)
    return env


class Renderer:
    """Renders generated pages with the package's templates (autoescaped, strict)."""

    def __init__(self, content: Content, lang: str = "nl", site_url: str = ""):
        self.content = content
        self.site_url = site_url
        self.lang = lang
        self.urls = urls_for(lang)
        self.t = strings(lang)
        self.env = environment()
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
        urls = self.urls
        marker = TermMarker(
            self.content.glossary.values(), link(urls.glossary), self._terms, translated=self.lang != "nl"
        )
        context: dict[str, Any] = {
            "t": self.t,
            "shared": self.shared,
            "page": spec,
            "content": self.content,
            "link": link,
            "mark": marker.mark,
            "new_terms": marker.take_new,
            "term_anchor": anchor,
            "urls": urls,
            "lang": self.lang,
            "direction": LANGUAGES[self.lang][1],
            "root": link(urls_for("nl").home),
            "dutch": self.content.dutch,
            "meanings": self.content.meanings,
            "step_data": urls.step_data,
            "finder_index": urls.finder_index,
            "typo_min": TYPO_MIN_LENGTH,
        }
        if spec.event_id is not None:
            event = self.content.events[spec.event_id]
            context.update(
                event=event,
                phases=ordered_steps(event),
                org=self.content.organisations,
                questions={q.id: q for q in event.questions},
                contact_lines=lambda step, organisation: contact_lines(step, organisation, self.t),
                primary_phone=primary_phone,
                chosen_place=chosen_place,
                moments=moments(event, self.t["personal"]["date_question"]),
                step_data_each=link(urls.step_data(event.id)).replace(f"{event.id}.json", "{id}.json"),
                guide_url=self._absolute(urls.guide(event.id)),
                pdf_href=context["root"] + urls.pdf(event.id),
            )
        context.update(spec.context)
        html = self.env.get_template(spec.template).render(context)
        return RenderedPage("\n".join([*_asset_tags(spec, link), html]), _headings(html))

    def _absolute(self, src_uri: str) -> str:
        """The full public URL of a page, or "" when the site has no site_url."""
        if not self.site_url:
            return ""
        return self.site_url.rstrip("/") + "/" + page_url(src_uri)


def _asset_tags(spec: PageSpec, link: Link) -> list[str]:
    """The page's own stylesheets and scripts (beyond the one every page loads), first in its body."""
    return [
        f'<link rel="stylesheet" href="{link(asset(name))}">'
        if name.endswith(".css")
        else f'<script src="{link(asset(name))}" defer></script>'
        for name in spec.assets
    ]


_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _headings(html: str) -> list[tuple[int, str, str]]:
    return [
        (int(level), hid, " ".join(_TAG.sub("", text).split())) for level, hid, text in _HEADING.findall(html)
    ]
