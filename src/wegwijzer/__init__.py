"""Wegwijzer: calm, plain-language guides for life events, as an MkDocs plugin.

The package reads as its pipeline: ``problems``, ``model`` and ``content`` are the
shared vocabulary; ``load/`` reads YAML into the model, ``checks/`` finds what an
editor must fix, ``render/`` makes pages and data files, ``publish/`` builds, gates
and swaps the site in; ``editing/`` holds the editors' tools. ``plugin`` (MkDocs)
and ``cli`` are thin adapters on top. Each layer imports only from the ones before it.
"""

from __future__ import annotations

from .checks import load_content, run_checks
from .content import Content
from .load.loader import collect
from .model import (
    Channel,
    ChannelKind,
    Deadline,
    GlossaryTerm,
    HelpLevel,
    HelpPoint,
    LifeEvent,
    Municipality,
    Organisation,
    Phase,
    Question,
    Step,
)
from .problems import ContentError, Problem, Severity

__all__ = [
    "Channel",
    "ChannelKind",
    "Content",
    "ContentError",
    "Deadline",
    "GlossaryTerm",
    "HelpLevel",
    "HelpPoint",
    "LifeEvent",
    "Municipality",
    "Organisation",
    "Phase",
    "Problem",
    "Question",
    "Severity",
    "Step",
    "collect",
    "load_content",
    "run_checks",
]
