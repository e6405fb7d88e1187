"""The personal list: which steps apply to someone, in which order, with which dates.

These rules are the reference. The build writes each event's step data with
:func:`step_files`; ``assets/plan.js`` applies the same rules in the browser, and
the browser tests compare its list with :func:`personal_list`, item for item and
date for date.

- **Which steps**: those whose ``only_if`` answers match; an unanswered or "weet ik
  niet" question keeps the step, marked unsure. Steps only for helpers show only
  when someone acts for another person.
- **Order**: authorisation first when acting for someone; then phase (now, soon,
  later), then the chosen events in order, then the guide's own order. The guide
  numbers its cards the same way, so the list and the guide agree.
- **Dates**: a deadline runs from a moment (the event date or a guide's moment,
  such as the date on a letter) for a length in days, working days, weeks or
  months. Without that moment's date, or without a length, there is no date:
  a date is never guessed. Working days skip weekends and Dutch public holidays.
- **Lateness**: a legal or advice deadline before today is late, never a step
  that happens by itself; a deadline today is "vandaag".
- **Several events**: each brings its own answers and dates; a step that several
  events share (``shared``) appears once, with the earliest of its dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import Any

import holidays as holiday_calendars

from ..model import EVENT, DeadlineKind, LifeEvent, Phase, Step
from ..model.translation import plain
from .pages import DataFile
from .strings import strings as locale_strings
from .urls import step_data as step_data_uri

PHASE_RANK = {phase: rank for rank, phase in enumerate(Phase)}
MAX_EVENTS = 3
"""At most this many life events in one list: the page's own and two more."""
HOLIDAY_YEARS = range(2020, 2041)
"""Years whose public holidays the build writes for the browser (working days)."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ACTING_FOR = ("partner", "ouder", "kind", "naaste")
"""Who someone may act for; the URL carries these values (``voor=ouder``)."""


class Answer(StrEnum):
    """An answer to a personal question; the values are what the URL carries."""

    yes = "ja"
    no = "nee"
    unknown = "weet-niet"


@dataclass(frozen=True)
class Situation:
    """What the citizen told us. Nothing of it leaves their device.

    ``answers`` and ``dates`` are keyed by (event id, question or moment id); the
    event date is the moment ``event``.
    """

    events: tuple[str, ...] = ()
    answers: Mapping[tuple[str, str], Answer] = field(default_factory=dict)
    dates: Mapping[tuple[str, str], dt.date] = field(default_factory=dict)
    acting_for: str = ""

    def answer(self, event: str, question: str) -> Answer:
        return self.answers.get((event, question), Answer.unknown)


@dataclass(frozen=True)
class PlannedStep:
    """A step in someone's personal list."""

    event: LifeEvent
    step: Step
    number: int
    """The step's number in the list, which the guide's card shows too."""
    due: dt.date | None
    kind: DeadlineKind
    unsure: tuple[str, ...]
    """Ids of the questions that decide this step but were answered 'weet ik niet' (or not at all)."""

    @property
    def title(self) -> str:
        return self.step.title

    @property
    def key(self) -> str:
        return f"{self.event.id}/{self.step.id}"

    def late(self, today: dt.date) -> bool:
        """A legal or advice date has passed; never for what happens by itself."""
        return (
            self.due is not None
            and self.due < today
            and self.kind is not DeadlineKind.none
            and not self.step.automatic
        )

    def due_today(self, today: dt.date) -> bool:
        return self.due == today and not self.step.automatic


# --- dates ---------------------------------------------------------------------------


@cache
def dutch_holidays() -> frozenset[dt.date]:
    """Dutch public holidays (the ``holidays`` library) for :data:`HOLIDAY_YEARS`."""
    return frozenset(holiday_calendars.country_holidays("NL", years=list(HOLIDAY_YEARS)))


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier); the last day of the month when it has fewer days."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = (next_month - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last))


def working_day(day: dt.date, holidays: frozenset[dt.date]) -> bool:
    """Not a Saturday, a Sunday or a holiday."""
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: dt.date, amount: int, holidays: frozenset[dt.date]) -> dt.date:
    """``amount`` working days after (or, when negative, before) ``start``; weekends and holidays skipped."""
    day, step, left = start, 1 if amount >= 0 else -1, abs(amount)
    while left:
        day += dt.timedelta(days=step)
        if working_day(day, holidays):
            left -= 1
    return day


