"""Building a mapping file from a table's header: guesses, and the TOML that ``read_mapping`` reads.

The web import's mapping builder asks which column holds each field and which
sector each of the file's sector values means. This module guesses both from
the header and the values (``guess_columns``, ``guess_sectors``) and writes the
choice as a mapping file (``mapping_toml``) in the format of ``docs/mapping.md``,
so that a user can download it and give it to ``maillage import --mapping``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..graph.errors import Problem
from ..graph.model import Sector, fold, parse_sector
from .csv_reader import read_csv
from .excel import CANONICAL_SHEETS, Workbook
from .importing import CSV_SUFFIXES, EXCEL_SUFFIXES
from .limits import FileLimits, bounded_table
from .validate import ProblemLog

MAPPED_FIELDS = (
    "id",
    "name",
    "sector",
    "territory",
    "kind",
    "city",
    "lat",
    "lon",
    "activity",
    "date",
)
"""The fields the builder asks for: an actor's, and the activity of a two-mode export."""

_HINTS: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "code", "identifiant", "identifier", "siret", "siren", "pic", "numero", "ref"),
    "name": ("name", "nom", "raison sociale", "organisation", "organization", "structure"),
    "sector": ("sector", "secteur", "type", "statut", "status", "categorie", "category"),
    "territory": ("territory", "territoire", "departement", "region", "county", "commune"),
    "activity": ("activity", "activite", "projet", "project", "evenement", "event", "action"),
    "kind": ("kind", "nature"),
    "city": ("city", "ville", "town", "localite"),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "lng", "longitude"),
    "date": ("date", "debut", "start", "annee", "year", "jour"),
}
_START_ONLY = frozenset({"kind", "lat", "lon"})
"""Fields whose short hints a column name must start with ("lat" is in "relation")."""
CANONICAL_HEADERS = (
    frozenset({"id", "name", "sector", "territory"}),
    frozenset({"source", "target"}),
    frozenset({"actor", "activity"}),
)
DISTINCT_VALUES = 200
"""The most distinct sector values the builder lists (a sector column has a few)."""


@dataclass(frozen=True)
class TableColumns:
    """The first table of a file: its header and the distinct values of each column."""

    header: tuple[str, ...]
    values: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def is_canonical(self) -> bool:
        """True when the header is one of ``DATA-FORMAT.md``'s (no mapping needed)."""
        folded = {fold(name) for name in self.header}
        return any(needed <= folded for needed in CANONICAL_HEADERS)


def table_columns(path: Path, label: str, limits: FileLimits) -> TableColumns:
    """The header and distinct values of the CSV file or first sheet at ``path``.

    A graph file (GEXF, GraphML) has no header: its columns are empty.
    """
    log = ProblemLog()
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _columns(read_csv(path, label, log, []), log, limits)
    if suffix in EXCEL_SUFFIXES:
        with Workbook(path, label, log) as book:
            if book.book is None or not book.sheet_names:
                return _columns(None, log, limits)
            canonical = [s for s in map(book.find_sheet, CANONICAL_SHEETS) if s is not None]
            return _columns(book.table((canonical or book.sheet_names)[0]), log, limits)
    return TableColumns(())


def _columns(table, log: ProblemLog, limits: FileLimits) -> TableColumns:
    if table is None:
        return TableColumns((), {}, tuple(log.problems))
    header = tuple(table.header)
    seen: dict[str, dict[str, None]] = {name: {} for name in header}
    for _line, cells in bounded_table(table, limits, log, ()).rows:
        for name, cell in zip(header, cells, strict=False):
            text = cell.strip()
            if text and len(seen[name]) < DISTINCT_VALUES:
                seen[name].setdefault(text, None)
    values = {name: tuple(found) for name, found in seen.items()}
    return TableColumns(header, values, tuple(log.problems))


