"""Serving the web app: who may sign in (:mod:`.users`), sessions and the guard
(:mod:`.access`), and the assembly of the Dash app behind them (:mod:`.web`).

The one place the command line and a WSGI host go through to serve: it sits
above the dashboard and the application object, and neither imports it.
"""
