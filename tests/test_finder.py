"""The loket finder: index builder and matching (no browser), then the real site in Chromium."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from benchmarks.finder import synthetic_content
from pydantic import ValidationError

from conftest import ROOT
from wegwijzer.checks import load_content
from wegwijzer.model import HelpPoint, Municipality, OpeningHours, tel_href
from wegwijzer.publish.browser import serve
from wegwijzer.render.distances import distance_words
from wegwijzer.render.finder import (
    KIND_ORDER,
    MAX_OPTIONS,
    find,
    finder_pages,
    listing,
    national_organisations,
    places,
    structured_hours,
)
from wegwijzer.render.finder_index import (
    INDEX_BUDGET,
    KIND_SHIFT,
    TOWN,
    TOWN_IN_ADDRESS,
    TOWN_IN_NAME,
    derived_id,
    index_files,
    index_json,
)
from wegwijzer.render.renderer import Renderer
from wegwijzer.render.strings import strings
from wegwijzer.render.urls import FINDER_INDEX, finder_shard

AMSTERDAM_TZ = dt.timezone(dt.timedelta(hours=1))  # November: CET, no summer time
MONDAY_10 = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM_TZ)
MONDAY_18 = dt.datetime(2026, 11, 23, 18, 30, tzinfo=AMSTERDAM_TZ)
MONDAY_8 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=AMSTERDAM_TZ)
SUNDAY = dt.datetime(2026, 11, 22, 12, 0, tzinfo=AMSTERDAM_TZ)


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "lifeevents")


def names(found) -> list[str]:
    return [m.name for m in found]


# --- Without a browser ------------------------------------------------------------


def test_find_matches_names_and_postcodes(content) -> None:
    municipalities = content.municipalities.values()
    assert names(find(municipalities, "Ensch")) == ["Enschede"]
    assert names(find(municipalities, "  enschede ")) == ["Enschede"]
    assert names(find(municipalities, "7511")) == ["Enschede"]
    assert names(find(municipalities, "7514 ae")) == ["Enschede"]
    assert names(find(municipalities, "3521AZ")) == ["Utrecht"]
    # Den Bosch is shown by the name people use, and still found by its official name.
    assert names(find(municipalities, "hertog")) == ["Den Bosch"]
    assert names(find(municipalities, "'s-Hertogenbosch")) == ["Den Bosch"]
    assert names(find(municipalities, "bosch"))[0] == "Den Bosch"  # then towns: Boschoord, Bosch en Duin
    # Whole-name starts first, then word starts, then anywhere in the name.
    found = names(find(municipalities, "e"))
    starts = [n for n in found if n.lower().startswith("e")]
    assert found[: len(starts)] == starts and starts[:3] == ["Echt-Susteren", "Edam-Volendam", "Ede"]
    assert len(found) > len(starts)
    assert find(municipalities, "Atlantis") == []
    # Names people use, towns, and one typo.
    assert names(find(municipalities, "Den Haag")) == names(find(municipalities, "haag")) == ["Den Haag"]
    assert names(find(municipalities, "'s-Gravenhage")) == ["Den Haag"]
    assert names(find(municipalities, "gravenh")) == ["Den Haag"]
    assert names(find(municipalities, "den bosch")) == ["Den Bosch"]
    assert names(find(municipalities, "Sudwest Fryslan")) == ["Súdwest-Fryslân"]
    assert names(find(municipalities, "Sneek")) == ["Súdwest-Fryslân"]
    assert names(find(municipalities, "3011")) == ["Rotterdam"] == names(find(municipalities, "3072"))
    assert names(find(municipalities, "9711")) == ["Groningen"]
    assert names(find(municipalities, "Enchede")) == ["Enschede"]
    assert names(find(municipalities, "Amsterdm"))[0] == "Amsterdam"
    assert names(find(municipalities, "Ensc")) == ["Enschede"]  # a start is not a typo
    assert find(municipalities, "0999") == []  # no Dutch postcode starts below 1000
    assert names(find(municipalities, "9999")) == ["Het Hogeland"]  # every postcode works
    assert find(municipalities, "") == []
    assert find(municipalities, "75") == []


def test_a_postcode_in_two_municipalities_gives_both_most_addresses_first(content) -> None:
    municipalities = content.municipalities.values()
    # Blaricum has 4,795 addresses in 1261 and Laren 1 (CBS, 2024): Blaricum first.
    assert names(find(municipalities, "1261")) == ["Blaricum", "Laren"]
    assert names(find(municipalities, "1261 AB")) == ["Blaricum", "Laren"]
    assert names(find(municipalities, "1262")) == ["Blaricum"]
    assert names(find(municipalities, "1251")) == ["Laren"]
    # Westerveld shares five postcodes, each with another neighbour.
    assert names(find(municipalities, "7963")) == ["De Wolden", "Westerveld"]
    assert names(find(municipalities, "9423")) == ["Midden-Drenthe", "Westerveld"]
    # West Betuwe holds 4197 (Buren shares it) and shares 4062 (Tiel holds it).
    assert names(find(municipalities, "4197")) == ["West Betuwe", "Buren"]
    assert names(find(municipalities, "4062")) == ["Tiel", "West Betuwe"]


def test_shared_postcodes_change_only_those_postcodes(content) -> None:
    alone = [m.model_copy(update={"shared_postcodes": []}) for m in content.municipalities.values()]
    for query in ("Laren", "laren", "Blaricum", "Westerveld", "west", "Twenterand", "Ede", "1262", "7511"):
        assert names(find(content.municipalities.values(), query)) == names(find(alone, query)), query
    assert names(find(alone, "1261")) == ["Blaricum"]


def test_places_list_every_municipality_a_to_z(content) -> None:
    found = places(content)
    assert len(found) == len(content.municipalities) == 342
    letters = [p.letter for p in found]
    assert letters == sorted(letters)
    by_name = {p.municipality.name: p for p in found}
    assert by_name["Den Bosch"].letter == "D" and by_name["Amsterdam"].letter == "A"
    by_id = {p.municipality.id: p for p in found}
    assert [p.name for p in by_id["enschede"].points] == ["Stadskantoor Enschede"]
    assert by_id["nijmegen"].points == ()


def test_points_are_ordered_by_kind_then_name(content) -> None:
    extra = {
        "a": _point("a", "Wijkteam Centrum", "neighbourhood_team"),
        "b": _point("b", "Bibliotheek Oost", "library_ido"),
        "c": _point("c", "Bibliotheek Centrale", "library_ido"),
    }
    richer = dataclasses.replace(content, helppoints={**content.helppoints, **extra})
    enschede = next(p for p in places(richer) if p.municipality.id == "enschede")
    assert [p.name for p in enschede.points] == [
        "Stadskantoor Enschede",
        "Bibliotheek Centrale",
        "Bibliotheek Oost",
        "Wijkteam Centrum",
    ]
    assert [p.kind for p in enschede.points] == sorted(
        (p.kind for p in enschede.points), key=KIND_ORDER.index
    )


def shown(content, municipality_id: str, postcode: int | None = None) -> list[tuple[str, str]]:
    """What the finder lists for a typed postcode (None: the name): each point and its distance in words."""
    found = listing(content, content.municipalities[municipality_id], postcode)
    return [(point.name, distance_words(km, strings()["finder"])) for point, km in found.points]


def test_distances_in_words() -> None:
    f = strings()["finder"]
    words = {km: distance_words(km, f) for km in (0, 0.99, 1.0, 1.49, 1.5, 2.5, 14.6)}
    assert words == {
        0: "minder dan 1 km",
        0.99: "minder dan 1 km",
        1.0: "1 km",
        1.49: "1 km",
        1.5: "2 km",
        2.5: "3 km",  # halves up, as in the script (not Python's round half to even)
        14.6: "15 km",
    }


def test_a_typed_postcode_lists_the_nearest_help_point_first(content) -> None:
    # 7511 is the middle of Enschede; the Stadskantoor (7514 AE) is 0.8 km from the centre of 7511.
    assert shown(content, "enschede", 7511) == [("Stadskantoor Enschede", "minder dan 1 km")]
    # Utrecht: Bibliotheek Neude is in 3512, the Stadskantoor in 3521, 1.3 km apart.
    assert shown(content, "utrecht", 3512) == [
        ("Bibliotheek Neude", "minder dan 1 km"),
        ("Stadskantoor Utrecht", "1 km"),
    ]
    assert shown(content, "utrecht", 3521) == [
        ("Stadskantoor Utrecht", "minder dan 1 km"),
        ("Bibliotheek Neude", "1 km"),
    ]
    assert listing(content, content.municipalities["utrecht"], 3512).origin.postcode == 3512
    # A postcode whose centre is not known (issued after 2020): measured from the municipality's centre.
    almere = listing(content, content.municipalities["almere"], 1364)
    assert almere.origin.postcode is None
    assert list(almere.origin.position) == content.municipalities["almere"].centre


def test_equally_far_the_point_with_walk_in_hours_comes_first(content) -> None:
    # Both Amsterdam points are in 1011. By kind the library would come first, but only the
    # Stadsloket's walk-in hours are known.
    assert shown(content, "amsterdam", 1011) == [
        ("Stadsloket Centrum", "minder dan 1 km"),
        ("OBA Oosterdok", "minder dan 1 km"),
    ]
    # Typed by name, from Utrecht's centre: 1.5 and 2.0 km are both "2 km", so hours decide.
    assert shown(content, "utrecht") == [("Stadskantoor Utrecht", "2 km"), ("Bibliotheek Neude", "2 km")]
    # Nearer wins over hours (3512 above). Among equals without hours: kind, then name.
    assert shown(content, "s-gravenhage") == [
        ("Centrale Bibliotheek Den Haag", "2 km"),
        ("Stadhuis Den Haag, stadsdeelkantoor Centrum", "2 km"),
    ]
    # The municipality's own page lists them in the same order, with the same words.
    amsterdam = next(p for p in places(content) if p.municipality.id == "amsterdam")
    assert [p.name for p in amsterdam.points] == ["Stadsloket Centrum", "OBA Oosterdok"]


def test_a_municipality_without_points_names_the_nearest_point_elsewhere(content, example_site: Path) -> None:
    f = strings()["finder"]
    nijmegen = content.municipalities["nijmegen"]
    by_name = listing(content, nijmegen)
    assert by_name.points == [] and by_name.nearby is not None
    assert (by_name.nearby.point.name, by_name.nearby.municipality.name) == ("Bibliotheek Rozet", "Arnhem")
    assert distance_words(by_name.nearby.km, f) == "17 km"  # 17.2 km from the centre of Nijmegen
    from_6511 = listing(content, nijmegen, 6511)  # the north of Nijmegen, towards Arnhem
    assert (
        from_6511.nearby.point.name == "Bibliotheek Rozet"
        and distance_words(from_6511.nearby.km, f) == "15 km"
    )
    html = (example_site / "loket" / "nijmegen" / "index.html").read_text("utf-8")
    assert "Het loket dat wij het dichtst bij kennen: Bibliotheek Rozet in Arnhem. Afstand: 17 km." in html
    assert "De afstand is in een rechte lijn, vanaf het midden van de gemeente Nijmegen." in html
    # Nothing known within 30 km of Bergen (Noord-Holland): no name, and no distance.
    assert listing(content, content.municipalities["bergen-nh"]).nearby is None
    bergen = (example_site / "loket" / "bergen-nh" / "index.html").read_text("utf-8")
    assert "ww-finder__nearby" not in bergen and "Afstand" not in bergen


def _point(point_id: str, name: str, kind: str, **extra) -> HelpPoint:
    return HelpPoint(
        id=point_id,
        name=name,
        kind=kind,
        municipality="enschede",
        address="Hengelosestraat 51, Enschede",
        postcode="7514 AE",
        **extra,
    )


def test_national_organisations_are_those_with_a_phone_line_in_step_order(content) -> None:
    event = content.events["overlijden"]
    found = national_organisations(event, content.organisations)
    assert [o.id for o in found] == ["svb", "toeslagen", "duo", "belastingdienst"]
    assert all(o.phone for o in found)
    # The municipality, the notary and the funeral director have no national line.
    referenced = {step.organisation for step in event.steps}
    assert {"gemeente", "notaris", "uitvaartondernemer"} <= referenced


def finder_files(content) -> dict[str, dict]:
    """Every JSON file the finder reads, by address, as the build writes them."""
    return {data.src_uri: json.loads(data.content) for data in index_files(content)}


def decode(files: dict[str, dict]) -> dict[str, dict]:
    """The first file and each municipality's own file, read back the way assets/finder.js reads them."""
    index = files[FINDER_INDEX]
    result = {}
    for name, phone, flat, given_id, *_ in index["m"]:
        shard = files[finder_shard(given_id or derived_id(name))]
        decoded = []
        for p_name, address, postcode, p_phone, kind_flags, hour_refs, language, lat, lon in shard["p"]:
            flags = kind_flags & ((1 << KIND_SHIFT) - 1)
            decoded.append(
                {
                    "name": p_name.replace(TOWN, name) if flags & TOWN_IN_NAME else p_name,
                    "address": address.replace(TOWN, name) if flags & TOWN_IN_ADDRESS else address,
                    "postcode": postcode,
                    "phone": p_phone,
                    "kind": index["k"][kind_flags >> KIND_SHIFT],
                    "appointment": bool(flags & 1),
                    "wheelchair": True if flags & 2 else False if flags & 4 else None,
                    "hours": [shard["h"][h] for h in hour_refs],
                    "languages": shard["l"][language],
                    "position": None if lat == index["f"]["none"] else [lat / 10_000, lon / 10_000],
                }
            )
        ranges = [flat[i : i + 2] for i in range(0, len(flat), 2)]
        result[name] = {"phone": phone, "ranges": ranges, "points": decoded}
    return result


