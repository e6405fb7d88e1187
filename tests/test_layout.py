"""The package's shape: layers import only from the layers below them, and nothing imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "wegwijzer"

LAYERS = [
    {"problems"},
    {"model"},
    {"content"},
    {"load"},
    {"checks"},
    {"render"},
    {"publish", "editing"},
    {"incremental"},
    {"plugin", "cli", "__init__"},
]
"""Top-level modules and folders, lowest first; each may import only from its own layer and those before it."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """Every wegwijzer module ``path`` imports, anywhere in the file (inside functions too)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("wegwijzer")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if not target.startswith("wegwijzer"):
                continue
            for alias in node.names:  # "from . import cache" imports a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


MODULES = {module_name(p) for p in PACKAGE.rglob("*.py")}
GRAPH = {module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_walker_sees_imports_inside_functions() -> None:
    assert "wegwijzer.publish.pdf" in GRAPH["wegwijzer.publish.build"]  # imported lazily, inside a function
    assert "wegwijzer.content" in GRAPH["wegwijzer.load.loader"]


def test_no_module_imports_in_a_circle() -> None:
    assert cycles(GRAPH) == []


def layer_of(module: str) -> int:
    top = module.split(".")[1] if "." in module else "__init__"
    return next(rank for rank, names in enumerate(LAYERS) if top in names)


def test_every_layer_imports_only_from_layers_below() -> None:
    upward = [
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in GRAPH.items()
        for target in targets
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def outside_imports(path: Path) -> set[str]:
    """Top-level names of the packages outside wegwijzer that ``path`` imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_checks_and_renderers_do_not_need_mkdocs_or_a_browser() -> None:
    for path in PACKAGE.rglob("*.py"):
        top = module_name(path).split(".")[1] if "." in module_name(path) else ""
        if top in {"problems", "model", "content", "load", "checks", "render", "editing"}:
            assert not outside_imports(path) & {"mkdocs", "properdocs", "playwright"}, path


def test_modules_stay_small() -> None:
    sizes = {module_name(p): len(p.read_text("utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {m: n for m, n in sizes.items() if n > 400} == {}
    assert sizes["wegwijzer.plugin"] < 200
