"""Load a language's overlays and lay them over the Dutch content: one translated ``Content``.

The translated content shares everything that is not text with the Dutch (phone numbers, dates,
conditions, help points, municipalities). Where a guide or a step has no complete translation,
the Dutch text stays, and ``Content.dutch`` names it so that the page says so in the reader's
language. Nothing here guesses: a missing text is Dutch with a notice, never blank.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..content import Content, Origin, YamlDocument
from ..model import Fact, LifeEvent, Step
from ..model.translation import PENDING, REGISTER_TEXTS, EventText, StepText
from ..problems import Problem, Severity, did_you_mean
from .loader import FACT, REGISTERS_DIR, _read, validate

TRANSLATIONS_DIR = "translations"

STEP_TEXTS = ("title", "why", "for_other", "how", "bring", "next")
"""A step's own text fields (besides its deadline's text and its channels' notes)."""


@dataclass
class Translation:
    """One language: its content, and how much of it is translated."""

    lang: str
    content: Content
    units: int = 0
    translated: int = 0
    """Texts units (a guide's opening texts, each step) in total and translated."""

    @property
    def share(self) -> float:
        return self.translated / self.units if self.units else 0.0


def fingerprint(event: LifeEvent) -> str:
    """A short fingerprint of a guide's Dutch text: it changes when any text a translation covers changes."""
    texts = {
        "event": [event.title, event.summary, event.reassurance, event.in_short, event.date_question],
        "questions": [q.model_dump(exclude={"id"}) for q in event.questions],
        "moments": [m.model_dump(exclude={"id"}) for m in event.moments],
        "steps": [
            [getattr(s, name) for name in STEP_TEXTS]
            + [s.deadline.text if s.deadline else None, [c.note for c in s.channels]]
            for s in event.steps
        ],
    }
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:12]


def load_translation(dutch: Content, lang: str) -> tuple[Translation, list[Problem]]:
    """``lang``'s overlays (``translations/<lang>/``) laid over ``dutch``."""
    root = dutch.root
    folder = root / TRANSLATIONS_DIR / lang
    content = replace(dutch, lang=lang, dutch=set(), meanings={}, origins=dict(dutch.origins))
    translation = Translation(lang, content)
    problems: list[Problem] = []
    for name, model in REGISTER_TEXTS.items():
        problems += _overlay_register(folder / REGISTERS_DIR / f"{name}.yaml", root, name, model, content)
    content.events = {}
    for event in dutch.events.values():
        path = folder / f"{event.id}.yaml"
        translated, found = _overlay_event(path, root, event, dutch, content)
        problems += found
        content.events[event.id] = translated
        translation.units += 1 + len(event.steps)
        translation.translated += (event.id not in content.dutch) + sum(
            1 for s in event.steps if f"{event.id}/{s.id}" not in content.dutch
        )
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        if path.stem not in dutch.events:
            problems.append(
                Problem(
                    _display(path, root),
                    1,
                    "",
                    f"there is no Dutch guide '{path.stem}' for this translation",
                    did_you_mean(path.stem, dutch.events)
                    + "the file name must be the Dutch guide's file name",
                )
            )
    return translation, problems


def _display(path: Path, root: Path) -> str:
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def _overlay_register(path: Path, root: Path, name: str, model: Any, content: Content) -> list[Problem]:
    if not path.is_file():
        return []
    doc, problems = _read(path, root)
    if doc is None:
        return problems
    data = doc.data or {}
    if not isinstance(data, dict):
        return [
            Problem(doc.file, 1, "", "a translated register is a list by id", "start each entry with 'id:'")
        ]
    entries = dict(content.register(name))
    for key, raw in data.items():
        if key not in entries:
            message = f"there is no '{key}' in registers/{name}.yaml"
            fix = did_you_mean(str(key), entries) + "use the id of the Dutch entry"
            problems.append(_at(doc, (key,), message, fix))
            continue
        text, invalid = validate(model, raw, doc, (key,))
        problems += invalid
        if text is None:
            continue
        original = entries[key]
        update = {
            k: v
            for k, v in text.model_dump(exclude_none=True).items()
            if k != "meaning" or name != "glossary"
        }
        if name == "glossary":
            content.meanings[key] = text.meaning
        if name == "organisations" and text.phone_hours is not None:
            if len(text.phone_hours) != len(original.phone_hours):
                problems.append(
                    _count(doc, (key, "phone_hours"), len(text.phone_hours), len(original.phone_hours))
                )
                update.pop("phone_hours")
            else:
                update["phone_hours"] = [
                    hours.model_copy(update=t.model_dump())
                    for hours, t in zip(original.phone_hours, text.phone_hours, strict=True)
                ]
        entries[key] = original.model_copy(update=update)
        content.origins[id(entries[key])] = Origin(doc, (key,))
        fields = [f for f in text.model_dump(exclude_none=True) if f in type(original).model_fields]
        problems += _numbers(doc, (key,), _strings(original, fields), _strings(entries[key], fields))
    setattr(content, name, entries)
    return problems


