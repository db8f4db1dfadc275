"""Which data each request may read: everything, or citizens pseudonymised for viewers."""

from __future__ import annotations

from collections.abc import Callable

from .source import Source


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
