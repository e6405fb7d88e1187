"""Load the content folder into validated models, collecting every problem in one run."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .model import GlossaryTerm, HelpPoint, LifeEvent, Municipality, Organisation
from .problems import ContentError, Problem, did_you_mean
from .yamlsource import PathKey, YamlDocument, YamlProblem, format_path, read_yaml

REGISTERS_DIR = "registers"
REGISTERS: dict[str, type[BaseModel]] = {
    "organisations": Organisation,
    "helppoints": HelpPoint,
    "municipalities": Municipality,
    "glossary": GlossaryTerm,
}
"""Register file name (without .yaml) → the model of each entry."""

M = TypeVar("M", bound=BaseModel)


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
    origins: dict[int, Origin] = field(default_factory=dict, repr=False)

    def origin(self, obj: BaseModel) -> Origin:
        """Where ``obj`` (an event, a step or a register entry) was written."""
        return self.origins[id(obj)]

    def register(self, name: str) -> dict[str, Any]:
        return getattr(self, name)


def load_content(root: Path) -> Content:
    """Load and validate ``root`` (the lifeevents folder).

    Raises:
        ContentError: with every problem found, when there is at least one.
    """
    content, problems = collect(root)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ContentError(errors)
    return content


def collect(root: Path) -> tuple[Content, list[Problem]]:
    """Load what can be loaded and return it with all problems found."""
    from .references import check_references

    content = Content(root=root)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(
            Problem(
                root.as_posix(),
                0,
                "",
                "the content folder does not exist",
                "create it, or set 'lifeevents_dir' in mkdocs.yml",
            )
        )
        return content, problems

    for name, model in REGISTERS.items():
        path = root / REGISTERS_DIR / f"{name}.yaml"
        display = f"{root.name}/{REGISTERS_DIR}/{name}.yaml"
        if not path.is_file():
            problems.append(
                Problem(
                    display,
                    0,
                    "",
                    "this register is missing",
                    f"create {display}; it may hold an empty list: []",
                )
            )
            continue
        problems += _load_register(path, root, name, model, content)

    event_files = sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml"))
    if not event_files:
        problems.append(
            Problem(
                root.name, 0, "", "there are no life events", f"add a file like {root.name}/verhuizen.yaml"
            )
        )
    for path in event_files:
        problems += _load_event(path, root, content)

    if not any(p.is_error for p in problems):
        problems += check_references(content)
    return content, problems


def placeholders(doc: YamlDocument) -> list[Problem]:
    """Text that still holds the scaffold's placeholder."""
    from .scaffold import PLACEHOLDER

    problems = []

    def walk(value: Any, path: PathKey) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))
        elif isinstance(value, str) and PLACEHOLDER in value:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of(path),
                    format_path(path),
                    "this is still a placeholder",
                    "replace it with your own text",
                )
            )

    walk(doc.data, ())
    return problems


def _read(path: Path, root: Path) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        return read_yaml(path, root), []
    except YamlProblem as err:
        return None, [err.problem]


def _load_register(path: Path, root: Path, name: str, model: type[M], content: Content) -> list[Problem]:
    doc, problems = _read(path, root)
    if doc is None:
        return problems
    data = [] if doc.data is None else doc.data
    if not isinstance(data, list):
        return [
            Problem(doc.file, 1, "", "this register must be a list", "start every entry with '- id: ...'")
        ]
    entries: dict[str, Any] = content.register(name)
    for index, raw in enumerate(data):
        item, item_problems = validate(model, raw, doc, (index,))
        problems += item_problems
        if item is None:
            continue
        if item.id in entries:
            first = content.origin(entries[item.id])
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of((index, "id")),
                    format_path((index, "id")),
                    f"the id '{item.id}' is used twice (first on line {first.line('id')})",
                    "give each entry its own id",
                )
            )
            continue
        entries[item.id] = item
        content.origins[id(item)] = Origin(doc, (index,))
    return problems


