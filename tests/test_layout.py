"""The package's rooms import only downward: the layer order is written once, here, and enforced."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tqcheck"

# Lowest first. A module may import from its own layer or any layer below, never above,
# and no chain of imports may come back to where it started.
LAYERS = (
    ("tqcheck", "tqcheck.errors", "tqcheck.finding"),  # the vocabulary every room shares
    ("tqcheck.speed",),  # start-up and scanning machinery
    ("tqcheck.data",),  # language knowledge and its loader
    ("tqcheck.text",),  # what a text is: document, segments, language, numbers, suppressions
    ("tqcheck.reading",),  # bytes -> Document
    ("tqcheck.translation",),  # engines, cache, round trip, alignment
    ("tqcheck.rules",),  # the detectors
    ("tqcheck.output",),  # the report model and its renderers
    ("tqcheck.checking",),  # one file through the pipeline, and a run over many
    ("tqcheck.api", "tqcheck.cli"),  # the two faces
    ("tqcheck.commands", "tqcheck.__main__"),  # subcommands registered by the command line
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, name: str, is_package: bool, modules: set[str]) -> set[str]:
    """tqcheck modules that module `name` imports, lazily or not: `from a.b import c` names a.b.c when c is a module."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def layer_of(module: str) -> int:
    best = None
    for index, roots in enumerate(LAYERS):
        for root in roots:
            if module == root or (root != "tqcheck" and module.startswith(root + ".")):
                if best is None or len(root) > best[1]:
                    best = (index, len(root))
    assert best is not None, f"{module} belongs to no layer: add its package to LAYERS"
    return best[0]


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {
        module_name(p): imported_modules(p.read_text(encoding="utf-8"), module_name(p), p.name == "__init__.py", modules)
        for p in paths
    }


def test_every_module_belongs_to_a_layer_and_imports_only_downward():
    upward = [
        f"{module} (layer {layer_of(module)}) imports {target} (layer {layer_of(target)})"
        for module, targets in import_graph().items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert not upward, "imports that run up the layers:\n" + "\n".join(upward)


def test_no_module_imports_itself_through_a_cycle():
    graph = import_graph()
    state: dict[str, int] = {}  # 1 while on the current path, 2 when done
    cycles = []

    def visit(module, path):
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_walker_sees_a_lazy_relative_import_running_upward():
    # A lazy import inside a function is the kind that hides best.
    source = "def f():\n    from ..checking import run\n"
    modules = {"tqcheck.checking", "tqcheck.checking.run", "tqcheck.text.probe"}
    found = imported_modules(source, "tqcheck.text.probe", False, modules)
    assert found == {"tqcheck.checking.run"}
    assert layer_of("tqcheck.checking.run") > layer_of("tqcheck.text.probe")


def test_every_package_says_in_its_docstring_what_it_holds_and_what_it_may_import():
    for init in sorted(PACKAGE.rglob("__init__.py")):
        if "data" in init.relative_to(PACKAGE).parts[:1] and init.parent != PACKAGE / "data":
            continue  # data/lang is a resource folder, not a room
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init.relative_to(PACKAGE.parent)} has no docstring"
        if init.parent.parent == PACKAGE:
            assert "Imports" in doc, f"{init.relative_to(PACKAGE.parent)} does not say what it may import"
