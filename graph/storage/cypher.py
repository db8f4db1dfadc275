"""Every Cypher statement of the Neo4j store, with ``$parameters`` only.

No value is ever formatted into these strings: ``neo4j.py`` sends them as they are, with
the values as parameters. Batches travel as lists of rows (``UNWIND $rows AS row``), each
row a list (smaller than a map on the wire), its fields by position as documented on each
statement. An import's writes name nodes and ties by their element id (``elementId(n)``),
which the same transaction read or created: a direct record look-up instead of an index
seek, and stable while the import holds the Meta lock (no other writer deletes nodes
meanwhile). Dates travel as ISO text, made ``DATE`` values by ``date()``.

The graph::

    (:Actor {id, name, sector, territories, kind, city, lat, lon, joined, attributes_json,
             revision})-[:IN]->(:Territory {name})
    (:Actor)-[:TIE {key, kind, weight, since, until, directed, note, ref, activities,
                    revision}]->(:Actor)
    (:Actor)-[:TOOK_PART {revision}]->(:Activity {id, name, date, revision})
    (:Meta {id, store_id, data_version, schema, revisions})
    (:Revision {id, time, user, action, description, files, territories, undoes, undone_by,
                before})

``revision`` on a record is its stamp: the id of the revision that last wrote it (absent
for records older than the history, see ``revisions.py``). A ``:Revision`` keeps its files
and before-image as JSON text. Schema 1 (no history) needs no rewrite: its records are
simply unstamped. Schema 3 adds the ``:Introduction`` constraint (``SCHEMA`` creates it),
schema 4 the ``:SavedView`` one (a view's ``key``: its territory and name, as JSON).

An undirected tie is stored once, from its smaller end id to its larger one (the order of
its ``key``, ``Tie.key``); a directed one from source to target. An import compares the
stored records with the incoming ones in Python (``graph.changes.plan_import``) and writes
only those that change. An actor's ``territories`` keeps the ordered list (what
``Actor.territories`` returns); the ``IN`` relationships carry the same membership for
the territory queries. Dates are Neo4j ``DATE`` values.
"""

from __future__ import annotations

SCHEMA_VERSION = 4

SCHEMA = (
    "CREATE CONSTRAINT maillage_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT maillage_territory_name IF NOT EXISTS "
    "FOR (t:Territory) REQUIRE t.name IS UNIQUE",
    "CREATE CONSTRAINT maillage_activity_id IF NOT EXISTS FOR (x:Activity) REQUIRE x.id IS UNIQUE",
    "CREATE CONSTRAINT maillage_tie_key IF NOT EXISTS FOR ()-[r:TIE]-() REQUIRE r.key IS UNIQUE",
    "CREATE CONSTRAINT maillage_meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE",
    "CREATE CONSTRAINT maillage_revision_id IF NOT EXISTS FOR (r:Revision) REQUIRE r.id IS UNIQUE",
    "CREATE CONSTRAINT maillage_introduction_id IF NOT EXISTS "
    "FOR (i:Introduction) REQUIRE i.id IS UNIQUE",
    "CREATE CONSTRAINT maillage_saved_view_key IF NOT EXISTS "
    "FOR (v:SavedView) REQUIRE v.key IS UNIQUE",
)

AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"

SCHEMA_OF_STORE = "MATCH (m:Meta {id: $id}) RETURN m.schema AS schema"

INIT_META = """
MERGE (m:Meta {id: $id})
ON CREATE SET m.data_version = 0, m.store_id = randomUUID()
SET m.schema = $schema
"""

DATA_VERSION = """
MATCH (m:Meta {id: $id})
RETURN m.store_id + ':' + toString(m.data_version) AS version
"""

#: Setting the version to itself takes the Meta node's write lock: one writer at a time.
LOCK_META = "MATCH (m:Meta {id: $id}) SET m.data_version = m.data_version RETURN m.id AS id"

BUMP_DATA_VERSION = """
MATCH (m:Meta {id: $id})
SET m.data_version = m.data_version + 1
RETURN m.store_id + ':' + toString(m.data_version) AS version
"""

