"""Where the dashboard reads its data: the ``Source`` protocol, and the ``Sources`` of a request.

``Source`` names the methods of ``maillage.app.Maillage`` the dashboard calls
(the dashboard never imports the application object: ``maillage.serving``
hands it one). ``Sources`` picks, for each request, everything or citizens
pseudonymised for viewers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Protocol

from ..graph.documents import Comparison, GapReport, TerritoryReport


class Source(Protocol):
    """The read side of ``Maillage``: cached networks and analytics."""

    def territory_names(self) -> list[str]: ...

    def territories(self) -> list[Any]: ...

    def network(self, territory: str, *, as_of: date | None = None) -> Any: ...

    def actor(self, actor_id: str) -> Any: ...

    def report(
        self, territory: str, *, as_of: date | None = None, weighted: bool = False
    ) -> TerritoryReport: ...

    def gaps(self, territory: str, *, as_of: date | None = None) -> GapReport: ...

    def compare(self, territories: Sequence[str], *, as_of: date | None = None) -> Comparison: ...

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

    def pseudonymised(self) -> Source:
        """The same data with citizens under pseudonyms, for viewers (its own cache)."""
        ...


class Sources:
    """The ``Source`` of the request being served, picked by ``sees_everything()``.

    When it says yes (facilitators and admins, and everyone when the app runs
    open, without users) the request reads ``source`` itself; otherwise it
    reads ``source.pseudonymised()``, a separate instance with its own cache
    whose store hands out citizens under pseudonyms, so that nothing computed
    for a viewer ever held a citizen's name. Who sees what is the serving
    layer's policy (``maillage.serving``); the dashboard only asks.
    """

    def __init__(self, source: Source, sees_everything: Callable[[], bool] = lambda: True) -> None:
        self._source = source
        self._sees_everything = sees_everything

    def current(self) -> Source:
        if self._sees_everything():
            return self._source
        return self._source.pseudonymised()
