"""What a generated page or data file is, shared by every module that adds pages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PageSpec:
    """One generated page: where it lives, its title, and what it shows."""

    src_uri: str
    title: str
    template: str
    event_id: str | None = None
    context: Mapping[str, Any] = field(default_factory=dict)
    """Extra values for the template."""
    meta: Mapping[str, Any] = field(default_factory=dict)
    """Extra front matter, e.g. ``hide: [toc]`` for Material."""
    assets: tuple[str, ...] = ()
    """The package's CSS and JS files (in assets/) this page needs beyond wegwijzer.css."""
    in_nav: bool = True
    """False for pages reached through links only (checklists, one page per municipality):
    they stay out of the navigation, which Material renders into every page."""


@dataclass(frozen=True)
class DataFile:
    """A generated non-page file, such as a JSON index read by a script."""

    src_uri: str
    content: str
