"""Every address Wegwijzer generates, in one place.

Pages are named by their MkDocs source path (``gids/verhuizen.md``); data files
and assets by their path in the site. Python, the templates (as ``urls``) and the
page scripts (through the addresses the build writes into pages and JSON) all
take them from here, so a second language can prefix every address at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.translation import language_of


@dataclass(frozen=True)
class Urls:
    """The site's addresses, below ``prefix`` (empty for the main language, later e.g. ``en/``)."""

    prefix: str = ""

    def _at(self, path: str) -> str:
        return f"{self.prefix}{path}"

    # --- pages (MkDocs source paths) ---
    @property
    def home(self) -> str:
        return self._at("index.md")

    @property
    def glossary(self) -> str:
        return self._at("woordenlijst.md")

    @property
    def search(self) -> str:
        return self._at("zoeken.md")

    @property
    def finder(self) -> str:
        return self._at("loket/index.md")

    @property
    def national(self) -> str:
        """The national organisations per guide, on sites with many guides (render/finder.py)."""
        return self._at("loket/landelijk.md")

    def guide(self, event_id: str) -> str:
        return self._at(f"gids/{event_id}.md")

    def checklist(self, event_id: str) -> str:
        return self._at(f"checklist/{event_id}.md")

    def place(self, municipality_id: str) -> str:
        """The static page of one municipality in the finder."""
        return self._at(f"loket/{municipality_id}.md")

    @property
    def finder_index(self) -> str:
        """The finder's first JSON file (every municipality, the national organisations), in this language."""
        return f"{ASSETS_DIR}/{self.prefix}loket.json"

    def finder_shard(self, municipality_id: str) -> str:
        """A municipality's help points and postcode centres, loaded when it is chosen, in this language."""
        return f"{ASSETS_DIR}/loketten/{self.prefix}{municipality_id}.json"

    def step_data(self, event_id: str) -> str:
        """An event's questions and step data for the personal list's script, in this language."""
        return f"{step_data_dir()}/{self.prefix}{event_id}.json"

    def is_guide(self, site_path: str) -> bool:
        """Whether a built file (``gids/verhuizen/index.html``) is a guide page."""
        return site_path.startswith(self._at("gids/"))

    # --- files (paths in the built site) ---
    def pdf(self, event_id: str) -> str:
        """The tagged PDF of an event's checklist."""
        return self._at(f"pdf/{event_id}.pdf")

    def pdf_dir(self) -> str:
        return self._at("pdf")

    def checklist_dir(self) -> str:
        return self._at("checklist")


ASSETS_DIR = "assets/wegwijzer"
"""Where the package's CSS and scripts and the generated data files are published (shared by languages)."""


def asset(name: str) -> str:
    """A file of the package's ``assets/`` folder, as published."""
    return f"{ASSETS_DIR}/{name}"


def step_data_dir() -> str:
    return f"{ASSETS_DIR}/stappen"


def step_data(event_id: str) -> str:
    """An event's questions and step data for the personal list's script (Dutch)."""
    return urls.step_data(event_id)


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL of a page relative to the site root, as MkDocs writes it."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem if directory_urls else stem + "index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


QUICK_EXIT = "https://www.google.nl/"
"""Where "Snel weg" goes: a site that looks harmless on a shared screen."""

urls = Urls()
"""The addresses of the Dutch site, at the root."""
FINDER_INDEX = urls.finder_index
"""The finder's first JSON file: every municipality, what people type for it, and its number."""


def finder_shard(municipality_id: str) -> str:
    """A municipality's help points and postcode centres for the finder (Dutch)."""
    return urls.finder_shard(municipality_id)


def urls_for(lang: str) -> Urls:
    """The addresses of a language's pages: Dutch at the root, another language below ``<lang>/``."""
    return urls if lang == "nl" else Urls(f"{lang}/")


def in_language(src_uri: str, lang: str, languages: tuple[str, ...] | list[str]) -> str:
    """The same page in ``lang``: ``gids/x.md`` → ``en/gids/x.md``."""
    own = language_of(src_uri, languages)
    bare = src_uri if own == "nl" else src_uri[len(own) + 1 :]
    return urls_for(lang).prefix + bare
