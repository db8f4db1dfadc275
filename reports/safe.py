"""Making analytics values safe to export: spreadsheet formulas, NaN, dates, numpy scalars.

Every spreadsheet cell follows the project's one formula rule,
:func:`maillage.graph.cells.neutralise_formula` (OWASP "CSV injection"): a text
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with ``'`` so that Excel, LibreOffice and Google Sheets show it as
text instead of evaluating it. Numbers stay numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from maillage.graph.cells import neutralise_formula

__all__ = ["Cell", "cell", "finite", "json_key", "json_ready", "scalar", "xml_text"]

# Control characters that XML 1.0 (hence XLSX) cannot hold; tab, LF and CR are allowed.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Cell = str | int | float | bool | None


def scalar(value: Any) -> Any:
    """Plain Python value of ``value``: numpy scalars unwrapped, enums to their value."""
    if isinstance(value, Enum):
        return value.value
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def finite(value: Any) -> Any:
    """``None`` instead of NaN or an infinity; anything else unchanged."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def json_ready(value: Any) -> Any:
    """A copy of ``value`` that ``json.dumps(..., allow_nan=False)`` accepts.

    NaN and infinities become ``None``, dates ISO strings, tuples, sets and
    other sequences (a streamed report's rows) lists, numpy scalars Python
    numbers, mapping keys strings. Keys and nesting are kept exactly: the
    document keeps its schema.

    >>> from datetime import date
    >>> json_ready({"as_of": date(2024, 1, 31), "z": float("nan"), 3: (1, 2)})
    {'as_of': '2024-01-31', 'z': None, '3': [1, 2]}
    """
    value = scalar(value)
    if value is None or isinstance(value, str | int | float):
        return finite(value)
    if isinstance(value, Mapping):
        return {_key(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((json_ready(v) for v in value), key=str)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [json_ready(v) for v in value]
    return finite(value)


def json_key(key: Any) -> str:
    """The text of a mapping key in JSON: dates ISO, anything else ``str``."""
    return _key(key)


def _key(key: Any) -> str:
    key = scalar(key)
    return key.isoformat() if isinstance(key, date | datetime) else str(key)


def cell(value: Any) -> Cell:
    """The value of one spreadsheet cell: a number, a boolean, ``None`` or neutralised text.

    >>> cell(float("inf")), cell("@SUM(A1)"), cell(0.25), cell(["a", "b"])
    (None, "'@SUM(A1)", 0.25, 'a; b')
    >>> cell([["business", "funder"], ["media", "public"]])
    'business–funder; media–public'
    """
    value = finite(scalar(value))
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        value = "; ".join(f"{_key(k)}: {json_ready(v)}" for k, v in value.items())
    elif isinstance(value, list | tuple | set | frozenset):
        value = "; ".join(_item_text(v) for v in value if v is not None)
    return neutralise_formula(xml_text(str(value)))


def _item_text(item: Any) -> str:
    """One item of a listed cell; a pair such as two sectors cut apart reads ``a–b``."""
    if isinstance(item, list | tuple):
        return "–".join(str(json_ready(v)) for v in item)
    return str(json_ready(item))


def xml_text(text: str) -> str:
    """``text`` without the control characters that XML 1.0 (so XLSX) cannot hold."""
    return _XML_ILLEGAL.sub("", text)
