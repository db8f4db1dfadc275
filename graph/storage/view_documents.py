"""How both stores keep saved views: one JSON document per view, keyed by territory and name."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..saved_views import SavedView


def document_text(view: SavedView) -> str:
    return json.dumps(view.as_document(), ensure_ascii=False, separators=(",", ":"))


def key(territory: str, name: str) -> str:
    """One text for a territory and a view's name (Neo4j's unique ``key``).

    >>> key("Lille", "Été")
    '["Lille","Été"]'
    """
    return json.dumps([territory, name], ensure_ascii=False, separators=(",", ":"))


def by_name(texts: Iterable[str]) -> list[SavedView]:
    """The views these documents hold, sorted by name as people read it (case aside)."""
    views = [SavedView.from_document(json.loads(text)) for text in texts]
    return sorted(views, key=lambda view: (view.name.casefold(), view.name))