PING = "RETURN 1 AS ok"

# --------------------------------------------------------------------------- writes

#: Each of ``$ids`` with the node of the stored actor of that id (null: unknown), as one
#: list of pairs (one record: the driver reads a record at a time in Python).
ACTOR_NODES = """
UNWIND $ids AS id
OPTIONAL MATCH (a:Actor {id: id})
RETURN collect([id, elementId(a)]) AS nodes
"""

UNKNOWN_ACTIVITIES = """
UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (:Activity {id: id}) }
RETURN id
"""

#: The stored actors among ``$ids``: one list of [node, properties].
STORED_ACTORS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN collect([elementId(a), properties(a)]) AS actors
"""

#: The stored ties whose keys are among ``$keys``: one list of [tie, properties with ends].
STORED_TIES = """
UNWIND $keys AS key
MATCH (s:Actor)-[r:TIE {key: key}]->(t:Actor)
RETURN collect([elementId(r), r {.*, source: s.id, target: t.id}]) AS ties
"""

#: Every tie touching an actor of ``$ids``, as ``STORED_TIES``.
TIES_OF_ACTORS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:TIE]-(:Actor)
WITH DISTINCT r
MATCH (s:Actor)-[r]->(t:Actor)
RETURN collect([elementId(r), r {.*, source: s.id, target: t.id}]) AS ties
"""

STORED_ACTIVITIES = """
UNWIND $ids AS id
MATCH (x:Activity {id: id})
RETURN collect([x.id, x.name, toString(x.date), x.revision]) AS activities
"""

#: The stored participations among ``$pairs`` ([actor, activity]):
#: [actor, activity, attributes as JSON (null for none), stamp].
STORED_PARTICIPATIONS = """
UNWIND $pairs AS pair
MATCH (:Actor {id: pair[0]})-[p:TOOK_PART]->(:Activity {id: pair[1]})
RETURN collect([pair[0], pair[1], p.attributes_json, p.revision]) AS participations
"""

PARTICIPATIONS_OF_ACTORS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[p:TOOK_PART]->(x:Activity)
RETURN collect([a.id, x.id, p.attributes_json, p.revision]) AS participations
"""

#: The stored territories among ``$names``: one list of [name, node].
TERRITORY_NODES = """
UNWIND $names AS name
MATCH (t:Territory {name: name})
RETURN collect([name, elementId(t)]) AS nodes
"""

TERRITORY_NAMES = "MATCH (t:Territory) RETURN t.name AS name"

#: New territories (the writer holds the Meta lock: nobody else creates them meanwhile).
CREATE_TERRITORIES = """
UNWIND $names AS name
CREATE (t:Territory {name: name})
RETURN collect([name, elementId(t)]) AS nodes
"""

#: New actors from rows [id, name, sector, territories, kind, city, lat, lon, joined,
#: attributes_json, stamp]; a null is no property. The writer holds the Meta lock. Returns
#: one list of [id, node].
CREATE_ACTORS = """
UNWIND $rows AS row
CREATE (a:Actor {id: row[0], name: row[1], sector: row[2], territories: row[3], kind: row[4],
    city: row[5], lat: row[6], lon: row[7], joined: date(row[8]), attributes_json: row[9],
    revision: row[10]})
RETURN collect([row[0], elementId(a)]) AS nodes
"""

#: Replaces the properties of existing actors: rows [node, then as ``CREATE_ACTORS``].
UPDATE_ACTORS = """
UNWIND $rows AS row
MATCH (a:Actor) WHERE elementId(a) = row[0]
SET a = {id: row[1], name: row[2], sector: row[3], territories: row[4], kind: row[5],
    city: row[6], lat: row[7], lon: row[8], joined: date(row[9]), attributes_json: row[10],
    revision: row[11]}