def test_index_reads_back_to_the_register(content) -> None:
    files = finder_files(content)
    index = files[FINDER_INDEX]
    assert index["v"] == 5
    assert index["f"]["kindShift"] == KIND_SHIFT and index["f"]["town"] == TOWN
    decoded = decode(files)
    assert len(decoded) == 342 == len(files) - 1  # the first file, and one per municipality
    assert {"Amsterdam", "Enschede", "Den Bosch", "Den Haag", "Nijmegen", "Utrecht"} <= set(decoded)
    enschede = decoded["Enschede"]
    assert enschede["phone"] == "14 053" and enschede["ranges"] == [[7511, 7548]]
    assert enschede["points"] == [
        {
            "name": "Stadskantoor Enschede",
            "address": "Hengelosestraat 51, Enschede",
            "postcode": "7514 AE",
            "phone": "14 053",
            "kind": "cross_government_counter",
            "appointment": False,
            "wheelchair": None,  # not checked yet
            "hours": [],  # not checked yet: the card says so
            "languages": "Nederlands",
            "position": [52.2255, 6.8934],
        }
    ]
    assert decoded["Nijmegen"]["points"] == []
    # Only the ids that the name does not give are written out.
    ids = {m[0]: m[3] for m in index["m"]}
    assert ids["Den Haag"] == "s-gravenhage" and ids["Den Bosch"] == "s-hertogenbosch"
    assert ids["Súdwest-Fryslân"] == 0 and derived_id("Súdwest-Fryslân") == "sudwest-fryslan"
    assert all(given_id or derived_id(name) in content.municipalities for name, given_id in ids.items())
    shared = {m[0]: m[7] for m in index["m"]}
    assert shared["Laren"] == [1261] and shared["Blaricum"] == 0
    assert shared["Westerveld"] == [7933, 7963, 7964, 9417, 9423]
    assert sum(len(codes) for codes in shared.values() if codes) == 20
    events = {e[0]: e for e in index["e"]}
    svb = index["o"][events["overlijden"][2][0]]
    assert svb[:3] == ["SVB", content.organisations["svb"].description, "030 264 90 90"]


