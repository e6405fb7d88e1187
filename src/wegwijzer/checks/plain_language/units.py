"""The pieces of citizen-facing text the rules read, each with the file and line it was written on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...content import Content, Origin, format_path
from ...model import LifeEvent, Step
from .text import words


@dataclass(frozen=True)
class Unit:
    """One piece of citizen-facing text, with where it was written."""

    text: str
    file: str
    line: int
    where: str


def known_terms(content: Content) -> frozenset[str]:
    """Words that are explained: glossary forms, organisation names and ids."""
    known = {form.lower() for term in content.glossary.values() for form in term.all_forms}
    for word in list(known):
        known.update(part for part in re.split(r"[-\s]+", word) if part)
    for organisation in content.organisations.values():
        known.update({organisation.id.lower(), organisation.name.lower()})
        known.update(w.lower() for w in words(organisation.name))
    return frozenset(known)


def event_units(content: Content, event: LifeEvent) -> Iterator[Unit]:
    """Every text of a life event that citizens read, with its line."""
    origin = content.origin(event)
    for name in ("title", "summary", "reassurance", "date_question"):
        value = getattr(event, name)
        if value:
            yield _unit(origin, value, name)
    yield from in_short_units(origin, event)
    for index, question in enumerate(event.questions):
        for name in ("text", "hint", "unsure"):
            value = getattr(question, name)
            if value:
                yield _unit(origin, value, "questions", index, name)
    for step in event.steps:
        yield from step_units(content.origin(step), step)


def in_short_units(origin: Origin, event: LifeEvent) -> Iterator[Unit]:
    """The lines of a guide's "In het kort" (A2)."""
    for index, value in enumerate(event.in_short):
        yield _unit(origin, value, "in_short", index)


def step_units(origin: Origin, step: Step) -> Iterator[Unit]:
    for name in ("title", "why", "next", "for_other"):
        value = getattr(step, name)
        if value:
            yield _unit(origin, value, name)
    for name in ("how", "bring"):
        for index, value in enumerate(getattr(step, name)):
            yield _unit(origin, value, name, index)
    if step.deadline:
        yield _unit(origin, step.deadline.text, "deadline", "text")
    for index, channel in enumerate(step.channels):
        if channel.note:
            yield _unit(origin, channel.note, "channels", index, "note")


def register_units(content: Content) -> Iterator[Unit]:
    for organisation in content.organisations.values():
        origin = content.origin(organisation)
        for name in ("description", "phone_note", "walk_in"):
            value = getattr(organisation, name)
            if value:
                yield _unit(origin, value, name)
    for term in content.glossary.values():
        yield _unit(content.origin(term), term.explanation, "explanation")


def _unit(origin: Origin, text: str, *path: str | int) -> Unit:
    return Unit(text, origin.file, origin.line(*path), format_path((*origin.path, *path)))


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def markdown_units(text: str, display: str) -> list[Unit]:
    """Headings, paragraphs and list items of a Markdown page, each with its line."""
    offset = 0
    match = _FRONT_MATTER.match(text)
    if match:
        offset = match.group(0).count("\n")
        text = text[match.end() :]
    units: list[Unit] = []
    paragraph: list[str] = []
    start = 0
    in_code = False

    def flush() -> None:
        if paragraph:
            units.append(Unit(" ".join(paragraph), display, start, "text"))
            paragraph.clear()

    for number, raw in enumerate(text.splitlines(), start=offset + 1):
        line = raw.strip()
        if line.startswith("```"):
            in_code = not in_code
            flush()
            continue
        if in_code or not line or line.startswith(("<", "|", "{", ":")):
            flush()
            continue
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links: keep the text
        line = re.sub(r"<[^>]+>|[*_`]", "", line)
        item = re.match(r"^(#+|[-*+]|\d+\.)\s+(.*)$", line)
        if item:
            flush()
            units.append(Unit(item.group(2), display, number, "text"))
            continue
        if not paragraph:
            start = number
        paragraph.append(line)
    flush()
    return units
