"""The real H2020 Norway export imports with its mapping file; counts checked from the raw file."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import datetime
from itertools import combinations

import pytest
from loader_datasets import REPO, shared_dataset

from maillage.graph.model import Sector, TieKind
from maillage.loaders import load

DATA = shared_dataset("h2020-norway/participations.csv")
MAPPING = REPO / "docs" / "examples" / "h2020-norway.toml"

pytestmark = pytest.mark.skipif(
    not DATA.exists(), reason=f"the real H2020 data set is absent ({DATA})"
)


@pytest.fixture(scope="module")
def raw_rows():
    with DATA.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@pytest.fixture(scope="module")
def result():
    return load([DATA], mapping=MAPPING)


def test_actors_activities_and_participations(raw_rows, result):
    rows = [r for r in raw_rows if r["Organisasjonsnummer"].strip()]
    assert len(raw_rows) - len(rows) == 3  # the "ukjent" rows without an organisation number
    dataset = result.dataset
    assert len(dataset.actors) == len({r["Organisasjonsnummer"] for r in rows}) == 692
    assert len(dataset.activities) == len({r["Prosjektnr"] for r in rows})
    pairs = {(r["Organisasjonsnummer"], r["Prosjektnr"]) for r in rows}
    assert len(dataset.participations) == len(pairs)
    assert {(p.actor, p.activity) for p in dataset.participations} == pairs
    assert result.rows == len(raw_rows)
    ignored, skipped = result.warnings
    assert skipped == f"{DATA}: skipped 3 rows without Organisasjonsnummer (lines 594, 691, 2434)"
    assert ignored.startswith(f"{DATA}: ignored columns: Rammeprogram, Traktat kode (H2020), ")
    assert "Organisasjonsnummer" not in ignored and "Prosjektnavn" in ignored


def test_co_participation_ties(raw_rows, result):
    members = defaultdict(set)
    started = {}
    for r in raw_rows:
        if r["Organisasjonsnummer"].strip():
            members[r["Prosjektnr"]].add(r["Organisasjonsnummer"])
            if r["Kontrakt startdato"]:
                started[r["Prosjektnr"]] = datetime.strptime(
                    r["Kontrakt startdato"], "%d.%m.%Y %H:%M"
                ).date()
    weights = defaultdict(int)
    first = {}
    for project, organisations in members.items():
        for pair in combinations(sorted(organisations), 2):
            weights[pair] += 1
            if project in started:
                first[pair] = min(first.get(pair, started[project]), started[project])
    ties = result.dataset.ties
    assert all(t.kind is TieKind.EVENT for t in ties)
    assert len(ties) == len(weights)
    assert sum(t.weight for t in ties) == sum(weights.values())
    assert {(t.source, t.target): t.weight for t in ties} == weights
    assert {(t.source, t.target): t.since for t in ties if t.since} == first


def test_sectors_and_territories(raw_rows, result):
    by_id = {a.id: a for a in result.dataset.actors}
    sintef = by_id["919303808"]
    assert (sintef.name, sintef.sector, sintef.territories, sintef.city) == (
        "SINTEF AS",
        Sector.ACADEMIC,
        ("Trøndelag - Trööndelage",),
        "Trondheim",
    )
    counties = {r["Adresse fylke"] for r in raw_rows if r["Organisasjonsnummer"].strip()}
    assert result.dataset.territories == (counties - {""}) | {"Ukjent fylke"}
    without_county = {
        r["Organisasjonsnummer"]
        for r in raw_rows
        if r["Organisasjonsnummer"].strip() and not r["Adresse fylke"]
    }
    assert {by_id[i].territories for i in without_county} == {("Ukjent fylke",)}
    expected = {
        "Næringsliv": Sector.BUSINESS,
        "UoH-sektor": Sector.ACADEMIC,
        "Instituttsektor": Sector.ACADEMIC,
        "Helseforetak": Sector.PUBLIC,
        "Øvrige": Sector.OTHER,
        "Norges forskningsråd": Sector.FUNDER,
    }
    for r in raw_rows:
        if r["Organisasjonsnummer"].strip():
            assert by_id[r["Organisasjonsnummer"]].sector is expected[r["FoU sektor"]]
