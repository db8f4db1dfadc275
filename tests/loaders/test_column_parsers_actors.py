"""The column-wise actor fast path accepts only what the row parser accepts, same actors."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from maillage.graph.model import Sector
from maillage.loaders.column_parsers import fast_actors
from maillage.loaders.mapping import ACTOR_FIELDS, CANONICAL
from maillage.loaders.row_parsers import ActorParser, clean
from maillage.loaders.validate import ProblemLog

VALID = {
    "id": ["a", "b", " c ", "-1", "'x", "'=y", "é"],
    "name": ["Acme", " B ", "'=SUM(A1)", "x"],
    "sector": ["public", " Université ", "asso", "MEDIA"],
    "territory": ["T", "T|U", " U | T |T", "T||", "'=T"],
    "kind": ["", "pme", " x "],
    "city": ["", "Ville", "'-x"],
    "lat": ["", "45.5", "-3,5"],
    "lon": ["", "2.25", "180"],
    "joined": ["", "2020-01-01", " 2019-12-31", "2021-06-30T10:00:00"],
    "attr": ["", "v", " w ", "'=z"],
}
INVALID = {
    "id": ["", "  "],
    "name": [""],
    "sector": ["", "planet"],
    "territory": ["", "|", " | "],
    "kind": [],
    "city": [],
    "lat": ["91", "x"],
    "lon": ["nan"],
    "joined": ["2020-13-01", "x"],
    "attr": [],
}
FIELDS = (*ACTOR_FIELDS, "attr")
rows = st.lists(
    st.tuples(*(st.sampled_from(VALID[name] * 30 + INVALID[name]) for name in FIELDS)).map(list),
    min_size=1,
    max_size=8,
)
specs = st.sampled_from(
    [
        CANONICAL,
        replace(CANONICAL, default_sector=Sector.OTHER),
        replace(CANONICAL, default_territory="Z"),
        replace(CANONICAL, territory_separator=";"),
        replace(CANONICAL, date_format="%d.%m.%Y"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(rows, specs, st.booleans())
def test_fast_path_agrees_with_the_row_parser(table, spec, with_attribute):
    index = {name: i for i, name in enumerate(ACTOR_FIELDS)}
    attributes = [("attr", len(ACTOR_FIELDS))] if with_attribute else []
    log = ProblemLog()
    parser = ActorParser(spec, "a.csv", {}, log)
    slow = [
        parser.parse(
            line,
            *cells[: len(ACTOR_FIELDS)],
            attributes={a: clean(cells[i]) for a, i in attributes},
        )
        for line, cells in enumerate(table, start=2)
    ]
    fast = fast_actors(list(zip(*table, strict=False)), len(table), index, attributes, spec)
    if fast is None:
        return
    actors, ids = fast
    assert len(log) == 0
    assert actors == slow
    assert [a.attributes for a in actors] == [a.attributes for a in slow]
    assert ids == [a.id for a in slow]


def test_clean_table_takes_the_fast_path():
    index = {name: i for i, name in enumerate(ACTOR_FIELDS)}
    table = [
        ["a", "A", "public", "T", "", "", "", "", ""],
        ["b", "B", "media", "T|U", "", "", "", "", ""],
    ]
    assert fast_actors(list(zip(*table, strict=False)), 2, index, [], CANONICAL) is not None