def test_a_municipality_file_holds_its_postcode_centres_and_the_nearest_point_elsewhere(content) -> None:
    files = finder_files(content)
    index = files[FINDER_INDEX]
    laren = files[finder_shard("laren")]
    areas = {z[0]: z for z in laren["z"]}
    # Its own postcodes, and 1261, which it shares with Blaricum (people may type it for Laren).
    assert set(areas) == {1251, 1252, 1261}
    assert areas[1261][1:3] == [522786, 52562]  # the centre of 1261, in 1/10,000 degrees
    # Nijmegen has no help point: from its centre, the nearest known one is in Arnhem.
    nijmegen = files[finder_shard("nijmegen")]
    assert nijmegen["p"] == []
    municipality, name, lat, lon = nijmegen["n"][nijmegen["c"][2]]
    assert index["m"][municipality][0] == "Arnhem" and name == "Bibliotheek Rozet"
    assert [lat, lon] == [519811, 59068]
    # Nothing within reach of Enschede: no name, and no made-up distance.
    enschede = files[finder_shard("enschede")]
    assert enschede["n"] == [] and enschede["c"][2] == index["f"]["none"]


def test_index_round_trip_on_synthetic_data() -> None:
    synthetic = synthetic_content(points=200, municipalities=60, seed=11)
    decoded = decode(finder_files(synthetic))
    by_name = {m.name: m for m in synthetic.municipalities.values()}

    def source(point: HelpPoint) -> tuple:
        hours = [[h.days, h.hours] for h in point.walk_in_hours]
        languages = ", ".join(point.languages)
        return (point.name, point.address, point.postcode, point.phone or "", point.kind.value,
                point.appointment_needed, point.wheelchair_access, hours, languages)  # fmt: skip

    def read(point: dict) -> tuple:
        hours = [h[:2] for h in point["hours"]]
        return (point["name"], point["address"], point["postcode"], point["phone"], point["kind"],
                point["appointment"], point["wheelchair"], hours, point["languages"])  # fmt: skip

    count = 0
    for name, entry in decoded.items():
        points = [p for p in synthetic.helppoints.values() if p.municipality == by_name[name].id]
        assert sorted(map(read, entry["points"])) == sorted(map(source, points))
        assert all(point["position"] for point in entry["points"])  # the centre of its postcode
        count += len(points)
    assert count == 200


