"""The request's language: a cookie the user chose beats the browser's Accept-Language.

Through Flask's test client on the real app over the demo store: ``/language/<code>``
remembers the choice and only sends back to this site, ``<html lang>`` and the pages follow.
"""

from __future__ import annotations

import json

import pytest
from dash_requests import UPDATE_COMPONENT, request_body
from security_support import sign_in

from maillage.serving.language import LANGUAGE_COOKIE
from maillage.serving.web import web_app


@pytest.fixture
def open_app(maillage):
    return web_app(maillage)


def layout_text(client, **headers) -> str:
    """The served layout as text, accents as they read (the JSON escapes them)."""
    answer = client.get("/_dash-layout", headers=headers)
    return json.dumps(answer.get_json(), ensure_ascii=False)


@pytest.mark.parametrize(
    ("accept", "lang"),
    [("fr-FR,fr;q=0.9", "fr"), ("en-GB,en;q=0.9,fr;q=0.8", "en"), ("de-DE", "fr"), (None, "fr")],
)
def test_the_browser_language_picks_the_page_language(open_app, accept, lang):
    client = open_app.server.test_client()
    headers = {"Accept-Language": accept} if accept else {}
    page = client.get("/", headers=headers).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    shell = layout_text(client, **headers)
    assert ("Explorer" in shell and "Intermédiaires" in shell) == (lang == "fr")
    assert ("Brokers" in shell) == (lang == "en")


def test_the_chosen_language_beats_the_browser_and_is_remembered(open_app):
    client = open_app.server.test_client()
    french = {"Accept-Language": "fr-FR,fr;q=0.9"}
    answer = client.get("/language/en?next=/brokers%3Fterritory%3DRomans", headers=french)
    assert answer.status_code == 302 and answer.headers["Location"] == "/brokers?territory=Romans"
    cookie = client.get_cookie(LANGUAGE_COOKIE)
    assert cookie is not None and cookie.value == "en"
    assert '<html lang="en">' in client.get("/brokers", headers=french).get_data(as_text=True)
    assert "Brokers" in layout_text(client, **french)
    client.get("/language/fr?next=/")
    assert '<html lang="fr">' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "https://evil.example/", "evil.example", "/\\evil.example"]
)
def test_the_language_switch_never_sends_to_another_site(open_app, target):
    client = open_app.server.test_client()
    answer = client.get("/language/en", query_string={"next": target})
    assert answer.status_code == 302 and answer.headers["Location"] == "/"


def test_an_unknown_language_is_not_remembered(open_app):
    client = open_app.server.test_client()
    client.get("/language/xx?next=/")
    assert client.get_cookie(LANGUAGE_COOKIE) is None


def test_the_switch_in_the_top_bar_comes_back_to_the_current_page(open_app):
    client = open_app.server.test_client()
    body = request_body(
        open_app,
        "language-switch.children",
        {"url.pathname": "/compare", "url.search": "?territories=Romans"},
    )
    answer = json.dumps(client.post(UPDATE_COMPONENT, json=body).get_json())
    assert "/language/en?next=/compare%3Fterritories%3DRomans" in answer
    assert "/language/fr?next=/compare%3Fterritories%3DRomans" in answer


def test_the_sign_in_page_speaks_the_browser_language(maillage, access):
    client = web_app(maillage, access).server.test_client()
    french = client.get("/login", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<html lang="fr">' in french and "Mot de passe" in french and "Se connecter" in french
    english = client.get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="en">' in english and "Password" in english
    wrong = sign_in(client, "felix", "not the password")
    assert "Nom ou mot de passe incorrect." in wrong.get_data(as_text=True)


def test_a_french_viewer_reads_french_roles_and_the_pseudonym_note(maillage, access):
    client = web_app(maillage, access).server.test_client()
    sign_in(client, "vera")
    shell = layout_text(client)
    assert "vera · lecteur" in shell and "Se déconnecter" in shell and "pseudonymisé" in shell
