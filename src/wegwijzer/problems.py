"""Problems found in the content, each naming the file and line an editor must fix."""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TextIO


class Severity(StrEnum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor should fix.

    Rendered as ``file:line: where: message — fix``, where ``where`` is the field
    path (``steps[3].organisation``) for data problems or the rule name for
    plain-language findings.
    """

    file: str
    line: int
    where: str
    message: str
    fix: str = ""
    severity: Severity = Severity.error
    rule: str = "schema"
    quote: str = ""

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{location}: {self.where}: {self.message}" if self.where else f"{location}: {self.message}"
        if self.quote:
            text += f' ("{self.quote}")'
        if self.fix:
            text += f" — {self.fix}"
        return visible(text)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.error


_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def visible(text: str) -> str:
    """``text`` with control, bidi and zero-width characters written out (``\\x1b``, ``\\u202e``).

    Nothing from a content file can move the cursor, recolour or clear a terminal, or
    turn the message around.
    """
    return _HIDDEN.sub(
        lambda m: repr(m.group())[1:-1] if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


class ContentError(Exception):
    """Raised when content has errors; carries every problem found in one run."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        lines = "\n".join(str(p) for p in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun} in the content:\n{lines}")


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A "did you mean 'x'?" hint, or an empty string when nothing is close."""
    matches = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'? " if matches else ""


Emit = Callable[[Problem], None]
"""Where a reporter sends one problem: a printer for the command line, the logger for MkDocs."""


def report(problems: Iterable[Problem], emit: Emit) -> tuple[int, int]:
    """Send every problem to ``emit``, in file and line order; returns (errors, warnings).

    The one way problems reach people: content checks and build gates alike.
    """
    errors = warnings = 0
    for problem in sorted(problems):
        emit(problem)
        errors += problem.is_error
        warnings += not problem.is_error
    return errors, warnings


def printer(stream: TextIO | None = None) -> Emit:
    """An ``emit`` that prints ``ERROR: …`` or ``WARNING: …`` lines (to stdout by default)."""

    def emit(problem: Problem) -> None:
        label = "ERROR" if problem.is_error else "WARNING"
        print(f"{label}: {problem}", file=stream or sys.stdout)

    return emit


def log_to(log: Any, strict_warnings: bool = False) -> Emit:
    """An ``emit`` for a logger (MkDocs'): errors stop the build; warnings show on every build,
    and fail only a strict one when asked (``strict_warnings``)."""

    def emit(problem: Problem) -> None:
        if problem.is_error:
            log.error(str(problem))
        elif strict_warnings:
            log.warning(str(problem))
        else:
            log.info(f"warning: {problem}")

    return emit


def not_changed(site: object) -> str:
    """What a failed build tells about the site that was there before."""
    return f"The previous site in {site} was not changed."
