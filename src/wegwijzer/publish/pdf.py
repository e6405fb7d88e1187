"""Tagged PDFs of the checklists, printed by Chromium from the built site.

With a cache folder, each PDF is kept with the list of files its printing read; when those
files (and Chromium) are byte for byte the same in the next build, the kept PDF is used.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..render.urls import urls
from . import kept
from .browser import chromium_path, in_own_thread, launch

LOCAL_ORIGIN = "http://wegwijzer.invalid/"
"""Where pages seem to come from when the site has no site_url; never contacted."""
FIXED_DATE = b"D:20000101000000+00'00'"
"""PDF dates are replaced by this, so two builds of the same input are identical."""
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) ?\((D:[^)]*)\)")


@dataclass(frozen=True)
class PdfResult:
    event_id: str
    path: Path
    seconds: float
    printed: bool = True
    """False when the PDF came from the cache."""


def built_checklists(site_dir: Path) -> list[tuple[str, str]]:
    """(checklist id, URL path) of every checklist page in a built site, in every language.

    The id is the event's id, below the language's folder for a translation: ``en/overlijden``.
    """
    pages = []
    folders = sorted(d for d in site_dir.iterdir() if (d / urls.checklist_dir()).is_dir())
    for prefix in ["", *(f"{d.name}/" for d in folders)]:
        folder = f"{prefix}{urls.checklist_dir()}"
        for index in sorted((site_dir / folder).glob("*/index.html")):
            pages.append((prefix + index.parent.name, f"{folder}/{index.parent.name}/"))
        for page in sorted((site_dir / folder).glob("*.html")):
            pages.append((prefix + page.stem, f"{folder}/{page.name}"))
    return pages


def pdf_path(site_dir: Path, checklist_id: str) -> Path:
    """Where a checklist's PDF goes: ``pdf/overlijden.pdf``, ``en/pdf/overlijden.pdf``."""
    prefix, _, event_id = checklist_id.rpartition("/")
    return site_dir / (f"{prefix}/" if prefix else "") / urls.pdf(event_id)


def build_pdfs(
    site_dir: Path, site_url: str = "", progress: bool = True, cache_dir: Path | None = None
) -> list[PdfResult]:
    """Print every checklist page to ``pdf/<event>.pdf``; see :func:`_build_pdfs`.

    With ``cache_dir``, a PDF whose page and files are unchanged is taken from there.
    """
    pages = built_checklists(site_dir)
    kept = _Kept(cache_dir, site_dir, site_url)
    results = [r for event_id, _ in pages if (r := kept.take(event_id)) is not None]
    todo = [(event_id, url) for event_id, url in pages if event_id not in {r.event_id for r in results}]
    if todo:
        printed = in_own_thread(_build_pdfs, site_dir, site_url, progress, todo)
        for result, read in printed:
            kept.keep(result, read)
        results += [result for result, _ in printed]
    kept.save()
    return sorted(results, key=lambda r: r.event_id)


class _Kept:
    """PDFs kept in ``cache_dir/pdf/``, with the files each one read (``pdf.json``)."""

    def __init__(self, cache_dir: Path | None, site_dir: Path, site_url: str) -> None:
        self.folder = cache_dir / "pdf" if cache_dir else None
        self.site_dir = site_dir
        chromium = Path(chromium_path()).stat()
        self.salt = f"{site_url}\0{chromium.st_size}\0{chromium.st_mtime_ns}\0".encode()
        self.entries = kept.read(self.folder, "pdf.json", {})

    def _key(self, files: list[str]) -> str | None:
        digest = hashlib.sha256(self.salt)
        for name in files:
            path = self.site_dir / name.removeprefix("?")
            if path.is_file() == name.startswith("?"):  # a file that was there is gone, or came
                return None
            digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\0")
        return digest.hexdigest()

    def take(self, event_id: str) -> PdfResult | None:
        entry = self.entries.get(event_id) if self.folder else None
        kept = self.folder / _kept_name(event_id) if self.folder else None
        if not entry or not kept.is_file() or self._key(entry["files"]) != entry["key"]:
            return None
        target = pdf_path(self.site_dir, event_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, target)
        return PdfResult(event_id, target, 0.0, printed=False)

    def keep(self, result: PdfResult, files: list[str]) -> None:
        key = self._key(files)
        if self.folder and key:
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(result.path, self.folder / _kept_name(result.event_id))
            self.entries[result.event_id] = {"key": key, "files": files}

    def save(self) -> None:
        if self.folder and self.folder.is_dir():
            kept.write(self.folder, "pdf.json", self.entries)


def _build_pdfs(
    site_dir: Path, site_url: str, progress: bool, pages: list[tuple[str, str]]
) -> list[tuple[PdfResult, list[str]]]:
    """Print every checklist page to ``pdf/<event>.pdf`` inside ``site_dir``.

    Pages are printed with JavaScript off: the full list, and a blank line for
    the date, to be filled in by hand. They are loaded as if from ``site_url``
    (answered from ``site_dir``, nothing goes to the network), so links in the
    PDF point to the public site and two builds give the same bytes.
    """
    from playwright.sync_api import sync_playwright

    base = (site_url or LOCAL_ORIGIN).rstrip("/") + "/"
    results = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(java_script_enabled=False)
        read: list[str] = []
        context.route("**/*", lambda route: read.append(_answer_from(site_dir, base, route)))
        page = context.new_page()
        for number, (event_id, url) in enumerate(pages, start=1):
            started = time.perf_counter()
            read.clear()
            page.goto(base + url, wait_until="load")
            target = pdf_path(site_dir, event_id)
            target.parent.mkdir(parents=True, exist_ok=True)
            pdf = page.pdf(
                format="A4", prefer_css_page_size=True, tagged=True, outline=True, print_background=False
            )
            target.write_bytes(fix_dates(pdf))
            files = sorted({name for name in read if name})
            results.append((PdfResult(event_id, target, time.perf_counter() - started), files))
            if progress:
                print(
                    f"\rPDF {number}/{len(pages)}: {event_id}".ljust(60), end="", file=sys.stderr, flush=True
                )
        if progress and pages:
            print(file=sys.stderr)
        browser.close()
    return results


def _kept_name(checklist_id: str) -> str:
    return checklist_id.replace("/", ".") + ".pdf"


def _answer_from(site_dir: Path, base: str, route: Any) -> str:
    """Answer a request for ``base``… from the built files; refuse everything else.

    Returns the file answered with (relative to the site), "?" and the file that was asked
    for when it is not there, or "" for a request outside the site.
    """
    url = route.request.url.split("#")[0].split("?")[0]
    if not url.startswith(base):
        route.abort()
        return ""
    relative = unquote(url[len(base) :])
    target = (site_dir / relative).resolve()
    if target.is_dir() or relative.endswith("/") or not relative:
        target = target / "index.html"
    if site_dir.resolve() not in target.parents:
        route.fulfill(status=404, body="")
        return ""
    if not target.is_file():
        route.fulfill(status=404, body="")
        return "?" + target.relative_to(site_dir.resolve()).as_posix()
    route.fulfill(status=200, body=target.read_bytes(), content_type=_content_type(target))
    return target.relative_to(site_dir.resolve()).as_posix()


def _content_type(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def fix_dates(pdf: bytes) -> bytes:
    """Replace the creation and modification dates, keeping every byte offset."""

    def replace(match: re.Match[bytes]) -> bytes:
        original = match.group(2)
        fixed = FIXED_DATE[: len(original)].ljust(len(original), b" ")
        return match.group(0).replace(original, fixed)

    return _PDF_DATE.sub(replace, pdf)
