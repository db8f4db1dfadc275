"""Mapping files: one TOML file makes an unseen real export importable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from maillage.graph.model import Sector, Tie, TieKind
from maillage.loaders import load
from maillage.loaders.mapping import read_mapping
from maillage.loaders.validate import ProblemLog

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

# An Interreg-like partner list (keep.eu style): one row per partner per project,
# semicolons, Windows-1252, day-first dates, public/private legal status.
INTERREG_ROWS = [
    "Project acronym;Project ID;Start date;Partner name;Partner role;Legal status;"
    "Type of partner;NUTS 2;City;ERDF amount",
    "RHIN-O;OUI-12;15/09/2016;Ville de Kehlheim;Lead partner;Public;Local public authority;"
    "Baden-Württemberg;Kehlheim;120 000,00",
    "RHIN-O;OUI-12;15/09/2016;Université du Rhin Supérieur;Partner;Public;"
    "Higher education and research;Alsace;Strasbourg;80 000,00",
    "RHIN-O;OUI-12;15/09/2016;Brasserie Meteor-Nord SA;Partner;Private;SME;Alsace;Hochfelden;"
    "15 000,00",
    "VITI-NET;OUI-31;01/03/2018;Université du Rhin Supérieur;Lead partner;Public;"
    "Higher education and research;Alsace;Strasbourg;200 000,00",
    "VITI-NET;OUI-31;01/03/2018;Weingut Sonnhalde GmbH;Partner;Private;SME;Baden-Württemberg;"
    "Freiburg;40 000,00",
    "VITI-NET;OUI-31;01/03/2018;Brasserie Meteor-Nord SA;Partner;Private;SME;Alsace;Hochfelden;"
    "10 000,00",
    "VITI-NET;OUI-31;01/03/2018;Verein Rebland e.V.;Partner;Private;NGO;;Lörrach;5 000,00",
]
INTERREG = "\r\n".join(INTERREG_ROWS) + "\r\n"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
def test_example_mapping_files_are_valid(example):
    log = ProblemLog()
    assert read_mapping(example, log) is not None
    assert log.problems == []


def test_interreg_like_export_with_one_mapping_file(write):
    """The worked example of docs/mapping.md, with its mapping file from docs/examples."""
    export = write("keep-export.csv", INTERREG, "cp1252")
    mapping = EXAMPLES / "interreg-partners.toml"
    result = load([export], mapping=mapping)
    dataset = result.dataset
    by_id = {a.id: a for a in dataset.actors}
    assert len(by_id) == 5
    assert by_id["Ville de Kehlheim"].sector is Sector.PUBLIC
    assert by_id["Weingut Sonnhalde GmbH"].sector is Sector.BUSINESS
    assert by_id["Verein Rebland e.V."].territories == ("Rhin supérieur",)
    assert by_id["Université du Rhin Supérieur"].attributes == {
        "partner_type": "Higher education and research"
    }
    assert [(a.id, a.name, a.date) for a in dataset.activities] == [
        ("OUI-12", "RHIN-O", date(2016, 9, 15)),
        ("OUI-31", "VITI-NET", date(2018, 3, 1)),
    ]
    assert len(dataset.participations) == 7
    strongest = max(dataset.ties, key=lambda t: t.weight)
    assert strongest == Tie(
        "Brasserie Meteor-Nord SA",
        "Université du Rhin Supérieur",
        TieKind.EVENT,
        2.0,
        since=date(2016, 9, 15),
        activities=("OUI-12", "OUI-31"),
    )
    assert len(dataset.ties) == 3 + 6 - 1  # the pair in both projects counts once
    assert result.warnings == [
        f"{export}: not UTF-8 (first bad byte on line 2); read as Latin-1 (Windows-1252)",
        f"{export}: ignored columns: Partner role, ERDF amount",
    ]


def test_unmapped_raw_sector_falls_back_to_the_aliases_else_fails(write, problems):
    export = write(
        "export.csv",
        "Partner name;Legal status;NUTS 2\nA;Public;X\nB;Fondation;X\nC;Mixed;X\n",
    )
    mapping = write(
        "m.toml",
        'type = "actors"\n[columns]\nid = "Partner name"\nname = "Partner name"\n'
        'sector = "Legal status"\nterritory = "NUTS 2"\n[sectors]\n"PUBLIC" = "public"\n',
    )
    assert problems([export], mapping=mapping) == [
        f"{export}:4: Legal status: unknown sector 'Mixed' (not in the mapping's [sectors], "
        "nor a sector or alias)"
    ]


def test_two_mode_rows_merge_and_conflicts_are_reported(write, problems):
    export = write(
        "export.csv",
        "org;orgname;kind;county;project\n"
        "1;Alpha;UoH;Oslo;p1\n1;Alpha;;Viken;p2\n1;ALPHA;UoH;;p3\n1;Alfa;UoH;Oslo;p4\n"
        "2;Beta;;;p4\n",
    )
    mapping = write(
        "m.toml",
        'type = "two-mode"\n[columns]\nid = "org"\nname = "orgname"\nsector = "kind"\n'
        'territory = "county"\nactivity = "project"\n[sectors]\nUoH = "academic"\n',
    )
    assert problems([export], mapping=mapping) == [
        f"{export}:5: orgname: conflicting value for actor '1': 'Alfa' here, 'Alpha' at line 2"
        " (a conflict rule in the mapping can settle it: first or most_common)",
        f"{export}:6: kind: missing value (on every row of actor '2')",
        f"{export}:6: county: missing value (on every row of actor '2')",
    ]
    fixed = write("fixed.csv", export.read_text().replace(";Alfa;", ";Alpha;"))
    fixed_mapping = write(
        "fixed.toml",
        mapping.read_text().replace(
            "type =", 'default_territory = "?"\ndefault_sector = "other"\ntype ='
        ),
    )
    actors = load([fixed], mapping=fixed_mapping).dataset.actors
    assert [(a.id, a.sector, a.territories) for a in actors] == [
        ("1", Sector.ACADEMIC, ("Oslo", "Viken")),
        ("2", Sector.OTHER, ("?",)),
    ]


def test_per_file_tables_and_kinds(write):
    actors = write(
        "orgs.csv", "code;nom;secteur;territoire\nA;Alpha;Entreprise;Alsace\nB;Beta;Asso;Alsace\n"
    )
    ties = write("liens.csv", "de;vers;nature;depuis\nA;B;Mécénat;01/02/2020\n")
    mapping = write(
        "m.toml",
        """
