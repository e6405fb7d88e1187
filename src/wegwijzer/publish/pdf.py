"""Tagged PDFs of the checklists, printed by Chromium from the built site."""

from __future__ import annotations

import mimetypes
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..render.urls import urls
from .browser import in_own_thread, launch

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


def built_checklists(site_dir: Path) -> list[tuple[str, str]]:
    """(event id, URL path) of every checklist page in a built site."""
    pages = []
    for index in sorted((site_dir / urls.checklist_dir()).glob("*/index.html")):
        pages.append((index.parent.name, f"{urls.checklist_dir()}/{index.parent.name}/"))
    for page in sorted((site_dir / urls.checklist_dir()).glob("*.html")):
        pages.append((page.stem, f"{urls.checklist_dir()}/{page.name}"))
    return pages


def build_pdfs(site_dir: Path, site_url: str = "", progress: bool = True) -> list[PdfResult]:
    """Print every checklist page to ``pdf/<event>.pdf``; see :func:`_build_pdfs`."""
    return in_own_thread(_build_pdfs, site_dir, site_url, progress)


def _build_pdfs(site_dir: Path, site_url: str, progress: bool) -> list[PdfResult]:
    """Print every checklist page to ``pdf/<event>.pdf`` inside ``site_dir``.

    Pages are printed with JavaScript off: the full list, and a blank line for
    the date, to be filled in by hand. They are loaded as if from ``site_url``
    (answered from ``site_dir``, nothing goes to the network), so links in the
    PDF point to the public site and two builds give the same bytes.
    """
    from playwright.sync_api import sync_playwright

    pages = built_checklists(site_dir)
    out_dir = site_dir / urls.pdf_dir()
    out_dir.mkdir(exist_ok=True)
    base = (site_url or LOCAL_ORIGIN).rstrip("/") + "/"
    results = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(java_script_enabled=False)
        context.route("**/*", lambda route: _answer_from(site_dir, base, route))
        page = context.new_page()
        for number, (event_id, url) in enumerate(pages, start=1):
            started = time.perf_counter()
            page.goto(base + url, wait_until="load")
            target = out_dir / f"{event_id}.pdf"
            pdf = page.pdf(
                format="A4", prefer_css_page_size=True, tagged=True, outline=True, print_background=False
            )
            target.write_bytes(fix_dates(pdf))
            results.append(PdfResult(event_id, target, time.perf_counter() - started))
            if progress:
                print(
                    f"\rPDF {number}/{len(pages)}: {event_id}".ljust(60), end="", file=sys.stderr, flush=True
                )
        if progress and pages:
            print(file=sys.stderr)
        browser.close()
    return results


def _answer_from(site_dir: Path, base: str, route: Any) -> None:
    """Answer a request for ``base``… from the built files; refuse everything else."""
    url = route.request.url.split("#")[0].split("?")[0]
    if not url.startswith(base):
        route.abort()
        return
    relative = unquote(url[len(base) :])
    target = (site_dir / relative).resolve()
    if target.is_dir() or relative.endswith("/") or not relative:
        target = target / "index.html"
    if site_dir.resolve() not in target.parents or not target.is_file():
        route.fulfill(status=404, body="")
        return
    route.fulfill(status=200, body=target.read_bytes(), content_type=_content_type(target))


def _content_type(path: Path) -> str:
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def fix_dates(pdf: bytes) -> bytes:
    """Replace the creation and modification dates, keeping every byte offset."""

    def replace(match: re.Match[bytes]) -> bytes:
        original = match.group(2)
        fixed = FIXED_DATE[: len(original)].ljust(len(original), b" ")
        return match.group(0).replace(original, fixed)

    return _PDF_DATE.sub(replace, pdf)
