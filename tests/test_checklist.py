"""Checklists and their PDFs: A4, tagged, at most two pages, every step and phone, a QR code."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest

from conftest import pairs_with_dates, script_errors
from wegwijzer.checks import load_content
from wegwijzer.publish.browser import serve
from wegwijzer.publish.pdf import build_pdfs, fix_dates
from wegwijzer.render.personal_list import dutch_date, parse_situation, personal_list

ROOT = Path(__file__).parent.parent


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_example_guide_has_a_tagged_pdf_of_at_most_three_pages(example_site: Path) -> None:
    content = load_content(ROOT / "lifeevents")
    for event in content.events.values():
        pdf = example_site / "pdf" / f"{event.id}.pdf"
        assert pdf.is_file(), f"no PDF for {event.id}"
        data = pdf.read_bytes()
        assert b"/StructTreeRoot" in data, f"{pdf.name} is not tagged"
        assert b"/Lang (nl)" in data
        # Two sheets printed on both sides: guides with a dozen steps and their conditions need three pages.
        assert pdf_pages(pdf) <= 3, f"{pdf.name} has more than 3 pages"
        text = squash(pdf_text(pdf))
        assert squash(f"Checklist: {event.title}") in text
        for step in event.steps:
            assert squash(step.title) in text, f"{pdf.name} misses step '{step.title}'"
            organisation = content.organisations[step.organisation]
            if organisation.phone:
                assert organisation.phone in text, f"{pdf.name} misses {organisation.phone}"


def test_qr_code_decodes_to_the_guide(fixture_site: Path, tmp_path: Path) -> None:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(fixture_site / "pdf" / "verhuizen.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    [png] = tmp_path.glob("page*.png")
    decoded = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout
    assert decoded.strip() == "https://test.example.nl/gids/verhuizen/"


def test_an_unchanged_checklist_keeps_its_pdf_and_a_changed_one_is_printed_again(
    fixture_site: Path, tmp_path: Path
) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(fixture_site, site)
    first = build_pdfs(site, "https://test.example.nl/", progress=False, cache_dir=cache)
    assert first and all(r.printed for r in first)
    printed = {r.event_id: r.path.read_bytes() for r in first}
    again = build_pdfs(site, "https://test.example.nl/", progress=False, cache_dir=cache)
    assert not any(r.printed for r in again)
    assert {r.event_id: r.path.read_bytes() for r in again} == printed
    page = site / "checklist" / "verhuizen" / "index.html"
    page.write_text(page.read_text("utf-8").replace("</h1>", " (nieuw)</h1>", 1), "utf-8")
    changed = build_pdfs(site, "https://test.example.nl/", progress=False, cache_dir=cache)
    assert [r.event_id for r in changed if r.printed] == ["verhuizen"]
    assert "(nieuw)" in pdf_text(site / "pdf" / "verhuizen.pdf")
    with next((site / "assets").rglob("checklist*.css")).open("a") as css:  # a file every checklist loads
        css.write("\n/* changed */\n")
    assert all(
        r.printed for r in build_pdfs(site, "https://test.example.nl/", progress=False, cache_dir=cache)
    )


def test_pdf_dates_are_fixed_so_builds_repeat() -> None:
    raw = b"<< /CreationDate (D:20261122225012+00'00') /ModDate (D:20261122225012+00'00') >>"
    fixed = fix_dates(raw)
    assert len(fixed) == len(raw)
    assert b"2026" not in fixed and fixed.count(b"D:20000101000000") == 2


@pytest.fixture
def checklist(fixture_site: Path, browser):
    with serve(fixture_site) as base:
        context = browser.new_context(viewport={"width": 794, "height": 1123}, base_url=base)
        yield context.new_page()
        context.close()


def test_checklist_prints_black_on_white_without_clutter(checklist, tmp_path: Path) -> None:
    checklist.goto("checklist/verhuizen/")
    checklist.emulate_media(media="print")
    checklist.screenshot(path=tmp_path / "print.png", full_page=True)
    assert (tmp_path / "print.png").stat().st_size > 10_000
    for clutter in (".md-header", ".md-footer", ".md-sidebar--primary", ".md-search"):
        assert checklist.locator(clutter).first.is_hidden(), clutter
    size = checklist.evaluate("parseFloat(getComputedStyle(document.querySelector('.ww-check p')).fontSize)")
    assert size >= 16  # 12 pt
    colour = checklist.evaluate("getComputedStyle(document.querySelector('.ww-check p')).color")
    assert colour == "rgb(0, 0, 0)"
    assert checklist.locator(".ww-check__box").count() == 3
    assert checklist.locator(".ww-checklist__qr svg").count() == 1


def test_checklist_follows_the_answers(checklist) -> None:
    checklist.goto("checklist/verhuizen/?verhuizen.huurtoeslag=nee&verhuizen.datum=2099-12-01")
    checklist.wait_for_selector(".ww-checklist[data-personal]")
    titles = checklist.locator(".ww-check__title").all_inner_texts()
    assert titles == ["Geef uw nieuwe adres door aan de gemeente", "Controleer uw post op het nieuwe adres"]
    assert "zondag 6 december 2099" in checklist.locator("li.ww-check").first.inner_text()
    assert checklist.get_by_role("button", name="Print deze lijst").is_visible()
    # The prebuilt PDF holds every step, so with answers the page points to printing this list instead.
    assert checklist.locator("[data-pdf]").count() == 0
    assert "opslaan als PDF" in checklist.locator(".ww-checklist__pdf").inner_text()


def test_two_events_print_exactly_the_list_with_the_ticks(checklist) -> None:
    query = "verhuizen.huurtoeslag=ja&ook=geldzorgen&geldzorgen.schulden=ja&geldzorgen.datum=2099-11-01"
    checklist.goto(f"gids/verhuizen/?{query}")
    checklist.wait_for_selector("#mijn-lijst:not([hidden])")
    listed = checklist.locator(".ww-mylist__item").evaluate_all("els => els.map(e => e.dataset.step)")
    assert "geldzorgen/schuldhulp" in listed
    checklist.locator('.ww-mylist__item[data-step="geldzorgen/schuldhulp"] input').check()
    checklist.goto(f"checklist/verhuizen/?{query}")
    checklist.wait_for_selector(".ww-checklist[data-personal]")
    assert checklist.locator("li.ww-check").evaluate_all("els => els.map(e => e.dataset.step)") == listed
    done = checklist.locator('li.ww-check[data-step="geldzorgen/schuldhulp"]')
    assert "ww-check--done" in done.get_attribute("class") and "Gedaan" in done.inner_text()
    assert dutch_date(dt.date(2099, 11, 15)) in done.inner_text()
    # The paper names both events, and "In het kort" holds each one's lines under its title.
    assert checklist.locator("h1").inner_text() == "Checklist: Ik verhuis en Ik heb te weinig geld"
    assert checklist.title().startswith("Checklist: Ik verhuis en Ik heb te weinig geld - ")
    short = checklist.locator(".ww-checklist__short")
    assert short.locator("h3").all_inner_texts() == ["Ik verhuis", "Ik heb te weinig geld"]
    assert "Doe dat binnen 5 dagen na de verhuizing." in short.locator("ul").nth(0).inner_text()
    assert "Heeft u schulden, bel dan de gemeente." in short.locator("ul").nth(1).inner_text()
    assert (
        checklist.get_by_role("link", name="Terug naar de uitleg").get_attribute("href").endswith(f"?{query}")
    )


def test_guide_links_to_its_checklist_with_the_answers(fixture_site: Path, browser) -> None:
    with serve(fixture_site) as base:
        page = browser.new_page(base_url=base)
        page.goto("gids/verhuizen/?verhuizen.huurtoeslag=nee")
        link = page.get_by_role("link", name="Print de lijst met stappen")
        # The script adds the answers once the list is drawn (it reads the steps' data first).
        page.wait_for_function(
            "() => [...document.querySelectorAll('.ww-print-links a')]"
            ".some(a => a.search === '?verhuizen.huurtoeslag=nee')"
        )
        assert link.get_attribute("href").endswith("?verhuizen.huurtoeslag=nee")
        assert page.get_by_role("link", name="Download de lijst als PDF").get_attribute("href") == (
            "../../pdf/verhuizen.pdf"
        )
        page.close()


def test_the_checklist_prints_every_pair_of_guides_with_dates(example_site: Path, browser) -> None:
    content = load_content(ROOT / "lifeevents")
    today = dt.date.today()
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 794, "height": 1123}, base_url=base)
        errors = script_errors(page)
        for first, second, query in pairs_with_dates(content):
            page.goto(f"checklist/{first.id}/?{urlencode(query)}")
            page.wait_for_selector(".ww-checklist[data-personal]")
            expected = [
                p.key for p in personal_list([first, second], parse_situation(query, first.id), today)
            ]
            shown = page.locator("li.ww-check").evaluate_all("els => els.map(e => e.dataset.step)")
            assert shown == expected, (first.id, second.id)
        page.close()
    assert errors == []


def decode_qr(locator, path: Path) -> str:
    locator.screenshot(path=str(path))
    return subprocess.run(
        ["zbarimg", "-q", "--raw", str(path)], capture_output=True, text=True
    ).stdout.strip()


def test_the_printed_personal_list_carries_its_answers_in_the_qr_code(
    fixture_site: Path, browser, tmp_path: Path
) -> None:
    answers = "verhuizen.huurtoeslag=ja&verhuizen.datum=2026-10-05"
    with serve(fixture_site) as base:
        # Drawn at four times the pixels, as a printer would: the code is small on screen.
        page = browser.new_page(viewport={"width": 800, "height": 1000}, device_scale_factor=4)
        errors = script_errors(page)
        page.goto(f"{base}checklist/verhuizen/?{answers}")
        page.wait_for_selector(".ww-checklist[data-personal]")
        figure = page.locator(".ww-checklist__qr")
        decoded = decode_qr(figure.locator("svg"), tmp_path / "qr.png")
        caption = figure.locator("figcaption").inner_text()
        page.goto(f"{base}checklist/verhuizen/")  # without answers: the build's code, to the guide
        page.wait_for_timeout(200)
        plain = decode_qr(page.locator(".ww-checklist__qr svg"), tmp_path / "plain.png")
        page.close()
    assert decoded == f"https://test.example.nl/gids/verhuizen/?{answers}"
    assert caption == "Scan de code met uw telefoon. Dan ziet u deze lijst, met uw antwoorden."
    assert plain == "https://test.example.nl/gids/verhuizen/"
    assert errors == []


def test_the_qr_encoder_reads_back_at_every_length_it_takes(
    fixture_site: Path, browser, tmp_path: Path
) -> None:
    """From version 1 to 15 (level M): each text is drawn, photographed and read by zbar."""
    lengths = [1, 14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412]
    with serve(fixture_site) as base:
        page = browser.new_page(viewport={"width": 800, "height": 1000})
        page.goto(f"{base}checklist/verhuizen/")
        for length in lengths:
            text = ("https://test.example.nl/?" + "abcdefghij" * 50)[:length]
            version = page.evaluate(
                """text => {
                    const svg = window.Wegwijzer.qr.svg(text, "test");
                    const box = document.createElement("div");
                    box.id = "qr-test";
                    box.setAttribute("class", "ww-checklist__qr");
                    document.querySelector("#qr-test")?.remove();
                    box.append(svg);
                    document.body.prepend(box);
                    return (Number(svg.getAttribute("viewBox").split(" ")[2]) - 4 - 17) / 4;
                }""",
                text,
            )
            assert decode_qr(page.locator("#qr-test svg"), tmp_path / f"{length}.png") == text, version
        too_long = page.evaluate("() => window.Wegwijzer.qr.svg('x'.repeat(500), 'test')")
        page.close()
    assert version == 15 and too_long is None
