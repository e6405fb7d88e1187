"""The plain-language gate for translations: rules that fit each language.

Dutch has the full rule set (rules.py). Every language gets sentence length, step length,
mean sentence length and the A2 sentence length of "In het kort"; English also gets Flesch
reading ease (syllables from pyphen's English hyphenation, offline). A Dutch glossary term in a
translation must be marked ``{nl:...}``, so that the page can mark it as Dutch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from ...content import Content, Origin
from ...model.translation import DUTCH_TERM, LANGUAGES, plain
from ...problems import Problem
from ..pages import MarkdownPage
from .easy_read import common_words
from .rules import Finding, to_problems
from .settings import LanguageSettings
from .text import PageScore
from .units import Unit, event_units, in_short_units, markdown_units, register_units, step_units

_LETTER = r"(?:[^\W_]|[\u064b-\u065f\u0670])"  # a letter, or an Arabic vowel mark inside a word
_WORD = re.compile(rf"{_LETTER}+(?:[-'’]{_LETTER}+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+(?=\S)")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g\.|i\.e\.|etc\.|no\.)", re.I)


def sentences(text: str) -> list[str]:
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\u2024"), plain(text))
    protected = re.sub(r"(\d)\.(\d)", "\\1\u2024\\2", protected)
    return [s.replace("\u2024", ".").strip() for s in _SENTENCE_END.split(protected) if s.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@cache
def _hyphenator() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=50_000)
def english_syllables(word: str) -> int:
    return max(1, len(_hyphenator().positions(word)) + 1)


def reading_ease(sentence_list: list[str]) -> float:
    """Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word."""
    all_words = [w for s in sentence_list for w in words(s) if not w.isdigit()]
    if not all_words:
        return 100.0
    per_sentence = len(all_words) / len(sentence_list)
    per_word = sum(english_syllables(w.lower()) for w in all_words) / len(all_words)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def _score(lang: str, name: str, file: str, texts: Iterable[str], steps: int | None = None) -> PageScore:
    sentence_list = [s for t in texts for s in sentences(t)]
    count = sum(len(words(s)) for s in sentence_list)
    ease = reading_ease(sentence_list) if lang == "en" else 100.0
    return PageScore(name, file, ease, len(sentence_list), count, count / steps if steps else None)


def check_translation(
    content: Content, settings: LanguageSettings, pages: Iterable[MarkdownPage] = ()
) -> tuple[list[Problem], list[PageScore]]:
    """Every finding in ``content`` (a translation) and its pages, and each page's scores."""
    lang = content.lang
    dutch_terms = _LATIN if LANGUAGES[lang][1] == "rtl" else _dutch_term_pattern(content)
    names = frozenset(o.name for o in content.organisations.values()) | {"DigiD", "MijnOverheid"}
    findings: list[tuple[str, Finding]] = []
    scores: list[PageScore] = []
    for event in content.events.values():
        if event.id in content.dutch:
            continue
        origin = content.origin(event)
        units = list(event_units(content, event))
        translated = [u for u in units if u.file == origin.file]
        findings += _sentence_rules(translated, settings, dutch_terms, names)
        for unit in in_short_units(origin, event):
            findings += _common_words(unit, settings, lang, names)
            for sentence in sentences(unit.text):
                count = len(words(sentence))
                if count > settings.a2_words_max:
                    fix = f"write at most {settings.a2_words_max} words: one idea per sentence"
                    findings.append(
                        (
                            "a2-sentence-length",
                            Finding(unit, f"this sentence has {count} words", fix, sentence),
                        )
                    )
        for step in event.steps:
            if f"{event.id}/{step.id}" not in content.dutch:
                findings += _step_length(content.origin(step), step, settings)
        page = _score(lang, event.title, origin.file, [u.text for u in translated], len(event.steps))
        scores.append(page)
        findings += _page_rules(page, settings, origin.line("title"), lang)
    registers = [u for u in register_units(content) if "/translations/" in u.file]
    findings += _sentence_rules(registers, settings, dutch_terms, names)
    for markdown in pages:
        units = markdown_units(markdown.text, markdown.display)
        findings += _sentence_rules(units, settings, None)  # Markdown has no {nl:...}
        page = _score(lang, markdown.display, markdown.display, [u.text for u in units])
        scores.append(page)
        findings += _page_rules(page, settings, 1, lang)
    return to_problems(findings, settings), scores


