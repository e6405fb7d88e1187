"""``wegwijzer links``: the content's web addresses found with their lines, and checked against a local server."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wegwijzer.checks import load_checked
from wegwijzer.editing.links import Link, check_links, content_links, status_of


class _Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, with_body: bool) -> None:
        if self.path == "/weg":
            self.send_error(404, "Not Found")
            return
        if self.path == "/geen-head" and self.command == "HEAD":
            self.send_error(405, "Method Not Allowed")
            return
        self.send_response(200)
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's names
        self._answer(False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(True)

    def log_message(self, *_args) -> None:
        pass


@contextmanager
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def test_every_address_in_the_content_is_found_with_its_line(lifeevents: Path) -> None:
    content, _ = load_checked(lifeevents)
    links = content_links(content)
    urls = {link.url for link in links}
    assert urls == {
        "https://www.overheid.nl/wie-is-mijn-gemeente",
        "https://www.belastingdienst.nl/toeslagen",
    }
    assert all(link.file.startswith("lifeevents/") and link.line > 0 for link in links)
    text = {
        link.file: (Path(lifeevents).parent / link.file).read_text("utf-8").splitlines() for link in links
    }
    for link in links:
        assert link.url in text[link.file][link.line - 1], link


def test_dead_addresses_are_reported_with_file_and_line() -> None:
    with server() as base:
        assert status_of(f"{base}/ok") is None
        assert status_of(f"{base}/geen-head") is None  # refused HEAD, then GET works
        assert status_of(f"{base}/weg") == "the page answers 404 (Not Found)"
        links = [
            Link(f"{base}/ok", "lifeevents/verhuizen.yaml", 12, "steps.0.source"),
            Link(f"{base}/weg", "lifeevents/verhuizen.yaml", 30, "steps.1.source"),
            Link(f"{base}/weg", "lifeevents/registers/organisations.yaml", 7, "0.website"),
        ]
        problems = check_links(links)
    assert [str(p) for p in problems] == [
        f"lifeevents/verhuizen.yaml:30: steps.1.source: {base}/weg: the page answers 404 (Not Found)"
        " — find the organisation's current page on this subject and put its address here",
        f"lifeevents/registers/organisations.yaml:7: 0.website: {base}/weg: the page answers 404 (Not Found)"
        " — find the organisation's current page on this subject and put its address here",
    ]


def test_an_address_that_cannot_be_reached_is_said_plainly() -> None:
    with server() as base:
        closed = base  # the server stops when the block ends
    message = status_of(f"{closed}/ok", timeout=2)
    assert message and message.startswith("the page cannot be reached")