def gzipped(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), 6))


def test_index_size_for_the_example_data(content, example_site: Path) -> None:
    written = (example_site / FINDER_INDEX).read_bytes()
    assert written == index_json(content).encode("utf-8")
    shards = {data.src_uri: data.content for data in index_files(content)[1:]}
    assert (example_site / finder_shard("enschede")).read_text("utf-8") == shards[finder_shard("enschede")]
    largest = max(map(gzipped, shards.values()))
    assert len(gzip.compress(written, 6)) + largest <= INDEX_BUDGET


def test_the_first_lookup_stays_small_with_5000_points_and_every_postcode() -> None:
    """The first file does not grow with the help points; a municipality's file is loaded when chosen."""
    synthetic = synthetic_content(points=5000)
    assert len(synthetic.municipalities) == 342 and len(synthetic.postcode_centres) == 4068
    first, *shards = index_files(synthetic)
    assert gzipped(first.content) == gzipped(index_json(load_content(ROOT / "lifeevents")))
    # Even when someone chooses the municipality with most points, the first lookup stays in budget.
    assert gzipped(first.content) + max(gzipped(shard.content) for shard in shards) <= INDEX_BUDGET


def test_structured_opening_hours_are_optional_and_checked() -> None:
    plain = OpeningHours(days="maandag", hours="9.00 tot 12.00 uur")
    assert not plain.structured and structured_hours([plain]) == []
    full = OpeningHours(
        days="maandag", hours="9.00 tot 12.00 uur", weekdays=[1], opens="09:00", closes="12:00"
    )
    assert structured_hours([full]) == [[1, 540, 720]]
    # One free-text entry makes "closed today" unsafe to say.
    assert structured_hours([full, plain]) == []
    with pytest.raises(ValidationError, match="together"):
        OpeningHours(days="maandag", hours="9.00 uur", weekdays=[1])
    with pytest.raises(ValidationError, match="later than"):
        OpeningHours(days="maandag", hours="x", weekdays=[1], opens="12:00", closes="09:00")
    with pytest.raises(ValidationError, match="between quotes"):
        OpeningHours(days="maandag", hours="x", weekdays=[1], opens=540, closes="12:00")
    with pytest.raises(ValidationError):
        OpeningHours(days="zondag", hours="x", weekdays=[8], opens="09:00", closes="12:00")


def test_one_static_page_per_municipality_out_of_search(content) -> None:
    pages = finder_pages(content, strings())
    assert pages[0].src_uri == "loket/index.md"
    assert "search" not in pages[0].meta
    others = {p.src_uri: p for p in pages[1:]}
    assert set(others) == {f"loket/{m}.md" for m in content.municipalities}
    assert others["loket/enschede.md"].title == "Hulp in Enschede"
    # The heading uses the name people use, not the official one ('s-Gravenhage, 's-Hertogenbosch).
    assert others["loket/s-gravenhage.md"].title == "Hulp in Den Haag"
    assert others["loket/s-hertogenbosch.md"].title == "Hulp in Den Bosch"
    assert all(p.meta["search"] == {"exclude": True} for p in others.values())


