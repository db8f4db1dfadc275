"""A store that cannot be reached or opened, in words: the templates of ``StoreUnavailable``.

Each message says what is wrong, then the remedy. The stores render them (the CLI prints
the English text); they are problem templates too (:data:`~maillage.graph.problem_text.
PROBLEM_TEMPLATES`), so that the error panel tells them in the reader's language.

>>> render(SQLITE_FAILED, path="/data/m.db", reason="disk I/O error")
'the SQLite store /data/m.db failed: disk I/O error'
"""

from __future__ import annotations

from .sentences import render

__all__ = [
    "SQLITE_URL_INVALID",
    "SQLITE_CANNOT_CREATE",
    "SQLITE_LOCKED",
    "SQLITE_NOT_A_STORE",
    "SQLITE_CANNOT_OPEN",
    "SQLITE_FAILED",
    "SQLITE_DAMAGED",
    "NEO4J_REMEDY",
    "NEO4J_URL_INVALID",
    "NEO4J_CREDENTIALS",
    "NEO4J_LOST_COMMIT",
    "NEO4J_UNREACHABLE",
    "NEO4J_NO_DATABASE",
    "NEO4J_SAME_RECORDS",
    "NEO4J_BUSY",
    "NEO4J_DATABASE_UNAVAILABLE",
    "NEO4J_NO_METADATA",
    "UNREACHABLE",
    "GDS_REMEDY",
    "GDS_MISSING",
    "GDS_NOT_NEO4J",
    "GDS_LOST",
    "STORE_TEMPLATES",
    "render",
]

SQLITE_URL_INVALID = "invalid SQLite store URL {url}: write sqlite:///absolute/path/to/file.db"
SQLITE_CANNOT_CREATE = (
    "cannot create the SQLite store {path}: {reason}; choose another --store path or fix the "
    "folder's permissions"
)
SQLITE_LOCKED = (
    "the SQLite store {path} is locked by another program (waited {seconds} s): let the other "
    "import finish or close the program holding it, then retry"
)
SQLITE_NOT_A_STORE = (
    "{path} is not a usable SQLite store ({reason}): point --store at another file, or move "
    "this one away to start afresh"
)
SQLITE_CANNOT_OPEN = (
    "cannot open the SQLite store {path} ({reason}): check that the folder exists and is "
    "writable, or choose another --store path"
)
SQLITE_FAILED = "the SQLite store {path} failed: {reason}"
SQLITE_DAMAGED = (
    "the SQLite store {path} is damaged ({problems}): nothing was written. Restore it from a "
    "backup, or try `sqlite3 {file} .recover` into a new file"
)
NEO4J_REMEDY = (
    "start Neo4j (e.g. `python scripts/neo4j_server.py start` or `docker compose up -d neo4j`) "
    "and check the store URL and NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE"
)
NEO4J_URL_INVALID = (
    "invalid Neo4j URL {url} ({reason}): write neo4j://host:7687 or bolt://host:7687"
)
NEO4J_CREDENTIALS = "Neo4j at {url} refused the credentials: set NEO4J_USERNAME and NEO4J_PASSWORD"
NEO4J_LOST_COMMIT = (
    "lost Neo4j at {url} while committing: the import may or may not have been saved; run it "
    "again (re-importing the same data is safe)"
)
NEO4J_UNREACHABLE = "cannot reach Neo4j at {url}: " + NEO4J_REMEDY + " ({reason})"
NEO4J_NO_DATABASE = "Neo4j at {url} has no database {database}: set NEO4J_DATABASE"
NEO4J_SAME_RECORDS = (
    "another import wrote the same records into Neo4j at {url} at the same time; nothing was "
    "imported, retry"
)
NEO4J_BUSY = "Neo4j at {url} is busy or unavailable ({reason}): retry"
NEO4J_DATABASE_UNAVAILABLE = (
    "the Neo4j database {database} at {url} is unavailable ({reason}): " + NEO4J_REMEDY
)
NEO4J_NO_METADATA = (
    "the Neo4j database has no Maillage metadata node: run the import again (it sets the schema up)"
)
UNREACHABLE = (
    "The database is unreachable: try again in a minute. The server's log tells its operator why."
)
GDS_REMEDY = (
    "install the Graph Data Science plugin in the Neo4j server (OpenGDS: "
    "`python scripts/neo4j_server.py start` does it for the test server; docker-compose.yml "
    "for the Neo4j service) and allow `dbms.security.procedures.unrestricted=gds.*`, "
    "or use `--engine local`"
)
GDS_MISSING = "--engine gds: Neo4j at {url} has no Graph Data Science library: " + GDS_REMEDY
GDS_NOT_NEO4J = (
    "--engine gds computes inside Neo4j with its Graph Data Science library, and this "
    "store is {store}: give a Neo4j store (--store neo4j://host:7687, "
    "with GDS installed), or use --engine local"
)
GDS_LOST = (
    "lost Neo4j at {url} during --engine gds ({reason}): check the server and run the command again"
)
STORE_TEMPLATES: tuple[str, ...] = (
    SQLITE_URL_INVALID,
    SQLITE_CANNOT_CREATE,
    SQLITE_LOCKED,
    SQLITE_NOT_A_STORE,
    SQLITE_CANNOT_OPEN,
    SQLITE_DAMAGED,
    SQLITE_FAILED,
    NEO4J_URL_INVALID,
    NEO4J_CREDENTIALS,
    NEO4J_LOST_COMMIT,
    NEO4J_UNREACHABLE,
    NEO4J_NO_DATABASE,
    NEO4J_SAME_RECORDS,
    NEO4J_BUSY,
    NEO4J_DATABASE_UNAVAILABLE,
    NEO4J_NO_METADATA,
    UNREACHABLE,
    GDS_MISSING,
    GDS_NOT_NEO4J,
    GDS_LOST,
)
"""Every store message template (catalog msgids), the longer of two alike first."""
