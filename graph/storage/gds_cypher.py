"""Every Cypher statement of the Graph Data Science engine, with ``$parameters`` only.

``gds.py`` sends them as they are. A territory on ``$as_of`` (null: always) is read as
``NETWORK`` of ``cypher.py`` reads it: its members are the actors ``IN`` it that had joined
by then, its ties the ones active then between two members (self-ties left out), and the
ties joining two members are folded into one undirected pair whose weight is their sum.
GDS procedures take their configuration as one map parameter (``$config``); the projection's
name is a parameter too.
"""

from __future__ import annotations

#: Whether GDS is installed: its version.
GDS_VERSION = "RETURN gds.version() AS version"

#: Members and linked pairs of the territory.
COUNTS = """
MATCH (t:Territory {name: $territory})
OPTIONAL MATCH (a:Actor)-[:IN]->(t)
WHERE $as_of IS NULL OR a.joined IS NULL OR a.joined <= $as_of
WITH t, collect(a) AS members
CALL (t, members) {
    UNWIND members AS a
    MATCH (a)-[r:TIE]-(b:Actor)-[:IN]->(t)
    WHERE a.id < b.id
        AND ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
            AND (r.until IS NULL OR r.until >= $as_of)))
        AND ($as_of IS NULL OR b.joined IS NULL OR b.joined <= $as_of)
    RETURN count(DISTINCT [a, b]) AS pairs
}
RETURN size(members) AS actors, pairs
"""

#: The territory as an undirected GDS graph named ``$graph``: one relationship per linked
#: pair, with ``weight`` (sum of the ties' weights) and ``length`` (its inverse, for paths).
PROJECT = """
MATCH (t:Territory {name: $territory})
MATCH (a:Actor)-[:IN]->(t)
WHERE $as_of IS NULL OR a.joined IS NULL OR a.joined <= $as_of
OPTIONAL MATCH (a)-[r:TIE]-(b:Actor)-[:IN]->(t)
WHERE a.id < b.id
    AND ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
        AND (r.until IS NULL OR r.until >= $as_of)))
    AND ($as_of IS NULL OR b.joined IS NULL OR b.joined <= $as_of)
WITH a, b, sum(r.weight) AS weight
WITH gds.graph.project($graph, a, b, {
        relationshipProperties: CASE WHEN b IS NULL THEN {weight: 1.0, length: 1.0}
            ELSE {weight: toFloat(weight), length: 1.0 / toFloat(weight)} END
    }, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships
"""

DROP = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName"

#: Algorithms that write their per-node result into the projection (``mutateProperty``).
BETWEENNESS = "CALL gds.betweenness.mutate($graph, $config) YIELD nodePropertiesWritten RETURN 1"
CLOSENESS = "CALL gds.closeness.mutate($graph, $config) YIELD nodePropertiesWritten RETURN 1"
PAGERANK = (
    "CALL gds.pageRank.mutate($graph, $config) YIELD ranIterations, didConverge "
    "RETURN ranIterations, didConverge"
)
EIGENVECTOR = (
    "CALL gds.eigenvector.mutate($graph, $config) YIELD ranIterations, didConverge "
    "RETURN ranIterations, didConverge"
)
LEIDEN = "CALL gds.leiden.mutate($graph, $config) YIELD modularity RETURN modularity"
LOUVAIN = "CALL gds.louvain.mutate($graph, $config) YIELD modularity RETURN modularity"

#: The Euclidean norm of a per-node property of the projection.
PROPERTY_NORM = """
CALL gds.graph.nodeProperty.stream($graph, $property)
YIELD propertyValue
RETURN sqrt(sum(propertyValue * propertyValue)) AS norm
"""

DROP_PROPERTY = (
    "CALL gds.graph.nodeProperties.drop($graph, [$property]) YIELD propertiesRemoved RETURN 1"
)

COMPONENTS = """
CALL gds.wcc.stats($graph, $config) YIELD componentCount, componentDistribution
RETURN componentCount AS components, componentDistribution.max AS largest
"""

CLUSTERING = """
CALL gds.localClusteringCoefficient.stats($graph, $config) YIELD averageClusteringCoefficient
RETURN averageClusteringCoefficient AS average
"""

#: One per-node property of the projection, as two parallel lists (one record: fast to read).
NODE_PROPERTY = """
CALL gds.graph.nodeProperty.stream($graph, $property)
YIELD nodeId, propertyValue
RETURN collect(nodeId) AS nodes, collect(propertyValue) AS values
"""

# --------------------------------------------------------------------------- outside GDS

#: The members, in id order: id, node (internal id, as GDS names nodes), name, sector.
MEMBERS = """
MATCH (:Territory {name: $territory})<-[:IN]-(a:Actor)
WHERE $as_of IS NULL OR a.joined IS NULL OR a.joined <= $as_of
RETURN a.id AS id, id(a) AS node, a.name AS name, a.sector AS sector
ORDER BY id
"""