def test_static_pages_in_the_built_site(example_site: Path) -> None:
    enschede = (example_site / "loket" / "enschede" / "index.html").read_text("utf-8")
    assert "Stadskantoor Enschede" in enschede
    assert '<a href="tel:14053">14 053</a>' in enschede
    assert "De tijden staan hier nog niet. Bel even voordat u gaat." in enschede
    assert '<a href="tel:+31302649090">030 264 90 90</a>' in enschede  # SVB, for "Iemand is overleden"
    nijmegen = (example_site / "loket" / "nijmegen" / "index.html").read_text("utf-8")
    assert "Informatiepunt Digitale Overheid" in nijmegen
    assert '<a href="tel:14024">14 024</a>' in nijmegen
    assert "ww-point" not in nijmegen.split('class="ww-finder')[1].split("ww-orgs")[0]
    search = json.loads((example_site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in search["docs"]}
    assert "loket/" in locations and not any(loc.startswith("loket/enschede") for loc in locations)


def test_a_municipality_without_a_number_is_told_where_to_find_it(content) -> None:
    quiet = Municipality(id="dorp", name="Dorp", cbs_code="GM9999", province="Utrecht")
    richer = dataclasses.replace(content, municipalities={**content.municipalities, "dorp": quiet})
    spec = next(p for p in finder_pages(richer, strings()) if p.src_uri == "loket/dorp.md")
    html = Renderer(richer).render(spec, lambda uri: "../" + uri).html
    assert "Het nummer van uw gemeente staat op de website van uw gemeente." in html
    assert "14 0" not in html  # no guessed 14-number
    assert "Hier helpt een medewerker" not in html  # it has no help point
    assert "Informatiepunt Digitale Overheid" in html
    assert "ww-point" not in html.split("ww-orgs")[0]  # no invented help point
    assert 'href="tel:' in html  # the national lines are still there


# --- In Chromium ---------------------------------------------------------------------


@pytest.fixture
def finder(example_site: Path, browser):
    """Open a finder URL (relative to the site) at 360 px; yields a function that returns the page."""
    pages = []
    with serve(example_site) as base:

        def open_page(path: str = "loket/", *, javascript: bool = True, now: dt.datetime | None = MONDAY_10):
            context = browser.new_context(
                viewport={"width": 360, "height": 740},
                java_script_enabled=javascript,
                timezone_id="Europe/Amsterdam",
            )
            page = context.new_page()
            if now is not None and javascript:
                page.clock.set_fixed_time(now)
            page.goto(base + path)
            if javascript:
                wait_until_ready(page)
            pages.append(context)
            return page

        yield open_page
    for context in pages:
        context.close()


def wait_until_ready(page) -> None:
    """On the finder page: until the script has read the index."""
    page.wait_for_function(
        "() => !document.querySelector('[data-module=\"ww-finder\"]')"
        " || document.querySelector('[data-module=\"ww-finder\"][data-ready]')"
    )


def options(page):
    return page.locator("#ww-gemeente-lijst").get_by_role("option")


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def squeezed(texts: list[str]) -> list[str]:
    """Texts without any white space, to compare what two renderings say."""
    return ["".join(text.split()) for text in texts]


def combobox(page):
    return page.get_by_role("combobox", name="Uw gemeente of postcode")


def test_typing_ensch_and_choosing_enschede(finder) -> None:
    page = finder()
    box = combobox(page)
    box.fill("Ensch")
    option = page.get_by_role("option", name="Enschede")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent === '1 gemeente gevonden'"
    )
    option.click()
    result = page.locator("[data-result]")
    result.get_by_role("heading", name="Loketten in Enschede").wait_for()
    card = result.locator(".ww-point").first
    assert card.locator("h3").inner_text() == "Stadskantoor Enschede"
    text = card.inner_text()
    assert "De tijden staan hier nog niet. Bel even voordat u gaat." in text
    assert "U kunt zonder afspraak langskomen." in text
    assert card.locator('a[href^="tel:"]').get_attribute("href") == tel_href("14 053")
    assert box.get_attribute("aria-expanded") == "false"
    page.wait_for_function("() => location.search === '?gemeente=Enschede'")


def test_a_postcode_finds_the_municipality(finder) -> None:
    page = finder()
    combobox(page).fill("7511")
    page.get_by_role("option", name="Enschede").wait_for()
    combobox(page).fill("7511 XA")
    page.get_by_role("option", name="Enschede").wait_for()
    combobox(page).press("Enter")
    page.locator("[data-result]").get_by_role("heading", name="Loketten in Enschede").wait_for()
    # A postcode the data does not cover gets a plain answer, not an empty page.
    combobox(page).fill("0999")
    page.get_by_role("button", name="Zoek hulp").click()
    result = page.locator("[data-result]")
    result.get_by_role("heading", name="We vinden deze gemeente niet").wait_for()
    assert "Bij postcode 0999 weten we de gemeente nog niet." in result.inner_text()


def test_a_postcode_in_two_municipalities_asks_which_one(finder, content) -> None:
    page = finder()
    box = combobox(page)
    box.fill("1261")
    options(page).nth(1).wait_for()
    assert options(page).all_inner_texts() == ["Blaricum", "Laren"]
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent"
        " === 'Deze postcode hoort bij 2 gemeenten. Kies uw gemeente.'"
    )
    page.get_by_role("button", name="Zoek hulp").click()
    result = page.locator("[data-result]")
    question = result.get_by_role("heading", name="In welke gemeente woont u?")
    question.wait_for()
    assert page.evaluate("document.activeElement.id") == "uitkomst"
    assert "Postcode 1261 hoort bij 2 gemeenten." in result.inner_text()
    assert result.get_by_role("button").all_inner_texts() == ["Blaricum", "Laren"]
    result.get_by_role("button", name="Laren").click()
    result.get_by_text("Bel de gemeente Laren:").wait_for()
    assert result.locator(".ww-finder__municipality a").get_attribute("href") == tel_href("14 035")
    assert content.municipalities["blaricum"].phone not in result.inner_text()
    assert box.input_value() == "Laren"
    # The postcode is kept too: distances are measured from its centre.
    page.wait_for_function("() => location.search === '?gemeente=Laren&postcode=1261'")
    # The postcode next to it has one municipality: no question.
    box.fill("1262")
    box.press("Enter")
    result.get_by_text("Bel de gemeente Blaricum:").wait_for()
    assert not question.is_visible()
    # Without JavaScript nothing answers a postcode: people choose their municipality by name.
    plain = finder("loket/?gemeente=1261", javascript=False)
    assert plain.locator(".ww-finder__form").is_hidden() and plain.locator("[data-result]").is_hidden()
    for name in ("Blaricum", "Laren"):
        assert plain.locator(".ww-az").get_by_role("link", name=name, exact=True).is_visible()


