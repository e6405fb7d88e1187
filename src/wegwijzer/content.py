"""Everything loaded from the content folder, and where each part was written (file and line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import (
    Fact,
    GlossaryTerm,
    HelpPoint,
    LifeEvent,
    Municipality,
    Organisation,
    RegionalOffice,
    SearchWords,
)
from .problems import Problem

PathKey = tuple[str | int, ...]
"""A value's place inside a YAML file: ``('steps', 3, 'title')``."""


def format_path(path: PathKey) -> str:
    """``('steps', 3, 'title')`` → ``steps[3].title``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass
class YamlDocument:
    """The data of one YAML file plus the line where each value starts."""

    file: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: PathKey) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


@dataclass(frozen=True)
class Origin:
    """Where a model came from: its file, and its path inside that file."""

    doc: YamlDocument
    path: PathKey = ()

    @property
    def file(self) -> str:
        return self.doc.file

    def line(self, *sub: str | int) -> int:
        return self.doc.line_of((*self.path, *sub))

    def problem(self, sub: PathKey, message: str, fix: str = "", **kwargs: Any) -> Problem:
        return Problem(self.file, self.line(*sub), format_path((*self.path, *sub)), message, fix, **kwargs)


@dataclass
class Content:
    """Everything in the content folder, validated."""

    root: Path
    events: dict[str, LifeEvent] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    helppoints: dict[str, HelpPoint] = field(default_factory=dict)
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)
    search: dict[str, SearchWords] = field(default_factory=dict)
    regional: dict[str, RegionalOffice] = field(default_factory=dict)
    """Offices of organisations whose number differs per region (``per_region``), by id."""
    postcode_centres: dict[int, tuple[float, float]] = field(default_factory=dict, repr=False)
    """Four-digit postcode → (latitude, longitude) of its area's centre (registers/postcode_centres.csv)."""
    origins: dict[int, Origin] = field(default_factory=dict, repr=False)
    lang: str = "nl"
    """The language of the text: Dutch, or a translation laid over it (load/translations.py)."""
    dutch: set[str] = field(default_factory=set)
    """In a translation: the guides (``event``) and steps (``event/step``) still shown in Dutch."""
    meanings: dict[str, str] = field(default_factory=dict)
    """In a translation: a glossary term's short meaning, said after the Dutch term."""

    def origin(self, obj: BaseModel) -> Origin:
        """Where ``obj`` (an event, a step or a register entry) was written."""
        return self.origins[id(obj)]

    def offices_by_municipality(self) -> dict[str, list[RegionalOffice]]:
        """Per municipality id: the regional offices (registers/regional.yaml) that serve it."""
        offices: dict[str, list[RegionalOffice]] = {}
        for office in self.regional.values():
            for municipality_id in office.municipalities:
                offices.setdefault(municipality_id, []).append(office)
        return offices

    def register(self, name: str) -> dict[str, Any]:
        return getattr(self, name)
