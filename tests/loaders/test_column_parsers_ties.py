"""The column-wise fast path accepts only what the row parser accepts, with the same ties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from maillage.loaders.column_parsers import fast_ties
from maillage.loaders.mapping import CANONICAL, TIE_FIELDS
from maillage.loaders.row_parsers import TieParser
from maillage.loaders.validate import ProblemLog

VALID = {
    "source": ["a", "b", " a ", "-1", "x"],
    "target": ["c", "d ", "-2", "a", "x"],
    "kind": ["", "partnership", "Event", " funding "],
    "weight": ["", "1", "2.5", "1,5", " 3 "],
    "since": ["", "2020-01-01", " 2019-12-31", "2021-06-30T10:00:00"],
    "until": ["", "2022-01-01", "2023-01-01", "2020-06-30"],
    "directed": ["", "true", "FALSE", "yes", " 0"],
    "note": ["", " a note ", "'=SUM(A1)", "  "],
    "ref": ["", "conv-1", "'-x"],
    "activities": ["", "e1|e2", " | e3 ", "'=e4|e5"],
}
INVALID = {
    "source": ["'=d", ""],
    "target": ["'@e", ""],
    "kind": ["friendship"],
    "weight": ["0", "-1", "x", "nan", "1e400"],
    "since": ["2020-13-01", "x"],
    "until": ["soon"],
    "directed": ["maybe"],
    "note": [],
    "ref": [],
    "activities": [],
}

# Mostly valid cells, so that many tables take the fast path and some do not.
rows = st.lists(
    st.tuples(*(st.sampled_from(VALID[name] * 40 + INVALID[name]) for name in TIE_FIELDS)).map(
        list
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(rows)
def test_fast_path_agrees_with_the_row_parser(table):
    index = {name: i for i, name in enumerate(TIE_FIELDS)}
    log = ProblemLog()
    parser = TieParser(CANONICAL, "t.csv", {}, log)
    slow = [parser.parse(line, *cells) for line, cells in enumerate(table, start=2)]
    fast = fast_ties(table, index, CANONICAL)
    if fast is None:
        return
    ties, keys = fast
    assert len(log) == 0
    assert ties == slow
    assert keys == [t.identity for t in ties]


def test_clean_table_takes_the_fast_path():
    table = [["a", "b", "event", "2", "2020-01-01", "", "false", "", "", "x|y"]] * 3
    ties, keys = fast_ties(table, {name: i for i, name in enumerate(TIE_FIELDS)}, CANONICAL)
    assert len(ties) == 3
    assert keys[0] == ("event", False, "a", "b")
