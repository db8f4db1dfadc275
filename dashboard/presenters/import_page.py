"""The Import page's logic: an upload, its mapping, its preview, its import (through ``Source``).

Every view asks ``sources.writer()`` first, so a viewer's request is refused
whatever the browser sent; the file itself never leaves the request (the
browser sends it again with each step, the application reads it from a
private temporary folder removed at once).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import PurePath
from typing import Any

import dash_bootstrap_components as dbc
from dash import html, no_update
from dash.exceptions import PreventUpdate

from ...graph.changes import ImportCollision
from ...graph.errors import MaillageError, ValidationError
from ...graph.model import fold
from ...graph.problem_text import MAPPING_NOT_UTF8
from ...graph.revision_text import (
    ATTRIBUTES_CHANGE,
    CHANGE_SEPARATOR,
    CHANGED_ACTOR,
    FIELD_CHANGE,
    NO_VALUE,
    ActorChange,
    shown,
)
from ...reports.csv_export import csv_bytes
from ...reports.i18n import N_, Translator
from ...reports.labels import sector_label
from ...reports.problems import located_in, problem_in, problems_in, warning_in
from .. import ids
from ..sources import NotAllowed, Sources
from .formatting import field_word
from .guard import guarded

FIELD_LABELS: Mapping[str, str] = {
    "id": N_("Identifier"),
    "name": N_("Name"),
    "sector": N_("Sector"),
    "territory": N_("Territory"),
    "kind": N_("Kind"),
    "city": N_("City"),
    "lat": N_("Latitude"),
    "lon": N_("Longitude"),
    "activity": N_("Activity (a file of participations)"),
    "date": N_("Date of the activity"),
}
"""The fields the mapping builder asks for, in the order of its dropdowns."""
ABSENT_HINTS: Mapping[str, str] = {
    "id": N_("(not in the file: the name is the id)"),
    "territory": N_("(not in the file: give it below)"),
}
"""What a field's dropdown says when no column holds it, when the import has a way on."""
PROBLEM_COLUMNS = ("file", "line", "column", "problem")
PROBLEMS_PER_PAGE = 10
HIDDEN = {"display": "none"}


def problem_columns(t: Translator) -> list[dict[str, str]]:
    labels = {"file": N_("File"), "line": N_("Line"), "column": N_("Column")}
    labels["problem"] = N_("Problem")
    return [{"id": name, "name": t.gettext(labels[name])} for name in PROBLEM_COLUMNS]


def limit_text(sources: Sources) -> str:
    """What the page says about the files it takes: types and size."""
    t = sources.translator()
    limit = sources.current().upload_limit()
    size = t.number(limit / 1024, 0) + "\u00a0" + t.gettext("kB")
    return t.gettext("CSV, XLSX, GEXF or GraphML, up to {size}.").format(size=size)


@guarded(
    None,
    lambda: HIDDEN,
    None,
    lambda: [[] for _ in FIELD_LABELS],
    lambda: [None for _ in FIELD_LABELS],
)
def upload_view(sources: Sources, contents: str | None, filename: str | None) -> tuple:
    """The file's summary, whether it needs a mapping, and the builder's dropdowns pre-filled.

    Returns the file summary, the builder's style, whether a mapping is
    needed, each field's column options and guessed column (lists in the order
    of ``FIELD_LABELS``), then the alert.
    """
    if contents is None:
        raise PreventUpdate
    writer, _user = sources.writer()
    t = sources.translator()
    upload = writer.decode_upload(contents, filename)
    columns = writer.upload_columns(upload)
    if columns.problems:
        raise MaillageError(t.gettext("; ").join(located_in(p, t) for p in columns.problems))
    needs = bool(columns.header) and not columns.is_canonical()
    guessed = writer.guess_mapping(columns.header) if needs else {}
    options = [{"label": name, "value": name} for name in columns.header]
    size = t.number(len(upload.data) / 1024, 1) + "\u00a0" + t.gettext("kB")
    if not columns.header:
        said = t.gettext("a graph file: its nodes and edges are read as they are.")
    elif needs:
        said = t.gettext("say below which column holds what, then preview.")
    else:
        said = t.gettext("its columns are Maillage's own: no mapping is needed.")
    summary = html.P([html.Strong(upload.name), f" ({size}) — ", said])
    return (
        summary,
        {} if needs else HIDDEN,
        needs,
        [options for _ in FIELD_LABELS],
        [guessed.get(name) for name in FIELD_LABELS],
    )


