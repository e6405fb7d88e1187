"""Your municipality everywhere: chosen once, its own number on every "gemeente" step, nowhere else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from wegwijzer.checks import load_checked, load_content
from wegwijzer.publish.browser import serve
from wegwijzer.render.finder_index import finder_index

ROOT = Path(__file__).parent.parent
CONTENT = load_content(ROOT / "lifeevents")


def type_place(page, text: str, wait_for: str = "[data-chosen]:not([hidden])") -> None:
    """Answer "Waar woont u?" with ``text``, then wait for the choice (or, when asked, the options)."""
    page.get_by_label("Waar woont u?").fill(text)
    page.get_by_role("button", name="Kies mijn gemeente").click()
    page.wait_for_selector(wait_for)


def test_every_municipality_has_its_facts() -> None:
    municipalities = CONTENT.municipalities.values()
    assert len(municipalities) == 342
    assert all(m.phone for m in municipalities), "every municipality has its general number"
    assert all(m.website for m in municipalities)
    assert sum(bool(m.fourteen) for m in municipalities) >= 100
    assert len({m.cbs_code for m in municipalities}) == 342
    named = {alias for m in municipalities for alias in m.aliases}
    assert {"'s-Gravenhage", "'s-Hertogenbosch", "Ljouwert"} <= named
    assert {"Den Haag", "Den Bosch"} <= {m.name for m in municipalities}


def test_every_four_digit_postcode_with_addresses_belongs_to_one_municipality() -> None:
    owner: dict[int, str] = {}
    for m in CONTENT.municipalities.values():
        for span in m.postcodes:
            low, high = (int(part) for part in span.split("-"))
            for number in range(low, high + 1):
                assert number not in owner, f"{number} in {owner.get(number)} and {m.id}"
                owner[number] = m.id
    assert len(owner) >= 4072  # every PC4 with addresses (CBS, 2024), and the numbers between
    assert owner[7511] == "enschede" and owner[3011] == "rotterdam" and owner[9711] == "groningen"


def test_a_postcode_in_two_municipalities_is_shared_by_the_one_with_fewer_addresses() -> None:
    holder = {
        number: m.id
        for m in CONTENT.municipalities.values()
        for span in m.postcodes
        for number in range(int(span[:4]), int(span[5:]) + 1)
    }
    shared = {(int(code), m.id) for m in CONTENT.municipalities.values() for code in m.shared_postcodes}
    assert len(shared) == 20  # CBS, 2024: 20 PC4s have addresses in two municipalities
    assert all(holder[number] != sharer for number, sharer in shared)
    assert (1261, "laren") in shared and holder[1261] == "blaricum"
    assert (1262, "laren") not in shared and holder[1262] == "blaricum"


def test_no_page_but_a_municipalitys_own_names_its_number(example_site: Path) -> None:
    numbers = {m.id: m.phone for m in CONTENT.municipalities.values() if m.phone}
    pattern = re.compile("|".join(re.escape(n) for n in sorted(set(numbers.values()), key=len, reverse=True)))
    for page in example_site.rglob("*.html"):
        relative = page.relative_to(example_site).as_posix()
        relative = relative.split("/", 1)[1] if relative.split("/", 1)[0] in ("en", "ar") else relative
        found = set(pattern.findall(page.read_text("utf-8")))
        if relative.startswith("loket/") and relative != "loket/index.html":
            own = relative.split("/")[1]
            assert found <= {numbers.get(own)}, f"{relative} names {found}"
        else:
            assert not found, f"{relative} names a municipality's number: {found}"


def test_every_municipality_page_gives_its_number(example_site: Path) -> None:
    for m in CONTENT.municipalities.values():
        html = (example_site / "loket" / m.id / "index.html").read_text("utf-8")
        assert m.phone in html and 'href="tel:' in html, m.id
        if not any(p.municipality == m.id for p in CONTENT.helppoints.values()):
            assert "Hier helpt een medewerker" not in html, m.id


def test_choose_once_and_see_your_municipalitys_number(example_site: Path, browser) -> None:
    with serve(example_site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base)
        page = context.new_page()
        page.goto("gids/minder-inkomen/")
        general = page.locator("[data-municipal]").first.inner_text()
        assert "website van uw gemeente" in general
        type_place(page, "den haag")
        assert "gemeente=s-gravenhage" in page.url
        lines = page.locator("[data-municipal]").all_inner_texts()
        assert lines and all("Bel de gemeente Den Haag: 14 070." in line for line in lines)
        assert page.locator('[data-municipal] a[href="tel:14070"]').count() == len(lines)
        # The personal list and the checklist show it too, and another visit remembers it.
        page.goto("gids/minder-inkomen/?minder-inkomen.schulden=ja")
        page.wait_for_selector("#mijn-lijst:not([hidden])")
        page.wait_for_selector(".ww-mylist__who [data-municipal] a")
        assert (
            "14 070"
            in page.locator('.ww-mylist__item[data-step="minder-inkomen/kwijtschelding"]').inner_text()
        )
        page.goto("checklist/minder-inkomen/?minder-inkomen.schulden=ja")
        page.wait_for_selector(".ww-checklist[data-personal]")
        page.wait_for_selector("li.ww-check [data-municipal] a")
        # A postcode works too; "Andere gemeente" forgets the choice.
        page.get_by_role("button", name="Andere gemeente").click()
        assert page.evaluate("localStorage.getItem('wegwijzer-gemeente')") is None
        type_place(page, "7607")
        assert "Almelo" in page.locator("[data-chosen]").inner_text()
        assert page.evaluate("localStorage.getItem('wegwijzer-gemeente')") == "almelo"
        assert context.cookies() == []
        context.close()


def test_a_name_that_fits_several_asks_which_one(example_site: Path, browser) -> None:
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740}, base_url=base)
        page.goto("gids/verhuizen/")
        type_place(page, "berg", "[data-options] button")
        assert "Welke gemeente bedoelt u?" in page.locator(".ww-place-choice").inner_text()
        page.locator("[data-options] button").first.click()
        page.wait_for_selector("[data-chosen]:not([hidden])")
        page.close()


def test_a_postcode_in_two_municipalities_asks_where_you_live(example_site: Path, browser) -> None:
    from wegwijzer.render.finder import find

    expected = [m.name for m in find(CONTENT.municipalities.values(), "1261")]
    assert expected == ["Blaricum", "Laren"]
    with serve(example_site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base)
        page = context.new_page()
        page.goto("gids/minder-inkomen/")
        type_place(page, "1261", "[data-options] button")
        message = page.locator(".ww-place-choice [data-message]").inner_text()
        assert message == "Postcode 1261 hoort bij 2 gemeenten. In welke gemeente woont u?"
        assert page.locator("[data-options] button").all_inner_texts() == expected
        page.locator("[data-options]").get_by_role("button", name="Laren").click()
        page.wait_for_selector("[data-chosen]:not([hidden])")
        assert "gemeente=laren" in page.url
        lines = page.locator("[data-municipal]").all_inner_texts()
        assert lines and all("Bel de gemeente Laren: 14 035." in line for line in lines)
        # The postcode next to it has one municipality: chosen at once.
        page.get_by_role("button", name="Andere gemeente").click()
        type_place(page, "1262")
        assert "Blaricum" in page.locator("[data-chosen]").inner_text()
        context.close()


def test_every_municipality_names_the_nearest_known_point_elsewhere(example_site: Path, browser) -> None:
    from wegwijzer.model.geo import distance_km
    from wegwijzer.render.distances import NEAREST_KM
    from wegwijzer.render.finder import places

    all_places = places(CONTENT)
    for place in all_places:
        centre = place.municipality.centre
        elsewhere = [p for p in CONTENT.helppoints.values() if p.municipality != place.municipality.id]
        closest = min(distance_km(centre, p.position) for p in elsewhere)
        if place.nearby is None:
            assert closest > NEAREST_KM, place.municipality.id
            continue
        km = distance_km(centre, place.nearby.point.position)
        assert km == place.nearby.km == closest <= NEAREST_KM, place.municipality.id
        assert place.nearby.municipality.id == place.nearby.point.municipality != place.municipality.id
    assert distance_km([52.0, 5.0], [52.0, 5.0]) == 0
    assert 50 < distance_km([52.3676, 4.9041], [51.9244, 4.4777]) < 65  # Amsterdam to Rotterdam, about 57 km
    # From the centre of Albrandswaard, Delft's library is 17.8 km away: "18 km".
    html = (example_site / "loket" / "albrandswaard" / "index.html").read_text("utf-8")
    assert "Het loket dat wij het dichtst bij kennen: Bibliotheek DOK Delft in Delft. Afstand: 18 km." in html
    assert "vanaf het midden van de gemeente Albrandswaard" in html
    # A municipality with its own points names the nearest one elsewhere too (Haarlem, 18.0 km).
    html = (example_site / "loket" / "amsterdam" / "index.html").read_text("utf-8")
    assert (
        "In een andere gemeente is dit loket het dichtst bij: Bibliotheek Haarlem Centrum in Haarlem. "
        "Afstand: 18 km." in html
    )
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740}, base_url=base)
        page.goto("loket/")
        page.get_by_label("Uw gemeente of postcode").fill("Albrandswaard")
        page.get_by_role("button", name="Zoek hulp").click()
        line = page.locator("[data-result] .ww-finder__nearby")
        assert "Bibliotheek DOK Delft in Delft. Afstand: 18 km." in line.inner_text()
        line.get_by_role("link").click()
        page.wait_for_url("**/loket/delft/")
        page.close()


def test_a_step_about_the_new_municipality_keeps_the_general_text(example_site: Path, browser) -> None:
    """Someone who moves may choose the municipality they leave: its number must not stand at
    'Geef uw nieuwe adres door aan uw nieuwe gemeente', but must at the old home's steps."""
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740}, base_url=base)
        page.goto("gids/verhuizen/?gemeente=zwolle&verhuizen.datum=2026-12-20&verhuizen.huurhuis-oud=ja")
        page.wait_for_selector("[data-chosen]:not([hidden])")
        new_home = page.locator("#mijn-lijst .ww-mylist__item[data-step='verhuizen/inschrijven']")
        new_home.wait_for()
        assert "14 038" not in new_home.inner_text()
        assert "website van uw gemeente" in new_home.inner_text()
        assert "14 038" not in page.locator("#stap-inschrijven").inner_text()
        assert "Zwolle" in page.locator("[data-chosen]").inner_text()
        # A baby is registered where it was born, which may be another municipality (a hospital elsewhere).
        page.goto("gids/baby-familie/?gemeente=zwolle&baby-familie.baby=ja&baby-familie.datum=2026-12-02")
        birth = page.locator("#mijn-lijst .ww-mylist__item[data-step='baby-familie/geboorteaangifte']")
        birth.wait_for()
        assert "14 038" not in birth.inner_text() and "website van uw gemeente" in birth.inner_text()
        page.close()


