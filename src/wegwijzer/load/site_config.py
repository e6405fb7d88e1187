"""The wegwijzer plugin's options and the docs folder, read from mkdocs.yml without MkDocs.

``wegwijzer check`` and ``wegwijzer build`` use this to check the site's options before
anything else; the values keep their lines, so a wrong option is reported where it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content import PathKey, YamlDocument
from ..problems import Problem
from .yaml_lines import YamlProblem, parse_yaml


class _Loader(yaml.SafeLoader):
    """A safe loader that reads MkDocs' ``!ENV`` and ``!relative`` tags as empty values."""


_Loader.add_multi_constructor("!", lambda *_: None)


@dataclass
class SiteConfig:
    """What Wegwijzer needs from mkdocs.yml: its own options (as written) and where they are."""

    file: str
    options: dict[str, Any] = field(default_factory=dict)
    docs_dir: Path | None = None
    site_dir: Path = Path("site")
    doc: YamlDocument | None = None
    base: PathKey = ()
    """Where the wegwijzer options are in the file, e.g. ("plugins", 1, "wegwijzer")."""


def read_site_config(config_file: Path) -> tuple[SiteConfig, list[Problem]]:
    """mkdocs.yml's wegwijzer options and docs folder; a problem when the file cannot be read."""
    site = SiteConfig(config_file.name, site_dir=config_file.parent / "site")
    if not config_file.is_file():
        return site, []
    raw = config_file.read_bytes()
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
        doc = parse_yaml(text, config_file.name, _Loader)
    except UnicodeDecodeError:
        return site, [Problem(site.file, 1, "", "this file is not UTF-8", "save it as UTF-8 in your editor")]
    except YamlProblem as err:
        return site, [err.problem]
    data = doc.data if isinstance(doc.data, dict) else {}
    site.doc = doc
    site.docs_dir = config_file.parent / str(data.get("docs_dir") or "docs")
    site.site_dir = config_file.parent / str(data.get("site_dir") or "site")
    for index, plugin in enumerate(data.get("plugins") or []):
        if isinstance(plugin, dict) and "wegwijzer" in plugin:
            site.options = plugin["wegwijzer"] or {}
            site.base = ("plugins", index, "wegwijzer")
    if isinstance(data.get("plugins"), dict) and "wegwijzer" in data["plugins"]:
        site.options = data["plugins"]["wegwijzer"] or {}
        site.base = ("plugins", "wegwijzer")
    return site, []
