"""The Python side of the ``NetworkView`` component (props only; drawing is in ``src/``)."""

from __future__ import annotations

from typing import Any

from dash.development.base_component import Component, _explicitize_args


class NetworkView(Component):
    """A network drawn with WebGL (sigma.js), every actor at once.

    Parameters
    ----------
    id : str
        The component id; the page element carries it too.
    payload : dict
        The compact arrays of :func:`maillage.dashboard.network_payload.network_payload`.
    year : int, optional
        Draw the network at 31 December of this year, from the payload's ``timeline``
        (actors joined and ties active then), in the browser; the payload as it is when
        None or without a timeline.
    selected : str, optional
        The selected actor id: it and its partners stand out, the rest fades.
        The component sets it itself on a click (None on a clear), so the
        picture changes at once.
    path : list of str, optional
        Actor ids of a chain, drawn in red.
    visibleSectors : list of str, optional
        Sectors shown (all when None). The clickable legend writes it back.
    visibleKinds : list of str, optional
        Tie kinds shown (all when None); a tie shows when one of its kinds does.
    minWeight : float
        Ties lighter than this are hidden.
    neighbourhood : list of str, optional
        Actor ids that stay lit around the selected actor (its ego network at
        some number of hops); its direct partners when None.
    colouring : {"sector", "community"}
        What the node colour says.
    focus : str, optional
        An actor id to fly to (camera animation). The component resets it to
        None once it has flown, so that the same actor can be found again.
    clickedNode : str, optional
        Written by the component: the actor last clicked (None when cleared).
    n_clicks : int
        Written by the component: clicks on actors so far.
    n_cleared : int
        Written by the component: times the selection was cleared (a click on
        the background or Esc).
    filename : str
        Base name of the PNG and SVG downloads.
    community : int, optional
        The community opened (its number: 1 is the largest), None for the whole territory.
        The legend writes it: a community's entry opens it (community colouring), "whole
        territory" closes it; the server then sends that community's payload (its
        ``opened`` says which), drawn with its own layout and told by sector.
    caption : str
        The line under an exported picture (territory and date), after its legend.
    labels : dict, optional
        The words of the toolbar and legend in the reader's language (``zoomIn``,
        ``zoomOut``, ``fit``, ``png``, ``svg``, ``show`` and ``hide`` with ``{label}``,
        ``community`` with ``{n}``, ``smaller``, ``open`` with ``{label}``, ``whole``,
        ``legend``, ``hideLegend``, ``locale`` for the counts, and ``sectors``:
        sector code -> the legend's name of it); English for any left out, a sector's code
        for a sector left out (``presenters.network.network_labels``).
    className : str, optional
    style : dict, optional
        CSS of the outer element (its height sets the drawing's).
    """

    _children_props: list[str] = []
    _base_nodes = ["children"]
    _namespace = "maillage_network_view"
    _type = "NetworkView"

    @_explicitize_args
    def __init__(
        self,
        id: Any = Component.UNDEFINED,
        payload: Any = Component.UNDEFINED,
        year: Any = Component.UNDEFINED,
        selected: Any = Component.UNDEFINED,
        path: Any = Component.UNDEFINED,
        visibleSectors: Any = Component.UNDEFINED,
        visibleKinds: Any = Component.UNDEFINED,
        minWeight: Any = Component.UNDEFINED,
        neighbourhood: Any = Component.UNDEFINED,
        colouring: Any = Component.UNDEFINED,
        focus: Any = Component.UNDEFINED,
        clickedNode: Any = Component.UNDEFINED,
        n_clicks: Any = Component.UNDEFINED,
        n_cleared: Any = Component.UNDEFINED,
        filename: Any = Component.UNDEFINED,
        community: Any = Component.UNDEFINED,
        caption: Any = Component.UNDEFINED,
        labels: Any = Component.UNDEFINED,
        className: Any = Component.UNDEFINED,
        style: Any = Component.UNDEFINED,
        **kwargs: Any,
    ) -> None:
        self._prop_names = [
            "id",
            "payload",
            "year",
            "selected",
            "path",
            "visibleSectors",
            "visibleKinds",
            "minWeight",
            "neighbourhood",
            "colouring",
            "focus",
            "clickedNode",
            "n_clicks",
            "n_cleared",
            "filename",
            "community",
            "caption",
            "labels",
            "className",
            "style",
        ]
        self._valid_wildcard_attributes: list[str] = []
        self.available_properties = list(self._prop_names)
        self.available_wildcard_properties: list[str] = []
        _explicit_args = kwargs.pop("_explicit_args")
        _locals = locals()
        _locals.update(kwargs)
        args = {k: _locals[k] for k in _explicit_args}
        super().__init__(**args)
