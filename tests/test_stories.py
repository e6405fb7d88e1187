"""Citizen stories from public sources (tests/stories/): what each household must be told, in Python and Chromium.

Each story names its source, the answers and dates the household would give, the steps it
must get and must not get, and the order some of them must come in. ``known_gaps`` records
what the guides do not yet do for that household; it is listed for editors, not asserted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml

from wegwijzer.checks import load_content
from wegwijzer.publish.browser import serve
from wegwijzer.render.personal_list import Answer, Situation, personal_list

ROOT = Path(__file__).parent.parent
STORIES = sorted((Path(__file__).parent / "stories").glob("*.yaml"))
CONTENT = load_content(ROOT / "lifeevents")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def situation(story: dict) -> Situation:
    answers = {tuple(key.split(".", 1)): Answer(value) for key, value in story["answers"].items()}
    dates = {}
    for key, value in story["dates"].items():
        event, name = key.split(".", 1)
        dates[(event, "event" if name == "datum" else name)] = dt.date.fromisoformat(str(value))
    return Situation(tuple(story["events"]), answers, dates, story.get("acting_for", ""))


def planned(story: dict, today: dt.date):
    return personal_list([CONTENT.events[e] for e in story["events"]], situation(story), today)


def query(story: dict) -> str:
    pairs = [("ook", e) for e in story["events"][1:]]
    pairs += list(story["answers"].items()) + [(k, str(v)) for k, v in story["dates"].items()]
    if story.get("acting_for"):
        pairs.append(("voor", story["acting_for"]))
    return urlencode(pairs)


def test_there_are_at_least_twelve_stories_with_their_sources() -> None:
    assert len(STORIES) >= 12
    events = set()
    for path in STORIES:
        story = load(path)
        assert story["id"] == path.stem
        assert story["source"].startswith("https://"), path.name
        assert len(story["story"].split()) >= 20, path.name
        events.update(story["events"])
    assert events == set(CONTENT.events), "every guide has a story"
    assert sum(len(load(p)["events"]) > 1 for p in STORIES) >= 4
    assert sum(bool(load(p).get("acting_for")) for p in STORIES) >= 2


@pytest.mark.parametrize("path", STORIES, ids=[p.stem for p in STORIES])
def test_the_household_gets_what_its_story_needs(path: Path) -> None:
    story = load(path)
    items = planned(story, dt.date.fromisoformat(str(story["today"])))
    keys = [p.key for p in items]
    shared = {p.step.shared: p.key for p in items if p.step.shared}
    steps = {f"{e.id}/{s.id}": s for e in CONTENT.events.values() for s in e.steps}

    def shown(key: str) -> str | None:
        """The key as shown: itself, or the one step that stands for all steps sharing it."""
        if key in keys:
            return key
        return shared.get(steps[key].shared) if steps[key].shared else None

    for key in story["must_include"]:
        assert shown(key), f"{story['id']}: '{key}' is missing from {keys}"
    for key in story["must_exclude"]:
        assert key not in keys, f"{story['id']}: '{key}' must not be shown"
    for first, then in story["order"]:
        assert keys.index(shown(first)) < keys.index(shown(then)), f"{story['id']}: {first} before {then}"


@pytest.mark.parametrize("path", STORIES, ids=[p.stem for p in STORIES])
def test_the_page_shows_the_same_list(path: Path, example_site: Path, browser) -> None:
    story = load(path)
    today = dt.date.today()  # the page uses the device's date: compare on the same day
    expected = [p.key for p in planned(story, today)]
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(f"{base}gids/{story['events'][0]}/?{query(story)}")
        page.wait_for_selector("#mijn-lijst:not([hidden])")
        shown = page.locator(".ww-mylist__item").evaluate_all("els => els.map(e => e.dataset.step)")
        page.close()
    assert shown == expected
