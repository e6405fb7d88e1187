"""The editors' report: each page's scores and every finding, with the sentence highlighted."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from ..checks.plain_language import LanguageSettings, PageScore
from ..problems import Problem
from .renderer import environment


def render_report(problems: list[Problem], scores: list[PageScore], settings: LanguageSettings) -> str:
    ordered = sorted(problems, key=lambda p: (p.file, p.line, p.rule))
    by_file = [(file, list(items)) for file, items in groupby(ordered, key=lambda p: p.file)]
    errors = sum(p.is_error for p in problems)
    return (
        environment()
        .get_template("report.html")
        .render(
            scores=scores, by_file=by_file, errors=errors, warnings=len(problems) - errors, settings=settings
        )
    )


def write_report(
    path: Path, problems: list[Problem], scores: list[PageScore], settings: LanguageSettings
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(problems, scores, settings), "utf-8")


def summary(problems: list[Problem], path: Path) -> str:
    errors = sum(p.is_error for p in problems)
    return (
        f"Content checks: {errors} error(s), {len(problems) - errors} warning(s). Report for editors: {path}"
    )
