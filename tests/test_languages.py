"""Other languages: overlays on the Dutch data, pages below en/ and ar/, Dutch where a text is missing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from wegwijzer.checks import load_content, run_checks
from wegwijzer.load.translations import fingerprint, load_translation
from wegwijzer.publish.build import run_build

ROOT = Path(__file__).parent.parent
CONTENT = load_content(ROOT / "lifeevents")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site in three languages, built without the browser gates."""
    site = tmp_path_factory.mktemp("languages") / "site"
    assert run_build(ROOT / "mkdocs.yml", site, pdf=False) == 0
    return site


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_guide_is_translated_and_keeps_the_dutch_facts(lang: str) -> None:
    translation, problems = load_translation(CONTENT, lang)
    assert [str(p) for p in problems if p.is_error] == []
    assert translation.share == 1.0 and not translation.content.dutch
    for event in CONTENT.events.values():
        other = translation.content.events[event.id]
        assert other.title != event.title
        assert [s.id for s in other.steps] == [s.id for s in event.steps]
        for dutch, step in zip(event.steps, other.steps, strict=True):
            # facts are kept once: same organisation, channels' numbers, conditions, deadline lengths
            assert step.organisation == dutch.organisation and step.only_if == dutch.only_if
            assert [c.phone for c in step.channels] == [c.phone for c in dutch.channels]
            assert (step.deadline and step.deadline.length) == (dutch.deadline and dutch.deadline.length)
            assert len(step.how) == len(dutch.how) and len(step.bring) == len(dutch.bring)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_each_translation_says_which_dutch_text_it_translates(lang: str) -> None:
    for event in CONTENT.events.values():
        text = (ROOT / "lifeevents" / "translations" / lang / f"{event.id}.yaml").read_text("utf-8")
        assert f"translates: {fingerprint(event)}" in text, f"{lang}/{event.id} is out of date"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "lifeevents"
    shutil.copytree(ROOT / "lifeevents", target)
    return target