@guarded(list)
def sectors_view(
    sources: Sources,
    contents: str | None,
    filename: str | None,
    sector_column: str | None,
    saved: Mapping[str, str] | None = None,
) -> tuple:
    """The sector table: each distinct value of the sector column and its sector.

    A saved mapping's ``[sectors]`` (folded raw value -> sector) come first,
    then the guess from the sector names and aliases.
    """
    if contents is None or not sector_column:
        return ([],)
    writer, _user = sources.writer()
    columns = writer.upload_columns(writer.decode_upload(contents, filename))
    values = list(columns.values.get(sector_column, ()))
    guessed = writer.guess_sectors(values)
    chosen = {value: (saved or {}).get(fold(value)) or guessed[value] for value in values}
    return ([{"value": value, "sector": chosen[value]} for value in values],)


@guarded(lambda: [None for _ in FIELD_LABELS], None, None)
def saved_mapping_view(sources: Sources, contents: str | None) -> tuple:
    """A saved mapping file's columns (for the dropdowns), sectors (for the sector table) and
    default territory (for its field)."""
    if contents is None:
        raise PreventUpdate
    writer, _user = sources.writer()
    try:
        text = base64.b64decode(contents.split(",", 1)[-1], validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        raise MaillageError(MAPPING_NOT_UTF8) from None
    columns, sectors, territory = writer.mapping_choice(text)
    return [columns.get(name) for name in FIELD_LABELS], sectors, territory


def mapping_view(
    sources: Sources,
    needs_mapping: bool | None,
    columns: Sequence[str | None],
    sector_rows: Sequence[Mapping[str, Any]] | None,
    default_territory: str | None = None,
) -> tuple[str | None, str, dict[str, str]]:
    """The mapping file of the builder's choice (``None`` when none is needed), its text, and
    the style of the "territory of every row" field (shown without a territory column)."""
    chosen = dict(zip(FIELD_LABELS, columns, strict=False))
    territory_field = HIDDEN if chosen.get("territory") else {}
    if not needs_mapping:
        return None, "", territory_field
    try:
        writer, _user = sources.writer()
    except NotAllowed:
        raise PreventUpdate from None
    sectors = {row["value"]: row.get("sector") for row in sector_rows or () if row.get("value")}
    territory = None if chosen.get("territory") else default_territory
    text = writer.mapping_toml(chosen, sectors, territory)
    return text, text, territory_field


def mapping_download(mapping: str | None, filename: str | None) -> dict[str, str]:
    """The mapping file as a download named after the uploaded file."""
    if not mapping:
        raise PreventUpdate
    stem = PurePath(filename or "import").stem or "import"
    return {"content": mapping, "filename": f"{stem}-mapping.toml", "type": "application/toml"}


@guarded(list, None, lambda: HIDDEN)
def preview_view(
    sources: Sources,
    contents: str | None,
    filename: str | None,
    mapping: str | None,
    merge: bool | None,
    prefix: str | None,
) -> tuple:
    """The row-level problems (table rows), what the import would change (a panel), and the
    style of the "same actors" box (shown only when ids of the file collide with the store's)."""
    writer, _user = sources.writer()
    t = sources.translator()
    upload = writer.decode_upload(contents, filename)
    options = {"mapping": mapping, "merge": bool(merge), "id_prefix": prefix or None}
    try:
        outcome = writer.import_upload(upload, dry_run=True, **options)
    except ValidationError as error:
        rows = [
            _problem_row(p.file, p.line, _field_label(p.column, t), problem_in(p.message, t))
            for p in error.problems
        ]
        message = t.gettext("The file cannot be imported as it is: nothing would be imported.")
        return rows, dbc.Alert(message, color="danger"), HIDDEN
    except ImportCollision as collision:
        return [], collision_panel(collision, t), {}
    summary = outcome.summary
    rows = [
        _problem_row(r.file, r.line, ", ".join(r.columns), problems_in(r.problems, t))
        for r in summary.rejected_rows
    ]
    return rows, plan_panel(summary, t), {} if merge else HIDDEN


def _problem_row(file: str, line: int | None, column: str | None, problem: str) -> dict[str, Any]:
    return {"file": file, "line": line, "column": column or "", "problem": problem}


def _field_label(column: str | None, t: Translator) -> str | None:
    """A file-level problem's column; a field the file lacks is named as the builder names it."""
    return t.gettext(FIELD_LABELS[column]) if column in FIELD_LABELS else column


def plan_panel(summary: Any, t: Translator) -> html.Div:
    """The dry-run plan: counts per record, field-level changes, examples and warnings."""
    plan = summary.plan
    counts = plan.counts()
    head = [t.gettext("Added"), t.gettext("Updated"), t.gettext("Unchanged")]
    body = [
        (t.gettext("Actors"), counts["actors_added"], counts["actors_updated"]),
        (t.gettext("Ties"), counts["ties_added"], counts["ties_updated"]),
        (t.gettext("Activities"), counts["activities_added"], counts["activities_updated"]),
    ]
    unchanged = [plan.actors_unchanged, plan.ties_unchanged, ""]
    table = dbc.Table(
        [
            html.Thead(html.Tr([html.Th(""), *map(html.Th, head)])),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Th(name),
                            html.Td(t.integer(a)),
                            html.Td(t.integer(u)),
                            html.Td(t.integer(same) if same != "" else ""),
                        ]
                    )
                    for (name, a, u), same in zip(body, unchanged, strict=True)
                ]
            ),
        ],
        size="sm",
        bordered=True,
        className="import-counts w-auto",
    )
    details: list[Any] = []
    if plan.territories_added:
        details.append(
            t.gettext("New territories: {names}").format(names=", ".join(plan.territories_added))
        )
    for name, count in sorted(plan.actor_fields.items()):
        if count and name != "territories":
            details.append(
                t.ngettext("{n} actor changes {field}", "{n} actors change {field}", count).format(
                    n=t.integer(count), field=field_word(name, t)
                )
            )
    for name, count in sorted(plan.tie_fields.items()):
        if count:
            details.append(
                t.ngettext("{n} tie changes {field}", "{n} ties change {field}", count).format(
                    n=t.integer(count), field=field_word(name, t)
                )
            )
    parts: list[Any] = [html.H5(t.gettext("What the import would change")), table]
    if details:
        parts.append(html.Ul([html.Li(line) for line in details]))
    if plan.examples:
        parts.append(html.P(t.gettext("For example:"), className="mb-1"))
        parts.append(html.Ul([html.Li(change_in(example, t)) for example in plan.examples]))
    warnings = [*summary.warnings, *plan.warnings]
    if warnings:
        parts.append(dbc.Alert([html.Div(warning_in(w, t)) for w in warnings], color="warning"))
    rejected = len(summary.rejected_rows)
    if rejected:
        parts.append(
            dbc.Alert(
                t.ngettext(
                    "{n} row has a problem (listed above): “Import” refuses the file, "
                    "“Import and set aside the bad rows” imports the others.",
                    "{n} rows have a problem (listed above): “Import” refuses the file, "
                    "“Import and set aside the bad rows” imports the others.",
                    rejected,
                ).format(n=t.integer(rejected)),
                color="warning",
            )
        )
    return html.Div(parts, className="import-plan")


