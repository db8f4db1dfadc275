"""``PseudonymisedStore``: citizens under stable pseudonyms on every read, no write at all."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

import pytest

from maillage.graph.errors import NotFound
from maillage.graph.model import Actor, Dataset, Sector, Tie, TieKind
from maillage.graph.storage.pseudonymised import (
    PseudonymisedStore,
    ReadOnlyStore,
    pseudonym_id,
    pseudonym_name,
    pseudonymise,
)
from maillage.graph.storage.sqlite import SQLiteStore

SECRET = b"pseudonym key for the tests, 32+ bytes"
CONTACT = {
    "email": "claire.martin@example.org",
    "phone": "+33 6 12 34 56 78",
    "address": "12 rue des Lilas",
    "website": "https://claire.example",
}
TOWN_HALL = {"website": "https://nantes.example", "phone": "+33 2 40 00 00 00"}


def citizen(actor_id: str, name: str, territories=("Nantes",), **extra) -> Actor:
    return Actor(
        actor_id,
        name,
        Sector.CITIZEN,
        territories,
        kind="resident",
        city="Rezé",
        lat=47.18,
        lon=-1.55,
        joined=date(2020, 3, 1),
        attributes=CONTACT,
        **extra,
    )


@pytest.fixture
def dataset() -> Dataset:
    actors = (
        citizen("c-claire", "Claire Martin", ("Nantes", "Rennes")),
        citizen("c-yann", "Yann Le Goff"),
        Actor("a-asso", "Asso Lien", Sector.ASSOCIATION, ("Nantes",), city="Nantes"),
        Actor("m-mairie", "Mairie de Nantes", Sector.PUBLIC, ("Nantes",), attributes=TOWN_HALL),
        Actor("r-media", "Rennes Média", Sector.MEDIA, ("Rennes",)),
    )
    ties = (
        Tie("a-asso", "c-claire", TieKind.PARTNERSHIP, 2.0, note="Claire Martin leads it"),
        Tie("c-claire", "c-yann", TieKind.EVENT, ref="minutes: Yann Le Goff"),
        Tie("c-yann", "m-mairie", TieKind.FUNDING, directed=True, since=date(2021, 1, 1)),
        Tie("a-asso", "m-mairie", TieKind.GOVERNANCE, note="board seat"),
        Tie("c-claire", "r-media", TieKind.SERVICE),
    )
    return Dataset(actors, ties)


@pytest.fixture
def store(tmp_path, dataset):
    inner = SQLiteStore.from_url(f"sqlite:///{tmp_path / 'store.db'}")
    inner.upsert(dataset)
    yield PseudonymisedStore(inner, SECRET)
    inner.close()


def test_pseudonyms_are_hmac_sha256_of_the_id():
    digest = hmac.new(SECRET, b"c-claire", hashlib.sha256).hexdigest()
    assert pseudonym_id("c-claire", SECRET) == "citizen-" + digest[:16]
    assert pseudonym_name("c-claire", SECRET) == "Citoyen·ne " + digest[:8].upper()
    assert pseudonym_id("c-claire", b"another secret") != pseudonym_id("c-claire", SECRET)


def test_a_network_read_shows_no_citizen_identity(store):
    network = store.network("Nantes")
    text = repr(network)

    for personal in ("Claire", "Yann", "c-claire", "c-yann", "Rezé", "47.18", *CONTACT.values()):
        assert personal not in text, personal
    claire = pseudonym_id("c-claire", SECRET)
    people = {a.id: a for a in network.actors if a.sector == Sector.CITIZEN}
    assert set(people) == {claire, pseudonym_id("c-yann", SECRET)}
    shown = people[claire]
    assert shown.name == pseudonym_name("c-claire", SECRET)
    assert (shown.city, shown.lat, shown.lon, dict(shown.attributes)) == (None, None, None, {})
    assert (shown.kind, shown.joined, shown.territories) == (
        "resident",
        date(2020, 3, 1),
        ("Nantes", "Rennes"),
    )
    town_hall = next(a for a in network.actors if a.id == "m-mairie")
    assert town_hall.name == "Mairie de Nantes" and dict(town_hall.attributes) == TOWN_HALL


def test_ties_follow_the_pseudonyms_and_lose_their_free_text(store):
    ties = {(t.source, t.target, t.kind): t for t in store.network("Nantes").ties}
    claire, yann = pseudonym_id("c-claire", SECRET), pseudonym_id("c-yann", SECRET)

    partnership = ties[(*sorted(("a-asso", claire)), TieKind.PARTNERSHIP)]
    assert partnership.weight == 2.0 and partnership.note is None
    event = ties[(*sorted((claire, yann)), TieKind.EVENT)]
    assert event.ref is None
    funding = ties[(yann, "m-mairie", TieKind.FUNDING)]
    assert funding.directed and funding.since == date(2021, 1, 1)
    assert ties[("a-asso", "m-mairie", TieKind.GOVERNANCE)].note == "board seat"
    keys = [t.key for t in store.network("Nantes").ties]
    assert keys == sorted(keys)


def test_pseudonyms_are_stable_across_reads_territories_and_dates(store):
    claire = pseudonym_id("c-claire", SECRET)
    assert claire in {a.id for a in store.network("Nantes").actors}
    assert claire in {a.id for a in store.network("Rennes").actors}
    assert claire in {a.id for a in store.network("Nantes", as_of=date(2022, 1, 1)).actors}
    assert store.network("Nantes") == store.network("Nantes")


def test_actors_are_found_by_pseudonym_never_by_real_id(store):
    claire = pseudonym_id("c-claire", SECRET)
    assert store.actor(claire).name == pseudonym_name("c-claire", SECRET)
    assert store.actor("c-claire") is None
    assert store.actor("a-asso").name == "Asso Lien"
    assert store.actor("citizen-0000000000000000") is None
    ids = store.actor_ids()
    assert claire in ids and "c-claire" not in ids and "a-asso" in ids


def test_paths_and_neighbourhoods_map_ids_both_ways(store):
    claire, yann = pseudonym_id("c-claire", SECRET), pseudonym_id("c-yann", SECRET)

    assert store.shortest_path("r-media", yann) == ["r-media", claire, yann]
    assert store.shortest_path(claire, "a-asso") == [claire, "a-asso"]
    around = store.neighbourhood(yann, 1)
    assert {a.id for a in around.actors} == {yann, claire, "m-mairie"}
    assert "Claire" not in repr(around)
    for real in ("c-claire", "c-yann"):
        with pytest.raises(NotFound):
            store.shortest_path(real, "a-asso")
        with pytest.raises(NotFound):
            store.neighbourhood(real)


def test_territories_are_unchanged(store):
    assert store.territories() == store.inner.territories()


def test_every_write_is_refused_and_close_leaves_the_store_open(store, dataset):
    for write in (
        lambda: store.upsert(dataset),
        lambda: store.delete_territory("Nantes"),
        store.setup_schema,
    ):
        with pytest.raises(ReadOnlyStore):
            write()
    store.close()
    assert [t.name for t in store.inner.territories()] == ["Nantes", "Rennes"]


def test_the_data_version_follows_the_store_and_differs_from_it(store, dataset):
    before = store.data_version()
    assert before != store.inner.data_version()
    store.inner.upsert(Dataset((citizen("c-new", "Nouvelle Personne"),)))
    assert store.data_version() != before
    assert pseudonym_id("c-new", SECRET) in store.actor_ids()


def test_a_network_without_citizens_is_returned_as_is(store):
    network = store.inner.network("Rennes")
    without = type(network)("Rennes", (network.actors[1],), ())
    assert pseudonymise(without, SECRET) is without


def test_an_empty_secret_is_refused(store):
    with pytest.raises(ValueError, match="non-empty secret"):
        PseudonymisedStore(store.inner, b"")
