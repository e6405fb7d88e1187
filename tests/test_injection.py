"""Script that slips past the content checks still cannot run: every page escapes what it shows
and sends a strict Content-Security-Policy. Checked in Chromium, listening for dialogs and for
anything the policy refused.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, build
from wegwijzer.checks import pages
from wegwijzer.load import loader
from wegwijzer.publish.browser import serve

INJECTIONS = {
    "lifeevents/verhuizen.yaml": [
        ("title: Ik verhuis", "title: Ik verhuis <svg/onload=alert('title')// <!--"),
        ("text: Krijgt u huurtoeslag?", "text: Krijgt u huurtoeslag? <img src=x onerror=alert('question')>"),
    ],
    "lifeevents/registers/municipalities.yaml": [
        ("name: Enschede", "name: Enschede <img src=x onerror=alert('municipality')>"),
    ],
    "lifeevents/registers/glossary.yaml": [
        ("explanation: Geld dat", "explanation: <script>alert('glossary')</script> Geld dat"),
    ],
    "content/over.md": [
        ("# Over deze site", "# Over deze site <img src=x onerror=alert('heading')>"),
        ("Dit is een kleine site", "<script>alert('markdown')</script>\n\nDit is een kleine site"),
    ],
    "mkdocs.yml": [("site_name: Testsite", "site_name: Testsite <img src=x onerror=alert('site')>")],
}

LISTEN = """
window.__refused = [];
document.addEventListener("securitypolicyviolation", e => window.__refused.push(e.effectiveDirective));
"""


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with HTML code in every kind of text, built with the source checks off."""
    src = tmp_path_factory.mktemp("injected") / "src"
    shutil.copytree(FIXTURES / "site", src)
    for name, edits in INJECTIONS.items():
        path = src / name
        text = path.read_text("utf-8")
        for old, new in edits:
            assert old in text, (name, old)
            text = text.replace(old, new, 1)
        path.write_text(text, "utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "html_code", lambda _: None)
        patch.setattr(pages, "_html_code", lambda *_: [])
        code, site = build(src)
    assert code == 0
    return site


def test_the_checks_refuse_every_injection_at_the_source(tmp_path: Path) -> None:
    from wegwijzer.checks import check_site

    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "site", src)
    for name, edits in INJECTIONS.items():
        if name == "mkdocs.yml":
            continue
        path = src / name
        text = path.read_text("utf-8")
        for old, new in edits:
            text = text.replace(old, new, 1)
        path.write_text(text, "utf-8")
    errors = [p for p in check_site(src / "mkdocs.yml").problems if p.is_error]
    assert {p.file for p in errors} == {name for name in INJECTIONS if name != "mkdocs.yml"}
    assert all("contains HTML code" in p.message for p in errors)


def test_no_page_runs_injected_script(injected_site: Path, browser) -> None:
    pages_checked = 0
    with serve(injected_site) as base:
        context = browser.new_context()
        context.add_init_script(script=LISTEN)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for html in sorted(injected_site.rglob("*.html")):
            relative = html.relative_to(injected_site).as_posix()
            page.goto(base + relative, wait_until="load")
            page.wait_for_timeout(50)
            assert dialogs == [], relative
            assert page.evaluate("window.__refused") == [], relative
            pages_checked += 1
        context.close()
    assert pages_checked >= 10


def test_injected_text_is_shown_as_text(injected_site: Path) -> None:
    guide = (injected_site / "gids" / "verhuizen" / "index.html").read_text("utf-8")
    assert "<svg/onload" not in guide and "<!--" not in re.sub(r"<!--.*?-->", "", guide, flags=re.S)
    assert "Ik verhuis &lt;svg/onload=alert(&#39;title&#39;)// &lt;!--" in guide
    assert guide.count('class="ww-step"') >= 3 or "Pas uw huurtoeslag aan" in guide  # nothing hidden
    about = (injected_site / "over" / "index.html").read_text("utf-8")
    assert "<script>alert" not in about and "&lt;script&gt;alert('markdown')&lt;/script&gt;" in about
    place = (injected_site / "loket" / "enschede" / "index.html").read_text("utf-8")
    assert "<img src=x" not in place
    for html in injected_site.rglob("*.html"):
        text = html.read_text("utf-8")
        assert '<meta http-equiv="Content-Security-Policy"' in text, html
        assert "<img src=x" not in text and "<script>alert" not in text, html
