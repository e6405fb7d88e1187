"""The accessibility gate in real Chromium.

Every check has a passing and a failing fixture page in tests/fixtures/a11y/ (``<check>-good.html``
and ``<check>-bad.html``). All of them are checked in one run; a good page must have no finding at
all, a bad page exactly the finding of its check (plus axe-core's own version of it, if axe has one).
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, build
from wegwijzer.publish.accessibility import DISABLED_RULES, Finding, run
from wegwijzer.publish.accessibility.cache import page_key
from wegwijzer.publish.accessibility.rules import TEL_PATTERNS
from wegwijzer.publish.accessibility.runner import Progress
from wegwijzer.publish.accessibility.structure import structure_hash
from wegwijzer.publish.build import run_build
from wegwijzer.render.urls import step_data_dir

A11Y = FIXTURES / "a11y"
CHECKS = sorted({p.name.rsplit("-", 1)[0] for p in A11Y.glob("*-good.html")})

ALSO_FOUND = {
    "heading-order": {"axe/heading-order"},
    "target-size": {"axe/target-size"},
    "tab-order": {"axe/tabindex"},
    "reflow": set(),
    "zoom-200": set(),
}
"""Besides the page's own check, what else may fail on its bad page (axe-core's version of the same rule)."""


def own_rule(check: str) -> str:
    return check.replace("axe-", "axe/")


@pytest.fixture(scope="module")
def fixture_findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Finding]]:
    """Every fixture page checked once (in parallel, no cache), findings by page."""
    site = tmp_path_factory.mktemp("a11y") / "site"
    shutil.copytree(A11Y, site)
    by_page: dict[str, list[Finding]] = {p.name: [] for p in A11Y.glob("*.html")}
    for finding in run(site).findings:
        by_page[finding.page].append(finding)
    return by_page


def test_every_check_has_a_good_and_a_bad_fixture() -> None:
    assert len(CHECKS) >= 20
    for check in CHECKS:
        assert (A11Y / f"{check}-bad.html").is_file(), check


@pytest.mark.parametrize("check", CHECKS)
def test_good_fixture_passes(fixture_findings: dict[str, list[Finding]], check: str) -> None:
    assert [str(f) for f in fixture_findings[f"{check}-good.html"]] == []


@pytest.mark.parametrize("check", CHECKS)
def test_bad_fixture_fails_its_check_only(fixture_findings: dict[str, list[Finding]], check: str) -> None:
    rules = {f.rule for f in fixture_findings[f"{check}-bad.html"]}
    assert own_rule(check) in rules
    assert rules - {own_rule(check)} <= ALSO_FOUND.get(check, set())


def test_axe_violation_names_page_rule_element_and_fix(fixture_findings: dict[str, list[Finding]]) -> None:
    (finding,) = fixture_findings["axe-label-bad.html"]
    assert finding.page == "axe-label-bad.html"
    assert finding.rule == "axe/label"
    assert finding.element == 'input <input type="text" name="naam">'
    assert str(finding).startswith(
        "axe-label-bad.html: axe/label: Form elements must have labels (at 1280×800 and 360×740 px)"
        ' — input <input type="text" name="naam"> — Fix any of the following:'
    )
    assert str(finding).endswith("(axe-core: https://dequeuniversity.com/rules/axe/4.12/label)")


def test_low_contrast_names_the_colours(fixture_findings: dict[str, list[Finding]]) -> None:
    (finding,) = fixture_findings["axe-color-contrast-bad.html"]
    assert finding.element == 'p <p style="color: #aaaaaa">Deze lichtgrijze tekst is moeilijk te lezen.</p>'
    assert (
        "insufficient color contrast of 2.32 (foreground color: #aaaaaa, background color: #ffffff"
        in finding.fix
    )


def test_own_findings_name_selector_html_and_fix(fixture_findings: dict[str, list[Finding]]) -> None:
    messages = {
        str(f) for f in fixture_findings["tel-format-bad.html"] + fixture_findings["link-text-bad.html"]
    }
    assert messages == {
        'tel-format-bad.html: tel-format: the phone link "tel:0302649090" is not in international format'
        ' — #inhoud > p > a <a href="tel:0302649090">030 264 90 90</a>'
        " — write it as tel:+31 and the number without the first 0, e.g. tel:+31302649090",
        'link-text-bad.html: link-text: the link text "klik hier" does not say where the link goes'
        ' — #inhoud > p > a <a href="uitleg.html">Klik hier</a>'
        ' — write where the link goes, e.g. "Lees hoe u de AOW aanvraagt"',
    }


def test_keyboard_findings_say_at_which_size(fixture_findings: dict[str, list[Finding]]) -> None:
    (finding,) = fixture_findings["focus-visible-bad.html"]
    assert finding.message == "the focus is not visible on this element (at 1280×800 and 360×740 px)"
    assert (
        finding.element
        == '#inhoud > p:nth-of-type(2) > button <button type="button">Print deze lijst</button>'
    )


def test_finding_text() -> None:
    finding = Finding("gids/verhuizen/", "tel-format", "a.phone <a>", "not international", "write tel:+31")
    assert str(finding) == "gids/verhuizen/: tel-format: not international — a.phone <a> — write tel:+31"
    assert (
        str(Finding("/", "cookies", "", "the page sets cookies: x", ""))
        == "/: cookies: the page sets cookies: x"
    )


@pytest.mark.parametrize(
    ("href", "ok"),
    [
        ("tel:+31302649090", True),
        ("tel:+3214123456", True),
        ("tel:14020", True),  # Amsterdam: 14 + 020 without the 0
        ("tel:140575", True),  # Zutphen: 14 + 0575 without the 0
        ("tel:0302649090", False),
        ("tel:+31 30 264 90 90", False),
        ("tel:0031302649090", False),
        ("tel:1400", False),  # a national number, not 14 + an area code
        ("tel:+3114020", False),  # 14-numbers have no international form
    ],
)
def test_phone_link_patterns(href: str, ok: bool) -> None:
    assert any(re.match(pattern, href) for pattern in TEL_PATTERNS) is ok


def test_no_axe_rule_is_switched_off() -> None:
    assert DISABLED_RULES == {}


def test_unchanged_pages_come_from_the_cache(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    for name in ("fixture.css", "cookies-good.html", "tel-format-bad.html"):
        shutil.copy(A11Y / name, site / name)
    first = run(site, cache_dir=cache)
    assert (first.pages, first.checked) == (2, 2)
    again = run(site, cache_dir=cache)  # a page with a problem is checked again: its findings stay current
    assert again.checked == 1 and again.findings == first.findings
    good = site / "cookies-good.html"
    good.write_text(
        good.read_text().replace("Begin met de eerste stap", "Begin met stap een")
    )  # other words, same structure
    assert run(site, cache_dir=cache).checked == 1
    good.write_text(good.read_text().replace("</main>", "<p>Nog een zin.</p></main>"))
    assert run(site, cache_dir=cache).checked == 2


def test_the_cache_key_covers_the_css_and_scripts_a_page_loads(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(A11Y, site)
    before = {p.name: page_key(site, p.name) for p in site.glob("*.html")}
    with (site / "fixture.css").open("a") as css:
        css.write("p { color: #aaaaaa; }\n")
    assert all(page_key(site, name) != key for name, key in before.items())
    html = site / "cookies-bad.html"
    html.write_text(html.read_text().replace("</body>", '<script src="/js/extra.js"></script></body>'))
    (site / "js").mkdir()
    (site / "js" / "extra.js").write_text("")
    key = page_key(site, "cookies-bad.html")
    (site / "js" / "extra.js").write_text("// changed")
    assert page_key(site, "cookies-bad.html") != key


def test_pages_of_one_structure_are_checked_once_and_a_mistake_in_one_still_shows(
    example_site: Path, tmp_path: Path
) -> None:
    """Municipality pages share a structure and are checked once; a page that data made different
    (a pale class, an empty link, a very long word) is checked on its own, and its mistake found.
    (The long word wraps: the theme breaks words that do not fit, so it is no mistake here.)"""
    site = tmp_path / "site"
    shutil.copytree(example_site, site, ignore=shutil.ignore_patterns("*.pdf"))
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    families: dict[str, list[str]] = {}
    for page in pages:
        families.setdefault(page_key(site, page), []).append(page)
    family = max(families.values(), key=len)
    assert len(family) > 100 and all(page.startswith("loket/") for page in family)
    for page in set(pages) - set(family):
        (site / page).unlink()
    shutil.rmtree(site / step_data_dir())
    with (site / "assets" / "stylesheets" / "theme.css").open("a") as css:
        css.write("\n.ww-test-pale { color: #bbbbbb !important; }\n")
    pale, empty, long_word = (site / page for page in sorted(family)[:3])
    pale.write_text(pale.read_text().replace("<h1>", '<h1 class="ww-test-pale">', 1))
    html = empty.read_text()
    empty.write_text(re.sub(r'(<a href="https://www\.[^"]+">)[^<]+(</a>)', r"\1\2", html, count=1))
    html = long_word.read_text()
    long_word.write_text(
        html.replace("</h1>", "</h1><p>" + "Gemeentebelastingkwijtscheldingsaanvraag" * 2 + "</p>", 1)
    )

    result = run(site)
    found = {(f.page, f.rule) for f in result.findings}
    name = lambda path: path.relative_to(site).as_posix().removesuffix("index.html")  # noqa: E731
    assert (name(pale), "axe/color-contrast") in found
    assert (name(empty), "axe/link-name") in found
    assert {page for page, _ in found} == {name(pale), name(empty)}
    assert (result.checked, result.shared) == (4, len(family) - 4)


def _page(body: str) -> bytes:
    return f'<!doctype html><html lang="nl"><head><title>T</title></head><body>{body}</body></html>'.encode()


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("<p>Bel de gemeente Zwolle.</p>", "<p>Bel de gemeente Almelo.</p>", True),
        ('<a href="../zwolle/">Loketten in Zwolle</a>', '<a href="../almelo/">Loketten in Almelo</a>', True),
        (
            '<a href="tel:+31384982911">038 498 29 11</a>',
            '<a href="tel:+31546541111">0546 54 11 11</a>',
            True,
        ),
        ('<a href="tel:+31384982911">038 498 29 11</a>', '<a href="tel:0384982911">038 498 29 11</a>', False),
        ("<a href='x/'>Lees hoe u het aanvraagt</a>", "<a href='x/'>Lees meer</a>", False),
        ('<a href="x/" aria-label="Meer informatie">Uitleg</a>', '<a href="x/">Uitleg</a>', False),
        ('<a href="x/">De website</a>', '<a href="x/"> </a>', False),
        ('<img src="a.png" alt="Kaart van Zwolle">', '<img src="a.png" alt="">', False),
        ("<p>Bel ons.</p>", '<p class="pale">Bel ons.</p>', False),
        ("<p>Zwolle</p>", "<p>Ede</p>", False),  # a link or label of 3 letters is small
        ("<p>Zwolle</p>", "<p>Gemeentebelastingkwijtschelding</p>", False),  # a long word may stick out
        ('<link rel="stylesheet" href="a.css">', '<link rel="stylesheet" href="b.css">', False),
        ("<script>let a = 1;</script>", "<script>let a = 2;</script>", False),
    ],
)
def test_a_page_structure_keeps_what_the_checks_see(one: str, other: str, same: bool) -> None:
    assert (structure_hash(_page(one)) == structure_hash(_page(other))) is same


def test_progress_on_a_terminal_and_in_a_log() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, log = Terminal(), io.StringIO()
    for stream in (terminal, log):
        progress = Progress(40, True, stream)
        for _ in range(40):
            progress.step()
    assert terminal.getvalue().count("\r") == 40
    assert terminal.getvalue().endswith("\rAccessibility: checked 40/40 pages\n")
    assert log.getvalue().splitlines() == [
        "Accessibility: checked 1/40 pages",
        "Accessibility: checked 10/40 pages",
        "Accessibility: checked 20/40 pages",
        "Accessibility: checked 30/40 pages",
        "Accessibility: checked 40/40 pages",
    ]


def test_example_site_has_no_findings_at_both_widths(example_site: Path) -> None:
    """Every page of the real example site. Results are cached by content in .wegwijzer-cache/,
    like the build does: a page is only taken from the cache when neither it, nor what it loads,
    nor the checks have changed since it passed."""
    result = run(example_site, cache_dir=ROOT / ".wegwijzer-cache")
    assert [str(f) for f in result.findings] == []
    assert result.pages > 20


def test_a_contrast_mistake_in_one_page_fails_the_build_and_keeps_the_old_site(
    site_src: Path, capsys
) -> None:
    code, site = build(site_src)
    assert code == 0
    (site_src / "content" / "kapot.md").write_text("# Kapot\n\nDeze tekst is veel te licht.\n", "utf-8")
    (site_src / "content" / "kapot.css").write_text("#kapot + p { color: #c8c8c8; }\n", "utf-8")
    with (site_src / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("extra_css: [kapot.css]\n")
    code = run_build(site_src / "mkdocs.yml", site, pdf=False, browser=True)
    assert code == 1
    err = capsys.readouterr().err
    assert (
        "ERROR: kapot/: axe/color-contrast: p <p>Deze tekst is veel te licht.</p>: Elements must meet minimum"
        " color contrast ratio thresholds (at 1280×800 and 360×740 px)" in err
    )
    assert "over/: axe/color-contrast" not in err  # the same style sheet, but no such paragraph there
    assert re.search(r"Build failed: \d+ accessibility problem\(s\)", err)
    assert err.count("was not changed") == 1
    assert not (site / "kapot").exists()
