"""Mapping rules for messy real exports: nulls, spaces, extracts, joined keys, conflicts."""

from __future__ import annotations

import pytest

from maillage.graph.model import Sector
from maillage.loaders import load

TWO_MODE = """org;name;status;region;project;call;town;role
P1;Acme  Ltd;Private;FR42 / Alsace;RHINO;2016;Colmar;lead
P1;ACME LTD;private;FR42 / Alsace;VITI;2018;Strasbourg;partner
P1;Acme Ltd;n/a;FR42 / Alsace;RHINO;2019;Colmar;partner
P2;Ville;Public;FR10 / Paris;RHINO;2016;Paris;partner
P2;Ville;-;FR10 / Paris;VITI;2018;Paris;lead
"""
BASE = """type = "two-mode"
null = ["n/a", "-"]
normalise_spaces = true
[columns]
id = "org"
name = "name"
sector = "status"
territory = "region"
activity = ["project", "call"]
[extract]
territory = '^(\\w+) / '
[participation_attributes]
town = "town"
role = "role"
[sectors]
private = "business"
"""


def test_a_messy_two_mode_export_imports_with_one_mapping(write):
    loaded = load([write("e.csv", TWO_MODE)], mapping=write("m.toml", BASE))
    actors = {a.id: a for a in loaded.dataset.actors}
    assert actors["P1"].name == "Acme Ltd"  # spaces normalised; case-only differences agree
    assert actors["P1"].sector is Sector.BUSINESS and actors["P1"].territories == ("FR42",)
    assert actors["P2"].sector is Sector.PUBLIC and actors["P2"].territories == ("FR10",)
    assert actors["P1"].attributes == {}  # town and role belong to each participation
    assert sorted(a.id for a in loaded.dataset.activities) == [
        "RHINO:2016",
        "RHINO:2019",
        "VITI:2018",
    ]
    towns = {(p.actor, p.activity): dict(p.attributes) for p in loaded.dataset.participations}
    assert towns[("P1", "VITI:2018")] == {"role": "partner", "town": "Strasbourg"}
    assert towns[("P2", "VITI:2018")] == {"role": "lead", "town": "Paris"}


@pytest.mark.parametrize(
    ("rule", "expected"), [("first", "Colmar"), ("most_common", "Colmar"), ("error", None)]
)
def test_conflict_rules_for_an_attribute(write, rule, expected):
    export = write(
        "e.csv",
        "id,name,sector,territory,activity,town\n"
        "a,A,public,T,x,Colmar\na,A,public,T,y,Mulhouse\na,A,public,T,z,COLMAR\n",
    )
    mapping = write(
        "m.toml",
        f'type = "two-mode"\n[attributes]\ntown = "town"\n[conflicts]\ntown = "{rule}"\n',
    )
    if expected is None:
        with pytest.raises(Exception, match="conflicting value for actor 'a': 'Mulhouse' here"):
            load([export], mapping=mapping)
    else:
        (actor,) = load([export], mapping=mapping).dataset.actors
        assert actor.attributes == {"town": expected}


def test_most_common_takes_the_majority_and_ignores_case(write):
    export = write(
        "e.csv",
        "id,name,sector,territory,activity\n"
        "a,Acme,business,T,x\na,ACME SA,business,T,y\na,acme sa,business,T,z\n"
        "a,Acme SA,public,T,w\n",
    )
    mapping = write("m.toml", 'type = "two-mode"\nconflict = "most_common"\n')
    (actor,) = load([export], mapping=mapping).dataset.actors
    assert actor.name in ("ACME SA", "acme sa", "Acme SA")
    assert actor.sector is Sector.BUSINESS


def test_sector_conflicts_show_sector_names_not_reprs(write, problems):
    export = write("e.csv", "id,name,sector,territory,activity\na,A,business,T,x\na,A,public,T,y\n")
    found = problems([export], mapping=write("m.toml", 'type = "two-mode"\n'))
    assert found == [
        f"{export}:3: sector: conflicting value for actor 'a': 'public' here, 'business' at "
        "line 2 (a conflict rule in the mapping can settle it: first or most_common)"
    ]


def test_a_sector_mapped_to_blank_is_a_blank_cell(write):
    export = write("e.csv", "id,name,sector,territory\na,A,n/a,T\nb,B,public,T\n")
    mapping = write(
        "m.toml", 'default_sector = "other"\n[sectors]\n"n/a" = ""\nPublic = "public"\n'
    )
    actors = {a.id: a.sector for a in load([export], mapping=mapping).dataset.actors}
    assert actors == {"a": Sector.OTHER, "b": Sector.PUBLIC}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('date_format = "%d/%m/%d"', "date_format: '%d/%m/%d' is not a usable date format"),
        ("[extract]\nid = '(['", "extract.id: not a valid regular expression"),
        ('[conflicts]\nname = "newest"', "conflicts.name: unknown rule 'newest'"),
        ('null = "n/a"\nconflict = "last"', "conflict: unknown rule 'last'"),
        ("[columns]\nid = ['only']", "columns.id: a key of several columns is a list of 2"),
        ("[sectors]\nx = 3", 'sectors.x: must be a sector name (or "" for a blank cell)'),
    ],
)
def test_bad_mapping_rules_are_clear_problems(write, problems, text, message):
    export = write("e.csv", "id,name,sector,territory\na,A,public,T\n")
    mapping = write("m.toml", text + "\n")
    found = problems([export], mapping=mapping)
    assert any(message in p for p in found), found


def test_an_extract_that_does_not_match_is_a_problem_on_its_line(write, problems):
    export = write(
        "e.csv", "id,name,sector,territory\na,A,public,FR42 / Alsace\nb,B,public,Alsace\n"
    )
    mapping = write("m.toml", "[extract]\nterritory = '^(\\w+) / '\n")
    assert problems([export], mapping=mapping) == [
        f"{export}:3: territory: 'Alsace' does not match the mapping's extract '^(\\w+) / '"
    ]
