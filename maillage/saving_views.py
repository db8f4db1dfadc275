"""Saved views: the part of ``Maillage`` that keeps named Explore views of a territory.

A mixin of :class:`maillage.app.Maillage`; it uses the instance's ``store`` and
``resolve_territory``. Saved views are not data: they change no data version.
"""

from __future__ import annotations

import dataclasses

from .graph.saved_views import SavedView, view_name


class SavingViews:
    """Named views per territory: list, save (replacing one of the same name), delete."""

    def saved_views(self, territory: str) -> list[SavedView]:
        """The views saved for ``territory`` (as people type it), by name."""
        return self.store.saved_views(self.resolve_territory(territory))  # type: ignore[attr-defined]

    def save_view(self, view: SavedView) -> bool:
        """Keep ``view`` under its name, trimmed (``InvalidViewName``: empty or too long).

        Returns True when it replaced the view of that name.
        """
        territory = self.resolve_territory(view.territory)  # type: ignore[attr-defined]
        named = dataclasses.replace(view, territory=territory, name=view_name(view.name))
        return self.store.save_view(named)  # type: ignore[attr-defined]

    def delete_view(self, territory: str, name: str) -> bool:
        """Forget the view ``name`` of ``territory``; False if there was none."""
        found = self.resolve_territory(territory)  # type: ignore[attr-defined]
        return self.store.delete_view(found, name.strip())  # type: ignore[attr-defined]
