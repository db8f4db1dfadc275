"""The examples in the docstrings of maillage.loaders run and hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import maillage.loaders

MODULES = sorted(m.name for m in pkgutil.iter_modules(maillage.loaders.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"maillage.loaders.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
