"""The site in every language: Dutch at the root, each translation below ``<lang>/``.

Each language has its own content (the Dutch, or a translation laid over it), renderer, pages,
step data and theme strings. A page knows its language by its path; the theme takes ``lang``,
``dir``, the menu and the language switcher from :meth:`Languages.page_context`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from ..content import Content
from ..model.translation import LANGUAGES
from .pages import DataFile, PageSpec
from .renderer import Renderer
from .search import documents
from .site import site_files, site_pages, theme_context
from .urls import in_language, language_of, page_url


@dataclass
class Language:
    lang: str
    content: Content
    renderer: Renderer
    theme: dict[str, Any]
    offered: bool
    """Whether the switcher offers it: enough of it is translated."""


class Languages:
    """Every language of the site, Dutch first."""

    def __init__(
        self,
        content: Content,
        translations: dict[str, Any],
        site_url: str = "",
        min_share: float = 0.8,
    ):
        self.all: dict[str, Language] = {}
        for lang, own, share in [
            ("nl", content, 1.0),
            *((lang, t.content, t.share) for lang, t in translations.items()),
        ]:
            renderer = Renderer(own, lang, site_url)
            self.all[lang] = Language(lang, own, renderer, theme_context(lang), share >= min_share)
        self.codes = tuple(self.all)
        self._menus: dict[str, tuple[Any, Any]] = {}
        """Per language: the navigation it was made from, and its menu."""

    def pages(self, max_guides_in_nav: int) -> list[PageSpec]:
        return [spec for x in self.all.values() for spec in site_pages(x.content, x.lang, max_guides_in_nav)]

    def files(self, directory_urls: bool) -> list[DataFile]:
        return [f for x in self.all.values() for f in site_files(x.content, x.lang, directory_urls)]

    def documents(self) -> list[tuple[str, str]]:
        """Every language's search records; Pagefind keeps one index per language."""
        return [d for x in self.all.values() for d in documents(x.content, x.lang)]

    def others(self) -> list[dict[str, Any]]:
        """Theme strings of each offered language but Dutch, with its direction (for 404.html)."""
        return [
            {**x.theme, "dir": LANGUAGES[x.lang][1]}
            for x in self.all.values()
            if x.lang != "nl" and x.offered
        ]

    def of(self, src_uri: str) -> Language:
        return self.all[language_of(src_uri, self.codes)]

    def page_context(self, page: Any, files: Any, nav: Any) -> dict[str, Any]:
        """What the theme needs on one MkDocs page: strings, direction, switcher, hreflang and menu."""
        src_uri = page.file.src_uri
        own = self.of(src_uri)
        page.meta["ww_lang"] = own.lang
        others = []
        for x in self.all.values():
            target = in_language(src_uri, x.lang, self.codes)
            if files.get_file_from_path(target) is not None:
                name, direction = LANGUAGES[x.lang]
                others.append(
                    {
                        "lang": x.lang,
                        "name": name,
                        "dir": direction,
                        "url": page_url(target),
                        "current": x is own,
                        "offered": x.offered,
                    }
                )
        return {
            "ww": own.theme,
            "ww_languages": others if len(others) > 1 else [],
            "nav": self._nav(nav, own.lang),
        }

    def _nav(self, nav: Any, lang: str) -> Any:
        """The menu of one language: its own pages only (each language's pages are a folder in MkDocs).

        Made once per navigation and language, not for each of its pages.
        """
        if len(self.codes) == 1 or nav is None:
            return nav
        made = self._menus.get(lang)
        if made is None or made[0] is not nav:
            made = self._menus[lang] = (nav, self._menu(nav, lang))
        return made[1]

    def _menu(self, nav: Any, lang: str) -> Any:
        items = []
        for item in nav.items:
            if lang != "nl" and _folder(item) == lang:
                items = list(item.children)
                break
            if lang == "nl" and _folder(item) not in self.codes[1:]:
                items.append(item)
        own = copy.copy(nav)
        own.items = items
        home = next((i for i in items if getattr(i, "is_homepage", False) or _is_home(i, lang)), None)
        if home is not None:
            own.homepage = home
        return own


def _folder(item: Any) -> str | None:
    """The first folder of a menu item's pages (``en`` for the section of English pages)."""
    file = getattr(item, "file", None)
    if file is not None:
        return file.src_uri.split("/", 1)[0] if "/" in file.src_uri else None
    for child in getattr(item, "children", None) or ():
        found = _folder(child)
        if found is not None:
            return found
    return None


def _is_home(item: Any, lang: str) -> bool:
    file = getattr(item, "file", None)
    return file is not None and file.src_uri == f"{lang}/index.md"
