"""The search index: Pagefind (its Python API and binary, from PyPI) writes pagefind/ into the site.

No download at build or view time: the binary comes with the ``pagefind[bin]`` package, and the
search page loads Pagefind's script and index files from the site itself.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .browser import in_own_thread

OUTPUT = "pagefind"
"""The folder in the site that holds the index and Pagefind's script."""

UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")
"""Pagefind's ready-made interfaces: the search page has its own (assets/search.js)."""


class SearchIndexFailed(Exception):
    """Pagefind could not write the index; the message says what to do."""


def write_search_index(site_dir: Path, documents: Sequence[tuple[str, str]]) -> float:
    """Index ``documents`` ((url, HTML) pairs) in Dutch into ``site_dir``/pagefind; returns seconds."""
    started = time.perf_counter()
    try:
        # In its own thread: a build may run where an event loop already runs (Playwright's sync API).
        in_own_thread(asyncio.run, _write(site_dir, documents))
        for pattern in UNUSED:
            for path in (site_dir / OUTPUT).glob(pattern):
                path.unlink()
    except ImportError:
        raise SearchIndexFailed("Pagefind is not installed — run scripts/bootstrap") from None
    except Exception as err:  # noqa: BLE001 - the service reports its own errors in many types
        raise SearchIndexFailed(f"Pagefind could not write the search index ({err})") from None
    return time.perf_counter() - started


async def _write(site_dir: Path, documents: Sequence[tuple[str, str]]) -> None:
    """One folder of documents in one request: the service answers each request after a pause
    (0.1 s), so adding 250 records one by one would take 25 s. Each document carries its own
    address as ``meta.url``; the file names only keep them apart."""
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(force_language="nl", output_path=str(site_dir / OUTPUT))
    with tempfile.TemporaryDirectory(prefix="wegwijzer-search-") as folder:
        for number, (_, html) in enumerate(documents):
            (Path(folder) / f"{number}.html").write_text(html, "utf-8")
        async with PagefindIndex(config=config) as index:
            await index.add_directory(path=folder)
