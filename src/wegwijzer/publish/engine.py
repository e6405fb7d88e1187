"""The static-site engine under Wegwijzer: MkDocs 1.6 or its maintained fork ProperDocs 1.6.

Both run the same plugin unchanged. ProperDocs maps every ``mkdocs.*`` import to
``properdocs.*`` once :mod:`properdocs.replacement` is imported, so it must be chosen
before anything imports MkDocs. Choose with ``wegwijzer build --engine`` or the
``WEGWIJZER_ENGINE`` environment variable; by default MkDocs when it is installed.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from dataclasses import dataclass
from typing import Any

ENGINES = ("mkdocs", "properdocs")


class EngineMissing(RuntimeError):
    """The chosen engine is not installed."""


@dataclass(frozen=True)
class Engine:
    name: str
    load_config: Any
    build: Any
    error: type[Exception]
    """The engine's own "the build failed" exception."""


def engine(name: str | None = None) -> Engine:
    """The engine ``name`` (or from WEGWIJZER_ENGINE, else MkDocs when installed, else ProperDocs)."""
    name = name or os.environ.get("WEGWIJZER_ENGINE") or _default()
    if name not in ENGINES:
        raise EngineMissing(f"unknown engine '{name}' — use one of: {', '.join(ENGINES)}")
    if importlib.util.find_spec(name) is None:
        raise EngineMissing(f"{name} is not installed — run scripts/bootstrap")
    if name == "properdocs":
        importlib.import_module("properdocs.replacement")
    commands = importlib.import_module(f"{name}.commands.build")
    config = importlib.import_module(f"{name}.config")
    exceptions = importlib.import_module(f"{name}.exceptions")
    error = exceptions.ProperDocsException if name == "properdocs" else exceptions.MkDocsException
    return Engine(name, config.load_config, commands.build, error)


def _default() -> str:
    return "mkdocs" if importlib.util.find_spec("mkdocs") is not None else "properdocs"
