"""The accessibility gate in real Chromium: a bad page fails every check, a good page passes them all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, build
from wegwijzer.accessibility import DISABLED_RULES, check_site
from wegwijzer.cli import run_build

A11Y = FIXTURES / "a11y"


@pytest.fixture(scope="module")
def bad_findings(tmp_path_factory) -> list:
    site = tmp_path_factory.mktemp("bad")
    shutil.copy(A11Y / "bad" / "index.html", site / "index.html")
    return check_site(site)


def rules(findings) -> set[str]:
    return {f.rule.split(" (")[0] for f in findings}


def test_good_page_passes_every_check(tmp_path: Path) -> None:
    shutil.copy(A11Y / "good" / "index.html", tmp_path / "index.html")
    assert [str(f) for f in check_site(tmp_path)] == []


@pytest.mark.parametrize(
    "rule",
    [
        "lang",
        "one-h1",
        "heading-order",
        "skip-link",
        "link-text",
        "tel-format",
        "tab-order",
        "target-size",
        "focus-visible",
        "reflow",
        "cookies",
        "other-host",
        "no-javascript",
        "axe/label",
        "axe/color-contrast",
    ],
)
def test_bad_page_fails_each_check(bad_findings, rule: str) -> None:
    assert rule in rules(bad_findings)


def test_findings_name_page_rule_element_and_fix(bad_findings) -> None:
    messages = [str(f) for f in bad_findings]
    assert (
        '/: tel-format: "tel:0302649090" is not in international format — element: <a href="tel:0302649090">030 264 90 90</a> — fix: write the number as tel:+31...'
        in messages
    )
    assert (
        '/: link-text: the link text "klik hier" does not say where it goes — element: <a href="/uitleg/">Klik hier</a> — fix: write what the link leads to'
        in messages
    )
    assert (
        "/: other-host: the page requests https://tracker.example.com/pixel — fix: serve it from the site itself; no outside hosts"
        in messages
    )
    label = next(m for m in messages if m.startswith("/: axe/label (phone)"))
    assert "element: input" in label and "fix:" in label


def test_no_axe_rule_is_switched_off() -> None:
    assert DISABLED_RULES == {}


def test_results_are_cached_by_content(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(A11Y / "bad" / "index.html", site / "index.html")
    cache = tmp_path / "cache"
    first = check_site(site, cache_dir=cache)
    (cache / "accessibility.json").write_text(
        (cache / "accessibility.json").read_text().replace("one-h1", "from-cache")
    )
    assert "from-cache" in rules(check_site(site, cache_dir=cache))  # unchanged page: not checked again
    shutil.copy(A11Y / "good" / "index.html", site / "index.html")
    assert check_site(site, cache_dir=cache) == [] and first


def test_example_site_has_no_violations_at_both_widths(example_site: Path, tmp_path: Path) -> None:
    assert [str(f) for f in check_site(example_site, cache_dir=tmp_path)] == []


def test_a_missing_label_in_a_page_fails_the_build(site_src: Path, capsys) -> None:
    code, site = build(site_src)
    assert code == 0
    (site_src / "content" / "kapot.md").write_text(
        '# Kapot\n\nVul in:\n\n<input type="text" name="naam">\n', "utf-8"
    )
    code = run_build(site_src / "mkdocs.yml", site, pdf=False, browser=True)
    assert code == 1
    err = capsys.readouterr().err
    assert (
        "ERROR    accessibility: kapot/: axe/label (phone): Form elements must have labels — element: input"
        in err
    )
    assert not (site / "kapot").exists()
