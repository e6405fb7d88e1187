"""All content checks in one run: schema and references, freshness, plain language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .freshness import stale_content, unsourced_steps
from .loader import Content, collect
from .problems import Problem
from .writing import LanguageSettings, PageScore, check_content


@dataclass
class CheckResult:
    content: Content
    problems: list[Problem]
    scores: list[PageScore] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def run_checks(
    lifeevents: Path,
    docs_dir: Path | None = None,
    settings: LanguageSettings | None = None,
    review_after_days: int = 365,
    today: dt.date | None = None,
) -> CheckResult:
    """Load the content and check everything an editor can fix.

    Plain-language and freshness checks run only on content that loaded without
    errors: their line numbers need valid data.
    """
    content, problems = collect(lifeevents)
    if any(p.is_error for p in problems):
        return CheckResult(content, problems)
    problems += stale_content(content, today or dt.date.today(), review_after_days)
    problems += unsourced_steps(content)
    language, scores = check_content(content, settings or LanguageSettings(), docs_dir)
    return CheckResult(content, problems + language, scores)
