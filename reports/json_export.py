"""JSON export: the analytics document itself, NaN and infinities as ``null``, dates ISO.

The text is written a piece at a time (:func:`json_chunks`): the document's top-level
entries one by one, and the items of its top-level lists (a report's actors) one by
one, so that a national report never stands whole in memory as text, nor as a copy
made ready for ``json``. The pieces join into exactly what ``json.dumps`` gives.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TextIO

from .safe import json_key, json_ready, scalar

__all__ = ["json_blocks", "json_chunks", "to_json", "write_json"]

_INDENT = "  "
#: ``json.dumps(..., ensure_ascii=False, indent=2, allow_nan=False)``, made once.
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=False)


def _dumps(value: Any, level: int) -> str:
    """``value`` as JSON, laid out as it would be ``level`` deep in the document."""
    text = _ENCODER.encode(json_ready(value))
    # JSON strings never hold a raw line break, so every one is the layout's own.
    return text.replace("\n", "\n" + _INDENT * level) if level else text


def _is_list(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray)


def json_chunks(data: Any) -> Iterator[str]:
    """The JSON text of ``data`` (as :func:`to_json` has it), in pieces.

    Examples
    --------
    >>> doc = {"territory": "Lille", "actors": [{"id": "a", "z": float("nan")}], "e": []}
    >>> "".join(json_chunks(doc)) == json.dumps(
    ...     json_ready(doc), ensure_ascii=False, indent=2, allow_nan=False) + "\\n"
    True
    """
    data = scalar(data)
    if not isinstance(data, Mapping) or not data:
        yield _dumps(data, 0) + "\n"
        return
    separator = "{\n" + _INDENT
    for key, value in data.items():
        yield separator + json.dumps(json_key(key), ensure_ascii=False)
        yield ": "
        value = scalar(value)
        if _is_list(value) and len(value):
            between = "[\n" + _INDENT * 2
            for item in value:
                yield between + _dumps(item, 2)
                between = ",\n" + _INDENT * 2
            yield "\n" + _INDENT + "]"
        else:
            yield _dumps(value, 1)
        separator = ",\n" + _INDENT
    yield "\n}\n"


def json_blocks(data: Any, size: int = 1 << 20) -> Iterator[str]:
    """The pieces of :func:`json_chunks` joined into blocks of about ``size`` characters."""
    pending: list[str] = []
    held = 0
    for chunk in json_chunks(data):
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            yield "".join(pending)
            pending, held = [], 0
    if pending:
        yield "".join(pending)


def write_json(data: Any, handle: TextIO) -> None:
    """Write the JSON text of ``data`` to ``handle`` (a text file), a piece at a time."""
    for block in json_blocks(data):
        handle.write(block)


def to_json(data: Mapping[str, Any]) -> bytes:
    """``data`` as UTF-8 JSON text (2-space indent, non-ASCII kept), newline-terminated."""
    return "".join(json_chunks(data)).encode("utf-8")
