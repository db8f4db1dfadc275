"""How both stores keep recorded introductions: one JSON document per introduction.

An introduction is read and written whole (its history is short), so the
stores keep the contract's document (``Introduction.as_document``) as text,
beside the columns they look it up by (id, territory) and the length of its
history, which makes a save conditional on nobody having moved it on.
"""

from __future__ import annotations

import dataclasses
import json

from ..introductions import Introduction


def document_text(introduction: Introduction) -> str:
    return json.dumps(introduction.as_document(), ensure_ascii=False, separators=(",", ":"))


def from_text(text: str) -> Introduction:
    return Introduction.from_document(json.loads(text))


def with_id(introduction: Introduction, introduction_id: str) -> Introduction:
    return dataclasses.replace(introduction, id=introduction_id)