def test_a_changed_dutch_text_warns_the_translations_owner(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    guide = root / "verhuizen.yaml"
    guide.write_text(guide.read_text("utf-8").replace("Zeg de huur van uw oude huis op", "Zeg de huur op"))
    result = run_checks(root, languages=["en"])
    stale = [p for p in result.problems if p.rule == "translation" and "verhuizen" in p.file]
    assert len(stale) == 1 and "changed after this translation" in stale[0].message
    assert "owner: Vertaalteam Engels" in stale[0].message and not stale[0].is_error


def test_a_missing_step_stays_dutch_and_is_named(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    overlay = root / "translations" / "en" / "verhuizen.yaml"
    text = overlay.read_text("utf-8")
    start = text.index("  huur-opzeggen:")
    end = re.search(r"\n  [a-z]", text[start + 1 :]).start() + start + 1
    overlay.write_text(text[:start] + text[end + 1 :])
    content = load_content(root)
    translation, problems = load_translation(content, "en")
    assert [p for p in problems if p.is_error] == []
    assert translation.content.dutch == {"verhuizen/huur-opzeggen"}
    step = next(s for s in translation.content.events["verhuizen"].steps if s.id == "huur-opzeggen")
    assert step.title == "Zeg de huur van uw oude huis op"
    assert 0.9 < translation.share < 1.0


def test_a_translation_that_does_not_fit_the_dutch_is_refused_with_its_line(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    overlay = root / "translations" / "en" / "verhuizen.yaml"
    text = overlay.read_text("utf-8").replace("  huur-opzeggen:", "  huur-opzegen:", 1)
    overlay.write_text(text)
    _, problems = load_translation(load_content(root), "en")
    errors = [str(p) for p in problems if p.is_error]
    assert len(errors) == 1
    assert "translations/en/verhuizen.yaml:" in errors[0] and "huur-opzegen" in errors[0]
    assert "did you mean 'huur-opzeggen'" in errors[0]


def test_pages_declare_their_language_and_direction(site: Path) -> None:
    for relative, lang, direction in [
        ("gids/overlijden/index.html", "nl", "ltr"),
        ("en/gids/overlijden/index.html", "en", "ltr"),
        ("ar/gids/overlijden/index.html", "ar", "rtl"),
        ("ar/loket/zwolle/index.html", "ar", "rtl"),
        ("ar/over/index.html", "ar", "rtl"),
        ("en/checklist/overlijden/index.html", "en", "ltr"),
    ]:
        html = (site / relative).read_text("utf-8")
        assert f'<html lang="{lang}"' in html, relative
        assert f'<body dir="{direction}"' in html, relative


def test_dutch_terms_are_marked_as_dutch_and_explained(site: Path) -> None:
    html = (site / "en/gids/overlijden/index.html").read_text("utf-8")
    assert re.search(
        r'<a class="ww-term" href="[^"]*#term-aow" lang="nl" dir="ltr">AOW</a> \(state pension', html
    )
    arabic = (site / "ar/gids/overlijden/index.html").read_text("utf-8")
    assert 'lang="nl" dir="ltr">AOW</' in arabic
    assert "{nl:" not in html + arabic


def test_organisation_names_take_the_articles_of_the_pages_language(site: Path) -> None:
    english = (site / "en/gids/overlijden/index.html").read_text("utf-8")
    assert "Arrange it online at the SVB" in english and "Arrange it online at DUO" in english
    assert not re.search(r"online at (de|het|uw) ", english)
    arabic = (site / "ar/gids/overlijden/index.html").read_text("utf-8")
    assert "لدى de " not in arabic and "لدى het " not in arabic
    dutch = (site / "gids/overlijden/index.html").read_text("utf-8")
    assert "Regel het online bij de SVB" in dutch


def test_the_switcher_and_hreflang_lead_to_the_same_page(site: Path) -> None:
    html = (site / "gids/verhuizen/index.html").read_text("utf-8")
    assert (
        '<a href="../../en/gids/verhuizen/" hreflang="en" lang="en" dir="ltr" data-keep-query>English</a>'
        in html
    )
    assert 'hreflang="ar" lang="ar" dir="rtl" data-keep-query>العربية</a>' in html
    for lang in ("nl", "en", "ar"):
        assert f'<link rel="alternate" hreflang="{lang}"' in html
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert all(f"/{p}gids/verhuizen/</loc>" in sitemap for p in ("", "en/", "ar/"))


def test_the_menu_shows_the_pages_of_the_readers_language(site: Path) -> None:
    html = (site / "en/gids/verhuizen/index.html").read_text("utf-8")
    menu = html[html.index('<details class="ww-menu">') : html.index("</details>")]
    assert "I am moving" in menu and "Ik verhuis" not in menu
    dutch = (site / "gids/verhuizen/index.html").read_text("utf-8")
    menu = dutch[dutch.index('<details class="ww-menu">') : dutch.index("</details>")]
    assert "Ik verhuis" in menu and "I am moving" not in menu and "/en/" not in menu


def test_step_data_and_pdfs_exist_per_language(site: Path) -> None:
    data = (site / "assets/wegwijzer/stappen/en/verhuizen.json").read_text("utf-8")
    assert "I am moving" in data and "{nl:" not in data and '"Monday"' in data
    assert (site / "assets/wegwijzer/stappen/ar/verhuizen.json").is_file()
    assert {p.name.split(".")[1][:2] for p in (site / "pagefind").glob("*.pf_meta")} == {"nl", "en", "ar"}


READS_LEFT_TO_RIGHT = """a => {
  const text = a.firstChild, range = document.createRange();
  range.setStart(text, 0); range.setEnd(text, 1);
  const first = range.getBoundingClientRect().x;
  range.setStart(text, text.length - 1); range.setEnd(text, text.length);
  return first < range.getBoundingClientRect().x;
}"""


def test_a_phone_number_in_an_arabic_sentence_keeps_its_order(example_site: Path, browser) -> None:
    from wegwijzer.publish.browser import serve

    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740}, base_url=base)
        # On the static page: "اتصل ببلدية Maastricht: 14 043", not "043 14".
        page.goto("ar/loket/maastricht/")
        number = page.locator('.ww-finder__municipality a[href^="tel:"]')
        assert number.inner_text() == "14 043" and number.evaluate(READS_LEFT_TO_RIGHT)
        # Written by the script into a sentence: the zorgkantoor for the chosen place.
        page.goto("ar/gids/verpleeghuis/?gemeente=maastricht")
        number = page.locator('#stap-zorgkantoor [data-regional] a[href^="tel:"]')
        number.wait_for()
        assert number.inner_text() == "088 555 71 10" and number.evaluate(READS_LEFT_TO_RIGHT)
        page.close()


def test_switching_language_keeps_the_guide_and_the_answers(example_site: Path, browser) -> None:
    from wegwijzer.publish.browser import serve

    query = "verhuizen.huurhuis-oud=ja&verhuizen.datum=2026-12-20"
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740}, base_url=base)
        page.goto(f"gids/verhuizen/?{query}")
        page.get_by_role("link", name="English").click()
        page.wait_for_url("**/en/gids/verhuizen/**")
        assert page.url.endswith(f"/en/gids/verhuizen/?{query}")
        assert page.locator("html").get_attribute("lang") == "en"
        page.wait_for_selector("#mijn-lijst:not([hidden])")
        mine = page.locator("#mijn-lijst")
        assert "Cancel the rent of your old home" in mine.inner_text()
        page.get_by_role("link", name="العربية").click()
        page.wait_for_url("**/ar/gids/verhuizen/**")
        assert page.url.endswith(f"/ar/gids/verhuizen/?{query}")
        assert page.locator("body").get_attribute("dir") == "rtl"
        page.close()


