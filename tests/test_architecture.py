"""The architecture, enforced: dependencies point one way.

The layers and what each may import are the table under "Layers, checked"
in docs/architecture.md: this test reads it, so the document and the code
cannot drift apart. Module names come from the folder-to-package mapping of
pyproject.toml; relative imports are resolved, and lazy imports inside
functions count too.
"""

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
HEADING = "## Layers, checked"


def _package_dirs() -> dict[str, str]:
    """Folder -> package name, from ``[tool.setuptools.package-dir]``, deepest folder first."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mapping = config["tool"]["setuptools"]["package-dir"]
    return dict(sorted(((folder, package) for package, folder in mapping.items()), reverse=True))


FOLDERS = _package_dirs()


def _layer_table() -> list[dict[str, object]]:
    """The rows of the layer table: name, modules, may import, never uses."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    assert HEADING in text, f"{ARCHITECTURE} has no section {HEADING!r}"
    section = text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 4 or set(cells[0]) <= {"-", " "}:
            continue
        if cells[0] == "layer":
            continue
        names = [re.findall(r"`([\w.]+)`", c) for c in cells[1:]]
        rows.append({"layer": cells[0], "modules": names[0], "may": names[1], "never": names[2]})
    assert rows, f"no layer rows under {HEADING!r} in {ARCHITECTURE}"
    return rows


LAYERS = _layer_table()


def _in_any(name: str, packages) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _layer_of(module: str) -> dict[str, object]:
    """The row naming ``module`` or the closest package above it (the longest name wins)."""
    candidates = [
        (len(prefix), row)
        for row in LAYERS
        for prefix in row["modules"]
        if module == prefix or module.startswith(prefix + ".")
    ]
    assert candidates, f"{module} is in no layer of {ARCHITECTURE.name}"
    return max(candidates, key=lambda c: c[0])[1]


def _module_of(path: Path) -> str:
    """The dotted module name of a source file."""
    relative = path.relative_to(ROOT).with_suffix("")
    for folder, package in FOLDERS.items():
        if relative.is_relative_to(folder):
            rest = relative.relative_to(folder).parts
            return ".".join((package, *rest)).removesuffix(".__init__")
    raise AssertionError(f"{path} is outside the known packages")


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


def _sources() -> list[Path]:
    found = set()
    for folder in FOLDERS:
        found.update((ROOT / folder).rglob("*.py"))
    return sorted(found)


SOURCES = _sources()


def test_the_table_is_read():
    layers = {row["layer"] for row in LAYERS}
    assert {"command line", "serving", "dashboard", "application object", "core"} <= layers


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_layer_imports_only_what_it_may(path):
    module = _module_of(path)
    layer = _layer_of(module)
    internal = {name for name in _imports(path, module) if name.startswith("maillage")}
    wrong = sorted(n for n in internal if not _in_any(n, layer["may"]))
    assert not wrong, f"{module} ({layer['layer']}) must not import {wrong}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_layer_uses_only_its_libraries(path):
    module = _module_of(path)
    layer = _layer_of(module)
    libraries = {name.split(".")[0] for name in _imports(path, module)}
    wrong = sorted(libraries & set(layer["never"]))
    assert not wrong, f"{module} ({layer['layer']}) must not use {wrong}"


def test_analytics_and_storage_ignore_each_other():
    rules = {
        "graph/storage": "maillage.graph.analytics",
        "graph/analytics": "maillage.graph.storage",
    }
    for folder, forbidden in rules.items():
        for path in (ROOT / folder).glob("*.py"):
            module = _module_of(path)
            assert not any(_in_any(n, (forbidden,)) for n in _imports(path, module)), path


def test_the_application_object_never_imports_the_web_app():
    for name in ("app.py", "settings.py"):
        path = ROOT / "maillage" / name
        imported = _imports(path, _module_of(path))
        assert not any(_in_any(n, ("maillage.dashboard", "maillage.serving")) for n in imported)