#: The members linked to one of ``$ids`` (members), as one list.
NEIGHBOUR_IDS = """
MATCH (t:Territory {name: $territory})
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:TIE]-(b:Actor)-[:IN]->(t)
WHERE a <> b
    AND ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
        AND (r.until IS NULL OR r.until >= $as_of)))
    AND ($as_of IS NULL OR b.joined IS NULL OR b.joined <= $as_of)
RETURN collect(DISTINCT b.id) AS ids
"""

#: For each member of ``$ids``: its sector, degree, strength (sum of its pairs' weights) and
#: largest pair weight over the whole territory, and its pairs with the other members of
#: ``$ids`` as [other id, weight, arc to it (0/1), arc from it (0/1)]. An undirected tie is an
#: arc both ways, a directed one from its source.
PAIRS_AMONG = """
MATCH (t:Territory {name: $territory})
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:TIE]-(b:Actor)-[:IN]->(t)
WHERE a <> b
    AND ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
        AND (r.until IS NULL OR r.until >= $as_of)))
    AND ($as_of IS NULL OR b.joined IS NULL OR b.joined <= $as_of)
WITH a, b, sum(r.weight) AS w,
    max(CASE WHEN r.directed AND startNode(r) <> a THEN 0 ELSE 1 END) AS out,
    max(CASE WHEN r.directed AND endNode(r) <> a THEN 0 ELSE 1 END) AS in
WITH a, count(b) AS degree, sum(w) AS strength, max(w) AS largest,
    collect(CASE WHEN b.id IN $ids THEN [b.id, w, out, in] END) AS among
RETURN a.id AS id, degree, strength, largest, among
"""

#: Linked pairs by the sectors of their ends (each pair once, ``low <= high`` as text):
#: how many, their summed weight and summed squared weight.
SECTOR_PAIRS = """
MATCH (t:Territory {name: $territory})
MATCH (a:Actor)-[:IN]->(t)
WHERE $as_of IS NULL OR a.joined IS NULL OR a.joined <= $as_of
MATCH (a)-[r:TIE]-(b:Actor)-[:IN]->(t)
WHERE a.id < b.id
    AND ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
        AND (r.until IS NULL OR r.until >= $as_of)))
    AND ($as_of IS NULL OR b.joined IS NULL OR b.joined <= $as_of)
WITH a, b, sum(r.weight) AS w
WITH CASE WHEN a.sector <= b.sector THEN a.sector ELSE b.sector END AS low,
    CASE WHEN a.sector <= b.sector THEN b.sector ELSE a.sector END AS high, w
RETURN low, high, count(*) AS pairs, sum(w) AS weight, sum(w * w) AS squares
"""

#: Per sector: members, and the sums over members of strength squared minus the sum of their
#: pairs' squared weights (pairs of pairs sharing that member), weighted and not.
SECTOR_MEMBERS = """
MATCH (t:Territory {name: $territory})
MATCH (a:Actor)-[:IN]->(t)
WHERE $as_of IS NULL OR a.joined IS NULL OR a.joined <= $as_of
CALL (a, t) {
    OPTIONAL MATCH (a)-[r:TIE]-(b:Actor)-[:IN]->(t)
    WHERE a <> b
        AND ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
            AND (r.until IS NULL OR r.until >= $as_of)))
        AND ($as_of IS NULL OR b.joined IS NULL OR b.joined <= $as_of)
    WITH b, sum(r.weight) AS w
    RETURN count(b) AS degree, coalesce(sum(w), 0.0) AS strength,
        coalesce(sum(w * w), 0.0) AS squares
}
RETURN a.sector AS sector, count(a) AS actors,
    sum(degree * degree - degree) AS shared, sum(strength * strength - squares) AS shared_weight
"""

#: Ties touching the members (active, other end joined) and those among members, unfolded:
#: a tie between two members is met from both ends.
TIE_COUNTS = """
MATCH (t:Territory {name: $territory})
OPTIONAL MATCH (m:Actor)-[:IN]->(t)
WHERE $as_of IS NULL OR m.joined IS NULL OR m.joined <= $as_of
WITH t, collect(m) AS members
CALL (members) {
    UNWIND members AS m
    MATCH (m)-[r:TIE]-(o:Actor)
    WHERE ($as_of IS NULL OR ((r.since IS NULL OR r.since <= $as_of)
            AND (r.until IS NULL OR r.until >= $as_of)))
        AND ($as_of IS NULL OR o.joined IS NULL OR o.joined <= $as_of)
    WITH r, count(*) AS seen
    RETURN count(r) AS touching, count(CASE WHEN seen = 2 THEN 1 END) AS internal
}
RETURN touching, internal
"""
