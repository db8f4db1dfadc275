"""The History page: the store's revisions as rows, and the undo of one (admins only).

The same list and the same undo as ``maillage history`` and ``maillage undo``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from dash.exceptions import PreventUpdate

from ...graph.revision_text import ACTOR_EDITED, COUNT_FIELDS, edited_fields, recognise_revision
from ...reports.i18n import N_, Translator, translator
from ..sources import Sources
from .formatting import field_word
from .guard import NothingToShow, guarded

SCOPES = {"territory": N_("this territory"), "all": N_("every territory")}
"""The History page's scopes: key -> English label (people read ``t.gettext``)."""
COLUMNS = (
    ("id", N_("Change")),
    ("time", N_("When (UTC)")),
    ("user", N_("Who")),
    ("what", N_("What")),
    ("territories", N_("Territories")),
    ("state", N_("State")),
)


def scope_options(t: Translator | None = None) -> list[dict[str, str]]:
    t = t or translator()
    return [{"label": f" {t.gettext(label)}", "value": key} for key, label in SCOPES.items()]


def table_columns(t: Translator | None = None) -> list[dict[str, str]]:
    t = t or translator()
    return [{"id": key, "name": t.gettext(name)} for key, name in COLUMNS]


def revision_rows(revisions: Sequence[Any], t: Translator | None = None) -> list[dict[str, Any]]:
    """One row per revision, newest first.

    >>> from datetime import datetime, UTC
    >>> from maillage.graph.changes import Revision
    >>> r = Revision(3, datetime(2026, 12, 2, 9, 30, tzinfo=UTC), "amina", "edit",
    ...              "edit of actor a1 (name)", territories=("Lille",), undone_by=4)
    >>> en = revision_rows([r], translator("en"))[0]
    >>> en["state"], en["time"]
    ('undone by 4', '2026-12-02 09:30')
    >>> revision_rows([r], translator("fr"))[0]["state"], revision_rows([r])[0]["time"]
    ('annulée par 4', '2 déc. 2026 09:30')
    """
    t = t or translator()
    rows = []
    for revision in reversed(list(revisions)):
        rows.append(
            {
                "id": revision.id,
                "time": when(revision.time, t),
                "user": revision.user or "—",
                "what": description_in(revision.description, t) or revision.action,
                "territories": ", ".join(revision.territories),
                "state": t.gettext("standing")
                if revision.undone_by is None
                else t.gettext("undone by {id}").format(id=revision.undone_by),
            }
        )
    return rows


def when(moment: datetime, t: Translator) -> str:
    """A revision's time, to the minute: ISO in English, the reader's date otherwise."""
    if t.language == "en":
        return moment.strftime("%Y-%m-%d %H:%M")
    return f"{t.date(moment.date())} {moment:%H:%M}"


def description_in(description: str | None, t: Translator | None = None) -> str:
    """A stored revision description in ``t``'s language; one not recognised as stored.

    >>> description_in("undo of revisions 3, 4", translator("fr"))
    'annulation des modifications 3, 4'
    >>> description_in("edit of actor CA06 (name, city)", translator("fr"))
    "modification de l'acteur CA06 (nom, ville)"
    >>> description_in("written by hand", translator("fr"))
    'written by hand'
    """
    t = t or translator()
    found = recognise_revision(description)
    if found is None:
        return description or ""
    template, fields = found
    shown = {
        key: t.integer(int(value)) if key in COUNT_FIELDS else value
        for key, value in fields.items()
    }
    if template == ACTOR_EDITED:
        shown["fields"] = ", ".join(field_word(name, t) for name in edited_fields(fields["fields"]))
    return t.gettext(template).format(**shown)


@guarded(list)
def rows_view(sources: Sources, territory: str | None, scope: str | None) -> tuple[list]:
    """The rows of the territory's changes (or every change), for the roles that may write.

    Descriptions name actors as they are: a viewer asking gets nothing.
    """
    t = sources.translator()
    if not sources.may_write():
        raise NothingToShow(t.gettext("The history is for facilitators and admins."))
    source = sources.current()
    wanted = territory if scope != "all" else None
    return (revision_rows(source.history(wanted) if wanted else source.history(), t),)


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
    t = sources.translator()
    if not rows or not selected or not 0 <= selected[0] < len(rows):
        raise NothingToShow(t.gettext("Select the change to undo in the list."))
    target = int(rows[selected[0]]["id"])
    done = writer.undo(target, user=user)
    undone = ", ".join(map(str, done.undoes)) or str(target)
    return done.id, t.gettext("Undone: {undone} (as change {id}).").format(
        undone=undone, id=done.id
    )
