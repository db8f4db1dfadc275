"""Every Cypher statement of the Neo4j store, with ``$parameters`` only.

No value is ever formatted into these strings: ``neo4j.py`` sends them as they are, with
the values as parameters. Batches travel as lists of rows (``UNWIND $rows AS row``), each
row a list (smaller than a map on the wire), its fields by position as documented on each
statement. An import's writes name nodes by their internal id (``id(n)``), which the same
transaction read or created: a direct record look-up instead of an index seek, and stable
while the import holds the Meta lock (no other writer deletes nodes meanwhile). Dates
travel as ISO text, made ``DATE`` values by ``date()``.

The graph::

    (:Actor {id, name, sector, territories, kind, city, lat, lon, joined, attributes_json,
             digest})-[:IN]->(:Territory {name})
    (:Actor)-[:TIE {key, kind, weight, since, until, directed, note, ref, activities}]->(:Actor)
    (:Actor)-[:TOOK_PART]->(:Activity {id, name, date})
    (:Meta {id, store_id, data_version, schema})

An undirected tie is stored once, from its smaller end id to its larger one (the order of
its ``key``, ``Tie.key``); a directed one from source to target. An actor's ``digest``
fingerprints the properties that an upsert may change, so that an identical re-import
writes nothing (ties are compared property by property: they are many, and lean).
An actor's ``territories`` keeps the ordered list (what ``Actor.territories`` returns);
the ``IN`` relationships carry the same membership for the territory queries. Dates are
Neo4j ``DATE`` values.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

SCHEMA = (
    "CREATE CONSTRAINT maillage_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT maillage_territory_name IF NOT EXISTS "
    "FOR (t:Territory) REQUIRE t.name IS UNIQUE",
    "CREATE CONSTRAINT maillage_activity_id IF NOT EXISTS FOR (x:Activity) REQUIRE x.id IS UNIQUE",
    "CREATE CONSTRAINT maillage_tie_key IF NOT EXISTS FOR ()-[r:TIE]-() REQUIRE r.key IS UNIQUE",
    "CREATE CONSTRAINT maillage_meta_id IF NOT EXISTS FOR (m:Meta) REQUIRE m.id IS UNIQUE",
)

AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"

SCHEMA_OF_STORE = "MATCH (m:Meta {id: $id}) RETURN m.schema AS schema"

INIT_META = """
MERGE (m:Meta {id: $id})
ON CREATE SET m.data_version = 0, m.store_id = randomUUID(), m.schema = $schema
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
RETURN collect([id, id(a)]) AS nodes
"""

UNKNOWN_ACTIVITIES = """
UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (:Activity {id: id}) }
RETURN id
"""

#: The stored actors among ``$ids``, with what tells whether an import changes them: one
#: list of [id, node, digest, territories].
STORED_ACTORS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN collect([id, id(a), a.digest, a.territories]) AS actors
"""

#: The stored territories among ``$names``: one list of [name, node].
TERRITORY_NODES = """
UNWIND $names AS name
MATCH (t:Territory {name: name})
RETURN collect([name, id(t)]) AS nodes
"""

#: New territories (the writer holds the Meta lock: nobody else creates them meanwhile).
CREATE_TERRITORIES = """
UNWIND $names AS name
CREATE (t:Territory {name: name})
RETURN collect([name, id(t)]) AS nodes
"""

#: New actors from rows [id, name, sector, territories, kind, city, lat, lon, joined,
#: attributes_json, digest]; a null is no property. The writer holds the Meta lock. Returns
#: one list of [id, node].
CREATE_ACTORS = """
UNWIND $rows AS row
CREATE (a:Actor {id: row[0], name: row[1], sector: row[2], territories: row[3], kind: row[4],
    city: row[5], lat: row[6], lon: row[7], joined: date(row[8]), attributes_json: row[9],
    digest: row[10]})
RETURN collect([row[0], id(a)]) AS nodes
"""

