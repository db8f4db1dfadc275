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

Schema 3 adds the history (``revisions.py``): every actor, tie, activity and participation
row has a ``revision`` column, the stamp of the revision that last wrote it (NULL for rows
older than the history), and the ``revisions`` table keeps each write with the
before-image that undoes it. ``MIGRATE_2_TO_3`` adds the columns to an older store.
Schema 4 adds the ``introductions`` table (``SCHEMA`` creates it in a schema 3 store).
Schema 5 keeps a participation's own attributes (a JSON object, as an actor's), which
``MIGRATE_TO_5`` adds to an older store.
Schema 6 adds the ``saved_views`` table (``SCHEMA`` creates it in an older store).
"""

from __future__ import annotations

SCHEMA_VERSION = "6"

#: Run on every new connection. ``page_size`` comes first: it only takes effect on a file
#: that holds no table yet (before ``journal_mode`` writes the header); a store created
#: with another page size keeps its own. 16 KiB pages make a bulk import's b-trees a
#: quarter as many pages (fewer splits, WAL frames and checkpoint writes).
PRAGMAS = (
    "PRAGMA page_size = 16384",
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
        attributes TEXT NOT NULL,
        revision INTEGER
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
        activities TEXT NOT NULL,
        revision INTEGER
    )""",
    TIES_BY_ENDS,
    TIES_BY_TARGET,
    """CREATE TABLE IF NOT EXISTS activities (
        id TEXT PRIMARY KEY,
        name TEXT,
        date TEXT,
        revision INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS participations (
        actor_id TEXT NOT NULL,
        activity_id TEXT NOT NULL,
        revision INTEGER,
        attributes TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (actor_id, activity_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS participations_by_activity ON participations (activity_id)",
    """CREATE TABLE IF NOT EXISTS revisions (
        id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        description TEXT NOT NULL,
        files TEXT NOT NULL,
        territories TEXT NOT NULL,
        undoes TEXT NOT NULL,
        undone_by INTEGER,
        before TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS introductions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        territory TEXT NOT NULL,
        steps INTEGER NOT NULL,
        document TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS introductions_by_territory ON introductions (territory)",
    """CREATE TABLE IF NOT EXISTS saved_views (
        territory TEXT NOT NULL,
        name TEXT NOT NULL,
        document TEXT NOT NULL,
        PRIMARY KEY (territory, name)
    ) WITHOUT ROWID""",
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
#: Schema 2 had no history: stamp columns for the rows (``SCHEMA`` then adds ``revisions``).
#: A schema 1 store gets its ``ties`` table new from ``SCHEMA``, with the column.
MIGRATE_2_TO_3 = (
    "ALTER TABLE actors ADD COLUMN revision INTEGER",
    "ALTER TABLE activities ADD COLUMN revision INTEGER",
    "ALTER TABLE participations ADD COLUMN revision INTEGER",
)
MIGRATE_TIES_2_TO_3 = "ALTER TABLE ties ADD COLUMN revision INTEGER"
MIGRATE_TO_5 = "ALTER TABLE participations ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}'"

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
ANY_TIE = "SELECT 1 FROM ties LIMIT 1"
ANY_ACTOR = "SELECT 1 FROM actors LIMIT 1"
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
INSERT INTO actors (id, name, sector, territories, kind, city, lat, lon, joined, attributes,
    revision)
VALUES (?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, 0), ?, ?)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, sector = excluded.sector, territories = excluded.territories,
    kind = excluded.kind, city = excluded.city, lat = excluded.lat, lon = excluded.lon,
    joined = excluded.joined, attributes = excluded.attributes, revision = excluded.revision
WHERE actors.name IS NOT excluded.name OR actors.sector IS NOT excluded.sector
    OR actors.territories IS NOT excluded.territories OR actors.kind IS NOT excluded.kind
    OR actors.city IS NOT excluded.city OR actors.lat IS NOT excluded.lat
    OR actors.lon IS NOT excluded.lon OR actors.joined IS NOT excluded.joined
    OR actors.attributes IS NOT excluded.attributes OR actors.revision IS NOT excluded.revision
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
INSERT INTO ties (source, target, kind, directed, weight, since, until, note, ref, activities,
    revision)
VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?)
"""

UPSERT_TIE = """
INSERT INTO ties (source, target, kind, directed, weight, since, until, note, ref, activities,
    revision)
VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?)
ON CONFLICT (source, target, kind, directed) DO UPDATE SET
    weight = excluded.weight, since = excluded.since, until = excluded.until,
    note = excluded.note, ref = excluded.ref, activities = excluded.activities,
    revision = excluded.revision
WHERE ties.weight IS NOT excluded.weight OR ties.since IS NOT excluded.since
    OR ties.until IS NOT excluded.until OR ties.note IS NOT excluded.note
    OR ties.ref IS NOT excluded.ref OR ties.activities IS NOT excluded.activities
    OR ties.revision IS NOT excluded.revision
"""

UPSERT_ACTIVITY = """
INSERT INTO activities (id, name, date, revision) VALUES (?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET name = excluded.name, date = excluded.date,
    revision = excluded.revision
WHERE activities.name IS NOT excluded.name OR activities.date IS NOT excluded.date
    OR activities.revision IS NOT excluded.revision
"""

INSERT_PARTICIPATION = """
INSERT INTO participations (actor_id, activity_id, attributes, revision) VALUES (?, ?, ?, ?)
ON CONFLICT DO UPDATE SET attributes = excluded.attributes, revision = excluded.revision
WHERE participations.revision IS NOT excluded.revision
    OR participations.attributes IS NOT excluded.attributes
"""

# --------------------------------------------------------------------------- history
# Lists of ids travel as a JSON array; a tie's identity as [kind, directed, source, target],
# a participation's as [actor, activity].

#: Stored rows (with their stamp) of the actors of the JSON array.
ACTORS_BY_IDS = """
SELECT a.id, a.name, a.sector, a.territories, a.kind, a.city, a.lat, a.lon, a.joined,
    a.attributes, a.revision
FROM json_each(?) j JOIN actors a ON a.id = j.value
"""

#: Stored rows (with their stamp) of the ties whose identities are in the JSON array.
TIES_BY_IDS = """
SELECT t.source, t.target, t.kind, t.weight, t.since, t.until, t.directed, t.note, t.ref,
    t.activities, t.revision
FROM json_each(?) j JOIN ties t
    ON t.kind = j.value ->> 0 AND t.directed = j.value ->> 1 AND t.source = j.value ->> 2
    AND t.target = j.value ->> 3
"""

#: Every tie (with its stamp) touching an actor of the JSON array :ids.
TIES_OF_ACTORS = """
SELECT t.source, t.target, t.kind, t.weight, t.since, t.until, t.directed, t.note, t.ref,
    t.activities, t.revision
FROM ties t
WHERE t.source IN (SELECT value FROM json_each(:ids))
    OR t.target IN (SELECT value FROM json_each(:ids))
"""

ACTIVITIES_BY_IDS = """
SELECT x.id, x.name, x.date, x.revision FROM json_each(?) j JOIN activities x ON x.id = j.value
"""

PARTICIPATIONS_BY_PAIRS = """
SELECT p.actor_id, p.activity_id, p.attributes, p.revision
FROM json_each(?) j JOIN participations p
    ON p.actor_id = j.value ->> 0 AND p.activity_id = j.value ->> 1
"""

PARTICIPATIONS_OF_ACTORS = """
SELECT p.actor_id, p.activity_id, p.attributes, p.revision FROM participations p
WHERE p.actor_id IN (SELECT value FROM json_each(?))
"""

DELETE_TIES_BY_IDS = """
DELETE FROM ties WHERE rowid IN (
    SELECT t.rowid FROM json_each(?) j JOIN ties t
        ON t.kind = j.value ->> 0 AND t.directed = j.value ->> 1 AND t.source = j.value ->> 2
        AND t.target = j.value ->> 3)
"""
DELETE_ACTIVITIES_BY_IDS = "DELETE FROM activities WHERE id IN (SELECT value FROM json_each(?))"
DELETE_PARTICIPATIONS_BY_PAIRS = """
DELETE FROM participations WHERE (actor_id, activity_id) IN (
    SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?) j)
"""

#: The rows a revision stamped (undo removes those it created).
STAMPED_ACTOR_IDS = "SELECT id FROM actors WHERE revision = ?"
STAMPED_TIES = """
SELECT t.source, t.target, t.kind, t.weight, t.since, t.until, t.directed, t.note, t.ref,
    t.activities, t.revision
