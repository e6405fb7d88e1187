"""The plain-language gate's settings: thresholds from writing.md and how loudly each rule reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

LEVELS = ("error", "warn", "ignore")

DEFAULT_SEVERITY = {
    "sentence-length": "warn",  # above the warning length; above the error length it is an error
    "officialese": "error",
    "abbreviation": "error",
    "passive": "warn",
    "subordinate-clauses": "warn",
    "nominalisation": "warn",
    "long-word": "warn",
    "legal-reference": "warn",
    "plain-date": "error",
    "address-reader": "warn",
    "verb-first-title": "error",
    "human-channel": "error",
    "deadline-in-words": "error",
    "threat-without-help": "error",
    "reassurance": "error",
    "first-phase-size": "error",
    "summary-length": "error",
    "a2-one-sentence": "error",  # "In het kort" (A2): one sentence per line,
    "a2-sentence-length": "error",  # ... of at most a2_words_max words,
    "a2-common-word": "error",  # ... each among the a2_common_words most used Dutch words
    "step-length": "warn",
    "step-readability": "warn",
    "readability": "error",  # below the error score; between error and warning scores it is a warning
    "mean-sentence-length": "error",
    "dutch-term": "warn",  # a translation names a Dutch glossary term without {nl:...}
}
"""Every rule by the name editors see and configure, with how loudly it reports unless configured."""


@dataclass(frozen=True)
class LanguageSettings:
    """Thresholds (from writing.md) and how loudly each rule reports: error, warn or ignore."""

    sentence_warning_above: int = 15
    sentence_error_above: int = 20
    readability_error_below: float = 60.0
    readability_warning_below: float = 70.0
    step_readability_warning_below: float = 50.0
    mean_sentence_length_max: float = 12.0
    first_phase_max: int = 5
    summary_words_max: int = 25
    step_words_max: int = 120
    long_word_letters: int = 20
    a2_words_max: int = 10
    a2_common_words: int = 10_000
    english_readability_error_below: float = 50.0
    english_readability_warning_below: float = 60.0
    severities: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> LanguageSettings:
        """Settings from a mapping like the plugin's ``plain_language`` option."""
        known = {f for f in cls.__dataclass_fields__ if f != "severities"}
        unknown = set(options) - known - {"rules"}
        if unknown:
            raise ValueError(f"unknown plain_language setting(s): {', '.join(sorted(unknown))}")
        rules = dict(options.get("rules") or {})
        bad = {r: s for r, s in rules.items() if r not in DEFAULT_SEVERITY or s not in LEVELS}
        if bad:
            names = ", ".join(DEFAULT_SEVERITY)
            raise ValueError(f"rules must name a rule ({names}) with error, warn or ignore: {bad}")
        settings = cls(**{k: v for k, v in options.items() if k in known})
        return replace(settings, severities={**DEFAULT_SEVERITY, **rules})

    def level(self, rule: str) -> str:
        """How loudly ``rule`` reports: error, warn or ignore."""
        return self.severities.get(rule, "error")
