"""What the dashboard needs from ``maillage.app.Maillage``, as a protocol.

The dashboard sits below the application object in the import layers, so it
names the methods it calls instead of importing the class.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol


class Source(Protocol):
    """What the dashboard calls on ``Maillage``: cached networks, analytics, introductions."""

    def territory_names(self) -> list[str]: ...

    def territories(self) -> list[Any]: ...

    def network(self, territory: str, *, as_of: date | None = None) -> Any: ...

    def actor(self, actor_id: str) -> Any: ...

    def report(
        self, territory: str, *, as_of: date | None = None, weighted: bool = False
    ) -> dict: ...

    def gaps(self, territory: str, *, as_of: date | None = None) -> dict: ...

    def compare(self, territories: Sequence[str], *, as_of: date | None = None) -> dict: ...

    def graph(
        self, territory: str, *, as_of: date | None = None, weighted: bool = False
    ) -> Any: ...

    def layout(self, territory: str) -> dict[str, tuple[float, float]]: ...

    def path(
        self, territory: str, source: str, target: str, *, as_of: date | None = None
    ) -> list[str]: ...

    def ego(
        self, territory: str, actor_id: str, *, hops: int = 1, as_of: date | None = None
    ) -> Any: ...

    def introductions(
        self, territory: str | None = None, *, status: Any = None, due: date | None = None
    ) -> list[Any]: ...

    def introduction_records(self, introductions: Sequence[Any]) -> list[dict]: ...

    def introduction_funnel(self, territory: str | None = None) -> dict: ...

    def add_introduction(self, territory: str, source: str, target: str, **fields: Any) -> Any: ...

    def update_introduction(self, introduction_id: str, status: Any, **fields: Any) -> Any: ...

    def pseudonymised(self) -> Source:
        """The same data with citizens under pseudonyms, for viewers (its own cache)."""
        ...