def change_in(change: ActorChange, t: Translator) -> str:
    """One example of the plan (an actor and its fields' old and new values) in ``t``'s language.

    >>> from maillage.reports.i18n import translator
    >>> changes = (("sector", "public", "business"), ("city", None, "Metz"))
    >>> change = ActorChange("n1", "Nord", changes)
    >>> change_in(change, translator("en")) == str(change)
    True
    >>> change_in(change, translator("fr"))
    "n1 'Nord'\\u202f: secteur Public -> Entreprise\\u202f; ville (aucune) -> Metz"
    """
    none = t.gettext(NO_VALUE)

    def value(name: str, value: Any) -> str:
        if t.language == "en" or value is None:
            return shown(value, none)
        if name == "sector":
            return sector_label(value, t)
        if isinstance(value, float):
            return repr(value).replace(".", ",")
        return t.date(value) if isinstance(value, date) else shown(value, none)

    detail = t.gettext(CHANGE_SEPARATOR).join(
        t.gettext(FIELD_CHANGE).format(
            field=field_word(name, t), old=value(name, old), new=value(name, new)
        )
        for name, old, new in change.changes
    )
    return t.gettext(CHANGED_ACTOR).format(
        actor=change.actor, name=f"'{change.name}'", changes=detail or t.gettext(ATTRIBUTES_CHANGE)
    )


