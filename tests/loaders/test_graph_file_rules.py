"""Graph files under a mapping, parallel edges and self-loops (DATA-FORMAT.md, imports)."""

from __future__ import annotations

import pytest
from loader_datasets import shared_dataset

from maillage.graph.model import Sector
from maillage.loaders import load

GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="d0" for="node" attr.name="Type" attr.type="string"/>
<key id="d1" for="node" attr.name="Region" attr.type="string"/>
<key id="d2" for="node" attr.name="Website" attr.type="string"/>
<key id="d3" for="edge" attr.name="Strength" attr.type="double"/>
<graph edgedefault="undirected">
<node id="0"><data key="d0">Company</data><data key="d1">FR42 / Alsace</data>
<data key="d2">n/a</data></node>
<node id="1"><data key="d0">NGO</data><data key="d1">FR42 / Alsace</data>
<data key="d2">https://b.example</data></node>
<node id="2"><data key="d0">Public</data><data key="d1">FR10 / Paris</data>
<data key="d2">-</data></node>
<edge source="0" target="1"><data key="d3">2</data></edge>
<edge source="1" target="0"><data key="d3">3</data></edge>
<edge source="0" target="1"><data key="d3">1</data></edge>
<edge source="1" target="2"><data key="d3">1</data></edge>
<edge source="2" target="2"><data key="d3">1</data></edge>
</graph>
</graphml>
"""
MAPPING = """null = ["n/a", "-"]
[columns]
sector = "Type"
territory = "Region"
weight = "Strength"
[extract]
territory = '^(\\w+) / '
[sectors]
company = "business"
"""


def test_columns_apply_to_graphml_attributes(write):
    graph, mapping = write("g.graphml", GRAPHML), write("m.toml", MAPPING)
    loaded = load([graph], mapping=mapping)
    actors = {a.id: a for a in loaded.dataset.actors}
    assert {i: (a.sector, a.territories) for i, a in actors.items()} == {
        "0": (Sector.BUSINESS, ("FR42",)),
        "1": (Sector.ASSOCIATION, ("FR42",)),
        "2": (Sector.PUBLIC, ("FR10",)),
    }
    assert actors["1"].attributes == {"Website": "https://b.example"}
    assert actors["0"].attributes == {}  # "n/a" is a null token: no attribute


def test_parallel_edges_are_summed_and_self_loops_dropped(write):
    graph, mapping = write("g.graphml", GRAPHML), write("m.toml", MAPPING)
    loaded = load([graph], mapping=mapping)
    weights = {(t.source, t.target): t.weight for t in loaded.dataset.ties}
    assert weights == {("0", "1"): 6.0, ("1", "2"): 1.0}
    assert f"{graph}: 2 parallel edges summed into the weight" in "\n".join(loaded.warnings)
    assert f"{graph}: 1 self-loop dropped (an edge from a node to itself; line 18)" in (
        loaded.warnings
    )


def test_a_mapped_attribute_missing_from_the_file_is_a_problem(write, problems):
    graph = write("g.graphml", GRAPHML)
    mapping = write("m.toml", '[columns]\nsector = "Kind of org"\nsource = "from"\n')
    assert problems([graph], mapping=mapping) == [
        f"{graph}: columns.source: a graph file's node ids and edge ends are its own; "
        "the mapping cannot name them",
        f"{graph}: Kind of org: node attribute named by the mapping is missing",
    ]


def test_gephi_sample_files_if_present(write):
    folder = shared_dataset("gephi")
    files = (
        sorted(folder.glob("*.gexf")) + sorted(folder.glob("*.graphml")) if folder.exists() else []
    )
    if not files:
        pytest.skip(f"no Gephi sample files in {folder}")
    for path in files:
        loaded = load(
            [path],
            mapping=write("m.toml", 'default_territory = "T"\ndefault_sector = "other"\n'),
            keep_valid=True,
        )
        assert loaded.dataset.actors
