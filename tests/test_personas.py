"""The people the guides are for: their answers give the actions from their story, in a sensible order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wegwijzer.checks import load_content
from wegwijzer.model import HUMAN_CHANNELS
from wegwijzer.render.personal_list import Answer, Situation, personal_list

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "lifeevents")


def plan(content, event_ids: list[str], answers: dict[str, str], event_date=None, acting_for=""):
    """The list for one household: each answer counts for every chosen guide that asks it."""
    events = [content.events[e] for e in event_ids]
    situation = Situation(
        tuple(event_ids),
        {(e.id, q.id): Answer(answers[q.id]) for e in events for q in e.questions if q.id in answers},
        {(event_ids[0], "event"): event_date} if event_date else {},
        acting_for,
    )
    return personal_list(events, situation)


def position(planned, step_id: str) -> int:
    ids = [p.step.id for p in planned]
    assert step_id in ids, f"'{step_id}' is missing from {ids}"
    return ids.index(step_id)


def assert_reachable(content, planned) -> None:
    for item in planned:
        organisation = content.organisations[item.step.organisation]
        human = [c for c in item.step.channels if c.kind in HUMAN_CHANNELS]
        assert human, f"{item.step.id} has no phone or walk-in option"
        assert (
            organisation.phone
            or organisation.phone_note
            or organisation.walk_in
            or any(c.phone for c in human)
        ), f"{item.step.id}: {organisation.name} has no number or place to go"


def test_bram_his_father_died(content) -> None:
    # Bram (25) studies, his father was not his partner, his sister lives with them.
    planned = plan(
        content,
        ["overlijden"],
        {"partner": "nee", "kinderen-thuis": "weet-niet", "studeert": "ja", "huurhuis": "ja"},
        event_date=dt.date(2026, 11, 2),
    )
    ids = [p.step.id for p in planned]
    assert "anw" not in ids  # only for a partner
    assert position(planned, "aangifte") < position(planned, "automatisch")
    assert position(planned, "uitvaart") < 2 and position(planned, "aangifte") < 2
    for step_id in ("duo", "huur", "erfenis", "belasting", "steun"):
        position(planned, step_id)
    kinderbijslag = planned[position(planned, "kinderbijslag")]
    assert kinderbijslag.unsure == ("kinderen-thuis",)
    # 6 working days after Monday 2 November: Tuesday 10 November.
    assert planned[position(planned, "aangifte")].due == dt.date(2026, 11, 10)
    assert_reachable(content, planned)


def test_annie_her_husband_moves_into_a_care_home(content) -> None:
    # Annie (72): married, both get AOW, rented home, Joost had home care; she acts for him.
    planned = plan(
        content,
        ["verpleeghuis"],
        {"getrouwd": "ja", "aow": "ja", "huurhuis": "ja", "thuiszorg": "ja"},
        event_date=dt.date(2026, 12, 1),
        acting_for="partner",
    )
    assert planned[0].step.id == "machtiging"  # acting for Joost: authorisation first
    for step_id in ("aow", "eigen-bijdrage", "thuiszorg", "toeslagen", "huur", "hulp-thuis"):
        position(planned, step_id)
    assert position(planned, "zorgkantoor") < position(planned, "thuiszorg") < position(planned, "aow")
    assert planned[position(planned, "aow")].due == dt.date(2026, 12, 29)  # 4 weeks after the move
    assert not [p.step.id for p in planned if p.late(dt.date(2026, 11, 20))]  # told in time: nothing late
    assert_reachable(content, planned)


def test_gerard_income_too_low_after_moving(content) -> None:
    # Gerard: four children, moved to a cheaper rented home, prefers to phone, has unpaid bills.
    planned = plan(
        content,
        ["minder-inkomen"],
        {"huurhuis": "ja", "kinderen": "ja", "schulden": "ja", "verhuisd": "ja", "aow": "nee"},
    )
    for step_id in (
        "huurtoeslag-nieuw",
        "kindgebonden-budget",
        "kwijtschelding",
        "schuldhulp",
        "toeslagen",
        "bijstand",
    ):
        position(planned, step_id)
    # Bijstand is paid only from the day it is asked for: it comes before the toeslagen, which can wait.
    assert position(planned, "bijstand") < position(planned, "toeslagen")
    assert "aio" not in [p.step.id for p in planned]  # the SVB's AIO is only for people of AOW age
    assert position(planned, "schuldhulp") < position(planned, "kwijtschelding")
    assert all(p.step.channels[0].kind.value == "phone" for p in planned), "Gerard calls: phone comes first"
    assert_reachable(content, planned)
    without_debts = plan(content, ["minder-inkomen"], {"schulden": "nee", "kinderen": "nee"})
    assert "schuldhulp" not in [p.step.id for p in without_debts]


def test_bram_with_money_worries_sees_shared_steps_once(content) -> None:
    planned = plan(content, ["overlijden", "minder-inkomen"], {"partner": "ja", "schulden": "ja"})
    shared = [p.step.shared for p in planned if p.step.shared]
    assert shared.count("toeslagen-doorgeven") == 1  # both guides have it; it shows once
    assert len(shared) == len(set(shared))


def test_alina_pregnant_and_moving_in_with_her_mother(content) -> None:
    # Alina (27): status holder, moves in with her mother who gets bijstand in a rented home.
    planned = plan(
        content,
        ["baby-familie"],
        {
            "baby": "ja",
            "inwonen": "ja",
            "bijstand-familie": "ja",
            "huurhuis": "ja",
            "verblijfsvergunning": "ja",
        },
        event_date=dt.date(2027, 3, 1),
    )
    ids = [p.step.id for p in planned]
    for step_id in (
        "bijstand-familie",
        "woningcorporatie",
        "adres",
        "geboorteaangifte",
        "kinderbijslag",
        "kindgebonden-budget",
        "toeslagen",
        "ind",
        "werk",
    ):
        assert step_id in ids, step_id
    # Ask about her mother's bijstand before moving in; register the birth before claiming child benefit.
    assert ids.index("bijstand-familie") < ids.index("adres") < ids.index("toeslagen")
    assert ids.index("geboorteaangifte") < ids.index("kinderbijslag") < ids.index("kindgebonden-budget")
    # Its deadline runs from the day she moves in, which she did not give: no date is guessed.
    assert planned[ids.index("bijstand-familie")].due is None
    assert planned[ids.index("geboorteaangifte")].due == dt.date(2027, 3, 4)  # 3 days after the birth
    assert_reachable(content, planned)


def test_annie_after_her_husband_died_gets_no_anw_at_72(content) -> None:
    # Annie (72) already gets AOW: Anw is only for a partner below AOW age (rijksoverheid.nl, Anw).
    planned = plan(
        content,
        ["overlijden"],
        {
            "partner": "ja",
            "aow": "ja",
            "wees": "nee",
            "kinderen-thuis": "nee",
            "studeert": "nee",
            "huurhuis": "ja",
        },
        event_date=dt.date(2026, 11, 2),
    )
    ids = [p.step.id for p in planned]
    assert "anw" not in ids
    assert "wezenuitkering" not in ids
    for step_id in ("aow-nabestaande", "toeslagen", "huur", "bedrijven"):
        position(planned, step_id)
    assert_reachable(content, planned)


def test_alina_moving_in_without_a_baby_gets_no_baby_steps(content) -> None:
    planned = plan(content, ["baby-familie"], {"baby": "nee", "inwonen": "ja", "bijstand-familie": "ja"})
    ids = [p.step.id for p in planned]
    for step_id in (
        "geboorteaangifte",
        "erkenning",
        "zorgverzekering",
        "kinderbijslag",
        "kindgebonden-budget",
    ):
        assert step_id not in ids, step_id
    for step_id in ("bijstand-familie", "adres", "werk"):
        assert step_id in ids, step_id
