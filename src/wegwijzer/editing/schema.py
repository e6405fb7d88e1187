"""JSON Schemas generated from the model, so editors get autocomplete and red underlines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ..model import REGISTERS, LifeEvent

SCHEMA_DIR = "schemas"
EVENT_SCHEMA = "lifeevent.schema.json"


def register_schema_name(register: str) -> str:
    return f"{register}.schema.json"


def schemas() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema, for a life event and for each register."""
    result = {EVENT_SCHEMA: _titled(LifeEvent.model_json_schema(), "Wegwijzer: levensgebeurtenis")}
    for name, model in REGISTERS.items():
        schema = TypeAdapter(list[model]).json_schema()  # type: ignore[valid-type]
        result[register_schema_name(name)] = _titled(schema, f"Wegwijzer: register {name}")
    return result


def _titled(schema: dict[str, Any], title: str) -> dict[str, Any]:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), "utf-8")
        written.append(path)
    return written


def schema_comment(relative_schema_path: str) -> str:
    """The first line of a YAML file that tells editors which schema applies."""
    return f"# yaml-language-server: $schema={relative_schema_path}"
