"""The personal overview in real Chromium: the page applies the same rules as Python."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest

from wegwijzer.checks import load_content
from wegwijzer.publish.browser import serve
from wegwijzer.render.personal_list import dutch_date, parse_situation, personal_list

FIXTURE = Path(__file__).parent / "fixtures" / "site" / "lifeevents"
GUIDE = "gids/verhuizen/"


@pytest.fixture
def page(fixture_site: Path, browser):
    with serve(fixture_site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page
        assert errors == []
        context.close()


def shown_steps(page) -> list[str]:
    page.wait_for_selector("#mijn-lijst:not([hidden])")
    return page.locator(".ww-mylist__item").evaluate_all("els => els.map(e => e.dataset.step)")


def expected_steps(query: dict[str, str]) -> list[str]:
    content = load_content(FIXTURE)
    events = [content.events["verhuizen"]] + ([content.events[query["ook"]]] if "ook" in query else [])
    return [f"{p.event.id}/{p.step.id}" for p in personal_list(events, parse_situation(query))]


@pytest.mark.parametrize(
    "query",
    [
        {"huurtoeslag": "ja"},
        {"huurtoeslag": "nee"},
        {"huurtoeslag": "weet-niet", "datum": "2026-12-01"},
        {"huurtoeslag": "ja", "schulden": "ja", "ook": "geldzorgen"},
        {"huurtoeslag": "ja", "schulden": "nee", "ook": "geldzorgen", "voor-ander": "ja"},
    ],
)
def test_page_shows_the_steps_python_plans(page, query: dict[str, str]) -> None:
    page.goto(f"{GUIDE}?{urlencode(query)}")
    assert shown_steps(page) == expected_steps(query)


def test_merged_list_shows_a_shared_step_once(page) -> None:
    page.goto(f"{GUIDE}?huurtoeslag=ja&schulden=ja&ook=geldzorgen")
    steps = shown_steps(page)
    assert "geldzorgen/toeslagen" in steps and "verhuizen/huurtoeslag" not in steps


def test_real_dates_and_calm_overdue(page) -> None:
    page.goto(f"{GUIDE}?huurtoeslag=nee&datum=2099-12-01")
    first = page.locator(".ww-mylist__item").first
    assert "Doe dit vóór zondag 6 december 2099." in first.inner_text()
    page.goto(f"{GUIDE}?huurtoeslag=nee&datum=2020-01-01")
    page.wait_for_selector("#mijn-lijst:not([hidden])")
    text = page.locator(".ww-mylist__item").first.inner_text()
    assert f"Dit moest vóór {dutch_date(__import__('datetime').date(2020, 1, 6))}." in text
    assert "Doe het nu alsnog. Bel gerust: vaak kan het nog." in text


def test_unsure_answer_keeps_the_step_and_says_why(page) -> None:
    page.goto(f"{GUIDE}?huurtoeslag=weet-niet")
    item = page.locator('.ww-mylist__item[data-step="verhuizen/huurtoeslag"]')
    assert (
        "Misschien geldt dit voor u: Dit geldt alleen als het antwoord ja is op: Krijgt u huurtoeslag?"
        in (item.inner_text())
    )


def test_keyboard_only_answers_round_trip_through_the_url(page) -> None:
    page.goto(GUIDE)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "huurtoeslag":
            break
    else:
        pytest.fail("the first question cannot be reached with Tab")
    page.keyboard.press("Space")  # choose "ja"
    assert page.locator('input[name="huurtoeslag"][value="ja"]').is_checked()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    assert shown_steps(page) == expected_steps({"huurtoeslag": "ja"})
    assert "huurtoeslag=ja" in page.url
    assert page.evaluate("document.activeElement.id") == "mijn-lijst-titel"
    page.reload()
    assert page.locator('input[name="huurtoeslag"][value="ja"]').is_checked()
    assert shown_steps(page) == expected_steps({"huurtoeslag": "ja"})


def test_ticks_stay_on_this_device_and_clear_removes_everything(page) -> None:
    page.goto(f"{GUIDE}?huurtoeslag=ja")
    shown_steps(page)
    page.locator(".ww-mylist__item input[type=checkbox]").first.check()
    page.reload()
    shown_steps(page)
    assert page.locator(".ww-mylist__item input[type=checkbox]").first.is_checked()
    assert page.evaluate("localStorage.length") == 1
    assert page.context.cookies() == []
    assert "blijft op dit apparaat" in page.locator(".ww-mylist__privacy").inner_text()
    page.get_by_role("button", name="Alles wissen").click()
    assert page.evaluate("localStorage.length") == 0
    assert "?" not in page.url
    assert page.locator("#mijn-lijst").is_hidden()
    assert page.locator("li.ww-step:visible").count() == 3


def test_without_javascript_every_step_shows_with_its_condition(fixture_site: Path, browser) -> None:
    with serve(fixture_site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + GUIDE + "?huurtoeslag=nee")
        assert page.locator("li.ww-step").count() == 3
        assert page.locator("li.ww-step:visible").count() == 3
        assert page.locator("form.ww-personal").is_hidden()
        assert "Alleen als: Krijgt u huurtoeslag? ja" in page.locator("#stap-huurtoeslag").inner_text()
        context.close()


PERSONAS = {
    "annie": ("verpleeghuis", {"getrouwd": "ja", "aow": "ja", "huurhuis": "ja", "thuiszorg": "ja",
                               "datum": "2026-12-01", "voor-ander": "ja"}),
    "bram": ("overlijden", {"partner": "nee", "kinderen-thuis": "weet-niet", "studeert": "ja", "huurhuis": "ja",
                            "datum": "2026-11-02", "ook": "minder-inkomen", "schulden": "ja"}),
    "gerard": ("minder-inkomen", {"huurhuis": "ja", "kinderen": "ja", "schulden": "ja", "verhuisd": "ja"}),
    "alina": ("baby-familie", {"inwonen": "ja", "bijstand-familie": "ja", "huurhuis": "ja",
                               "verblijfsvergunning": "ja", "datum": "2027-03-01"}),
}  # fmt: skip


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_persona_lists_on_the_example_site(persona: str, example_site: Path, browser) -> None:
    event_id, query = PERSONAS[persona]
    content = load_content(Path(__file__).parent.parent / "lifeevents")
    events = [content.events[event_id]] + ([content.events[query["ook"]]] if "ook" in query else [])
    planned = personal_list(events, parse_situation(query))
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(f"{base}gids/{event_id}/?{urlencode(query)}")
        assert shown_steps(page) == [f"{p.event.id}/{p.step.id}" for p in planned]
        if "datum" in query:
            first_due = next(p for p in planned if p.due)
            item = page.locator(f'.ww-mylist__item[data-step="{first_due.event.id}/{first_due.step.id}"]')
            assert dutch_date(first_due.due) in item.inner_text()
        page.close()
