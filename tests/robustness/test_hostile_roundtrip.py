"""Hostile values are plain data: file → store → ``network()`` → export → import, unchanged.

Quotes, Cypher and SQL fragments, HTML, bidi and zero-width characters, emoji and
spreadsheet formulas go into every field a user controls: ids, names,
territories, kinds, cities, attribute names and values, tie notes and
references, activity ids and names, mapping-file column names, sector raw
values and default territory. Both stores must give every one of them back as
it was, and every export format must carry it back to the same import.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

from hostile_values import ESCAPE_LOOKALIKES, HOSTILE, hostile_text
from hypothesis import given
from hypothesis import strategies as st
from malformed_inputs import toml_document
from robustness_support import fuzz_settings, workdir

from maillage.graph.model import Actor, Dataset, Network, Sector, Tie, TieKind, fold
from maillage.graph.storage.base import GraphStore
from maillage.graph.storage.sqlite import SQLiteStore
from maillage.loaders import FORMATS, load, write

EVERYONE = "Hostile"
"""A territory every actor of the hostile data set belongs to, beside its own."""

SECTORS = tuple(Sector)
KINDS = (TieKind.PARTNERSHIP, TieKind.FUNDING, TieKind.GOVERNANCE, TieKind.SERVICE)


def _unique_by_fold(values: tuple[str, ...]) -> tuple[str, ...]:
    """Values that stay distinct as column names (matched ignoring case and accents)."""
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(fold(value), value)
    return tuple(seen.values())


ATTRIBUTE_NAMES = _unique_by_fold(HOSTILE)


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def hostile_files(folder: Path) -> list[Path]:
    """actors.csv, ties.csv and participations.csv with a hostile value in every cell."""
    n = len(HOSTILE)
    actors = [["id", "name", "sector", "territory", "kind", "city", *ATTRIBUTE_NAMES]]
    for i, value in enumerate(HOSTILE):
        actors.append(
            [
                value,
                HOSTILE[(i + 1) % n],
                SECTORS[i % len(SECTORS)].value,
                f"{HOSTILE[(i + 2) % n]}|{EVERYONE}",
                HOSTILE[(i + 3) % n],
                HOSTILE[(i + 4) % n],
                *(HOSTILE[(i + j) % n] for j in range(len(ATTRIBUTE_NAMES))),
            ]
        )
    ties = [["source", "target", "kind", "weight", "directed", "note", "ref"]]
    for i, value in enumerate(HOSTILE):
        ties.append(
            [
                value,
                HOSTILE[(i + 1) % n],
                KINDS[i % len(KINDS)].value,
                str(1 + i % 3),
                "true" if i % 2 else "false",
                HOSTILE[(i + 5) % n],
                HOSTILE[(i + 6) % n],
            ]
        )
    participations = [["actor", "activity", "activity_name", "date"]]
    for i, value in enumerate(HOSTILE):
        activity = HOSTILE[i // 3]  # three actors per activity
        participations.append([value, activity, HOSTILE[-1 - i // 3], "2024-03-01"])
    return [
        write_csv(folder / "actors.csv", actors),
        write_csv(folder / "ties.csv", ties, delimiter=";"),
        write_csv(folder / "participations.csv", participations, delimiter="\t"),
    ]


def expected_actor(i: int) -> Actor:
    n = len(HOSTILE)
    return Actor(
        id=HOSTILE[i],
        name=HOSTILE[(i + 1) % n],
        sector=SECTORS[i % len(SECTORS)],
        territories=(HOSTILE[(i + 2) % n], EVERYONE),
        kind=HOSTILE[(i + 3) % n],
        city=HOSTILE[(i + 4) % n],
        attributes={name: HOSTILE[(i + j) % n] for j, name in enumerate(ATTRIBUTE_NAMES)},
    )


def lookalikes() -> Dataset:
    """Actors and a tie whose values start like an export's formula escape (``'=``, ``''@``).

    Files cannot bring them in (a CSV ``'=x`` means ``=x``), so they are stored directly;
    the exports must escape them once more so that they come back unchanged.
    """
    actors = tuple(
        Actor(
            id=value,
            name=value,
            sector=Sector.OTHER,
            territories=(EVERYONE, value),
            kind=value,
            city=value,
            attributes={value: value, "note": value},
        )
        for value in ESCAPE_LOOKALIKES
    )
    ties = (
        Tie(
            ESCAPE_LOOKALIKES[0],
            ESCAPE_LOOKALIKES[1],
            TieKind.OTHER,
            note=ESCAPE_LOOKALIKES[2],
            ref=ESCAPE_LOOKALIKES[3],
            activities=ESCAPE_LOOKALIKES[:2],
        ),
    )
    return Dataset(actors, ties)


def normalised(tie: Tie) -> Tie:
    """An undirected tie from its smaller end to its larger one, as stores give it back."""
    if not tie.directed and tie.target < tie.source:
        return replace(tie, source=tie.target, target=tie.source)
    return tie


def by_id(actors) -> dict[str, Actor]:
    return {actor.id: actor for actor in actors}


def by_key(ties) -> dict[str, Tie]:
    return {tie.key: normalised(tie) for tie in ties}


def assert_same_network(network: Network, actors: dict[str, Actor], ties: dict[str, Tie]):
    """``network`` holds exactly its territory's share of these actors and ties."""
    members = {i for i, actor in actors.items() if network.territory in actor.territories}
    touching = {k: t for k, t in ties.items() if t.source in members or t.target in members}
    ends = {end for tie in touching.values() for end in (tie.source, tie.target)}
    assert by_id(network.actors) == {i: actors[i] for i in members}
    assert by_id(network.outside) == {i: actors[i] for i in ends - members}
    assert by_key(network.ties) == touching


def assert_exports_round_trip(network: Network, folder: Path) -> None:
    """Every export format of ``network`` imports back to the same actors and ties."""
    actors = by_id((*network.actors, *network.outside))
    ties = by_key(network.ties)
    for fmt in FORMATS:
        target = folder / (f"export-{fmt}" if fmt == "csv" else f"export.{fmt}")
        loaded = load(write(network, fmt, target)).dataset
        assert by_id(loaded.actors) == actors, fmt
        assert by_key(loaded.ties) == ties, fmt


# ---------------------------------------------------------------------- both stores


def test_hostile_files_round_trip_through_the_store_and_every_export(
    store: GraphStore, tmp_path: Path
):
    loaded = load(hostile_files(tmp_path)).dataset
    expected = {a.id: a for a in map(expected_actor, range(len(HOSTILE)))}
    assert by_id(loaded.actors) == expected
    assert {t.note for t in loaded.ties} >= set(HOSTILE) - {""}
    assert {a.id for a in loaded.activities} == {HOSTILE[i // 3] for i in range(len(HOSTILE))}
    store.upsert(loaded)
    store.upsert(lookalikes(), replace=True)  # their values replace the first ones
    actors = {**expected, **by_id(lookalikes().actors)}
    ties = by_key((*loaded.ties, *lookalikes().ties))

    names = {t.name for t in store.territories()}
    assert names == {EVERYONE} | {t for a in actors.values() for t in a.territories}
    for name in sorted(names):
        assert_same_network(store.network(name), actors, ties)
    for actor in actors.values():
        assert store.actor(actor.id) == actor
    assert store.shortest_path(HOSTILE[0], HOSTILE[1]) == [HOSTILE[0], HOSTILE[1]]
    assert_exports_round_trip(store.network(EVERYONE), tmp_path)


def test_hostile_mapping_values_are_plain_data(store: GraphStore, tmp_path: Path):
    """Column names, sector raw values, attribute names and the default territory of a mapping."""
    id_column, sector_column, activity_column = HOSTILE[0], HOSTILE[5], HOSTILE[9]
    raws = HOSTILE[10:16]
    attribute_columns = ATTRIBUTE_NAMES[12:16]
    rows = [[id_column, "Nom", sector_column, "Région", activity_column, *attribute_columns]]
    assert len({fold(column) for column in rows[0]}) == len(rows[0])
    for i, raw in enumerate(raws):
        rows.append([f"org-{i}", HOSTILE[i], raw, "", f"p{i % 2}", *HOSTILE[i : i + 4]])
    export = write_csv(tmp_path / "partners.csv", rows, delimiter=";")
    kinds = ("public", "business", "media", "funder", "citizen", "academic")
    sectors = dict(zip(raws, kinds, strict=True))
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        toml_document(
            {
                "type": "two-mode",
                "default_territory": HOSTILE[3],
                "columns": {
                    "id": id_column,
                    "name": "Nom",
                    "sector": sector_column,
                    "territory": "Région",
                    "activity": activity_column,
                },
                "attributes": {HOSTILE[20 + j]: column for j, column in enumerate(rows[0][5:])},
                "sectors": sectors,
            }
        ),
        encoding="utf-8",
    )
    loaded = load([export], mapping=mapping).dataset
    actors = by_id(loaded.actors)
    for i, raw in enumerate(raws):
        assert actors[f"org-{i}"] == Actor(
            id=f"org-{i}",
            name=HOSTILE[i],
            sector=Sector(sectors[raw]),
            territories=(HOSTILE[3],),
            attributes={HOSTILE[20 + j]: HOSTILE[i + j] for j in range(4)},
        )
    store.upsert(loaded)
    network = store.network(HOSTILE[3])
    assert by_id(network.actors) == actors
    assert by_key(network.ties) == by_key(loaded.ties)


# ---------------------------------------------------------------------- generated, SQLite


def field() -> st.SearchStrategy[str]:
    return hostile_text()


@st.composite
def hostile_dataset(draw: st.DrawFn) -> Dataset:
    ids = draw(st.lists(field(), min_size=2, max_size=5, unique=True))
    actors = tuple(
        Actor(
            id=actor_id,
            name=draw(field()),
            sector=draw(st.sampled_from(SECTORS)),
            territories=(EVERYONE, *draw(st.lists(field(), max_size=2, unique=True))),
            kind=draw(st.none() | field()),
            city=draw(st.none() | field()),
            joined=draw(st.none() | st.dates(date(1990, 1, 1), date(2030, 1, 1))),
            attributes=draw(st.dictionaries(field().filter(_attribute_name), field(), max_size=3)),
        )
        for actor_id in ids
    )
    ties = tuple(
        Tie(
            source,
            target,
            draw(st.sampled_from(KINDS)),
            weight=draw(st.sampled_from([1.0, 0.5, 3.0])),
            directed=draw(st.booleans()),
            note=draw(st.none() | field()),
            ref=draw(st.none() | field()),
            activities=tuple(draw(st.lists(field(), max_size=2, unique=True))),
        )
        for source, target in zip(ids, ids[1:], strict=False)
    )
    return Dataset(actors, ties)


def _attribute_name(name: str) -> bool:
    """Not a column of the exports, and the same once trimmed (headers are trimmed)."""
    reserved = {"id", "name", "sector", "territory", "kind", "city", "lat", "lon", "joined"}
    return fold(name) not in reserved | {"label", "latitude", "longitude"}


@fuzz_settings(40)
@given(dataset=hostile_dataset())
def test_generated_hostile_values_round_trip_through_sqlite_and_exports(dataset: Dataset):
    with workdir() as folder:
        store = SQLiteStore(folder / "store.db")
        try:
            store.setup_schema()
            store.upsert(dataset)
            network = store.network(EVERYONE)
        finally:
            store.close()
        assert by_id(network.actors) == by_id(dataset.actors)
        assert by_key(network.ties) == by_key(dataset.ties)
        assert_exports_round_trip(network, folder)
