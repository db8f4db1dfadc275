"""Which data each request may read: everything, or citizens pseudonymised for viewers."""

from __future__ import annotations

from collections.abc import Callable

from .source import Source
from .users import FULL_VIEW_ROLES, Role


class Sources:
    """The ``Source`` of the request being served, picked from its user's role.

    Facilitators and admins (and everyone when the app runs open, without
    users) read ``source`` itself; any other role reads
    ``source.pseudonymised()``, a separate instance with its own cache whose
    store hands out citizens under pseudonyms, so that nothing computed for a
    viewer ever held a citizen's name.
    """

    def __init__(self, source: Source, role: Callable[[], Role] = lambda: Role.ADMIN) -> None:
        self._source = source
        self._role = role

    def current(self) -> Source:
        if self._role() in FULL_VIEW_ROLES:
            return self._source
        return self._source.pseudonymised()
