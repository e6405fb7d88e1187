"""The plain-language gate: the rules of writing.md, checked sentence by sentence.

Works without MkDocs. Every finding names the file, the line, the rule, the
sentence and a suggestion: ``file:line: rule: message ("sentence") — suggestion``.

``settings`` holds the thresholds and severities, ``text`` the Dutch text metrics,
``units`` the texts with their lines, ``rules`` one function per rule, and ``easy_read`` the
stricter A2 rules for a guide's "In het kort".
"""

from __future__ import annotations

from collections.abc import Iterable

from ...content import Content
from ...problems import Problem
from ..pages import MarkdownPage
from .easy_read import allowed_words, check_in_short
from .rules import check_event, check_score, check_units
from .settings import DEFAULT_SEVERITY, LanguageSettings
from .text import PageScore, score
from .units import event_units, known_terms, markdown_units, register_units

__all__ = ["DEFAULT_SEVERITY", "LanguageSettings", "PageScore", "check_content"]


def check_content(
    content: Content, settings: LanguageSettings, pages: Iterable[MarkdownPage] = ()
) -> tuple[list[Problem], list[PageScore]]:
    """Every plain-language finding, and each page's scores (guides, then Markdown pages)."""
    known = known_terms(content)
    allowed = allowed_words(content, known)
    problems: list[Problem] = []
    scores: list[PageScore] = []
    for event in content.events.values():
        units = list(event_units(content, event))
        problems += check_units(units, settings, known)
        problems += check_event(content, event, settings)
        problems += check_in_short(content, event, settings, allowed)
        page = score(event.title, content.origin(event).file, [u.text for u in units], len(event.steps))
        scores.append(page)
        problems += check_score(page, settings, content.origin(event).line("title"))
    problems += check_units(register_units(content), settings, known)
    for markdown in pages:
        units = markdown_units(markdown.text, markdown.display)
        problems += check_units(units, settings, known)
        page = score(markdown.display, markdown.display, [u.text for u in units])
        scores.append(page)
        problems += check_score(page, settings)
    return problems, scores
