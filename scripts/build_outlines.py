"""Rebuild the map's outlines (``reports/outlines/*.geojson``) from France GeoJSON's open data.

The sources are the simplified region and department files of
https://github.com/gregoiredavid/france-geojson (IGN ADMIN EXPRESS COG 2018, Licence
Ouverte / Etalab; see ``reports/outlines/NOTICE.md``). This script reduces them for
shipping as package data:

- only the ``code`` and ``nom`` properties are kept;
- coordinates are rounded to 3 decimals (about 100 m);
- along each ring, a point closer than ``--tolerance`` degrees (0.01 by default, in
  either axis) to the last point kept is dropped; a ring keeps its closing point, and a
  ring left with fewer than 4 points (a tiny island) is dropped;
- the JSON is written compactly, features sorted by code.

Usage, from a clone (or a bare git mirror, read with ``git show``) of france-geojson::

    python scripts/build_outlines.py --source /path/to/france-geojson
    python scripts/build_outlines.py --git /work/.mirror/gregoiredavid+france-geojson/repo

Running it twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "reports" / "outlines"
FILES = {
    "regions.geojson": "regions-version-simplifiee.geojson",
    "departements.geojson": "departements-version-simplifiee.geojson",
}


def reduce_ring(ring: list[list[float]], tolerance: float) -> list[list[float]] | None:
    """``ring`` rounded to 3 decimals, near points dropped; ``None`` when too few remain."""
    points = [[round(x, 3), round(y, 3)] for x, y, *_ in ring]
    kept = [points[0]]
    for point in points[1:-1]:
        last = kept[-1]
        if abs(point[0] - last[0]) >= tolerance or abs(point[1] - last[1]) >= tolerance:
            kept.append(point)
    kept.append(points[-1])
    return kept if len(kept) >= 4 else None


def reduce_polygon(polygon: list, tolerance: float) -> list | None:
    """A polygon's rings reduced; ``None`` when its outer ring vanishes (holes may)."""
    rings = [reduce_ring(ring, tolerance) for ring in polygon]
    if rings[0] is None:
        return None
    return [ring for ring in rings if ring is not None]


def reduce_feature(feature: dict[str, Any], tolerance: float) -> dict[str, Any]:
    """One feature, with its ``code`` and ``nom`` only, as a MultiPolygon."""
    geometry = feature["geometry"]
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    reduced = [p for p in (reduce_polygon(p, tolerance) for p in polygons) if p]
    properties = feature["properties"]
    return {
        "type": "Feature",
        "properties": {"code": properties["code"], "nom": properties["nom"]},
        "geometry": {"type": "MultiPolygon", "coordinates": reduced},
    }


def reduce_collection(collection: dict[str, Any], tolerance: float) -> dict[str, Any]:
    features = [reduce_feature(f, tolerance) for f in collection["features"]]
    features.sort(key=lambda f: f["properties"]["code"])
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--source", type=Path, help="a checkout of france-geojson")
    where.add_argument("--git", type=Path, help="a (bare) git repository of france-geojson")
    parser.add_argument("--tolerance", type=float, default=0.01)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, source in FILES.items():
        if args.git:
            show = ["git", "-C", str(args.git), "show", f"HEAD:{source}"]
            text = subprocess.run(show, check=True, capture_output=True).stdout  # noqa: S603
        else:
            text = (args.source / source).read_bytes()
        reduced = reduce_collection(json.loads(text), args.tolerance)
        payload = json.dumps(reduced, ensure_ascii=False, separators=(",", ":")) + "\n"
        (OUT / name).write_text(payload, encoding="utf-8")
        print(f"{OUT / name}: {len(reduced['features'])} features, {len(payload):,} bytes")


if __name__ == "__main__":
    main()
