"""A viewer's direct POSTs to every callback of the Import page are refused; nothing is written.

Signed in as a viewer, each import callback is fired over HTTP with a real
upload (as Dash's renderer sends it); the responses refuse, and the store's
history is the same afterwards. A facilitator's same request imports.
"""

from __future__ import annotations

import base64

from dash_requests import UPDATE_COMPONENT, request_body
from security_support import sign_in

UPLOAD = "data:text/csv;base64," + base64.b64encode(
    b"id,name,sector,territory\nw1,Web,public,Webland\n"
).decode("ascii")
VALUES = {
    "import-upload.contents": UPLOAD,
    "import-upload.filename": "web.csv",
    "import-run.n_clicks": 1,
    "import-preview.n_clicks": 1,
    "import-mapping-button.n_clicks": 1,
}
MAPPING = "data:application/toml;base64," + base64.b64encode(b'[columns]\nid = "Code"\n').decode(
    "ascii"
)
COLUMNS = '{"field":"sector","type":"import-column"}.value'


def import_requests(app) -> dict[str, dict]:
    return {
        "upload": request_body(app, "import-file.children", VALUES),
        "sectors": request_body(
            app, "import-sectors.data", {**VALUES, COLUMNS: "sector"}, changed=[COLUMNS]
        ),
        "mapping": request_body(
            app, "import-mapping.data", {**VALUES, "import-needs-mapping.data": True}
        ),
        "saved-mapping": request_body(
            app, "import-saved-sectors.data", {"import-mapping-upload.contents": MAPPING}
        ),
        "preview": request_body(app, "import-plan.children", VALUES),
        "import": request_body(app, "import-result.children", VALUES),
        "import-set-aside": request_body(
            app, "import-result.children", VALUES, changed=["import-run-set-aside.n_clicks"]
        ),
    }


def test_a_viewer_s_posts_to_every_import_callback_are_refused(app, client, maillage):
    before = [r.id for r in maillage.history()]
    sign_in(client, "vera")
    for label, body in import_requests(app).items():
        answer = client.post(UPDATE_COMPONENT, json=body)
        text = answer.get_data(as_text=True)
        refused = answer.status_code == 204 or "may read this network but not change it" in text
        assert refused, (label, answer.status_code, text[:300])
        assert "Webland" not in text and "revision" not in text, label
    assert [r.id for r in maillage.history()] == before
    assert "Webland" not in maillage.territory_names()


def test_a_viewer_gets_no_import_link_and_no_import_page(app, client):
    sign_in(client, "vera")
    body = request_body(app, "page.children", {"url.pathname": "/import"})
    text = client.post(UPDATE_COMPONENT, json=body).get_data(as_text=True)
    assert "import-upload" not in text and "nav-import" not in text
    assert "The page \\u002fimport is for facilitators and admins" in text


def test_a_facilitator_s_same_post_imports_as_a_revision_by_them(app, client, maillage):
    sign_in(client, "felix")
    body = request_body(app, "page.children", {"url.pathname": "/import"})
    assert "import-upload" in client.post(UPDATE_COMPONENT, json=body).get_data(as_text=True)
    answer = client.post(UPDATE_COMPONENT, json=import_requests(app)["import"])
    assert '"Webland"]' in answer.get_data(as_text=True)  # the territory picker lists it
    revision = maillage.history()[-1]
    assert (revision.user, [f.name for f in revision.files]) == ("felix", ["web.csv"])
    maillage.undo(revision.id, user="felix")
    assert "Webland" not in maillage.territory_names()
