"""Writes by role: each callback that changes data is declared; a viewer's POST writes nothing.

A callback is a writer when it calls, directly or through functions of the same presenter
module, ``sources.writer()``; every writer must name one output in
``dashboard.callbacks.WRITE_CALLBACKS``, so a new page cannot forget its check.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from dash_requests import UPDATE_COMPONENT, callback_key, request_body
from security_support import sign_in

from maillage.dashboard import callbacks, ids
from maillage.dashboard.callbacks import WRITE_CALLBACKS

PRESENTERS = Path(callbacks.__file__).resolve().parents[1] / "presenters"


def writing_functions() -> set[str]:
    """``module.function`` of every presenter function that reaches ``.writer()``."""
    found: set[str] = set()
    for path in PRESENTERS.glob("*.py"):
        functions = {
            node.name: node
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.FunctionDef)
        }
        calls = {
            name: {
                call.func.id if isinstance(call.func, ast.Name) else call.func.attr
                for call in ast.walk(node)
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name | ast.Attribute)
            }
            for name, node in functions.items()
        }
        writers = {name for name, called in calls.items() if "writer" in called}
        while True:
            more = {name for name, called in calls.items() if called & writers} - writers
            if not more:
                break
            writers |= more
        found |= {f"{path.stem}.{name}" for name in writers}
    return found


def callback_writes(function, writers: set[str]) -> bool:
    source = inspect.getsource(inspect.unwrap(function))
    tree = ast.parse(inspect.cleandoc("\n" + source) if source[0].isspace() else source)
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "writer":
            return True
        named = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
        if named and f"{func.value.id}.{func.attr}" in writers:
            return True
    return False


def test_every_callback_that_writes_is_declared(app):
    writers = writing_functions()
    assert "introductions.write_view" in writers
    declared = {callback_key(app, output) for output in WRITE_CALLBACKS}
    found = {
        key
        for key, entry in app.callback_map.items()
        if entry.get("callback") is not None and callback_writes(entry["callback"], writers)
    }
    assert found, "no write callback found: the discovery is broken"
    assert found <= declared, f"write callbacks missing from WRITE_CALLBACKS: {found - declared}"


@pytest.mark.parametrize("output", sorted(WRITE_CALLBACKS))
def test_a_viewer_posting_to_a_write_callback_writes_nothing(app, client, maillage, output):
    sign_in(client, "vera")
    before = [(i.id, i.status, len(i.history)) for i in maillage.introductions()]
    revisions = maillage.history()
    rows = [{"id": before[0][0]}] if before else []
    key = callback_key(app, output)
    entry = app.callback_map[key]
    values = {
        "territory.value": "Romans",
        f"{ids.INTRO_SOURCE}.value": "a1",
        f"{ids.INTRO_TARGET}.value": "a2",
        f"{ids.INTRO_MOVE_STATUS}.value": "declined",
        f"{ids.INTRO_TABLE}.derived_viewport_data": rows,
        f"{ids.INTRO_TABLE}.derived_viewport_selected_rows": [0],
        f"{ids.SELECTED}.data": "a1",
        f"{ids.EDIT_NAME}.value": "Renamed by a viewer",
        f"{ids.ADD_NAME}.value": "Added by a viewer",
        f"{ids.ADD_SECTOR}.value": "business",
        f"{ids.PART_NAME}.value": "Joined by a viewer",
        f"{ids.PART_DATE}.date": "2026-03-01",
        f"{ids.EDITED}.data": {"undo": revisions[-1].id if revisions else None},
    }
    for dependency in entry["inputs"]:
        body = request_body(
            app,
            output,
            {**values, f"{dependency['id']}.{dependency['property']}": 1},
            changed=[f"{dependency['id']}.{dependency['property']}"],
        )
        answer = client.post(UPDATE_COMPONENT, json=body)
        assert answer.status_code in (200, 204)
        assert b"recorded" not in answer.data and b"is now" not in answer.data
        assert b"added to" not in answer.data
    after = [(i.id, i.status, len(i.history)) for i in maillage.introductions()]
    assert after == before
    assert maillage.history() == revisions


def test_only_an_admin_may_undo_from_the_history_page(app, client, maillage):
    """A facilitator sees the history and may undo its own last edit, not any change."""
    sign_in(client, "felix")
    standing = maillage.history()
    rows = [{"id": standing[-1].id}] if standing else [{"id": 1}]
    values = {
        f"{ids.HISTORY_UNDO}.n_clicks": 1,
        f"{ids.HISTORY_TABLE}.derived_viewport_data": rows,
        f"{ids.HISTORY_TABLE}.derived_viewport_selected_rows": [0],
    }
    body = request_body(app, f"{ids.HISTORY_CHANGED}.data", values)
    answer = client.post(UPDATE_COMPONENT, json=body)
    assert answer.status_code == 200
    assert b"only an admin may undo any change" in answer.data
    assert maillage.history() == standing
    listed = request_body(app, f"{ids.HISTORY_TABLE}.data", {f"{ids.HISTORY_SCOPE}.value": "all"})
    assert client.post(UPDATE_COMPONENT, json=listed).status_code == 200