def _at(doc: YamlDocument, path: tuple[Any, ...], message: str, fix: str, **kwargs: Any) -> Problem:
    """A problem at ``path`` in an overlay, with its line."""
    return Problem(doc.file, doc.line_of(path), ".".join(str(p) for p in path), message, fix, **kwargs)


def _count(doc: YamlDocument, path: tuple[Any, ...], has: int, dutch: int) -> Problem:
    message = f"this list has {has} items, the Dutch has {dutch}"
    return _at(doc, path, message, "translate each Dutch item once, in the same order")


def _with_facts(data: Any, facts: dict[str, Fact], dutch: dict[str, Fact]) -> Any:
    """Translated text with each ``{feit:id}`` filled in; a fact left in Dutch words is marked as Dutch."""

    def value(match: re.Match[str]) -> str:
        fact = facts.get(match.group(1))
        if fact is None:
            return match.group(0)
        untranslated = fact.value == dutch[fact.id].value and re.search(r"[^\W\d_]", fact.value)
        return f"{{nl:{fact.value}}}" if untranslated else fact.value

    if isinstance(data, dict):
        return {k: _with_facts(v, facts, dutch) for k, v in data.items()}
    if isinstance(data, list):
        return [_with_facts(v, facts, dutch) for v in data]
    if isinstance(data, str) and "{feit:" in data:
        return FACT.sub(value, data)
    return data


def _overlay_event(
    path: Path, root: Path, event: LifeEvent, dutch: Content, content: Content
) -> tuple[LifeEvent, list[Problem]]:
    """The guide in the language, or the Dutch guide (named in ``content.dutch``) without a translation."""
    if not path.is_file():
        content.dutch.add(event.id)
        content.dutch.update(f"{event.id}/{s.id}" for s in event.steps)
        return event, []
    doc, problems = _read(path, root)
    if doc is None:
        content.dutch.add(event.id)
        content.dutch.update(f"{event.id}/{s.id}" for s in event.steps)
        return event, problems
    data = _with_facts(doc.data, content.facts, dutch.facts)
    text, invalid = validate(EventText, data, doc, ())
    problems += invalid
    if text is None:
        content.dutch.add(event.id)
        content.dutch.update(f"{event.id}/{s.id}" for s in event.steps)
        return event, problems
    problems += _unknown_ids(doc, event, text)
    problems += _stale(doc, event, text)
    opening = [event.title, event.summary, event.reassurance, *event.in_short]
    problems += _numbers(doc, (), opening, [text.title, text.summary, text.reassurance, *text.in_short])
    if event.date_question and not text.date_question:
        problems.append(_missing(doc, ("date_question",), "the question for the date"))
    questions = [
        q.model_copy(update=text.questions[q.id].model_dump(exclude_none=True))
        if q.id in text.questions
        else q
        for q in event.questions
    ]
    moments = [
        m.model_copy(update=text.moments[m.id].model_dump(exclude_none=True)) if m.id in text.moments else m
        for m in event.moments
    ]
    steps = []
    for step in event.steps:
        step_text = text.steps.get(step.id)
        translated, step_problems = _step(doc, step, step_text)
        problems += step_problems
        steps.append(translated)
        if translated is step:
            content.dutch.add(f"{event.id}/{step.id}")
        else:
            content.origins[id(translated)] = Origin(doc, ("steps", step.id))
    update = {
        "title": text.title,
        "summary": text.summary,
        "reassurance": text.reassurance,
        "in_short": text.in_short,
        "date_question": text.date_question or event.date_question,
        "questions": questions,
        "moments": moments,
        "steps": steps,
    }
    translated_event = event.model_copy(update=update)
    content.origins[id(translated_event)] = Origin(doc)
    for q in questions:
        content.origins[id(q)] = Origin(doc, ("questions", q.id))
    return translated_event, problems


