"""``load(..., keep_valid=True)`` sets bad rows aside; ``write_rejects`` lists them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from maillage.graph.errors import ValidationError
from maillage.loaders import load, write_rejects

ACTORS = """id,name,sector,territory
a1,Les Jardins,association,Alsace
a2,Menuiserie,bizness,Alsace
a3,Mairie,public,Alsace
a4,,public,Alsace
a5,Atelier,business,Alsace
"""
TIES = """source,target,weight
a1,a3,1
a1,a2,2
a3,a5,-1
a3,a5,1
a4,a5,1
"""


def test_without_keep_valid_a_bad_row_rejects_the_whole_import(write):
    with pytest.raises(ValidationError):
        load([write("actors.csv", ACTORS)])


def test_n_bad_rows_out_of_m_are_set_aside_and_the_rest_loads(write, tmp_path: Path):
    actors, ties = write("actors.csv", ACTORS), write("ties.csv", TIES)
    loaded = load([actors, ties], keep_valid=True)
    assert sorted(a.id for a in loaded.dataset.actors) == ["a1", "a3", "a5"]
    assert sorted((t.source, t.target) for t in loaded.dataset.ties) == [("a1", "a3"), ("a3", "a5")]
    rejected = [(Path(r.file).name, r.line, r.columns) for r in loaded.rejected]
    assert rejected == [
        ("actors.csv", 3, ("sector",)),
        ("actors.csv", 5, ("name",)),
        ("ties.csv", 3, ("target",)),
        ("ties.csv", 4, ("weight",)),
        ("ties.csv", 6, ("source",)),
    ]
    by_line = {(Path(r.file).name, r.line): r for r in loaded.rejected}
    assert by_line["ties.csv", 3].problems[0].startswith("actor 'a2' was set aside (its row at")
    assert by_line["ties.csv", 3].problems[0].endswith("actors.csv:3)")
    assert by_line["actors.csv", 3].cells == ("a2", "Menuiserie", "bizness", "Alsace")

    out = write_rejects(tmp_path / "rejects.csv", loaded.rejected, loaded.headers)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["file", "line", "column", "problem"]
    assert len(rows) == 1 + 5
    assert rows[1][1:3] == ["3", "sector"] and rows[1][4:] == [
        "a2",
        "Menuiserie",
        "bizness",
        "Alsace",
    ]


def test_one_file_rejects_keep_its_header(write, tmp_path: Path):
    loaded = load([write("actors.csv", ACTORS)], keep_valid=True)
    out = write_rejects(tmp_path / "r.csv", loaded.rejected, loaded.headers)
    header = next(csv.reader(out.open(encoding="utf-8")))
    assert header == ["file", "line", "column", "problem", "id", "name", "sector", "territory"]


def test_a_problem_of_no_row_still_rejects_the_import(write):
    with pytest.raises(ValidationError, match="required column is missing"):
        load([write("actors.csv", "id,name,sector\na1,A,public\n")], keep_valid=True)


@pytest.mark.parametrize("bad", [1, 7, 40])
def test_generated_file_with_n_bad_rows_out_of_m(write, bad: int):
    total = 60
    lines = ["id,name,sector,territory"]
    for i in range(total):
        sector = "nonsense" if i % (total // bad) == 0 and i // (total // bad) < bad else "public"
        lines.append(f"x{i},Actor {i},{sector},T")
    loaded = load([write("many.csv", "\n".join(lines) + "\n")], keep_valid=True)
    assert len(loaded.rejected) == bad
    assert len(loaded.dataset.actors) == total - bad


def test_graph_file_rows_are_set_aside_by_line(write):
    gexf = write(
        "g.gexf",
        """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
<graph defaultedgetype="undirected">
<attributes class="node"><attribute id="s" title="sector" type="string"/>
<attribute id="t" title="territory" type="string"/></attributes>
<nodes>
{nodes}
</nodes>
<edges>
<edge source="0" target="1"/>
<edge source="0" target="2"/>
</edges>
</graph></gexf>
""".format(nodes="\n".join(map(_node, ("0 A public", "1 B zzz", "2 C media")))),
    )
    loaded = load([gexf], keep_valid=True)
    assert sorted(a.id for a in loaded.dataset.actors) == ["0", "2"]
    assert [(t.source, t.target) for t in loaded.dataset.ties] == [("0", "2")]
    assert [r.line for r in loaded.rejected] == [8, 12]


def _node(spec: str) -> str:
    node_id, name, sector = spec.split()
    values = f'<attvalue for="s" value="{sector}"/><attvalue for="t" value="T"/>'
    return f'<node id="{node_id}" label="{name}"><attvalues>{values}</attvalues></node>'
