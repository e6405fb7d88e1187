"""The plain-language gate: the rules of writing.md, checked sentence by sentence.

Works without MkDocs. Every finding names the file, the line, the rule, the
sentence and a suggestion: ``file:line: rule: message ("sentence") — suggestion``.

``settings`` holds the thresholds and severities, ``text`` the Dutch text metrics,
``units`` the texts with their lines, ``rules`` one function per rule.
"""

from __future__ import annotations

from pathlib import Path

from ...content import Content
from ...problems import Problem
from .rules import check_event, check_score, check_units
from .settings import DEFAULT_SEVERITY, LanguageSettings
from .text import PageScore, score
from .units import event_units, known_terms, markdown_units, register_units

__all__ = ["DEFAULT_SEVERITY", "LanguageSettings", "PageScore", "check_content"]


def check_content(
    content: Content, settings: LanguageSettings, docs_dir: Path | None = None
) -> tuple[list[Problem], list[PageScore]]:
    """Every plain-language finding, and each page's scores (guides, then Markdown pages)."""
    known = known_terms(content)
    problems: list[Problem] = []
    scores: list[PageScore] = []
    for event in content.events.values():
        units = list(event_units(content, event))
        problems += check_units(units, settings, known)
        problems += check_event(content, event, settings)
        page = score(event.title, content.origin(event).file, [u.text for u in units], len(event.steps))
        scores.append(page)
        problems += check_score(page, settings, content.origin(event).line("title"))
    problems += check_units(register_units(content), settings, known)
    if docs_dir is not None and docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*.md")):
            display = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
            units = markdown_units(path, display)
            problems += check_units(units, settings, known)
            page = score(display, display, [u.text for u in units])
            scores.append(page)
            problems += check_score(page, settings)
    return problems, scores
