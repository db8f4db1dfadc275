"""The ``gds`` engine: graph-wide measures computed inside Neo4j by its Graph Data Science library.

The graph never leaves the database. For one territory (on one date) :class:`GdsTerritory`
projects an undirected GDS graph (a Cypher projection with ``$parameters``: members, and one
relationship per linked pair carrying the summed ``weight`` and its inverse ``length``), runs
betweenness, closeness, PageRank, eigenvector, Leiden and Louvain there, writes their results
into the projection and reads back one list per measure: per-actor values only. The
projection is dropped when the work is done, on error too, and no algorithm logs progress.

The neighbourhood measures (Burt's, brokerage, E-I per actor) come from
:meth:`GdsTerritory.neighbourhoods`: members a batch at a time with their neighbours, the
pairs among those and each neighbour's strength, never the whole graph at once. The
analytics (``graph/analytics/streamed.py``) turn what this module returns into the report;
this module only speaks Cypher, numpy arrays and plain values. Every statement is in
``gds_cypher.py``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from neo4j import exceptions as neo4j_errors

from ..errors import MaillageError, NotFound
from ..problem_text import NO_TERRITORY, render
from ..store_text import GDS_LOST, GDS_MISSING, GDS_NOT_NEO4J
from . import gds_cypher
from .base import GraphStore

__all__ = ["EngineUnavailable", "GdsTerritory", "gds_territory", "gds_version"]

log = logging.getLogger(__name__)

#: Members per neighbourhood batch.
BATCH_SIZE = 2000
#: Community edition runs GDS on at most 4 threads.
CONCURRENCY = 4
ITERATIONS = 1000
TOLERANCE = 1e-10
#: Smallest modularity gain that keeps Louvain going (GDS's default: 1e-4).
COMMUNITY_TOLERANCE = 1e-7


class EngineUnavailable(MaillageError):
    """The engine asked for cannot run on this store; the message names the remedy."""


def gds_version(store: GraphStore) -> str:
    """The GDS version of ``store``'s Neo4j server.

    Raises
    ------
    EngineUnavailable
        If ``store`` is not a Neo4j store, or its server has no GDS.
    """
    driver, database, url = _connection(store)
    try:
        with driver.session(database=database) as session:
            return str(session.run(gds_cypher.GDS_VERSION).single()["version"])
    except neo4j_errors.ClientError as error:
        if "gds.version" in str(error.message) or "Unknown function" in str(error.message):
            raise EngineUnavailable(render(GDS_MISSING, url=url)) from None
        raise


def _connection(store: GraphStore) -> tuple[Any, str, str]:
    """The driver, database and URL of a Neo4j store (``EngineUnavailable`` for any other)."""
    driver = getattr(store, "_driver", None)
    if driver is None or not hasattr(store, "database"):
        raise EngineUnavailable(render(GDS_NOT_NEO4J, store=type(store).__name__))
    return driver, store.database, getattr(store, "url", "?")


def gds_territory(store: GraphStore, territory: str, *, as_of: date | None = None) -> GdsTerritory:
    """The GDS engine on ``territory`` of ``store`` (a Neo4j store with GDS).

    Raises
    ------
    EngineUnavailable
        If the store is not Neo4j, or has no GDS.
    NotFound
        If there is no such territory.
    """
    version = gds_version(store)
    driver, database, url = _connection(store)
    engine = GdsTerritory(driver, database, url, territory, as_of, version)
    engine.counts()  # NotFound now rather than half-way
    return engine


@dataclass
class GdsTerritory:
    """One territory (on one date) in a Neo4j server with GDS; see the module's docstring."""

    driver: Any
    database: str
    url: str
    territory: str
    as_of: date | None
    version: str
    batch_size: int = BATCH_SIZE

    @property
    def engine(self) -> str:
        """What computes, for the report's ``method``."""
        return f"Neo4j Graph Data Science {self.version}"

    def _run(self, statement: str, **parameters: Any) -> list[Any]:
        """Run a statement in an auto-commit transaction; return its records."""
        parameters = {"territory": self.territory, "as_of": self.as_of, **parameters}
        try:
            # GDS's own deprecation notices (and id(), which GDS names nodes by) are not news.
            with self.driver.session(
                database=self.database, notifications_min_severity="OFF"
            ) as session:
                return list(session.run(statement, parameters))
        except (
            neo4j_errors.ServiceUnavailable,
            neo4j_errors.SessionExpired,
            neo4j_errors.DatabaseUnavailable,
            neo4j_errors.TransientError,
        ) as error:
            reason = " ".join(str(getattr(error, "message", None) or error).split())
            raise MaillageError(render(GDS_LOST, url=self.url, reason=reason)) from None

    def counts(self) -> tuple[int, int]:
        """Members and linked pairs."""
        records = self._run(gds_cypher.COUNTS)
        if not records:
            raise NotFound(render(NO_TERRITORY, territory=repr(self.territory)))
        return int(records[0]["actors"]), int(records[0]["pairs"])

    def members(self) -> list[tuple[str, int, str, str]]:
        """(id, node, name, sector) of every member, by id."""
        return [tuple(r.values()) for r in self._run(gds_cypher.MEMBERS)]

    def tie_counts(self) -> tuple[int, int]:
        """Ties touching the members, and ties among members (parallel ties each counted)."""
        record = self._run(gds_cypher.TIE_COUNTS)[0]
        return int(record["touching"]), int(record["internal"])

    @contextmanager
    def _projection(self) -> Iterator[str]:
        """A fresh projection of the territory, dropped afterwards whatever happens."""
        name = f"maillage-{uuid.uuid4().hex}"
        try:
            self._run(gds_cypher.PROJECT, graph=name)
            yield name
        finally:
            try:
                self._run(gds_cypher.DROP, graph=name)
            except Exception:  # noqa: BLE001 - never hide the error that got us here
                log.warning("could not drop the GDS projection %s", name, exc_info=True)

    def graph_measures(
        self, *, weighted: bool, seed: int, pivots: int | None, nodes: list[int], runs: int = 1
    ) -> dict[str, Any]:
        """Betweenness, closeness, PageRank, eigenvector and communities of every member.

        Parameters
        ----------
        weighted : bool
            Paths on ``1 / weight`` (betweenness), weights for PageRank, eigenvector and
            communities. GDS's closeness has no weights: it is unweighted either way.
        seed : int
            Seed of the sampled sources and of Leiden.
        pivots : int or None
            Sampled source nodes of betweenness; None for the exact value.
        nodes : list of int
            The members' nodes (:meth:`members`): the order of the returned arrays.
        runs : int
            Seeded Leiden runs (seeds ``seed``, ``seed + 1``, ...); the best partition of
            those and of a Louvain run wins.

        Returns
        -------
        dict
            ``betweenness`` (GDS's raw sums, each pair once; sampled: not rescaled),
            ``closeness`` (Wasserman-Faust), ``pagerank`` and ``eigenvector`` (GDS's scales),
            ``community`` (labels) and ``community_method``, ``modularity``, ``components``,
            ``largest_component``, ``average_clustering``, ``pagerank_iterations``,
            ``eigenvector_iterations``, ``eigenvector_converged``.
        """
        weight = {"relationshipWeightProperty": "weight"} if weighted else {}
        quiet = {"logProgress": False, "concurrency": CONCURRENCY}
        with self._projection() as graph:
            sampled = {"samplingSize": pivots, "samplingSeed": seed} if pivots else {}
            length = {"relationshipWeightProperty": "length"} if weighted else {}
            self._run(
                gds_cypher.BETWEENNESS,
                graph=graph,
                config={**quiet, **sampled, **length, "mutateProperty": "betweenness"},
            )
            self._run(
                gds_cypher.CLOSENESS,
                graph=graph,
                config={**quiet, "useWassermanFaust": True, "mutateProperty": "closeness"},
            )
            iterate = {"maxIterations": ITERATIONS, "tolerance": TOLERANCE}
            pagerank = self._run(
                gds_cypher.PAGERANK,
                graph=graph,
                config={
                    **quiet,
                    **iterate,
                    **weight,
                    "dampingFactor": 0.85,
                    "mutateProperty": "pagerank",
                },
            )[0]
            eigenvector = self._eigenvector(graph, {**quiet, **weight})
            communities, method, modularity = self._communities(graph, weight, seed, runs)
            components = self._run(gds_cypher.COMPONENTS, graph=graph, config=quiet)[0]
            clustering = self._run(gds_cypher.CLUSTERING, graph=graph, config=quiet)[0]
            position = {node: i for i, node in enumerate(nodes)}
            values = {
                key: self._property(graph, key, position)
                for key in ("betweenness", "closeness", "pagerank", "eigenvector")
            }
            values["community"] = self._property(graph, communities, position).astype(np.int64)
        return {
            **values,
            "community_method": method,
            "modularity": modularity,
            "components": int(components["components"]),
            "largest_component": int(components["largest"] or 0),
            "average_clustering": float(clustering["average"]),
            "pagerank_iterations": int(pagerank["ranIterations"]),
            "eigenvector_iterations": int(eigenvector["ranIterations"]),
            "eigenvector_converged": bool(eigenvector["didConverge"]),
        }

    def _eigenvector(self, graph: str, config: dict[str, Any]) -> dict[str, Any]:
        """Eigenvector centrality into ``eigenvector``; its iterations and convergence.

        GDS 2.13's power iteration collapses to zeros after a few hundred iterations on
        slowly converging graphs: then it runs again, stopping a few iterations earlier.
        """
        limit = ITERATIONS
        while True:
            record = self._run(
                gds_cypher.EIGENVECTOR,
                graph=graph,
                config={
                    **config,
                    "maxIterations": limit,
                    "tolerance": TOLERANCE,
                    "mutateProperty": "eigenvector",
                },
            )[0]
            found = self._run(gds_cypher.PROPERTY_NORM, graph=graph, property="eigenvector")[0]
            ran = int(record["ranIterations"])
            if found["norm"] > 0 or ran <= 10:
                return {"ranIterations": ran, "didConverge": bool(record["didConverge"])}
            limit = max(10, ran - 10)
            self._run(gds_cypher.DROP_PROPERTY, graph=graph, property="eigenvector")

    def _communities(
        self, graph: str, weight: dict[str, str], seed: int, runs: int
    ) -> tuple[str, str, float]:
        """Best of ``runs`` seeded Leiden runs and a Louvain run: its property, name, modularity."""
        single = {"logProgress": False, "concurrency": 1, **weight}
        best = ("", "", -1.0)
        for run in range(runs):
            name = f"leiden{run}"
            modularity = self._run(
                gds_cypher.LEIDEN,
                graph=graph,
                config={**single, "randomSeed": seed + run, "mutateProperty": name},
            )[0]["modularity"]
            if modularity > best[2]:
                best = (name, f"Leiden (GDS), best of {runs} seeded runs", float(modularity))
        louvain = self._run(
            gds_cypher.LOUVAIN,
            graph=graph,
            config={
                **single,
                "tolerance": COMMUNITY_TOLERANCE,
                "maxLevels": 20,
                "mutateProperty": "louvain",
            },
        )[0]["modularity"]
        if louvain > best[2]:
            best = ("louvain", "Louvain (GDS)", float(louvain))
        return best

    def _property(self, graph: str, name: str, position: dict[int, int]) -> np.ndarray:
        record = self._run(gds_cypher.NODE_PROPERTY, graph=graph, property=name)[0]
        values = np.zeros(len(position), dtype=np.float64)
        where = np.fromiter((position[node] for node in record["nodes"]), dtype=np.int64)
        values[where] = np.asarray(record["values"], dtype=np.float64)
        return values

    def sector_pairs(self) -> list[tuple[str, str, int, float, float]]:
        """(sector, sector, linked pairs, summed weight, summed squared weight) per sector pair."""
        return [
            (r["low"], r["high"], int(r["pairs"]), float(r["weight"]), float(r["squares"]))
            for r in self._run(gds_cypher.SECTOR_PAIRS)
        ]

    def sector_members(self) -> dict[str, tuple[int, int, float]]:
        """Sector to (members, ordered pairs of pairs sharing a member, the same weighted)."""
        return {
            r["sector"]: (int(r["actors"]), int(r["shared"]), float(r["shared_weight"]))
            for r in self._run(gds_cypher.SECTOR_MEMBERS)
        }

    def neighbourhoods(self, egos: list[str], sectors: dict[str, str]) -> Iterator[dict[str, Any]]:
        """The neighbourhoods of ``egos`` (member ids), ``batch_size`` egos at a time.

        Each batch is a dict: ``nodes`` (the batch's egos first, then their neighbours),
        ``egos`` (how many), ``sectors`` (of ``nodes``), ``source`` and ``target`` (positions
        in ``nodes`` of each linked pair among them, once), ``weight`` (summed weights),
        ``forward`` and ``backward`` (whether an arc runs source to target, target to source),
        and per node over the whole territory ``degree``, ``strength`` and ``largest`` (pair
        weight). ``sectors`` maps member ids to sectors.
        """
        for first in range(0, len(egos), self.batch_size):
            batch = egos[first : first + self.batch_size]
            ids = self._run(gds_cypher.NEIGHBOUR_IDS, ids=batch)[0]["ids"]
            inside = set(batch)
            nodes = batch + sorted(i for i in ids if i not in inside)
            yield self._batch(nodes, len(batch), sectors)

    def _batch(self, nodes: list[str], egos: int, sectors: dict[str, str]) -> dict[str, Any]:
        index = {node: i for i, node in enumerate(nodes)}
        n = len(nodes)
        degree = np.zeros(n, dtype=np.int64)
        strength = np.zeros(n)
        largest = np.zeros(n)
        source: list[int] = []
        target: list[int] = []
        weight: list[float] = []
        forward: list[int] = []
        backward: list[int] = []
        for record in self._run(gds_cypher.PAIRS_AMONG, ids=nodes):
            here = index[record["id"]]
            degree[here] = record["degree"]
            strength[here] = record["strength"]
            largest[here] = record["largest"]
            for other, w, out, into in record["among"]:
                there = index[other]
                if here < there:
                    source.append(here)
                    target.append(there)
                    weight.append(w)
                    forward.append(out)
                    backward.append(into)
        return {
            "nodes": nodes,
            "egos": egos,
            "sectors": [sectors[node] for node in nodes],
            "source": np.asarray(source, dtype=np.int64),
            "target": np.asarray(target, dtype=np.int64),
            "weight": np.asarray(weight, dtype=np.float64),
            "forward": np.asarray(forward, dtype=bool),
            "backward": np.asarray(backward, dtype=bool),
            "degree": degree,
            "strength": strength,
            "largest": largest,
        }
