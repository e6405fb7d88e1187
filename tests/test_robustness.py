"""Bad input never crashes and never damages the published site.

tests/fixtures/bad/ holds a corpus of broken files. Each starts with
``# target:`` (the file it replaces or adds, relative to the fixture site's lifeevents/:
``verhuizen.yaml``, ``registers/glossary.yaml``, ``../mkdocs.yml``, ``../content/over.md``) and
``# expect:`` (the one message an editor must see, or ``ok``). YAML files keep the two lines
as comments; other files are written without them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, build
from test_build import tree_digest
from wegwijzer.checks import check_site, load_checked
from wegwijzer.checks.freshness import newest_date
from wegwijzer.checks.site_options import PluginOptions, check_site_config, language_settings
from wegwijzer.load.yaml_lines import YamlProblem, parse_yaml

CORPUS = sorted((FIXTURES / "bad").iterdir())
TODAY = dt.date(2026, 12, 2)


def header(path: Path) -> tuple[str, str]:
    lines = path.read_bytes().removeprefix(b"\xef\xbb\xbf").split(b"\n")
    target = lines[0].decode().removeprefix("# target: ").strip()
    expect = lines[1].decode().removeprefix("# expect: ").strip()
    return target, expect


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 70


def put_case(case: Path, src: Path) -> str:
    """Write ``case`` where its header says; returns the expected message."""
    target, expect = header(case)
    data = case.read_bytes()
    if case.suffix not in (".yaml", ".yml"):
        data = data.split(b"\n", 2)[2]
    (src / "lifeevents" / target).write_bytes(data)
    return expect


@pytest.mark.parametrize("case", CORPUS, ids=[p.stem for p in CORPUS])
def test_bad_input_gives_one_clear_message_and_keeps_the_site(case: Path, src: Path, capsys) -> None:
    expect = put_case(case, src)
    result = check_site(src / "mkdocs.yml", src / "lifeevents", today=TODAY)
    errors = [str(p) for p in result.problems if p.is_error]
    before = tree_digest(src / "site")
    code, site = build(src)
    if expect == "ok":
        assert errors == [] and code == 0
        return
    assert errors == [expect]
    assert "\x1b" not in expect and "\u202e" not in expect
    assert code == 1
    assert tree_digest(site) == before
    assert expect in capsys.readouterr().err


def test_huge_file_is_refused(src: Path) -> None:
    path = src / "lifeevents" / "verhuizen.yaml"
    path.write_text("# " + "x" * 10_000_000 + "\n", "utf-8")
    _, problems = load_checked(src / "lifeevents")
    assert [str(p) for p in problems] == [
        "lifeevents/verhuizen.yaml:1: the file is too large (10 MB)"
        " — a content file should be far smaller; split it or remove what is not needed"
    ]


def test_missing_register_fails_the_build_and_keeps_the_site(src: Path) -> None:
    before = tree_digest(src / "site")
    (src / "lifeevents" / "registers" / "municipalities.yaml").unlink()
    _, problems = load_checked(src / "lifeevents")
    assert [str(p) for p in problems] == [
        "lifeevents/registers/municipalities.yaml: this register is missing"
        " — create lifeevents/registers/municipalities.yaml; it may hold an empty list: []"
    ]
    code, site = build(src)
    assert code == 1 and tree_digest(site) == before


def test_two_builds_are_byte_identical(src: Path) -> None:
    code, site = build(src, pdf=True)
    assert code == 0
    first = tree_digest(site)
    code, site = build(src, pdf=True)
    assert code == 0
    assert tree_digest(site) == first


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_random_text_never_crashes_the_parser(text: str) -> None:
    try:
        parse_yaml(text, "lifeevents/x.yaml")
    except YamlProblem as err:
        assert err.problem.file == "lifeevents/x.yaml" and err.problem.line >= 1


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates().map(str),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "title", "steps", "why", "channels", "x"]) | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=yaml_values)
def test_random_event_data_loads_or_reports_clean_problems(data, tmp_path_factory) -> None:
    import yaml

    root = tmp_path_factory.mktemp("fuzz") / "lifeevents"
    shutil.copytree(FIXTURES / "site" / "lifeevents", root)
    (root / "verhuizen.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    content, problems = load_checked(root)
    for problem in problems:
        assert problem.file.startswith("lifeevents/") and problem.message
    assert problems or "verhuizen" in content.events


def test_the_build_is_dated_by_the_content_not_by_the_clock(src: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    code, site = build(src)
    assert code == 0
    newest = newest_date(load_checked(src / "lifeevents")[0])
    assert newest is not None and newest < dt.date.today()
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text("utf-8")))
    assert lastmods == {newest.isoformat()}
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the plugin leaves the environment as it was
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: a date the caller chose wins
    code, site = build(src)
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text("utf-8"))) == {
        "2026-01-01"
    }


REGISTER_FIELDS = ["id", "name", "term", "cbs_code", "postcodes", "phone", "checked", "opens", "value", "x"]
register_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.dates().map(str),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(REGISTER_FIELDS) | st.text(max_size=6), children, max_size=6)
    ),
    max_leaves=16,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["organisations", "helppoints", "municipalities", "glossary", "facts"]),
    data=st.lists(register_values, max_size=4),
)
def test_random_register_data_loads_or_reports_clean_problems(name, data, tmp_path_factory) -> None:
    import yaml

    root = tmp_path_factory.mktemp("fuzz") / "lifeevents"
    shutil.copytree(FIXTURES / "site" / "lifeevents", root)
    (root / "registers" / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    _, problems = load_checked(root)
    for problem in problems:
        assert problem.file.startswith("lifeevents/") and problem.message


option_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["plain_language", "rules", "passive", "sentence_error_above", "enabled"])
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    options=st.dictionaries(
        st.sampled_from(sorted(PluginOptions.model_fields)) | st.text(max_size=8), option_values
    )
)
def test_random_plugin_options_are_accepted_or_named_with_their_line(options, tmp_path_factory) -> None:
    import yaml

    folder = tmp_path_factory.mktemp("options")
    config = {"site_name": "Test", "plugins": [{"wegwijzer": options}]}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    _, problems = check_site_config(folder / "mkdocs.yml")
    for problem in problems:
        assert problem.file == "mkdocs.yml" and problem.line >= 1 and problem.message
        assert problem.where.startswith("plugins[0].wegwijzer") or not problem.where  # or the whole line
    if not problems:
        language_settings(options)  # valid options always make settings


def test_the_plugin_options_and_their_check_agree() -> None:
    from wegwijzer.plugin import WegwijzerConfig

    mkdocs_options = {name: option.default for name, option in WegwijzerConfig._schema}
    checked = {
        name: field.get_default(call_default_factory=True)
        for name, field in PluginOptions.model_fields.items()
    }
    assert set(mkdocs_options) == set(checked)
    for name, default in mkdocs_options.items():
        if name != "plain_language":
            assert checked[name] == default, name
