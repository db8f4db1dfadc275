"""What an import notices without refusing it, in words: one home for the warnings' templates.

A warning (columns ignored, rows skipped, edges summed) is written from one of these
English templates and shown on the import's plan; a reader in another language gets it
back as ``(template, fields)`` with :func:`recognise_warning`. A warning with a count has
two templates, the singular and the plural (a catalog's ``msgid`` and ``msgid_plural``):
:func:`render_count` picks the English one.

>>> text = render_count(SKIPPED_ROWS, 2, file="a.csv", column="id", lines="3, 4")
>>> text
'a.csv: skipped 2 rows without id (lines 3, 4)'
>>> recognise_warning(text)[0] == SKIPPED_ROWS
True
"""

from __future__ import annotations

from typing import Any

from .sentences import recognise, render

__all__ = [
    "IGNORED_COLUMNS",
    "IGNORED_EDGE_ATTRIBUTES",
    "NO_NODES_NO_EDGES",
    "NOT_UTF8",
    "SKIPPED_ROWS",
    "PARALLEL_EDGES",
    "SELF_LOOPS",
    "UPDATED_FROM_OTHER_FILES",
    "WARNING_TEMPLATES",
    "render_count",
    "recognise_warning",
]

Forms = tuple[str, str]
"""The singular and the plural template of a warning with a ``{count}``."""

IGNORED_COLUMNS = "{file}: ignored columns: {columns}"
IGNORED_EDGE_ATTRIBUTES = "{file}: ignored edge attributes: {attributes}"
NO_NODES_NO_EDGES = "{file}: no nodes and no edges"
NOT_UTF8 = "{file}: not UTF-8 (first bad byte on line {line}); read as Latin-1 (Windows-1252)"
SKIPPED_ROWS: Forms = (
    "{file}: skipped {count} row without {column} (line {lines})",
    "{file}: skipped {count} rows without {column} (lines {lines})",
)
PARALLEL_EDGES: Forms = (
    "{file}: {count} parallel edge summed into the weight of the tie between the same two "
    "nodes (as Gephi does)",
    "{file}: {count} parallel edges summed into the weight of the tie between the same two "
    "nodes (as Gephi does)",
)
SELF_LOOPS: Forms = (
    "{file}: {count} self-loop dropped (an edge from a node to itself; line {lines})",
    "{file}: {count} self-loops dropped (an edge from a node to itself; lines {lines})",
)
UPDATED_FROM_OTHER_FILES: Forms = (
    "{count} actor updated here came from other files ({where}), e.g. {examples}",
    "{count} actors updated here came from other files ({where}), e.g. {examples}",
)

WARNING_TEMPLATES: tuple[str | Forms, ...] = (
    IGNORED_COLUMNS,
    IGNORED_EDGE_ATTRIBUTES,
    NO_NODES_NO_EDGES,
    NOT_UTF8,
    SKIPPED_ROWS,
    PARALLEL_EDGES,
    SELF_LOOPS,
    UPDATED_FROM_OTHER_FILES,
)
"""Every warning: a template, or the two forms of one with a count (the catalog's msgids)."""

_KINDS = {"count": r"\d+", "line": r"\d+", "lines": r"\d+(?:, \d+)*(?:, …)?"}
_FORMS_OF = {
    text: forms for forms in WARNING_TEMPLATES if isinstance(forms, tuple) for text in forms
}
_TEXTS: tuple[str, ...] = tuple(
    text for forms in WARNING_TEMPLATES for text in ((forms,) if isinstance(forms, str) else forms)
)


def render_count(forms: Forms, count: int, **fields: Any) -> str:
    """The English warning of ``forms`` for ``count`` (singular for 1), fields filled in."""
    return render(forms[0] if count == 1 else forms[1], count=count, **fields)


def recognise_warning(message: str) -> tuple[str | Forms, dict[str, str]] | None:
    """The template (or the two forms) ``message`` was written from and its fields, else None."""
    found = recognise(message, _TEXTS, _KINDS)
    if found is None:
        return None
    text, fields = found
    return _FORMS_OF.get(text, text), fields
