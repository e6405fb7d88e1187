"""Results kept between builds in the cache folder (``.wegwijzer-cache/``): one JSON file each."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def read(cache_dir: Path | None, name: str, default: Any) -> Any:
    """The kept data, or ``default`` when there is none, it cannot be read, or is of another type."""
    if cache_dir is None:
        return default
    try:
        data = json.loads((cache_dir / name).read_text("utf-8"))
    except (OSError, ValueError):
        return default
    return data if isinstance(data, type(default)) else default


def write(cache_dir: Path | None, name: str, data: Any) -> None:
    """Keep ``data``, atomically: a build that stops half-way leaves the earlier file whole."""
    if cache_dir is None:
        return
    target = cache_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, sort_keys=True), "utf-8")
    temporary.replace(target)
