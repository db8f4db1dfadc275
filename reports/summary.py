"""The short summary of a comparison: what stands out for each territory, in sentences.

The standouts are found by the analytics (``compare_territories``'s
``standouts``); this module only words them, in the translator's language,
always the same way for the same data ("Lille: associations rarely tie to
public bodies, 2 of 40, the lowest of the 5 territories.").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .compare_tables import group, territories_of
from .i18n import N_, Translator, translator

RARELY = 0.25
"""A share at or under which a lowest rate is worded *rarely*."""
OFTEN = 0.5
"""A share at or over which a highest rate is worded *often*."""

SENTENCES: Mapping[str, str] = {
    "rarely": N_("{territory}: {origin} rarely tie to {destination}, {counts}, {rank}."),
    "less": N_(
        "{territory}: {origin} tie to {destination} less often than elsewhere, {counts}, {rank}."
    ),
    "often": N_("{territory}: {origin} often tie to {destination}, {counts}, {rank}."),
    "more": N_(
        "{territory}: {origin} tie to {destination} more often than elsewhere, {counts}, {rank}."
    ),
    "z": N_("{territory}: {meaning} ({label}, z = {z})."),
    "nothing": N_("{territory}: nothing stands out against the others."),
}
RANKS: Mapping[str, str] = {
    "lowest": N_("the lowest of the {count} territories"),
    "highest": N_("the highest of the {count} territories"),
}


def standout_sentence(territory: str, standout: Mapping[str, Any], t: Translator) -> str:
    """One standout as a sentence in ``t``'s language.

    >>> standout = {"type": "rate", "rank": "lowest", "from": "association", "to": "public",
    ...             "tied": 2, "actors": 40, "share": 0.05, "territories": 5}
    >>> standout_sentence("Lille", standout, translator("en"))
    'Lille: associations rarely tie to public bodies, 2 of 40, the lowest of the 5 territories.'
    """
    if standout.get("type") == "z":
        return t.gettext(SENTENCES["z"]).format(
            territory=territory,
            meaning=t.gettext(str(standout.get("meaning") or "")),
            label=t.gettext(str(standout.get("label") or standout.get("name"))),
            z=t.number(standout.get("z"), 1),
        )
    share = float(standout.get("share") or 0.0)
    if standout.get("rank") == "lowest":
        key = "rarely" if share <= RARELY else "less"
    else:
        key = "often" if share >= OFTEN else "more"
    counts = t.gettext("{tied} of {actors}").format(
        tied=t.integer(standout.get("tied")), actors=t.integer(standout.get("actors"))
    )
    rank = t.gettext(RANKS[str(standout.get("rank"))]).format(count=standout.get("territories"))
    return t.gettext(SENTENCES[key]).format(
        territory=territory,
        origin=group(standout.get("from"), t),
        destination=group(standout.get("to"), t),
        counts=counts,
        rank=rank,
    )


def summary(compare: Mapping[str, Any], t: Translator | None = None) -> dict[str, list[str]]:
    """For each territory of the comparison, its standouts as sentences (at least one).

    Examples
    --------
    >>> doc = {"territories": ["Lille", "Figeac"], "standouts": {"Lille": [], "Figeac": [
    ...     {"type": "z", "name": "average_clustering", "label": "Clustering", "z": 4.23,
    ...      "meaning": "more clustered than its degrees alone would give"}]}}
    >>> summary(doc)["Figeac"]
    ['Figeac: more clustered than its degrees alone would give (Clustering, z = 4.2).']
    >>> summary(doc, translator("fr"))["Lille"]
    ['Lille\\u202f: rien ne se distingue par rapport aux autres.']
    """
    t = t or translator("en")
    found = compare.get("standouts") or {}
    sentences = {}
    for territory in territories_of(compare):
        items = [standout_sentence(territory, s, t) for s in found.get(territory) or []]
        sentences[territory] = items or [
            t.gettext(SENTENCES["nothing"]).format(territory=territory)
        ]
    return sentences
