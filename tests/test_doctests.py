"""The examples in every docstring of the project run and hold."""

import doctest
import importlib
import pkgutil

import pytest

import maillage

PACKAGES = (
    "maillage",
    "maillage.graph",
    "maillage.loaders",
    "maillage.reports",
    "maillage.dashboard",
)


def _modules() -> list[str]:
    names = set(PACKAGES)
    for package in PACKAGES:
        path = importlib.import_module(package).__path__
        names.update(m.name for m in pkgutil.walk_packages(path, prefix=f"{package}."))
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name):
    module = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags)
    assert result.failed == 0


def test_every_layer_is_covered():
    names = _modules()
    for layer in ("graph.analytics", "graph.storage", "loaders", "reports", "dashboard"):
        assert any(n.startswith(f"maillage.{layer}.") for n in names), layer
    assert maillage.__version__