delimiter = ";"
date_format = "%d/%m/%Y"

[kinds]
"mécénat" = "funding"

[[file]]
match = "orgs*.csv"
type = "actors"
[file.columns]
id = "code"
name = "nom"
sector = "secteur"
territory = "territoire"

[[file]]
match = "liens.csv"
[file.columns]
source = "de"
target = "vers"
kind = "nature"
since = "depuis"
""",
    )
    dataset = load([actors, ties], mapping=mapping).dataset
    assert dataset.ties == (Tie("A", "B", TieKind.FUNDING, since=date(2020, 2, 1)),)


def test_bad_date_names_the_expected_format(write, problems):
    export = write("e.csv", "from;to;when\na;b;2020-31-12\n")
    actors = write("a.csv", "id,name,sector,territory\na,A,asso,X\nb,B,asso,X\n")
    mapping = write(
        "m.toml",
        '[[file]]\nmatch = "e.csv"\ndelimiter = ";"\ndate_format = "%d/%m/%Y"\n'
        '[file.columns]\nsource = "from"\ntarget = "to"\nsince = "when"\n'
        '[[file]]\nmatch = "a.csv"\n',
    )
    assert problems([actors, export], mapping=mapping) == [
        f"{export}:2: when: bad date '2020-31-12' (expected %d/%m/%Y)"
    ]


def test_mapping_file_problems_are_all_listed(write, problems):
    export = write("e.csv", "x\n1\n")
    mapping = write(
        "m.toml",
        'typ = "actors"\ndelimiter = ";;"\n[columns]\nidentifier = "x"\n'
        '[sectors]\nPublic = "governmental"\n',
    )
    assert problems([export], mapping=mapping) == [
        f"{mapping}: typ: unknown key (expected one of attributes, columns, conflict, conflicts, "
        "date_format, default_sector, default_territory, delimiter, encoding, extract, file, "
        "ids_ignore_case, key_separator, kinds, normalise_spaces, null, participation_attributes, "
        "sectors, sheet, "
        "skip_rows_without_id, territory_separator, type)",
        f"{mapping}: delimiter: a delimiter is one character, got ';;'",
        f"{mapping}: columns.identifier: unknown field (expected one of activities, activity, "
        "activity_name, actor, city, date, directed, id, joined, kind, lat, lon, name, note, "
        "ref, sector, since, source, target, territory, until, weight)",
        f"{mapping}: sectors.Public: unknown sector 'governmental' (expected one of business, "
        "association, public, academic, media, citizen, funder, other, or an alias)",
    ]


def test_toml_syntax_error_has_its_line(write, problems):
    export = write("e.csv", "x\n1\n")
    mapping = write("m.toml", '[columns]\nid = "x"\nname = \n')
    [problem] = problems([export], mapping=mapping)
    assert problem.startswith(f"{mapping}:3: not a valid TOML mapping file:")


def test_column_named_by_the_mapping_is_missing(write, problems):
    export = write("e.csv", "Code;Nom\n1;A\n")
    mapping = write(
        "m.toml",
        'type = "actors"\ndefault_territory = "X"\n[columns]\nid = "Code"\nname = "Name"\n'
        'sector = "Statut"\n',
    )
    assert problems([export], mapping=mapping) == [
        f"{export}:1: Name: column named by the mapping is missing",
        f"{export}:1: Statut: column named by the mapping is missing",
    ]


def test_file_matched_by_no_table(write, problems):
    export = write("e.csv", "x\n1\n")
    mapping = write("m.toml", '[[file]]\nmatch = "*.xlsx"\n')
    assert problems([export], mapping=mapping) == [
        f"{export}: no [[file]] of {mapping} matches this file"
    ]


def test_skip_rows_without_id_warns(write):
    export = write(
        "e.csv", "org;name;sector;region;project\n;ukjent;other;;p1\n7;Beta;other;X;p1\n"
    )
    mapping = write(
        "m.toml",
        'type = "two-mode"\nskip_rows_without_id = true\n[columns]\nid = "org"\n'
        'territory = "region"\nactivity = "project"\n',
    )
    result = load([export], mapping=mapping)
    assert [a.id for a in result.dataset.actors] == ["7"]
    assert result.warnings == [f"{export}: skipped 1 row without org (line 2)"]
