"""Find glossary terms in text, so each is explained where it first appears on a page."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from ..checks.plain_language.text import caseless
from ..model import GlossaryTerm


def term_pattern(terms: Iterable[GlossaryTerm]) -> re.Pattern[str] | None:
    """One regex matching every form of every term, longest forms first.

    Lowercase forms match in any case ("Toeslag" at the start of a sentence);
    forms with capitals ("AOW", "DigiD") match only as written.
    """
    parts = []
    forms = sorted({f for t in terms for f in t.all_forms}, key=len, reverse=True)
    for form in forms:
        escaped = re.escape(form)
        parts.append(f"(?i:{escaped})" if form == form.lower() else escaped)
    if not parts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


class TermMarker:
    """Marks the first use of each glossary term on one page.

    Call :meth:`mark` on texts in reading order; :meth:`take_new` returns the
    terms first seen since the previous call, to explain them right there.
    """

    def __init__(self, terms: Iterable[GlossaryTerm], link: str, pattern: re.Pattern[str] | None = None):
        self.terms = list(terms)
        self._by_form = {f.lower(): t for t in self.terms for f in t.all_forms}
        self._pattern = pattern if pattern is not None else term_pattern(self.terms)
        self._link = link
        self._seen: set[str] = set()
        self._new: list[GlossaryTerm] = []

    def mark(self, text: str) -> Markup:
        """Escape ``text`` and link the first use of each term on the page."""
        if self._pattern is None:
            return escape(text)
        out: list[str] = []
        last = 0
        for match in self._pattern.finditer(text):
            term = caseless(self._by_form, match.group(0))
            if term.id in self._seen:
                continue
            self._seen.add(term.id)
            self._new.append(term)
            out.append(escape(text[last : match.start()]))
            out.append(
                Markup('<a class="ww-term" href="{}#{}">{}</a>').format(
                    self._link, anchor(term), match.group(0)
                )
            )
            last = match.end()
        out.append(escape(text[last:]))
        return Markup("").join(out)

    def take_new(self) -> list[GlossaryTerm]:
        new, self._new = self._new, []
        return new


def anchor(term: GlossaryTerm) -> str:
    """The id of a term's entry on the glossary page."""
    return f"term-{term.id}"
