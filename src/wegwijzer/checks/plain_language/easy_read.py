"""The A2 rules for a guide's "In het kort" (``in_short``): one short sentence per line, common words only.

These sentences also pass every B1 rule (officialese, abbreviations, passive voice, ...), like
every text of a guide. A2 adds: one sentence per line, at most ``a2_words_max`` words, and every
word among the ``a2_common_words`` most used Dutch words, unless it is a number, a glossary word
(the page explains it), an organisation's name, or the name of a municipality or place. How many
lines there are (3 to 6) is part of the model, so editors see it in the schema too.

Word frequencies come from wordfreq 3.1 (Robyn Speer, https://github.com/rspeer/wordfreq; code
Apache-2.0, data CC BY-SA 4.0, including SUBTLEX-NL by Keuleers, Brysbaert & New, 2010). Its
Dutch "small" list (28,962 words that occur at least once per million words, from Wikipedia,
subtitles, news, web text and Twitter) is a file inside the wheel: reading it takes a few
milliseconds and no network. The default, the 10,000 most used words, ends near Zipf 3.7 (about
five times per million words): it keeps "verhuizing", "werkdag" and "formulier", and refuses
rare words and long compounds like "nabestaandenuitkering". A frequency list cannot see
officialese ("indien" is common); the officialese rule does that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ...content import Content
from ...model import LifeEvent
from ...problems import Problem
from .rules import Finding, to_problems
from .settings import LanguageSettings
from .text import sentences, words
from .units import Unit, in_short_units

LANGUAGE = "nl"
A2_RULES = ("a2-one-sentence", "a2-sentence-length", "a2-common-word")
"""The rule names editors see and may configure in ``plain_language: rules``."""


@cache
def common_words(size: int, lang: str = LANGUAGE) -> frozenset[str]:
    """The ``size`` most used words of ``lang`` (Dutch), lowercase, from wordfreq's list inside its wheel."""
    from wordfreq import get_frequency_list, top_n_list

    small = sum(len(group) for group in get_frequency_list(lang, "small"))
    return frozenset(top_n_list(lang, size, wordlist="small" if size <= small else "large"))


@dataclass(frozen=True)
class Allowed:
    """Words an A2 sentence may use besides common words."""

    terms: frozenset[str]
    """Lowercase: glossary words (the page explains them) and organisation names."""
    names: frozenset[str]
    """As written: names of organisations, municipalities and places ("Enschede", "Verzekeringsbank")."""


def allowed_words(content: Content, known: frozenset[str]) -> Allowed:
    """``known`` (glossary words and organisation names, lowercase) and every name in the registers."""
    names: set[str] = set()
    for organisation in content.organisations.values():
        names.update(words(f"{organisation.name} {organisation.full_name or ''}"))
    for municipality in content.municipalities.values():
        for name in (municipality.name, *municipality.aliases, *municipality.places):
            names.update(words(name))
    names.update(part for name in list(names) for part in _parts(name))
    return Allowed(known, frozenset(names))


def _parts(word: str) -> list[str]:
    return [part for part in re.split(r"[-'’]", word) if part]


def uncommon_words(sentence: str, size: int, allowed: Allowed) -> list[str]:
    """The words of ``sentence`` that are not common, a number or allowed; each once, in order."""
    common = common_words(size)

    def fine(word: str) -> bool:
        lower = word.lower().replace("’", "'")
        return (
            any(c.isdigit() for c in word)
            or lower in common
            or lower in allowed.terms
            or word in allowed.names
        )

    found: list[str] = []
    for word in words(sentence):
        if fine(word) or all(fine(part) for part in _parts(word)):
            continue
        if word not in found:
            found.append(word)
    return found


def _findings(unit: Unit, settings: LanguageSettings, allowed: Allowed) -> Iterator[tuple[str, Finding]]:
    found = sentences(unit.text)
    if len(found) > 1:
        fix = "write one sentence per line; put the next sentence on a line of its own"
        yield "a2-one-sentence", Finding(unit, f"this line has {len(found)} sentences", fix, unit.text)
    for sentence in found:
        count = len(words(sentence))
        if count > settings.a2_words_max:
            most = settings.a2_words_max
            fix = f"say one thing in at most {most} words; put a second thing on its own line"
            yield "a2-sentence-length", Finding(unit, f"this sentence has {count} words", fix, sentence)
        for word in uncommon_words(sentence, settings.a2_common_words, allowed):
            message = f"'{word}' is not among the {settings.a2_common_words:,} most used Dutch words"
            fix = "use a more common word, or explain it in the guide and add it to the glossary"
            yield "a2-common-word", Finding(unit, message, fix, sentence)


def check_in_short(
    content: Content, event: LifeEvent, settings: LanguageSettings, allowed: Allowed
) -> list[Problem]:
    """The A2 rules over one guide's "In het kort"."""
    origin = content.origin(event)
    found = (pair for unit in in_short_units(origin, event) for pair in _findings(unit, settings, allowed))
    return to_problems(found, settings)
