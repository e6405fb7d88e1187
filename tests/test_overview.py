"""The rules of the personal overview, in Python (the page's script applies their output)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wegwijzer.checks import load_content
from wegwijzer.render.personal_list import (
    Answer,
    Situation,
    applies,
    dutch_date,
    parse_situation,
    personal_list,
    sort_keys,
)

FIXTURE = Path(__file__).parent / "fixtures" / "site" / "lifeevents"


def events():
    content = load_content(FIXTURE)
    return content.events["verhuizen"], content.events["geldzorgen"]


def ids(planned) -> list[str]:
    return [f"{p.event.id}/{p.step.id}" for p in planned]


def test_answers_filter_steps() -> None:
    verhuizen, _ = events()
    step = verhuizen.steps[1]  # only if huurtoeslag: true
    assert applies(step, {"huurtoeslag": Answer.yes}) == (True, ())
    assert applies(step, {"huurtoeslag": Answer.no}) == (False, ())
    assert applies(step, {"huurtoeslag": Answer.unknown}) == (True, ("huurtoeslag",))
    assert applies(step, {}) == (True, ("huurtoeslag",))


def test_order_follows_deadlines_and_dependencies() -> None:
    verhuizen, _ = events()
    keys = sort_keys(verhuizen)
    assert keys["inschrijven"] == (5, 0, 0, 0)
    assert keys["huurtoeslag"] == (28, 1, 1, 1)  # comes after inschrijven
    assert keys["controleren"] == (365, 0, 2, 2)  # no deadline: end of its phase
    planned = personal_list([verhuizen], Situation({"huurtoeslag": Answer.yes}))
    assert ids(planned) == ["verhuizen/inschrijven", "verhuizen/huurtoeslag", "verhuizen/controleren"]


def test_dates_from_the_event_date() -> None:
    verhuizen, _ = events()
    situation = Situation({"huurtoeslag": Answer.no}, event_date=dt.date(2026, 12, 1))
    planned = personal_list([verhuizen], situation)
    assert [p.due for p in planned] == [dt.date(2026, 12, 6), None]
    assert planned[0].overdue(dt.date(2026, 12, 7)) and not planned[0].overdue(dt.date(2026, 12, 6))
    assert dutch_date(planned[0].due) == "zondag 6 december 2026"


def test_merging_two_events_shows_shared_steps_once() -> None:
    verhuizen, geldzorgen = events()
    situation = Situation({"huurtoeslag": Answer.yes, "schulden": Answer.yes})
    planned = personal_list([verhuizen, geldzorgen], situation)
    assert ids(planned) == [
        "verhuizen/inschrijven",
        "geldzorgen/schuldhulp",
        "geldzorgen/toeslagen",  # shared with verhuizen/huurtoeslag: shown once
        "geldzorgen/machtiging",
        "verhuizen/controleren",
    ]
    assert [p.step.shared for p in planned].count("toeslagen-doorgeven") == 1


def test_acting_for_someone_else_puts_authorisation_first() -> None:
    _, geldzorgen = events()
    situation = Situation({"huurtoeslag": Answer.yes, "schulden": Answer.no}, for_someone_else=True)
    assert ids(personal_list([geldzorgen], situation)) == ["geldzorgen/machtiging", "geldzorgen/toeslagen"]
    situation = Situation({"huurtoeslag": Answer.yes, "schulden": Answer.no})
    assert ids(personal_list([geldzorgen], situation)) == ["geldzorgen/toeslagen", "geldzorgen/machtiging"]


def test_situation_from_url_parameters() -> None:
    situation = parse_situation(
        {
            "huurtoeslag": "ja",
            "schulden": "weet-niet",
            "x": "misschien",
            "datum": "2026-11-02",
            "voor-ander": "ja",
        }
    )
    assert situation == Situation(
        {"huurtoeslag": Answer.yes, "schulden": Answer.unknown}, dt.date(2026, 11, 2), True
    )
    assert parse_situation({"datum": "2026-02-31"}).event_date is None
