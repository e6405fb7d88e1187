"""Load the content folder into validated models, collecting every problem in one run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..content import Content, Origin, PathKey, YamlDocument, format_path
from ..model import PLACEHOLDER, REGISTERS, LifeEvent
from ..model.fields import ID_PATTERN, html_code
from ..problems import Problem, did_you_mean
from .explain import explain_error
from .postcode_centres import FILE_NAME as CENTRES_FILE
from .postcode_centres import read_postcode_centres
from .yaml_lines import YamlProblem, read_yaml

REGISTERS_DIR = "registers"
OPTIONAL_REGISTERS = frozenset({"facts", "search", "regional"})
"""Registers a site may leave out."""

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
        link = outside(path, root)
        if link is not None:
            problems.append(link)
            continue
        if not path.is_file() and name in OPTIONAL_REGISTERS:
            continue
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
    problems += _load_centres(root, content)

    event_files = sorted([*root.glob("*.yaml"), *root.glob("*.yml")])
    if not event_files:
        problems.append(
            Problem(
                root.name, 0, "", "there are no life events", f"add a file like {root.name}/verhuizen.yaml"
            )
        )
    seen: dict[str, Path] = {}
    for path in event_files:
        problem = outside(path, root) or _file_name_problem(path, root, seen)
        seen.setdefault(path.stem, path)
        problems += [problem] if problem else _load_event(path, root, content)
    return content, problems


def _load_centres(root: Path, content: Content) -> list[Problem]:
    """The optional postcode centres: without them the finder lists help points without distances."""
    path = root / REGISTERS_DIR / CENTRES_FILE
    link = outside(path, root)
    if link is not None:
        return [link]
    if not path.is_file():
        return []
    content.postcode_centres, problems = read_postcode_centres(
        path, f"{root.name}/{REGISTERS_DIR}/{CENTRES_FILE}"
    )
    return problems


RESERVED_IDS = frozenset({"index"})
"""File names that the site's own pages use (``gids/index`` is the list of guides)."""


def outside(path: Path, root: Path) -> Problem | None:
    """A link (symlink) to a file outside the content folder: refused before it is read."""
    if not path.exists() and not path.is_symlink():
        return None
    if path.resolve().is_relative_to(root.resolve()):
        return None
    return Problem(
        f"{root.name}/{path.relative_to(root).as_posix()}",
        0,
        "",
        "this is a link to a file outside the content folder; Wegwijzer does not read it",
        "put the file itself in the folder instead of a link",
    )


def _file_name_problem(path: Path, root: Path, seen: dict[str, Path]) -> Problem | None:
    """A life event's file name is its id and web address: one file per id, in id spelling."""
    display = f"{root.name}/{path.name}"
    if path.stem in seen:
        return Problem(
            display,
            0,
            "",
            f"there are two files for the id '{path.stem}': {seen[path.stem].name} and {path.name}",
            "keep one of them and delete the other",
        )
    if not re.match(ID_PATTERN, path.stem):
        better = "-".join(re.findall(r"[a-z0-9]+", path.stem.lower())) or "verhuizen"
        return Problem(
            display,
            0,
            "",
            f"the file name '{path.name}' cannot be a web address",
            f"rename the file to {better}{path.suffix}: lowercase letters, digits and hyphens only",
        )
    if path.stem in RESERVED_IDS:
        return Problem(
            display,
            0,
            "",
            f"the name '{path.stem}' is used by the site's own pages",
            f"rename the file, for example to {path.stem}-gids{path.suffix}",
        )
    return None


def strings_in(value: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every text in a YAML value, with its path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_in(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


FILL_IN = "replace it with your own text"


def placeholders(doc: YamlDocument) -> list[Problem]:
    """Text that still holds the scaffold's placeholder."""
    return [
        Problem(
            doc.file,
            doc.line_of(path),
            format_path(path),
            "this is still a placeholder",
            "replace it with your own text",
        )
        for path, text in strings_in(doc.data)
        if PLACEHOLDER in text
    ]


FACT = re.compile(r"\{feit:([^}]*)\}")
"""How a text refers to a fact of registers/facts.yaml: ``{feit:kostendelersnorm-27}``."""


def with_facts(doc: YamlDocument, facts: dict[str, Any]) -> tuple[Any, list[Problem]]:
    """The document's data with every ``{feit:id}`` replaced by the fact's value."""
    problems: list[Problem] = []

    def value_of(match: re.Match[str], path: PathKey) -> str:
        fact = facts.get(match.group(1))
        if fact is None:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of(path),
                    format_path(path),
                    f"unknown fact '{match.group(1)}'",
                    did_you_mean(match.group(1), facts) + "facts are listed in registers/facts.yaml",
                )
            )
            return match.group(0)
        return fact.value

    def replace(value: Any, path: PathKey) -> Any:
        if isinstance(value, dict):
            return {key: replace(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [replace(item, (*path, index)) for index, item in enumerate(value)]
        if isinstance(value, str) and "{feit:" in value:
            return FACT.sub(lambda m: value_of(m, path), value)
        return value

    return replace(doc.data, ()), problems


def html_in_text(doc: YamlDocument) -> list[Problem]:
    """Text that holds the start of HTML code: refused everywhere, so no script can get in."""
    problems = []
    for path, text in strings_in(doc.data):
        message = html_code(text)
        if message:
            problems.append(Problem(doc.file, doc.line_of(path), format_path(path), *message.split(" — ")))
    return problems


def _read(path: Path, root: Path) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        doc = read_yaml(path, root)
    except YamlProblem as err:
        return None, [err.problem]
    problems = html_in_text(doc)
    return (None if problems else doc), problems


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
    data, problems = with_facts(doc, content.facts)
    event, invalid = validate(LifeEvent, data, doc, ())
    problems += invalid + placeholders(doc)
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
