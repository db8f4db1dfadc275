"""Every callback of the app, one module per page. Each one is one to three lines: it calls a view.

Callbacks are registered on the app given to :func:`register`, with the
``Sources`` in their closure (no module-level state): each call reads
``sources.current()``, the data its user's role may see.
"""

from __future__ import annotations

import dash

from .. import ids
from ..sources import Sources
from . import (
    brokers,
    compare,
    explore,
    gaps,
    history,
    import_page,
    introductions,
    shell,
    territory_map,
)

WRITE_CALLBACKS: frozenset[str] = frozenset(
    {
        f"{ids.INTRO_CHANGED}.data",
        f"{ids.EDITED}.data",
        f"{ids.SAVED_VIEW_MESSAGE}.children",
        f"{ids.HISTORY_CHANGED}.data",
        f"{ids.IMPORT_FILE}.children",
        f"{ids.IMPORT_SECTORS}.data",
        f"{ids.IMPORT_SAVED_SECTORS}.data",
        f"{ids.IMPORT_MAPPING}.data",
        f"{ids.IMPORT_PROBLEMS}.data",
        f"{ids.IMPORT_RESULT}.children",
    }
)
"""One output (``"id.property"``) of every callback that changes data (calls ``sources.writer()``).

``tests/security/test_write_callbacks.py`` fires each of them as a viewer and checks that
nothing is written, and fails when a callback reaching ``writer()`` is missing here.
"""


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the callbacks of every page to ``app``."""
    shell.register(app, sources)
    explore.register(app, sources)
    brokers.register(app, sources)
    gaps.register(app, sources)
    territory_map.register(app, sources)
    compare.register(app, sources)
    introductions.register(app, sources)
    import_page.register(app, sources)
    history.register(app, sources)
