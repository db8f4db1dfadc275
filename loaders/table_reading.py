"""Giving a table's columns their meaning and feeding its rows to the dataset builder."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter

from ..graph.model import fold
from ..graph.problem_text import (
    CANNOT_TELL_ROLE,
    COLUMN_TWICE,
    MAPPED_COLUMN_MISSING,
    PARTICIPATION_ATTRIBUTES_MISPLACED,
    REQUIRED_COLUMN_MISSING,
    ROW_TOO_WIDE,
    render,
)
from ..graph.warning_text import IGNORED_COLUMNS, SKIPPED_ROWS, render_count
from .builder import DatasetBuilder
from .cleaning import original_columns, prepare_table
from .column_parsers import fast_actors, fast_ties_of_columns
from .csv_reader import SplitRows
from .mapping import ACTIVITY_FIELDS, ACTOR_FIELDS, FIELDS, REQUIRED, TIE_FIELDS, Role, TableSpec
from .raw_table import Table
from .row_parsers import MISSING, ActivityParser, ActorParser, TieParser, clean
from .validate import ProblemLog


@dataclass
class Layout:
    """Where each field of a table is: column indexes, and header names for problems."""

    role: Role
    index: dict[str, int]
    names: dict[str, str]
    attributes: list[tuple[str, int]] = field(default_factory=list)
    participation_attributes: list[tuple[str, int]] = field(default_factory=list)


def detect_role(table: Table, spec: TableSpec, log: ProblemLog) -> Role | None:
    """The role the mapping gives, else the one the header's columns reveal."""
    if spec.role is not None:
        return spec.role
    header = {fold(h) for h in table.header}

    def has(name: str) -> bool:
        return name in spec.columns or name in header

    if has("source") and has("target"):
        return Role.TIES
    if "activity" in spec.columns and has("id"):
        return Role.TWO_MODE
    if has("actor") and has("activity"):
        return Role.PARTICIPATIONS
    if has("id"):
        return Role.ACTORS
    log.add(
        table.label,
        table.header_line,
        None,
        CANNOT_TELL_ROLE,
    )
    return None


def resolve_layout(
    table: Table, spec: TableSpec, log: ProblemLog, warnings: list[str]
) -> Layout | None:
    """Find each field's column; every missing required column is a problem on the header line."""
    role = detect_role(table, spec, log)
    if role is None:
        return None
    label, line = table.label, table.header_line
    positions: dict[str, int] = {}
    duplicated: set[str] = set()
    for i, name in enumerate(table.header):
        if name:
            key = fold(name)
            if key in positions:
                duplicated.add(key)
            else:
                positions[key] = i

    problems_before = len(log)

    def locate(column: str, *, named: bool) -> int | None:
        key = fold(column)
        if key in duplicated:
            log.add(label, line, column, COLUMN_TWICE)
            return None
        i = positions.get(key)
        if i is None and named:
            log.add(label, line, column, MAPPED_COLUMN_MISSING)
        return i

    index: dict[str, int] = {}
    names: dict[str, str] = {}
    for name in FIELDS[role]:
        named = name in spec.columns
        found = locate(spec.columns.get(name, name), named=named)
        if found is not None:
            index[name] = found
            names[name] = table.header[found]
        elif not named and name in REQUIRED[role]:
            if name == "territory" and spec.default_territory:
                continue
            log.add(label, line, name, REQUIRED_COLUMN_MISSING)
    layout = Layout(role, index, names)
    used = set(index.values())
    if role in (Role.ACTORS, Role.TWO_MODE):
        if spec.attributes is None and role is Role.ACTORS:
            layout.attributes = [(h, i) for i, h in enumerate(table.header) if h and i not in used]
        for attribute, column in (spec.attributes or {}).items():
            found = locate(column, named=True)
            if found is not None:
                layout.attributes.append((attribute, found))
                used.add(found)
        for attribute, i in layout.attributes:
            names[f"attribute:{attribute}"] = table.header[i]
    if role in (Role.TWO_MODE, Role.PARTICIPATIONS):
        for attribute, column in spec.participation_attributes.items():
            at = locate(column, named=True)
            if at is not None:
                layout.participation_attributes.append((attribute, at))
                used.add(at)
    elif spec.participation_attributes:
        log.add(
            label,
            line,
            None,
            render(PARTICIPATION_ATTRIBUTES_MISPLACED, role=role),
        )
    used.update(i for _attribute, i in layout.attributes)
    ignored = [h for i, h in enumerate(table.header) if h and i not in used]
    if ignored:
        warnings.append(render(IGNORED_COLUMNS, file=label, columns=", ".join(ignored)))
    if role is Role.TWO_MODE and "id" in names:
        names["actor"] = names["id"]
    return layout if len(log) == problems_before else None


