"""The plugin works unchanged under MkDocs 1.6 and under its maintained fork ProperDocs 1.6."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build_with(engine: str, site: Path) -> subprocess.CompletedProcess[str]:
    # Each engine in its own process: ProperDocs redirects every ``mkdocs.*`` import once loaded.
    command = [
        sys.executable,
        "-m",
        "wegwijzer.cli",
        "build",
        "--no-pdf",
        "--no-browser",
        "--no-html-check",
        "--engine",
        engine,
    ]
    return subprocess.run(
        [*command, "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )


def pages(site: Path) -> dict[str, bytes]:
    """Every file of a built site; the generator line (which names the engine) left out."""
    return {
        p.relative_to(site).as_posix(): _GENERATOR.sub(b"", p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file() and not p.name.endswith(".gz")
    }


def test_the_example_builds_the_same_under_mkdocs_and_properdocs(tmp_path: Path) -> None:
    results = {engine: build_with(engine, tmp_path / engine) for engine in ("mkdocs", "properdocs")}
    for engine, result in results.items():
        assert result.returncode == 0, result.stderr
        assert f"with {engine}" in result.stdout
    mkdocs, properdocs = pages(tmp_path / "mkdocs"), pages(tmp_path / "properdocs")
    assert len(mkdocs) > 300
    assert sorted(mkdocs) == sorted(properdocs)
    different = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert different == []
    assert b"mkdocs-ProperDocs" in (tmp_path / "properdocs" / "index.html").read_bytes()


def test_an_unknown_engine_is_a_clear_error(tmp_path: Path) -> None:
    result = build_with("hugo", tmp_path / "site")
    assert result.returncode != 0
    assert "invalid choice: 'hugo'" in result.stderr
    assert "Traceback" not in result.stderr
