"""Every kind of bad input gives its exact ``file:line: column: message``, all of them at once."""

from __future__ import annotations

import pytest

from maillage.graph.errors import ValidationError
from maillage.loaders import load

SECTORS = "business, association, public, academic, media, citizen, funder, other"
KINDS = "partnership, event, funding, governance, service, other"


def test_unknown_sector(write, problems):
    path = write("actors.csv", "id,name,sector,territory\na1,Banque,banque,Alsace\n")
    assert problems([path]) == [
        f"{path}:2: sector: unknown sector 'banque' (expected one of {SECTORS}, or an alias)"
    ]


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (",Name,asso,Alsace", "id"),
        ("a1,,asso,Alsace", "name"),
        ("a1,Name,,Alsace", "sector"),
        ("a1,Name,asso,", "territory"),
        ("a1,Name,asso, | ", "territory"),
    ],
)
def test_missing_value(write, problems, row, column):
    path = write("actors.csv", f"id,name,sector,territory\n{row}\n")
    assert problems([path]) == [f"{path}:2: {column}: missing value"]


def test_duplicate_id_with_different_content(write, problems):
    path = write(
        "actors.csv",
        "id,name,sector,territory\na1,Asso,asso,Alsace\na1,Asso,asso,Alsace\na1,Other,asso,Alsace\n",
    )
    assert problems([path]) == [
        f"{path}:4: id: duplicate id 'a1' with different content (first at line 2)"
    ]


def test_duplicate_id_across_files_names_the_other_file(actors_csv, write, problems):
    first = actors_csv
    second = write("more.csv", "id,name,sector,territory\na1,Autre,asso,Alsace\n")
    assert problems([first, second]) == [
        f"{second}:2: id: duplicate id 'a1' with different content (first at {first}:2)"
    ]


def test_tie_to_unknown_actor(actors_csv, write, problems):
    actors = actors_csv
    ties = write("ties.csv", "source,target\na1,zz\nyy,a2\n")
    assert problems([actors, ties]) == [
        f"{ties}:2: target: unknown actor 'zz'",
        f"{ties}:3: source: unknown actor 'yy'",
    ]


def test_actor_known_to_the_store_is_accepted_and_reported_back(actors_csv, write):
    actors = actors_csv
    ties = write("ties.csv", "source,target\na1,stored-1\n")
    result = load([actors, ties], known_actor_ids={"stored-1"})
    assert result.external_refs == frozenset({"stored-1"})
    assert [(t.source, t.target) for t in result.dataset.ties] == [("a1", "stored-1")]


def test_self_tie(actors_csv, write, problems):
    actors = actors_csv
    ties = write("ties.csv", "source,target\na1,a1\n")
    assert problems([actors, ties]) == [
        f"{ties}:2: target: self-tie: source and target are both 'a1'"
    ]


@pytest.mark.parametrize("weight", ["0", "-2", "heavy", "nan", "inf"])
def test_bad_weight(actors_csv, write, problems, weight):
    actors = actors_csv
    ties = write("ties.csv", f"source,target,weight\na1,a2,{weight}\n")
    assert problems([actors, ties]) == [
        f"{ties}:2: weight: weight must be a number > 0, got '{weight}'"
    ]


def test_until_before_since(actors_csv, write, problems):
    actors = actors_csv
    ties = write("ties.csv", "source,target,since,until\na1,a2,2020-01-01,2019-06-30\n")
    assert problems([actors, ties]) == [
        f"{ties}:2: until: until 2019-06-30 is before since 2020-01-01"
    ]


def test_bad_date(actors_csv, write, problems):
    actors = actors_csv
    ties = write("ties.csv", "source,target,since\na1,a2,2020-13-01\n")
    assert problems([actors, ties]) == [
        f"{ties}:2: since: bad date '2020-13-01' (expected YYYY-MM-DD)"
    ]


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        ("95", "7", "lat: latitude must be a number between -90 and 90, got '95'"),
        ("48", "east", "lon: longitude must be a number between -180 and 180, got 'east'"),
        ("48", "", "lon: missing value (lat and lon go together)"),
    ],
)
def test_bad_coordinates(write, problems, lat, lon, expected):
    path = write("actors.csv", f"id,name,sector,territory,lat,lon\na1,A,asso,Alsace,{lat},{lon}\n")
    assert problems([path]) == [f"{path}:2: {expected}"]


