"""Find glossary terms in text, so each is explained where it first appears on a page."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from ..checks.plain_language.text import caseless
from ..model import GlossaryTerm
from ..model.translation import DUTCH_TERM

DUTCH = Markup('<span lang="nl" dir="ltr">{}</span>')
"""A Dutch term inside text in another language: screen readers pronounce it as Dutch."""


def dutch_terms(text: str) -> Markup:
    """Escaped text with each ``{nl:term}`` marked as Dutch."""
    out: list[str] = []
    last = 0
    for match in DUTCH_TERM.finditer(text):
        out += [escape(text[last : match.start()]), DUTCH.format(match.group(1))]
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def finalize(value: object) -> object:
    """Every printed value of every template: translated text shows its Dutch terms as Dutch."""
    if isinstance(value, str) and not isinstance(value, Markup) and "{nl:" in value:
        return dutch_terms(value)
    return value


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

    def __init__(
        self,
        terms: Iterable[GlossaryTerm],
        link: str,
        pattern: re.Pattern[str] | None = None,
        translated: bool = False,
    ):
        self.terms = list(terms)
        self._by_form = {f.lower(): t for t in self.terms for f in t.all_forms}
        self._pattern = pattern if pattern is not None else term_pattern(self.terms)
        self._link = link
        self._seen: set[str] = set()
        self._new: list[GlossaryTerm] = []
        if translated:  # in another language only the terms marked {nl:...} are Dutch terms
            self._pattern = DUTCH_TERM

    def mark(self, text: str) -> Markup:
        """Escape ``text`` and link the first use of each term on the page."""
        if self._pattern is None:
            return escape(text)
        out: list[str] = []
        last = 0
        for match in self._pattern.finditer(text):
            if match.re is DUTCH_TERM:
                out += [escape(text[last : match.start()]), self._dutch(match.group(1))]
                last = match.end()
                continue
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

    def _dutch(self, word: str) -> Markup:
        """A Dutch term in a translation: marked as Dutch, and linked where a glossary term is first used."""
        term = self._by_form.get(word.lower())
        if term is None or term.id in self._seen:
            return DUTCH.format(word)
        self._seen.add(term.id)
        self._new.append(term)
        return Markup('<a class="ww-term" href="{}#{}" lang="nl" dir="ltr">{}</a>').format(
            self._link, anchor(term), word
        )

    def take_new(self) -> list[GlossaryTerm]:
        new, self._new = self._new, []
        return new


def anchor(term: GlossaryTerm) -> str:
    """The id of a term's entry on the glossary page."""
    return f"term-{term.id}"