def read_table(
    table: Table,
    spec: TableSpec,
    builder: DatasetBuilder,
    warnings: list[str],
    tick: Callable[[int], None] = lambda rows: None,
) -> int:
    """Feed every row of ``table`` to ``builder``; return how many data rows it had."""
    log = builder.log
    builder.header_lines[table.label] = table.header_line
    builder.headers[table.label] = list(table.header)
    skip = builder.skip.get(table.label)
    if skip:
        table = replace(table, rows=_keeping_raw_cells(table, skip, builder))
    table, derived = prepare_table(table, spec, log)
    shown = original_columns(table, spec, derived)
    if derived:
        spec = replace(spec, columns={**spec.columns, **derived})
    layout = resolve_layout(table, spec, log, warnings)
    if layout is None:
        return 0
    layout.names.update(shown)
    builder.columns[table.label] = layout.names
    return _RowFeeder(table, spec, layout, builder, warnings, tick).run()


def _keeping_raw_cells(
    table: Table, skip: set[int], builder: DatasetBuilder
) -> Iterator[tuple[int, list[str]]]:
    """The rows of ``table``, keeping the cells of those set aside as read (before cleaning)."""
    for line, cells in table.rows:
        if line in skip:
            builder.set_aside_cells.setdefault((table.label, line), list(cells))
        yield line, cells


