"""Deadlines that tell the truth: a date is counted from the moment the words name, or not at all."""

from __future__ import annotations

import re

from ..content import Content
from ..model import EVENT, LifeEvent
from ..problems import Problem, did_you_mean

RULE = "deadline"

_OTHER_MOMENT = re.compile(r"\b(brief|aanslag|beslissing|rekening|factuur|uitspraak)\b", re.I)
"""Words that say a deadline runs from a letter, bill or decision rather than from the event."""
_NO_FIXED_DATE = re.compile(
    r"\b(als het voor u past|als u merkt|als de brief komt|als u de brief|meteen als|voordat u iets koopt|"
    r"voordat u de kosten maakt)\b",
    re.I,
)
"""Words that give no fixed date: a number of days with them would invent one."""


def check_deadlines(content: Content) -> list[Problem]:
    """Every deadline whose number counts from another moment than its words name."""
    problems: list[Problem] = []
    for event in content.events.values():
        problems += _check_event(content, event)
    return problems


def _check_event(content: Content, event: LifeEvent) -> list[Problem]:
    moments = {moment.id for moment in event.moments}
    problems = []
    for step in event.steps:
        deadline = step.deadline
        if deadline is None:
            continue
        origin = content.origin(step)
        if deadline.from_ != EVENT and deadline.from_ not in moments:
            known = ", ".join(sorted({EVENT, *moments}))
            problems.append(
                origin.problem(
                    ("deadline", "from"),
                    f"unknown moment '{deadline.from_}'",
                    f"{did_you_mean(deadline.from_, [EVENT, *moments])}use one of: {known}, "
                    "or add it under 'moments:' at the top of the guide",
                    rule=RULE,
                )
            )
        if deadline.length is None:
            continue
        unit = deadline.length[0]
        no_date = _NO_FIXED_DATE.search(deadline.text)
        if no_date:
            problems.append(
                origin.problem(
                    ("deadline", unit),
                    f"the words '{no_date.group(0)}' give no fixed date, but '{unit}' makes one up",
                    f"remove '{unit}' and write 'kind: none'",
                    rule=RULE,
                )
            )
        elif deadline.from_ == EVENT:
            problems += _named_elsewhere(origin, deadline.text, unit, moments)
    return problems


def _named_elsewhere(origin, text: str, unit: str, moments: set[str]) -> list[Problem]:
    other = _OTHER_MOMENT.search(text)
    named = next((m for m in sorted(moments) if re.search(rf"\b{re.escape(m)}\b", text, re.I)), None)
    if not (other or named):
        return []
    word = named or other.group(0)  # type: ignore[union-attr]
    fix = (
        f"add 'from: {named}'" if named else f"add a moment '{word}' under 'moments:' and 'from: {word}' here"
    )
    return [
        origin.problem(
            ("deadline", unit),
            f"the words say this runs from the {word}, but '{unit}' counts from the event date",
            f"{fix}, or remove '{unit}' and write 'kind: none'",
            rule=RULE,
        )
    ]
