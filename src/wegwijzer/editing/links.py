"""``wegwijzer links``: check every web address in the content, when a network is there.

Not part of the build (the build never goes online). Every ``https://`` address in the guides
and registers is asked for once (HEAD, then GET when a server refuses HEAD); an address that
answers with an error or not at all is reported with its file and line, like any other problem.
"""

from __future__ import annotations

import concurrent.futures
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..content import Content
from ..load.loader import strings_in
from ..problems import Problem, Severity

RULE = "links"
TIMEOUT = 15.0
"""Seconds to wait for one address."""
USER_AGENT = "Wegwijzer link check (https://github.com/; editors' tool)"


@dataclass(frozen=True)
class Link:
    url: str
    file: str
    line: int
    where: str


def content_links(content: Content) -> list[Link]:
    """Every web address in the loaded guides and registers, with where it is written."""
    found: dict[tuple[str, str, int], Link] = {}
    documents = {id(origin.doc): origin.doc for origin in content.origins.values()}
    for doc in documents.values():
        for path, text in strings_in(doc.data):
            if text.startswith(("https://", "http://")):
                where = ".".join(str(part) for part in path)
                link = Link(text.strip(), doc.file, doc.line_of(path), where)
                found.setdefault((link.url, link.file, link.line), link)
    return sorted(found.values(), key=lambda link: (link.file, link.line))


def status_of(url: str, timeout: float = TIMEOUT) -> str | None:
    """None when the address works; otherwise what went wrong, in words."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):  # noqa: S310 - https addresses from content
                return None
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (403, 405, 501):
                continue  # some servers refuse HEAD: ask again with GET
            return f"the page answers {err.code} ({err.reason})"
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            reason = getattr(err, "reason", err)
            return f"the page cannot be reached ({reason})"
    return None


def check_links(
    links: Iterable[Link], status: Callable[[str], str | None] = status_of, workers: int = 8
) -> list[Problem]:
    """A problem for every address that does not work; each address is asked for once."""
    links = list(links)
    urls = sorted({link.url for link in links})
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(urls, pool.map(status, urls), strict=True))
    return [
        Problem(
            link.file,
            link.line,
            link.where,
            f"{link.url}: {results[link.url]}",
            "find the organisation's current page on this subject and put its address here",
            severity=Severity.error,
            rule=RULE,
        )
        for link in links
        if results[link.url]
    ]