def test_every_step_about_another_municipality_keeps_the_general_text() -> None:
    from wegwijzer.render.contact import municipal

    other = {
        (event.id, step.id): step
        for event in CONTENT.events.values()
        for step in event.steps
        if step.organisation == "gemeente" and ("nieuwe adres" in step.title or "geboorte" in step.title)
    }
    assert len(other) == 7
    gemeente = CONTENT.organisations["gemeente"]
    assert [key for key, step in other.items() if municipal(step, gemeente)] == []


# --- regional offices (registers/regional.yaml): the zorgkantoor for the chosen place ---------------------


def test_every_cz_region_municipality_gets_cz_and_no_other_gets_a_zorgkantoor() -> None:
    index = finder_index(CONTENT)
    offices = index["r"]
    assert [row[:4] for row in offices] == [
        [
            "zorgkantoor",
            "CZ zorgkantoor",
            "088 555 71 10",
            "https://www.cz.nl/extra/wegwijs-in-de-wet-langdurige-zorg",
        ]
    ]
    served = {row[0]: row[8] for row in index["m"]}
    by_name = {m.name: m for m in CONTENT.municipalities.values()}
    # CZ's own page names Haaglanden, Zuid-Hollandse eilanden, West-Brabant, Zuidoost-Brabant, Zeeland
    # and Zuid-Limburg: Den Haag, Breda, Eindhoven, Middelburg and Maastricht are in them.
    for name in (
        "Den Haag",
        "Zoetermeer",
        "Breda",
        "Eindhoven",
        "Middelburg",
        "Maastricht",
        "Hoeksche Waard",
    ):
        assert served[name] == [0], name
    # Amsterdam, Rotterdam, Utrecht and Zwolle have another zorgkantoor, not yet on a stored page of its own.
    for name in ("Amsterdam", "Rotterdam", "Utrecht", "Zwolle", "Tilburg"):
        assert served[name] == 0, name
    assert sum(1 for row in index["m"] if row[8]) == 78
    assert by_name["Den Haag"].id in CONTENT.regional["cz-zorgkantoor"].municipalities


