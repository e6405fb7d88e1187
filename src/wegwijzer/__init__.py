"""Wegwijzer: calm, plain-language guides for life events, as an MkDocs plugin.

The model, loader and checks work without MkDocs; ``wegwijzer.plugin`` adapts
them to MkDocs.
"""

from __future__ import annotations

from .loader import Content, collect, load_content
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
]