def test_keyboard_only(finder) -> None:
    page = finder()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "ww-gemeente":
            break
    else:
        pytest.fail("Tab never reached the municipality field")
    page.keyboard.type("Ensch")
    page.get_by_role("option", name="Enschede").wait_for()
    page.keyboard.press("ArrowDown")
    box = combobox(page)
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").inner_text() == "Enschede"
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    heading = page.locator("[data-result] h2").first
    heading.wait_for()
    assert heading.inner_text() == "Loketten in Enschede"
    assert page.evaluate("document.activeElement.textContent") == "Loketten in Enschede"
    assert "Stadskantoor Enschede" in page.locator("[data-result]").inner_text()
    # Escape closes the list first, then clears the field.
    box.focus()
    box.fill("U")
    page.get_by_role("option", name="Utrecht", exact=True).wait_for()
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and box.input_value() == "U"
    page.keyboard.press("Escape")
    assert box.input_value() == ""


def test_the_page_of_a_municipality_without_javascript_shows_the_same(finder, content) -> None:
    page = finder()
    combobox(page).fill("Enschede")
    page.get_by_role("button", name="Zoek hulp").click()
    page.locator("[data-result] .ww-point").wait_for()
    with_script = page.locator("[data-result] .ww-point").inner_text()
    national = squeezed(page.locator("[data-result] .ww-event-orgs").all_text_contents())
    assert len(national) == len(content.events)

    static = finder("loket/enschede/")
    assert static.locator(".ww-point").inner_text() == with_script
    assert squeezed(static.locator(".ww-event-orgs").all_text_contents()) == national

    plain = finder("loket/", javascript=False)
    assert plain.locator(".ww-finder__form").is_hidden()
    plain.locator(".ww-az").get_by_role("link", name="Enschede", exact=True).click()
    plain.wait_for_url("**/loket/enschede/")
    assert plain.locator("h1").inner_text() == "Hulp in Enschede"
    card = lines(plain.locator(".ww-point").inner_text())
    assert card == lines(with_script)  # its hours are not known, so there is no "open today" line
    assert squeezed(plain.locator(".ww-event-orgs").all_text_contents()) == national
    assert plain.locator('a[href="tel:14053"]').count() >= 1


def test_the_zorgkantoor_for_the_place_is_named_where_known_with_and_without_script(finder) -> None:
    page = finder()
    combobox(page).fill("Eindhoven")
    page.get_by_role("button", name="Zoek hulp").click()
    page.locator("[data-result] .ww-finder__regional").wait_for()
    expected = squeezed(["Uw zorgkantoor is CZ zorgkantoor. Bellen: 088 555 71 10"])
    assert squeezed([page.locator("[data-result] .ww-finder__regional").inner_text()]) == expected
    static = finder("loket/eindhoven/", javascript=False)
    assert squeezed([static.locator(".ww-finder__regional").inner_text()]) == expected
    assert static.locator('.ww-finder__regional a[href="tel:+31885557110"]').count() == 1
    # No zorgkantoor on a stored page of its own for Zwolle yet: nothing is said, rather than a guess.
    assert finder("loket/zwolle/", javascript=False).locator(".ww-finder__regional").count() == 0


def test_a_help_point_without_hours_says_to_call_first(finder) -> None:
    """Groningen's only point is the library's IDO, whose hours nobody has checked yet."""
    page = finder()
    combobox(page).fill("Groningen")
    page.get_by_role("button", name="Zoek hulp").click()
    page.locator("[data-result] .ww-point").wait_for()
    with_script = page.locator("[data-result] .ww-point").inner_text()
    assert "De tijden staan hier nog niet. Bel even voordat u gaat." in lines(with_script)
    assert "Openingstijden:" not in with_script
    static = finder("loket/groningen/", javascript=False)
    assert lines(static.locator(".ww-point").inner_text()) == lines(with_script)


def test_an_unknown_municipality_gets_a_helpful_message(finder) -> None:
    page = finder()
    combobox(page).fill("Atlantis")
    page.wait_for_function(
        "() => document.querySelector('[data-status]').textContent === 'Geen gemeente gevonden'"
    )
    assert combobox(page).get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    result = page.locator("[data-result]")
    result.get_by_role("heading", name="We vinden deze gemeente niet").wait_for()
    text = result.inner_text()
    assert "‘Atlantis’" in text
    assert "Informatiepunt Digitale Overheid" in text
    assert "Het nummer van uw gemeente staat op de website van uw gemeente." in text
    assert "14 053" not in text  # no other municipality's number
    assert page.evaluate("document.activeElement.id") == "uitkomst"


def test_a_municipality_without_help_points_sends_people_to_the_library(finder) -> None:
    page = finder()
    combobox(page).fill("Nijm")
    page.get_by_role("option", name="Nijmegen").click()
    result = page.locator("[data-result]")
    result.get_by_role("heading", name="Ga naar de bibliotheek").wait_for()
    assert result.locator(".ww-point").count() == 0
    assert "Informatiepunt Digitale Overheid" in result.inner_text()
    assert result.locator('a[href="tel:14024"]').inner_text() == "14 024"
    static = finder("loket/nijmegen/", javascript=False)
    assert static.get_by_role("heading", name="Ga naar de bibliotheek").is_visible()
    assert static.locator('a[href="tel:14024"]').is_visible()


