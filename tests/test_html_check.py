"""The HTML gate: the W3C Nu HTML Checker (vnu.jar, installed by scripts/bootstrap) over every built page."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from wegwijzer.cli import main
from wegwijzer.problems import Severity
from wegwijzer.publish.build import GateFailed, html_gate, run_build
from wegwijzer.publish.html_check import NAMED_PAGES, check_html, to_problems

VNU = FIXTURES / "vnu"
THEME = ROOT / "src" / "wegwijzer" / "theme"


def sample(site: Path) -> list[dict]:
    """A report the real checker wrote for the two pages in tests/fixtures/vnu/site/."""
    text = (VNU / "report.json").read_text("utf-8").replace("file:SITE/", f"file:{site.as_posix()}/")
    return json.loads(text)["messages"]


def test_the_report_names_page_line_and_fix() -> None:
    site = VNU / "site"
    problems, errors, failed = to_problems(sample(site), site)
    assert (errors, failed) == (4, 2)
    shown = {(p.file, p.line, p.severity): p for p in problems}
    assert len(shown) == 5, "the theme error on both pages is told once"
    duplicate = shown[("gids/verhuizen/index.html", 9, Severity.error)]
    assert str(duplicate) == (
        'gids/verhuizen/index.html:9: html: Duplicate ID \'stappen\'. ("<h2 id="stappen">")'
        " — give each element on the page its own id;"
        " it is in the page's text (its Markdown, or the Wegwijzer template that makes it)"
    )
    stray = shown[("gids/verhuizen/index.html", 10, Severity.error)]
    assert stray.message == "Stray end tag 'span'."
    assert stray.fix.startswith(
        "remove this end tag, or add the start tag it closes; it is in the page's text"
    )
    theme = shown[("gids/verhuizen/index.html", 5, Severity.error)]
    assert theme.message.startswith("Attribute 'autocomplete' is only allowed when the input type is")
    assert theme.message.endswith("(also on over/index.html)")
    assert theme.quote == '<input type="checkbox" id="__drawer" autocomplete="off">'
    assert theme.fix == (
        "remove the attribute, or use one HTML allows here;"
        " it is in the theme (the site's theme/ folder or Wegwijzer's src/wegwijzer/theme/)"
    )
    notes = {p.message: p.fix.split(";")[0] for p in problems if not p.is_error}
    assert notes == {
        "Trailing slash on void elements has no effect and interacts badly with unquoted attribute values.": (
            "leave out the / before the >"
        ),
        "The first occurrence of ID 'stappen' was here.": (
            "this element and the one named in the error share an id: change one"
        ),
    }


def test_an_error_on_many_pages_is_told_once_with_a_count(tmp_path: Path) -> None:
    pages = [f"loket/{n}/index.html" for n in range(NAMED_PAGES + 3)]
    message = {"type": "error", "lastLine": 12, "message": "Stray end tag 'div'.", "extract": "</div>"}
    messages = [{**message, "url": f"file:{tmp_path.as_posix()}/{page}"} for page in pages]
    problems, errors, failed = to_problems(messages, tmp_path)
    assert (errors, failed) == (len(pages), len(pages))
    assert [str(p) for p in problems] == [
        f"loket/0/index.html:12: html: Stray end tag 'div'. (also on {len(pages) - 1} other pages)"
        ' ("</div>") — remove this end tag, or add the start tag it closes'
    ]


def test_a_message_about_no_page_fails_too(tmp_path: Path) -> None:
    messages = [{"type": "non-document-error", "subType": "internal", "message": "Out of memory."}]
    problems, errors, _ = to_problems(messages, tmp_path)
    assert errors == 1
    assert [str(p) for p in problems] == [
        "vnu.jar: html: Out of memory. — the checker failed: build again, and if it fails again,"
        " run scripts/bootstrap (it installs Debian's Java, and vnu-jar from npm into .tools/)"
    ]


def test_the_theme_overrides_are_materials_own_with_the_changes_they_name() -> None:
    """No block holds what base.html changes, so it is a copy: when Material changes, copy it again."""
    material = Path(__import__("material").__file__).parent / "templates"

    def ours(name: str) -> str:
        return re.sub(r"\A\{#-.*?-#\}\n", "", (THEME / name).read_text("utf-8"), count=1, flags=re.S)

    def theirs(name: str) -> str:
        return re.sub(r"\A\{#-.*?-#\}\n", "", (material / name).read_text("utf-8"), count=1, flags=re.S)

    hint = (
        "Material changed {}: copy it into src/wegwijzer/theme/ again and make the change its comment names"
    )
    base = theirs("base.html")
    assert base.count(' autocomplete="off">\n') == 2, hint.format("base.html")
    html = """<html lang="{{ lang.t('language') }}" class="no-js">"""
    with_dir = """<html lang="{{ lang.t('language') }}" dir="{{ lang.t('direction') }}" class="no-js">"""
    assert base.count(html) == 1, hint.format("base.html")
    changed = base.replace(' autocomplete="off">\n', ">\n").replace(html, with_dir)
    assert ours("base.html") == changed, hint.format("base.html")
    toc = theirs("partials/toc.html")
    label = '<label class="md-nav__title" for="__toc">'
    assert toc.count(label) == 1 and toc.count("</label>") == 1, hint.format("partials/toc.html")
    expected = toc.replace(label, '<div class="md-nav__title">').replace("</label>", "</div>")
    assert ours("partials/toc.html") == expected, hint.format("partials/toc.html")


@pytest.fixture(scope="module")
def valid_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built with the HTML gate on (so the real checker passed it)."""
    src = tmp_path_factory.mktemp("html") / "src"
    shutil.copytree(FIXTURES / "site", src)
    assert run_build(src / "mkdocs.yml", src / "site", pdf=False, html=True) == 0
    return src / "site"