def _load_event(path: Path, root: Path, content: Content) -> list[Problem]:
    doc, problems = _read(path, root)
    if doc is None:
        return problems
    event, problems = validate(LifeEvent, doc.data, doc, ())
    problems += placeholders(doc)
    if event is None:
        return problems
    if event.id != path.stem:
        return [
            Problem(
                doc.file,
                doc.line_of(("id",)),
                "id",
                f"the id '{event.id}' is not the same as the file name '{path.name}'",
                f"write 'id: {path.stem}', or rename the file to {event.id}.yaml",
            )
        ]
    content.events[event.id] = event
    content.origins[id(event)] = Origin(doc)
    for index, step in enumerate(event.steps):
        content.origins[id(step)] = Origin(doc, ("steps", index))
    for index, question in enumerate(event.questions):
        content.origins[id(question)] = Origin(doc, ("questions", index))
    return problems


def validate(model: type[M], data: Any, doc: YamlDocument, base: PathKey) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` as ``model``; turn each pydantic error into a Problem with a line."""
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        return None, [_to_problem(model, e, doc, base) for e in err.errors(include_url=False)]


def _to_problem(model: type[BaseModel], error: Any, doc: YamlDocument, base: PathKey) -> Problem:
    loc = tuple(part for part in error["loc"] if _is_data_part(part))
    path = (*base, *loc)
    message, fix = explain(model, error, loc)
    return Problem(doc.file, doc.line_of(path), format_path(path), message, fix)


def _is_data_part(part: Any) -> bool:
    # pydantic adds validator names ("function-after[...]") and enum tags to loc.
    return isinstance(part, int) or "[" not in part


def explain(model: type[BaseModel], error: Any, loc: PathKey) -> tuple[str, str]:
    """A plain message and a fix for one pydantic error."""
    kind = error["type"]
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    value = error.get("input")
    shown = _show(value)
    if kind == "missing":
        return f"'{name}' is missing", f"add a line '{name}: ...' to this block" + _described(model, loc)
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        return (
            f"unknown field '{name}'",
            did_you_mean(name, allowed) + "Fields allowed here: " + ", ".join(allowed) + ".",
        )
    if kind == "value_error":
        text = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
        message, _, fix = text.partition(" — ")
        return message, fix
    if kind in ("string_type",):
        return (
            f"must be text, not {shown}",
            "write text here; put it between double quotes if it starts with a special sign",
        )
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false, not {shown}", "write true or false"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number, not {shown}", "write a number without quotes, like 14"
    if kind == "list_type":
        return f"must be a list, not {shown}", "put each item on its own line, starting with '- '"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"must be a block of fields, not {shown}",
            "write the fields on the lines below, indented by two spaces" + _described(model, loc),
        )
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{shown} is not allowed here", f"use one of: {expected}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{shown} is not a valid date", "write the date as year-month-day, like 2026-11-22"
    if kind == "string_pattern_mismatch":
        return f"{shown} is not written the right way", _pattern_fix(name, loc)
    if kind == "string_too_long":
        return f"{shown} is too long", f"use at most {error['ctx']['max_length']} characters"
    if kind == "too_short":
        return f"needs at least {error['ctx']['min_length']} item(s)", "add at least one item" + _described(
            model, loc
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{shown} is out of range", error["msg"].lower()
    return error["msg"], "check this value against a similar block that works"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _pattern_fix(name: str, loc: PathKey) -> str:
    if name == "postcode":
        return "write a postcode like 7511 JN"
    if name == "cbs_code":
        return "write the CBS code like GM0153"
    if "postcodes" in loc:
        return "write a postcode range like 7511-7548"
    return "ids use only lowercase letters, digits and hyphens, like 'aow-aanpassen'"


def _described(model: type[BaseModel], loc: PathKey) -> str:
    info = _field_info(model, loc)
    return f" ({info.description})" if info is not None and info.description else ""


def _field_info(model: type[BaseModel], loc: PathKey) -> Any:
    if not loc or not isinstance(loc[-1], str):
        return None
    owner = _model_at(model, loc[:-1])
    return owner.model_fields.get(loc[-1]) if owner else None


def _fields_at(model: type[BaseModel], loc: PathKey) -> list[str]:
    owner = _model_at(model, loc)
    return list(owner.model_fields) if owner else []


def _model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model class that describes the block at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for candidate in _flatten(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _flatten(annotation: Any) -> Iterator[Any]:
    yield annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            yield from _flatten(arg)