def add_length(start: dt.date, unit: str, amount: int, holidays: frozenset[dt.date]) -> dt.date:
    if unit == "days":
        return start + dt.timedelta(days=amount)
    if unit == "weeks":
        return start + dt.timedelta(weeks=amount)
    if unit == "months":
        return add_months(start, amount)
    return add_working_days(start, amount, holidays)


def working_day_rule(start: dt.date, end: dt.date, holidays: frozenset[dt.date]) -> dt.date:
    """The Algemene termijnenwet: a term that ends on a Saturday, Sunday or holiday runs to the next
    working day (art. 1), and a term of 3 days or more holds at least 2 working days (art. 2)."""
    span = (end - start).days
    count = sum(working_day(start + dt.timedelta(days=n), holidays) for n in range(1, span + 1))
    least = 2 if span >= 3 else 0
    while not working_day(end, holidays) or count < least:
        end += dt.timedelta(days=1)
        count += working_day(end, holidays)
    return end


def due_date(
    step: Step, event_id: str, situation: Situation, holidays: frozenset[dt.date] | None = None
) -> dt.date | None:
    """The date a step is due, when its deadline has a length and its moment's date is known."""
    deadline = step.deadline
    if deadline is None or deadline.length is None or deadline.firmness is DeadlineKind.none:
        return None
    start = situation.dates.get((event_id, deadline.from_))
    if start is None:
        return None
    unit, amount = deadline.length
    holidays = dutch_holidays() if holidays is None else holidays
    due = add_length(start, unit, amount, holidays)
    return working_day_rule(start, due, holidays) if deadline.next_working_day else due


# --- which steps, in which order -----------------------------------------------------


def ordered_steps(event: LifeEvent) -> list[tuple[Phase, list[Step]]]:
    """Steps grouped by phase (now, soon, later), in the order written within a phase: the guide's order."""
    groups = [(phase, [s for s in event.steps if s.effective_phase is phase]) for phase in Phase]
    return [(phase, steps) for phase, steps in groups if steps]


def guide_order(event: LifeEvent) -> list[Step]:
    return [step for _, steps in ordered_steps(event) for step in steps]


def applies(step: Step, event_id: str, situation: Situation) -> tuple[bool, tuple[str, ...]]:
    """Whether ``step`` applies, and which of its conditions are still unsure."""
    if step.acting_for_only and not situation.acting_for:
        return False, ()
    unsure = []
    for question, wanted in step.only_if.items():
        answer = situation.answer(event_id, question)
        if answer is Answer.unknown:
            unsure.append(question)
        elif (answer is Answer.yes) != wanted:
            return False, ()
    return True, tuple(unsure)


def personal_list(
    events: Sequence[LifeEvent], situation: Situation, today: dt.date | None = None
) -> list[PlannedStep]:
    """The steps of ``events`` that apply to ``situation``, in the order to do them.

    With ``today``, steps whose date has passed come first, as one group that the
    page introduces once, calmly; the numbers follow the order shown.
    """
    candidates = []
    for event_index, event in enumerate(events[:MAX_EVENTS]):
        for position, step in enumerate(guide_order(event)):
            ok, unsure = applies(step, event.id, situation)
            if not ok:
                continue
            first = 0 if situation.acting_for and step.authorisation else 1
            key = (first, PHASE_RANK[step.effective_phase], event_index, position)
            candidates.append((key, event, step, unsure, due_date(step, event.id, situation)))
    candidates.sort(key=lambda c: c[0])
    earliest: dict[str, dt.date] = {}
    for _, _, step, _, due in candidates:
        if step.shared and due is not None:
            earliest[step.shared] = min(due, earliest.get(step.shared, due))
    seen: set[str] = set()
    planned: list[PlannedStep] = []
    for _, event, step, unsure, due in candidates:
        if step.shared:
            if step.shared in seen:
                continue
            seen.add(step.shared)
            due = earliest.get(step.shared)
        kind = step.deadline.firmness if step.deadline else DeadlineKind.none
        planned.append(PlannedStep(event, step, 0, due, kind, unsure))
    if today is not None:
        planned = [p for p in planned if p.late(today)] + [p for p in planned if not p.late(today)]
    return [replace(p, number=number) for number, p in enumerate(planned, start=1)]


