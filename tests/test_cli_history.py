"""``maillage import`` that never loses data, ``history`` and ``undo``: the CLI on both stores."""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from maillage.cli import main


def run(*args: str, store: str):
    return CliRunner().invoke(main, [*args, "--store", store], catch_exceptions=False)


def gexf(territory: str, names: list[str]) -> str:
    """A GEXF file as Gephi writes it: node ids 0, 1, ..., a ring of edges."""
    nodes = "\n".join(
        f'      <node id="{i}" label="{name}"><attvalues>'
        f'<attvalue for="0" value="other"/><attvalue for="1" value="{territory}"/>'
        "</attvalues></node>"
        for i, name in enumerate(names)
    )
    edges = "\n".join(
        f'      <edge id="{i}" source="{i}" target="{(i + 1) % len(names)}" weight="{i + 1}"/>'
        for i in range(len(names))
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="0" title="sector" type="string"/>
      <attribute id="1" title="territory" type="string"/>
    </attributes>
    <nodes>
{nodes}
    </nodes>
    <edges>
{edges}
    </edges>
  </graph>
</gexf>
"""


@pytest.fixture
def graphs(tmp_path: Path) -> tuple[Path, Path]:
    airlines, musicians = tmp_path / "airlines.gexf", tmp_path / "musicians.gexf"
    airlines.write_text(gexf("Airlines", ["Air France", "KLM", "Lufthansa"]), encoding="utf-8")
    musicians.write_text(gexf("Musicians", ["Bach", "Haydn", "Mozart", "Ravel"]), "utf-8")
    return airlines, musicians


def exported(store: str, tmp_path: Path, name: str) -> dict[str, dict[str, bytes]]:
    """Every territory exported as canonical CSV: territory -> file name -> bytes."""
    listing = run("territories", "--format", "csv", store=store).output.splitlines()[1:]
    found = {}
    for line in listing:
        territory = line.split(",")[0]
        folder = tmp_path / f"{name}-{territory}"
        assert (
            run("export", territory, "--format", "csv", "-o", str(folder), store=store).exit_code
            == 0
        )
        found[territory] = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    return found


def test_a_second_gexf_with_the_same_ids_is_refused_with_the_remedies(store_url, graphs, tmp_path):
    airlines, musicians = graphs
    assert run("import", str(airlines), store=store_url).exit_code == 0
    before = exported(store_url, tmp_path, "before")

    refused = run("import", str(musicians), store=store_url)

    assert refused.exit_code == 1
    assert "3 actor ids of this import already name other actors" in refused.output
    assert "id '0': stored 'Air France' (Airlines), incoming 'Bach' (Musicians)" in refused.output
    assert "--id-prefix PREFIX" in refused.output and "--merge" in refused.output
    assert "Traceback" not in refused.output
    dry = run("import", "--dry-run", str(musicians), store=store_url)
    assert dry.exit_code == 1 and "--id-prefix" in dry.output
    assert exported(store_url, tmp_path, "refused") == before

    prefixed = run("import", "--id-prefix", "mus-", str(musicians), store=store_url)

    assert prefixed.exit_code == 0, prefixed.output
    assert "Actors: 4 added, 0 updated, 0 unchanged." in prefixed.output
    assert "Ties: 4 added, 0 updated, 0 unchanged." in prefixed.output
    after = exported(store_url, tmp_path, "after")
    assert after["Airlines"] == before["Airlines"]
    assert b"mus-0,Bach" in after["Musicians"]["actors.csv"]


def test_merge_takes_the_colliding_actors_as_the_same(store_url, graphs):
    airlines, musicians = graphs
    run("import", str(airlines), store=store_url)

    merged = run("import", "--merge", str(musicians), store=store_url)

    assert merged.exit_code == 0, merged.output
    assert "Actors: 1 added, 3 updated, 0 unchanged." in merged.output
    assert "3 actors change name" in merged.output
    assert "3 actors join territory Musicians" in merged.output


def test_dry_run_and_summary_show_every_change_before_it_is_made(store_url, tmp_path):
    first = tmp_path / "actors.csv"
    first.write_text(
        "id,name,sector,territory\na1,Mairie,public,Alsace\na2,Jardins,asso,Alsace\n"
        "a3,Brasserie,business,Alsace\n",
        encoding="utf-8",
    )
    assert run("import", str(first), store=store_url).exit_code == 0
    other = tmp_path / "lyon" / "actors.csv"
    other.parent.mkdir()
    other.write_text(
        "id,name,sector,territory\na1,Mairie,public,Lyon\na2,Jardins,business,Lyon\n",
        encoding="utf-8",
    )

    dry = run("import", "--dry-run", str(other), store=store_url)

    assert dry.exit_code == 0, dry.output
    assert "Dry run: nothing was written" in dry.output
    assert "Actors: 0 added, 2 updated, 0 unchanged." in dry.output
    assert "1 actor change sector" in dry.output
    assert "2 actors join territory Lyon" in dry.output
    assert "a2 'Jardins': sector association -> business" in dry.output
    assert "<" not in dry.output and "Sector." not in dry.output
    assert "Alsace" in run("report", "Alsace", store=store_url).output

    done = run("import", str(other), store=store_url)
    assert "2 actors join territory Lyon" in done.output and "Saved as revision 2" in done.output
    listing = run("territories", "--format", "csv", store=store_url).output
    assert "Alsace,3," in listing and "Lyon,2," in listing  # nobody left Alsace

    replaced = run("import", "--replace", str(other), store=store_url)
    assert "2 actors leave territory Alsace" in replaced.output
    assert "Alsace,1," in run("territories", "--format", "csv", store=store_url).output


def test_history_lists_who_when_and_the_files_with_their_sha256(store_url, graphs):
    airlines, _ = graphs
    run("import", str(airlines), store=store_url)

    listing = run("history", store=store_url)

    assert listing.exit_code == 0, listing.output
    header, first, files = listing.output.splitlines()[:3]
    assert header == "revision\ttime\tuser\twhat"
    number, when, who, what = first.split("\t")
    assert (number, who) == ("1", getpass.getuser())
    assert when.endswith(" UTC") and what.startswith(f"import {airlines}")
    digest = hashlib.sha256(airlines.read_bytes()).hexdigest()
    assert files == f"\t{airlines}  sha256 {digest}"
    assert run("history", "Airlines", store=store_url).output == listing.output
    missing = run("history", "Nowhere", store=store_url)
    assert missing.exit_code == 1 and "Nowhere" in missing.output


def test_undo_after_an_import_equals_the_state_before(store_url, graphs, tmp_path):
    airlines, musicians = graphs
    run("import", str(airlines), store=store_url)
    before = exported(store_url, tmp_path, "before")
    assert run("import", "--merge", str(musicians), store=store_url).exit_code == 0
    assert exported(store_url, tmp_path, "merged") != before

    undone = run("undo", store=store_url)

    assert undone.exit_code == 0, undone.output
    assert undone.output.startswith("Undid revision 2: saved as revision 3")
    assert exported(store_url, tmp_path, "undone") == before
    assert "(undone by 3)" in run("history", store=store_url).output
    again = run("undo", "2", store=store_url)
    assert again.exit_code == 1 and "already undone" in again.output
    assert run("undo", "1", store=store_url).exit_code == 0
    assert run("territories", store=store_url).output.split() == [
        "territory",
        "actors",
        "ties",
        "inside",
        "ties",
        "leaving",
    ]
