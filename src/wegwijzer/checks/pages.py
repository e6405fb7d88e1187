"""The hand-written Markdown pages (about, privacy, ...): readable, inside the project, without HTML.

MkDocs publishes every file in the docs folder; these checks make sure that what it publishes
was written there, is text, and holds no HTML code that could run on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..load.loader import outside
from ..load.yaml_lines import invisible_character
from ..model.fields import HTML_START
from ..model.translation import language_of
from ..problems import Problem


@dataclass(frozen=True)
class MarkdownPage:
    display: str
    """The page's name in problems: ``content/over.md``."""
    text: str

    @property
    def language(self) -> str:
        """The page's language: ``en`` for ``content/en/over.md``, Dutch for ``content/over.md``."""
        return language_of(self.display.split("/", 1)[-1])


_CODE_SPAN = re.compile(r"`[^`]*`")
_AUTOLINK = re.compile(r"<(https://|mailto:)[^>\s]*>")


def read_pages(docs_dir: Path | None) -> tuple[list[MarkdownPage], list[Problem]]:
    """Every Markdown page of ``docs_dir`` that can be read, and a problem for each that cannot."""
    pages: list[MarkdownPage] = []
    problems: list[Problem] = []
    if docs_dir is None or not docs_dir.is_dir():
        return pages, problems
    for path in sorted(docs_dir.rglob("*")):
        link = outside(path, docs_dir)
        if link is not None:
            problems.append(link)
        elif path.suffix == ".md" and path.is_file():
            display = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
            page, problem = _read(path, display)
            problems += problem
            if page is not None:
                pages.append(page)
    return pages, problems


def _read(path: Path, display: str) -> tuple[MarkdownPage | None, list[Problem]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        fix = "save the file as UTF-8 in your editor"
        return None, [Problem(display, line, "", "this line has characters that are not UTF-8", fix)]
    invisible = invisible_character(text, display)
    problems = [invisible] if invisible else _html_code(text, display)
    return (None if problems else MarkdownPage(display, text)), problems


def _html_code(text: str, display: str) -> list[Problem]:
    """HTML in a Markdown page (outside code): it would be shown as text, so it is refused."""
    problems = []
    in_code = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        found = None if in_code else HTML_START.search(_AUTOLINK.sub("", _CODE_SPAN.sub("", line)))
        if found:
            problems.append(
                Problem(
                    display,
                    number,
                    "",
                    f"contains HTML code '{found.group(0)}'",
                    "write Markdown instead (# for a heading, ** for bold, [text](address) for a link)",
                )
            )
    return problems