def parse_situation(query: Mapping[str, str | list[str]], own: str) -> Situation:
    """Read a situation from URL parameters, as the page's script writes them.

    ``?verhuizen.huurhuis=ja&verhuizen.datum=2026-12-14&ook=overlijden&voor=ouder``:
    answers and dates carry their event's id; ``datum`` is the event date. Unknown
    or malformed values are ignored.
    """

    def values(key: str) -> list[str]:
        value = query.get(key, [])
        return [value] if isinstance(value, str) else list(value)

    events = [own] + [e for e in values("ook") if e and e != own]
    events = list(dict.fromkeys(events))[:MAX_EVENTS]
    answers: dict[tuple[str, str], Answer] = {}
    dates: dict[tuple[str, str], dt.date] = {}
    for key in query:
        event, dot, name = key.partition(".")
        if not dot or event not in events or not name:
            continue
        value = values(key)[-1] if values(key) else ""
        try:
            answers[(event, name)] = Answer(value)
            continue
        except ValueError:
            pass
        if not _ISO_DATE.fullmatch(value):
            continue
        try:
            dates[(event, EVENT if name == "datum" else name)] = dt.date.fromisoformat(value)
        except ValueError:
            continue
    acting_for = values("voor")[-1] if values("voor") else ""
    return Situation(tuple(events), answers, dates, acting_for if acting_for in ACTING_FOR else "")


# --- the data the scripts read ---------------------------------------------------------


def step_data(event: LifeEvent, link_of: Any, who: Any) -> list[dict[str, Any]]:
    """What the scripts need per step, in the guide's order; written as JSON at build time.

    ``link_of(step)`` gives the step's URL relative to the site root; ``who(step)``
    the organisation and how to reach it, as the list shows it.
    """
    return [
        {
            "id": step.id,
            "event": event.id,
            "title": step.title,
            "forOther": step.for_other,
            "url": link_of(step),
            "phase": PHASE_RANK[step.effective_phase],
            "position": position,
            "deadline": _deadline_data(step),
            "when": step.deadline.text if step.deadline else None,
            "auth": step.authorisation,
            "actingForOnly": step.acting_for_only,
            "automatic": step.automatic,
            "shared": step.shared,
            "onlyIf": [[question, wanted] for question, wanted in step.only_if.items()],
            "bring": step.bring,
            "help": step.help.value,
            "who": who(step),
        }
        for position, step in enumerate(guide_order(event))
    ]


def _deadline_data(step: Step) -> dict[str, Any] | None:
    deadline = step.deadline
    if deadline is None or deadline.length is None or deadline.firmness is DeadlineKind.none:
        return None
    unit, amount = deadline.length
    data = {"from": deadline.from_, "unit": unit, "amount": amount, "kind": deadline.firmness.value}
    if deadline.next_working_day:
        data["nextWorkingDay"] = True
    return data


def moments(event: LifeEvent, default_question: str) -> list[dict[str, str]]:
    """The dates a guide may ask for: the event date first, then its other moments."""
    first = {"id": EVENT, "name": "datum", "question": event.date_question or default_question}
    return [first] + [{"id": m.id, "name": m.id, "question": m.question} for m in event.moments]


def step_files(
    events: Iterable[LifeEvent], strings: Mapping[str, Any], page_url: Any, who: Any, uri: Any = step_data_uri
) -> list[DataFile]:
    """One JSON file per event with its questions, moments, step data and the holidays.

    ``page_url(event)`` gives the guide's URL relative to the site root.
    """
    holidays = sorted(day.isoformat() for day in dutch_holidays())
    files = []
    for event in events:
        url = page_url(event)
        data = {
            "event": {"id": event.id, "title": event.title, "url": url, "inShort": list(event.in_short)},
            "questions": [
                {"id": q.id, "text": q.text, "hint": q.hint, "unsure": q.unsure} for q in event.questions
            ],
            "moments": moments(event, strings["personal"]["date_question"]),
            "steps": step_data(event, lambda step, url=url: f"{url}#stap-{step.id}", who),
            "holidays": holidays,
            "strings": {
                **strings["personal"],
                "yes": strings["answer_yes"],
                "no": strings["answer_no"],
                "days": strings["days"],
                "months": strings["months"],
            },
        }
        text = plain(json.dumps(data, ensure_ascii=False, sort_keys=True))  # the script shows plain text
        files.append(DataFile(uri(event.id), text))
    return files


DAYS = tuple(locale_strings("nl")["days"])
MONTHS = tuple(locale_strings("nl")["months"])


def dutch_date(day: dt.date, with_year: bool = True) -> str:
    """``vrijdag 12 december 2025``: plain dates, never 12-12-2025."""
    text = f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text
