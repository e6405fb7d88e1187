"""Words, sentences and readability (Flesch-Douma) of Dutch text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any


@dataclass
class PageScore:
    """Readability of one page, for the editors' report."""

    name: str
    file: str
    flesch_douma: float
    sentences: int
    words: int
    words_per_step: float | None = None

    @property
    def mean_sentence_length(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


ABBREVIATIONS = (
    "o.a.", "bijv.", "bv.", "enz.", "etc.", "d.w.z.", "m.a.w.", "z.o.z.", "t.a.v.", "i.v.m.", "incl.",
    "excl.",
    "ca.", "nr.", "dhr.", "mevr.", "mr.", "dr.", "jan.", "feb.", "aug.", "sept.", "okt.", "nov.", "dec.",
    "ma.", "di.", "wo.", "do.", "vr.", "za.", "zo.", "max.", "min.", "tel.",
)  # fmt: skip
_ABBREV = re.compile("|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)), re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:[-'’][A-Za-zÀ-ÿ0-9]+)*")
_DOT = "\u2024"  # one dot leader: stands in for a protected abbreviation's dots


def caseless(table: dict[str, Any], found: str) -> Any:
    """The entry of ``table`` (keyed in lowercase) that a case-insensitive regex matched as ``found``.

    Such a regex also matches letters whose lowercase is not the key's ("huurtoeſlag" with a
    long s, the Kelvin sign for K); those are compared one by one.
    """
    if found.lower() in table:
        return table[found.lower()]
    for key, value in table.items():
        if re.fullmatch(re.escape(key), found, re.I):
            return value
    raise KeyError(found)


def sentences(text: str) -> list[str]:
    """Split Dutch text into sentences, keeping abbreviations like "o.a." together."""
    protected = _ABBREV.sub(lambda m: m.group(0).replace(".", _DOT), text)
    protected = re.sub(r"(\d)\.(\d)", lambda m: f"{m.group(1)}{_DOT}{m.group(2)}", protected)
    return [s.replace(_DOT, ".").strip() for s in _SENTENCE_END.split(protected) if s.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables as textstat counts them for Dutch (pyphen's hyphenation points)."""
    return max(1, _textstat().syllable_count(word))


@cache
def _textstat() -> Any:
    import textstat

    textstat.set_lang("nl")  # before any other call: the English path downloads data
    return textstat


def flesch_douma(sentence_list: list[str]) -> float:
    """206.835 − 0.93 × words per sentence − 77 × syllables per word."""
    all_words = [w for s in sentence_list for w in words(s)]
    if not all_words:
        return 100.0
    per_sentence = len(all_words) / len(sentence_list)
    per_word = sum(syllables(w.lower()) for w in all_words) / len(all_words)
    return 206.835 - 0.93 * per_sentence - 77 * per_word


def score(name: str, file: str, texts: Iterable[str], steps: int | None = None) -> PageScore:
    sentence_list = [s for t in texts for s in sentences(t)]
    count = sum(len(words(s)) for s in sentence_list)
    per_step = count / steps if steps else None
    return PageScore(name, file, flesch_douma(sentence_list), len(sentence_list), count, per_step)
