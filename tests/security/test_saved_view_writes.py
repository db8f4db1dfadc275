"""Saved views by role: viewers choose them; only writers save and delete, with the CSRF token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dash_requests import UPDATE_COMPONENT, request_body
from flask.testing import FlaskClient
from security_support import sign_in

from maillage.dashboard import ids
from maillage.graph.saved_views import SavedView
from maillage.serving.csrf import CSRF_COOKIE, CSRF_HEADER

OUTPUT = f"{ids.SAVED_VIEW_MESSAGE}.children"
SEARCH = "?territory=Romans&sectors=business"


def body(app, clicked: str, name: str = "Entreprises", picked: str | None = None) -> dict:
    values = {
        f"{ids.TERRITORY}.value": "Romans",
        f"{clicked}.n_clicks": 1,
        f"{ids.SAVED_VIEW_NAME}.value": name,
        f"{ids.VIEW_STATE}.data": SEARCH,
        f"{ids.SAVED_VIEW_PICK}.value": picked,
    }
    return request_body(app, OUTPUT, values, changed=[f"{clicked}.n_clicks"])


@pytest.fixture
def views(maillage) -> Iterator[None]:
    """No saved view of Romans before the test, none left after it (the store is shared)."""
    for view in maillage.saved_views("Romans"):
        maillage.delete_view("Romans", view.name)
    yield
    for view in maillage.saved_views("Romans"):
        maillage.delete_view("Romans", view.name)


def test_a_viewer_posting_save_or_delete_changes_no_saved_view(app, client, maillage, views):
    maillage.save_view(SavedView("Romans", "Kept"))
    sign_in(client, "vera")
    for clicked, picked in ((ids.SAVED_VIEW_SAVE, None), (ids.SAVED_VIEW_DELETE, "Kept")):
        answer = client.post(UPDATE_COMPONENT, json=body(app, clicked, picked=picked))
        assert answer.status_code == 200
        assert b"may read this network but not change it" in answer.data
    assert [v.name for v in maillage.saved_views("Romans")] == ["Kept"]


def test_a_viewer_lists_the_saved_views_without_the_write_controls(app, client, maillage, views):
    maillage.save_view(SavedView("Romans", "Kept"))
    sign_in(client, "vera")
    values = {f"{ids.TERRITORY}.value": "Romans"}
    answer = client.post(UPDATE_COMPONENT, json=request_body(app, OUTPUT, values))
    assert answer.status_code == 200
    response = answer.get_json()["response"]
    assert response[ids.SAVED_VIEW_PICK]["options"] == [{"label": "Kept", "value": "Kept"}]
    assert response[ids.SAVED_VIEW_WRITE]["style"] == {"display": "none"}


def test_a_facilitator_saves_and_deletes_a_view(app, client, maillage, views):
    sign_in(client, "felix")
    answer = client.post(UPDATE_COMPONENT, json=body(app, ids.SAVED_VIEW_SAVE))
    assert answer.status_code == 200
    (saved,) = maillage.saved_views("Romans")
    assert (saved.name, saved.sectors) == ("Entreprises", ("business",))
    picked = "Entreprises"
    answer = client.post(UPDATE_COMPONENT, json=body(app, ids.SAVED_VIEW_DELETE, picked=picked))
    assert answer.status_code == 200 and maillage.saved_views("Romans") == []


def test_a_save_without_the_csrf_token_is_refused_and_saves_nothing(app, maillage, views):
    client = FlaskClient(app.server, use_cookies=True)
    sign_in(client, "felix")
    assert client.post(UPDATE_COMPONENT, json=body(app, ids.SAVED_VIEW_SAVE)).status_code == 403
    forged = {CSRF_HEADER: "a" * 43}
    answer = client.post(UPDATE_COMPONENT, json=body(app, ids.SAVED_VIEW_SAVE), headers=forged)
    assert answer.status_code == 403
    assert maillage.saved_views("Romans") == []
    token = {CSRF_HEADER: client.get_cookie(CSRF_COOKIE).value}
    answer = client.post(UPDATE_COMPONENT, json=body(app, ids.SAVED_VIEW_SAVE), headers=token)
    assert answer.status_code == 200 and len(maillage.saved_views("Romans")) == 1
