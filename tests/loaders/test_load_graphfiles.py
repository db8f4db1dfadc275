"""GEXF and GraphML files as Gephi writes them, and the XML attacks they must resist."""

from __future__ import annotations

from datetime import date

from maillage.graph.model import Actor, Sector, Tie, TieKind
from maillage.loaders import load

GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-03-01">
    <creator>Gephi 0.10.1</creator>
  </meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="0" title="Sector" type="string"/>
      <attribute id="1" title="territory" type="string"/>
      <attribute id="2" title="Modularity Class" type="integer"/>
      <attribute id="3" title="city" type="string">
        <default>Colmar</default>
      </attribute>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="since" title="since" type="string"/>
    </attributes>
    <nodes>
      <node id="n1" label="Les Jardins">
        <attvalues>
          <attvalue for="0" value="asso"/>
          <attvalue for="1" value="Alsace|Lille"/>
          <attvalue for="2" value="2"/>
        </attvalues>
        <viz:size value="10.0"/>
        <viz:position x="12.5" y="-3.0"/>
        <viz:color r="153" g="0" b="255"/>
      </node>
      <node id="n2" label="Kessler &amp; Fils">
        <attvalues>
          <attvalue for="0" value="entreprise"/>
          <attvalue for="1" value="Alsace"/>
          <attvalue for="3" value="Mulhouse"/>
        </attvalues>
      </node>
      <node id="n3">
        <attvalues>
          <attvalue for="0" value="public"/>
          <attvalue for="1" value="Alsace"/>
        </attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="n1" target="n2" weight="2.0">
        <attvalues>
          <attvalue for="kind" value="funding"/>
          <attvalue for="since" value="2019-01-01"/>
        </attvalues>
      </edge>
      <edge id="1" source="n2" target="n3" type="directed" label="a label"/>
    </edges>
  </graph>
</gexf>
"""

GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key attr.name="label" attr.type="string" for="node" id="label"/>
  <key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
  <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
  <key attr.name="sector" attr.type="string" for="node" id="sector"/>
  <key attr.name="territory" attr.type="string" for="node" id="territory"/>
  <key attr.name="latitude" attr.type="double" for="node" id="lat"/>
  <key attr.name="longitude" attr.type="double" for="node" id="lon"/>
  <key attr.name="website" attr.type="string" for="node" id="web"/>
  <key attr.name="r" attr.type="int" for="node" id="r"/>
  <key attr.name="x" attr.type="float" for="node" id="x"/>
  <graph edgedefault="directed">
    <node id="n1">
      <data key="label">Les Jardins</data>
      <data key="sector">asso</data>
      <data key="territory">Alsace</data>
      <data key="lat">48.08</data>
      <data key="lon">7.36</data>
      <data key="web">https://example.org</data>
      <data key="r">12</data>
      <data key="x">-3.2</data>
    </node>
    <node id="n2">
      <data key="label">Kessler</data>
      <data key="sector">business</data>
      <data key="territory">Alsace</data>
    </node>
    <edge id="0" source="n1" target="n2">
      <data key="weight">1.5</data>
      <data key="edgelabel">partenaires</data>
    </edge>
    <edge id="1" source="n2" target="n1" directed="false"/>
  </graph>
</graphml>
"""


def test_gephi_gexf(write):
    path = write("reseau.gexf", GEXF)
    result = load([path])
    assert result.dataset.actors == (
        Actor(
            "n1",
            "Les Jardins",
            Sector.ASSOCIATION,
            ("Alsace", "Lille"),
            city="Colmar",
            attributes={"Modularity Class": "2"},
        ),
        Actor("n2", "Kessler & Fils", Sector.BUSINESS, ("Alsace",), city="Mulhouse"),
        Actor("n3", "n3", Sector.PUBLIC, ("Alsace",), city="Colmar"),
    )
    assert result.dataset.ties == (
        Tie("n1", "n2", TieKind.FUNDING, 2.0, since=date(2019, 1, 1)),
        Tie("n2", "n3", directed=True),
    )
    assert result.rows == 5


def test_gephi_graphml(write):
    path = write("reseau.graphml", GRAPHML)
    result = load([path])
    first, second = result.dataset.actors
    assert first == Actor(
        "n1",
        "Les Jardins",
        Sector.ASSOCIATION,
        ("Alsace",),
        lat=48.08,
        lon=7.36,
        attributes={"website": "https://example.org"},
    )
    assert second.name == "Kessler"
    assert result.dataset.ties == (
        Tie("n1", "n2", weight=1.5, directed=True),
        Tie("n2", "n1"),
    )
    assert result.warnings == [f"{path}: ignored edge attributes: Edge Label"]


def test_problems_carry_the_element_line(write, problems):
    bad = GEXF.replace('value="entreprise"', 'value="banque"').replace(
        'weight="2.0"', 'weight="-1"'
    )
    path = write("reseau.gexf", bad)
    assert problems([path]) == [
        f"{path}:30: Sector: unknown sector 'banque' (expected one of business, association, "
        "public, academic, media, citizen, funder, other, or an alias)",
        f"{path}:45: weight: weight must be a number > 0, got '-1'",
    ]


def test_edge_to_unknown_node(write, problems):
    path = write("reseau.graphml", GRAPHML.replace('target="n2">', 'target="n9">'))
    assert problems([path]) == [f"{path}:29: target: unknown actor 'n9'"]


def test_entity_declarations_are_refused(write, problems):
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n'
        '<graphml><graph><node id="&lol2;"/></graph></graphml>\n'
    )
    path = write("bomb.graphml", laughs)
    assert problems([path]) == [
        f"{path}:2: document type declarations (DOCTYPE, ENTITY) are refused for safety"
    ]


def test_external_entities_are_refused(write, problems):
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<gexf><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>\n'
    )
    path = write("xxe.gexf", xxe)
    [problem] = problems([path])
    assert "refused for safety" in problem


def test_malformed_xml(write, problems):
    path = write("broken.gexf", "<gexf>\n<graph>\n<nodes>\n</graph>\n")
    assert problems([path]) == [f"{path}:4: not well-formed XML: mismatched tag"]


def test_other_xml_document(write, problems):
    path = write("other.graphml", "<html><body/></html>")
    assert problems([path]) == [f"{path}:1: expected a <gexf> or <graphml> document, got <html>"]
