"""Search: which steps a citizen's words find, in which order, on the real search page in Chromium;
and what the page offers without JavaScript. No other page carries search code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, script_errors
from wegwijzer.checks import load_content
from wegwijzer.publish.browser import serve
from wegwijzer.render.search import documents, records

CONTENT = load_content(ROOT / "lifeevents")

QUERIES = [
    # (what someone types, an address that must be among the first three results)
    ("begrafenis", "gids/overlijden/#stap-uitvaart"),
    ("dood", "gids/overlijden/"),
    ("mijn man is dood", "gids/overlijden/"),
    ("toeslag", "#stap-toeslagen"),
    ("geen geld voor de huur", "#stap-huurtoeslag"),
    ("verhuisd", "gids/verhuizen/"),
    ("uitkering", "gids/ziek/#stap-wia"),
    ("pensioen", "#stap-aow"),
    ("bezwaar", "gids/werk-kwijt/#stap-bezwaar"),
    ("brief van de Belastingdienst", "#stap-belasting"),
    ("zorgtoeslag", "gids/18-worden/#stap-zorgtoeslag"),
    ("kinderbijslag", "#stap-kinderbijslag"),
    ("werkloos", "gids/werk-kwijt/#stap-werkzoekende"),
    ("ik ben mijn baan kwijt", "gids/werk-kwijt/"),
    ("schulden", "#stap-schuldhulp"),
    ("scheiding", "gids/scheiden/"),
    ("alimentatie", "gids/scheiden/#stap-alimentatie"),
    ("baby", "gids/baby-familie/"),
    ("geboorte aangeven", "gids/baby-familie/#stap-geboorteaangifte"),
    ("verpleeghuis", "gids/verpleeghuis/"),
    ("ziek", "gids/ziek/#stap-ziekmelden"),
    ("DigiD", "gids/18-worden/#stap-digid"),
    ("studiefinanciering", "gids/18-worden/#stap-studiefinanciering"),
    ("erfenis", "gids/overlijden/#stap-erfenis"),
]


def test_every_guide_step_and_glossary_word_is_a_record_and_no_municipality_page_is() -> None:
    found = {record.url for record in records(CONTENT, "Woordenlijst")}
    for event in CONTENT.events.values():
        assert f"/gids/{event.id}/" in found
        for step in event.steps:
            assert f"/gids/{event.id}/#stap-{step.id}" in found
    assert {u for u in found if u.startswith("/woordenlijst/")} == {
        f"/woordenlijst/#term-{term.id}" for term in CONTENT.glossary.values()
    }
    assert not any(url.startswith("/loket/") for url in found)


def test_the_words_people_use_are_added_where_the_guides_use_others() -> None:
    by_url = dict(documents(CONTENT))
    assert "begrafenis" in by_url["/gids/overlijden/#stap-uitvaart"]
    assert "begrafenis" not in by_url["/gids/verhuizen/#stap-inschrijven"]
    huurtoeslag = by_url["/gids/verhuizen/#stap-huurtoeslag"]
    assert re.search(
        r'<h1 data-pagefind-weight="10.0">Vraag huurtoeslag aan[^<]*</h1><p data-pagefind-weight="10.0">[^<]*\btoeslag\b',
        huurtoeslag,
    )
    assert '<span data-pagefind-meta="guide">Ik verhuis</span>' in huurtoeslag
    assert '<span data-pagefind-meta="url">gids/verhuizen/#stap-huurtoeslag</span>' in huurtoeslag


def test_the_search_page_without_javascript_lists_everything(example_site: Path) -> None:
    page = (example_site / "zoeken" / "index.html").read_text("utf-8")
    links = set(re.findall(r'<li><a href="([^"]+)">', page.split('id="alles"')[1]))
    for event in CONTENT.events.values():
        assert f"../gids/{event.id}/" in links
        for step in event.steps:
            assert f"../gids/{event.id}/#stap-{step.id}" in links
    for term in CONTENT.glossary.values():
        assert f"../woordenlijst/#term-{term.id}" in links
    assert "<form" in page and "hidden" in page.split("<form")[1].split(">")[0]  # shown by the script


def test_no_other_page_carries_search_code(example_site: Path) -> None:
    assert (example_site / "pagefind" / "pagefind.js").is_file()
    assert list((example_site / "pagefind").glob("wasm.nl.pagefind"))
    for html in example_site.rglob("*.html"):
        text = html.read_text("utf-8")
        assert 'class="ww-search-link"' in text, html  # a link in the header of every page
        if html.parent.name != "zoeken":
            assert "zoeken.js" not in text and "pagefind" not in text and "search.css" not in text, html


@pytest.fixture(scope="module")
def search_page(example_site: Path, browser):
    with serve(example_site) as base:
        page = browser.new_page()
        errors = script_errors(page)
        yield page, base, errors
        page.close()


def results(page, base: str, query: str) -> list[str]:
    page.goto(base + "zoeken/")
    page.get_by_label("Waar zoekt u hulp bij?").fill(query)
    page.get_by_role("button", name="Zoek").click()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'resultaten'")
    return [a.get_attribute("href").removeprefix(base) for a in page.locator(".ww-result__title a").all()]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_a_query_finds_the_step_in_the_first_three(search_page, query: str, expected: str) -> None:
    page, base, errors = search_page
    found = results(page, base, query)
    assert any(expected in url for url in found[:3]), found[:3]
    assert errors == []


def test_results_name_their_guide_and_mark_the_words(search_page) -> None:
    page, base, _ = search_page
    found = results(page, base, "alimentatie")
    assert found[0] == "gids/scheiden/#stap-alimentatie"
    first = page.locator(".ww-result").first
    assert first.locator(".ww-result__title").inner_text() == "Spreek af hoeveel alimentatie er komt"
    assert first.locator(".ww-result__guide").inner_text() == "We gaan scheiden"
    assert first.locator("mark").count() >= 1
    heading = page.locator("#resultaten")
    assert re.fullmatch(r"\d+ resultaten bij 'alimentatie'", heading.inner_text())
    assert page.locator("[data-status]").get_attribute("aria-live") == "polite"
    assert page.evaluate("() => location.search") == "?q=alimentatie"  # the query stays in the address


def test_a_link_with_a_query_shows_its_results(search_page) -> None:
    page, base, _ = search_page
    page.goto(base + "zoeken/?q=begrafenis")
    page.wait_for_function("() => document.querySelectorAll('.ww-result').length > 0")
    assert (
        page.locator(".ww-result__title a")
        .first.get_attribute("href")
        .endswith("gids/overlijden/#stap-uitvaart")
    )


def test_nothing_found_says_what_to_do(search_page) -> None:
    page, base, _ = search_page
    assert results(page, base, "xqzw") == []
    assert (
        "Probeer een ander woord, of kijk in de lijst hieronder" in page.locator("#resultaten").inner_text()
    )
