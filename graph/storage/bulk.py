"""What keeps the stores' bulk writes fast: no garbage collection, dates formatted once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an upsert runs.

    An upsert of tens of thousands of ties makes as many short-lived rows and no cycles;
    the collections they trigger would walk every object of the loaded dataset again and
    again (a tenth of a SQLite import). Reference counting frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What outlived the pause (the dataset) is long-lived: ``freeze`` and ``unfreeze``
            # move it straight into the oldest generation, which the next full collection
            # walks, instead of a young collection walking all of it now.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


class IsoDates(dict):
    """``day -> day.isoformat()``, each distinct day formatted once (a store's row builders).

    Start it with what stands for an absent date, e.g. ``IsoDates({None: None})``.
    """

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text
