"""Every callback of the app, one module per page. Each one is one to three lines: it calls a view.

Callbacks are registered on the app given to :func:`register`, with the
``Sources`` in their closure (no module-level state): each call reads
``sources.current()``, the data its user's role may see.
"""

from __future__ import annotations

import dash

from ..sources import Sources
from . import brokers, compare, explore, gaps, import_page, introductions, shell


def register(app: dash.Dash, sources: Sources) -> None:
    """Attach the callbacks of every page to ``app``."""
    shell.register(app, sources)
    explore.register(app, sources)
    brokers.register(app, sources)
    gaps.register(app, sources)
    compare.register(app, sources)
    introductions.register(app, sources)
    import_page.register(app, sources)
