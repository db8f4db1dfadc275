"""Mapping files: how the columns of a real export become actors, ties and participations.

A mapping file is TOML (see ``docs/mapping.md``). Its top-level keys apply to
every file of the import; ``[[file]]`` tables, picked by a ``match`` pattern
on the file name, override them for some files. Without a mapping the
canonical layout of ``DATA-FORMAT.md`` applies.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..graph.model import Sector, TieKind, fold, parse_sector, parse_tie_kind
from .validate import ProblemLog


class Role(StrEnum):
    """What the rows of a table are."""

    ACTORS = "actors"
    TIES = "ties"
    PARTICIPATIONS = "participations"
    TWO_MODE = "two-mode"


ACTOR_FIELDS = ("id", "name", "sector", "territory", "kind", "city", "lat", "lon", "joined")
TIE_FIELDS = (
    "source",
    "target",
    "kind",
    "weight",
    "since",
    "until",
    "directed",
    "note",
    "ref",
    "activities",
)
ACTIVITY_FIELDS = ("activity", "activity_name", "date")

FIELDS: Mapping[Role, tuple[str, ...]] = {
    Role.ACTORS: ACTOR_FIELDS,
    Role.TIES: TIE_FIELDS,
    Role.PARTICIPATIONS: ("actor", *ACTIVITY_FIELDS),
    Role.TWO_MODE: (*ACTOR_FIELDS, *ACTIVITY_FIELDS),
}
REQUIRED: Mapping[Role, tuple[str, ...]] = {
    Role.ACTORS: ("id", "name", "sector", "territory"),
    Role.TIES: ("source", "target"),
    Role.PARTICIPATIONS: ("actor", "activity"),
    Role.TWO_MODE: ("id", "name", "sector", "territory", "activity"),
}
ALL_FIELDS = frozenset(f for fields in FIELDS.values() for f in fields)

DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


@dataclass(frozen=True)
class TableSpec:
    """How to read one table (a CSV file or a sheet).

    ``columns`` maps a field to the column holding it; a field it does not
    name is read from the column of the field's own name when there is one.
    ``attributes`` maps attribute names to columns; ``None`` keeps every
    column that is not a field (the canonical behaviour for actors).
    """

    role: Role | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    attributes: Mapping[str, str] | None = None
    sectors: Mapping[str, Sector] = field(default_factory=dict)
    kinds: Mapping[str, TieKind] = field(default_factory=dict)
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    date_format: str | None = None
    territory_separator: str = "|"
    default_territory: str | None = None
    default_sector: Sector | None = None
    skip_rows_without_id: bool = False

    def sector(self, raw: str) -> Sector:
        """The sector of a raw value: the mapping's ``[sectors]`` first, then the spec's aliases."""
        mapped = self.sectors.get(fold(raw))
        if mapped is not None:
            return mapped
        try:
            return parse_sector(raw)
        except ValueError:
            if self.sectors:
                raise ValueError(
                    f"unknown sector {raw!r} (not in the mapping's [sectors], "
                    "nor a sector or alias)"
                ) from None
            raise

    def tie_kind(self, raw: str) -> TieKind:
        mapped = self.kinds.get(fold(raw))
        return mapped if mapped is not None else parse_tie_kind(raw)


CANONICAL = TableSpec()


@dataclass(frozen=True)
class MappingFile:
    """A parsed mapping file: defaults and per-file overrides."""

    path: str
    default: TableSpec
    files: tuple[tuple[str, TableSpec], ...] = ()

    def specs_for(self, path: Path) -> list[TableSpec]:
        """The specs of the ``[[file]]`` tables whose ``match`` fits ``path``, else the default."""
        if not self.files:
            return [self.default]
        matched = [spec for pattern, spec in self.files if _matches(pattern, path)]
        return matched


def _matches(pattern: str, path: Path) -> bool:
    name = path.name.casefold()
    return fnmatch.fnmatchcase(name, pattern.casefold()) or fnmatch.fnmatchcase(
        path.as_posix().casefold(), pattern.casefold()
    )


_SCALAR_KEYS = {
    "type",
    "delimiter",
    "encoding",
    "sheet",
    "date_format",
    "territory_separator",
    "default_territory",
    "default_sector",
    "skip_rows_without_id",
}
_TABLE_KEYS = {"columns", "sectors", "kinds", "attributes"}
_TOML_LINE = re.compile(r"at line (\d+)")


def read_mapping(path: Path | str, log: ProblemLog) -> MappingFile | None:
    """Parse and check a mapping file; problems go to ``log`` (``None`` if unreadable)."""
    label = str(path)
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        log.add(label, None, None, f"cannot read the mapping file: {exc.strerror or exc}")
        return None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        log.add(label, line, None, f"not a valid TOML mapping file: {exc}")
        return None
    except RecursionError:
        log.add(
            label, None, None, "not a valid TOML mapping file: arrays or tables nested too deep"
        )
        return None
    checker = _Checker(label, log)
    default = checker.spec(document, CANONICAL, "", allow_files=True)
    files: list[tuple[str, TableSpec]] = []
    raw_files = document.get("file", [])
    if not isinstance(raw_files, list) or not all(isinstance(f, dict) for f in raw_files):
        checker.problem("file", "must be an array of tables ([[file]])")
        raw_files = []
    for number, entry in enumerate(raw_files, start=1):
        prefix = f"file[{number}]."
        pattern = entry.get("match")
        if not isinstance(pattern, str) or not pattern:
            checker.problem(prefix + "match", "each [[file]] needs a match pattern, e.g. '*.csv'")
            continue
        files.append((pattern, checker.spec(entry, default, prefix, allow_files=False)))
    return MappingFile(label, default, tuple(files))


class _Checker:
    """Builds a ``TableSpec`` from one TOML table, reporting each bad key."""

    def __init__(self, label: str, log: ProblemLog) -> None:
        self.label = label
        self.log = log

    def problem(self, key: str, message: str) -> None:
        self.log.add(self.label, None, key, message)

    def spec(self, table: dict[str, Any], base: TableSpec, prefix: str, *, allow_files: bool):
        known = _SCALAR_KEYS | _TABLE_KEYS | ({"file"} if allow_files else {"match"})
        for key in table:
            if key not in known:
                self.problem(
                    prefix + key, f"unknown key (expected one of {', '.join(sorted(known))})"
                )
        changes: dict[str, Any] = {}
        for key in _SCALAR_KEYS & table.keys():
            value = self.scalar(key, table[key], prefix + key)
            if value is not None:
                changes[key if key != "type" else "role"] = value
        if "columns" in table:
            columns = self.strings(table["columns"], prefix + "columns")
            for name in columns:
                if name not in ALL_FIELDS:
                    self.problem(
                        f"{prefix}columns.{name}",
                        f"unknown field (expected one of {', '.join(sorted(ALL_FIELDS))})",
                    )
            changes["columns"] = {**base.columns, **columns}
        if "attributes" in table:
            attributes = self.strings(table["attributes"], prefix + "attributes")
            changes["attributes"] = {**(base.attributes or {}), **attributes}
        if "sectors" in table:
            changes["sectors"] = {**base.sectors, **self.sectors(table["sectors"], prefix)}
        if "kinds" in table:
            changes["kinds"] = {**base.kinds, **self.kinds(table["kinds"], prefix)}
        if "columns" in changes and "attributes" not in changes and base.attributes is None:
            changes["attributes"] = {}  # a mapped export keeps only the attributes it names
        return replace(base, **changes)

    def scalar(self, key: str, value: Any, where: str) -> Any:
        if key == "skip_rows_without_id":
            if not isinstance(value, bool):
                self.problem(where, "must be true or false")
                return None
            return value
        if not isinstance(value, str):
            self.problem(where, "must be a string")
            return None
        if key == "type":
            try:
                return Role(value.strip().lower())
            except ValueError:
                self.problem(where, f"unknown type {value!r} (expected {', '.join(Role)})")
                return None
        if key == "delimiter":
            value = DELIMITER_NAMES.get(value.lower(), value)
            if len(value) != 1 or value in '"\r\n':
                self.problem(where, f"a delimiter is one character, got {value!r}")
                return None
        if key == "encoding":
            try:
                "a".encode(value)  # also refuses codecs that are not for text (rot13, hex)
            except LookupError as exc:
                self.problem(where, f"unknown encoding {value!r} ({exc})")
                return None
            except ValueError as exc:
                self.problem(where, f"encoding {value!r} cannot be used ({exc})")
                return None
        if key == "default_sector":
            try:
                return parse_sector(value)
            except ValueError as exc:
                self.problem(where, str(exc))
                return None
        if key == "territory_separator" and not value:
            self.problem(where, "must not be empty")
            return None
        if key == "date_format" and "%" not in value:
            self.problem(where, f"expected a strptime format such as '%d/%m/%Y', got {value!r}")
            return None
        return value

    def strings(self, value: Any, where: str) -> dict[str, str]:
        if not isinstance(value, dict):
            self.problem(where, "must be a table")
            return {}
        result = {}
        for key, column in value.items():
            if isinstance(column, str) and column.strip():
                result[key] = column.strip()
            else:
                self.problem(f"{where}.{key}", "must be a column name (a non-empty string)")
        return result

    def sectors(self, value: Any, prefix: str) -> dict[str, Sector]:
        result = {}
        for raw, sector in self.strings(value, prefix + "sectors").items():
            if not fold(raw):
                self.problem(f"{prefix}sectors.{raw}", "blank cells are set by default_sector")
                continue
            try:
                result[fold(raw)] = parse_sector(sector)
            except ValueError as exc:
                self.problem(f"{prefix}sectors.{raw}", str(exc))
        return result

    def kinds(self, value: Any, prefix: str) -> dict[str, TieKind]:
        result = {}
        for raw, kind in self.strings(value, prefix + "kinds").items():
            try:
                result[fold(raw)] = parse_tie_kind(kind)
            except ValueError as exc:
                self.problem(f"{prefix}kinds.{raw}", str(exc))
        return result
