"""Search: what is found (a record per guide, step and glossary word) and the search page.

Each record becomes a small HTML document for Pagefind, with weights: title above summary
above the rest. Words people type that the guides do not use ("begrafenis" for "uitvaart",
"toeslag" inside "huurtoeslag") come from registers/search.yaml and are added to the records
that hold the words they mean. The finder's municipality pages are not indexed: the finder
itself is the way to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from markupsafe import Markup

from ..checks.registers import COMMON_WORDS
from ..content import Content
from ..model import SearchWords
from ..model.registers import words_of
from ..model.translation import plain
from .glossary import anchor
from .pages import PageSpec
from .strings import strings
from .urls import Urls, page_url, urls, urls_for

TITLE_WEIGHT, SUMMARY_WEIGHT = 10.0, 5.0
"""Pagefind weights (body text is 1.0): a word in a step's title counts ten times as much."""
GLOSSARY_WEIGHT = 0.3
"""A glossary word explains; the steps that use it say what to do, so they come first."""


@dataclass(frozen=True)
class Record:
    """One thing search can find: a guide, a step of a guide, or a glossary word."""

    src_uri: str
    """The page it is on, as MkDocs names it: ``gids/verhuizen.md``."""
    fragment: str
    """Where on the page: ``stap-adres`` (or "" for the page itself)."""
    title: str
    guide: str
    """What it belongs to, shown under the title: the guide's title, or "Woordenlijst"."""
    summary: str
    body: str = ""
    weight: float = 1.0
    """Scales the record's weights: glossary words count less than the steps that use them."""

    @property
    def url(self) -> str:
        """From the site root, with the anchor: ``/gids/verhuizen/#stap-adres``."""
        return "/" + page_url(self.src_uri) + (f"#{self.fragment}" if self.fragment else "")

    def document(self, search_words: Iterable[SearchWords], lang: str = "nl") -> str:
        """The record as an HTML document for Pagefind, with the words people use added."""
        own = list(search_words) if lang == "nl" else []
        texts = (self.title, self.summary, self.body, self.guide)
        title, summary, body, guide = (plain(text) for text in texts)

        def part(text: str, weight: float, tag: str = "p") -> Markup:
            """The text with its weight, then the words people use for it, with the same weight."""
            added = sorted({w for entry in own if entry.found_in(words_of(text)) for w in entry.words})
            own_text = Markup('<{0} data-pagefind-weight="{1}">{2}</{0}>').format(Markup(tag), weight, text)
            if not added:
                return own_text
            return own_text + Markup('<p data-pagefind-weight="{}">{}</p>').format(weight, " ".join(added))

        return Markup(
            '<!doctype html><html lang="{7}"><head><meta charset="utf-8"><title>{0}</title></head>'
            "<body><main data-pagefind-body>{1}{2}{3}"
            '<span data-pagefind-meta="title">{0}</span>'
            '<span data-pagefind-meta="guide">{4}</span><span data-pagefind-meta="summary">{5}</span>'
            '<span data-pagefind-meta="url">{6}</span></main></body></html>'
        ).format(
            title,
            part(title, TITLE_WEIGHT * self.weight, "h1"),
            part(summary, SUMMARY_WEIGHT * self.weight),
            part(body, 1.0 * self.weight, "div") if body else "",
            guide,
            summary,
            self.url.lstrip("/"),
            lang,
        )


def records(content: Content, glossary_title: str, u: Urls = urls) -> list[Record]:
    """Everything search finds, in reading order: each guide, then its steps; then the glossary."""
    found: list[Record] = []
    for event in content.events.values():
        guide = u.guide(event.id)
        found.append(Record(guide, "", event.title, event.title, event.summary, event.reassurance))
        for step in event.steps:
            organisation = content.organisations[step.organisation].name
            body = " ".join([*step.how, *step.bring, step.next or "", organisation])
            found.append(Record(guide, f"stap-{step.id}", step.title, event.title, step.why, body))
    for term in content.glossary.values():
        body = " ".join(term.forms)
        found.append(
            Record(
                u.glossary,
                anchor(term),
                term.term,
                glossary_title,
                term.explanation,
                body,
                GLOSSARY_WEIGHT,
            )
        )
    return found


def documents(content: Content, lang: str = "nl") -> list[tuple[str, str]]:
    """(url, HTML) of every record, for the search index."""
    entries = list(content.search.values())
    glossary_title = strings(lang)["glossary_title"]
    found = records(content, glossary_title, urls_for(lang))
    return [(record.url, record.document(entries, lang)) for record in found]


def a_to_z(content: Content, glossary_title: str, u: Urls = urls) -> list[tuple[str, list[Record]]]:
    """Every record by its first letter: the search page without JavaScript."""

    def key(record: Record) -> tuple[str, str]:
        return (record.title.casefold(), record.guide.casefold())

    ordered = sorted(records(content, glossary_title, u), key=key)
    return [
        (letter.upper(), list(group)) for letter, group in groupby(ordered, key=lambda r: r.title[:1].upper())
    ]


def search_page(content: Content, t: Mapping[str, Any], u: Urls = urls) -> PageSpec:
    """The search page: a search box (with JavaScript) above an A–Z of everything (always)."""
    return PageSpec(
        u.search,
        t["search"]["title"],
        "search.html",
        context={
            "groups": a_to_z(content, t["glossary_title"], u),
            "script_strings": t["search"]["script"],
            "everyday_words": " ".join(sorted(COMMON_WORDS)),
        },
        meta={"hide": ["toc"], "ww_search": True},
        assets=("az.css", "search.css", "zoeken.js"),
    )
