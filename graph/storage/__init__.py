"""Storage: the graph-store contract, Neo4j and the embedded SQLite default."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import MaillageError
from .base import GraphStore

NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


def open_store(url: str) -> GraphStore:
    """Open the store named by ``url``: ``sqlite:///path.db`` or ``neo4j://host:7687``.

    Neo4j credentials and database come from ``NEO4J_USERNAME``,
    ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``, as in Neo4j's own tools.
    """
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        from .sqlite import SQLiteStore

        return SQLiteStore.from_url(url)
    if scheme in NEO4J_SCHEMES:
        from .neo4j import Neo4jStore

        return Neo4jStore.from_url(url)
    raise MaillageError(
        f"unsupported store URL {url!r}: use sqlite:///path/to/file.db, "
        "neo4j://host:7687 or bolt://host:7687"
    )


__all__ = ["GraphStore", "open_store", "NEO4J_SCHEMES"]
