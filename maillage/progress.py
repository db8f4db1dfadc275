"""A progress bar for imports large enough to wait for."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .terminal import unprotected

SHOW_ABOVE_ROWS = 5_000


@contextmanager
def import_progress() -> Iterator[Callable[[int, int], None]]:
    """Yield a ``progress(done, total)`` callback that shows a bar once total is large."""
    bar = Progress(
        TextColumn("Reading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=Console(file=unprotected(sys.stdout)),  # its own cursor moves, no names
    )
    task: list[int] = []

    def update(done: int, total: int) -> None:
        if total < SHOW_ABOVE_ROWS:
            return
        if not task:
            bar.start()
            task.append(bar.add_task("rows", total=total))
        bar.update(task[0], completed=done, total=total)

    try:
        yield update
    finally:
        if task:
            bar.stop()
