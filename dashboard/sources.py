"""Where the dashboard reads and writes its data: the ``Source`` protocol, a request's ``Sources``.

``Source`` names the methods of ``maillage.app.Maillage`` the dashboard calls
(the dashboard never imports the application object: ``maillage.serving``
hands it one). ``Sources`` picks, for each request, everything or citizens
pseudonymised for viewers, whether the request may write, and in which language it reads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol, TypeVar

from ..graph.documents import Comparison, GapReport, TerritoryReport
from ..graph.errors import MaillageError
from ..graph.saved_views import SavedView
from ..reports.i18n import DEFAULT_LANGUAGE, Translator, translator

T = TypeVar("T")


class Source(Protocol):
    """What the dashboard calls on ``Maillage``: networks, analytics, introductions, imports."""

    def territory_names(self) -> list[str]: ...

    def territories(self) -> list[Any]: ...

    def network(self, territory: str, *, as_of: date | None = None) -> Any: ...

    def actor(self, actor_id: str) -> Any: ...

    def report(
        self, territory: str, *, as_of: date | None = None, weighted: bool = False
    ) -> TerritoryReport: ...

    def gaps(self, territory: str, *, as_of: date | None = None) -> GapReport: ...

    def compare(
        self,
        territories: Sequence[str],
        *,
        as_of: date | None = None,
        kind: str | None = None,
        by_year: bool = False,
    ) -> Comparison: ...

    def graph(
        self, territory: str, *, as_of: date | None = None, weighted: bool = False
    ) -> Any: ...

    def layout(self, territory: str) -> dict[str, tuple[float, float]]: ...

    def community_layouts(
        self, territory: str, *, as_of: date | None = None
    ) -> list[dict[str, tuple[float, float]]]: ...

    def cached(self, what: str, key: tuple, compute: Callable[[], T]) -> T: ...

    def precompute_progress(self, territory: str) -> int | None: ...

    def precompute_also(self, name: str, step: Callable[[Any, str], Any]) -> None:
        """Also compute ``step(source, territory)`` in the background after each write."""
        ...

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

    def edit_actor(self, actor_id: str, changes: Mapping[str, str | None], **fields: Any) -> Any:
        """Write an actor's corrected fields as one revision (``maillage.editing``)."""
        ...

    def add_actor(self, territory: str, name: str | None, sector: str | None, **fields: Any) -> Any:
        """Add an actor to a territory as one revision (``maillage.editing``)."""
        ...

    def activities(self, territory: str) -> list[Any]:
        """The activities with a participant in ``territory`` (``maillage.editing``)."""
        ...

    def record_participation(self, territory: str, actor_id: str, **fields: Any) -> Any:
        """Record that an actor took part in an activity as one revision (``maillage.editing``)."""
        ...

    def undo_latest(self, revision: int, **fields: Any) -> Any: ...

    def saved_views(self, territory: str) -> list[SavedView]:
        """The views saved for ``territory``, by name (``maillage.saving_views``)."""
        ...

    def save_view(self, view: SavedView) -> bool:
        """Keep ``view`` under its name; True when it replaced the view of that name."""
        ...

    def delete_view(self, territory: str, name: str) -> bool: ...

    def history(self, territory: str | None = None) -> list[Any]:
        """The store's revisions, oldest first (those that touched ``territory``)."""
        ...

    def undo(self, revision: int | None = None, **fields: Any) -> Any: ...

    def upload_limit(self) -> int: ...

    def decode_upload(self, contents: str | None, filename: str | None) -> Any: ...

    def upload_columns(self, upload: Any) -> Any: ...

    def guess_mapping(self, header: Sequence[str]) -> dict[str, str | None]: ...

    def guess_sectors(self, values: Sequence[str]) -> dict[str, str | None]: ...

    def mapping_toml(
        self, columns: Any, sectors: Any, default_territory: str | None = None
    ) -> str: ...

    def mapping_choice(
        self, text: str
    ) -> tuple[dict[str, str | None], dict[str, str], str | None]: ...

    def import_upload(self, upload: Any, **options: Any) -> Any:
        """Preview or import an uploaded file as ``maillage import`` does (one revision)."""
        ...

    def pseudonymised(self) -> Source:
        """The same data with citizens under pseudonyms, for viewers (its own cache)."""
        ...


class NotAllowed(MaillageError):
    """A request tried to change data that its role may only read."""


class Sources:
    """The ``Source`` of the request being served, picked by ``sees_everything()``.

    When it says yes (facilitators and admins, and everyone when the app runs
    open, without users) the request reads ``source`` itself; otherwise it
    reads ``source.pseudonymised()``, a separate instance with its own cache
    whose store hands out citizens under pseudonyms, so that nothing computed
    for a viewer ever held a citizen's name. ``may_write()`` says whether the
    request may change data, ``may_administer()`` whether it may undo any change (admins),
    and ``user()`` who it is, for the revisions. Who
    sees and writes what is the serving layer's policy (``maillage.serving``);
    the dashboard only asks.
    """

    def __init__(
        self,
        source: Source,
        sees_everything: Callable[[], bool] = lambda: True,
        *,
        may_write: Callable[[], bool] | None = None,
        may_administer: Callable[[], bool] | None = None,
        user: Callable[[], str] = lambda: "",
        language: Callable[[], str] = lambda: DEFAULT_LANGUAGE,
    ) -> None:
        self._source = source
        self._sees_everything = sees_everything
        self._may_write = may_write or sees_everything
        self._may_administer = may_administer or self._may_write
        self._user = user
        self._language = language

    def current(self) -> Source:
        if self._sees_everything():
            return self._source
        return self._source.pseudonymised()

    def may_write(self) -> bool:
        return self._may_write()

    def may_administer(self) -> bool:
        return self._may_write() and self._may_administer()

    def translator(self) -> Translator:
        """Messages, numbers and dates in the language of the request being served."""
        return translator(self._language())

    def writer(self) -> tuple[Source, str]:
        """The source to write to and the user writing, or ``NotAllowed`` for a reader."""
        if not self._may_write():
            raise NotAllowed("your role may read this network but not change it")
        return self._source, self._user()

    def administrator(self) -> tuple[Source, str]:
        """As :meth:`writer`, for what only an admin may do (undo any change)."""
        if not self.may_administer():
            raise NotAllowed("only an admin may undo any change: ask one, or undo your own")
        return self._source, self._user()
