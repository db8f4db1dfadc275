"""The national-scale first load: ``maillage import --bulk`` then ``neo4j-admin database import``.

The canonical files that ``export --format csv`` writes go through the offline importer
into the real test server; the store then reads back the same territories as the
transactional import gives.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from maillage.cli import main

pytestmark = pytest.mark.neo4j


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_bulk_import_gives_the_store_the_transactional_import_gives(tmp_path, neo4j_tools):
    if neo4j_tools.server.get("from_env"):
        pytest.skip("bulk-import restarts the server: only for one that the tests started")
    sqlite = f"sqlite:///{tmp_path / 'store.db'}"
    run("demo", "--no-serve", "--store", sqlite)
    folders = []
    for name in ("Figeac", "Romans", "Bordeaux"):
        folder = tmp_path / name
        run("export", name, "--format", "csv", "-o", str(folder), "--store", sqlite)
        folders.append(str(folder))
    bulk = tmp_path / "bulk"
    out = run("import", *folders, "--bulk", str(bulk), "--store", sqlite)
    assert "neo4j-admin database import full" in out.output
    from maillage.graph.storage.sqlite import SQLiteStore

    expected = SQLiteStore.from_url(sqlite)
    with neo4j_tools.exclusive():
        state = neo4j_tools.script().bulk_import(bulk)
        neo4j_tools.refresh(state)
        store = neo4j_tools.open_store()
        try:
            store.setup_schema()
            names = {t.name for t in store.territories()}
            # The exported actors name their other territories too.
            assert {"Bordeaux", "Figeac", "Romans"} <= names
            for name in ("Bordeaux", "Figeac", "Romans"):
                assert store.network(name) == expected.network(name), name
        finally:
            store._wipe_for_tests()
            store.close()
    expected.close()
