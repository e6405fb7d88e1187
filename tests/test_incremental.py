"""`mkdocs serve --dirty`: after a YAML edit only the pages that show it are written again."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

PAGES = ["gids/verhuizen/index.html", "gids/geldzorgen/index.html", "index.html", "woordenlijst/index.html"]


class Serve:
    """Builds like `mkdocs serve --dirty` does: one set of plugins, a fresh config per rebuild."""

    def __init__(self, src: Path) -> None:
        self.src = src
        self.plugins = None

    def config(self) -> MkDocsConfig:
        config = load_config(str(self.src / "mkdocs.yml"), site_dir=str(self.src / "site"), strict=False)
        if self.plugins is None:
            config.plugins.on_startup(command="serve", dirty=True)
            self.plugins = config.plugins
        return config

    def build(self) -> dict[str, int]:
        """Build; return the modification time of each page in ``PAGES``."""
        build(self.config(), dirty=True)
        return {page: (self.src / "site" / page).stat().st_mtime_ns for page in PAGES}

    def stop(self) -> None:
        """MkDocs keeps such plugins for the whole process: leave them as `mkdocs serve` would."""
        if self.plugins is not None:
            self.plugins.on_shutdown()


@pytest.fixture
def serve(site_src: Path):
    running = Serve(site_src)
    yield running
    running.stop()


def test_an_edit_rebuilds_the_pages_that_show_it_only(site_src: Path, serve: Serve) -> None:
    first = serve.build()
    assert serve.build() == first, "nothing changed, so nothing is written again"

    source = site_src / "lifeevents" / "verhuizen.yaml"
    source.write_text(
        source.read_text("utf-8").replace("reassurance: U hoeft", "reassurance: Rustig aan. U hoeft")
    )
    after = serve.build()
    changed = {page for page in PAGES if after[page] != first[page]}
    assert changed == {"gids/verhuizen/index.html"}
    assert "Rustig aan." in (site_src / "site" / "gids/verhuizen/index.html").read_text("utf-8")


def test_a_new_guide_title_rebuilds_every_page_with_the_menu(site_src: Path, serve: Serve) -> None:
    first = serve.build()
    source = site_src / "lifeevents" / "verhuizen.yaml"
    source.write_text(source.read_text("utf-8").replace("title: Ik verhuis", "title: Ik ga verhuizen"))
    after = serve.build()
    assert all(after[page] != first[page] for page in PAGES)
    assert "Ik ga verhuizen" in (site_src / "site" / "woordenlijst/index.html").read_text("utf-8")


def test_a_deleted_page_is_written_again(site_src: Path, serve: Serve) -> None:
    serve.build()
    (site_src / "site" / "gids/geldzorgen/index.html").unlink()
    serve.build()
    assert (site_src / "site" / "gids/geldzorgen/index.html").is_file()
