"""End-to-end builds of the small fixture site: pages, golden HTML, escaping, safe failure."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from conftest import FIXTURES, build
from wegwijzer.checks import load_content
from wegwijzer.render.renderer import Renderer
from wegwijzer.render.site import site_pages

GOLDEN = Path(__file__).parent / "golden"


def article(html_file: Path) -> str:
    """The page's main content, whitespace-normalised, for golden comparison."""
    html = html_file.read_text("utf-8")
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    assert match, f"no <article> in {html_file}"
    return re.sub(r">\s+<", ">\n<", re.sub(r"\s+", " ", match.group(1))).strip() + "\n"


def tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_build_writes_every_page(site_src: Path) -> None:
    code, site = build(site_src)
    assert code == 0
    for page in (
        "index.html",
        "gids/verhuizen/index.html",
        "woordenlijst/index.html",
        "loket/index.html",
        "over/index.html",
    ):
        assert (site / page).is_file(), page
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "https://test.example.nl/gids/verhuizen/" in sitemap
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    assert {"Ik verhuis", "Woordenlijst", "Hulp bij u in de buurt"} <= titles
    assert not list(site.parent.glob(".site-staging")), "staging folder left behind"


def test_guide_matches_golden_html(site_src: Path) -> None:
    code, site = build(site_src)
    assert code == 0
    actual = article(site / "gids" / "verhuizen" / "index.html")
    golden = GOLDEN / "verhuizen.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, "utf-8")
    assert actual == golden.read_text("utf-8"), "guide HTML changed: review, then run scripts/update-golden"


def test_guide_content(site_src: Path) -> None:
    _, site = build(site_src)
    html = (site / "gids" / "verhuizen" / "index.html").read_text("utf-8")
    assert html.index(">Eerst</h2>") < html.index(">Binnenkort</h2>") < html.index(">Later</h2>")
    assert '<a href="tel:+318000543">0800 0543</a>' in html
    assert "Bel 14 en dan het netnummer van uw gemeente." in html
    assert "Alleen als: Krijgt u huurtoeslag? ja" in html
    assert "U heeft DigiD nodig." in html
    # A glossary term is linked and explained at its first use only.
    assert html.count('class="ww-term"') == 2
    assert html.count("<dt>BRP</dt>") == 1
    assert '<html lang="nl"' in html
    assert "fonts.googleapis" not in html


def test_html_in_yaml_is_refused_and_templates_escape_anyway(site_src: Path) -> None:
    event = site_src / "lifeevents" / "verhuizen.yaml"
    event.write_text(
        event.read_text("utf-8").replace(
            "why: Post van de overheid komt nu op uw nieuwe adres.", 'why: "<b>vet</b>"'
        ),
        "utf-8",
    )
    code, _ = build(site_src)
    assert code == 1
    # Defence in depth: even text that skipped validation is escaped on the page.
    content = load_content(FIXTURES / "site" / "lifeevents")
    verhuizen = content.events["verhuizen"]
    step = verhuizen.steps[0].model_copy(update={"why": "<script>alert(1)</script> & meer"})
    content.events["verhuizen"] = verhuizen.model_copy(update={"steps": [step, *verhuizen.steps[1:]]})
    content.origins[id(step)] = content.origin(verhuizen.steps[0])
    spec = next(s for s in site_pages(content) if s.event_id == "verhuizen" and s.template == "guide.html")
    html = Renderer(content).render(spec, lambda uri: uri).html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer" in html
    assert "<script>alert" not in html


def test_failed_build_leaves_site_untouched(site_src: Path, capsys) -> None:
    code, site = build(site_src)
    assert code == 0
    before = tree_digest(site)
    event = site_src / "lifeevents" / "verhuizen.yaml"
    event.write_text(
        event.read_text("utf-8").replace("organisation: toeslagen", "organisation: toeslag"), "utf-8"
    )
    code, _ = build(site_src)
    assert code == 1
    assert tree_digest(site) == before
    err = capsys.readouterr().err
    assert "lifeevents/verhuizen.yaml:29: steps[1].organisation: unknown organisation 'toeslag'" in err
    assert "The previous site" in err and "was not changed" in err


def test_hand_written_page_may_not_replace_generated_one(site_src: Path, capsys) -> None:
    (site_src / "content" / "woordenlijst.md").write_text("# Mijn lijst\n", "utf-8")
    code, _ = build(site_src)
    assert code == 1
    assert "woordenlijst.md: this page is made by Wegwijzer" in capsys.readouterr().err


def test_a_missing_chromium_is_one_clear_message_and_keeps_the_site(
    site_src: Path, monkeypatch, capsys
) -> None:
    code, site = build(site_src)
    assert code == 0
    before = tree_digest(site)
    monkeypatch.setattr("wegwijzer.publish.browser.CHROMIUM_CANDIDATES", ("/nowhere/chromium",))
    monkeypatch.setattr("wegwijzer.publish.browser.shutil.which", lambda _name: None)
    code, _ = build(site_src, pdf=True)
    err = capsys.readouterr().err
    assert code == 1
    assert "Build failed: Chromium is not installed — run scripts/bootstrap" in err
    assert err.count("was not changed") == 1
    assert "Traceback" not in err
    assert tree_digest(site) == before
    assert not list(site_src.glob(".site-staging")), "staging folder left behind"


def test_a_crash_in_a_gate_keeps_the_site_and_removes_the_staging(
    site_src: Path, monkeypatch, capsys
) -> None:
    code, site = build(site_src)
    assert code == 0
    before = tree_digest(site)

    def broken(*_args, **_kwargs):
        raise OSError("disk on fire")

    monkeypatch.setattr("wegwijzer.publish.build.check_budgets", broken)
    code, _ = build(site_src)
    err = capsys.readouterr().err
    assert code == 1
    assert "Build failed: an unexpected error in the build (OSError: disk on fire)" in err
    assert f"The previous site in {site.resolve()} was not changed." in err
    assert tree_digest(site) == before
    assert not list(site_src.glob(".site-staging"))


def test_a_gate_problem_is_reported_like_a_content_problem(site_src: Path, capsys) -> None:
    (site_src / "mkdocs.yml").write_text(
        (site_src / "mkdocs.yml")
        .read_text("utf-8")
        .replace("first_view_budget_kb: 150", "first_view_budget_kb: 1"),
        "utf-8",
    )
    code, _ = build(site_src)
    err = capsys.readouterr().err
    assert code == 1
    assert re.search(
        r"ERROR: gids/verhuizen/index\.html: budget: the first view weighs [\d.]+ KB gzipped", err
    )
    assert "— make the page lighter" in err
    assert "Build failed: " in err and "budget problem(s)" in err
