"""One accessibility problem on one page, said so that an editor can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass

from ...problems import Problem


@dataclass(frozen=True, order=True)
class Finding:
    """One accessibility problem.

    Attributes:
        page: the page's address in the site, like ``gids/verhuizen/``.
        rule: the check that failed: ``axe/<rule id>`` or one of our own, like ``tel-format``.
        element: a CSS selector and an HTML snippet of the element; empty for the whole page.
        message: what is wrong, and at which screen size.
        fix: how to fix it.
    """

    page: str
    rule: str
    element: str
    message: str
    fix: str

    def __str__(self) -> str:
        parts = (f"{self.page}: {self.rule}: {self.message}", self.element, self.fix)
        return " — ".join(part for part in parts if part)

    def problem(self) -> Problem:
        """The finding as a Problem, so that one reporter tells it like every other."""
        where = f"{self.rule}: {self.element}" if self.element else self.rule
        return Problem(self.page, 0, where, self.message, self.fix, rule=self.rule)
