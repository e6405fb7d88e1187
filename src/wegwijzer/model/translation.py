"""A translation: an overlay of text on the Dutch data, by id. Facts are never repeated in it.

A guide's overlay lives in ``translations/<lang>/<event-id>.yaml``, the registers' in
``translations/<lang>/registers/``. Dutch terms stay in the text as ``{nl:AOW}``: the page marks
them as Dutch, so screen readers pronounce them right and people can say them at the counter.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import Field

from .fields import Id, Strict, Text
from .guide import ChannelKind

DUTCH_TERM = re.compile(r"\{nl:([^{}]+)\}")
"""A Dutch term inside translated text: ``{nl:AOW}``."""

LANGUAGES = {"nl": ("Nederlands", "ltr"), "en": ("English", "ltr"), "ar": ("العربية", "rtl")}
"""The languages Wegwijzer has interface strings for: their own name and their writing direction."""


def language_of(path: str, languages: tuple[str, ...] | list[str] | dict[str, object] = LANGUAGES) -> str:
    """The language of a page or file by its path: ``en/gids/x.md`` is English, ``gids/x.md`` Dutch."""
    first = path.split("/", 1)[0]
    return first if first in languages and "/" in path else "nl"


PENDING = "pending"
"""What a new translation writes in ``translates`` before the build has told it the fingerprint."""


def plain(text: str) -> str:
    """Translated text without the term markup: ``{nl:AOW} (state pension)`` → ``AOW (state pension)``."""
    return DUTCH_TERM.sub(r"\1", text) if "{nl:" in text else text


class Status(StrEnum):
    """How far a translation is."""

    draft = "draft"
    reviewed = "reviewed"


class TranslationInfo(Strict):
    """Who keeps a translation, how far it is, and which Dutch text it translates."""

    status: Status = Field(
        description="draft (eerste vertaling) of reviewed (nagekeken door een tweede persoon)."
    )
    translates: str = Field(
        description="De vingerafdruk van de Nederlandse tekst die vertaald is. De build noemt hem als de "
        "Nederlandse tekst later verandert; schrijf 'pending' bij een nieuwe vertaling."
    )
    owner: Text = Field(description="Wie deze vertaling bijhoudt.")
    reviewed_by: Text | None = None


class QuestionText(Strict):
    text: Text | None = None
    hint: Text | None = None
    unsure: Text | None = None


class MomentText(Strict):
    question: Text | None = None
    hint: Text | None = None


class StepText(Strict):
    """A step's text in another language; what is left out stays Dutch, with a notice."""

    title: Text
    why: Text
    for_other: Text | None = None
    how: list[Text] | None = None
    bring: list[Text] | None = None
    next: Text | None = None
    deadline: Text | None = Field(None, description="De tekst van de termijn.")
    notes: dict[ChannelKind, Text] = Field(
        default_factory=dict, description="Uitleg bij een kanaal, per soort."
    )


class EventText(Strict):
    """A guide in another language."""

    translation: TranslationInfo
    title: Text
    summary: Text
    reassurance: Text
    in_short: list[Text] = Field(min_length=3, max_length=6)
    date_question: Text | None = None
    questions: dict[Id, QuestionText] = Field(default_factory=dict)
    moments: dict[Id, MomentText] = Field(default_factory=dict)
    steps: dict[Id, StepText] = Field(default_factory=dict)


class HoursText(Strict):
    days: Text
    hours: Text


class OrganisationText(Strict):
    name: Text | None = None
    full_name: Text | None = None
    description: Text | None = None
    phone_note: Text | None = None
    walk_in: Text | None = None
    phone_hours: list[HoursText] | None = None


class GlossaryText(Strict):
    meaning: Text = Field(description="Een korte uitleg na het Nederlandse woord: 'AOW (state pension)'.")
    explanation: Text


class FactText(Strict):
    value: Text | None = None
    meaning: Text | None = None


REGISTER_TEXTS = {"organisations": OrganisationText, "glossary": GlossaryText, "facts": FactText}
"""The registers that have text to translate, and the shape of one entry's translation."""
