"""Canonical CSV files: what they become, whatever their delimiter and encoding."""

from __future__ import annotations

from datetime import date

import pytest

from maillage.graph.model import Actor, Sector, Tie, TieKind
from maillage.loaders import load


def test_canonical_actors_and_ties(write):
    actors = write(
        "actors.csv",
        "id,name,sector,territory,kind,city,lat,lon,joined,website\n"
        "a1,Les Jardins,Asso,Alsace,association,Colmar,48.08,7.36,2015-03-01,https://example.org\n"
        "a2,Kessler,entreprise,Alsace|Lille,PME,,,,,\n",
    )
    ties = write(
        "ties.csv",
        "source,target,kind,weight,since,until,directed,note,ref\n"
        "a2,a1,funding,2.5,2019-01-01,2021-12-31,true,mécénat,conv-12\n"
        "a1,a2,,,,,,,\n",
    )
    result = load([actors, ties])
    assert result.dataset.actors == (
        Actor(
            "a1",
            "Les Jardins",
            Sector.ASSOCIATION,
            ("Alsace",),
            kind="association",
            city="Colmar",
            lat=48.08,
            lon=7.36,
            joined=date(2015, 3, 1),
            attributes={"website": "https://example.org"},
        ),
        Actor("a2", "Kessler", Sector.BUSINESS, ("Alsace", "Lille"), kind="PME"),
    )
    assert result.dataset.ties == (
        Tie(
            "a2",
            "a1",
            TieKind.FUNDING,
            2.5,
            date(2019, 1, 1),
            date(2021, 12, 31),
            directed=True,
            note="mécénat",
            ref="conv-12",
        ),
        Tie("a1", "a2"),
    )
    assert result.rows == 4
    assert result.warnings == []


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_detected(write, delimiter):
    header = delimiter.join(["id", "name", "sector", "territory"])
    row = delimiter.join(["a1", "Les Jardins, de Colmar" if delimiter != "," else "J", "asso", "A"])
    path = write("actors.csv", f"{header}\n{row}\n")
    [actor] = load([path]).dataset.actors
    assert actor.sector is Sector.ASSOCIATION
    assert actor.territories == ("A",)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings_are_detected(write, encoding):
    path = write(
        "actors.csv", "id,name,sector,territory\né1,Société,collectivité,Haut-Rhin\n", encoding
    )
    result = load([path])
    assert result.dataset.actors[0].id == "é1"
    assert result.dataset.actors[0].sector is Sector.PUBLIC
    assert result.warnings == []


def test_latin1_is_read_with_a_warning(write):
    path = write(
        "actors.csv",
        "id;name;sector;territory\n\na1;Crèche Œuvre;collectivité;Sélestat\n",
        "cp1252",
    )
    result = load([path])
    assert result.dataset.actors[0].name == "Crèche Œuvre"
    assert result.warnings == [
        f"{path}: not UTF-8 (first bad byte on line 3); read as Latin-1 (Windows-1252)"
    ]


def test_header_names_ignore_case_accents_and_blanks(write):
    path = write("actors.csv", " ID ,Name,SECTOR,Territory\na1,A,asso,Alsace\n")
    assert load([path]).dataset.actors[0].id == "a1"


def test_blank_lines_and_rows_are_skipped(write):
    path = write("actors.csv", "\nid,name,sector,territory\n\na1,A,asso,Alsace\n,,,\n")
    result = load([path])
    assert [a.id for a in result.dataset.actors] == ["a1"]
    assert result.rows == 1


def test_decimal_comma_weights(write, actors_csv):
    ties = write("ties.csv", 'source;target;weight\na1;a2;"1,5"\n')
    assert load([actors_csv, ties]).dataset.ties[0].weight == 1.5


def test_identical_duplicates_are_kept_once(write, actors_csv):
    ties = write("ties.csv", "source,target\na1,a2\na2,a1\na1,a2\n")
    result = load([actors_csv, actors_csv, ties])
    assert len(result.dataset.actors) == 3
    assert result.dataset.ties == (Tie("a1", "a2"),)


def test_same_pair_with_other_kind_or_direction_is_another_tie(write, actors_csv):
    ties = write(
        "ties.csv",
        "source,target,kind,directed\na1,a2,,\na1,a2,funding,\na1,a2,,true\na2,a1,,true\n",
    )
    assert len(load([actors_csv, ties]).dataset.ties) == 4


def test_neutralised_formulas_come_back(write):
    path = write(
        "actors.csv",
        "id,name,sector,territory\n'=a1,'+Plus,asso,'-Alsace|'@Lille\na2,'tis,asso,A\n",
    )
    first, second = load([path]).dataset.actors
    assert (first.id, first.name, first.territories) == ("=a1", "+Plus", ("-Alsace", "@Lille"))
    assert second.name == "'tis"


def test_ignored_tie_columns_are_mentioned(write, actors_csv):
    ties = write("ties.csv", "source,target,colour\na1,a2,red\n")
    assert load([actors_csv, ties]).warnings == [f"{ties}: ignored columns: colour"]


def test_progress_is_reported_up_to_the_row_count(write, actors_csv):
    ties = write("ties.csv", "source,target\na1,a2\na1,a3\na2,a3\n")
    calls = []
    result = load([actors_csv, ties], progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (result.rows, result.rows) == (6, 6)
    assert all(done <= total for done, total in calls)


def test_large_tie_table_takes_the_same_shape_as_row_by_row(write, actors_csv):
    rows = "".join(
        f"a{i % 3 + 1},x{i},service,{i % 4 + 1},2020-01-{i % 28 + 1:02d},,,,\n" for i in range(500)
    )
    actors = "".join(f"x{i},X{i},citoyen,Alsace\n" for i in range(500))
    more = write("more.csv", "id,name,sector,territory\n" + actors)
    ties = write("ties.csv", "source,target,kind,weight,since,until,directed,note,ref\n" + rows)
    dataset = load([actors_csv, more, ties]).dataset
    assert len(dataset.ties) == 500
    assert dataset.ties[7] == Tie("a2", "x7", TieKind.SERVICE, 4.0, date(2020, 1, 8))
