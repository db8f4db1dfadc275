"""JSON export: the analytics document itself, NaN and infinities as ``null``, dates ISO."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .safe import json_ready


def to_json(data: Mapping[str, Any]) -> bytes:
    """``data`` as UTF-8 JSON text (2-space indent, non-ASCII kept), newline-terminated."""
    text = json.dumps(json_ready(data), ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")