class _RowFeeder:
    def __init__(
        self,
        table: Table,
        spec: TableSpec,
        layout: Layout,
        builder: DatasetBuilder,
        warnings: list[str],
        tick: Callable[[int], None],
    ) -> None:
        self.table = table
        self.spec = spec
        self.layout = layout
        self.builder = builder
        self.log = builder.log
        self.warnings = warnings
        self.tick = tick
        self.width = len(table.header)
        self.skipped: list[int] = []
        self.set_aside = builder.skip.get(table.label, set())
        """Lines of rows set aside by an earlier reading (``load(..., keep_valid=True)``)."""
        defines_actors = layout.role in (Role.ACTORS, Role.TWO_MODE)
        self.key_index = layout.index.get("id") if defines_actors else None

    def getter(self, names: tuple[str, ...]) -> Callable[[list[str]], tuple[str, ...]]:
        """Picks the cells of ``names`` from a padded row ('' for absent columns)."""
        return itemgetter(*(self.layout.index.get(n, self.width) for n in names))

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """The data rows, each padded to the header's width plus one empty cell.

        Blank rows are skipped; a row longer than the header is a problem
        unless its extra cells are empty.
        """
        width, label, log, tick = self.width, self.table.label, self.log, self.tick
        set_aside, key_index = self.set_aside, self.key_index
        count = 0
        for line, cells in self.table.rows:
            if set_aside and line in set_aside:
                key = cells[key_index] if key_index is not None and key_index < len(cells) else ""
                self.builder.set_aside((label, line), cells, clean(key))
                continue
            if len(cells) != width:
                if len(cells) > width and "".join(cells[width:]).strip():
                    log.add(label, line, None, render(ROW_TOO_WIDE, count=len(cells), width=width))
                    continue
                cells = cells[:width] + [""] * (width - len(cells))
            if not cells[0] and not "".join(cells).strip():
                continue
            count += 1
            if not count & 4095:
                tick(4096)
            cells.append("")
            yield line, cells
        tick(count & 4095)
        self.count = count

    def run(self) -> int:
        self.count = 0
        role = self.layout.role
        if role is Role.TIES:
            self.ties()
        elif role is Role.ACTORS:
            self.actors(merge=False, with_activity=False)
        elif role is Role.TWO_MODE:
            self.actors(merge=True, with_activity=True)
        else:
            self.participations()
        if self.skipped:
            shown = ", ".join(map(str, self.skipped[:10])) + (
                ", …" if len(self.skipped) > 10 else ""
            )
            column = self.layout.names.get("id") or self.layout.names.get("actor")
            self.warnings.append(
                render_count(
                    SKIPPED_ROWS,
                    len(self.skipped),
                    file=self.table.label,
                    column=column,
                    lines=shown,
                )
            )
        return self.count

    def full_columns(self) -> tuple[Sequence[int], Sequence[Sequence[str]]] | None:
        """The line numbers and the cells column by column, if every row has the header's width.

        None otherwise; the table's rows then stay readable (by ``rows``) for the
        row-by-row parsers.
        """
        rows = self.table.rows
        if isinstance(rows, SplitRows):
            found = rows.columns(self.width)
            if found is not None:
                return found
        listed = list(rows)
        self.table.rows = iter(listed)
        if not listed:
            return None
        lines, cells = zip(*listed, strict=True)
        if set(map(len, cells)) != {self.width}:
            return None
        return lines, list(zip(*cells, strict=True))

    def took_fast_path(self, lines: Sequence[int]) -> None:
        self.count = len(lines)
        self.tick(len(lines))

    def ties(self) -> None:
        label = self.table.label
        full = None if self.set_aside else self.full_columns()
        if full is not None:
            lines, columns = full
            fast = fast_ties_of_columns(columns, len(lines), self.layout.index, self.spec)
            if fast is not None:
                self.builder.add_ties(*fast, label, lines)
                self.took_fast_path(lines)
                return
        parse = TieParser(self.spec, label, self.layout.names, self.log).parse
        pick = self.getter(TIE_FIELDS)
        add = self.builder.add_tie
        for line, cells in self.rows():
            tie = parse(line, *pick(cells))
            if tie is not None:
                add(tie, (label, line))

    def actors(self, *, merge: bool, with_activity: bool) -> None:
        label, names, builder = self.table.label, self.layout.names, self.builder
        full = None if merge or with_activity or self.set_aside else self.full_columns()
        if full is not None:
            lines, columns = full
            layout = self.layout
            fast = fast_actors(columns, len(lines), layout.index, layout.attributes, self.spec)
            if fast is not None:
                builder.add_actors(*fast, label, lines)
                self.took_fast_path(lines)
                return
        parse = ActorParser(self.spec, label, names, self.log, partial=merge).parse
        if merge:
            builder.specs[label] = self.spec
            builder.defaults[label] = (
                (self.spec.default_territory,) if self.spec.default_territory else (),
                self.spec.default_sector,
            )
        parse_activity = ActivityParser(self.spec, label, names, self.log).parse
        pick = self.getter(ACTOR_FIELDS)
        pick_activity = self.getter(ACTIVITY_FIELDS)
        id_index = self.layout.index.get("id", self.width)
        attributes = self.layout.attributes
        on_participation = self.layout.participation_attributes
        skip_blank = self.spec.skip_rows_without_id
        for line, cells in self.rows():
            actor_id = clean(cells[id_index])
            if skip_blank and not actor_id:
                self.skipped.append(line)
                continue
            where = (label, line)
            # pick gives exactly the cells from id to joined, never the attributes
            actor = parse(  # type: ignore[misc]
                line,
                *pick(cells),  # type: ignore[arg-type]
                attributes={a: clean(cells[i]) for a, i in attributes},
            )
            if actor is None:
                if actor_id:
                    builder.rejected_actors.add(actor_id)
            else:
                builder.add_actor(actor, where, merge=merge)
            if with_activity:
                activity = parse_activity(line, *pick_activity(cells))
                if activity is not None:
                    builder.add_activity(activity, where)
                    if actor is not None:
                        builder.add_participation(
                            actor.id,
                            activity.id,
                            where,
                            {a: v for a, i in on_participation if (v := clean(cells[i]))},
                        )

    def participations(self) -> None:
        label, names, builder = self.table.label, self.layout.names, self.builder
        parse_activity = ActivityParser(self.spec, label, names, self.log).parse
        pick_activity = self.getter(ACTIVITY_FIELDS)
        actor_index = self.layout.index.get("actor", self.width)
        on_participation = self.layout.participation_attributes
        skip_blank = self.spec.skip_rows_without_id
        for line, cells in self.rows():
            actor_id = clean(cells[actor_index])
            if not actor_id:
                if skip_blank:
                    self.skipped.append(line)
                    continue
                self.log.add(label, line, names.get("actor", "actor"), MISSING)
            activity = parse_activity(line, *pick_activity(cells))
            if activity is not None:
                builder.add_activity(activity, (label, line))
                if actor_id:
                    builder.add_participation(
                        actor_id,
                        activity.id,
                        (label, line),
                        {a: v for a, i in on_participation if (v := clean(cells[i]))},
                    )
