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
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..graph.model import Sector, TieKind, fold, parse_sector, parse_tie_kind
from ..graph.problem_text import (
    BAD_DELIMITER,
    BAD_REGEX,
    BLANKS_BY_DEFAULT,
    CANNOT_READ_MAPPING,
    FILE_NEEDS_MATCH,
    FILES_NOT_TABLES,
    MAPPING_UNKNOWN_SECTOR,
    MUST_BE_BOOLEAN,
    MUST_BE_COLUMN_NAME,
    MUST_BE_REGEX,
    MUST_BE_RULE,
    MUST_BE_SECTOR,
    MUST_BE_STRING,
    MUST_BE_TABLE,
    MUST_BE_TEXTS,
    MUST_BE_TIE_KIND,
    MUST_NOT_BE_EMPTY,
    NOT_A_DATE_FORMAT,
    NOT_TOML,
    ONE_GROUP,
    SEVERAL_COLUMNS,
    UNKNOWN_ENCODING,
    UNKNOWN_FIELD,
    UNKNOWN_KEY,
    UNKNOWN_ROLE,
    UNKNOWN_RULE,
    UNUSABLE_DATE_FORMAT,
    UNUSABLE_ENCODING,
    render,
)
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

CONFLICT_RULES = ("error", "first", "most_common")
_RULES = ", ".join(CONFLICT_RULES)
"""What to do when the rows of one two-mode actor disagree on a field (``docs/mapping.md``)."""
MERGED_FIELDS = ("name", "sector", "kind", "city", "lat", "lon", "joined")
"""Actor fields whose values two-mode rows may disagree on (territories add up instead)."""

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
    nulls: frozenset[str] = frozenset()
    """Folded cell texts that mean a blank cell, in every column (``null``)."""
    field_nulls: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Per field, more folded texts that mean blank there (``[sectors]`` entries set to ``""``)."""
    normalise_spaces: bool = False
    ids_ignore_case: bool = False
    """Ids that differ only in case, accents or spacing are one id (the first spelling seen)."""
    extracts: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    joined: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Fields whose value is several columns joined with ``key_separator``."""
    key_separator: str = ":"
    conflict: str = "error"
    """The rule for fields that ``conflicts`` does not name."""
    conflicts: Mapping[str, str] = field(default_factory=dict)
    """Per actor field or attribute name: ``error``, ``first`` or ``most_common``."""
    participation_attributes: Mapping[str, str] = field(default_factory=dict)
    """Two-mode: attributes kept on each participation (per row), not on the actor."""

    def conflict_rule(self, name: str) -> str:
        """The rule for the field or attribute ``name``."""
        return self.conflicts.get(name, self.conflict)

    def sector(self, raw: str) -> Sector:
        """The sector of a raw value: the mapping's ``[sectors]`` first, then the spec's aliases."""
        mapped = self.sectors.get(fold(raw))
        if mapped is not None:
            return mapped
        try:
            return parse_sector(raw)
        except ValueError:
            if self.sectors:
                raise ValueError(render(MAPPING_UNKNOWN_SECTOR, value=repr(raw))) from None
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
    "null",
    "normalise_spaces",
    "ids_ignore_case",
    "key_separator",
    "conflict",
}
_TABLE_KEYS = {
    "columns",
    "sectors",
    "kinds",
    "attributes",
    "extract",
    "conflicts",
    "participation_attributes",
}
_BOOLEAN_KEYS = {"skip_rows_without_id", "normalise_spaces", "ids_ignore_case"}
_TOML_LINE = re.compile(r"at line (\d+)")