"""

#: Removes the ``IN`` links of the actor nodes ``$rows``.
UNLINK_TERRITORIES = """
UNWIND $rows AS node
MATCH (a:Actor)-[old:IN]->(:Territory)
WHERE elementId(a) = node
DELETE old
"""

#: ``IN`` links from rows [actor node, territory node].
LINK_TERRITORIES = """
UNWIND $rows AS row
MATCH (a:Actor) WHERE elementId(a) = row[0]
MATCH (t:Territory) WHERE elementId(t) = row[1]
CREATE (a)-[:IN]->(t)
"""

DELETE_EMPTY_TERRITORIES = """
MATCH (t:Territory)
WHERE NOT EXISTS { MATCH (t)<-[:IN]-(:Actor) }
DETACH DELETE t
"""

#: New ties from rows [key, source node, target node, kind, weight, since, until, note, ref,
#: activities, directed, stamp]: ties that are not stored (the writer holds the Meta lock, so
#: no other can make them meanwhile). A null is no property (``directed`` is sent only when
#: true). Counts them: fewer than the rows means an end vanished.
CREATE_TIES = """
UNWIND $rows AS row
MATCH (s:Actor) WHERE elementId(s) = row[1]
MATCH (t:Actor) WHERE elementId(t) = row[2]
CREATE (s)-[:TIE {key: row[0], kind: row[3], weight: row[4], since: date(row[5]),
    until: date(row[6]), note: row[7], ref: row[8], activities: row[9], directed: row[10],
    revision: row[11]}]->(t)
RETURN count(*) AS created
"""

#: Replaces the values of stored ties: rows [tie, then as ``CREATE_TIES`` from the kind].
UPDATE_TIES = """
UNWIND $rows AS row
MATCH ()-[r:TIE]->() WHERE elementId(r) = row[0]
SET r.weight = row[4], r.since = date(row[5]), r.until = date(row[6]), r.note = row[7],
    r.ref = row[8], r.activities = row[9], r.revision = row[11]
"""

DELETE_TIES = """
UNWIND $rows AS tie
MATCH ()-[r:TIE]->() WHERE elementId(r) = tie
DELETE r
"""

#: Activities from rows [id, name, date, stamp].
WRITE_ACTIVITIES = """
UNWIND $rows AS row
MERGE (x:Activity {id: row[0]})
SET x.name = row[1], x.date = date(row[2]), x.revision = row[3]
"""

DELETE_ACTIVITIES = """
UNWIND $ids AS id
MATCH (x:Activity {id: id})
DETACH DELETE x
"""

#: Participations from rows [actor, activity, attributes as JSON or null, stamp]
#: (set on a stored one).
WRITE_PARTICIPATIONS = """
UNWIND $rows AS row
MATCH (a:Actor {id: row[0]})
MATCH (x:Activity {id: row[1]})
MERGE (a)-[p:TOOK_PART]->(x)
SET p.attributes_json = row[2], p.revision = row[3]
"""

DELETE_PARTICIPATIONS = """
UNWIND $pairs AS pair
MATCH (:Actor {id: pair[0]})-[p:TOOK_PART]->(:Activity {id: pair[1]})
DELETE p
"""

DELETE_ACTORS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})
DETACH DELETE a
"""

#: What a revision stamped (undo removes what it created).
STAMPED_ACTOR_IDS = "MATCH (a:Actor) WHERE a.revision = $revision RETURN a.id AS id"
STAMPED_TIE_KEYS = "MATCH ()-[r:TIE]->() WHERE r.revision = $revision RETURN r.key AS key"
STAMPED_ACTIVITY_IDS = "MATCH (x:Activity) WHERE x.revision = $revision RETURN x.id AS id"
STAMPED_PARTICIPATIONS = """
MATCH (a:Actor)-[p:TOOK_PART]->(x:Activity)
WHERE p.revision = $revision
RETURN a.id AS actor, x.id AS activity
"""

# --------------------------------------------------------------------------- history

#: The next revision id (the writer holds the Meta lock; ``CREATE_REVISION`` takes it).
NEXT_REVISION = "MATCH (m:Meta {id: $id}) RETURN coalesce(m.revisions, 0) + 1 AS revision"

CREATE_REVISION = """
MATCH (m:Meta {id: $id})
SET m.revisions = $revision
CREATE (:Revision {id: $revision, time: $time, user: $user, action: $action,
    description: $description, files: $files, territories: $territories, undoes: $undoes,
    before: $before})
"""

