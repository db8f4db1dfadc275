"""Which data each request may read and whether it may write, as the serving layer decides."""

from __future__ import annotations

from collections.abc import Callable

from ..graph.errors import MaillageError
from .source import Source


class NotAllowed(MaillageError):
    """A request tried to change data that its role may only read."""


class Sources:
    """The ``Source`` of the request being served, picked by ``sees_everything()``.

    When it says yes (facilitators and admins, and everyone when the app runs
    open, without users) the request reads ``source`` itself; otherwise it
    reads ``source.pseudonymised()``, a separate instance with its own cache
    whose store hands out citizens under pseudonyms, so that nothing computed
    for a viewer ever held a citizen's name. ``may_write()`` says whether the
    request may change data and ``user()`` who it is, for the revisions. Who
    sees and writes what is the serving layer's policy (``maillage.serving``);
    the dashboard only asks.
    """

    def __init__(
        self,
        source: Source,
        sees_everything: Callable[[], bool] = lambda: True,
        *,
        may_write: Callable[[], bool] | None = None,
        user: Callable[[], str] = lambda: "",
    ) -> None:
        self._source = source
        self._sees_everything = sees_everything
        self._may_write = may_write or sees_everything
        self._user = user

    def current(self) -> Source:
        if self._sees_everything():
            return self._source
        return self._source.pseudonymised()

    def may_write(self) -> bool:
        return self._may_write()

    def writer(self) -> tuple[Source, str]:
        """The source to write to and the user writing, or ``NotAllowed`` for a reader."""
        if not self._may_write():
            raise NotAllowed("your role may read this network but not change it")
        return self._source, self._user()
