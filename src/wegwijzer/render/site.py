"""The site map: every page and data file Wegwijzer adds to a site, in navigation order."""

from __future__ import annotations

from importlib import resources

from ..content import Content
from ..model import LifeEvent, Step
from .checklist import checklist_pages
from .contact import who
from .finder import finder_pages
from .finder_index import index_files
from .pages import DataFile, PageSpec
from .personal_list import step_files
from .strings import strings
from .urls import asset, page_url, urls


def site_pages(content: Content, lang: str = "nl", max_guides_in_nav: int = 30) -> list[PageSpec]:
    """Every page Wegwijzer adds to the site, in navigation order.

    With more guides than ``max_guides_in_nav`` the guides are listed on the home
    page only: a menu that long helps nobody, and Material renders the whole
    menu into every page (build time grows with the square of the pages).
    """
    t = strings(lang)
    in_nav = len(content.events) <= max_guides_in_nav
    pages = [PageSpec(urls.home, t["home_title"], "home.html", meta={"hide": ["navigation", "toc"]})]
    pages += [
        PageSpec(
            urls.guide(event.id),
            event.title,
            "guide.html",
            event.id,
            assets=("personal.css", "ww-dom.js", "plan.js", "personal.js"),
            in_nav=in_nav,
        )
        for event in content.events.values()
    ]
    pages += checklist_pages(content, t)
    pages += finder_pages(content, t)
    pages.append(PageSpec(urls.glossary, t["glossary_title"], "glossary.html"))
    return pages


def site_files(content: Content, lang: str = "nl", directory_urls: bool = True) -> list[DataFile]:
    """Every generated data file (JSON read by the page scripts)."""

    def url(event: LifeEvent) -> str:
        return page_url(urls.guide(event.id), directory_urls)

    def who_of(step: Step) -> dict[str, str]:
        return who(step, content.organisations[step.organisation])

    return [*index_files(content), *step_files(content.events.values(), strings(lang), url, who_of)]


def asset_files() -> list[DataFile]:
    """The package's CSS and JS files (``render/assets/``), as published in every site."""
    folder = resources.files(__package__).joinpath("assets")
    return [
        DataFile(asset(item.name), item.read_text("utf-8"))
        for item in sorted(folder.iterdir(), key=lambda i: i.name)
        if item.name.endswith((".css", ".js"))
    ]
