"""Serve a built site on 127.0.0.1 and drive Debian's Chromium through Playwright."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
"""The real binary first: /usr/bin/chromium is a wrapper script that prints a warning."""

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
"""Flags that keep Chromium quiet and offline."""


class ChromiumMissing(RuntimeError):
    """Chromium is not installed; the message says how to install it."""


def chromium_path() -> str:
    """The Chromium binary to use; raises with a plain fix when it is missing."""
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    raise ChromiumMissing("Chromium is not installed — run scripts/bootstrap (it installs Debian's chromium)")


def launch(playwright: Any) -> Any:
    """Launch headless Chromium with the offline flags."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that leaves a page before it has loaded closes the connection: not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site_dir: Path, handler_class: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``site_dir`` on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def in_own_thread(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``function`` in a thread of its own and return its result.

    Playwright's sync API and ``asyncio.run`` refuse to start inside a running
    event loop (for example a test's browser); a fresh thread has none.
    """
    result: dict[str, Any] = {}

    def target() -> None:
        try:
            result["value"] = function(*args, **kwargs)
        except BaseException as err:  # noqa: BLE001 - re-raised in the caller's thread
            result["error"] = err

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]