def read_mapping(path: Path | str, log: ProblemLog) -> MappingFile | None:
    """Parse and check a mapping file; problems go to ``log`` (``None`` if unreadable)."""
    label = str(path)
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        log.add(label, None, None, render(CANNOT_READ_MAPPING, reason=exc.strerror or exc))
        return None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        log.add(label, line, None, render(NOT_TOML, reason=exc))
        return None
    except RecursionError:
        too_deep = render(NOT_TOML, reason="arrays or tables nested too deep")
        log.add(label, None, None, too_deep)
        return None
    checker = _Checker(label, log)
    default = checker.spec(document, CANONICAL, "", allow_files=True)
    files: list[tuple[str, TableSpec]] = []
    raw_files = document.get("file", [])
    if not isinstance(raw_files, list) or not all(isinstance(f, dict) for f in raw_files):
        checker.problem("file", FILES_NOT_TABLES)
        raw_files = []
    for number, entry in enumerate(raw_files, start=1):
        prefix = f"file[{number}]."
        pattern = entry.get("match")
        if not isinstance(pattern, str) or not pattern:
            checker.problem(prefix + "match", FILE_NEEDS_MATCH)
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
                self.problem(prefix + key, render(UNKNOWN_KEY, known=", ".join(sorted(known))))
        changes: dict[str, Any] = {}
        renamed = {"type": "role", "null": "nulls"}
        for key in _SCALAR_KEYS & table.keys():
            value = self.scalar(key, table[key], prefix + key)
            if value is not None:
                changes[renamed.get(key, key)] = value
        if "columns" in table:
            columns, joined = self.columns(table["columns"], prefix + "columns")
            if joined:
                changes["joined"] = {**base.joined, **joined}
            for name in columns:
                if name not in ALL_FIELDS:
                    self.problem(
                        f"{prefix}columns.{name}",
                        render(UNKNOWN_FIELD, known=", ".join(sorted(ALL_FIELDS))),
                    )
            changes["columns"] = {**base.columns, **columns}
        if "attributes" in table:
            attributes = self.strings(table["attributes"], prefix + "attributes")
            changes["attributes"] = {**(base.attributes or {}), **attributes}
        if "sectors" in table:
            sectors, blanks = self.sectors(table["sectors"], prefix)
            changes["sectors"] = {**base.sectors, **sectors}
            if blanks:
                old = base.field_nulls.get("sector", frozenset())
                changes["field_nulls"] = {**base.field_nulls, "sector": old | blanks}
        if "extract" in table:
            changes["extracts"] = {**base.extracts, **self.extracts(table["extract"], prefix)}
        if "conflicts" in table:
            changes["conflicts"] = {**base.conflicts, **self.rules(table["conflicts"], prefix)}
        if "participation_attributes" in table:
            where = prefix + "participation_attributes"
            changes["participation_attributes"] = {
                **base.participation_attributes,
                **self.strings(table["participation_attributes"], where),
            }
        if "kinds" in table:
            changes["kinds"] = {**base.kinds, **self.kinds(table["kinds"], prefix)}
        if "columns" in changes and "attributes" not in changes and base.attributes is None:
            changes["attributes"] = {}  # a mapped export keeps only the attributes it names
        return replace(base, **changes)

    def scalar(self, key: str, value: Any, where: str) -> Any:
        if key in _BOOLEAN_KEYS:
            if not isinstance(value, bool):
                self.problem(where, MUST_BE_BOOLEAN)
                return None
            return value
        if key == "null":
            tokens = [value] if isinstance(value, str) else value
            if not isinstance(tokens, list) or not all(isinstance(t, str) for t in tokens):
                self.problem(where, MUST_BE_TEXTS)
                return None
            return frozenset(fold(t) for t in tokens if fold(t))
        if not isinstance(value, str):
            self.problem(where, MUST_BE_STRING)
            return None
        if key == "type":
            try:
                return Role(value.strip().lower())
            except ValueError:
                self.problem(where, render(UNKNOWN_ROLE, value=repr(value), known=", ".join(Role)))
                return None
        if key == "delimiter":
            value = DELIMITER_NAMES.get(value.lower(), value)
            if len(value) != 1 or value in '"\r\n':
                self.problem(where, render(BAD_DELIMITER, value=repr(value)))
                return None
        if key == "encoding":
            try:
                "a".encode(value)  # also refuses codecs that are not for text (rot13, hex)
            except LookupError as exc:
                self.problem(where, render(UNKNOWN_ENCODING, value=repr(value), reason=exc))
                return None
            except ValueError as exc:
                self.problem(where, render(UNUSABLE_ENCODING, value=repr(value), reason=exc))
                return None
        if key == "default_sector":
            try:
                return parse_sector(value)
            except ValueError as exc:
                self.problem(where, str(exc))
                return None
        if key == "territory_separator" and not value:
            self.problem(where, MUST_NOT_BE_EMPTY)
            return None
        if key == "date_format":
            return self.date_format(value, where)
        if key == "conflict" and value not in CONFLICT_RULES:
            self.problem(where, render(UNKNOWN_RULE, value=repr(value), known=_RULES))
            return None
        return value

    def date_format(self, value: str, where: str) -> str | None:
        """A strptime format that Python can compile, else a problem (never a traceback)."""
        if "%" not in value:
            self.problem(where, render(NOT_A_DATE_FORMAT, value=repr(value)))
            return None
        try:
            datetime.strptime("", value)
        except ValueError:
            pass  # the format compiled; the empty text just does not match it
        except re.error as exc:
            self.problem(where, render(UNUSABLE_DATE_FORMAT, value=repr(value), reason=exc))
            return None
        return value

    def columns(self, value: Any, where: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
        """``[columns]``: a column name per field, or a list of columns joined into a key."""
        if not isinstance(value, dict):
            self.problem(where, MUST_BE_TABLE)
            return {}, {}
        single: dict[str, Any] = {}
        joined: dict[str, tuple[str, ...]] = {}
        for name, column in value.items():
            if isinstance(column, list):
                parts = tuple(c.strip() for c in column if isinstance(c, str) and c.strip())
                if len(parts) != len(column) or len(parts) < 2:
                    self.problem(f"{where}.{name}", SEVERAL_COLUMNS)
                    continue
                joined[name] = parts
                single[name] = " + ".join(parts)
            else:
                single[name] = column
        return self.strings(single, where), joined

    def strings(
        self, value: Any, where: str, *, refusal: str = MUST_BE_COLUMN_NAME
    ) -> dict[str, str]:
        if not isinstance(value, dict):
            self.problem(where, MUST_BE_TABLE)
            return {}
        result = {}
        for key, column in value.items():
            if isinstance(column, str) and column.strip():
                result[key] = column.strip()
            else:
                self.problem(f"{where}.{key}", refusal)
        return result

    def sectors(self, value: Any, prefix: str) -> tuple[dict[str, Sector], frozenset[str]]:
        """``[sectors]``: raw value → sector; a raw value mapped to ``""`` means a blank cell."""
        result: dict[str, Sector] = {}
        blanks: set[str] = set()
        if not isinstance(value, dict):
            self.problem(prefix + "sectors", MUST_BE_TABLE)
            return result, frozenset()
        for raw, sector in value.items():
            where = f"{prefix}sectors.{raw}"
            if not isinstance(sector, str):
                self.problem(where, MUST_BE_SECTOR)
            elif not fold(raw):
                self.problem(where, BLANKS_BY_DEFAULT)
            elif not sector.strip():
                blanks.add(fold(raw))  # "n/a" = "": the cell is blank (default_sector applies)
            else:
                try:
                    result[fold(raw)] = parse_sector(sector)
                except ValueError as exc:
                    self.problem(where, str(exc))
        return result, frozenset(blanks)

    def extracts(self, value: Any, prefix: str) -> dict[str, re.Pattern[str]]:
        result = {}
        if not isinstance(value, dict):
            self.problem(prefix + "extract", MUST_BE_TABLE)
            return {}
        for name, pattern in value.items():
            if not isinstance(pattern, str) or not pattern:
                self.problem(f"{prefix}extract.{name}", MUST_BE_REGEX)
                continue
            where = f"{prefix}extract.{name}"
            if name not in ALL_FIELDS:
                self.problem(where, render(UNKNOWN_FIELD, known=", ".join(sorted(ALL_FIELDS))))
                continue
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                self.problem(where, render(BAD_REGEX, reason=exc))
                continue
            if compiled.groups > 1:
                self.problem(where, ONE_GROUP)
                continue
            result[name] = compiled
        return result

    def rules(self, value: Any, prefix: str) -> dict[str, str]:
        result = {}
        for name, rule in self.strings(value, prefix + "conflicts", refusal=MUST_BE_RULE).items():
            if rule not in CONFLICT_RULES:
                self.problem(
                    f"{prefix}conflicts.{name}",
                    render(UNKNOWN_RULE, value=repr(rule), known=_RULES),
                )
            else:
                result[name] = rule
        return result

    def kinds(self, value: Any, prefix: str) -> dict[str, TieKind]:
        result = {}
        for raw, kind in self.strings(value, prefix + "kinds", refusal=MUST_BE_TIE_KIND).items():
            try:
                result[fold(raw)] = parse_tie_kind(kind)
            except ValueError as exc:
                self.problem(f"{prefix}kinds.{raw}", str(exc))
        return result
