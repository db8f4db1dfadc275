"""Plain functions that turn Maillage data into what the dashboard shows.

Every piece of logic of the app lives here, so that it is tested without a
browser: one module per page (:mod:`.explore` with its network drawing in
:mod:`.network`, :mod:`.brokers`, :mod:`.gaps`, :mod:`.compare`), plus the
shared :mod:`.formatting` and :mod:`.guard`. Two tiers in each page module:

- pure presenters take plain data (report dicts, NetworkX graphs, layout
  positions) and return Cytoscape elements, stylesheets, Plotly figures,
  table rows or Dash components;
- ``*_view`` functions take a :class:`~maillage.dashboard.sources.Source`
  (the ``Maillage`` object), fetch what they need from its cache, call the
  pure presenters, and turn any failure into an error panel instead of a
  blank page (:func:`.guard.guarded`). Callbacks call only these.
"""
