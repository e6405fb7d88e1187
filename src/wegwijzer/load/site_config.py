"""The wegwijzer plugin's options and the docs folder, read from mkdocs.yml without MkDocs.

``wegwijzer check`` uses this to apply the site's thresholds without loading MkDocs;
the plugin itself gets the same options validated by MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!ENV`` and ``!relative`` tags as empty values."""


_Loader.add_multi_constructor("!", lambda *_: None)


def plugin_options(config_file: Path) -> tuple[dict[str, Any], Path | None]:
    """The plugin's options and the docs folder; ({}, None) when there is no such file."""
    if not config_file.is_file():
        return {}, None
    data = yaml.load(config_file.read_text("utf-8"), Loader=_Loader) or {}  # noqa: S506 - safe subclass
    options: dict[str, Any] = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "wegwijzer" in plugin:
            options = plugin["wegwijzer"] or {}
    return options, config_file.parent / data.get("docs_dir", "docs")
