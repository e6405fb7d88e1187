"""The rules of the personal list, in Python: the reference that the browser is compared with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wegwijzer.checks import load_content
from wegwijzer.model import Deadline, DeadlineKind
from wegwijzer.render.personal_list import (
    Answer,
    Situation,
    add_months,
    add_working_days,
    applies,
    dutch_date,
    dutch_holidays,
    parse_situation,
    personal_list,
)

FIXTURE = Path(__file__).parent / "fixtures" / "site" / "lifeevents"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def fixture():
    return load_content(FIXTURE)


@pytest.fixture(scope="module")
def example():
    return load_content(ROOT / "lifeevents")


def ids(planned) -> list[str]:
    return [p.key for p in planned]


def situation(events, answers=None, dates=None, acting_for=""):
    """answers/dates as {"event.id": value}, like the address bar."""
    return Situation(
        tuple(events),
        {tuple(k.split(".")): Answer(v) for k, v in (answers or {}).items()},
        {tuple(k.split(".")): v for k, v in (dates or {}).items()},
        acting_for,
    )


# --- dates -------------------------------------------------------------------------------


def test_months_keep_the_day_or_take_the_last_day_of_a_short_month() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 12, 15), 3) == dt.date(2027, 3, 15)
    assert add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)


def test_working_days_skip_weekends_and_dutch_holidays() -> None:
    holidays = dutch_holidays()
    assert {
        dt.date(2026, 4, 27),
        dt.date(2026, 12, 25),
        dt.date(2026, 12, 26),
        dt.date(2027, 1, 1),
    } <= holidays
    # Thursday 24 December 2026: Friday and Saturday are Christmas, then a Sunday.
    assert add_working_days(dt.date(2026, 12, 24), 1, holidays) == dt.date(2026, 12, 28)
    # Friday 24 April 2026 + 2: Monday 27 April is King's Day.
    assert add_working_days(dt.date(2026, 4, 24), 2, holidays) == dt.date(2026, 4, 29)
    assert add_working_days(dt.date(2026, 12, 28), -1, holidays) == dt.date(2026, 12, 24)


def test_a_deadline_has_one_length_and_no_date_without_one() -> None:
    assert Deadline(text="binnen 5 dagen na de verhuizing", days=5).firmness is DeadlineKind.advice
    assert Deadline(text="als het voor u past").firmness is DeadlineKind.none
    with pytest.raises(ValueError, match="keep one of days"):
        Deadline(text="binnen 5 dagen", days=5, weeks=1)
    with pytest.raises(ValueError, match="no fixed date"):
        Deadline(text="als het voor u past", days=5, kind="none")


def test_dates_count_from_the_moment_the_words_name(example) -> None:
    minder = example.events["minder-inkomen"]
    step = {s.id: s for s in minder.steps}
    assert step["kwijtschelding"].deadline.from_ == "aanslag"
    # Only the income date is known: the kwijtschelding date (from the tax bill) is not guessed.
    sit = situation(
        ["minder-inkomen"],
        {"minder-inkomen.kwijtschelding-nodig": "ja"},
        {"minder-inkomen.event": dt.date(2026, 9, 1)},
    )
    planned = {p.step.id: p for p in personal_list([minder], sit)}
    assert "kwijtschelding" in planned and planned["kwijtschelding"].due is None
    # With the date on the bill it runs 3 months from there.
    sit = situation(
        ["minder-inkomen"],
        dates={"minder-inkomen.event": dt.date(2026, 9, 1), "minder-inkomen.aanslag": dt.date(2026, 11, 20)},
    )
    planned = {p.step.id: p for p in personal_list([minder], sit)}
    assert planned["kwijtschelding"].due == dt.date(2027, 2, 20)


def test_the_wia_application_falls_in_week_93_of_illness_not_a_day_after(example) -> None:
    # UWV: "Doe de aanvraag uiterlijk in de 93e week dat u ziek bent". Week 1 starts on the first day.
    ziek = example.events["ziek"]
    first_day = dt.date(2026, 1, 5)  # a Monday
    sit = situation(["ziek"], {"ziek.werkgever": "ja"}, {"ziek.event": first_day})
    wia = {p.step.id: p for p in personal_list([ziek], sit)}["wia"]
    assert wia.due == dt.date(2027, 10, 17)  # the Sunday that ends week 93
    assert (wia.due - first_day).days // 7 + 1 == 93
    assert ((wia.due + dt.timedelta(days=1)) - first_day).days // 7 + 1 == 94
    assert wia.step.deadline.firmness is DeadlineKind.legal


@pytest.mark.parametrize(
    ("born", "last_day"),
    [
        # The table on the source's page (velsen.nl), in a week without holidays (2 to 8 March 2026).
        (dt.date(2026, 3, 2), dt.date(2026, 3, 5)),  # Monday → Thursday
        (dt.date(2026, 3, 3), dt.date(2026, 3, 6)),  # Tuesday → Friday
        (dt.date(2026, 3, 4), dt.date(2026, 3, 9)),  # Wednesday → Monday
        (dt.date(2026, 3, 5), dt.date(2026, 3, 9)),  # Thursday → Monday
        (dt.date(2026, 3, 6), dt.date(2026, 3, 10)),  # Friday → Tuesday: at least 2 working days
        (dt.date(2026, 3, 7), dt.date(2026, 3, 10)),  # Saturday → Tuesday
        (dt.date(2026, 3, 8), dt.date(2026, 3, 11)),  # Sunday → Wednesday
        (dt.date(2026, 5, 22), dt.date(2026, 5, 27)),  # Friday, and Monday is Pinksteren → Wednesday
    ],
)
def test_a_birth_is_registered_by_the_date_the_law_gives_not_on_a_closed_day(example, born, last_day) -> None:
    baby = example.events["baby-familie"]
    sit = situation(["baby-familie"], {"baby-familie.baby": "ja"}, {"baby-familie.event": born})
    step = {p.step.id: p for p in personal_list([baby], sit)}["geboorteaangifte"]
    assert step.due == last_day
    assert last_day.weekday() < 5


def test_the_working_day_rule_is_only_for_forward_legal_deadlines() -> None:
    with pytest.raises(ValueError, match="Algemene termijnenwet"):
        Deadline(text="binnen 3 dagen na de geboorte", days=3, next_working_day=True)
    with pytest.raises(ValueError, match="Algemene termijnenwet"):
        Deadline(text="uiterlijk op de 6e werkdag na", working_days=6, kind="legal", next_working_day=True)
    with pytest.raises(ValueError, match="not before it"):
        Deadline(text="3 dagen voor de verhuizing", days=-3, kind="legal", next_working_day=True)
    assert Deadline(text="binnen 3 dagen na de geboorte", days=3, kind="legal", next_working_day=True)


def test_no_invented_dates_for_steps_without_a_fixed_deadline(example) -> None:
    for event in example.events.values():
        sit = situation([event.id], dates={f"{event.id}.event": dt.date(2026, 12, 2)})
        for item in personal_list([event], sit):
            deadline = item.step.deadline
            if deadline is None or deadline.firmness is DeadlineKind.none or deadline.from_ != "event":
                assert item.due is None, item.key


# --- lateness ----------------------------------------------------------------------------


def test_late_only_for_passed_legal_or_advice_dates_never_for_automatic_steps(example) -> None:
    today = dt.date(2026, 12, 2)
    for event in example.events.values():
        past = situation([event.id], dates={f"{event.id}.event": dt.date(2025, 1, 6)})
        planned = personal_list([event], past)
        for item in planned:
            if item.step.automatic:
                assert not item.late(today), item.key
            elif item.due is not None and item.kind is not DeadlineKind.none:
                assert item.late(today) == (item.due < today), item.key
        future = situation([event.id], dates={f"{event.id}.event": dt.date(2027, 12, 6)})
        assert not [p.key for p in personal_list([event], future) if p.late(today)], event.id


def test_the_event_day_itself_is_today_not_late(example) -> None:
    ziek = example.events["ziek"]
    sit = situation(["ziek"], dates={"ziek.event": dt.date(2026, 12, 2)})
    first_day = next(p for p in personal_list([ziek], sit) if p.step.deadline and p.step.deadline.days == 0)
    assert first_day.due == dt.date(2026, 12, 2)
    assert first_day.due_today(dt.date(2026, 12, 2)) and not first_day.late(dt.date(2026, 12, 2))


# --- which steps, in which order -----------------------------------------------------------


def test_answers_filter_steps(fixture) -> None:
    step = fixture.events["verhuizen"].steps[1]  # only if huurtoeslag: true
    assert applies(step, "verhuizen", situation(["verhuizen"], {"verhuizen.huurtoeslag": "ja"})) == (True, ())
    assert applies(step, "verhuizen", situation(["verhuizen"], {"verhuizen.huurtoeslag": "nee"})) == (
        False,
        (),
    )
    assert applies(step, "verhuizen", situation(["verhuizen"])) == (True, ("huurtoeslag",))
    # An answer to the same question of another guide does not count here.
    assert applies(step, "verhuizen", situation(["verhuizen"], {"geldzorgen.huurtoeslag": "nee"})) == (
        True,
        ("huurtoeslag",),
    )


def test_order_is_the_guides_order_and_numbers_agree(fixture) -> None:
    verhuizen = fixture.events["verhuizen"]
    planned = personal_list([verhuizen], situation(["verhuizen"], {"verhuizen.huurtoeslag": "ja"}))
    assert ids(planned) == ["verhuizen/inschrijven", "verhuizen/huurtoeslag", "verhuizen/controleren"]
    assert [p.number for p in planned] == [1, 2, 3]


def test_two_events_each_with_their_own_date_and_shared_steps_once(fixture) -> None:
    verhuizen, geldzorgen = fixture.events["verhuizen"], fixture.events["geldzorgen"]
    sit = situation(
        ["verhuizen", "geldzorgen"],
        {"verhuizen.huurtoeslag": "ja", "geldzorgen.schulden": "ja"},
        {"verhuizen.event": dt.date(2026, 12, 1), "geldzorgen.event": dt.date(2026, 11, 1)},
    )
    planned = personal_list([verhuizen, geldzorgen], sit)
    # By phase (now, soon, later), then the events in the order chosen, then each guide's order.
    assert ids(planned) == [
        "verhuizen/inschrijven",
        "verhuizen/huurtoeslag",  # shared with geldzorgen/toeslagen: shown once
        "geldzorgen/schuldhulp",
        "verhuizen/controleren",
        "geldzorgen/machtiging",
    ]
    due = {p.key: p.due for p in planned}
    assert due["verhuizen/inschrijven"] == dt.date(2026, 12, 6)  # 5 days after the move
    assert due["geldzorgen/schuldhulp"] == dt.date(2026, 11, 15)  # 14 days after the income fell
    # The shared step takes the earliest of its dates: 28 days after 1 November, not after the move.
    assert due["verhuizen/huurtoeslag"] == dt.date(2026, 11, 29)


def test_acting_for_someone_puts_authorisation_first(fixture) -> None:
    geldzorgen = fixture.events["geldzorgen"]
    answers = {"geldzorgen.huurtoeslag": "ja", "geldzorgen.schulden": "nee"}
    helping = situation(["geldzorgen"], answers, acting_for="ouder")
    assert ids(personal_list([geldzorgen], helping)) == ["geldzorgen/machtiging", "geldzorgen/toeslagen"]
    alone = situation(["geldzorgen"], answers)
    assert ids(personal_list([geldzorgen], alone)) == ["geldzorgen/toeslagen", "geldzorgen/machtiging"]


def test_situation_from_url_parameters() -> None:
    sit = parse_situation(
        {
            "verhuizen.huurtoeslag": "ja",
            "verhuizen.schulden": "weet-niet",
            "verhuizen.x": "misschien",
            "verhuizen.datum": "2026-11-02",
            "geldzorgen.schulden": "nee",
            "geldzorgen.datum": "2026-02-31",
            "andere.schulden": "ja",
            "ook": ["geldzorgen", "verhuizen"],
            "voor": "ouder",
        },
        "verhuizen",
    )
    assert sit == Situation(
        ("verhuizen", "geldzorgen"),
        {
            ("verhuizen", "huurtoeslag"): Answer.yes,
            ("verhuizen", "schulden"): Answer.unknown,
            ("geldzorgen", "schulden"): Answer.no,
        },
        {("verhuizen", "event"): dt.date(2026, 11, 2)},
        "ouder",
    )
    assert parse_situation({"voor": "buurman"}, "verhuizen").acting_for == ""
    assert parse_situation({"ook": ["a", "b", "c"]}, "verhuizen").events == ("verhuizen", "a", "b")


def test_dutch_dates() -> None:
    assert dutch_date(dt.date(2026, 12, 6)) == "zondag 6 december 2026"


def test_every_pair_of_guides_is_calm_in_time_and_honest_when_late(example) -> None:
    today = dt.date(2026, 12, 2)
    events = list(example.events.values())
    for first in events:
        for second in events:
            if first is second:
                continue
            pair = [first.id, second.id]
            moments = {
                f"{e.id}.{m}": None for e in (first, second) for m in ["event", *(x.id for x in e.moments)]
            }
            future = situation(pair, dates={k: dt.date(2027, 12, 6) for k in moments})
            planned = personal_list([first, second], future, today)
            assert not [p.key for p in planned if p.late(today)], pair
            shared = [p.step.shared for p in planned if p.step.shared]
            assert len(shared) == len(set(shared)), pair
            past = situation(pair, dates={k: dt.date(2025, 1, 6) for k in moments})
            for item in personal_list([first, second], past, today):
                expected = item.due is not None and item.due < today and item.kind is not DeadlineKind.none
                assert item.late(today) == (expected and not item.step.automatic), (pair, item.key)
