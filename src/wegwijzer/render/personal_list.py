"""The personal, prioritised overview: only the steps that apply, in the order to do them.

These rules are the single source: the build writes each step's data and sort
key with them (:func:`step_data`), the page's script only filters and sorts by
that data, and the tests and printed lists call :func:`personal_list` directly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..model import LifeEvent, Phase, Step
from .pages import DataFile
from .urls import step_data as step_data_uri

PHASE_DAYS = {Phase.now: 7, Phase.soon: 42, Phase.later: 365}
"""For ordering, a step without a deadline in days counts as due at the end of its phase."""
PHASE_RANK = {phase: rank for rank, phase in enumerate(Phase)}


class Answer(StrEnum):
    """An answer to a personal question; the values are what the URL carries."""

    yes = "ja"
    no = "nee"
    unknown = "weet-niet"


@dataclass(frozen=True)
class Situation:
    """What the citizen told us. Nothing of it leaves their device."""

    answers: Mapping[str, Answer] = field(default_factory=dict)
    event_date: dt.date | None = None
    for_someone_else: bool = False


@dataclass(frozen=True)
class PlannedStep:
    """A step in someone's personal list."""

    event: LifeEvent
    step: Step
    due: dt.date | None
    unsure: tuple[str, ...]
    """Ids of the questions that decide this step but were answered 'weet ik niet' (or not at all)."""

    @property
    def title(self) -> str:
        return self.step.title

    def overdue(self, today: dt.date) -> bool:
        return self.due is not None and self.due < today


def applies(step: Step, answers: Mapping[str, Answer]) -> tuple[bool, tuple[str, ...]]:
    """Whether ``step`` applies, and which of its conditions are still unsure."""
    unsure = []
    for question, wanted in step.only_if.items():
        answer = answers.get(question, Answer.unknown)
        if answer is Answer.unknown:
            unsure.append(question)
        elif (answer is Answer.yes) != wanted:
            return False, ()
    return True, tuple(unsure)


def sort_keys(event: LifeEvent) -> dict[str, tuple[int, int, int, int]]:
    """A sort key per step: (days, depth, phase, position).

    ``days`` is the deadline in days (or the end of the step's phase), raised to
    the days of every step it comes after, so sorting never puts a step before
    the steps it depends on — also when two guides are merged.
    """
    by_id = {s.id: s for s in event.steps}
    keys: dict[str, tuple[int, int, int, int]] = {}

    def key(step: Step) -> tuple[int, int, int, int]:
        if step.id not in keys:
            days = _days(step)
            depth = 0
            for dep in step.after:
                dep_days, dep_depth, _, _ = key(by_id[dep])
                days = max(days, dep_days)
                depth = max(depth, dep_depth + 1)
            keys[step.id] = (days, depth, PHASE_RANK[step.effective_phase], event.steps.index(step))
        return keys[step.id]

    for step in event.steps:
        key(step)
    return keys


def _days(step: Step) -> int:
    if step.deadline is not None and step.deadline.days is not None:
        return step.deadline.days
    return PHASE_DAYS[step.effective_phase]


def personal_list(events: Iterable[LifeEvent], situation: Situation) -> list[PlannedStep]:
    """The steps of ``events`` that apply to ``situation``, in the order to do them.

    Steps that several events share (same ``shared`` name) appear once.
    """
    candidates = []
    for event_index, event in enumerate(events):
        keys = sort_keys(event)
        for step in event.steps:
            ok, unsure = applies(step, situation.answers)
            if not ok:
                continue
            first = 0 if (situation.for_someone_else and step.authorisation) else 1
            candidates.append(((first, *keys[step.id], event_index), event, step, unsure))
    candidates.sort(key=lambda c: c[0])
    seen: set[str] = set()
    planned = []
    for _, event, step, unsure in candidates:
        if step.shared:
            if step.shared in seen:
                continue
            seen.add(step.shared)
        planned.append(PlannedStep(event, step, due_date(step, situation.event_date), unsure))
    return planned


def due_date(step: Step, event_date: dt.date | None) -> dt.date | None:
    """The real date a step is due, when the event date and a deadline in days are known."""
    if event_date is None or step.deadline is None or step.deadline.days is None:
        return None
    return event_date + dt.timedelta(days=step.deadline.days)


def parse_situation(query: Mapping[str, str]) -> Situation:
    """Read a situation from URL parameters, as the page's script writes them.

    ``?huurhuis=ja&partner=weet-niet&datum=2026-11-02&voor-ander=ja``; unknown or
    malformed values are ignored.
    """
    answers = {}
    for key, value in query.items():
        if key in ("datum", "voor-ander", "ook"):
            continue
        try:
            answers[key] = Answer(value)
        except ValueError:
            continue
    try:
        event_date = dt.date.fromisoformat(query.get("datum", ""))
    except ValueError:
        event_date = None
    return Situation(answers, event_date, query.get("voor-ander") == "ja")


def step_data(event: LifeEvent, link_of: Any) -> list[dict[str, Any]]:
    """What the page's script needs per step; written as JSON at build time.

    ``link_of(step)`` gives the step's URL relative to the site root.
    """
    keys = sort_keys(event)
    return [
        {
            "id": step.id,
            "event": event.id,
            "title": step.title,
            "forOther": step.for_other,
            "url": link_of(step),
            "days": step.deadline.days if step.deadline else None,
            "when": step.deadline.text if step.deadline else None,
            "key": list(keys[step.id]),
            "auth": step.authorisation,
            "shared": step.shared,
            "onlyIf": step.only_if,
        }
        for step in event.steps
    ]


DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")  # fmt: skip


def dutch_date(day: dt.date, with_year: bool = True) -> str:
    """``vrijdag 12 december 2025``: plain dates, never 12-12-2025."""
    text = f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def step_files(events: Iterable[LifeEvent], strings: Mapping[str, Any], page_url: Any) -> list[DataFile]:
    """One JSON file per event with its questions and step data.

    ``page_url(event)`` gives the guide's URL relative to the site root.
    """
    files = []
    for event in events:
        url = page_url(event)
        data = {
            "event": {"id": event.id, "title": event.title, "url": url},
            "questions": [{"id": q.id, "text": q.text, "unsure": q.unsure} for q in event.questions],
            "steps": step_data(event, lambda step, url=url: f"{url}#stap-{step.id}"),
            "strings": strings["personal"],
        }
        files.append(DataFile(step_data_uri(event.id), json.dumps(data, ensure_ascii=False, sort_keys=True)))
    return files
