"""The demo territories: fictional, seeded, reproducible.

Every organisation, person, place and event here is invented: names are
drawn from word lists, each actor carries ``attributes["fictional"] ==
"true"``, and ties carry the note ``FICTIONAL_NOTE`` when they have none.
Only the territory names are real, and the communes their actors are placed near
(``PLACES``): each invented town sits within a few kilometres of a real commune of its
territory.

The largest territory, **Alsace**, is modelled on the Alsace "Labo des
partenariats" (business–association partnerships): about 600 actors, of
which 50 companies and 80 associations hold exactly 107 partnerships, plus
public bodies, schools and universities, media, funders and citizens, and
the co-participations of 82 events held between 2008 and 2026 (kept as
activities and participations, and folded into ``event`` ties). Funding
ties (directed, funder to association) and a few governance ties complete
it.

Six smaller territories have telling shapes: **Romans** is fragmented
(several components), **Figeac** is dominated by one hub, **Lille** is well
bridged across sectors, **Bordeaux** is organised in sector silos,
**Marseille** is a loose small world and **Lons-le-Saunier** is small and
sparse. A few actors belong to two territories and a few ties leave their
territory.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from ..graph.model import Activity, Actor, Dataset, Participation, Sector, Tie, TieIdentity, TieKind
from .demo_places import JITTER_LAT, JITTER_LON, PLACES, Commune, Place
from .participations import co_participation_ties

FICTIONAL_NOTE = "fictional demo data"
ALSACE_PARTNERSHIPS = 107
ALSACE_EVENTS = 82
EVENT_YEARS = (2008, 2026)


_ALSATIAN_PARTS = (
    ("Ober", "Nieder", "Unter", "Hohen", "Mittel", "Klein", "Gross", "Sankt-"),
    ("lind", "brunn", "tann", "reb", "wasen", "kirch", "mühl", "eich", "roth", "weiss"),
    ("willer", "heim", "bach", "hoffen", "dorf", "feld", "stein", "bronn"),
)
_FRENCH_PARTS = (
    ("Saint-Aubin", "Val", "Mont", "Bois", "Pré", "Roche", "Font", "Champ", "Plan"),
    ("-Fleuri", "-Clair", "-Joli", "-d'Argent", "-les-Vignes", "-sur-Lande", "-Doré", "-Rouge"),
)
_SURNAMES = [
    "Kessler",
    "Marchetti",
    "Dubreuil",
    "Lavergne",
    "Weissmann",
    "Castagné",
    "Rouvière",
    "Bellamy",
    "Ortolan",
    "Hauswald",
    "Fontanel",
    "Ribeyre",
    "Maurel",
    "Strohl",
    "Guerrand",
    "Lemarchal",
    "Vidalenc",
    "Perrichon",
    "Baudrier",
    "Oberlé",
    "Chassagne",
    "Merville",
    "Tissandier",
    "Rostaing",
    "Leclercq",
    "Vandamme",
    "Brunel",
    "Faucheux",
    "Sabatier",
    "Delorme",
]
_FIRST_NAMES = [
    "Claire",
    "Julien",
    "Amina",
    "Théo",
    "Lucie",
    "Karim",
    "Élise",
    "Marc",
    "Inès",
    "Paul",
    "Nadia",
    "Hugo",
    "Sophie",
    "Youssef",
    "Anne",
    "Louis",
    "Camille",
    "Pierre",
    "Léa",
    "Mehdi",
    "Jeanne",
    "Victor",
    "Salomé",
    "Bruno",
    "Chloé",
    "Samir",
    "Odile",
    "Malik",
    "Rose",
    "Yves",
]
_NOUNS = [
    "Colibri",
    "Passerelle",
    "Racines",
    "Ruche",
    "Sillon",
    "Boussole",
    "Cairn",
    "Archipel",
    "Lisière",
    "Fabrique",
    "Source",
    "Semis",
    "Grange",
    "Tisserand",
    "Héron",
    "Lucarne",
    "Trame",
    "Vallon",
    "Ricochet",
    "Escale",
]
_TRADES = [
    "Menuiserie",
    "Boulangerie",
    "Transports",
    "Imprimerie",
    "Brasserie",
    "Garage",
    "Maraîchage",
    "Textiles",
    "Métallerie",
    "Conserverie",
    "Pépinières",
    "Scierie",
]
_THEMES = (
    "mécénat de compétences",
    "emploi des jeunes",
    "transition écologique",
    "inclusion numérique",
    "circuits courts",
    "bénévolat d'entreprise",
    "culture pour tous",
    "mobilité solidaire",
    "économie circulaire",
    "santé au travail",
)

# (pattern, kind) per sector; {place} {surname} {noun} {trade} {first} {initial} are filled in.
_TEMPLATES: dict[Sector, tuple[tuple[str, str], ...]] = {
    Sector.BUSINESS: (
        ("{trade} {surname}", "artisan"),
        ("{surname} & Fils", "PME"),
        ("SAS {noun} Conseil", "PME"),
        ("Atelier {noun} de {place}", "TPE"),
        ("SCOP {noun}", "SCOP"),
        ("{noun} Industries", "grande entreprise"),
        ("{trade} du {noun}", "TPE"),
    ),
    Sector.ASSOCIATION: (
        ("Association Les Jardins de {place}", "association"),
        ("Les Amis du {noun}", "association"),
        ("Collectif {noun}", "collectif"),
        ("Maison des Jeunes de {place}", "association"),
        ("Repair Café de {place}", "association"),
        ("Épicerie solidaire de {place}", "ESS"),
        ("Association {noun} Solidaire", "association"),
        ("Chantier d'insertion {noun}", "insertion"),
    ),
    Sector.PUBLIC: (
        ("Mairie de {place}", "commune"),
        ("Communauté de communes du Val de {place}", "intercommunalité"),
        ("Centre communal d'action sociale de {place}", "CCAS"),
        ("Office de tourisme de {place}", "agence"),
        ("Médiathèque de {place}", "équipement"),
        ("Syndicat mixte de {place}", "syndicat mixte"),
    ),
    Sector.ACADEMIC: (
        ("Université de {place}", "université"),
        ("Lycée professionnel {surname}", "lycée"),
        ("Collège {first} {surname}", "collège"),
        ("Laboratoire {noun} de {place}", "laboratoire"),
        ("École de la deuxième chance de {place}", "école"),
        ("Université populaire du {noun}", "université populaire"),
    ),
    Sector.MEDIA: (
        ("Radio {noun} FM", "radio"),
        ("La Gazette de {place}", "presse"),
        ("{place} Hebdo", "presse"),
        ("Télé {noun}", "télévision"),
    ),
    Sector.FUNDER: (
        ("Fondation {surname}", "fondation"),
        ("Fonds de dotation {noun}", "fonds de dotation"),
        ("Caisse solidaire de {place}", "banque coopérative"),
        ("Fondation {noun} pour l'enfance", "fondation"),
    ),
    Sector.CITIZEN: (("{first} {initial}.", "habitant"), ("{first} {initial}.", "bénévole")),
    Sector.OTHER: (
        ("Tiers-lieu {noun}", "tiers-lieu"),
        ("Coopérative d'habitants {noun}", "coopérative"),
        ("Collectif informel de {place}", "collectif informel"),
    ),
}


def _elide(name: str) -> str:
    """French elision: « de Oberheim » → « d'Oberheim », « du Archipel » → « de l'Archipel »."""
    name = re.sub(r"\bde ([AEIOUYÉÈ])", r"d'\1", name)
    return re.sub(r"\bdu ([AEIOUYÉÈH])", r"de l'\1", name)


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.actors: dict[str, Actor] = {}
        self.ties: dict[TieIdentity, Tie] = {}
        self.activities: list[Activity] = []
        self.participations: list[Participation] = []
        self.names: set[str] = set()
        self.serial: dict[str, int] = {}
        self.towns: dict[str, list[str]] = {}
        # Which real commune each invented town sits near, drawn from its own generator so that
        # the names and ties drawn from ``rng`` stay what they were before there were communes.
        self.commune_rng = random.Random(f"communes-{seed}")
        self.communes: dict[str, Commune] = {}

    # -- actors ---------------------------------------------------------------------------------

    def town(self, place: Place) -> str:
        towns = self.towns.setdefault(place.territory, [])
        if len(towns) < 12 or self.rng.random() < 0.05:
            parts = _ALSATIAN_PARTS if place.alsatian else _FRENCH_PARTS
            words = [self.rng.choice(p) for p in parts]
            if words[0].endswith("-"):
                words[1] = words[1].capitalize()
            name = "".join(words)
            if name not in towns:
                towns.append(name)
            return name
        return self.rng.choice(towns)

    def commune_of(self, place: Place, town: str) -> Commune:
        key = f"{place.territory}/{town}"
        if key not in self.communes:
            self.communes[key] = self.commune_rng.choice(place.communes)
        return self.communes[key]

    def actor(self, place: Place, sector: Sector) -> str:
        rng = self.rng
        for _ in range(50):
            pattern, kind = rng.choice(_TEMPLATES[sector])
            city = self.town(place)
            name = pattern.format(
                place=city,
                surname=rng.choice(_SURNAMES),
                noun=rng.choice(_NOUNS),
                trade=rng.choice(_TRADES),
                first=rng.choice(_FIRST_NAMES),
                initial=rng.choice("ABCDEFGHJLMNPRSTV"),
            )
            name = _elide(name)
            if name not in self.names:
                break
        else:
            name = f"{name} ({len(self.names)})"
        self.names.add(name)
        number = self.serial[place.prefix] = self.serial.get(place.prefix, 0) + 1
        actor_id = f"{place.prefix}-{number:04d}"
        commune = self.commune_of(place, city)
        self.actors[actor_id] = Actor(
            id=actor_id,
            name=name,
            sector=sector,
            territories=(place.territory,),
            kind=kind,
            city=city,
            lat=round(commune.lat + rng.uniform(-1, 1) * JITTER_LAT, 5),
            lon=round(commune.lon + rng.uniform(-1, 1) * JITTER_LON, 5),
            joined=date(rng.randint(2004, 2023), rng.randint(1, 12), rng.randint(1, 28)),
            attributes={"fictional": "true"},
        )
        return actor_id

    def population(self, place: Place, counts: dict[Sector, int]) -> dict[Sector, list[str]]:
        return {s: [self.actor(place, s) for _ in range(n)] for s, n in counts.items()}

    # -- ties -----------------------------------------------------------------------------------

    def day(self, first: int = 2008, last: int = 2025) -> date:
        return date(self.rng.randint(first, last), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def tie(
        self,
        a: str,
        b: str,
        kind: TieKind = TieKind.PARTNERSHIP,
        *,
        directed: bool = False,
        note: str | None = None,
    ) -> bool:
        """Add a tie unless it exists or is a self-tie; True when added."""
        if a == b:
            return False
        key = Tie(a, b, kind, directed=directed).identity
        if key in self.ties:
            return False
        rng = self.rng
        since = self.day()
        until = None
        if rng.random() < 0.15:
            until = min(since + timedelta(days=rng.randint(200, 2500)), date(2025, 12, 31))
        self.ties[key] = Tie(
            source=a,
            target=b,
            kind=kind,
            weight=float(rng.choice((1, 1, 1, 2, 2, 3))),
            since=since,
            until=until,
            directed=directed,
            note=note or FICTIONAL_NOTE,
            ref=f"demo-{len(self.ties) + 1:05d}",
        )
        return True

    def random_ties(self, pool: list[str], count: int, kinds: tuple[TieKind, ...]) -> None:
        added = 0
        for _ in range(count * 20):
            if added == count:
                return
            a, b = self.rng.sample(pool, 2)
            added += self.tie(a, b, self.rng.choice(kinds))

    def events(
        self, place: Place, count: int, pool: list[str], regulars: list[str], size: tuple[int, int]
    ) -> None:
        """``count`` events between 2008 and 2026; everyone in ``pool`` attends at least one."""
        rng = self.rng
        first, last = EVENT_YEARS
        attendees: list[set[str]] = []
        for i in range(count):
            year = first + i * (last - first + 1) // count
            day = date(year, rng.randint(1, 12), rng.randint(1, 28))
            theme = rng.choice(_THEMES)
            name = rng.choice(
                (
                    f"Rencontre des partenariats n°{i + 1} : {theme}",
                    f"Forum {theme} — {self.town(place)}",
                    f"Atelier « {theme} »",
                    f"Petit-déjeuner entreprises–associations n°{i + 1}",
                )
            )
            activity = f"{place.prefix}-evt-{i + 1:03d}"
            self.activities.append(Activity(activity, name, day))
            people = set(rng.sample(regulars, min(len(regulars), rng.randint(1, 3))))
            people.update(rng.sample(pool, rng.randint(*size)))
            attendees.append(people)
        seen = set().union(*attendees)
        for actor_id in pool:  # the newcomers go to the smallest events
            if actor_id not in seen:
                smallest = min(range(count), key=lambda i: (len(attendees[i]), rng.random()))
                attendees[smallest].add(actor_id)
        for i, people in enumerate(attendees):
            activity = f"{place.prefix}-evt-{i + 1:03d}"
            self.participations.extend(Participation(a, activity) for a in sorted(people))

    # -- territories ----------------------------------------------------------------------------

    def alsace(self) -> None:
        place = PLACES["Alsace"]
        people = self.population(
            place,
            {
                Sector.BUSINESS: 120,
                Sector.ASSOCIATION: 200,
                Sector.PUBLIC: 90,
                Sector.ACADEMIC: 40,
                Sector.MEDIA: 25,
                Sector.FUNDER: 25,
                Sector.CITIZEN: 80,
                Sector.OTHER: 20,
            },
        )
        rng = self.rng
        companies = rng.sample(people[Sector.BUSINESS], 50)
        associations = rng.sample(people[Sector.ASSOCIATION], 80)
        notes = ("mécénat de compétences", "convention de partenariat", "mécénat financier")
        for i, association in enumerate(associations):  # everyone in at least one partnership
            company = companies[i] if i < len(companies) else rng.choice(companies[:15])
            self.tie(company, association, note=rng.choice(notes))
        while sum(t.kind is TieKind.PARTNERSHIP for t in self.ties.values()) < ALSACE_PARTNERSHIPS:
            self.tie(rng.choice(companies[:20]), rng.choice(associations), note=rng.choice(notes))
        for funder in people[Sector.FUNDER]:
            for association in rng.sample(people[Sector.ASSOCIATION], rng.randint(0, 2)):
                self.tie(funder, association, TieKind.FUNDING, directed=True)
        for body in rng.sample(people[Sector.PUBLIC], 10):
            self.tie(body, rng.choice(associations), TieKind.GOVERNANCE)
        pool = [a for group in people.values() for a in group]
        regulars = [*companies[:10], *associations[:10], *people[Sector.PUBLIC][:8]]
        self.events(place, ALSACE_EVENTS, pool, regulars, size=(1, 4))

    def romans(self) -> None:
        """Fragmented: four clusters that never meet, and a few isolated actors."""
        place = PLACES["Romans"]
        sectors = list(Sector)
        for size in (16, 14, 12, 10):
            cluster = [self.actor(place, self.rng.choice(sectors[:6])) for _ in range(size)]
            for i in range(1, size):  # a chain keeps each cluster in one piece
                self.tie(cluster[i - 1], cluster[i])
            self.random_ties(cluster, size, (TieKind.PARTNERSHIP, TieKind.SERVICE))
        for _ in range(4):
            self.actor(place, Sector.CITIZEN)

    def figeac(self) -> None:
        """One hub tied to most actors, few ties elsewhere."""
        place = PLACES["Figeac"]
        hub = self.actor(place, Sector.PUBLIC)
        others = [self.actor(place, self.rng.choice(list(Sector))) for _ in range(44)]
        for actor_id in others[:38]:
            kind = self.rng.choice((TieKind.PARTNERSHIP, TieKind.FUNDING, TieKind.GOVERNANCE))
            self.tie(hub, actor_id, kind, directed=kind is TieKind.FUNDING)
        self.random_ties(others, 6, (TieKind.PARTNERSHIP,))

    def lille(self) -> None:
        """Well bridged: almost every tie joins two different sectors."""
        place = PLACES["Lille"]
        people = self.population(place, {s: 19 for s in Sector} | {Sector.CITIZEN: 17})
        pool = [a for group in people.values() for a in group]
        sector_of = {a: s for s, group in people.items() for a in group}
        for a in pool:
            for _ in range(2):
                b = self.rng.choice([x for x in pool if sector_of[x] is not sector_of[a]])
                self.tie(a, b, self.rng.choice((TieKind.PARTNERSHIP, TieKind.SERVICE)))

    def bordeaux(self) -> None:
        """Sector silos: dense inside each sector, a handful of bridges between them."""
        place = PLACES["Bordeaux"]
        people = self.population(
            place,
            {
                Sector.BUSINESS: 35,
                Sector.ASSOCIATION: 35,
                Sector.PUBLIC: 20,
                Sector.ACADEMIC: 15,
                Sector.FUNDER: 8,
                Sector.MEDIA: 7,
            },
        )
        for group in people.values():
            self.random_ties(group, len(group) * 3 // 2, (TieKind.PARTNERSHIP,))
        pool = [a for group in people.values() for a in group]
        self.random_ties(pool, 8, (TieKind.PARTNERSHIP, TieKind.FUNDING))

    def marseille(self) -> None:
        """A loose small world: a ring of neighbours with a few long-range shortcuts."""
        place = PLACES["Marseille"]
        pool = [self.actor(place, self.rng.choice(list(Sector))) for _ in range(100)]
        for i, a in enumerate(pool):
            self.tie(a, pool[(i + 1) % len(pool)])
            if self.rng.random() < 0.5:
                self.tie(a, pool[(i + 2) % len(pool)], TieKind.SERVICE)
        self.random_ties(pool, 10, (TieKind.PARTNERSHIP, TieKind.OTHER))

    def lons(self) -> None:
        """Small and sparse, with a yearly fair that everyone attends once in a while."""
        place = PLACES["Lons-le-Saunier"]
        pool = [self.actor(place, self.rng.choice(list(Sector))) for _ in range(48)]
        self.random_ties(pool, 30, (TieKind.PARTNERSHIP, TieKind.SERVICE))
        self.events(place, 6, pool, pool[:4], size=(4, 8))

    def crossings(self) -> None:
        """A few actors in two territories, a few ties leaving their territory.

        These ties are ``service`` ties, so that Alsace keeps exactly its 107
        partnerships even counting the ties that leave it.
        """
        by_territory: dict[str, list[str]] = {}
        for actor in self.actors.values():
            by_territory.setdefault(actor.territories[0], []).append(actor.id)
        for home, second in (
            ("Bordeaux", "Figeac"),
            ("Lille", "Marseille"),
            ("Romans", "Lons-le-Saunier"),
            ("Alsace", "Lons-le-Saunier"),
        ):
            actor_id = self.rng.choice(by_territory[home])
            actor = self.actors[actor_id]
            self.actors[actor_id] = Actor(
                **{
                    **{f: getattr(actor, f) for f in Actor.__slots__},
                    "territories": (home, second),
                }
            )
            for other in self.rng.sample(by_territory[second], 2):
                self.tie(actor_id, other, TieKind.SERVICE)
        for a, b in (
            ("Alsace", "Lons-le-Saunier"),
            ("Alsace", "Lille"),
            ("Marseille", "Romans"),
            ("Lille", "Bordeaux"),
            ("Figeac", "Bordeaux"),
            ("Romans", "Lons-le-Saunier"),
        ):
            self.tie(
                self.rng.choice(by_territory[a]), self.rng.choice(by_territory[b]), TieKind.SERVICE
            )


def demo_dataset(seed: int = 2026) -> Dataset:
    """The fictional demo territories, identical for the same ``seed``.

    >>> data = demo_dataset()
    >>> sorted(data.territories)  # doctest: +NORMALIZE_WHITESPACE
    ['Alsace', 'Bordeaux', 'Figeac', 'Lille', 'Lons-le-Saunier', 'Marseille', 'Romans']
    >>> all(a.attributes["fictional"] == "true" for a in data.actors)
    True
    """
    generator = _Generator(seed)
    generator.alsace()
    generator.romans()
    generator.figeac()
    generator.lille()
    generator.bordeaux()
    generator.marseille()
    generator.lons()
    generator.crossings()
    dates = {a.id: a.date for a in generator.activities}
    event_ties = co_participation_ties(generator.participations, dates)
    return Dataset(
        actors=tuple(generator.actors.values()),
        ties=(*generator.ties.values(), *event_ties),
        activities=tuple(generator.activities),
        participations=tuple(generator.participations),
    )
