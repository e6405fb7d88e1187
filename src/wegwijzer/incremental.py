"""Rebuild only the generated pages that changed, for ``mkdocs serve --dirty``.

MkDocs skips a page in a dirty build when its file says it is not modified. For a
file on disk that is a date check; a generated page has no date, so MkDocs always
rebuilds it. Here a generated page counts as modified when its key changed: the
page's own HTML body plus everything that every page shows (the menu, the theme
overrides and ``mkdocs.yml``). One YAML edit then rebuilds the pages that show it,
not the whole site; a new guide title or a theme edit still rebuilds everything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.structure.files import File

from .render.pages import PageSpec


class GeneratedPage(File):
    """A page Wegwijzer makes; ``modified`` is set by :class:`PageKeys` in dirty builds."""

    modified: bool = True

    def is_modified(self) -> bool:
        return self.modified


def site_key(
    config_file: str | None, custom_dir: str | None, specs: Iterable[PageSpec], uris: Iterable[str]
) -> str:
    """What every page shows: the config, the theme overrides, the pages and their menu titles."""
    digest = hashlib.sha256()
    files = [Path(config_file)] if config_file else []
    if custom_dir:
        files += sorted(p for p in Path(custom_dir).rglob("*") if p.is_file())
    for path in files:
        digest.update(f"{path}\0".encode() + path.read_bytes())
    for spec in specs:
        digest.update(f"{spec.src_uri}\0{spec.title}\0{spec.in_nav}\0".encode())
    digest.update("\0".join(sorted(uris)).encode())
    return digest.hexdigest()


class PageKeys:
    """The key of every generated page at the last good build; lives as long as ``mkdocs serve``."""

    def __init__(self) -> None:
        self.built: dict[str, str] = {}
        self.pending: dict[str, str] = {}

    def mark(self, file: GeneratedPage, site: str, body: str) -> None:
        """Set ``file.modified``: its key differs from the last build, or its output is gone."""
        key = hashlib.sha256(f"{site}\0{body}".encode()).hexdigest()
        self.pending[file.src_uri] = key
        file.modified = self.built.get(file.src_uri) != key or not Path(file.abs_dest_path).is_file()

    def commit(self) -> None:
        """The build succeeded: its pages are now on disk."""
        self.built.update(self.pending)
        self.pending = {}


def front_matter(spec: PageSpec) -> str:
    """A generated page's Markdown source: only its front matter; the body is rendered separately."""
    meta: dict[str, Any] = {"title": spec.title, **spec.meta}
    # JSON is YAML too, and much faster to write: this runs for every page on every rebuild.
    return "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n"


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates, kept for the life of the process; a changed template's checksum differs."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


THEME_TEMPLATES = _MemoryBytecodeCache()
"""Shared by every rebuild of ``mkdocs serve``: MkDocs makes a new template environment each time."""
