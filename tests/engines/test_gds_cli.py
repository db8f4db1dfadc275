"""``--engine gds`` on the command line: the report through the real server, and clear errors."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from maillage.cli import main
from maillage.graph.errors import MaillageError
from maillage.graph.storage.gds import gds_version
from maillage.loaders import demo_dataset


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)


def test_gds_on_sqlite_is_a_clear_error(tmp_path):
    store = f"sqlite:///{tmp_path / 'store.db'}"
    assert run("demo", "--no-serve", "--store", store).exit_code == 0
    result = run("report", "Figeac", "--engine", "gds", "--store", store)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "--engine gds" in result.output and "Neo4j" in result.output
    assert "--engine local" in result.output  # the remedy


def test_unknown_engine_in_the_environment_is_a_clear_error(tmp_path):
    store = f"sqlite:///{tmp_path / 'store.db'}"
    result = run("report", "Figeac", "--store", store, env={"MAILLAGE_ENGINE": "spark"})
    assert result.exit_code == 2 and "spark" in result.output


@pytest.mark.neo4j
def test_report_gaps_compare_with_gds_through_neo4j_routing(fresh_neo4j_store, neo4j_url):
    """``neo4j://`` (routing, as for clusters and Aura) against the single test server."""
    try:
        gds_version(fresh_neo4j_store)
    except MaillageError as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no GDS: {error}")
    fresh_neo4j_store.upsert(demo_dataset())
    routed = neo4j_url.replace("bolt://", "neo4j://")
    result = run("report", "Figeac", "--engine", "gds", "--format", "json", "--store", routed)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["method"]["engine"] == "gds"
    assert "Graph Data Science" in report["method"]["betweenness"]
    local = json.loads(run("report", "Figeac", "--format", "json", "--store", routed).output)
    assert local["method"]["engine"] == "local"
    assert [a["id"] for a in report["actors"]] == [a["id"] for a in local["actors"]]
    gaps = run("gaps", "Figeac", "--engine", "gds", "--format", "json", "--store", routed)
    assert gaps.exit_code == 0, gaps.output
    compared = run(
        "compare", "Figeac", "Romans", "--engine", "gds", "--format", "json", "--store", routed
    )
    assert compared.exit_code == 0, compared.output
    rows = {row["name"]: row for row in json.loads(compared.output)["indicators"]}
    assert rows["actors"]["values"] == {"Figeac": 46, "Romans": 56}
