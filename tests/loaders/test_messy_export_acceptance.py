"""Acceptance: a generated messy two-mode export imports with one mapping and set-aside rows.

No pre-cleaning: the file goes in as generated, with
``docs/examples/messy-partners.toml`` and ``keep_valid`` (``--rejects``), and
every count is checked against an independent pandas computation on the raw
file.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from loader_datasets import REPO
from messy_partners import INVALID_DATE, write_messy_export

from maillage.graph.model import Sector, fold
from maillage.loaders import load

pd = pytest.importorskip("pandas")

MAPPING = REPO / "docs" / "examples" / "messy-partners.toml"
NULLS = {"n/a", "-"}
SECTORS = {
    "private": Sector.BUSINESS,
    "public": Sector.PUBLIC,
    "ngo": Sector.ASSOCIATION,
    "university": Sector.ACADEMIC,
    "foundation": Sector.FUNDER,
}


@pytest.fixture(scope="module", params=[(24, 7), (60, 11)], ids=["24-projects", "60-projects"])
def export(request, tmp_path_factory):
    projects, seed = request.param
    return write_messy_export(tmp_path_factory.mktemp("messy") / "partners.csv", projects, seed)


@pytest.fixture(scope="module")
def expected(export):
    """What the export holds, computed with pandas from the raw cells alone."""
    raw = pd.read_csv(export, sep=";", dtype=str, keep_default_na=False)
    started = pd.to_datetime(raw["Start date"], format="%d/%m/%Y", errors="coerce")
    invalid = raw[started.isna()]
    rows = raw[started.notna()].copy()
    rows["org"] = rows["Partner name"].str.casefold().str.split().str.join(" ")
    rows["project"] = rows["Project acronym"] + ":" + rows["Call"]
    pairs = rows.drop_duplicates(["org", "project"])[["org", "project"]]
    joined = pairs.merge(pairs, on="project")
    joined = joined[joined["org_x"] < joined["org_y"]]
    ties = joined.groupby(["org_x", "org_y"]).size()
    status = rows[~rows["Legal status"].str.casefold().isin(NULLS)]
    sector_of = status.groupby("org")["Legal status"].agg(lambda s: s.str.casefold().mode()[0])
    regions = rows[~rows["Region"].str.casefold().isin(NULLS)]
    codes = regions.assign(code=regions["Region"].str.extract(r"^(\w+) / ", expand=False))
    return {
        "invalid": invalid,
        "actors": rows["org"].nunique(),
        "activities": rows["project"].nunique(),
        "participations": len(pairs),
        "ties": len(ties),
        "weight": int(ties.sum()),
        "sectors": sector_of.map(SECTORS).value_counts().to_dict(),
        "territories": codes.groupby("org")["code"].agg(lambda s: set(s)).to_dict(),
        "towns": {
            (o, p): t for o, p, t in zip(rows["org"], rows["project"], rows["Town"], strict=True)
        },
    }


@pytest.fixture(scope="module")
def loaded(export):
    return load([export], mapping=MAPPING, keep_valid=True)


def test_exactly_the_one_invalid_row_is_set_aside(loaded, expected, export):
    assert len(expected["invalid"]) == 1
    (rejected,) = loaded.rejected
    assert rejected.line == int(expected["invalid"].index[0]) + 2  # header is line 1
    assert rejected.columns == ("Start date",)
    assert rejected.problems == (f"bad date {INVALID_DATE!r} (expected %d/%m/%Y)",)
    assert list(rejected.cells) == list(expected["invalid"].iloc[0])  # as read, not cleaned
    assert rejected.cells[2] == INVALID_DATE


def test_counts_equal_the_independent_computation(loaded, expected):
    data = loaded.dataset
    assert len(data.actors) == expected["actors"]
    assert len(data.activities) == expected["activities"]
    assert len(data.participations) == expected["participations"]
    assert len(data.ties) == expected["ties"]
    assert sum(t.weight for t in data.ties) == expected["weight"]
    sectors: dict[Sector, int] = {}
    for actor in data.actors:
        sectors[actor.sector] = sectors.get(actor.sector, 0) + 1
    assert sectors == expected["sectors"]


def test_actors_keep_what_their_rows_agree_on(loaded, expected):
    territories = {" ".join(fold(a.id).split()): set(a.territories) for a in loaded.dataset.actors}
    assert territories == {fold(k): v for k, v in expected["territories"].items()}
    for actor in loaded.dataset.actors:
        assert "  " not in actor.name
        assert set(actor.attributes) <= {"website"}
        if "website" in actor.attributes:
            assert actor.attributes["website"].casefold().startswith("https://")


def test_town_and_role_stay_on_each_participation(loaded, expected):
    towns = {}
    ids = {a.id: " ".join(a.id.casefold().split()) for a in loaded.dataset.actors}
    for p in loaded.dataset.participations:
        towns[(ids[p.actor], p.activity)] = dict(p.attributes)["town"]
    assert towns == expected["towns"]
    assert {dict(p.attributes)["role"] for p in loaded.dataset.participations} == {
        "Lead partner",
        "Partner",
    }


def test_without_the_mapping_rules_the_export_fails(export, write):
    bare = write("bare.toml", MAPPING.read_text(encoding="utf-8").split("null =")[0])
    with pytest.raises(Exception, match="problems? found"):
        load([export], mapping=bare)


def test_pairs_are_counted_as_combinations(expected):
    # a sanity check of the pandas computation itself on a tiny frame
    frame = pd.DataFrame({"org": ["a", "b", "c", "a"], "project": ["x", "x", "x", "y"]})
    joined = frame.merge(frame, on="project")
    assert len(joined[joined["org_x"] < joined["org_y"]]) == len(list(combinations("abc", 2)))