def test_a_regional_office_must_belong_to_a_regional_organisation_and_known_places(tmp_path: Path) -> None:
    root = tmp_path / "lifeevents"
    shutil.copytree(ROOT / "lifeevents", root)
    with (root / "registers" / "regional.yaml").open("a", encoding="utf-8") as extra:
        extra.write(
            "- id: ander-zorgkantoor\n  organisation: zorgkantoor\n  name: Ander zorgkantoor\n"
            "  source: https://example.org/zk\n  checked: 2026-12-01\n  owner: Test\n"
            "  municipalities: [eindhoven, eindhovn]\n"
        )
    _, problems = load_checked(root)
    messages = [p.message for p in problems if p.is_error]
    assert "'eindhoven' already belongs to 'cz-zorgkantoor', another zorgkantoor" in messages
    assert any(m.startswith("unknown municipality 'eindhovn'") for m in messages)


def test_choose_a_place_and_see_its_zorgkantoor_where_known(example_site: Path, browser) -> None:
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740}, base_url=base)
        page.goto("gids/verpleeghuis/")
        line = page.locator('#stap-zorgkantoor [data-regional="zorgkantoor"]')
        general = line.inner_text()
        assert "welk zorgkantoor bij u hoort" in general
        type_place(page, "Eindhoven")
        assert line.inner_text() == (
            "Voor Eindhoven is dat CZ zorgkantoor. Bel CZ zorgkantoor: 088 555 71 10 "
            "(maandag tot en met vrijdag, 8.30 tot 17.30 uur). De website van CZ zorgkantoor."
        )
        assert line.locator("a").first.get_attribute("href") == "tel:+31885557110"
        # The municipality's own steps show the municipality, not the zorgkantoor.
        assert all(
            "Bel de gemeente Eindhoven" in t for t in page.locator("[data-municipal]").all_inner_texts()
        )
        # Where no zorgkantoor is known, the general text stays: never a guess.
        page.get_by_role("button", name="Andere gemeente").click()
        type_place(page, "Zwolle")
        assert line.inner_text() == general
        # The personal list and the checklist do the same.
        for address, item in [
            ("gids/verpleeghuis/?gemeente=eindhoven&verpleeghuis.datum=2026-12-20", ".ww-mylist__item"),
            ("checklist/verpleeghuis/?gemeente=maastricht", "li.ww-check"),
        ]:
            page.goto(address)
            step = f'{item}[data-step="verpleeghuis/zorgkantoor"]'
            page.wait_for_selector(f"{step} [data-regional] a")
            assert "CZ zorgkantoor: 088 555 71 10" in page.locator(step).inner_text()
        page.close()
