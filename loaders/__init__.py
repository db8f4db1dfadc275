"""Readers of every format actors and ties arrive in; they build model objects only.

``load(paths, mapping=..., known_actor_ids=...)`` reads canonical CSV files
(or a folder of them), Excel workbooks, GEXF and GraphML files, and real
exports described by a mapping file (``docs/mapping.md``), and returns a
validated ``Dataset``; with ``keep_valid=True`` invalid rows are set aside
(``LoadResult.rejected``, written by ``write_rejects``) instead of rejecting
the import whole.
``write(network, fmt, path)`` exports a territory so that it imports back
unchanged, and ``demo_dataset()`` builds the fictional demo territories.
Loaders never touch a store.
"""

from .demo import demo_dataset
from .importing import LoadResult, load
from .rejects import RejectedRow, rejects_header, rejects_table, write_rejects
from .writers import FORMATS, write

__all__ = [
    "FORMATS",
    "LoadResult",
    "RejectedRow",
    "demo_dataset",
    "load",
    "rejects_header",
    "rejects_table",
    "write",
    "write_rejects",
]
