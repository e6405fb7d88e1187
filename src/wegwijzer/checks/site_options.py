"""The wegwijzer options in mkdocs.yml, checked like content: every mistake named with its line and a fix.

MkDocs checks its own options; a wrong type in ours (``sentence_error_above: twintig``) or a
misspelled name (``review_after_dayz``) must stop ``wegwijzer check`` and the build alike,
before anything is built.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..load.loader import validate
from ..load.site_config import SiteConfig, read_site_config
from ..problems import Problem
from .plain_language import DEFAULT_SEVERITY, LanguageSettings

_STRICT = ConfigDict(extra="forbid", strict=True)

Level = Literal["error", "warn", "ignore"]
RuleName = Literal[tuple(DEFAULT_SEVERITY)]  # type: ignore[valid-type]

PlainLanguageOptions: type[BaseModel] = create_model(  # type: ignore[call-overload]
    "PlainLanguageOptions",
    __config__=_STRICT,
    rules=(
        dict[RuleName, Level],
        Field({}, description="per rule: error, warn or ignore, like {passive: ignore}"),
    ),
    **{
        f.name: (
            float if isinstance(f.default, float) else int,
            Field(f.default, ge=0, description=f"a number, like {f.default:g}"),
        )
        for f in dataclasses.fields(LanguageSettings)
        if f.name != "severities"
    },
)
"""``plain_language``: the thresholds of :class:`LanguageSettings` and a severity per rule."""


class PluginOptions(BaseModel):
    """The options of ``plugins: - wegwijzer:`` in mkdocs.yml (documented in plugin.WegwijzerConfig)."""

    model_config = _STRICT

    enabled: bool = Field(True, description="true or false")
    lifeevents_dir: str = Field("lifeevents", description="a folder name, like lifeevents")
    language: Literal["nl"] = "nl"
    languages: list[Literal["en", "ar"]] = Field(
        [], description="a list of languages besides Dutch, like [en, ar]"
    )
    language_min_share: float = Field(
        0.8, ge=0, le=1, description="the share of a guide's texts that must be translated, like 0.8"
    )
    review_after_days: int = Field(365, ge=1, description="a number of days, like 365")
    max_guides_in_nav: int = Field(30, ge=0, description="a number, like 30")
    plain_language: PlainLanguageOptions = Field(  # type: ignore[valid-type]
        default_factory=PlainLanguageOptions, description="a block of thresholds, like {first_phase_max: 5}"
    )
    report: str = Field("wegwijzer-rapport.html", description="a file name, like wegwijzer-rapport.html")
    first_view_budget_kb: float = Field(50, gt=0, description="a number of KB, like 50")
    strict_warnings: bool = Field(False, description="true or false")


def check_site_config(config_file: Path) -> tuple[SiteConfig, list[Problem]]:
    """mkdocs.yml's wegwijzer options, with every problem in them (file, line, path and fix)."""
    site, problems = read_site_config(config_file)
    if problems or site.doc is None:
        return site, problems
    _, problems = validate(PluginOptions, site.options, site.doc, site.base)
    return site, problems


def language_settings(options: dict[str, Any]) -> LanguageSettings:
    """The plain-language settings of options that :func:`check_site_config` found valid."""
    return LanguageSettings.from_options(options.get("plain_language") or {})
