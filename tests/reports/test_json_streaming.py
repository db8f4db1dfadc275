"""JSON written a piece at a time: exactly the text of one ``json.dumps`` of the document."""

import json
from datetime import date

import numpy as np

from maillage.graph.analytics.actor_rows import CENTRAL, LOCAL, ActorRows
from maillage.reports.json_export import json_blocks, json_chunks, to_json, write_json
from maillage.reports.safe import json_ready


def whole(data):
    text = json.dumps(json_ready(data), ensure_ascii=False, indent=2, allow_nan=False)
    return text + "\n"


def test_pieces_join_into_the_whole_text(report, gaps, compare, bridges, hostile_report):
    report["as_of"] = date(2024, 6, 30)
    report["actors"][0]["closeness"] = float("inf")
    for data in (report, gaps, compare, bridges, hostile_report):
        assert "".join(json_chunks(data)) == whole(data)
        assert to_json(data) == whole(data).encode("utf-8")


def test_edge_documents():
    for data in ({}, {"a": []}, {"a": [[]], "b": {}}, {"x\n": ["é", {"k": (1, 2)}]}, [1, {2: 3}]):
        assert "".join(json_chunks(data)) == whole(data)


def test_top_level_lists_come_one_item_a_piece():
    rows = [{"id": str(i), "values": [i, i + 1]} for i in range(1000)]
    pieces = list(json_chunks({"territory": "T", "actors": rows}))
    assert len(pieces) > 1000
    assert max(len(piece) for piece in pieces) < 200


def test_actor_rows_write_as_their_list(tmp_path):
    n = 5
    columns = {"degree": np.array([2, 0, 1, 3, 1]), "community": np.array([1, 0, 0, 1, 2])}
    columns["brokerage"] = np.arange(n * 5).reshape(n, 5)
    columns.update((key, np.linspace(0.1, 0.9, n)) for key in CENTRAL + LOCAL)
    columns["betweenness"] = np.array([0.5, 0.0, 0.5, 0.25, 0.1])
    missing = {key: columns["degree"] == 0 for key in LOCAL}
    members = [(f"a{i}", i, f"Actor {i}", "public") for i in range(n)]
    rows = ActorRows(members, columns, missing)
    plain = list(rows)
    assert rows == plain and rows[1:3] == plain[1:3] and rows[-1] == plain[-1]
    assert [row["id"] for row in plain[:3]] == ["a0", "a2", "a3"]
    lonely = next(row for row in plain if row["id"] == "a1")
    assert lonely["constraint"] is None and lonely["ei_index"] is None
    assert all(type(row["degree"]) is int and type(row["community"]) is int for row in plain)
    assert all(type(v) is int for row in plain for v in row["brokerage"].values())
    path = tmp_path / "report.json"
    with path.open("w", encoding="utf-8") as handle:
        write_json({"territory": "T", "actors": rows}, handle)
    assert path.read_text(encoding="utf-8") == whole({"territory": "T", "actors": plain})


def test_blocks_join_into_the_whole_text(report):
    blocks = list(json_blocks(report, size=100))
    assert len(blocks) > 1 and "".join(blocks) == whole(report)
