"""What a mapping file does to cells before they are read: nulls, spaces, extracts, joined keys.

Real exports write "no value" as ``n/a`` or ``-``, pad names with double
spaces, prefix a code to a label (``FR42 / Alsace``) and key their projects
by two columns. A mapping says so once (``docs/mapping.md``), and
:func:`prepare_table` hands the table readers cells that are already clean,
so that every parser, fast or row by row, reads them the same way:

- ``null = ["n/a", "-"]``: a cell that is one of these (ignoring case and
  surrounding blanks) is blank; ``[sectors]`` entries mapped to ``""`` are
  blanks for the sector column only;
- ``normalise_spaces = true``: runs of blanks inside a cell become one space;
- ``[extract]``: ``field = "regex"`` keeps the first group (or the whole
  match) of the field's cells; a non-blank cell that does not match is a
  problem on its line;
- ``ids_ignore_case = true``: ids (``id``, ``actor``, ``source``, ``target``,
  ``activity``) that differ only in case, accents or spacing are one id, spelt
  as first seen in the file;
- ``[columns]`` ``field = ["A", "B"]``: the field is the cells of A and B
  joined with ``key_separator``; a row where any of them is blank gives a
  blank key (extracts apply to the joined key).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..graph.model import fold
from ..graph.problem_text import EXTRACT_MISMATCH, render
from .mapping import TableSpec
from .raw_table import Table
from .validate import ProblemLog

_SPACES = re.compile(r"\s+")


def needs_cleaning(spec: TableSpec) -> bool:
    """Whether ``spec`` changes any cell (tables read without a mapping never do)."""
    return bool(
        spec.nulls
        or spec.field_nulls
        or spec.normalise_spaces
        or spec.extracts
        or spec.joined
        or spec.ids_ignore_case
    )


ID_FIELDS = ("id", "actor", "source", "target", "activity")


@dataclass(frozen=True)
class _Derived:
    """A column added to the table: a field built from other cells."""

    field: str
    header: str
    sources: tuple[int | None, ...]
    extract: re.Pattern[str] | None


def derived_header(spec: TableSpec, field: str) -> str:
    """The name of the column built for ``field``: ``A + B`` for a joined key, ``A [id]`` else."""
    joined = spec.joined.get(field)
    if joined:
        return " + ".join(joined)
    return f"{spec.columns.get(field, field)} [{field}]"


def prepare_table(table: Table, spec: TableSpec, log: ProblemLog) -> tuple[Table, dict[str, str]]:
    """``table`` with the mapping's cleaning applied to every row, and the columns it added.

    Nulls and spaces are settled in place. Keys built from several columns
    and extracted values go to added columns (so that a column serving two
    fields, such as ``id`` and ``name``, keeps its own text for the other
    one); the returned mapping names the added column of each such field.
    A column the mapping names but the header lacks is left to the layout,
    which reports it.
    """
    if not needs_cleaning(spec):
        return table, {}
    positions: dict[str, int] = {}
    for i, name in enumerate(table.header):
        positions.setdefault(fold(name), i)
    null_steps: list[tuple[int, frozenset[str]]] = []
    for i, column in enumerate(table.header):
        fields = [f for f, c in spec.columns.items() if fold(c) == fold(column)]
        fields += [f for f in spec.field_nulls if f not in spec.columns and fold(f) == fold(column)]
        nulls = spec.nulls.union(*(spec.field_nulls.get(f, frozenset()) for f in fields))
        if nulls:
            null_steps.append((i, nulls))
    derived: list[_Derived] = []
    for field in dict.fromkeys([*spec.joined, *spec.extracts]):
        sources = spec.joined.get(field) or (spec.columns.get(field, field),)
        derived.append(
            _Derived(
                field,
                derived_header(spec, field),
                tuple(positions.get(fold(c)) for c in sources),
                spec.extracts.get(field),
            )
        )
    if any(i is None for d in derived for i in d.sources):
        derived = [d for d in derived if None not in d.sources]  # the layout reports them
    header = [*table.header, *(d.header for d in derived)]
    columns = {d.field: d.header for d in derived}
    clean_cell = _cell_cleaner(spec.normalise_spaces)
    separator = spec.key_separator
    id_indexes: list[int] = []
    if spec.ids_ignore_case:
        added = {d.field: len(table.header) + k for k, d in enumerate(derived)}
        for name in ID_FIELDS:
            at = added.get(name, positions.get(fold(spec.columns.get(name, name))))
            if at is not None and at not in id_indexes:
                id_indexes.append(at)
    spellings: dict[str, str] = {}

    def rows() -> Iterator[tuple[int, list[str]]]:
        width = len(table.header)
        for line, cells in table.rows:
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            out = [clean_cell(c) for c in cells]
            for i, nulls in null_steps:
                if fold(out[i]) in nulls:
                    out[i] = ""
            extra = []
            for d in derived:
                parts = [out[i] for i in d.sources]  # type: ignore[index]
                value = separator.join(parts) if all(parts) else ""
                if d.extract is not None and value:
                    try:
                        value = extracted(d.extract, value)
                    except ValueError as exc:  # the row keeps its text, with one problem
                        log.add(table.label, line, table.header[d.sources[0]], str(exc))  # type: ignore[index]
                extra.append(value)
            row = out[:width] + extra + out[width:]
            for i in id_indexes:
                if row[i]:
                    row[i] = spellings.setdefault(" ".join(fold(row[i]).split()), row[i])
            yield line, row

    return Table(table.label, header, rows(), table.size_hint, table.header_line), columns


def extracted(pattern: re.Pattern[str], value: str) -> str:
    """The first group of ``pattern`` in ``value`` (or the whole match); ``ValueError`` if none."""
    found = pattern.search(value)
    if found is None:
        raise ValueError(render(EXTRACT_MISMATCH, value=repr(value), pattern=pattern.pattern))
    return (found.group(1) if pattern.groups else found.group(0)).strip()


def _cell_cleaner(normalise_spaces: bool) -> Callable[[str], str]:
    if normalise_spaces:
        return lambda cell: _SPACES.sub(" ", cell).strip()
    return str.strip


def clean_value(spec: TableSpec, field: str | None, value: str) -> str:
    """One value cleaned as :func:`prepare_table` cleans a cell (for GEXF and GraphML values).

    Raises ``ValueError`` when an extract pattern does not match.
    """
    cell = _cell_cleaner(spec.normalise_spaces)(value)
    nulls = spec.nulls | spec.field_nulls.get(field or "", frozenset())
    if nulls and fold(cell) in nulls:
        return ""
    pattern = spec.extracts.get(field or "")
    return extracted(pattern, cell) if pattern is not None and cell else cell


def original_columns(table: Table, spec: TableSpec, derived: dict[str, str]) -> dict[str, str]:
    """For fields read from an added column by an extract: the file's own column, for problems."""
    by_fold = {fold(h): h for h in table.header}
    return {
        name: by_fold.get(fold(spec.columns.get(name, name)), spec.columns.get(name, name))
        for name in derived
        if name not in spec.joined
    }