REVISIONS = """
MATCH (r:Revision)
RETURN r.id AS id, r.time AS time, r.user AS user, r.action AS action,
    r.description AS description, r.files AS files, r.territories AS territories,
    r.undoes AS undoes, r.undone_by AS undone_by
ORDER BY r.id
"""

REVISION_BEFORE = "MATCH (r:Revision {id: $revision}) RETURN r.before AS before"

MARK_UNDONE = "MATCH (r:Revision {id: $revision}) SET r.undone_by = $undo"

#: [id, files] of the revisions ``$ids``.
REVISION_FILES = """
UNWIND $ids AS id
MATCH (r:Revision {id: id})
RETURN collect([r.id, r.files]) AS files
"""

# --------------------------------------------------------------------------- delete a territory

TERRITORY_EXISTS = "MATCH (t:Territory {name: $territory}) RETURN t.name AS name"

MEMBERS_OF = """
MATCH (a:Actor)-[:IN]->(:Territory {name: $territory})
RETURN properties(a) AS actor
"""

#: The tests' fresh store: everything goes, in batches (run outside a transaction).
WIPE = """
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
"""

# --------------------------------------------------------------------------- reads
# A tie is active on $as_of (null: always) when it had started by then and not yet ended; an
# actor is present on $as_of when it had joined by then. Each read is a single statement.

TERRITORIES = """
MATCH (t:Territory)
CALL (t) {
    MATCH (a:Actor)-[:IN]->(t)
    RETURN count(a) AS actors
}
CALL (t) {
    MATCH (a:Actor)-[:IN]->(t)
    MATCH (a)-[r:TIE]-(:Actor)
    RETURN count(DISTINCT r) AS ties
}
RETURN t.name AS name, actors, ties
"""

NETWORK = """
MATCH (t:Territory {name: $territory})
OPTIONAL MATCH (m:Actor)-[:IN]->(t)
WHERE $as_of IS NULL OR m.joined IS NULL OR m.joined <= $as_of
WITH t, collect(m) AS members
CALL (t, members) {
    UNWIND members AS m
    MATCH (m)-[r:TIE]-(o:Actor)
    WHERE ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
            AND (r.until IS NULL OR r.until >= $as_of)))
        AND ($as_of IS NULL OR o.joined IS NULL OR o.joined <= $as_of)
    RETURN collect(DISTINCT r) AS ties,
        collect(DISTINCT CASE WHEN NOT EXISTS { MATCH (o)-[:IN]->(t) } THEN o END) AS outside
}
RETURN [m IN members | properties(m)] AS members,
    [r IN ties | r {.*, source: startNode(r).id, target: endNode(r).id}] AS ties,
    [o IN outside | properties(o)] AS outside
"""

ACTOR = "MATCH (a:Actor {id: $id}) RETURN properties(a) AS actor"

ACTOR_IDS = "MATCH (a:Actor) RETURN a.id AS id"

#: The actors of ``$ids`` that had joined by ``$as_of``.
JOINED_ACTORS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE $as_of IS NULL OR a.joined IS NULL OR a.joined <= $as_of
RETURN properties(a) AS actor
"""

#: (here, there) for each tie active on ``$as_of`` from an actor of ``$ids`` to an actor that
#: had joined by then, walked in both directions.
NEIGHBOURS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:TIE]-(b:Actor)
WHERE ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
        AND (r.until IS NULL OR r.until >= $as_of)))
    AND ($as_of IS NULL OR b.joined IS NULL OR b.joined <= $as_of)
RETURN a.id AS here, b.id AS there
"""

#: The ties active on ``$as_of`` with both ends in ``$ids``.
TIES_AMONG = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:TIE]->(b:Actor)
WHERE b.id IN $ids
    AND ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
        AND (r.until IS NULL OR r.until >= $as_of)))
