"""The search index: Pagefind (its Python API and binary, from PyPI) writes pagefind/ into the site.

No download at build or view time: the binary comes with the ``pagefind[bin]`` package, and the
search page loads Pagefind's script and index files from the site itself.
"""

from __future__ import annotations

import asyncio
import json
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
        # Pagefind's service sometimes answers "written" before its last file is on disk, and is
        # then stopped: the index is checked, and written again when a file came out empty.
        for _attempt in range(3):
            in_own_thread(asyncio.run, _write(site_dir, documents))
            if _complete(site_dir / OUTPUT):
                _sort_entry(site_dir / OUTPUT / "pagefind-entry.json")
                break
        else:
            raise SearchIndexFailed("Pagefind wrote an incomplete search index three times — build again")
        for pattern in UNUSED:
            for path in (site_dir / OUTPUT).glob(pattern):
                path.unlink()
    except ImportError:
        raise SearchIndexFailed("Pagefind is not installed — run scripts/bootstrap") from None
    except Exception as err:  # noqa: BLE001 - the service reports its own errors in many types
        raise SearchIndexFailed(f"Pagefind could not write the search index ({err})") from None
    return time.perf_counter() - started


def _complete(folder: Path) -> bool:
    """Whether the index can be read: its entry file names each language, and no file is empty."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    hashes = [language["hash"] for language in entry.get("languages", {}).values()]
    files = [path for path in folder.rglob("*") if path.is_file()]
    metas = all((folder / f"pagefind.{h}.pf_meta").is_file() for h in hashes)
    return bool(hashes) and metas and all(path.stat().st_size for path in files)


def _sort_entry(path: Path) -> None:
    """The entry file with its languages in a fixed order, so that two builds give the same bytes."""
    path.write_text(json.dumps(json.loads(path.read_text("utf-8")), sort_keys=True), "utf-8")


async def _write(site_dir: Path, documents: Sequence[tuple[str, str]]) -> None:
    """One folder of documents in one request: the service answers each request after a pause
    (0.1 s), so adding 250 records one by one would take 25 s. Each document carries its own
    address as ``meta.url``; the file names only keep them apart."""
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(output_path=str(site_dir / OUTPUT))  # one index per language (<html lang>)
    with tempfile.TemporaryDirectory(prefix="wegwijzer-search-") as folder:
        for number, (_, html) in enumerate(documents):
            (Path(folder) / f"{number}.html").write_text(html, "utf-8")
        async with PagefindIndex(config=config) as index:
            await index.add_directory(path=folder)
