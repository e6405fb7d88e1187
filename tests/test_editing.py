"""Editors' tools: JSON Schema in sync, scaffold, and `wegwijzer check` exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wegwijzer.checks import load_checked
from wegwijzer.cli import main
from wegwijzer.editing.scaffold import ScaffoldError, new_event
from wegwijzer.editing.schema import render, schemas

ROOT = Path(__file__).parent.parent


def test_schemas_in_the_repo_match_the_model() -> None:
    for name, schema in schemas().items():
        shipped = ROOT / "schemas" / name
        assert shipped.is_file(), f"schemas/{name} is missing: run 'wegwijzer schema'"
        assert shipped.read_text("utf-8") == render(schema), (
            f"schemas/{name} is out of date: run 'wegwijzer schema'"
        )


def test_schema_explains_fields_and_allows_channel_shorthand() -> None:
    event = schemas()["lifeevent.schema.json"]
    step = event["$defs"]["Step"]
    assert step["additionalProperties"] is False
    assert "werkwoord" in step["properties"]["title"]["description"]
    channel = event["$defs"]["Channel"]["anyOf"]
    assert channel[0]["enum"][:2] == ["phone", "walk_in"]
    json.dumps(event)  # serialisable


def test_scaffold_fails_only_on_its_placeholders(lifeevents: Path) -> None:
    path = new_event(lifeevents, "ik-test", "2026-11-22")
    _, problems = load_checked(lifeevents)
    assert problems, "the scaffold should not pass the checks before it is filled in"
    assert {p.file for p in problems} == {"lifeevents/ik-test.yaml"}
    assert {p.message for p in problems} == {"this is still a placeholder"}
    assert path.read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/lifeevent.schema.json"
    )


def test_scaffold_never_overwrites(lifeevents: Path) -> None:
    before = (lifeevents / "verhuizen.yaml").read_bytes()
    with pytest.raises(ScaffoldError, match="already exists — choose another name; nothing was changed"):
        new_event(lifeevents, "verhuizen", "2026-11-22")
    assert (lifeevents / "verhuizen.yaml").read_bytes() == before
    with pytest.raises(ScaffoldError, match="cannot be used as a name"):
        new_event(lifeevents, "../evil", "2026-11-22")


def test_check_exit_codes(lifeevents: Path, capsys) -> None:
    check = ["check", "--lifeevents", str(lifeevents), "-f", str(lifeevents.parent / "mkdocs.yml")]
    assert main(check) == 0
    assert "0 error(s)" in capsys.readouterr().out
    assert main(["new", "ik-test", "--lifeevents", str(lifeevents)]) == 0
    assert main(["new", "ik-test", "--lifeevents", str(lifeevents)]) == 1
    assert main(check) == 1
    assert "ERROR: lifeevents/ik-test.yaml:9: title: this is still a placeholder" in capsys.readouterr().out


def test_schema_command_writes_files(tmp_path: Path) -> None:
    assert main(["schema", "--out", str(tmp_path / "s")]) == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(schemas())


def test_stale_content_is_named_with_its_owner(lifeevents: Path) -> None:
    import datetime as dt

    from wegwijzer.checks.freshness import stale_content

    content, _ = load_checked(lifeevents)
    recent = stale_content(content, dt.date(2026, 12, 1), 365)
    assert [p.message for p in recent if "owner alone" not in p.message] == [
        "nobody has recorded when 'Stadskantoor Enschede' was checked"
    ]
    messages = [str(p) for p in stale_content(content, dt.date(2028, 1, 1), 365)]
    assert (
        "lifeevents/verhuizen.yaml:6: reviewed: last checked on 2026-11-01, 426 days ago — Testredactie"
        " should check it and set 'reviewed' to the date of checking" in messages
    )
    assert (
        "lifeevents/registers/helppoints.yaml:1: [0].id: nobody has recorded when 'Stadskantoor Enschede'"
        " was checked — check the details with the help point and add 'checked: <date>'" in messages
    )
    assert all(not p.is_error for p in stale_content(content, dt.date(2028, 1, 1), 365))


def test_check_shows_stale_warnings_without_failing(lifeevents: Path, capsys) -> None:
    import datetime as dt

    from wegwijzer.cli import run_check

    assert run_check(lifeevents, 365, today=dt.date(2028, 1, 1)) == 0
    out = capsys.readouterr().out
    assert "WARNING: lifeevents/verhuizen.yaml:6: reviewed: last checked on 2026-11-01" in out


def test_every_yaml_file_names_its_schema() -> None:
    lifeevents = ROOT / "lifeevents"
    for path in sorted(lifeevents.glob("*.yaml")):
        assert path.read_text("utf-8").startswith(
            "# yaml-language-server: $schema=../schemas/lifeevent.schema.json\n"
        ), path
    for path in sorted((lifeevents / "registers").glob("*.yaml")):
        assert path.read_text("utf-8").startswith(
            f"# yaml-language-server: $schema=../../schemas/{path.stem}.schema.json\n"
        ), path


def test_a_step_without_a_source_is_named(lifeevents: Path) -> None:
    from wegwijzer.checks.freshness import unsourced_steps

    path = lifeevents / "geldzorgen.yaml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace("    organisation:", "    source: https://www.example.nl/bron\n    organisation:"),
        "utf-8",
    )
    content, _ = load_checked(lifeevents)
    messages = [str(p) for p in unsourced_steps(content)]
    assert not any("geldzorgen.yaml" in m for m in messages)
    assert (
        "lifeevents/verhuizen.yaml:12: steps[0].title: the step 'Geef uw nieuwe adres door aan de gemeente'"
        " has no source — add 'source:' with the organisation's own page on this subject, so the facts can be"
        " checked" in messages
    )
    assert all(not p.is_error for p in unsourced_steps(content))


def test_every_example_step_has_a_source() -> None:
    from wegwijzer.checks.freshness import unsourced_steps

    content, problems = load_checked(ROOT / "lifeevents")
    assert problems == []
    assert [str(p) for p in unsourced_steps(content)] == []


def test_facts_fill_the_texts_and_warn_their_owner_when_old(lifeevents: Path) -> None:
    from wegwijzer.checks.freshness import stale_content

    (lifeevents / "registers" / "facts.yaml").write_text(
        "- id: verhuisdagen\n  value: '5'\n  meaning: Binnen 5 dagen geeft u een verhuizing door.\n"
        "  year: 2024\n  source: https://www.ameland.nl/verhuizing-doorgeven\n"
        "  checked: 2024-01-02\n  owner: Team Wonen\n",
        "utf-8",
    )
    path = lifeevents / "verhuizen.yaml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace(
            "zet uw nieuwe adres in de BRP.", "zet uw adres binnen {feit:verhuisdagen} dagen in de BRP."
        ),
        "utf-8",
    )
    content, problems = load_checked(lifeevents)
    assert [p for p in problems if p.is_error] == []
    assert "binnen 5 dagen in de BRP" in content.events["verhuizen"].steps[0].why
    warnings = [str(p) for p in stale_content(content, dt.date(2026, 12, 2), 365)]
    assert any(
        "the fact 'verhuisdagen' (5) holds for 2024 — Team Wonen should look up" in w for w in warnings
    )
    assert any(
        "facts.yaml:6: [0].checked: last checked on 2024-01-02" in w and "Team Wonen should" in w
        for w in warnings
    )


def test_a_homepage_is_not_a_source(lifeevents: Path) -> None:
    from wegwijzer.checks.freshness import unsourced_steps

    path = lifeevents / "verhuizen.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "    organisation: gemeente\n", "    organisation: gemeente\n    source: https://www.svb.nl/\n", 1
        ),
        "utf-8",
    )
    content, _ = load_checked(lifeevents)
    errors = [str(p) for p in unsourced_steps(content) if p.is_error]
    assert errors == [
        "lifeevents/verhuizen.yaml:20: steps[0].source: 'https://www.svb.nl/' is a homepage, not the page that "
        "supports this step — link the organisation's own page on this subject, like https://www.svb.nl/nl/anw"
    ]


def test_a_guide_checked_by_its_owner_alone_is_named(lifeevents: Path) -> None:
    from wegwijzer.checks.freshness import stale_content

    content, _ = load_checked(lifeevents)
    warnings = [str(p) for p in stale_content(content, dt.date(2026, 12, 2), 365)]
    assert any("'Ik verhuis' was last checked by its owner alone" in w for w in warnings)
    path = lifeevents / "verhuizen.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "owner: Testredactie\n", "owner: Testredactie\nreviewed_by: Tweede Lezer\n"
        ),
        "utf-8",
    )
    content, _ = load_checked(lifeevents)
    warnings = [str(p) for p in stale_content(content, dt.date(2026, 12, 2), 365)]
    assert not any("'Ik verhuis' was last checked by its owner alone" in w for w in warnings)


def test_an_unchecked_phone_number_is_named_until_someone_checks_it(lifeevents: Path) -> None:
    from wegwijzer.checks.freshness import stale_content

    path = lifeevents / "registers" / "organisations.yaml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace(
            "  website: https://www.belastingdienst.nl/toeslagen\n",
            "  website: https://www.belastingdienst.nl/toeslagen\n  unverified: [phone]\n",
        ),
        "utf-8",
    )
    content, problems = load_checked(lifeevents)
    assert [p for p in problems if p.is_error] == []
    warnings = [str(p) for p in stale_content(content, dt.date(2026, 12, 2), 365)]
    assert any(
        "unverified: phone of Dienst Toeslagen could not be checked on the organisation's own page" in w
        for w in warnings
    ), warnings


def test_an_example_site_url_is_named() -> None:
    from wegwijzer.checks import check_site_url

    assert check_site_url("https://wegwijzer.gemeente.nl/") == []
    warning = check_site_url("https://wegwijzer.example.nl/")[0]
    assert not warning.is_error
    assert str(warning) == (
        "mkdocs.yml: site_url: 'https://wegwijzer.example.nl/' is an example address: printed checklists and their"
        " QR codes would point nowhere — set site_url in mkdocs.yml to the address where the site will be published"
    )
    assert "there is no site_url" in str(check_site_url(None)[0])
