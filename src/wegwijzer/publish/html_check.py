"""The HTML gate: every built page through the W3C Nu HTML Checker (vnu.jar), in one Java process.

The checker is the npm package vnu-jar, run on Debian's Java; scripts/bootstrap installs both
(the jar into .tools/, which git ignores). Its errors fail the build; its warnings and notes are
listed. The same error on many pages (a fault in the theme or a template) is told once, with
the number of other pages that have it. Pages that passed are remembered by their exact bytes
(``html.json`` in the cache folder), so a build checks only the pages that changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..problems import Problem, Severity
from . import kept

VNU_JAR = Path(".tools/node_modules/vnu-jar/build/dist/vnu.jar")
"""Where scripts/bootstrap puts the checker, in the project; the variable WEGWIJZER_VNU_JAR overrides it."""

JAVA_OPTIONS = ("-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
"""For one short run: Java's quick compiler alone halves the CPU time; its deeper stack needs more
than the default 1 MB (vnu's HTML schema needs 2 MB then); one garbage-collector thread."""

CHECKER_OPTIONS = ("--format", "json", "--stdout", "--exit-zero-always", "--asciiquotes")

INSTALL = "run scripts/bootstrap (it installs Debian's Java, and vnu-jar from npm into .tools/)"

NAMED_PAGES = 3
"""An error on a few more pages names them; on more, they are counted."""

FIXES = (
    (r"^Duplicate ID", "give each element on the page its own id"),
    (r"^The first occurrence of ID", "this element and the one named in the error share an id: change one"),
    (r"^Stray end tag", "remove this end tag, or add the start tag it closes"),
    (r"^Stray (start tag|doctype)", "remove this tag, or move it to where it belongs"),
    (
        r"Unclosed element|open elements|^End tag .* implied",
        "close each element, in the order they were opened",
    ),
    (r"^Attribute .* not allowed|is only allowed when", "remove the attribute, or use one HTML allows here"),
    (r"^Bad value|^Forbidden code point", "correct the value: the message says what HTML expects"),
    (r"^The value of the .for. attribute", "point the label at the id of a form field people can see"),
    (r"not allowed as child|not allowed in this context", "move the element to where HTML allows it"),
    (r"^Element .* is missing", "add what the message names"),
    (r"lacks heading", "give it a heading, or use a plain <div>"),
    (r"^Trailing slash on void", "leave out the / before the >"),
)
"""The plain fix for the checker's most common messages, first match wins."""

OTHER_FIX = "correct the HTML at this line of the built page"


class HtmlCheckerMissing(RuntimeError):
    """Java or the checker is not installed, or could not run; the message says what to do."""


@dataclass
class HtmlCheck:
    """The outcome of one run of the checker over a site."""

    problems: list[Problem]
    """What to show: each different error once, naming the first page that has it."""
    errors: int
    """Every error on every page, also those told once for many pages."""
    failed_pages: int
    pages: int
    seconds: float
    checked: int = 0
    """Pages given to the checker; the others passed before with exactly the same bytes."""


def vnu_jar() -> Path:
    """The checker's jar: WEGWIJZER_VNU_JAR, or .tools/ in this project or the current folder's."""
    if os.environ.get("WEGWIJZER_VNU_JAR"):
        jar = Path(os.environ["WEGWIJZER_VNU_JAR"])
        if jar.is_file():
            return jar
        raise HtmlCheckerMissing(f"the W3C HTML checker is not at {jar} (WEGWIJZER_VNU_JAR) — {INSTALL}")
    here = Path(__file__).resolve()
    for folder in (*here.parents, Path.cwd(), *Path.cwd().parents):
        if (folder / VNU_JAR).is_file():
            return folder / VNU_JAR
    raise HtmlCheckerMissing(f"the W3C HTML checker (vnu.jar) is not installed — {INSTALL}")


def checker_command() -> list[str]:
    """``java … -jar vnu.jar`` with its options; raises HtmlCheckerMissing with the fix."""
    java = shutil.which("java")
    if java is None:
        raise HtmlCheckerMissing(f"the W3C HTML checker needs Java, which is not installed — {INSTALL}")
    return [java, *JAVA_OPTIONS, "-jar", str(vnu_jar()), *CHECKER_OPTIONS]


def check_html(site: Path, cache_dir: Path | None = None) -> HtmlCheck:
    """Check every HTML page of a built (or staged) site in one run of the checker.

    With ``cache_dir``, pages that passed before with the same bytes (and the same checker)
    are not checked again.
    """
    started = time.perf_counter()
    site = Path(site).resolve()
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    if not pages:
        return HtmlCheck([], 0, 0, 0, 0.0)
    command = checker_command()
    version = _checker_version(command)
    keys = {page: hashlib.sha256(version + (site / page).read_bytes()).hexdigest() for page in pages}
    passed = set(kept.read(cache_dir, CACHE_FILE, []))
    todo = [page for page in pages if keys[page] not in passed]
    problems, errors, failed = [], 0, 0
    if todo:
        done = subprocess.run([*command, *todo], cwd=site, capture_output=True, text=True, check=False)
        try:
            output = json.loads(done.stdout)
        except json.JSONDecodeError:
            said = (done.stderr.strip() or done.stdout.strip() or f"exit code {done.returncode}").splitlines()
            raise HtmlCheckerMissing(f"the W3C HTML checker did not run ({said[0]}) — {INSTALL}") from None
        messages = output.get("messages", [])
        problems, errors, failed = to_problems(messages, site)
        wrong = {_page(m.get("url", ""), site) for m in messages if _severity(m) is Severity.error}
        passed |= {keys[page] for page in todo if page not in wrong and "vnu.jar" not in wrong}
    kept.write(cache_dir, CACHE_FILE, sorted(passed & set(keys.values())))
    return HtmlCheck(problems, errors, failed, len(pages), time.perf_counter() - started, len(todo))


CACHE_FILE = "html.json"


def _checker_version(command: list[str]) -> bytes:
    """What identifies the checker: its jar (path, size, time) and the options it runs with."""
    jar = Path(command[command.index("-jar") + 1])
    stat = jar.stat()
    return f"{jar}\0{stat.st_size}\0{stat.st_mtime_ns}\0{' '.join(command[1:])}\0".encode()


FROM_DISK = ("Resource violates Content Security Policy", "Inline script violates Content Security Policy")
"""The checker reads pages from disk, where the policy's 'self' cannot match the site's own files;
the policy is checked where it applies, on the served site in Chromium (the accessibility gate)."""


def to_problems(messages: Iterable[dict], site: Path) -> tuple[list[Problem], int, int]:
    """The checker's JSON messages as problems: (problems to show, all errors, pages with errors).

    The same message about the same piece of HTML on several pages is one problem, on the
    first of those pages, that names the others (or counts them, when there are many).
    """
    groups: dict[tuple[Severity, str, str, str], list[tuple[str, int]]] = {}
    for message in messages:
        if message.get("message", "").startswith(FROM_DISK):
            continue
        page = _page(message.get("url", ""), site)
        line = message.get("firstLine", message.get("lastLine", 0))
        key = (_severity(message), message.get("message", "").strip(), _quote(message), _fix(message))
        groups.setdefault(key, []).append((page, line))
    problems = []
    for (severity, text, quote, fix), places in groups.items():
        page, line = min(places)
        others = sorted({other for other, _ in places} - {page})
        if len(others) > NAMED_PAGES:
            text += f" (also on {len(others)} other pages)"
        elif others:
            text += f" (also on {', '.join(others)})"
        where = _part(site / page, line)
        problems.append(
            Problem(page, line, "html", text, f"{fix}; {where}" if where else fix, severity, "html", quote)
        )
    failed = [
        page for (severity, *_), places in groups.items() if severity is Severity.error for page, _ in places
    ]
    return problems, len(failed), len(set(failed))


def _fix(message: dict) -> str:
    """How to fix what the checker says, in plain words."""
    if message.get("type") == "non-document-error":
        return f"the checker failed: build again, and if it fails again, {INSTALL}"
    text = message.get("message", "")
    return next((fix for pattern, fix in FIXES if re.search(pattern, text)), OTHER_FIX)


def _severity(message: dict) -> Severity:
    """Errors, and the checker failing to read a page, fail the build; warnings and notes do not."""
    return Severity.warning if message.get("type") == "info" else Severity.error


def _page(url: str, site: Path) -> str:
    """``file:/…/site/gids/x/index.html`` → ``gids/x/index.html``; "vnu.jar" for no page."""
    if not url:
        return "vnu.jar"
    try:
        return Path(os.path.normpath(unquote(urlparse(url).path))).relative_to(site).as_posix()
    except ValueError:
        return url


def _quote(message: dict) -> str:
    """The HTML the message is about, on one line and at most 100 characters."""
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    part = extract[start : start + message.get("hiliteLength", len(extract))]
    part = " ".join(part.split())
    return part if len(part) <= 100 else part[:99] + "…"


def _part(page: Path, line: int) -> str:
    """Whether the line is in the page's text (its Markdown or a Wegwijzer template) or in the theme."""
    try:
        lines = page.read_text("utf-8").splitlines()
    except OSError:
        return ""
    start = next((n for n, text in enumerate(lines, 1) if "<article" in text), 0)
    end = max((n for n, text in enumerate(lines, 1) if "</article>" in text), default=0)
    if not (line and start and end):
        return ""
    if start <= line <= end:
        return "it is in the page's text (its Markdown, or the Wegwijzer template that makes it)"
    return "it is in the theme (the site's theme/ folder or Wegwijzer's src/wegwijzer/theme/)"
