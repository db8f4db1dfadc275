"""Driving a NetworkView in Chromium: its test hook and the real mouse.

The component's page element carries its renderer as ``__networkView``
(``renderer``: the sigma instance; ``selected``, ``hovered``, ``flights``...):
tests read what is drawn from it and click with the real mouse where sigma
draws a node.
"""

from __future__ import annotations

from typing import Any

from dash.testing.wait import until
from selenium.webdriver.common.actions.action_builder import ActionBuilder

FADED = "#e4e7eb"
PATH_COLOUR = "#c0392b"


def hook(element_id: str) -> str:
    return f"(document.getElementById({element_id!r}) || {{}}).__networkView"


def view(dash_duo: Any, script: str, element_id: str = "network") -> Any:
    """Run ``script`` with ``v`` bound to the renderer (null when not on the page yet)."""
    return dash_duo.driver.execute_script(
        f"var v = {hook(element_id)}; if (!v) return null; {script}"
    )


def drawn_nodes(dash_duo: Any, element_id: str = "network") -> int:
    """Actors drawn (in the graph and not hidden by a filter)."""
    script = (
        "var r = v.renderer; return r.getGraph().filterNodes(function (n) {"
        " var d = r.getNodeDisplayData(n); return d && !d.hidden; }).length;"
    )
    return view(dash_duo, script, element_id) or 0


def wait_drawn(dash_duo: Any, element_id: str = "network", timeout: float = 60) -> int:
    until(lambda: drawn_nodes(dash_duo, element_id) > 0, timeout=timeout, msg="nothing drawn")
    return drawn_nodes(dash_duo, element_id)


def positions(dash_duo: Any, element_id: str = "network") -> dict[str, tuple[float, float]]:
    """Graph coordinates of every actor in the drawing, by actor id."""
    found = view(
        dash_duo,
        "return v.renderer.getGraph().mapNodes(function (n, a) { return [n, a.x, a.y]; });",
        element_id,
    )
    return {actor: (x, y) for actor, x, y in found or []}


def display(dash_duo: Any, node: str, element_id: str = "network") -> dict[str, Any]:
    """Sigma's display data of ``node`` (colour, size, hidden...) as drawn now."""
    return view(dash_duo, f"return v.renderer.getNodeDisplayData({node!r});", element_id)


def node_point(dash_duo: Any, node: str, element_id: str = "network") -> tuple[float, float]:
    """Where sigma draws ``node``, in the browser window's coordinates."""
    x, y = view(
        dash_duo,
        f"var d = v.renderer.getNodeDisplayData({node!r});"
        "var p = v.renderer.framedGraphToViewport(d);"
        "var r = v.container.getBoundingClientRect(); return [r.left + p.x, r.top + p.y];",
        element_id,
    )
    return x, y


def stage_point(
    dash_duo: Any, dx: float, dy: float, element_id: str = "network"
) -> tuple[float, float]:
    """A point ``dx, dy`` pixels from the drawing's top-left corner."""
    left, top = view(
        dash_duo, "var r = v.container.getBoundingClientRect(); return [r.left, r.top];", element_id
    )
    return left + dx, top + dy


def pointer(dash_duo: Any) -> tuple[ActionBuilder, Any]:
    actions = ActionBuilder(dash_duo.driver)
    return actions, actions.pointer_action


def click_at(dash_duo: Any, point: tuple[float, float]) -> None:
    actions, mouse = pointer(dash_duo)
    mouse.move_to_location(int(point[0]), int(point[1])).click()
    actions.perform()


def wait_camera_still(dash_duo: Any, element_id: str = "network", timeout: float = 20) -> None:
    """Wait until no camera animation (a fly to a searched actor, a zoom) is running."""
    until(
        lambda: not view(dash_duo, "return v.renderer.getCamera().isAnimated();", element_id),
        timeout=timeout,
        msg="the camera is still moving",
    )


def set_camera(dash_duo: Any, state: str, element_id: str = "network") -> None:
    """Set sigma's camera to ``state`` (a JavaScript object literal) and wait a frame.

    Until sigma has drawn the new frame its mouse picking still sees the old
    camera, and a click would land on what was there before.
    """
    wait_camera_still(dash_duo, element_id)
    dash_duo.driver.execute_async_script(
        f"var done = arguments[arguments.length - 1]; var v = {hook(element_id)};"
        "v.renderer.once('afterRender', function () { done(0); });"
        "setTimeout(function () { done(0); }, 2000);"
        f"v.renderer.getCamera().setState({state}); v.renderer.refresh();"
    )


def zoom_on(dash_duo: Any, node: str, ratio: float = 0.15, element_id: str = "network") -> None:
    """Centre the camera on ``node``, zoomed in (so that no neighbour covers it)."""
    x, y = view(
        dash_duo, f"var d = v.renderer.getNodeDisplayData({node!r}); return [d.x, d.y];", element_id
    )
    set_camera(dash_duo, f"{{x: {x}, y: {y}, ratio: {ratio}}}", element_id)


def click_node(dash_duo: Any, node: str, element_id: str = "network", zoom: bool = False) -> None:
    """Click ``node`` with the mouse (after zooming on it when ``zoom``)."""
    if zoom:
        zoom_on(dash_duo, node, element_id=element_id)
    wait_camera_still(dash_duo, element_id)
    click_at(dash_duo, node_point(dash_duo, node, element_id))
