"""The Dash web app: wiring and presentation only, logic lives in presenters."""

from .app import create_app

__all__ = ["create_app"]
