"""A SQLite store is checked before each write: a damaged file is never written to.

Writing into a file with a corrupted page succeeds without a word, and the
damage shows only later, when reading fails with "database disk image is
malformed". ``PRAGMA quick_check`` (the structure of every page, in time
linear in the file's size, without the slower index-content comparison of
``integrity_check``) runs inside the write transaction, before anything is
written; a store that fails it raises ``StoreUnavailable`` with the remedy.
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreUnavailable
from ..store_text import SQLITE_DAMAGED, render
from . import sql


def check_before_writing(conn: sqlite3.Connection, path: object) -> None:
    """``StoreUnavailable`` unless ``PRAGMA quick_check`` finds the file sound."""
    try:
        rows = conn.execute(sql.QUICK_CHECK).fetchall()
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    else:
        problems = [line for row in rows for line in str(row[0]).splitlines() if line.strip()]
    if problems == ["ok"]:
        return
    raise StoreUnavailable(
        render(SQLITE_DAMAGED, path=path, problems="; ".join(problems), file=path)
    )