RETURN r {.*, source: a.id, target: b.id} AS tie
"""

#: Shortest chain between two distinct actors, ties walked both ways.
SHORTEST_PATH = """
MATCH (s:Actor {id: $source})
MATCH (t:Actor {id: $target})
MATCH p = shortestPath((s)-[:TIE*]-(t))
RETURN [n IN nodes(p) | n.id] AS ids
"""

#: The same on ``$as_of``: every tie active and every actor joined. The predicates are
#: universal ones on single nodes and ties, which Neo4j applies during the search.
SHORTEST_PATH_AS_OF = """
MATCH (s:Actor {id: $source})
MATCH (t:Actor {id: $target})
MATCH p = shortestPath((s)-[:TIE*]-(t))
WHERE all(r IN relationships(p) WHERE (r.since IS NULL OR r.since <= $as_of)
        AND (r.until IS NULL OR r.until >= $as_of))
    AND all(n IN nodes(p) WHERE n.joined IS NULL OR n.joined <= $as_of)
RETURN [n IN nodes(p) | n.id] AS ids
"""


# ---------------------------------------------------------------------- introductions

#: Count introductions on the Meta node (its write lock makes the ids unique) and create one.
ADD_INTRODUCTION = """
MATCH (m:Meta {id: $meta})
SET m.introductions = coalesce(m.introductions, 0) + 1
WITH m.introductions AS number
CREATE (i:Introduction {id: toString(number), number: number, territory: $territory,
                        steps: $steps, document: $document})
RETURN i.id AS id
"""
SET_INTRODUCTION_DOCUMENT = "MATCH (i:Introduction {id: $id}) SET i.document = $document"
#: Replace an introduction's document if nobody moved it on meanwhile (``steps`` unchanged).
SAVE_INTRODUCTION = """
MATCH (i:Introduction {id: $id})
WHERE i.steps = $steps_before
SET i.steps = $steps, i.document = $document
RETURN i.id AS id
"""
INTRODUCTION = "MATCH (i:Introduction {id: $id}) RETURN i.document AS document"
INTRODUCTIONS = """
MATCH (i:Introduction)
WHERE $territory IS NULL OR i.territory = $territory
RETURN i.document AS document ORDER BY i.number
"""


# ---------------------------------------------------------------------- saved views

#: Keep a view under its key (territory and name); ``replaced``: one of that key was there.
SAVE_VIEW = """
OPTIONAL MATCH (old:SavedView {key: $key})
WITH old IS NOT NULL AS replaced
MERGE (v:SavedView {key: $key})
SET v.territory = $territory, v.name = $name, v.document = $document
RETURN replaced
"""
SAVED_VIEWS = "MATCH (v:SavedView {territory: $territory}) RETURN v.document AS document"
DELETE_VIEW = """
MATCH (v:SavedView {key: $key})
DELETE v
RETURN count(*) AS deleted
"""

# --------------------------------------------------------------------------- activities

#: One activity with its participations ([actor, attributes as JSON or null]) and the ties of
#: kind ``$kind`` between ``$actor`` and its other participants (no row: no such activity).
ACTIVITY_RECORD = """
MATCH (x:Activity {id: $activity})
CALL (x) {
    OPTIONAL MATCH (p:Actor)-[t:TOOK_PART]->(x)
    RETURN collect(CASE WHEN p IS NULL THEN null ELSE [p.id, t.attributes_json] END)
        AS participations
}
CALL (x) {
    OPTIONAL MATCH (:Actor {id: $actor})-[r:TIE {kind: $kind}]-(o:Actor)-[:TOOK_PART]->(x)
    WITH DISTINCT r
    RETURN collect(CASE WHEN r IS NULL THEN null
        ELSE r {.*, source: startNode(r).id, target: endNode(r).id} END) AS ties
}
RETURN x.id AS id, x.name AS name, toString(x.date) AS date, participations, ties
"""

#: The activities with at least one participant who is a member of ``$territory``.
TERRITORY_ACTIVITIES = """
MATCH (:Territory {name: $territory})<-[:IN]-(:Actor)-[:TOOK_PART]->(x:Activity)
RETURN DISTINCT x.id AS id, x.name AS name, toString(x.date) AS date
ORDER BY id
"""
