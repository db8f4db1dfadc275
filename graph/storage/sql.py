"""Every SQL statement of the embedded SQLite store, with ``?`` / ``:name`` parameters only.

No value is ever formatted into these strings: ``sqlite.py`` passes them as they are, with
the values bound as parameters. Lists of ids travel as one JSON array parameter, unpacked
by ``json_each``.

Dates are ISO 8601 text (``YYYY-MM-DD``), so that text order is date order. An actor's
``territories`` column keeps the ordered list as JSON (what ``Actor.territories`` returns);
``actor_territories`` indexes the same membership for the territory queries.

A tie's identity (``Tie.key``: kind, direction and ends, an undirected tie's ends in
order) is the unique index ``ties_by_ends`` on ``(source, target, kind, directed)``, which
also serves the lookups by source; no key text is stored (schema 1 stored it, and
``MIGRATE_1_TO_2`` rewrites such a store).
"""

from __future__ import annotations

SCHEMA_VERSION = "2"

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = OFF",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -32768",
)

#: The indexes of the ties. An import of many ties into a store with few drops them and
#: builds them again at the end, in the same transaction (``sqlite._write_ties``).
TIES_BY_ENDS = (
    "CREATE UNIQUE INDEX IF NOT EXISTS ties_by_ends ON ties (source, target, kind, directed)"
)
TIES_BY_TARGET = "CREATE INDEX IF NOT EXISTS ties_by_target ON ties (target)"
DROP_TIES_BY_ENDS = "DROP INDEX IF EXISTS ties_by_ends"
DROP_TIES_BY_TARGET = "DROP INDEX IF EXISTS ties_by_target"

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sector TEXT NOT NULL,
        territories TEXT NOT NULL,
        kind TEXT,
        city TEXT,
        lat REAL,
        lon REAL,
        joined TEXT,
        attributes TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS territories (
        name TEXT PRIMARY KEY
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS actor_territories (
        territory TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        PRIMARY KEY (territory, actor_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS actor_territories_by_actor ON actor_territories (actor_id)",
    """CREATE TABLE IF NOT EXISTS ties (
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        kind TEXT NOT NULL,
        directed INTEGER NOT NULL,
        weight REAL NOT NULL,
        since TEXT,
        until TEXT,
        note TEXT,
        ref TEXT,
        activities TEXT NOT NULL
    )""",
    TIES_BY_ENDS,
    TIES_BY_TARGET,
    """CREATE TABLE IF NOT EXISTS activities (
        id TEXT PRIMARY KEY,
        name TEXT,
        date TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS participations (
        actor_id TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        PRIMARY KEY (actor_id, activity_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS participations_by_activity ON participations (activity_id)",
)

HAS_META = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
INIT_META = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"
SELECT_META = "SELECT value FROM meta WHERE key = ?"
SET_META = "UPDATE meta SET value = ? WHERE key = ?"

#: Schema 1 kept each tie's key text as its primary key: set that table aside (``SCHEMA``
#: then creates the new one), copy its rows over (``COPY_TIES_FROM_1``), drop it.
MIGRATE_1_TO_2 = (
    "DROP INDEX IF EXISTS ties_by_source",
    DROP_TIES_BY_TARGET,
    "ALTER TABLE ties RENAME TO ties_schema_1",
)
COPY_TIES_FROM_1 = (
    """INSERT INTO ties (source, target, kind, directed, weight, since, until, note, ref,
        activities)
    SELECT source, target, kind, directed, weight, since, until, note, ref, activities
    FROM ties_schema_1""",
    "DROP TABLE ties_schema_1",
)
BUMP_DATA_VERSION = (
    "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'data_version'"
)
DATA_VERSION = (
    "SELECT (SELECT value FROM meta WHERE key = 'store_id') || ':' || "
    "(SELECT value FROM meta WHERE key = 'data_version')"
)

# --------------------------------------------------------------------------- writes

COUNT_ACTORS = "SELECT count(*) FROM actors"
COUNT_TIES = "SELECT count(*) FROM ties"
COUNT_ACTIVITIES = "SELECT count(*) FROM activities"

#: The ids (a JSON array) that name no stored actor.
UNKNOWN_ACTORS = (
    "SELECT value FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = value)"
)
UNKNOWN_ACTIVITIES = (
    "SELECT value FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM activities WHERE id = value)"
)

#: Stored territory lists (JSON) of the actors whose ids are in the JSON array.
ACTOR_TERRITORY_LISTS = (
    "SELECT id, territories FROM actors WHERE id IN (SELECT value FROM json_each(?))"
)

#: Absent values come as 0 in the text columns and '' in the number columns (see
#: ``UPSERT_TIE``): neither ever equals a value of the column's type.
UPSERT_ACTOR = """
INSERT INTO actors (id, name, sector, territories, kind, city, lat, lon, joined, attributes)
VALUES (?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, 0), ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, sector = excluded.sector, territories = excluded.territories,
    kind = excluded.kind, city = excluded.city, lat = excluded.lat, lon = excluded.lon,
    joined = excluded.joined, attributes = excluded.attributes
WHERE actors.name IS NOT excluded.name OR actors.sector IS NOT excluded.sector
    OR actors.territories IS NOT excluded.territories OR actors.kind IS NOT excluded.kind
    OR actors.city IS NOT excluded.city OR actors.lat IS NOT excluded.lat
    OR actors.lon IS NOT excluded.lon OR actors.joined IS NOT excluded.joined
    OR actors.attributes IS NOT excluded.attributes
"""

INSERT_TERRITORY = "INSERT INTO territories (name) VALUES (?) ON CONFLICT (name) DO NOTHING"
#: The memberships of the actors of the JSON array, from their stored territory lists (one
#: statement: no Python row per membership). ``WHERE true`` keeps ``ON CONFLICT`` from being
#: read as part of the join.
INSERT_MEMBERSHIPS_OF_ACTORS = """
INSERT INTO actor_territories (territory, actor_id)
SELECT t.value, a.id FROM json_each(?) m JOIN actors a ON a.id = m.value, json_each(a.territories) t
WHERE true
ON CONFLICT DO NOTHING
"""
DELETE_EMPTY_TERRITORIES = """
DELETE FROM territories
WHERE NOT EXISTS (SELECT 1 FROM actor_territories m WHERE m.territory = territories.name)
"""

#: The ends, kind and direction of a tie are its identity: never updated. The optional text
#: columns take 0 for NULL (``NULLIF``): Python's sqlite3 binds ``None`` through its adapter
#: look-up, a third of the cost of a row, and an integer 0 never equals a text.
#: ``UPSERT_TIE`` without the ``ON CONFLICT``: for rows that cannot conflict (``_write_ties``).
INSERT_TIE = """
INSERT INTO ties (source, target, kind, directed, weight, since, until, note, ref, activities)
VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?)
"""

UPSERT_TIE = """
INSERT INTO ties (source, target, kind, directed, weight, since, until, note, ref, activities)
VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?)
ON CONFLICT (source, target, kind, directed) DO UPDATE SET
    weight = excluded.weight, since = excluded.since, until = excluded.until,
    note = excluded.note, ref = excluded.ref, activities = excluded.activities
WHERE ties.weight IS NOT excluded.weight OR ties.since IS NOT excluded.since
    OR ties.until IS NOT excluded.until OR ties.note IS NOT excluded.note
    OR ties.ref IS NOT excluded.ref OR ties.activities IS NOT excluded.activities
"""

UPSERT_ACTIVITY = """
INSERT INTO activities (id, name, date) VALUES (?, ?, ?)
ON CONFLICT (id) DO UPDATE SET name = excluded.name, date = excluded.date
WHERE activities.name IS NOT excluded.name OR activities.date IS NOT excluded.date
"""

INSERT_PARTICIPATION = (
    "INSERT INTO participations (actor_id, activity_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
)

# --------------------------------------------------------------------------- delete a territory

TERRITORY_EXISTS = "SELECT 1 FROM territories WHERE name = ?"
MEMBER_TERRITORY_LISTS = """
SELECT a.id, a.territories FROM actor_territories m JOIN actors a ON a.id = m.actor_id
WHERE m.territory = ?
"""
SET_ACTOR_TERRITORIES = "UPDATE actors SET territories = ? WHERE id = ?"
DELETE_TERRITORY_MEMBERSHIPS = "DELETE FROM actor_territories WHERE territory = ?"
DELETE_TERRITORY = "DELETE FROM territories WHERE name = ?"
DELETE_TIES_OF_ACTORS = """
DELETE FROM ties
WHERE source IN (SELECT value FROM json_each(:ids)) OR target IN (SELECT value FROM json_each(:ids))
"""
DELETE_PARTICIPATIONS_OF_ACTORS = (
    "DELETE FROM participations WHERE actor_id IN (SELECT value FROM json_each(?))"
)
DELETE_MEMBERSHIPS_OF_ACTORS = (
    "DELETE FROM actor_territories WHERE actor_id IN (SELECT value FROM json_each(?))"
)
DELETE_ACTORS = "DELETE FROM actors WHERE id IN (SELECT value FROM json_each(?))"

#: Empties every table but ``meta`` (the tests' fresh store).
WIPE = (
    "DELETE FROM actors",
    "DELETE FROM actor_territories",
    "DELETE FROM territories",
    "DELETE FROM ties",
    "DELETE FROM activities",
    "DELETE FROM participations",
)

# --------------------------------------------------------------------------- reads
# A tie is active on :as_of (NULL: always) when it had started by then and not yet ended; an
# actor is present on :as_of when it had joined by then. The fragments are spelled out in
# each statement so that every statement is one literal.

TERRITORIES = """
SELECT n.name,
    (SELECT count(*) FROM actor_territories m WHERE m.territory = n.name),
    (SELECT count(*) FROM (
        SELECT t.rowid FROM actor_territories m JOIN ties t ON t.source = m.actor_id
        WHERE m.territory = n.name
        UNION
        SELECT t.rowid FROM actor_territories m JOIN ties t ON t.target = m.actor_id
        WHERE m.territory = n.name))
FROM territories n
"""

#: Every member of :territory, joined or not; the last column tells whether it had joined.
TERRITORY_MEMBERS = """
SELECT a.id, a.name, a.sector, a.territories, a.kind, a.city, a.lat, a.lon, a.joined,
    a.attributes, (:as_of IS NULL OR a.joined IS NULL OR a.joined <= :as_of)
FROM actor_territories m JOIN actors a ON a.id = m.actor_id
WHERE m.territory = :territory
"""

#: Every tie active on :as_of that touches a member of :territory.
TERRITORY_TIES = """
SELECT t.source, t.target, t.kind, t.weight, t.since, t.until, t.directed, t.note, t.ref,
    t.activities
FROM ties t
WHERE t.rowid IN (
        SELECT t.rowid FROM actor_territories m JOIN ties t ON t.source = m.actor_id
        WHERE m.territory = :territory
        UNION
        SELECT t.rowid FROM actor_territories m JOIN ties t ON t.target = m.actor_id
        WHERE m.territory = :territory)
    AND (:as_of IS NULL OR ((t.since IS NULL OR t.since <= :as_of)
        AND (t.until IS NULL OR t.until >= :as_of)))
"""

ACTOR_IDS = "SELECT id FROM actors"

ACTOR = """
SELECT a.id, a.name, a.sector, a.territories, a.kind, a.city, a.lat, a.lon, a.joined,
    a.attributes
FROM actors a WHERE a.id = ?
"""

#: The actors of the JSON array :ids that had joined by :as_of.
JOINED_ACTORS = """
SELECT a.id, a.name, a.sector, a.territories, a.kind, a.city, a.lat, a.lon, a.joined,
    a.attributes
FROM actors a
WHERE a.id IN (SELECT value FROM json_each(:ids))
    AND (:as_of IS NULL OR a.joined IS NULL OR a.joined <= :as_of)
"""

#: (here, there) for each tie active on :as_of from an actor of the JSON array :ids to an
#: actor that had joined by :as_of, walked in both directions.
NEIGHBOURS = """
SELECT t.source, t.target FROM ties t JOIN actors a ON a.id = t.target
WHERE t.source IN (SELECT value FROM json_each(:ids))
    AND (:as_of IS NULL OR ((t.since IS NULL OR t.since <= :as_of)
        AND (t.until IS NULL OR t.until >= :as_of)))
    AND (:as_of IS NULL OR a.joined IS NULL OR a.joined <= :as_of)
UNION ALL
SELECT t.target, t.source FROM ties t JOIN actors a ON a.id = t.source
WHERE t.target IN (SELECT value FROM json_each(:ids))
    AND (:as_of IS NULL OR ((t.since IS NULL OR t.since <= :as_of)
        AND (t.until IS NULL OR t.until >= :as_of)))
    AND (:as_of IS NULL OR a.joined IS NULL OR a.joined <= :as_of)
"""

#: The ties active on :as_of with both ends in the JSON array :ids.
TIES_AMONG = """
SELECT t.source, t.target, t.kind, t.weight, t.since, t.until, t.directed, t.note, t.ref,
    t.activities
FROM ties t
WHERE t.source IN (SELECT value FROM json_each(:ids))
    AND t.target IN (SELECT value FROM json_each(:ids))
    AND (:as_of IS NULL OR ((t.since IS NULL OR t.since <= :as_of)
        AND (t.until IS NULL OR t.until >= :as_of)))
"""
