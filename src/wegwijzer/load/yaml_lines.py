"""Read YAML into plain Python data while remembering the line of every value."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..content import PathKey, YamlDocument
from ..problems import Problem

MAX_BYTES = 2_000_000
"""Content files larger than this are refused: no guide needs that much text."""
MAX_VALUES = 100_000
"""More values than this (e.g. through YAML aliases) are refused before they use up memory."""

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (much faster); the pure-Python one otherwise."""


class _TooMany(Exception):
    pass


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first_line: int):
        self.key, self.line, self.first_line = key, line, first_line


def _walk(loader: Any, node: yaml.Node, path: PathKey, lines: dict[PathKey, int]) -> Any:
    if len(lines) > MAX_VALUES:
        raise _TooMany()
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                raise _DuplicateKey(key, key_node.start_mark.line + 1, lines[(*path, key)])
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _walk(loader, value_node, (*path, key), lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(loader, item, (*path, i), lines) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        # Looks like a date or number but is not one ("2026-02-30"): keep the text,
        # so validation can say what is wrong with it.
        return node.value


INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
"""Control, bidi-override and zero-width characters: they hide text or turn it around on screen."""


def invisible_character(text: str, file: str) -> Problem | None:
    """A problem at the first invisible character in ``text``, or None."""
    found = INVISIBLE.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return Problem(
        file,
        line,
        "",
        f"this line holds an invisible character (U+{ord(found.group()):04X}, at position {column}) "
        "that can hide text or turn it around",
        "delete it; if you cannot find it, delete the line and type it again",
    )


def parse_yaml(text: str, file: str, loader_class: Any = _LOADER) -> YamlDocument:
    """Parse YAML text; raise :class:`Problem`-carrying ``YamlProblem`` when it is broken."""
    invisible = invisible_character(text, file)
    if invisible is not None:
        raise YamlProblem(invisible)
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as err:
        raise _control_character(text, err, file) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem(Problem(file, 1, "", "the file is empty", "fill it in, or delete the file"))
        lines: dict[PathKey, int] = {}
        data = _walk(loader, node, (), lines)
    except _DuplicateKey as dup:
        raise YamlProblem(
            Problem(
                file,
                dup.line,
                dup.key,
                f"'{dup.key}' appears twice in the same block (first on line {dup.first_line})",
                "keep one of them and delete the other",
            )
        ) from None
    except _TooMany:
        raise YamlProblem(
            Problem(
                file,
                1,
                "",
                f"the file holds more than {MAX_VALUES} values",
                "a content file should be far smaller; remove repeated blocks ('&' and '*' copies)",
            )
        ) from None
    except RecursionError:
        raise _too_deep(file, 1) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if "nesting depth" in str(err.problem):  # libyaml's own limit (PyYAML 6.0.4 and later)
            raise _too_deep(file, mark.line + 1 if mark else 1) from None
        if err.context and "quoted scalar" in err.context and err.context_mark:
            mark = err.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(Problem(file, line, "", *_explain_yaml_error(err, text, line))) from None
    except yaml.reader.ReaderError as err:
        raise _control_character(text, err, file) from None
    except yaml.YAMLError as err:
        raise YamlProblem(
            Problem(
                file, 1, "", f"the file cannot be read as YAML ({err})", "check the file for typing errors"
            )
        ) from None
    finally:
        loader.dispose()
    return YamlDocument(file, data, lines)


def _too_deep(file: str, line: int) -> YamlProblem:
    return YamlProblem(
        Problem(file, line, "", "the file is nested too deeply", "use fewer levels of indenting")
    )


def _control_character(text: str, err: yaml.reader.ReaderError, file: str) -> YamlProblem:
    line = text[: err.position].count("\n") + 1
    return YamlProblem(
        Problem(
            file,
            line,
            "",
            "this line contains a hidden control character that YAML does not allow",
            "retype the line, or delete the invisible character",
        )
    )


def _source_line(text: str, line: int) -> str:
    all_lines = text.splitlines()
    return all_lines[line - 1] if 0 < line <= len(all_lines) else ""


def _explain_yaml_error(err: yaml.MarkedYAMLError, text: str, line: int) -> tuple[str, str]:
    """A plain message and a fix for a YAML syntax error on ``line``."""
    source = _source_line(text, line)
    problem = err.problem or ""
    if "\t" in source or "found character '\\t'" in str(err):
        return (
            "this line contains a tab character, which YAML does not allow for indenting",
            "replace the tab with spaces",
        )
    if err.context and "quoted scalar" in err.context:
        return (
            "a quote opens on this line but is never closed",
            "add the closing quote at the end of the text",
        )
    if "mapping values are not allowed" in problem:
        # "key: value" that YAML cannot place: with one ': ' on the line it is the indenting.
        if source.count(": ") <= 1:
            return (
                "this line is indented differently from the lines around it",
                "use the same number of spaces as the other fields in this block",
            )
        return (
            "the text on this line contains ': ', which YAML reads as the start of a new field",
            "put text that contains ': ' between double quotes",
        )
    if "expected <block end>" in problem or "did not find expected" in problem:
        fix = "check that this line is indented like the lines around it"
    else:
        fix = "compare this line with a similar block that works; check indenting, quotes and colons"
    return f"the file cannot be read as YAML: {problem or 'the YAML is broken here'}", fix


class YamlProblem(Exception):
    """A file that cannot be read at all."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def read_yaml(path: Path, root: Path) -> YamlDocument:
    """Read one YAML file; its name in problems is relative to ``root``'s parent."""
    file = _display_name(path, root)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlProblem(
                Problem(
                    file,
                    1,
                    "",
                    f"the file is too large ({size // 1_000_000} MB)",
                    "a content file should be far smaller; split it or remove what is not needed",
                )
            )
        raw = path.read_bytes()
    except OSError as err:
        raise YamlProblem(
            Problem(
                file,
                1,
                "",
                f"the file cannot be opened ({err.strerror})",
                "check that it exists and can be read",
            )
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlProblem(
            Problem(
                file,
                line,
                "",
                "this line has characters that are not UTF-8",
                "save the file as UTF-8 in your editor",
            )
        ) from None
    text = text.removeprefix("\ufeff")
    return _parse_unchanged(text, file)


@lru_cache(maxsize=4096)
def _parse_unchanged(text: str, file: str) -> YamlDocument:
    """:func:`parse_yaml`, kept by content: ``mkdocs serve`` reads every file on each rebuild,
    and most did not change. Nothing changes a document after it is parsed."""
    return parse_yaml(text, file)


def _display_name(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve().parent).as_posix()
    except ValueError:
        return path.as_posix()
