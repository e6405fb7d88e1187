"""Results kept by structure: a page is checked again only when its structure, or what it loads, changed.

The key is a page's structure (:mod:`.structure`: its HTML with the wording reduced to what
the checks can see), every local file it loads, and the checks' own fingerprint. Pages with
the same key are checked once per build, and not again in later builds.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .. import kept
from . import rules
from .structure import structure_hash

CACHE_FILE = "accessibility.json"

_REFERENCE = re.compile(
    rb'(?:href|src|data-[\w-]+)\s*=\s*["\']([^"\'#?]+\.(?:css|js|mjs|json))(?:[?#][^"\']*)?["\']'
)
"""Files a page loads or its scripts read: stylesheets, scripts, and JSON data (e.g. the finder's index)."""
_CSS_REFERENCE = re.compile(rb'@import\s+(?:url\()?\s*["\']?([^"\')\s;]+\.css)')


@cache
def fingerprint() -> str:
    """A hash of the checks themselves: our code, our in-page script, axe-core and the settings."""
    digest = hashlib.sha256(rules.CHECK_VERSION.encode())
    package = Path(__file__).parent
    for path in sorted(package.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(resources.files(__package__).joinpath("in_page.js").read_bytes())
    digest.update(axe_source().encode())
    return digest.hexdigest()


@cache
def axe_source() -> str:
    """axe-core as bundled with axe-playwright-python: no network needed."""
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def _local_file(site_dir: Path, page_url: str, reference: str) -> Path | None:
    url = urlsplit(urljoin(page_url, reference))
    if url.scheme not in ("", "http", "https") or (url.netloc and url.netloc != "site"):
        return None
    path = (site_dir / unquote(url.path).lstrip("/")).resolve()
    return path if path.is_file() and path.is_relative_to(site_dir.resolve()) else None


def page_file(site_dir: Path, relative: str) -> Path:
    """The HTML file of a page address (``gids/verhuizen/?…`` → ``gids/verhuizen/index.html``)."""
    path = relative.partition("?")[0]
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def page_key(site_dir: Path, relative: str, structures: Structures | None = None) -> str:
    """The page's structure, its place, every local CSS/JS/JSON file it loads, and the checks' fingerprint.

    Its place is how deep it lies (relative links resolve the same way) and its answers:
    ``relative`` may carry answers (``gids/verhuizen/?verhuizen.huurhuis=ja``), and the page is
    then checked with its personal list shown. The page's own name is not part of the key:
    ``loket/zwolle/`` and ``loket/almelo/`` with the same structure share one result.
    ``structures`` remembers the structure of pages by their exact bytes.
    """
    path, _, query = relative.partition("?")
    html = page_file(site_dir, relative).read_bytes()
    place = f"{path.rstrip('/').count('/')}?{query}"
    digest = hashlib.sha256(
        f"{fingerprint()}\0{place}\0".encode() + (structures or Structures(None)).of(html)
    )
    index = site_dir / "pagefind" / "pagefind-entry.json"
    if query.startswith("q=") and index.is_file():  # a search shown: its results come from the index
        digest.update(b"\0" + index.read_bytes())
    page_url = f"http://site/{relative}"
    todo = [(page_url, ref.decode()) for ref in _REFERENCE.findall(html)]
    seen: set[Path] = set()
    while todo:
        base, reference = todo.pop(0)
        path = _local_file(site_dir, base, reference)
        if path is None or path in seen:
            continue
        seen.add(path)
        content = path.read_bytes()
        digest.update(b"\0" + reference.encode() + b"\0" + content)
        if path.suffix == ".css":
            own_url = f"http://site/{path.relative_to(site_dir.resolve()).as_posix()}"
            todo += [(own_url, ref.decode()) for ref in _CSS_REFERENCE.findall(content)]
    return digest.hexdigest()


class Structures:
    """Page structures by the page's exact bytes, kept from run to run in the cache folder:
    reading a page's structure takes longer than hashing its bytes."""

    FILE = "structures.json"

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.earlier: dict[str, str] = _read(cache_dir, self.FILE)
        self.now: dict[str, str] = {}

    def of(self, html: bytes) -> bytes:
        exact = hashlib.sha256(html).hexdigest()
        if exact not in self.now:
            self.now[exact] = self.earlier.get(exact) or structure_hash(html).hex()
        return bytes.fromhex(self.now[exact])

    def save(self) -> None:
        """Keep the structures of this run's pages."""
        _write(self.cache_dir, self.FILE, self.now)


def _read(cache_dir: Path | None, name: str) -> dict:
    """The pages kept in ``name``, when they were checked by these same checks."""
    data = kept.read(cache_dir, name, {})
    return data.get("pages") or {} if data.get("fingerprint") == fingerprint() else {}


def _write(cache_dir: Path | None, name: str, pages: dict) -> None:
    kept.write(cache_dir, name, {"fingerprint": fingerprint(), "pages": pages})


def load(cache_dir: Path | None) -> dict[str, list[dict]]:
    """Earlier results by page key; empty when there are none or they cannot be read."""
    return _read(cache_dir, CACHE_FILE)


def save(cache_dir: Path | None, results: dict[str, list[dict]]) -> None:
    """Write the results for the pages just checked (atomically; older pages are dropped)."""
    _write(cache_dir, CACHE_FILE, results)
