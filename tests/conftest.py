"""Shared fixtures: a copy of the small fixture site, and a way to build it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from wegwijzer.publish.build import run_build

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def site_src(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/site."""
    target = tmp_path / "src"
    shutil.copytree(FIXTURES / "site", target)
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with a built site/, once per test module (for tests that must keep it)."""
    src = tmp_path_factory.mktemp("built") / "src"
    shutil.copytree(FIXTURES / "site", src)
    code, _ = build(src)
    assert code == 0
    return src


@pytest.fixture
def src(built: Path, tmp_path: Path) -> Path:
    """A writable copy of :func:`built`, site/ included."""
    copy = tmp_path / "src"
    shutil.copytree(built, copy)
    return copy


@pytest.fixture
def lifeevents(site_src: Path) -> Path:
    return site_src / "lifeevents"


def build(src: Path, pdf: bool = False) -> tuple[int, Path]:
    """Build the site in ``src`` with the staged build; returns (exit code, site dir)."""
    site = src / "site"
    code = run_build(src / "mkdocs.yml", site, pdf=pdf)
    return code, site


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real example site, built once per test session."""
    site = tmp_path_factory.mktemp("example") / "site"
    assert run_build(ROOT / "mkdocs.yml", site) == 0
    return site


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture site, built once per test module, with its PDFs."""
    src = tmp_path_factory.mktemp("fixture") / "src"
    shutil.copytree(FIXTURES / "site", src)
    code, site = build(src, pdf=True)
    assert code == 0
    return site


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright, shared by a module's tests."""
    from playwright.sync_api import sync_playwright

    from wegwijzer.publish.browser import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


CHROMIUM_FIXTURES = {"browser", "fixture_site", "example_site"}
"""Fixtures that start Chromium (the example and fixture sites are built with their PDFs)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs Chromium, so that ``-m "not browser"`` gives a fast loop."""
    for item in items:
        if CHROMIUM_FIXTURES & set(getattr(item, "fixturenames", ())) or item.module.__name__.endswith(
            "test_accessibility"
        ):
            item.add_marker(pytest.mark.browser)


def pairs_with_dates(content, date: str = "2026-10-05", **extra: str):
    """(first, second, query) for every ordered pair of guides: both chosen, every date given."""
    for first in content.events.values():
        for second in content.events.values():
            if first is second:
                continue
            query = {"ook": second.id, **extra}
            for event in (first, second):
                for name in ["datum", *(m.id for m in event.moments)]:
                    query[f"{event.id}.{name}"] = date
            yield first, second, query


def script_errors(page) -> list[str]:
    """A list that fills with the page's script errors, thrown or logged."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors
