"""Freshness: content that nobody has checked for too long, named with its owner."""

from __future__ import annotations

import datetime as dt

from ..content import Content
from ..problems import Problem, Severity

RULE = "freshness"


def stale_content(content: Content, today: dt.date, max_age_days: int) -> list[Problem]:
    """A warning for every life event and help point last checked more than ``max_age_days`` ago."""
    problems = []
    limit = dt.timedelta(days=max_age_days)
    for event in content.events.values():
        if today - event.reviewed > limit:
            problems.append(_stale(content.origin(event), "reviewed", event.reviewed, event.owner, today))
    for point in content.helppoints.values():
        origin = content.origin(point)
        if point.checked is None:
            problems.append(
                origin.problem(
                    ("id",),
                    f"nobody has recorded when '{point.name}' was checked",
                    "check the details with the help point and add 'checked: <date>'",
                    severity=Severity.warning,
                    rule=RULE,
                )
            )
        elif today - point.checked > limit:
            problems.append(_stale(origin, "checked", point.checked, point.owner, today))
    return problems


def unsourced_steps(content: Content) -> list[Problem]:
    """A warning for every step that does not say where its facts come from."""
    return [
        content.origin(step).problem(
            ("title",),
            f"the step '{step.title}' has no source",
            "add 'source:' with the organisation's own page on this subject, so the facts can be checked",
            severity=Severity.warning,
            rule=RULE,
        )
        for event in content.events.values()
        for step in event.steps
        if step.source is None
    ]


def _stale(origin, field: str, when: dt.date, owner: str | None, today: dt.date) -> Problem:
    who = f"{owner} should" if owner else "someone should"
    return origin.problem(
        (field,),
        f"last checked on {when.isoformat()}, {(today - when).days} days ago",
        f"{who} check it and set '{field}' to the date of checking",
        severity=Severity.warning,
        rule=RULE,
    )