def _step(doc: YamlDocument, step: Step, text: StepText | None) -> tuple[Step, list[Problem]]:
    """The step in the language, or the Dutch step when its translation is missing or incomplete."""
    if text is None:
        return step, []
    where = ("steps", step.id)
    problems = []
    for name in ("for_other", "next", "how", "bring"):
        if getattr(step, name) and not getattr(text, name):
            problems.append(_missing(doc, where, f"'{name}'", step=True))
    if step.deadline and not text.deadline:
        problems.append(_missing(doc, where, "'deadline'", step=True))
    for name in ("how", "bring"):
        has, dutch = len(getattr(text, name) or []), len(getattr(step, name))
        if getattr(text, name) and has != dutch:
            problems.append(_count(doc, (*where, name), has, dutch))
    noted = {c.kind for c in step.channels if c.note}
    for kind in noted - set(text.notes):
        problems.append(_missing(doc, where, f"the note of channel '{kind.value}'", step=True))
    for kind in set(text.notes) - noted:
        message = f"the Dutch step has no note for '{kind.value}'"
        problems.append(_at(doc, (*where, "notes"), message, "remove this note"))
    if step.for_other and "{wie}" in step.for_other and text.for_other and "{wie}" not in text.for_other:
        fix = "write {wie} where the other person is named"
        problems.append(_at(doc, (*where, "for_other"), "{wie} is missing", fix))
    if problems:
        return step, problems
    update: dict[str, Any] = {name: getattr(text, name) for name in STEP_TEXTS if getattr(step, name)}
    if step.deadline:
        update["deadline"] = step.deadline.model_copy(update={"text": text.deadline})
    update["channels"] = [
        c.model_copy(update={"note": text.notes[c.kind]}) if c.note else c for c in step.channels
    ]
    translated = step.model_copy(update=update)
    return translated, _numbers(doc, where, _texts(step), _texts(translated))


def _texts(step: Step) -> list[str]:
    """Every text of a step: its own fields, its deadline's words and its channels' notes."""
    found: list[str] = []
    for name in STEP_TEXTS:
        value = getattr(step, name)
        found += value if isinstance(value, list) else [value] if value else []
    return found + ([step.deadline.text] if step.deadline else []) + [c.note for c in step.channels if c.note]


def _strings(entry: Any, fields: list[str]) -> list[str]:
    """The texts of ``fields`` of a register entry (opening hours included)."""
    found: list[str] = []
    for name in fields:
        value = getattr(entry, name)
        items = value if isinstance(value, list) else [value]
        found += [f"{i.days} {i.hours}" if hasattr(i, "days") else str(i) for i in items if i is not None]
    return found


_NUMBER = re.compile(r"\d+")
WORDS_OK = frozenset({"1", "2"})
"""Numbers a translation may well write as a word ("one month", Arabic's dual "two weeks")."""


def _numbers(
    doc: YamlDocument, path: tuple[Any, ...], dutch: list[str], translated: list[str]
) -> list[Problem]:
    """A number the Dutch does not have is an invented fact (an error); a missing one may be in words."""
    ours, theirs = set(_NUMBER.findall(" ".join(dutch))), set(_NUMBER.findall(" ".join(translated)))
    problems = []
    if theirs - ours:
        added = ", ".join(sorted(theirs - ours))
        fix = "write the numbers the Dutch text has; a new fact goes into the Dutch text first"
        problems.append(_at(doc, path, f"the translation has a number that the Dutch has not: {added}", fix))
    missing_numbers = ours - theirs - WORDS_OK
    if missing_numbers:
        missing = ", ".join(sorted(missing_numbers))
        message = f"the Dutch has a number that the translation has not: {missing}"
        fix = "check that the translation says it (in digits is clearest)"
        problems.append(_at(doc, path, message, fix, severity=Severity.warning, rule="translation"))
    return problems


def _missing(doc: YamlDocument, path: tuple[Any, ...], what: str, step: bool = False) -> Problem:
    shown = "this step is shown in Dutch, with a notice" if step else "the Dutch text is shown, with a notice"
    message = f"{what} is not translated: {shown}"
    return _at(doc, path, message, "add the translation", severity=Severity.warning, rule="translation")


def _unknown_ids(doc: YamlDocument, event: LifeEvent, text: EventText) -> list[Problem]:
    problems = []
    for part, known in (
        ("steps", {s.id for s in event.steps}),
        ("questions", {q.id for q in event.questions}),
        ("moments", {m.id for m in event.moments}),
    ):
        for key in getattr(text, part):
            if key not in known:
                message = f"the Dutch guide has no {part[:-1]} '{key}'"
                fix = did_you_mean(key, known) + "use the id of the Dutch " + part[:-1]
                problems.append(_at(doc, (part, key), message, fix))
    return problems


def _stale(doc: YamlDocument, event: LifeEvent, text: EventText) -> list[Problem]:
    """A warning, naming the owner, when the Dutch text changed after the translation."""
    current = fingerprint(event)
    if text.translation.translates == current:
        return []
    changed = "is new" if text.translation.translates == PENDING else "changed after this translation"
    message = f"the Dutch text of '{event.id}' {changed}; owner: {text.translation.owner}"
    fix = f"check the translation against lifeevents/{event.id}.yaml, then write 'translates: {current}'"
    return [
        _at(doc, ("translation", "translates"), message, fix, severity=Severity.warning, rule="translation")
    ]
