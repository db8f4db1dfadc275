"""``NetworkView``: the network renderer, a Dash component over sigma.js and graphology.

The JavaScript lives in ``src/`` and is built with npm into
``maillage_network_view.min.js`` (``scripts/build_network_view.sh``; see
docs/dashboard.md). The built bundle ships in the package and Dash serves it
from ``/_dash-component-suites/maillage.dashboard.network_view/``, as it does
for any component library, listed in ``_js_dist``.
"""

from __future__ import annotations

from dash.development.base_component import ComponentRegistry

from .component import NetworkView

__version__ = "0.1.0"
BUNDLE = "maillage_network_view.min.js"

_js_dist = [{"relative_package_path": BUNDLE, "namespace": __name__}]
_css_dist: list[dict[str, str]] = []

# Dash collects ``_js_dist`` from the top-level module of each component class
# (``maillage``); this package is where the bundle is, so it registers itself.
ComponentRegistry.registry.add(__name__)

__all__ = ["BUNDLE", "NetworkView"]
