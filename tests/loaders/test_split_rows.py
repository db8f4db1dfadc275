"""SplitRows gives exactly csv.reader's rows for bodies without quotes nor lone CRs."""

import csv
import io
from itertools import count

from hypothesis import given, settings
from hypothesis import strategies as st

from maillage.loaders.csv_reader import SplitRows

cells = st.sampled_from(
    ["", "a", " b ", "x y", "é", "'=1", "\t", "\x0b", "\u2028", "\x1c", "\x85", "1,5"]
)


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.lists(cells, min_size=0, max_size=4), max_size=6),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_same_as_csv_reader(rows, delimiter, newline, final_newline):
    body = newline.join(delimiter.join(r) for r in rows) + (
        newline if final_newline and rows else ""
    )
    if '"' in body or body.count("\r") != body.count("\r\n"):
        return
    expected = list(
        zip(count(5), csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=False))
    )
    assert list(SplitRows(body, delimiter, 5)) == expected
    widths = {len(c) for _, c in expected}
    for width in range(1, 6):
        found = SplitRows(body, delimiter, 5).columns(width)
        if found is not None:
            numbers, columns = found
            assert list(numbers) == [n for n, _ in expected]
            assert widths == {width}
            assert [list(c) for c in zip(*columns, strict=False)] == [c for _, c in expected]