#: Replaces the properties of existing actors: rows [node, then as ``CREATE_ACTORS``].
UPDATE_ACTORS = """
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0]
SET a = {id: row[1], name: row[2], sector: row[3], territories: row[4], kind: row[5],
    city: row[6], lat: row[7], lon: row[8], joined: date(row[9]), attributes_json: row[10],
    digest: row[11]}
"""

#: Removes the ``IN`` links of the actor nodes ``$rows``.
UNLINK_TERRITORIES = """
UNWIND $rows AS node
MATCH (a)-[old:IN]->(:Territory)
WHERE id(a) = node
DELETE old
"""

#: ``IN`` links from rows [actor node, territory node].
LINK_TERRITORIES = """
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0]
MATCH (t) WHERE id(t) = row[1]
CREATE (a)-[:IN]->(t)
"""

DELETE_EMPTY_TERRITORIES = """
MATCH (t:Territory)
WHERE NOT EXISTS { MATCH (t)<-[:IN]-(:Actor) }
DETACH DELETE t
"""

#: New ties from rows [key, source node, target node, kind, weight, since, until, note, ref,
#: activities, directed]: ties with an end that this import created (the writer holds the
#: Meta lock, so no other can have made them). A null is no property (``directed`` is sent
#: only when true). Counts them: fewer than the rows means an end vanished.
CREATE_TIES = """
UNWIND $rows AS row
MATCH (s) WHERE id(s) = row[1]
MATCH (t) WHERE id(t) = row[2]
CREATE (s)-[:TIE {key: row[0], kind: row[3], weight: row[4], since: date(row[5]),
    until: date(row[6]), note: row[7], ref: row[8], activities: row[9], directed: row[10]}]->(t)
RETURN count(*) AS created
"""

#: Creates new ties, updates changed ones, leaves identical ones alone; counts them. Rows as
#: ``CREATE_TIES``. ``coalesce(a = b, a IS NULL AND b IS NULL)`` is a null-safe equality.
MERGE_TIES = """
UNWIND $rows AS row
MATCH (s) WHERE id(s) = row[1]
MATCH (t) WHERE id(t) = row[2]
MERGE (s)-[r:TIE {key: row[0]}]->(t)
WITH r, row, r.kind IS NULL AS new, date(row[5]) AS since, date(row[6]) AS until
WHERE new OR NOT (r.weight = row[4]
    AND coalesce(r.since = since, r.since IS NULL AND since IS NULL)
    AND coalesce(r.until = until, r.until IS NULL AND until IS NULL)
    AND coalesce(r.note = row[7], r.note IS NULL AND row[7] IS NULL)
    AND coalesce(r.ref = row[8], r.ref IS NULL AND row[8] IS NULL)
    AND coalesce(r.activities = row[9], r.activities IS NULL AND row[9] IS NULL))
SET r.kind = row[3], r.weight = row[4], r.since = since, r.until = until,
    r.note = row[7], r.ref = row[8], r.activities = row[9], r.directed = row[10]
RETURN count(CASE WHEN new THEN 1 END) AS added, count(CASE WHEN NOT new THEN 1 END) AS updated
"""

STORED_ACTIVITIES = """
UNWIND $ids AS id
MATCH (x:Activity {id: id})
RETURN x.id AS id, x.name AS name, x.date AS date
"""

WRITE_ACTIVITIES = """
UNWIND $rows AS row
MERGE (x:Activity {id: row.id})
SET x.name = row.name, x.date = row.date
"""

ADD_PARTICIPATIONS = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (x:Activity {id: row.activity})
WHERE NOT EXISTS { MATCH (a)-[:TOOK_PART]->(x) }
CREATE (a)-[:TOOK_PART]->(x)
RETURN count(*) AS added
"""

# --------------------------------------------------------------------------- delete a territory

TERRITORY_MEMBER_LISTS = """
MATCH (t:Territory {name: $territory})
OPTIONAL MATCH (a:Actor)-[:IN]->(t)
RETURN a.id AS id, a.territories AS territories
"""

SET_ACTOR_TERRITORIES = """
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.territories = row.territories
"""

DELETE_TERRITORY = "MATCH (t:Territory {name: $territory}) DETACH DELETE t"

DELETE_ACTORS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})
DETACH DELETE a
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