def collision_panel(collision: ImportCollision, t: Translator) -> dbc.Alert:
    """Ids of the file that already name other actors, and the two ways on."""
    count = len(collision.collisions)
    return dbc.Alert(
        [
            html.P(
                t.ngettext(
                    "{n} id of this file already names another actor in the store "
                    "(another name, no territory in common); nothing would be imported:",
                    "{n} ids of this file already name other actors in the store "
                    "(another name, no territory in common); nothing would be imported:",
                    count,
                ).format(n=t.integer(count))
            ),
            html.Ul([html.Li(problem_in(str(c), t)) for c in collision.collisions[:10]]),
            html.P(
                t.gettext(
                    "Ways on: give an id prefix (this file's ids become prefix + id), or tick "
                    "“They are the same actors” if they are."
                )
            ),
        ],
        color="danger",
        className="import-collisions",
    )


@guarded(None, None, lambda: HIDDEN, lambda: no_update)
def import_view(
    sources: Sources,
    trigger: str | None,
    contents: str | None,
    filename: str | None,
    mapping: str | None,
    merge: bool | None,
    prefix: str | None,
) -> tuple:
    """Import (``trigger`` is a run button): the result, the rejects text and its button's style,
    and the territory picker's new options."""
    if trigger not in (ids.IMPORT_RUN, ids.IMPORT_RUN_SET_ASIDE) or contents is None:
        raise PreventUpdate
    writer, user = sources.writer()
    t = sources.translator()
    upload = writer.decode_upload(contents, filename)
    try:
        outcome = writer.import_upload(
            upload,
            mapping=mapping,
            dry_run=False,
            set_aside=trigger == ids.IMPORT_RUN_SET_ASIDE,
            merge=bool(merge),
            id_prefix=prefix or None,
            user=user,
        )
    except ImportCollision as collision:
        return collision_panel(collision, t), None, HIDDEN, no_update
    except ValidationError as error:
        count = len(error.problems)
        message = t.ngettext(
            "{n} problem found: nothing was imported (see the preview, or set bad rows aside).",
            "{n} problems found: nothing was imported (see the preview, or set bad rows aside).",
            count,
        ).format(n=t.integer(count))
        return dbc.Alert(message, color="danger"), None, HIDDEN, no_update
    result = outcome.summary.result
    if result is None or result.revision is None:
        said = t.gettext("Nothing changed: the store already holds this file's data.")
    else:
        said = t.gettext(
            "Imported as revision {revision}: the other pages show it now "
            "(`maillage history` lists it, `maillage undo {revision}` reverts it)."
        ).format(revision=result.revision)
    parts: list[Any] = [html.P(said)]
    rejected = outcome.summary.rejected
    if outcome.rejects_csv is not None:
        parts.append(
            html.P(
                t.ngettext(
                    "{n} row was set aside: download it, correct it and import it again.",
                    "{n} rows were set aside: download them, correct them and import them again.",
                    rejected,
                ).format(n=t.integer(rejected))
            )
        )
    shown = {} if outcome.rejects_csv is not None and rejected else HIDDEN
    names = list(sources.current().territory_names())
    rejects = rejects_in(outcome, t)
    return dbc.Alert(parts, color="success"), rejects, shown, names


def rejects_in(outcome: Any, t: Translator) -> str | None:
    """The rejects file of an import ``outcome`` for ``t``'s reader: as written in English;
    else in French Excel's dialect (UTF-8 with a byte-order mark, semicolons) with each
    row's problems in French, written from the rows set aside themselves.

    The column heads stay those of the data format (``file``, ``line``, ``column``,
    ``problem``, then the row's own).
    """
    if outcome.rejects_csv is None or t.language == "en":
        return outcome.rejects_csv
    table = outcome.rejects_table(lambda problems: problems_in(problems, t))
    return csv_bytes(table, dialect="excel-fr").decode("utf-8")


def rejects_download(rejects: str | None, filename: str | None) -> dict[str, str]:
    """The rows set aside, as the CSV file ``maillage import --rejects`` writes."""
    if not rejects:
        raise PreventUpdate
    stem = PurePath(filename or "import").stem or "import"
    return {"content": rejects, "filename": f"{stem}-rejects.csv", "type": "text/csv"}
