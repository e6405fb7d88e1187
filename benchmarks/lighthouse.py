"""Lighthouse (mobile preset) on one page of each type, served gzipped as a static host would.

Lighthouse comes from npm (pinned; it runs on this machine's Node) and drives the system
Chromium. A second opinion next to our own gates: performance, accessibility, best practices,
SEO, and the layout shift.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import tempfile
from pathlib import Path

from wegwijzer.publish.browser import QuietHandler, chromium_path, serve

LIGHTHOUSE_VERSION = "12.2.3"
"""Lighthouse 13 wants Node 22; 12.2.3 runs on Node 20 (Debian's)."""

PAGES = {
    "home": "",
    "guide": "gids/overlijden/",
    "checklist": "checklist/overlijden/",
    "finder": "loket/",
    "municipality": "loket/zwolle/",
    "glossary": "woordenlijst/",
    "search": "zoeken/",
    "guide (English)": "en/gids/overlijden/",
    "guide (Arabic)": "ar/gids/overlijden/",
    "finder (Arabic)": "ar/loket/",
}
"""One page of each type, and the guide and finder in the other languages."""

TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_LAYOUT_SHIFT = 0.05

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".mjs")


def install(tools: Path) -> Path:
    """The lighthouse command, installed into ``tools/lighthouse`` from npm when missing."""
    prefix = tools / "lighthouse"
    package = prefix / "node_modules" / "lighthouse" / "package.json"
    if not package.is_file() or json.loads(package.read_text())["version"] != LIGHTHOUSE_VERSION:
        subprocess.run(
            ["npm", "install", "--prefix", str(prefix), "--no-save", "--no-audit", "--no-fund",
             "--loglevel=error", f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )  # fmt: skip
    return prefix / "node_modules" / ".bin" / "lighthouse"


class _GzipHandler(QuietHandler):
    """Static files, gzipped when the browser accepts it, with a day's cache (like a static host)."""

    def send_head(self):  # noqa: ANN201 - stdlib signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if path.suffix not in _COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400")
        self.end_headers()
        return io.BytesIO(body)


def audit(lighthouse: Path, url: str, chromium: str) -> dict[str, float]:
    """Scores (0–100), layout shift and largest contentful paint of one page."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={report}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
             "--only-categories=performance,accessibility,best-practices,seo"],
            check=True, env={**os.environ, "CHROME_PATH": chromium},
        )  # fmt: skip
        data = json.loads(report.read_text("utf-8"))
    scores = {name: round(category["score"] * 100) for name, category in data["categories"].items()}
    audits = data["audits"]
    scores["layout shift"] = audits["cumulative-layout-shift"]["numericValue"]
    scores["LCP (s)"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    return scores


def measure(site: Path, tools: Path) -> dict[str, dict[str, float]]:
    """Lighthouse's figures for every page type of a built site."""
    lighthouse = install(tools)
    with serve(site, _GzipHandler) as base:
        return {name: audit(lighthouse, base + page, chromium_path()) for name, page in PAGES.items()}


def rows(results: dict[str, dict[str, float]]) -> list[tuple[str, str]]:
    out = []
    for name, scores in results.items():
        short = " / ".join(str(scores[category]) for category in TARGETS)
        missed = [c for c, target in TARGETS.items() if scores[c] < target]
        if scores["layout shift"] > MAX_LAYOUT_SHIFT:
            missed.append("layout shift")
        verdict = "met" if not missed else "NOT met: " + ", ".join(missed)
        out.append(
            (
                f"{name} ({PAGES[name] or '/'})",
                f"{short}; CLS {scores['layout shift']:.3f}; LCP {scores['LCP (s)']:.1f} s; {verdict}",
            )
        )
    out.append(("columns", "performance / accessibility / best practices / SEO"))
    out.append(("targets", "≥ 95 / 100 / 100 / 100, CLS ≤ 0.05"))
    return out
