"""The national-scale first load: files for ``neo4j-admin database import full``.

The transactional import (``Neo4jStore.upsert``: ``UNWIND`` batches, one transaction,
re-runnable) is the way to load and update a store. For a first load of millions of actors
into an empty database, Neo4j's offline importer is the fastest route there is: it writes
the store files directly, with the server stopped. :func:`write_admin_import` turns a
validated :class:`~maillage.graph.model.Dataset` (the canonical files, read by the loaders)
into its CSV files, with the properties the Neo4j store reads (see ``cypher.py``), and returns
the importer's arguments. After the import, the first ``Neo4jStore`` opened on the database
creates the constraints and the ``:Meta`` node, as on any new database; the records carry no
revision stamp (as those of a schema 1 store, older than the history).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ..model import Dataset, Tie
from .neo4j_records import actor_row, participation_row

__all__ = ["ARRAY_DELIMITER", "write_admin_import"]

#: Between the items of a list property (territories, activities): a character no name uses.
ARRAY_DELIMITER = "\x1f"


def _text(value: object) -> object:
    return "" if value is None else value


def _tie_row(tie: Tie) -> list[object]:
    _, _, source, target = tie.identity
    return [
        source,
        target,
        tie.key,
        tie.kind.value,
        float(tie.weight),
        _text(tie.since and tie.since.isoformat()),
        _text(tie.until and tie.until.isoformat()),
        "true" if tie.directed else "",
        _text(tie.note),
        _text(tie.ref),
        ARRAY_DELIMITER.join(tie.activities) if tie.activities else "",
    ]


def write_admin_import(dataset: Dataset, folder: Path | str) -> list[str]:
    """Write ``dataset`` as ``neo4j-admin database import full`` files into ``folder``.

    Parameters
    ----------
    dataset : Dataset
        Validated (as ``loaders.load`` returns it); ties of one identity once.
    folder : path
        Created if missing; its files ``actors.csv``, ``territories.csv``, ``in.csv``,
        ``ties.csv``, ``activities.csv``, ``took_part.csv`` and ``import.json`` are replaced.

    Returns
    -------
    list of str
        The importer's options (written to ``import.json`` too); append the database name:
        ``neo4j-admin database import full --overwrite-destination OPTIONS... neo4j``.

    Examples
    --------
    >>> import tempfile
    >>> from maillage.graph.model import Actor, Sector
    >>> data = Dataset(actors=(Actor("a", "A", Sector.PUBLIC, ("T",)),))
    >>> options = write_admin_import(data, tempfile.mkdtemp())
    >>> [o.split("=")[0] for o in options][:3]
    ['--nodes', '--nodes', '--nodes']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "actors": (
            [
                "id:ID(Actor)",
                "name",
                "sector",
                "territories:string[]",
                "kind",
                "city",
                "lat:double",
                "lon:double",
                "joined:date",
                "attributes_json",
            ],
            (
                [*row[:3], ARRAY_DELIMITER.join(row[3]), *map(_text, row[4:10])]
                for row in (actor_row(actor, None) for actor in dataset.actors)
            ),
        ),
        "territories": (
            ["name:ID(Territory)"],
            ([name] for name in sorted({t for a in dataset.actors for t in a.territories})),
        ),
        "in": (
            [":START_ID(Actor)", ":END_ID(Territory)"],
            ([a.id, name] for a in dataset.actors for name in dict.fromkeys(a.territories)),
        ),
        "ties": (
            [
                ":START_ID(Actor)",
                ":END_ID(Actor)",
                "key",
                "kind",
                "weight:double",
                "since:date",
                "until:date",
                "directed:boolean",
                "note",
                "ref",
                "activities:string[]",
            ],
            (_tie_row(tie) for tie in {tie.key: tie for tie in dataset.ties}.values()),
        ),
        "activities": (
            ["id:ID(Activity)", "name", "date:date"],
            ([x.id, x.name, _text(x.date and x.date.isoformat())] for x in dataset.activities),
        ),
        "took_part": (
            [":START_ID(Actor)", ":END_ID(Activity)", "attributes_json"],
            (
                participation_row(p.actor, p.activity, p.attributes, None)[:3]
                for p in {(p.actor, p.activity): p for p in dataset.participations}.values()
            ),
        ),
    }
    for name, (header, rows) in files.items():
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
    options = [
        f"--nodes=Actor={folder / 'actors.csv'}",
        f"--nodes=Territory={folder / 'territories.csv'}",
        f"--nodes=Activity={folder / 'activities.csv'}",
        f"--relationships=IN={folder / 'in.csv'}",
        f"--relationships=TIE={folder / 'ties.csv'}",
        f"--relationships=TOOK_PART={folder / 'took_part.csv'}",
        f"--array-delimiter={ARRAY_DELIMITER}",
        "--multiline-fields=true",
        "--skip-bad-relationships=false",
    ]
    (folder / "import.json").write_text(json.dumps(options, indent=1) + "\n", encoding="utf-8")
    return options
