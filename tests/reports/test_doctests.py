"""The examples in the docstrings of maillage.reports run and hold."""

import doctest
import importlib
import pkgutil

import pytest

import maillage.reports

MODULES = sorted(m.name for m in pkgutil.iter_modules(maillage.reports.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"maillage.reports.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
