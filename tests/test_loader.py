"""The loader: valid content loads; each kind of bad input gives one exact, plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from wegwijzer.checks import load_checked, load_content
from wegwijzer.model import Phase
from wegwijzer.problems import ContentError

EVENT = "lifeevents/verhuizen.yaml"


def messages(root: Path) -> list[str]:
    _, problems = load_checked(root)
    return [str(p) for p in problems]


def edit(root: Path, old: str, new: str, file: str = "verhuizen.yaml") -> None:
    path = root / file
    text = path.read_text("utf-8")
    assert old in text, f"fixture does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_fixture_loads(lifeevents: Path) -> None:
    content = load_content(lifeevents)
    event = content.events["verhuizen"]
    assert [s.id for s in event.steps] == ["inschrijven", "huurtoeslag", "controleren"]
    assert [s.effective_phase for s in event.steps] == [Phase.now, Phase.soon, Phase.later]
    assert content.origin(event.steps[1]).line("title") == 22
    assert set(content.organisations) == {"gemeente", "toeslagen"}


def test_broken_yaml(lifeevents: Path) -> None:
    edit(lifeevents, "title: Ik verhuis", "title: Ik verhuis: nu")
    assert messages(lifeevents) == [
        f"{EVENT}:2: the text on this line contains ': ', which YAML reads as the start of a new field"
        " — put text that contains ': ' between double quotes"
    ]


def test_tab_indent(lifeevents: Path) -> None:
    edit(lifeevents, "  - id: huurtoeslag\n    text", "  - id: huurtoeslag\n\ttext")
    assert messages(lifeevents) == [
        f"{EVENT}:9: this line contains a tab character, which YAML does not allow for indenting"
        " — replace the tab with spaces"
    ]


def test_empty_file(lifeevents: Path) -> None:
    (lifeevents / "verhuizen.yaml").write_text("\n# nothing yet\n", "utf-8")
    assert messages(lifeevents) == [f"{EVENT}:1: the file is empty — fill it in, or delete the file"]


def test_duplicate_key(lifeevents: Path) -> None:
    edit(lifeevents, "owner: Testredactie", "owner: Testredactie\nowner: Iemand anders")
    assert messages(lifeevents) == [
        f"{EVENT}:6: owner: 'owner' appears twice in the same block (first on line 5)"
        " — keep one of them and delete the other"
    ]


def test_unknown_field_with_suggestion(lifeevents: Path) -> None:
    edit(lifeevents, "    why: De gemeente", "    waarom: x\n    why: De gemeente")
    [message] = messages(lifeevents)
    assert message.startswith(
        f"{EVENT}:13: steps[0].waarom: unknown field 'waarom' — "
        "Fields allowed here: acting_for_only, after, authorisation, automatic,"
    )
    edit(lifeevents, "    waarom: x", "    titel: x")
    [message] = messages(lifeevents)
    assert message.startswith(
        f"{EVENT}:13: steps[0].titel: unknown field 'titel' — did you mean 'title'? Fields allowed here:"
    )


def test_missing_field(lifeevents: Path) -> None:
    edit(
        lifeevents, "summary: Geef uw nieuwe adres door aan de gemeente. Pas daarna uw huurtoeslag aan.\n", ""
    )
    assert messages(lifeevents) == [
        f"{EVENT}:1: summary: 'summary' is missing — add a line 'summary: ...' to this block"
        " (Een zin die zegt wat de burger moet doen (hoogstens 25 woorden).)"
    ]


def test_wrong_type(lifeevents: Path) -> None:
    edit(lifeevents, "entitlement: true", "entitlement: misschien")
    assert messages(lifeevents) == [
        f"{EVENT}:34: steps[1].entitlement: must be true or false, not 'misschien' — write true or false"
    ]


def test_wrong_choice(lifeevents: Path) -> None:
    edit(lifeevents, "phase: later", "phase: straks")
    assert messages(lifeevents) == [
        f"{EVENT}:45: steps[2].phase: 'straks' is not allowed here — use one of: 'now', 'soon' or 'later'"
    ]


def test_unknown_organisation(lifeevents: Path) -> None:
    edit(lifeevents, "organisation: toeslagen", "organisation: toeslag")
    assert messages(lifeevents) == [
        f"{EVENT}:29: steps[1].organisation: unknown organisation 'toeslag' — did you mean 'toeslagen'? "
        "Organisations are listed in lifeevents/registers/organisations.yaml."
    ]


def test_unknown_question(lifeevents: Path) -> None:
    edit(lifeevents, "      huurtoeslag: true", "      huur: true")
    assert messages(lifeevents) == [
        f"{EVENT}:36: steps[1].only_if.huur: unknown question 'huur' — "
        "Questions are listed in this file, under 'questions'."
    ]


def test_duplicate_step_id(lifeevents: Path) -> None:
    edit(lifeevents, "  - id: controleren", "  - id: inschrijven")
    assert messages(lifeevents) == [
        f"{EVENT}:39: steps[2].id: the id 'inschrijven' is used twice (first on line 11)"
        " — give each one its own id"
    ]


def test_dependency_cycle(lifeevents: Path) -> None:
    edit(
        lifeevents,
        "    channels: [phone, walk_in, online]",
        "    channels: [phone, walk_in, online]\n    after: [huurtoeslag]",
    )
    assert messages(lifeevents) == [
        f"{EVENT}:38: steps[1].after: these steps wait for each other in a circle:"
        " inschrijven → huurtoeslag → inschrijven"
        " — remove one of these steps from the 'after' list of another"
    ]


def test_depends_on_itself(lifeevents: Path) -> None:
    edit(lifeevents, "after: [inschrijven]", "after: [huurtoeslag]")
    assert messages(lifeevents) == [
        f"{EVENT}:37: steps[1].after[0]: step 'huurtoeslag' cannot come after itself — remove it from 'after'"
    ]


def test_bad_date(lifeevents: Path) -> None:
    edit(lifeevents, "reviewed: 2026-11-01", "reviewed: 31-02-2026")
    assert messages(lifeevents) == [
        f"{EVENT}:6: reviewed: '31-02-2026' is not a valid date"
        " — write the date as year-month-day, like 2026-11-22"
    ]


def test_bad_phone(lifeevents: Path) -> None:
    edit(lifeevents, 'phone: "0800 0543"', 'phone: "bel ons"', "registers/organisations.yaml")
    assert messages(lifeevents) == [
        "lifeevents/registers/organisations.yaml:10: [1].phone: 'bel ons' is not a Dutch phone number"
        ' — write it like "0800 1234", "088 898 2070", "14 053" or "+31 20 123 4567"'
    ]


def test_unsafe_url(lifeevents: Path) -> None:
    edit(
        lifeevents,
        "website: https://www.belastingdienst.nl/toeslagen",
        "website: javascript:alert(1)",
        "registers/organisations.yaml",
    )
    assert messages(lifeevents) == [
        "lifeevents/registers/organisations.yaml:14: [1].website: 'javascript:alert(1)' is not a safe"
        " web address — write a full address that starts with https://"
    ]


def test_id_differs_from_file_name(lifeevents: Path) -> None:
    edit(lifeevents, "id: verhuizen", "id: verhuis")
    assert messages(lifeevents) == [
        f"{EVENT}:1: id: the id 'verhuis' is not the same as the file name 'verhuizen.yaml'"
        " — write 'id: verhuizen', or rename the file to verhuis.yaml"
    ]


def test_missing_register(lifeevents: Path) -> None:
    (lifeevents / "registers" / "glossary.yaml").unlink()
    assert messages(lifeevents) == [
        "lifeevents/registers/glossary.yaml: this register is missing"
        " — create lifeevents/registers/glossary.yaml; it may hold an empty list: []"
    ]


def test_not_utf8(lifeevents: Path) -> None:
    path = lifeevents / "verhuizen.yaml"
    path.write_bytes(path.read_bytes().replace(b"Ik verhuis", b"Ik verhuis \xe9\xe9n keer"))
    assert messages(lifeevents) == [
        f"{EVENT}:2: this line has characters that are not UTF-8 — save the file as UTF-8 in your editor"
    ]


def test_all_problems_in_one_run(lifeevents: Path) -> None:
    edit(lifeevents, "entitlement: true", "entitlement: misschien")
    edit(lifeevents, "phase: later", "phase: straks")
    edit(lifeevents, 'phone: "14 053"', "phone: 14053", "registers/municipalities.yaml")
    with pytest.raises(ContentError) as raised:
        load_content(lifeevents)
    assert len(raised.value.problems) == 3
    assert str(raised.value).startswith("3 problems in the content:\n")


def test_postcode_centres_are_optional_and_each_bad_line_is_named(lifeevents: Path) -> None:
    assert load_content(lifeevents).postcode_centres == {}  # the fixture site has none: no distances
    path = lifeevents / "registers" / "postcode_centres.csv"
    path.write_text(
        "# Source: a test.\npostcode,lat,lon\n7511,52.2202,6.9006\n751,52.2,6.9\n7512,6.8979,52.2136\n"
        "7513,52.2157\n7511,52.2,6.9\n7514,52.2255,6.8934\n",
        "utf-8",
    )
    centres = "lifeevents/registers/postcode_centres.csv"
    fix = " — write it as postcode,latitude,longitude, for example 7511,52.2206,6.8937"
    assert messages(lifeevents) == [
        f"{centres}:4: '751' is not a four-digit postcode{fix}",
        f"{centres}:5: 6.8979,52.2136 is not in the Netherlands (are latitude and longitude swapped?){fix}",
        f"{centres}:6: this line has 2 values instead of 3: '7513,52.2157'{fix}",
        f"{centres}:7: the postcode 7511 is listed twice (first on line 3) — keep one of the two lines",
    ]
    path.write_text("pc4,lat,lon\n7511,52.2202,6.9006\n", "utf-8")
    assert messages(lifeevents) == [
        f"{centres}:1: unexpected column names 'pc4,lat,lon'"
        " — the first line after the comments must be 'postcode,lat,lon'"
    ]


def test_a_help_point_whose_place_is_unknown_or_far_from_its_postcode_is_named(lifeevents: Path) -> None:
    registers = lifeevents / "registers"
    (registers / "postcode_centres.csv").write_text("postcode,lat,lon\n7511,52.2202,6.9006\n", "utf-8")
    points = "lifeevents/registers/helppoints.yaml"
    assert messages(lifeevents) == [
        f"{points}:6: [0].postcode: the centre of postcode 7514 is not known: the finder cannot say how far this"
        " point is — add 'position: [latitude, longitude]' (for example [52.2215, 6.8937])"
    ]
    edit(
        registers, "postcode: 7514 AE", "postcode: 7511 AE\n  position: [6.8934, 52.2255]", "helppoints.yaml"
    )
    assert messages(lifeevents) == [
        f"{points}:7: [0].position: this position is 6505 km from the centre of postcode 7511 — check it:"
        " latitude first (about 51 to 53), then longitude (about 3 to 7); or leave 'position' out to use"
        " the centre of the postcode"
    ]
    edit(registers, "position: [6.8934, 52.2255]", "position: [52.2255, 6.8934]", "helppoints.yaml")
    assert messages(lifeevents) == []
