"""Turning the raw text of one row, node or edge into an ``Actor``, ``Tie`` or ``Activity``.

Every reader (CSV, Excel, GEXF, GraphML) goes through these parsers, so a
value means the same wherever it comes from and each bad value becomes one
problem naming the file's own column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from ..graph.cells import restore_formula
from ..graph.model import Activity, Actor, Sector, Tie, TieKind
from ..graph.problem_text import MISSING, MISSING_COORDINATE, SELF_TIE, UNTIL_BEFORE_SINCE, render
from .cell_values import (
    parse_bool,
    parse_date,
    parse_latitude,
    parse_longitude,
    parse_weight,
)
from .mapping import TableSpec
from .validate import ProblemLog


def clean(raw: str) -> str:
    """A cell's text without surrounding blanks or a formula-neutralising ``'``."""
    text = raw.strip()
    return restore_formula(text) if text[:1] == "'" else text


def verbatim(raw: str) -> str:
    """A value's text without surrounding blanks, a leading ``'`` kept (GEXF, GraphML)."""
    return raw.strip()


class _Parser:
    """Base of the parsers; ``escapes=False`` for formats that never neutralise formulas.

    CSV and Excel exports prefix ``'`` to text a spreadsheet would run
    (``graph.cells.neutralise_reversibly``), so those readers drop it again; GEXF and
    GraphML exports write values as they are, so a leading ``'`` is data there.
    """

    def __init__(
        self,
        spec: TableSpec,
        label: str,
        columns: Mapping[str, str],
        log: ProblemLog,
        *,
        escapes: bool = True,
    ) -> None:
        self.spec = spec
        self.label = label
        self.columns = columns
        self.log = log
        self._dates: dict[str, date] = {}
        self.bad = False
        self.clean = clean if escapes else verbatim

    def problem(self, line: int | None, name: str, message: str) -> None:
        self.bad = True
        self.log.add(self.label, line, self.columns.get(name, name), message)

    def value(self, line: int | None, name: str, raw: str, parse: Callable[[str], Any]) -> Any:
        """``parse(raw)``, or None with a problem for the column of ``name``."""
        try:
            return parse(raw)
        except ValueError as exc:
            self.problem(line, name, str(exc))
            return None

    def date(self, line: int | None, name: str, raw: str) -> date | None:
        """The date in ``raw`` (None if blank); each distinct text is parsed once."""
        day = self._dates.get(raw)
        if day is None:
            text = raw.strip()
            if not text:
                return None
            try:
                day = parse_date(text, self.spec.date_format)
            except ValueError as exc:
                self.problem(line, name, str(exc))
                return None
            self._dates[raw] = day
        return day


class ActorParser(_Parser):
    """Actors from rows; ``parse`` returns ``None`` when the row had a problem.

    With ``partial`` (two-mode rows, which describe an actor once per
    activity) a blank name, sector or territory is no problem yet: the
    actor comes back with ``None``, ``None`` or ``()`` and
    ``DatasetBuilder`` completes it from the actor's other rows.
    """

    def __init__(
        self,
        spec: TableSpec,
        label: str,
        columns: Mapping[str, str],
        log: ProblemLog,
        *,
        partial: bool = False,
        escapes: bool = True,
    ) -> None:
        super().__init__(spec, label, columns, log, escapes=escapes)
        self._sectors: dict[str, Sector] = {}
        self.partial = partial
        self.default_territories = (spec.default_territory,) if spec.default_territory else ()

    def parse(
        self,
        line: int | None,
        actor_id: str,
        name: str,
        sector: str,
        territory: str,
        kind: str = "",
        city: str = "",
        lat: str = "",
        lon: str = "",
        joined: str = "",
        attributes: Mapping[str, str] | None = None,
    ) -> Actor | None:
        self.bad = False
        clean = self.clean
        actor_id, name = clean(actor_id), clean(name)
        if not actor_id:
            self.problem(line, "id", MISSING)
        if not name and not self.partial:
            self.problem(line, "name", MISSING)
        sector = sector.strip()
        if sector:
            parsed_sector = self.sector(line, sector)
        elif self.partial or self.spec.default_sector is not None:
            parsed_sector = None if self.partial else self.spec.default_sector
        else:
            parsed_sector = self.sector(line, sector)
        separator = self.spec.territory_separator
        if separator in territory:
            parts = (clean(p) for p in territory.split(separator))
            territories = tuple(dict.fromkeys(t for t in parts if t))
        else:
            single = clean(territory)
            territories = (single,) if single else ()
        if not territories and not self.partial:
            territories = self.default_territories
            if not territories:
                self.problem(line, "territory", MISSING)
        latitude = longitude = None
        lat, lon = lat.strip(), lon.strip()
        if lat or lon:
            if not lat:
                self.problem(line, "lat", MISSING_COORDINATE)
            if not lon:
                self.problem(line, "lon", MISSING_COORDINATE)
            latitude = self.value(line, "lat", lat, parse_latitude) if lat else None
            longitude = self.value(line, "lon", lon, parse_longitude) if lon else None
        joined_on = self.date(line, "joined", joined)
        if self.bad:
            return None
        return Actor(
            id=actor_id,
            name=name or None,  # type: ignore[arg-type]  # only while partial
            sector=parsed_sector,  # type: ignore[arg-type]
            territories=territories,
            kind=clean(kind) or None,
            city=clean(city) or None,
            lat=latitude,
            lon=longitude,
            joined=joined_on,
            attributes={k: v for k, v in (attributes or {}).items() if v},
        )

    def sector(self, line: int | None, raw: str) -> Sector | None:
        if not raw:
            self.problem(line, "sector", MISSING)
            return None
        sector = self._sectors.get(raw)
        if sector is None:
            try:
                sector = self._sectors[raw] = self.spec.sector(raw)
            except ValueError as exc:
                self.problem(line, "sector", str(exc))
        return sector


def weight_of(raw: str) -> float:
    """The weight in a cell, 1 when blank."""
    text = raw.strip()
    return parse_weight(text) if text else 1.0


def kind_of(raw: str, spec: TableSpec) -> TieKind:
    """The tie kind in a cell, ``partnership`` when blank."""
    return spec.tie_kind(raw) if raw.strip() else TieKind.PARTNERSHIP


def text_of(raw: str, clean: Callable[[str], str] = clean) -> str | None:
    """Free text of a cell, None when blank."""
    return clean(raw) or None


def activities_of(raw: str, clean: Callable[[str], str] = clean) -> tuple[str, ...]:
    """Activity ids separated by ``|``."""
    return tuple(a for a in (clean(p) for p in raw.split("|")) if a)


class TieParser(_Parser):
    """Ties from rows; ``parse`` returns ``None`` when the row had a problem.

    Clean tables take the faster, column-wise path of ``column_parsers``, which
    must accept exactly what this parser accepts, with the same result.
    """

    def __init__(
        self,
        spec: TableSpec,
        label: str,
        columns: Mapping[str, str],
        log: ProblemLog,
        *,
        escapes: bool = True,
    ) -> None:
        super().__init__(spec, label, columns, log, escapes=escapes)
        self._kinds: dict[str, TieKind] = {}

    def parse(
        self,
        line: int | None,
        source: str,
        target: str,
        kind: str = "",
        weight: str = "",
        since: str = "",
        until: str = "",
        directed: str = "",
        note: str = "",
        ref: str = "",
        activities: str = "",
    ) -> Tie | None:
        self.bad = False
        clean = self.clean
        source, target = clean(source), clean(target)
        if not source:
            self.problem(line, "source", MISSING)
        if not target:
            self.problem(line, "target", MISSING)
        elif source == target:
            self.problem(line, "target", render(SELF_TIE, actor=repr(source)))
        tie_kind = self._kinds.get(kind)
        if tie_kind is None:
            try:
                tie_kind = self._kinds[kind] = kind_of(kind, self.spec)
            except ValueError as exc:
                self.problem(line, "kind", str(exc))
        value = self.value(line, "weight", weight, weight_of)
        start = self.date(line, "since", since)
        end = self.date(line, "until", until)
        if start is not None and end is not None and end < start:
            self.problem(line, "until", render(UNTIL_BEFORE_SINCE, until=end, since=start))
        is_directed = self.value(line, "directed", directed, parse_bool)
        if self.bad:
            return None
        return Tie(
            source,
            target,
            tie_kind,  # type: ignore[arg-type]
            value,
            start,
            end,
            is_directed,
            text_of(note, clean),
            text_of(ref, clean),
            activities_of(activities, clean),
        )


class ActivityParser(_Parser):
    """Activities from rows; ``parse`` returns ``None`` when the row had a problem."""

    def parse(
        self, line: int | None, activity: str, name: str = "", day: str = ""
    ) -> Activity | None:
        self.bad = False
        activity_id = clean(activity)
        if not activity_id:
            self.problem(line, "activity", MISSING)
        on = self.date(line, "date", day)
        if self.bad:
            return None
        return Activity(activity_id, clean(name) or None, on)