def test_unknown_tie_kind(actors_csv, write, problems):
    actors = actors_csv
    ties = write("ties.csv", "source,target,kind\na1,a2,friendship\n")
    assert problems([actors, ties]) == [
        f"{ties}:2: kind: unknown tie kind 'friendship' (expected one of {KINDS})"
    ]


def test_bad_directed(actors_csv, write, problems):
    actors = actors_csv
    ties = write("ties.csv", "source,target,directed\na1,a2,maybe\n")
    assert problems([actors, ties]) == [
        f"{ties}:2: directed: directed must be true or false, got 'maybe'"
    ]


@pytest.mark.parametrize("content", ["", "\n\n", "\ufeff", "  \r\n"])
def test_empty_file(write, problems, content):
    path = write("actors.csv", content)
    assert problems([path]) == [f"{path}: empty file"]


def test_missing_required_columns(write, problems):
    path = write("actors.csv", "id,name,city\na1,A,Colmar\n")
    assert problems([path]) == [
        f"{path}:1: sector: required column is missing",
        f"{path}:1: territory: required column is missing",
    ]


def test_header_that_says_nothing(write, problems):
    path = write("people.csv", "who,what\nx,y\n")
    [problem] = problems([path])
    assert problem.startswith(f"{path}:1: cannot tell what this file holds: expected the columns")


def test_unknown_extension(write, problems):
    path = write("actors.json", "[]")
    assert problems([path]) == [
        f"{path}: unsupported file type '.json' "
        "(expected .csv, .gexf, .graphml, .tsv, .txt, .xlsm, .xlsx)"
    ]


def test_unreadable_file(tmp_path, problems):
    path = tmp_path / "missing.csv"
    assert problems([path]) == [f"{path}: cannot read: No such file or directory"]


def test_duplicate_tie_with_different_content(actors_csv, write, problems):
    actors = actors_csv
    ties = write("ties.csv", "source,target,weight\na1,a2,1\na2,a1,1\na2,a1,3\n")
    assert problems([actors, ties]) == [
        f"{ties}:4: duplicate partnership tie 'a1'–'a2' with different content (first at line 2)"
    ]


def test_row_longer_than_the_header(write, problems):
    path = write("actors.csv", "id,name,sector,territory\na1,Dupont, Fils et Cie,business,Alsace\n")
    assert problems([path]) == [f"{path}:2: row has 5 fields but the header has 4"]


def test_every_problem_of_every_file_is_listed_in_file_and_line_order(write):
    actors = write("actors.csv", "id,name,sector,territory\na1,,asso,Alsace\na2,B,bank,Alsace\n")
    ties = write("ties.csv", "source,target,weight\na2,a3,0\n")
    with pytest.raises(ValidationError) as caught:
        load([actors, ties])
    assert [(p.file, p.line, p.column) for p in caught.value.problems] == [
        (str(actors), 2, "name"),
        (str(actors), 3, "sector"),
        (str(ties), 2, "weight"),
    ]
    assert str(caught.value).startswith("3 problems found; nothing was imported\n")


def test_a_rejected_actor_is_not_reported_again_as_unknown(write, problems):
    actors = write("actors.csv", "id,name,sector,territory\na1,A,bank,Alsace\na2,B,asso,Alsace\n")
    ties = write("ties.csv", "source,target\na1,a2\n")
    assert problems([actors, ties]) == [
        f"{actors}:2: sector: unknown sector 'bank' (expected one of {SECTORS}, or an alias)"
    ]


def test_quoted_cells_spanning_lines_keep_physical_line_numbers(write, problems):
    path = write(
        "actors.csv",
        'id,name,sector,territory\na1,"Les Jardins\nde Colmar",asso,Alsace\n\na2,B,bank,Alsace\n',
    )
    assert problems([path]) == [
        f"{path}:5: sector: unknown sector 'bank' (expected one of {SECTORS}, or an alias)"
    ]


def test_known_actor_ids_may_be_a_lazy_container(write, actors_csv):
    asked = []

    class StoreIds:
        def __contains__(self, actor_id):
            asked.append(actor_id)
            return actor_id.startswith("stored-")

        def __iter__(self):
            raise AssertionError("the loader must not list the store's ids")

        def __len__(self):
            raise AssertionError("the loader must not count the store's ids")

    ties = write("ties.csv", "source,target\na1,stored-1\na2,a3\n")
    result = load([actors_csv, ties], known_actor_ids=StoreIds())
    assert result.external_refs == frozenset({"stored-1"})
    assert asked == ["stored-1"]