def test_the_life_event_from_a_guide_is_preselected(finder) -> None:
    page = finder("loket/?gebeurtenis=overlijden")
    assert page.locator("#ww-gebeurtenis").input_value() == "overlijden"
    combobox(page).fill("Utrecht")
    combobox(page).press("Enter")
    result = page.locator("[data-result]")
    result.get_by_role("heading", name="Landelijke organisaties").wait_for()
    assert "Bij: Iemand is overleden" in result.inner_text()
    assert result.locator(".ww-org").first.locator("a").get_attribute("href") == tel_href("030 264 90 90")
    page.wait_for_function("() => location.search === '?gemeente=Utrecht&gebeurtenis=overlijden'")
    # The A–Z links carry the event to the municipality's own page.
    href = page.locator(".ww-az").get_by_role("link", name="Nijmegen").get_attribute("href")
    assert href.endswith("/loket/nijmegen/?gebeurtenis=overlijden")
    # Reloading shows the same result.
    page.reload()
    wait_until_ready(page)
    result.get_by_role("heading", name="Loketten in Utrecht").wait_for()
    # A guide's link works: the guide links the finder with its event.
    guide = finder("gids/overlijden/")
    guide.locator('a[href$="loket/?gebeurtenis=overlijden"]').first.click()
    guide.wait_for_url("**/loket/?gebeurtenis=overlijden")
    wait_until_ready(guide)
    assert guide.locator("#ww-gebeurtenis").input_value() == "overlijden"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (MONDAY_10, "Nu open, tot 17.00 uur."),
        (MONDAY_8, "Vandaag open van 9.00 tot 17.00 uur."),
        (MONDAY_18, "Nu dicht. Vandaag was het open tot 17.00 uur."),
        (SUNDAY, "Vandaag dicht."),
    ],
)
def test_open_today(finder, now, expected) -> None:
    # Stadskantoor Utrecht: the one point there with hours as weekdays and times (9.00 to 17.00).
    page = finder("loket/utrecht/", now=now)
    status = page.locator(".ww-point__today")
    assert status.inner_text() == expected
    assert ("ww-point__today--open" in (status.get_attribute("class") or "")) == expected.startswith(
        "Nu open"
    )


def test_the_script_matches_like_python(finder, content) -> None:
    page = finder()
    box = combobox(page)
    queries = ["e", "u", "AMS", "bosch", "'s", "7511", "3521 AZ", "nij", "ë", "x", "Den Haag", "den bosch"]
    queries += ["Sudwest Fryslan", "3011", "9711", "sneek", "ljouwert", "Amsterdm", "Rotterdan", "enchede"]
    queries += ["1261", "1262", "1261 ab", "laren", "4062", "4197", "7963", "9423"]  # shared postcodes
    for query in queries:
        box.fill(query)
        expected = names(find(content.municipalities.values(), query))[:MAX_OPTIONS]
        if expected:
            options(page).first.wait_for()
        else:
            page.wait_for_function("() => document.querySelector('#ww-gemeente-lijst').hidden")
        assert options(page).all_inner_texts() == expected, query


def test_the_finder_remembers_nothing(finder) -> None:
    page = finder()
    before = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
    combobox(page).fill("Enschede")
    combobox(page).press("Enter")
    page.locator("[data-result] .ww-point").wait_for()
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]") == before


def test_phone_sized_and_large_targets(finder) -> None:
    page = finder()
    combobox(page).fill("e")
    options(page).first.wait_for()
    for option in options(page).all():
        assert option.bounding_box()["height"] >= 44
    combobox(page).fill("Enschede")
    combobox(page).press("Enter")
    page.locator("[data-result] .ww-point").wait_for()
    for selector in (
        "#ww-gemeente",
        "#ww-gebeurtenis",
        ".ww-finder__form button",
        ".ww-az__list a",
        ".ww-point a",
    ):
        for target in page.locator(selector).all():
            box = target.bounding_box()
            assert box and box["height"] >= 44, selector
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"


def test_no_accessibility_violations_in_the_finder(finder) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    axe_options = {"runOnly": {"type": "tag", "values": wcag}}
    page = finder("loket/?gebeurtenis=overlijden")
    combobox(page).fill("e")
    options(page).first.wait_for()
    page.keyboard.press("ArrowDown")
    results = axe.run(page, context={"include": [".ww-finder"]}, options=axe_options)
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Enter")
    page.locator("[data-result] h2").first.wait_for()
    results = axe.run(page, context={"include": [".ww-finder"]}, options=axe_options)
    assert results.violations_count == 0, results.generate_report()
    for path in ("loket/enschede/", "loket/nijmegen/"):
        static = finder(path)
        results = axe.run(static, context={"include": [".ww-finder"]}, options=axe_options)
        assert results.violations_count == 0, results.generate_report()


def test_the_script_does_nothing_on_other_pages(finder) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page = finder("loket/", now=None)
    page.context.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page.url.replace("loket/", "gids/overlijden/"))
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if url.endswith("loket.json")]
    assert errors == []


def search(page, query: str) -> None:
    """Type ``query``, press Enter, and wait until the script has drawn the result."""
    page.evaluate("() => { window.wwBefore = document.querySelector('[data-result] h2'); }")
    combobox(page).fill(query)
    combobox(page).press("Enter")
    # A new heading: the script draws each result afresh (the page's clock is fixed, so no marks).
    page.wait_for_function(
        "() => { const h = document.querySelector('[data-result] h2'); return h && h !== window.wwBefore; }"
    )


def cards(page) -> list[tuple[str, str]]:
    """Each help point in the result: its name and its distance line."""
    points = page.locator("[data-result] .ww-point").all()
    return [(p.locator("h3").inner_text(), p.locator(".ww-point__distance").inner_text()) for p in points]


