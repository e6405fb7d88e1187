"""The interface strings, one file per language in ``locale/``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def strings(lang: str = "nl") -> dict[str, Any]:
    """The interface strings for ``lang``."""
    text = resources.files(__package__).joinpath("locale", f"{lang}.yaml").read_text("utf-8")
    return yaml.safe_load(text)
