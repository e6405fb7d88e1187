"""A guide about home or relationships starts with the safety line and a way to leave at once."""

from __future__ import annotations

from pathlib import Path

from wegwijzer.publish.browser import serve


def test_the_divorce_guide_offers_help_and_a_quick_exit(example_site: Path, browser) -> None:
    with serve(example_site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base)
        page = context.new_page()
        page.goto("gids/scheiden/")
        page.keyboard.press("Tab")  # the skip link comes first on every page
        page.keyboard.press("Tab")
        second = page.evaluate(
            "[document.activeElement.className, document.activeElement.textContent.trim()]"
        )
        assert second == ["ww-quick-exit", "Snel weg"]
        assert page.locator(".ww-quick-exit").get_attribute("href") == "https://www.google.nl/"
        safety = page.locator(".ww-safety").inner_text()
        assert (
            "Bent u thuis niet veilig? Bel Veilig Thuis" in safety
            and "0800 2000" in safety
            and "112" in safety
        )
        assert page.locator('.ww-safety a[href="tel:+318002000"]').count() == 1
        page.goto("gids/verhuizen/")
        assert page.locator(".ww-quick-exit").count() == 0
        context.close()
        no_js = browser.new_context(java_script_enabled=False, base_url=base)
        page = no_js.new_page()
        page.goto("gids/scheiden/")
        assert page.locator(".ww-quick-exit").is_visible()
        no_js.close()
