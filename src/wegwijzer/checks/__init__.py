"""2. Check: all content checks in one run: schema and references, freshness, plain language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..content import Content
from ..load.loader import collect
from ..load.site_config import SiteConfig
from ..load.translations import Translation, load_translation
from ..problems import ContentError, Problem, Severity
from .deadlines import check_deadlines
from .freshness import future_dates, stale_content, unsourced_steps
from .pages import read_pages
from .plain_language import LanguageSettings, PageScore, check_content
from .plain_language.other_languages import check_translation
from .references import check_references
from .registers import check_registers
from .site_options import check_site_config, language_settings

REVIEW_AFTER_DAYS = 365
"""Default age after which guides and help points are reported as due for a check."""


@dataclass
class CheckResult:
    content: Content
    problems: list[Problem]
    scores: list[PageScore] = field(default_factory=list)
    settings: LanguageSettings = field(default_factory=LanguageSettings)
    translations: dict[str, Translation] = field(default_factory=dict)
    """The other languages, each laid over the Dutch content."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


EXAMPLE_HOSTS = ("example.nl", "example.com", "example.org", "example.net")


def check_site_url(site_url: str | None) -> list[Problem]:
    """A warning when the printed address and QR codes would point to an example domain."""
    host = urlsplit(site_url or "").hostname or ""
    if host and not any(host == h or host.endswith("." + h) for h in EXAMPLE_HOSTS):
        return []
    where = f"'{site_url}' is an example address" if host else "there is no site_url"
    return [
        Problem(
            "mkdocs.yml",
            0,
            "site_url",
            f"{where}: printed checklists and their QR codes would point nowhere",
            "set site_url in mkdocs.yml to the address where the site will be published",
            severity=Severity.warning,
            rule="site-url",
        )
    ]


def load_checked(root: Path) -> tuple[Content, list[Problem]]:
    """Load ``root`` and check every reference between its files."""
    content, problems = collect(root)
    if not any(p.is_error for p in problems):
        problems += check_references(content)
        problems += check_deadlines(content)
        problems += check_registers(content)
    return content, problems


def load_content(root: Path) -> Content:
    """Load and validate ``root`` (the lifeevents folder), references included.

    Raises:
        ContentError: with every problem found, when there is at least one.
    """
    content, problems = load_checked(root)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ContentError(errors)
    return content


def run_checks(
    lifeevents: Path,
    docs_dir: Path | None = None,
    settings: LanguageSettings | None = None,
    review_after_days: int = REVIEW_AFTER_DAYS,
    today: dt.date | None = None,
    languages: list[str] | tuple[str, ...] = (),
) -> CheckResult:
    """Load the content and check everything an editor can fix, in Dutch and in ``languages``.

    Plain-language and freshness checks run only on content that loaded without
    errors: their line numbers need valid data.
    """
    content, problems = load_checked(lifeevents)
    pages, page_problems = read_pages(docs_dir)
    problems += page_problems
    if any(p.is_error for p in problems):
        return CheckResult(content, problems)
    today = today or dt.date.today()
    problems += future_dates(content, today)
    problems += stale_content(content, today, review_after_days)
    problems += unsourced_steps(content)
    settings = settings or LanguageSettings()

    language, scores = check_content(content, settings, [p for p in pages if p.language == "nl"])
    translations: dict[str, Translation] = {}
    for lang in languages:
        translation, found = load_translation(content, lang)
        translations[lang] = translation
        problems += found
        if not any(p.is_error for p in found):
            more, more_scores = check_translation(
                translation.content, settings, [p for p in pages if p.language == lang]
            )
            language += more
            scores += more_scores
    return CheckResult(content, problems + language, scores, translations=translations)


def check_site(
    config_file: Path | None,
    lifeevents: Path | None = None,
    review_after_days: int | None = None,
    today: dt.date | None = None,
) -> CheckResult:
    """Check mkdocs.yml's wegwijzer options first, then the content with the thresholds they set.

    ``lifeevents`` and ``review_after_days``, when given, win over mkdocs.yml (the command line).
    """
    site, problems = check_site_config(config_file) if config_file else (SiteConfig(""), [])
    options = site.options if isinstance(site.options, dict) else {}
    base = config_file.parent if config_file else Path()
    lifeevents = lifeevents or base / options.get("lifeevents_dir", "lifeevents")
    if problems:
        return CheckResult(Content(root=lifeevents), problems)
    settings = language_settings(options)
    days = review_after_days or options.get("review_after_days") or REVIEW_AFTER_DAYS
    languages = options.get("languages") or ()
    result = run_checks(lifeevents, site.docs_dir, settings, days, today, languages)
    result.settings = settings
    return result