def guess_columns(header: Sequence[str]) -> dict[str, str | None]:
    """For each of ``MAPPED_FIELDS``, the column of ``header`` that probably holds it.

    A column named as the field comes first, then one whose folded name starts
    with or contains a hint (French or English); each column serves one field.

    >>> guess_columns(["Code", "Nom de la structure", "Statut", "Département"])["territory"]
    'Département'
    """
    folded = [(fold(name), name) for name in header]
    taken: set[str] = set()
    guessed: dict[str, str | None] = {}
    for wanted in MAPPED_FIELDS:
        hints = _HINTS[wanted]
        found = next((n for f, n in folded if f == wanted and n not in taken), None)
        tests = (str.startswith,) if wanted in _START_ONLY else (str.startswith, str.__contains__)
        for test in tests:
            for hint in hints:
                if found is None:
                    found = next((n for f, n in folded if test(f, hint) and n not in taken), None)
        guessed[wanted] = found
        if found is not None:
            taken.add(found)
    return guessed


def guess_sectors(values: Iterable[str]) -> dict[str, str | None]:
    """Each raw value's sector, from the sector names and aliases (``None``: ask the user).

    >>> guess_sectors(["Entreprise", "Mixte"])
    {'Entreprise': 'business', 'Mixte': None}
    """
    guessed: dict[str, str | None] = {}
    for value in values:
        try:
            guessed[value] = parse_sector(value).value
        except ValueError:
            guessed[value] = None
    return guessed


def mapping_toml(
    columns: Mapping[str, str | None],
    sectors: Mapping[str, str | None] | None = None,
    *,
    match: str | None = None,
    default_territory: str | None = None,
) -> str:
    """The mapping file of a choice: ``[columns]`` and ``[sectors]``, read back by ``read_mapping``.

    ``columns`` maps fields to columns (``None``: not in the file); a mapped
    ``activity`` makes the file two-mode, else it holds actors. Without an
    ``id`` column the ``name`` column is the id too (``ids_ignore_case``: the
    name is typed, so its spellings are one id). ``default_territory`` is the
    territory of the rows that have none (every row, without a territory
    column). ``sectors`` maps raw values to sectors (``None`` and sector names
    left out: the loader reads those itself). ``match`` puts it all in a
    ``[[file]]`` for that name.

    >>> print(mapping_toml({"id": "Code", "name": "Nom"}, {"Asso": "association"}))
    # Maillage mapping file (docs/mapping.md)
    type = "actors"
    <BLANKLINE>
    [columns]
    id = "Code"
    name = "Nom"
    <BLANKLINE>
    [sectors]
    "Asso" = "association"
    <BLANKLINE>
    """
    chosen = {name: column for name, column in columns.items() if column}
    name_is_id = "id" not in chosen and "name" in chosen
    if name_is_id:
        chosen = {"id": chosen["name"], **chosen}
    role = "two-mode" if chosen.get("activity") else "actors"
    prefix = "file." if match else ""
    lines = ["# Maillage mapping file (docs/mapping.md)"]
    if match:
        lines += ["", "[[file]]", f"match = {toml_string(match)}"]
    lines.append(f"type = {toml_string(role)}")
    territory = (default_territory or "").strip()
    if territory:
        lines.append(f"default_territory = {toml_string(territory)}")
    if name_is_id:
        lines.append("ids_ignore_case = true")
    lines += ["", f"[{prefix}columns]"]
    lines += [f"{name} = {toml_string(column)}" for name, column in chosen.items()]
    kept = {
        raw: Sector(sector).value
        for raw, sector in (sectors or {}).items()
        if sector and fold(raw) != sector
    }
    if kept:
        lines += ["", f"[{prefix}sectors]"]
        lines += [f"{toml_string(raw)} = {toml_string(sector)}" for raw, sector in kept.items()]
    return "\n".join(lines) + "\n"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and control characters escaped.

    >>> toml_string('Nom "usuel"\\t')
    '"Nom \\\\"usuel\\\\"\\\\t"'
    """
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
    escapes["\r"] = "\\r"
    out = []
    for char in text:
        if char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
