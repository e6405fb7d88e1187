"""A pydantic validation error, explained in plain words with a fix, at its file and line."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..content import PathKey, YamlDocument, format_path
from ..model.fields import CLOCK_PATTERN, ID_PATTERN, POSTCODE_AREA_PATTERN
from ..problems import Problem, did_you_mean


def explain_error(model: type[BaseModel], error: Any, doc: YamlDocument, base: PathKey) -> Problem:
    """One pydantic error as a Problem at the line of the value it is about."""
    loc = tuple(part for part in error["loc"] if _is_data_part(part))
    path = (*base, *loc)
    message, fix = explain(model, error, loc)
    return Problem(doc.file, doc.line_of(path), format_path(path), message, fix)


def _is_data_part(part: Any) -> bool:
    # pydantic adds validator names ("function-after[...]") and enum tags to loc.
    return isinstance(part, int) or "[" not in part


_WRONG_TYPE = {
    "string_type": (
        "text",
        "write text here; put it between double quotes if it starts with a special sign"
        " or is a word like no, yes, on or off, which YAML reads as a yes/no value",
    ),
    "bool_type": ("true or false", "write true or false"),
    "bool_parsing": ("true or false", "write true or false"),
    "int_type": ("a whole number", "write a number without quotes, like 14"),
    "int_parsing": ("a whole number", "write a number without quotes, like 14"),
    "int_from_float": ("a whole number", "write a number without quotes, like 14"),
    "float_type": ("a number", "write a number without quotes, like 60"),
    "float_parsing": ("a number", "write a number without quotes, like 60"),
    "list_type": ("a list", "put each item on its own line, starting with '- '"),
}
"""Errors about a value of the wrong type: what it must be, and how to write that."""
_BLOCK_TYPES = ("model_type", "dict_type", "model_attributes_type")


def explain(model: type[BaseModel], error: Any, loc: PathKey) -> tuple[str, str]:
    """A plain message and a fix for one pydantic error."""
    kind = error["type"]
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    shown = _show(error.get("input"))
    if kind in _WRONG_TYPE:
        expected, fix = _WRONG_TYPE[kind]
        return f"must be {expected}, not {shown}", fix
    if kind.startswith(("date", "datetime")):
        return f"{shown} is not a valid date", "write the date as year-month-day, like 2026-11-22"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{shown} is out of range", error["msg"].lower()
    return _explain_structure(model, error, loc, name, shown)


def _explain_structure(
    model: type[BaseModel], error: Any, loc: PathKey, name: str, shown: str
) -> tuple[str, str]:
    """Errors about the shape of a block: missing, unknown or invalid fields."""
    kind = error["type"]
    if kind == "missing":
        return f"'{name}' is missing", f"add a line '{name}: ...' to this block" + _described(model, loc)
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        hint = did_you_mean(name, allowed) + "Fields allowed here: " + ", ".join(allowed) + "."
        return f"unknown field '{name}'", hint
    if kind == "value_error":
        text = str(error["ctx"]["error"]) if "ctx" in error else error["msg"]
        message, _, fix = text.partition(" — ")
        return message, fix
    if kind in _BLOCK_TYPES:
        fix = "write the fields on the lines below, indented by two spaces" + _described(model, loc)
        return f"must be a block of fields, not {shown}", fix
    if kind in ("enum", "literal_error"):
        expected = error.get("ctx", {}).get("expected", "")
        hint = did_you_mean(error.get("input"), re.findall(r"'([^']*)'", expected))
        return f"{shown} is not allowed here", f"{hint}use one of: {expected}"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        return f"{shown} is not written the right way", _pattern_fix(name, loc, pattern)
    if kind == "string_too_long":
        return f"{shown} is too long", f"use at most {error['ctx']['max_length']} characters"
    if kind == "too_short":
        least = error["ctx"]["min_length"]
        fix = "add at least one item" if least == 1 else f"write at least {least} items"
        fix += _described(model, loc)
        return f"needs at least {least} item(s)", fix
    if kind == "too_long":
        most = error["ctx"]["max_length"]
        fix = f"keep at most {most}: leave out or merge items" + _described(model, loc)
        count = error["ctx"].get("actual_length")
        return (f"has {count} items, more than {most}" if count else f"has more than {most} items"), fix
    return error["msg"], "check this value against a similar block that works"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a yes/no value"
    if value is None:
        return "empty"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _pattern_fix(name: str, loc: PathKey, pattern: str) -> str:
    if pattern == CLOCK_PATTERN:
        return 'write a time of day between quotes, from "00:00" to "23:59", like "09:00"'
    if pattern == POSTCODE_AREA_PATTERN:
        return 'write the 4 digits of a postcode between quotes, from "1000" to "9999", like "1261"'
    if name == "postcode":
        return "write a postcode like 7511 JN"
    if name == "cbs_code":
        return "write the CBS code like GM0153"
    if "postcodes" in loc:
        return "write a postcode range like 7511-7548"
    if pattern == ID_PATTERN:
        return "ids use only lowercase letters, digits and hyphens, like 'aow-aanpassen'"
    return "compare it with a similar value that works"


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