def test_a_typed_postcode_lists_the_nearest_point_first_with_its_distance(finder, content) -> None:
    page = finder()
    search(page, "7511")
    result = page.locator("[data-result]")
    assert result.locator("h2").first.inner_text() == "Loketten in Enschede"
    assert cards(page) == [("Stadskantoor Enschede", "Afstand: minder dan 1 km")]
    assert result.locator(".ww-finder__distance-note").inner_text() == (
        "De afstand is in een rechte lijn, vanaf het midden van postcode 7511. Over de weg is het vaak verder."
    )
    page.wait_for_function("() => location.search === '?gemeente=Enschede&postcode=7511'")
    # The script orders and words distances as Python does (finder.listing), for postcodes and names.
    for query, municipality_id, postcode in [
        ("3512", "utrecht", 3512),
        ("3521 AZ", "utrecht", 3521),
        ("Utrecht", "utrecht", None),  # 1.5 and 2.0 km: both "2 km", so the one with hours first
        ("1011", "amsterdam", 1011),  # the same place: the Stadsloket (hours known) first
        ("1102", "amsterdam", 1102),
        ("Den Haag", "s-gravenhage", None),
    ]:
        search(page, query)
        expected = [(name, f"Afstand: {words}") for name, words in shown(content, municipality_id, postcode)]
        assert cards(page) == expected, query
    assert cards(page)[0][0] == "Centrale Bibliotheek Den Haag"
    # Reloading keeps the postcode, and so the order.
    search(page, "3512")
    page.wait_for_function("() => location.search === '?gemeente=Utrecht&postcode=3512'")
    page.reload()
    wait_until_ready(page)
    page.locator("[data-result] .ww-point").first.wait_for()
    assert [name for name, _ in cards(page)] == ["Bibliotheek Neude", "Stadskantoor Utrecht"]


def test_without_points_the_nearest_point_elsewhere_is_measured_from_the_postcode(finder) -> None:
    page = finder()
    search(page, "6511")  # the north of Nijmegen, towards Arnhem
    result = page.locator("[data-result]")
    assert result.locator("h2").first.inner_text() == "Ga naar de bibliotheek"
    assert result.locator(".ww-finder__nearby").inner_text() == (
        "Het loket dat wij het dichtst bij kennen: Bibliotheek Rozet in Arnhem. Afstand: 15 km."
        " Bekijk de loketten in Arnhem"
    )
    assert "vanaf het midden van postcode 6511" in result.locator(".ww-finder__distance-note").inner_text()
    search(page, "Nijmegen")  # from the centre of the municipality: as on its own page
    assert "Bibliotheek Rozet in Arnhem. Afstand: 17 km." in result.locator(".ww-finder__nearby").inner_text()
    static = finder("loket/nijmegen/", javascript=False)
    assert "Bibliotheek Rozet in Arnhem. Afstand: 17 km." in static.locator(".ww-finder__nearby").inner_text()


def test_when_a_municipalitys_file_cannot_be_loaded_its_page_is_offered(finder) -> None:
    page = finder()
    page.route("**/loketten/enschede.json", lambda route: route.abort())
    search(page, "Enschede")
    result = page.locator("[data-result]")
    assert "Het lukt nu niet om de loketten in Enschede te laten zien." in result.inner_text()
    result.get_by_role("link", name="Bekijk de loketten in Enschede").click()
    page.wait_for_url("**/loket/enschede/")


LAYOUT_SHIFT = """() => new Promise(resolve => { let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500); })"""


@pytest.mark.parametrize("path", ["loket/", "loket/utrecht/"])
@pytest.mark.parametrize("viewport", [(360, 740), (1280, 800)], ids=["phone", "desktop"])
def test_the_page_does_not_jump_when_its_script_starts(example_site: Path, browser, path, viewport) -> None:
    """Cumulative layout shift at most 0.05: the search form and "open today" have their place in the HTML."""
    width, height = viewport
    with serve(example_site) as base:
        context = browser.new_context(viewport={"width": width, "height": height}, base_url=base)
        page = context.new_page()
        page.clock.set_fixed_time(MONDAY_10)
        for _ in range(3):  # cold, then from the cache (where the script is fastest)
            page.goto(path)
            assert page.evaluate(LAYOUT_SHIFT) <= 0.05
            if path == "loket/":
                assert page.locator("#ww-gemeente").is_visible()  # the script has shown the form
            else:
                assert page.locator(".ww-point__today").inner_text() == "Nu open, tot 17.00 uur."
        context.close()


def test_with_many_guides_the_national_lines_are_on_one_page_not_on_every_municipality_page(content) -> None:
    """Listing them per guide on all 342 municipality pages would grow with guides × municipalities."""
    many = {
        f"gids-{n}": event.model_copy(update={"id": f"gids-{n}"})
        for n in range(31)
        for event in [next(iter(content.events.values()))]
    }
    richer = dataclasses.replace(content, events=many)
    pages = {p.src_uri: p for p in finder_pages(richer, strings())}
    renderer = Renderer(richer)
    national = renderer.render(pages["loket/landelijk.md"], lambda uri: "../" + uri).html
    assert national.count('class="ww-event-orgs"') == 31 and 'href="tel:' in national
    zwolle = renderer.render(pages["loket/zwolle.md"], lambda uri: "../" + uri).html
    assert "ww-event-orgs" not in zwolle and '<a href="../loket/landelijk.md">' in zwolle
    assert "loket/landelijk.md" not in {p.src_uri for p in finder_pages(content, strings())}
