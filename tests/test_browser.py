"""The example site in real Chromium at phone size."""

from __future__ import annotations

from pathlib import Path

from wegwijzer.publish.browser import serve


def test_guide_on_a_phone(example_site: Path, browser) -> None:
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(base + "gids/overlijden/")
        assert page.locator("h1").inner_text() == "Iemand is overleden"
        phases = page.locator(".ww-phase h2").all_inner_texts()
        assert phases[0] == "Eerst" and len(phases) >= 2
        assert page.locator("li.ww-step").count() >= 6
        tel = page.locator('a[href^="tel:"]')
        assert tel.count() >= 3
        assert all(
            h.startswith("tel:+31") or h.startswith("tel:14")
            for h in tel.evaluate_all("els => els.map(e => e.getAttribute('href'))")
        )
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"
        body_size = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)"
        )
        assert body_size >= 18
        page.close()


def test_home_lists_every_guide(example_site: Path, browser) -> None:
    with serve(example_site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(base)
        tiles = page.locator("a.ww-event")
        guides = sorted(p.parent.name for p in (example_site / "gids").glob("*/index.html"))
        assert tiles.count() == len(guides) + 1
        box = tiles.first.bounding_box()
        assert box and box["height"] >= 48 and box["width"] >= 300
        tiles.last.click()
        assert page.url.endswith("/loket/")
        page.close()
