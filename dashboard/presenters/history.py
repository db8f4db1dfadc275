"""The History page: the store's revisions as rows, and the undo of one (admins only).

The same list and the same undo as ``maillage history`` and ``maillage undo``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash.exceptions import PreventUpdate

from ..sources import Sources
from .guard import NothingToShow, guarded

SCOPES = {"territory": "this territory", "all": "every territory"}
COLUMNS = (
    ("id", "Change"),
    ("time", "When (UTC)"),
    ("user", "Who"),
    ("what", "What"),
    ("territories", "Territories"),
    ("state", "State"),
)


def table_columns() -> list[dict[str, str]]:
    return [{"id": key, "name": name} for key, name in COLUMNS]


def revision_rows(revisions: Sequence[Any]) -> list[dict[str, Any]]:
    """One row per revision, newest first.

    >>> from datetime import datetime, UTC
    >>> from maillage.graph.changes import Revision
    >>> r = Revision(3, datetime(2026, 12, 2, 9, 30, tzinfo=UTC), "amina", "edit",
    ...              "edit of actor a1 (name)", territories=("Lille",), undone_by=4)
    >>> revision_rows([r])[0]["state"], revision_rows([r])[0]["time"]
    ('undone by 4', '2026-12-02 09:30')
    """
    rows = []
    for revision in reversed(list(revisions)):
        rows.append(
            {
                "id": revision.id,
                "time": revision.time.strftime("%Y-%m-%d %H:%M"),
                "user": revision.user or "—",
                "what": revision.description or revision.action,
                "territories": ", ".join(revision.territories),
                "state": "standing"
                if revision.undone_by is None
                else f"undone by {revision.undone_by}",
            }
        )
    return rows


@guarded(list)
def rows_view(sources: Sources, territory: str | None, scope: str | None) -> tuple[list]:
    """The rows of the territory's changes (or every change), for the roles that may write.

    Descriptions name actors as they are: a viewer asking gets nothing.
    """
    if not sources.may_write():
        raise NothingToShow("The history is for facilitators and admins.")
    source = sources.current()
    wanted = territory if scope != "all" else None
    return (revision_rows(source.history(wanted) if wanted else source.history()),)


@guarded(lambda: None, lambda: "")
def undo_view(
    sources: Sources,
    rows: Sequence[Mapping[str, Any]] | None,
    selected: Sequence[int] | None,
    clicks: int | None,
) -> tuple[Any, str]:
    """Undo the selected change (admins only; the server checks, whatever is sent)."""
    if not clicks:
        raise PreventUpdate
    writer, user = sources.administrator()
    if not rows or not selected or not 0 <= selected[0] < len(rows):
        raise NothingToShow("Select the change to undo in the list.")
    target = int(rows[selected[0]]["id"])
    done = writer.undo(target, user=user)
    undone = ", ".join(map(str, done.undoes)) or str(target)
    return done.id, f"Undone: {undone} (as change {done.id})."
