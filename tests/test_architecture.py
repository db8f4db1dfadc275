"""The architecture, enforced: dependencies point one way.

Each folder may import only the layers named here (and third-party
packages). Relative imports are resolved, and lazy imports inside
functions count too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FOLDERS = {
    "maillage": "maillage",
    "dashboard": "maillage.dashboard",
    "reports": "maillage.reports",
    "loaders": "maillage.loaders",
    "graph/storage": "maillage.graph.storage",
    "graph/analytics": "maillage.graph.analytics",
    "graph": "maillage.graph",
}
CORE = (
    "maillage.graph.model",
    "maillage.graph.errors",
    "maillage.graph.cells",
    "maillage.graph.changes",
)
ALLOWED = {
    "maillage": ("maillage",),
    "maillage.dashboard": (
        "maillage.dashboard",
        "maillage.reports",
        "maillage.graph",
        "maillage.app",
        "maillage.settings",
    ),
    "maillage.reports": ("maillage.reports", *CORE),
    "maillage.loaders": ("maillage.loaders", *CORE),
    "maillage.graph.storage": ("maillage.graph.storage", *CORE),
    "maillage.graph.analytics": ("maillage.graph.analytics", *CORE),
    "maillage.graph": CORE,
}


def _package_of(path: Path) -> tuple[str, str]:
    """(layer, dotted module name) of a source file."""
    relative = path.relative_to(ROOT).with_suffix("")
    for folder, package in FOLDERS.items():
        if relative.is_relative_to(folder):
            rest = relative.relative_to(folder).parts
            module = ".".join((package, *rest))
            return package, module.removesuffix(".__init__")
    raise AssertionError(f"{path} is outside the known layers")


def _imports(path: Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = module.split(".")
                base = parts[: len(parts) - node.level + (1 if is_package else 0)]
                target = ".".join([*base, node.module] if node.module else base)
                names = [f"{target}.{alias.name}" for alias in node.names]
                found.update([target, *names] if node.module else names)
            else:
                found.add(node.module or "")
    return found


def _sources():
    for folder in FOLDERS:
        yield from (ROOT / folder).rglob("*.py")


def _in_any(name: str, packages) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


@pytest.mark.parametrize("path", sorted(set(_sources())), ids=lambda p: str(p.relative_to(ROOT)))
def test_layer_imports_only_what_it_may(path):
    layer, module = _package_of(path)
    internal = {name for name in _imports(path, module) if name.startswith("maillage")}
    wrong = sorted(n for n in internal if not _in_any(n, ALLOWED[layer]))
    assert not wrong, f"{module} ({layer}) must not import {wrong}"


FORBIDDEN_LIBRARIES = {
    "maillage.graph.storage": ("networkx", "igraph", "dash", "plotly", "openpyxl"),
    "maillage.graph.analytics": ("neo4j", "sqlite3", "dash", "plotly", "openpyxl", "click"),
    "maillage.graph": ("neo4j", "sqlite3", "networkx", "dash"),
    "maillage.loaders": ("neo4j", "sqlite3", "dash", "plotly"),
    "maillage.reports": ("neo4j", "sqlite3", "dash"),
    "maillage.dashboard": ("neo4j", "sqlite3"),
}


@pytest.mark.parametrize("path", sorted(set(_sources())), ids=lambda p: str(p.relative_to(ROOT)))
def test_layer_uses_only_its_libraries(path):
    layer, module = _package_of(path)
    libraries = {name.split(".")[0] for name in _imports(path, module)}
    wrong = sorted(libraries & set(FORBIDDEN_LIBRARIES.get(layer, ())))
    assert not wrong, f"{module} ({layer}) must not use {wrong}"


def test_analytics_and_storage_ignore_each_other():
    rules = {
        "graph/storage": "maillage.graph.analytics",
        "graph/analytics": "maillage.graph.storage",
    }
    for folder, forbidden in rules.items():
        for path in (ROOT / folder).glob("*.py"):
            _, module = _package_of(path)
            assert not any(_in_any(n, (forbidden,)) for n in _imports(path, module)), path
