"""Where the demo territories are: real communes of each, near which its actors are placed.

The actors, their names and their towns are invented (``maillage.loaders.demo``); the
communes here are real, at their town centres (WGS 84 degrees), so that the map draws each
demo territory where it lies, inside its departments.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Commune:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Place:
    territory: str
    prefix: str
    communes: tuple[Commune, ...]
    alsatian: bool = False


def _communes(*rows: tuple[str, float, float]) -> tuple[Commune, ...]:
    return tuple(Commune(*row) for row in rows)


# Real communes of each territory, at their town centres: every invented town of a territory
# sits near one of them, so that the map draws each territory where it really is.
PLACES = {
    "Alsace": Place(
        "Alsace",
        "als",
        _communes(
            ("Strasbourg", 48.5734, 7.7521),
            ("Schiltigheim", 48.6071, 7.7497),
            ("Illkirch-Graffenstaden", 48.5297, 7.7147),
            ("Haguenau", 48.8156, 7.7905),
            ("Saverne", 48.7414, 7.3622),
            ("Molsheim", 48.5414, 7.4922),
            ("Obernai", 48.4622, 7.4819),
            ("Sélestat", 48.2594, 7.4542),
            ("Ribeauvillé", 48.1947, 7.3194),
            ("Colmar", 48.0794, 7.3585),
            ("Guebwiller", 47.9094, 7.2106),
            ("Thann", 47.8078, 7.1031),
            ("Mulhouse", 47.7508, 7.3359),
            ("Altkirch", 47.6236, 7.2394),
        ),
        alsatian=True,
    ),
    "Romans": Place(
        "Romans",
        "rom",
        _communes(
            ("Romans-sur-Isère", 45.0433, 5.0522),
            ("Bourg-de-Péage", 45.0372, 5.0497),
            ("Génissieux", 45.0836, 5.0797),
            ("Chatuzange-le-Goubet", 45.0036, 5.0906),
            ("Saint-Donat-sur-l'Herbasse", 45.1217, 4.9853),
            ("Mours-Saint-Eusèbe", 45.0650, 5.0600),
        ),
    ),
    "Lille": Place(
        "Lille",
        "lil",
        _communes(
            ("Lille", 50.6292, 3.0573),
            ("Roubaix", 50.6942, 3.1746),
            ("Tourcoing", 50.7239, 3.1612),
            ("Villeneuve-d'Ascq", 50.6233, 3.1450),
            ("Marcq-en-Barœul", 50.6711, 3.0972),
            ("Lambersart", 50.6500, 3.0250),
            ("Loos", 50.6128, 3.0144),
        ),
    ),
    "Bordeaux": Place(
        "Bordeaux",
        "bdx",
        _communes(
            ("Bordeaux", 44.8378, -0.5792),
            ("Mérignac", 44.8386, -0.6436),
            ("Pessac", 44.8067, -0.6311),
            ("Talence", 44.8080, -0.5883),
            ("Bègles", 44.8086, -0.5478),
            ("Cenon", 44.8578, -0.5317),
            ("Le Bouscat", 44.8650, -0.5997),
        ),
    ),
    "Marseille": Place(
        "Marseille",
        "mrs",
        _communes(
            ("Marseille", 43.3050, 5.4000),
            ("Aubagne", 43.2928, 5.5708),
            ("Allauch", 43.3369, 5.4822),
            ("Aix-en-Provence", 43.5297, 5.4474),
            ("Vitrolles", 43.4600, 5.2486),
            ("Marignane", 43.4161, 5.2147),
        ),
    ),
    "Figeac": Place(
        "Figeac",
        "fig",
        _communes(
            ("Figeac", 44.6086, 2.0317),
            ("Capdenac-Gare", 44.5744, 2.0786),
            ("Bagnac-sur-Célé", 44.6683, 2.1597),
            ("Lacapelle-Marival", 44.7278, 1.9264),
            ("Assier", 44.6725, 1.8797),
            ("Cajarc", 44.4856, 1.8422),
        ),
    ),
    "Lons-le-Saunier": Place(
        "Lons-le-Saunier",
        "lons",
        _communes(
            ("Lons-le-Saunier", 46.6744, 5.5547),
            ("Montmorot", 46.6794, 5.5133),
            ("Perrigny", 46.6681, 5.5828),
            ("Conliège", 46.6525, 5.6000),
            ("Messia-sur-Sorne", 46.6597, 5.5158),
            ("Bletterans", 46.7467, 5.4547),
            ("Poligny", 46.8372, 5.7075),
        ),
    ),
}

# How far (in degrees) an actor may sit from its commune's centre: a couple of kilometres.
JITTER_LAT = 0.018
JITTER_LON = 0.025