FIXTURE_OVERLAY = """translation:
  status: draft
  translates: pending
  owner: Test team
title: I am moving
summary: Tell the municipality your new address. Then change your {nl:huurtoeslag} (rent benefit).
reassurance: You do not have to do everything at once. Someone at a help desk near you helps for free.
in_short:
  - Tell the {nl:gemeente} (town hall) your new address.
  - Do that within 5 days after the move.
  - Then change your {nl:huurtoeslag} (rent benefit).
questions:
  huurtoeslag:
    text: Do you get {nl:huurtoeslag} (rent benefit)?
steps:
  inschrijven:
    title: Tell the municipality your new address
    why: The municipality puts your new address in the {nl:BRP} (population register).
    how:
      - Call the municipality or visit.
    deadline: within 5 days after the move
  huurtoeslag:
    title: Change your {nl:huurtoeslag} (rent benefit)
    why: Your rent changes. Then your {nl:huurtoeslag} changes too.
    deadline: within 4 weeks after the move
"""


def test_a_language_mostly_untranslated_is_built_but_not_offered(site_src: Path) -> None:
    """One guide of two translated, and one of its steps missing: Dutch with a notice, no switcher."""
    config = site_src / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "      first_view_budget_kb: 150", "      first_view_budget_kb: 150\n      languages: [en]"
        )
    )
    folder = site_src / "lifeevents" / "translations" / "en"
    folder.mkdir(parents=True)
    (folder / "verhuizen.yaml").write_text(FIXTURE_OVERLAY, "utf-8")
    site = site_src / "site"
    assert run_build(config, site, pdf=False) == 0
    english = (site / "en/gids/verhuizen/index.html").read_text("utf-8")
    assert "I am moving" in english
    # 'huurtoeslag' lacks its 'bring': the whole step is Dutch, said once in English above it
    step = english[english.index('id="stap-huurtoeslag"') - 40 : english.index('id="stap-controleren"')]
    assert 'lang="nl" dir="ltr"' in step and "This part is not translated yet" in step
    assert "Pas uw huurtoeslag aan" in step
    untranslated = (site / "en/gids/geldzorgen/index.html").read_text("utf-8")
    assert '<div class="ww-guide" lang="nl" dir="ltr">' in untranslated
    assert "This part is not translated yet" in untranslated
    assert "ww-languages" not in (site / "gids/verhuizen/index.html").read_text("utf-8")  # 2 of 5 texts


def test_a_translation_may_not_add_a_number(tmp_path: Path) -> None:
    """A number the Dutch does not have is a fact someone invented; a missing one may be a word."""
    root = _copy(tmp_path)
    overlay = root / "translations" / "en" / "verhuizen.yaml"
    text = overlay.read_text("utf-8")
    assert "at least 1 month before the move" in text
    overlay.write_text(
        text.replace("at least 1 month before the move", "at least 6 weeks before the move", 1)
    )
    _, problems = load_translation(load_content(root), "en")
    errors = [str(p) for p in problems if p.is_error]
    assert len(errors) == 1 and "a number that the Dutch has not: 6" in errors[0], errors
