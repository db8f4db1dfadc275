"""What the dashboard says: labels and plain-word explanations of the measures."""

from __future__ import annotations

from types import MappingProxyType

# Measures a node can be sized by: report key -> label.
SIZE_METRICS = MappingProxyType(
    {
        "degree": "Degree (number of partners)",
        "betweenness": "Betweenness (lies on paths between others)",
        "pagerank": "PageRank",
        "eigenvector": "Eigenvector (tied to well-tied actors)",
        "closeness": "Closeness (few steps to everyone)",
        "effective_size": "Effective size (non-redundant partners)",
        "brokerage": "Brokerage (all roles)",
    }
)

METRIC_LABELS = MappingProxyType(
    {
        "degree": "Degree",
        "betweenness": "Betweenness",
        "closeness": "Closeness",
        "eigenvector": "Eigenvector",
        "pagerank": "PageRank",
        "constraint": "Constraint",
        "effective_size": "Effective size",
        "ei_index": "E-I index",
        "community": "Community",
        "brokerage": "Brokerage (all roles)",
    }
)

METRIC_MEANINGS = MappingProxyType(
    {
        "degree": "partners inside the territory",
        "betweenness": "share of the shortest chains between two others that pass through it",
        "closeness": "how few steps it needs, on average, to reach everyone",
        "eigenvector": "how well tied its partners themselves are",
        "pagerank": "importance passed on by its partners",
        "constraint": "how much its partners know each other (low = open, brokering position)",
        "effective_size": "partners that do not know each other (non-redundant contacts)",
        "ei_index": "from -1 (ties only inside its sector) to +1 (ties only with other sectors)",
    }
)

ROLE_LABELS = MappingProxyType(
    {
        "coordinator": "Coordinator",
        "itinerant": "Itinerant broker",
        "gatekeeper": "Gatekeeper",
        "representative": "Representative",
        "liaison": "Liaison",
    }
)

# Gould & Fernandez (1989): A -> broker -> C with A and C not tied; ``{sector}`` is the broker's.
ROLE_MEANINGS = MappingProxyType(
    {
        "coordinator": "links two partners of its own sector ({sector}) who are not tied "
        "to each other: it brokers inside its sector",
        "itinerant": "links two partners who share a sector other than its own: "
        "an outside go-between for that sector",
        "gatekeeper": "lets an actor from another sector reach a partner of its own sector "
        "({sector}): it controls the way in",
        "representative": "carries a partner of its own sector ({sector}) to an actor of "
        "another sector: it speaks for its sector outside",
        "liaison": "links two partners of two different sectors, neither of them its own: "
        "a bridge between worlds that are not its own",
    }
)

NO_ROLE = "No brokerage role: none of its partners depend on it to reach one another."

TIE_KIND_LABELS = MappingProxyType(
    {
        "partnership": "partnership",
        "event": "co-participation in events",
        "funding": "funding",
        "governance": "governance",
        "service": "service",
        "other": "other tie",
    }
)

BROKER_MEASURES = MappingProxyType(
    {
        "betweenness": "Betweenness",
        "brokerage": "Brokerage (all roles)",
        "effective_size": "Effective size",
        "liaison": "Liaison role",
        "gatekeeper": "Gatekeeper role",
        "representative": "Representative role",
        "itinerant": "Itinerant role",
        "coordinator": "Coordinator role",
        "degree": "Degree",
    }
)

DOWNLOAD_FORMATS = MappingProxyType({"csv": "CSV", "xlsx": "Excel", "html": "HTML"})
