"""The people the guides are for: their answers give the actions from their story, in a sensible order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wegwijzer.loader import load_content
from wegwijzer.model import HUMAN_CHANNELS
from wegwijzer.overview import Answer, Situation, personal_list

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "lifeevents")


def plan(content, event_ids: list[str], answers: dict[str, str], **kwargs):
    events = [content.events[e] for e in event_ids]
    situation = Situation({k: Answer(v) for k, v in answers.items()}, **kwargs)
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
        assert organisation.phone or organisation.phone_note or organisation.walk_in or any(
            c.phone for c in human
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
    assert planned[position(planned, "aangifte")].due == dt.date(2026, 11, 8)
    assert_reachable(content, planned)
