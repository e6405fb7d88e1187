"""Benchmark: how long after a YAML edit `mkdocs serve` shows the new page (target ≤ 1 s).

Runs the real ``mkdocs serve`` on a copy of the example site, edits a guide's YAML and
asks the server for the guide until the new text is there. The time includes MkDocs's
file watcher, which looks for changes every 0.5 s.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

EDITS = 5
GUIDE = "verhuizen"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at ``url`` holds ``text``."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in _get(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def measure(root: Path, dirty: bool) -> list[float]:
    """Seconds from each edit to the rebuilt guide, for ``EDITS`` edits."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        for name in ("lifeevents", "content", "theme"):
            shutil.copytree(root / name, site / name)
        shutil.copy(root / "mkdocs.yml", site / "mkdocs.yml")
        port = _free_port()
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(site / "mkdocs.yml"),
                   "-a", f"127.0.0.1:{port}", *(["--dirty", "--no-strict"] if dirty else [])]  # fmt: skip
        server = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        url = f"http://127.0.0.1:{port}/gids/{GUIDE}/"
        source = site / "lifeevents" / f"{GUIDE}.yaml"
        original = source.read_text("utf-8")
        try:
            _wait_for(url, "<h1", timeout=180)
            times = []
            for edit in range(1, EDITS + 1):
                marker = f"Proefversie {edit}."
                changed = original.replace("reassurance: >-\n", f"reassurance: >-\n  {marker}\n", 1)
                time.sleep(0.7)  # let the watcher settle after the previous rebuild
                started = time.perf_counter()
                source.write_text(changed, "utf-8")
                _wait_for(url, marker, timeout=60)
                times.append(time.perf_counter() - started)
            return times
        finally:
            server.terminate()
            server.wait(timeout=30)


def rows(root: Path, target: Callable[[str, str, bool], tuple[str, str]]) -> list[tuple[str, str]]:
    result = []
    for dirty, name in ((True, "serve --dirty (scripts/serve)"), (False, "serve (every page again)")):
        times = measure(root, dirty)
        result.append((f"{name}: median", f"{statistics.median(times):.2f} s"))
        result.append((f"{name}: slowest of {len(times)}", f"{max(times):.2f} s"))
        if dirty:
            slowest = max(times)
            result.append(target("serve: page shows a YAML edit (≤ 1 s)", f"{slowest:.2f} s", slowest <= 1))
    return result
