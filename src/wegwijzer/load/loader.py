"""Load the content folder into validated models, collecting every problem in one run."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..content import Content, Origin, PathKey, YamlDocument, format_path
from ..model import PLACEHOLDER, REGISTERS, LifeEvent
from ..problems import Problem
from .explain import explain_error
from .yaml_lines import YamlProblem, read_yaml

REGISTERS_DIR = "registers"

M = TypeVar("M", bound=BaseModel)


def collect(root: Path) -> tuple[Content, list[Problem]]:
    """Load what can be loaded and return it with all problems found.

    References between files are checked by :func:`wegwijzer.checks.run_checks`.
    """
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
    return content, problems


def placeholders(doc: YamlDocument) -> list[Problem]:
    """Text that still holds the scaffold's placeholder."""
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
        return None, [explain_error(model, e, doc, base) for e in err.errors(include_url=False)]