def _sentence_rules(
    units: Iterable[Unit],
    s: LanguageSettings,
    dutch_terms: re.Pattern[str] | None,
    names: frozenset[str] = frozenset(),
) -> Iterator[tuple[str, Finding]]:
    for unit in units:
        for sentence in sentences(unit.text):
            count = len(words(sentence))
            if count > s.sentence_warning_above:
                level = "error" if count > s.sentence_error_above else None
                fix = f"split it into sentences of at most {s.sentence_warning_above} words"
                yield (
                    "sentence-length",
                    Finding(unit, f"this sentence has {count} words", fix, sentence, level),
                )
        if dutch_terms is not None:
            for match in dutch_terms.finditer(_PLACEHOLDER.sub("", DUTCH_TERM.sub("", unit.text))):
                term = match.group(0)
                if term.isupper() or term in names:
                    continue  # an organisation's letters or name (SVB, DigiD) reads the same in any language
                fix = f"write {{nl:{term}}}, so that the page marks it as Dutch"
                yield "dutch-term", Finding(unit, f"the Dutch term '{term}' is not marked", fix, term)


_PLACEHOLDER = re.compile(r"\{[a-z]+(?::[^{}]*)?\}|\S+\.(?:nl|com|org|eu)\b\S*")
"""``{wie}``, ``{feit:id}`` (filled in by the site) and web addresses (``werk.nl``)."""

_GLOSS = re.compile(r"(\{nl:[^{}]+\})\s*\([^()]*\)")
"""A Dutch term with its explanation in brackets: "{nl:AOW} (state pension)"."""


def _common_words(
    unit: Unit, s: LanguageSettings, lang: str, names: frozenset[str]
) -> Iterator[tuple[str, Finding]]:
    """English "In het kort" uses common English words; Dutch terms ({nl:...}) and names are allowed."""
    if lang != "en":  # Arabic joins articles and prepositions to words: a word list would not fit
        return
    common = common_words(s.a2_common_words, lang)
    text = DUTCH_TERM.sub("", unit.text)
    for word in dict.fromkeys(words(text)):
        lower = word.lower().replace("’", "'")
        if any(c.isdigit() for c in word) or lower in common or word in names:
            continue
        message = f"'{word}' is not among the {s.a2_common_words:,} most used English words"
        fix = "use a more common word, or keep the Dutch term as {nl:...} with a short explanation"
        yield "a2-common-word", Finding(unit, message, fix, plain(unit.text))


def _step_length(origin: Origin, step: Any, s: LanguageSettings) -> Iterator[tuple[str, Finding]]:
    """Words a step asks the reader to take in; the explanation after a Dutch term is not counted."""
    texts = [_GLOSS.sub(r"\1", u.text) for u in step_units(origin, step)]
    count = sum(len(words(plain(t))) for t in texts)
    if count > s.step_words_max:
        unit = Unit(step.title, origin.file, origin.line("title"), f"steps.{step.id}")
        fix = f"keep a step under {s.step_words_max} words: leave out what is not needed to act"
        yield "step-length", Finding(unit, f"this step has {count} words", fix, step.title)


def _page_rules(page: PageScore, s: LanguageSettings, line: int, lang: str) -> Iterator[tuple[str, Finding]]:
    unit = Unit(page.name, page.file, line, "page")
    if lang == "en" and page.flesch_douma < s.english_readability_warning_below:
        level = "error" if page.flesch_douma < s.english_readability_error_below else "warn"
        fix = f"aim for {s.english_readability_warning_below:.0f} or more: shorter sentences, shorter words"
        message = f"Flesch reading ease is {page.flesch_douma:.0f}"
        yield "readability", Finding(unit, message, fix, level=level)
    if page.mean_sentence_length > s.mean_sentence_length_max:
        message = f"sentences have {page.mean_sentence_length:.1f} words on average"
        fix = f"aim for at most {s.mean_sentence_length_max:g}"
        yield "mean-sentence-length", Finding(unit, message, fix)


_LATIN = re.compile(r"(?<![\w{:-])[A-Za-zÀ-ÿ][\w'’-]*(?:\s+[A-Za-zÀ-ÿ][\w'’-]*)*")
"""In a right-to-left language every word in Latin script is a Dutch term (or a name), to be marked."""


def _dutch_term_pattern(content: Content) -> re.Pattern[str] | None:
    """Glossary forms of four letters or more, as written: outside ``{nl:...}`` they are unmarked Dutch."""
    forms = sorted(
        {f for t in content.glossary.values() for f in t.all_forms if len(f) >= 4}, key=len, reverse=True
    )
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
