"""Freshness: content that nobody has checked for too long, named with its owner."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..content import Content, Origin, PathKey
from ..problems import Problem, Severity

RULE = "freshness"


def stale_content(content: Content, today: dt.date, max_age_days: int) -> list[Problem]:
    """A warning for every guide, organisation, fact and help point that someone should check, naming who."""
    limit = dt.timedelta(days=max_age_days)
    return [
        *_guides(content, today, limit),
        *_organisations(content),
        *_facts(content, today, limit),
        *_helppoints(content, today, limit),
        *_regional(content, today, limit),
    ]


def dated(content: Content) -> Iterator[tuple[Origin, PathKey, dt.date]]:
    """Every date on which someone says they checked something, with where it is written."""
    for event in content.events.values():
        yield content.origin(event), ("reviewed",), event.reviewed
        for index, step in enumerate(event.steps):
            if step.reviewed is not None:
                yield content.origin(event), ("steps", index, "reviewed"), step.reviewed
    for name in ("organisations", "helppoints", "facts", "regional"):
        for item in content.register(name).values():
            if getattr(item, "checked", None) is not None:
                yield content.origin(item), ("checked",), item.checked


def future_dates(content: Content, today: dt.date) -> list[Problem]:
    """A check date after today would silence the freshness warnings for ever."""
    return [
        origin.problem(
            path,
            f"{when.isoformat()} is in the future",
            "write the day it was really checked: today or earlier",
        )
        for origin, path, when in dated(content)
        if when > today
    ]


def newest_date(content: Content) -> dt.date | None:
    """The last day anything in the content was checked: the site's own date, for reproducible builds."""
    return max((when for _, _, when in dated(content)), default=None)


def set_build_date(content: Content) -> str | None:
    """Date the build by the content (``SOURCE_DATE_EPOCH``), unless the caller set a date already.

    MkDocs writes the build date into sitemap.xml; with the content's own date, the same
    content builds the same bytes tomorrow. Returns the value set, for :func:`unset_build_date`.
    """
    newest = newest_date(content)
    if "SOURCE_DATE_EPOCH" in os.environ or newest is None:
        return None
    value = str(int(dt.datetime.combine(newest, dt.time(), dt.UTC).timestamp()))
    os.environ["SOURCE_DATE_EPOCH"] = value
    return value


def unset_build_date(value: str | None) -> None:
    """Remove the build date :func:`set_build_date` set, so the next build dates itself afresh."""
    if value is not None and os.environ.get("SOURCE_DATE_EPOCH") == value:
        del os.environ["SOURCE_DATE_EPOCH"]


def _warning(origin: Origin, field: str, message: str, fix: str) -> Problem:
    return origin.problem((field,), message, fix, severity=Severity.warning, rule=RULE)


def _guides(content: Content, today: dt.date, limit: dt.timedelta) -> Iterator[Problem]:
    for event in content.events.values():
        origin = content.origin(event)
        if today - event.reviewed > limit:
            yield _stale(origin, "reviewed", event.reviewed, event.owner, today)
        if not event.reviewed_by or event.reviewed_by == event.owner:
            message = f"'{event.title}' was last checked by its owner alone"
            fix = "ask a second person to check the guide, and write their name in 'reviewed_by'"
            yield _warning(origin, "reviewed", message, fix)


def _organisations(content: Content) -> Iterator[Problem]:
    for organisation in content.organisations.values():
        if organisation.unverified:
            fields = ", ".join(organisation.unverified)
            message = f"{fields} of {organisation.name} could not be checked on the organisation's own page"
            fix = "check them on the organisation's website, name it in 'source', remove 'unverified'"
            yield _warning(content.origin(organisation), "unverified", message, fix)


def _facts(content: Content, today: dt.date, limit: dt.timedelta) -> Iterator[Problem]:
    for fact in content.facts.values():
        origin = content.origin(fact)
        if fact.year is not None and fact.year < today.year:
            message = f"the fact '{fact.id}' ({fact.value}) holds for {fact.year}"
            fix = f"{fact.owner} should look up this year's value on {fact.source} and change it here"
            yield _warning(origin, "year", message, fix)
        if today - fact.checked > limit:
            yield _stale(origin, "checked", fact.checked, fact.owner, today)


def _helppoints(content: Content, today: dt.date, limit: dt.timedelta) -> Iterator[Problem]:
    for point in content.helppoints.values():
        origin = content.origin(point)
        if point.checked is None:
            message = f"nobody has recorded when '{point.name}' was checked"
            yield _warning(
                origin, "id", message, "check the details with the help point and add 'checked: <date>'"
            )
        elif today - point.checked > limit:
            yield _stale(origin, "checked", point.checked, point.owner, today)


def _regional(content: Content, today: dt.date, limit: dt.timedelta) -> Iterator[Problem]:
    for office in content.regional.values():
        if today - office.checked > limit:
            yield _stale(content.origin(office), "checked", office.checked, office.owner, today)


def unsourced_steps(content: Content) -> list[Problem]:
    """A warning for every step without a source; an error for a source that is only a homepage."""
    problems = []
    for event in content.events.values():
        for step in event.steps:
            origin = content.origin(step)
            if step.source is None:
                problems.append(
                    origin.problem(
                        ("title",),
                        f"the step '{step.title}' has no source",
                        "add 'source:' with the organisation's own page on this subject, "
                        "so the facts can be checked",
                        severity=Severity.warning,
                        rule=RULE,
                    )
                )
            elif urlsplit(step.source).path.strip("/") == "":
                problems.append(
                    origin.problem(
                        ("source",),
                        f"'{step.source}' is a homepage, not the page that supports this step",
                        "link the organisation's own page on this subject, like https://www.svb.nl/nl/anw",
                        rule=RULE,
                    )
                )
    return problems


def _stale(origin, field: str, when: dt.date, owner: str | None, today: dt.date) -> Problem:
    who = f"{owner} should" if owner else "someone should"
    return origin.problem(
        (field,),
        f"last checked on {when.isoformat()}, {(today - when).days} days ago",
        f"{who} check it and set '{field}' to the date of checking",
        severity=Severity.warning,
        rule=RULE,
    )