def test_every_page_of_the_fixture_site_is_valid_html(valid_site: Path) -> None:
    result = check_html(valid_site)
    assert result.pages == len(list(valid_site.rglob("*.html"))) > 5
    assert [str(p) for p in result.problems] == []
    assert result.errors == 0


def test_pages_that_passed_with_the_same_bytes_are_not_checked_again(
    valid_site: Path, tmp_path: Path
) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(valid_site, site)
    first = check_html(site, cache)
    assert first.checked == first.pages and first.errors == 0
    assert check_html(site, cache).checked == 0
    page = site / "index.html"
    page.write_text(page.read_text("utf-8").replace("</main>", "<p>Nieuw</p></main>"), "utf-8")
    assert check_html(site, cache).checked == 1
    page.write_text(page.read_text("utf-8").replace("<p>Nieuw</p>", "<p>Fout</div>"), "utf-8")
    broken = check_html(site, cache)
    assert (broken.checked, broken.failed_pages) == (1, 1)
    again = check_html(site, cache)  # a page with an error is checked again, and fails again
    assert (again.checked, again.failed_pages) == (1, 1)


def test_wegwijzer_check_html_checks_a_built_site(valid_site: Path, tmp_path: Path, capsys) -> None:
    src = valid_site.parent
    command = ["check", "--lifeevents", str(src / "lifeevents"), "-f", str(src / "mkdocs.yml"), "--html"]
    assert main([*command, "-d", str(valid_site)]) == 0
    assert "HTML: valid (W3C HTML checker)" in capsys.readouterr().out
    assert main([*command, "-d", str(tmp_path / "nothing")]) == 1
    assert "there is no site in" in capsys.readouterr().err


def test_a_broken_page_fails_the_gate_naming_page_and_line(valid_site: Path, tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(valid_site, site)
    page = site / "gids" / "verhuizen" / "index.html"
    lines = page.read_text("utf-8").splitlines()
    heading = next(n for n, line in enumerate(lines) if re.search(r'<h2 id="[^"]+"', line))
    first_id = re.search(r'<h2 id="([^"]+)"', lines[heading]).group(1)
    lines.insert(heading + 1, f'<p id="{first_id}">Nog een keer.</p></span>')
    page.write_text("\n".join(lines) + "\n", "utf-8")

    with pytest.raises(
        GateFailed, match=r"^2 HTML error\(s\) on 1 page\(s\); \d+ pages \(\d+ checked, 0 unchanged\) in"
    ):
        html_gate(site)
    err = capsys.readouterr().err
    line = heading + 2
    assert f"ERROR: gids/verhuizen/index.html:{line}: html: Duplicate ID '{first_id}'." in err
    assert "— give each element on the page its own id; it is in the page's text" in err
    assert f"ERROR: gids/verhuizen/index.html:{line}: html: Stray end tag 'span'." in err
    assert err.count("ERROR:") == 2


def test_invalid_html_in_the_site_theme_fails_the_build_and_keeps_the_site(tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "site", src)
    site = src / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", "utf-8")
    # HTML in content is refused at the source; a site's own theme override can still break a page.
    (src / "theme" / "partials").mkdir(parents=True)
    (src / "theme" / "partials" / "copyright.html").write_text(
        '<div id="dubbel">Hulp</div><div id="dubbel">Meer</div>\n'
    )
    config = src / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  font: false", "  font: false\n  custom_dir: theme")
    )
    assert run_build(config, site, pdf=False, html=True) == 1
    err = capsys.readouterr().err
    assert re.search(
        r"ERROR: [a-z0-9/]*\.html:\d+: html: Duplicate ID 'dubbel'\. \(also on \d+ other pages\)", err
    )
    assert re.search(r"Build failed: (\d+) HTML error\(s\) on \1 page\(s\)", err)
    assert (site / "index.html").read_text("utf-8") == "the previous site"


def test_a_missing_checker_says_what_to_run(tmp_path: Path, monkeypatch, capsys) -> None:
    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "site", src)
    monkeypatch.setenv("WEGWIJZER_VNU_JAR", str(tmp_path / "nowhere" / "vnu.jar"))
    assert run_build(src / "mkdocs.yml", src / "site", pdf=False, html=True) == 1
    err = capsys.readouterr().err
    assert f"Build failed: the W3C HTML checker is not at {tmp_path / 'nowhere' / 'vnu.jar'}" in err
    assert "run scripts/bootstrap" in err
    assert "Traceback" not in err
    assert not (src / "site").exists()


def test_missing_java_says_what_to_run(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "index.html").write_text("<!doctype html>", "utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(GateFailed, match=r"needs Java, which is not installed — run scripts/bootstrap"):
        html_gate(tmp_path)


def test_the_example_site_is_valid_html(example_site: Path) -> None:
    result = check_html(example_site)
    assert result.pages > 300
    assert [str(p) for p in result.problems if p.is_error] == []