FROM ties t WHERE t.revision = ?
"""
STAMPED_ACTIVITY_IDS = "SELECT id FROM activities WHERE revision = ?"
STAMPED_PARTICIPATIONS = (
    "SELECT actor_id, activity_id, revision FROM participations WHERE revision = ?"
)

TERRITORY_NAMES = "SELECT name FROM territories"

INSERT_REVISION = """
INSERT INTO revisions (time, user, action, description, files, territories, undoes, before)
VALUES (?, ?, ?, '', ?, '[]', ?, '')
"""
FINISH_REVISION = "UPDATE revisions SET description = ?, territories = ?, before = ? WHERE id = ?"
REVISIONS = """
SELECT id, time, user, action, description, files, territories, undoes, undone_by
FROM revisions ORDER BY id
"""
DELETE_REVISION = "DELETE FROM revisions WHERE id = ?"
REVISION_BEFORE = "SELECT before FROM revisions WHERE id = ?"
MARK_UNDONE = "UPDATE revisions SET undone_by = ? WHERE id = ?"
#: The files of the revisions of the JSON array of ids.
REVISION_FILES = """
SELECT r.id, r.files FROM json_each(?) j JOIN revisions r ON r.id = j.value
"""

# --------------------------------------------------------------------------- delete a territory

TERRITORY_EXISTS = "SELECT 1 FROM territories WHERE name = ?"
MEMBER_TERRITORY_LISTS = """
SELECT a.id, a.territories FROM actor_territories m JOIN actors a ON a.id = m.actor_id
WHERE m.territory = ?
"""
MEMBERS_OF = """
SELECT a.id, a.name, a.sector, a.territories, a.kind, a.city, a.lat, a.lon, a.joined,
    a.attributes
FROM actor_territories m JOIN actors a ON a.id = m.actor_id
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
    "DELETE FROM revisions",
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


ACTIVITY = "SELECT x.id, x.name, x.date FROM activities x WHERE x.id = ?"

#: The participations in one activity: [actor, activity, attributes, stamp].
PARTICIPATIONS_IN = """
SELECT p.actor_id, p.activity_id, p.attributes, p.revision FROM participations p
WHERE p.activity_id = ?
"""

#: The ties of kind :kind between :actor and the other participants of :activity.
TIES_WITH_PARTICIPANTS = """
SELECT t.source, t.target, t.kind, t.weight, t.since, t.until, t.directed, t.note, t.ref,
    t.activities
FROM ties t
WHERE t.kind = :kind
    AND ((t.source = :actor AND t.target IN (
            SELECT p.actor_id FROM participations p WHERE p.activity_id = :activity))
        OR (t.target = :actor AND t.source IN (
            SELECT p.actor_id FROM participations p WHERE p.activity_id = :activity)))
"""

#: The activities with at least one participant who is a member of the territory.
TERRITORY_ACTIVITIES = """
SELECT DISTINCT x.id, x.name, x.date
FROM actor_territories m
    JOIN participations p ON p.actor_id = m.actor_id
    JOIN activities x ON x.id = p.activity_id
WHERE m.territory = ?
ORDER BY x.id
"""


# ---------------------------------------------------------------------- introductions

#: A new introduction's row; its id is the row id SQLite assigns.
ADD_INTRODUCTION = "INSERT INTO introductions (territory, steps, document) VALUES (?, ?, ?)"
#: The document with its id filled in, right after ``ADD_INTRODUCTION``.
SET_INTRODUCTION_DOCUMENT = "UPDATE introductions SET document = ? WHERE id = ?"
#: Replace an introduction's document if nobody moved it on meanwhile (``steps`` unchanged).
SAVE_INTRODUCTION = "UPDATE introductions SET steps = ?, document = ? WHERE id = ? AND steps = ?"
INTRODUCTION = "SELECT document FROM introductions WHERE id = ?"
INTRODUCTIONS = "SELECT document FROM introductions ORDER BY id"
INTRODUCTIONS_OF = "SELECT document FROM introductions WHERE territory = ? ORDER BY id"

# ---------------------------------------------------------------------- saved views

SAVED_VIEW_EXISTS = "SELECT 1 FROM saved_views WHERE territory = ? AND name = ?"
SAVE_VIEW = """INSERT INTO saved_views (territory, name, document) VALUES (?, ?, ?)
ON CONFLICT (territory, name) DO UPDATE SET document = excluded.document"""
SAVED_VIEWS = "SELECT document FROM saved_views WHERE territory = ?"
DELETE_VIEW = "DELETE FROM saved_views WHERE territory = ? AND name = ?"

#: The file's structure, checked before an import writes (the first three problems suffice).
QUICK_CHECK = "PRAGMA quick_check(3)"
