"""A generated two-mode partner export as real programmes publish them: messy on purpose.

One row per partner per project, semicolon-separated. What makes it messy,
as in the exports the issue names:

- organisations repeat on every project row, their names typed in varying
  case and spacing (``Acme Ltd``, ``ACME LTD``, ``Acme  Ltd``), and there is no
  partner code: the name is the only key;
- ``n/a`` and ``-`` stand for missing cells (legal status, region, website);
- the region is ``CODE / Name`` (``FR42 / Alsace``);
- project acronyms repeat across calls: a project is only unique as
  acronym + call year;
- the town and the role vary by row: they belong to the participation;
- the website differs in case between rows of one organisation;
- exactly one row is truly invalid (an impossible start date).

``python tests/loaders/messy_partners.py OUT.csv [PROJECTS] [SEED]`` writes one.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HEADER = (
    "Project acronym",
    "Call",
    "Start date",
    "Partner name",
    "Legal status",
    "Region",
    "Town",
    "Role",
    "Website",
)
REGIONS = ("FR42 / Alsace", "DE13 / Freiburg", "CH03 / Nordwestschweiz", "FR10 / Ile-de-France")
STATUSES = ("Private", "Public", "NGO", "University", "Foundation")
NULLS = ("n/a", "-", "N/A")
ACRONYMS = ("RHINO", "VITI", "BIOVALLEY", "TRAM", "EAU", "CLIMA", "INNOV", "SOLAR")
FIRST_CALL = 2014
INVALID_DATE = "31/02/2018"


def _spelling(name: str, rng: random.Random) -> str:
    """The name as some typist wrote it this time."""
    choice = rng.randrange(4)
    if choice == 0:
        return name.upper()
    if choice == 1:
        return name.replace(" ", "  ", 1)
    if choice == 2:
        return name.lower()
    return name


def organisations(count: int, rng: random.Random) -> list[dict[str, str]]:
    """``count`` organisations with a name, status, region, towns and website."""
    words = ("Atelier", "Verein", "Stadt", "Université", "Brasserie", "Fondation", "Institut")
    places = ("Rhin", "Kehl", "Bâle", "Colmar", "Mulhouse", "Lörrach", "Freiburg", "Sélestat")
    found: list[dict[str, str]] = []
    names: set[str] = set()
    while len(found) < count:
        name = f"{rng.choice(words)} {rng.choice(places)} {rng.randrange(1, 99)}"
        if name.casefold() in names:
            continue
        names.add(name.casefold())
        slug = name.casefold().replace(" ", "-")
        found.append(
            {
                "name": name,
                "status": rng.choice(STATUSES),
                "region": rng.choice(REGIONS),
                "website": f"https://{slug}.example",
                "towns": "|".join(rng.sample(places, 2)),
            }
        )
    return found


def messy_rows(projects: int = 24, seed: int = 7) -> list[list[str]]:
    """The data rows (no header) of a messy export with ``projects`` projects."""
    rng = random.Random(seed)
    orgs = organisations(max(projects, 6), rng)
    rows: list[list[str]] = []
    repeats: list[int] = []  # rows of organisations already seen on an earlier row
    for number in range(projects):
        acronym = ACRONYMS[number % len(ACRONYMS)]
        call = FIRST_CALL + 2 * (number // len(ACRONYMS))  # one call every two years
        start = f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/{call}"
        members = rng.sample(orgs, rng.randrange(2, 6))
        for rank, org in enumerate(members):
            first = org.get("seen") is None
            org["seen"] = "yes"
            if not first:
                repeats.append(len(rows))
            status = org["status"] if first or rng.random() < 0.6 else rng.choice(NULLS)
            region = org["region"] if first or rng.random() < 0.7 else rng.choice(NULLS)
            website = org["website"] if rng.random() < 0.7 else org["website"].upper()
            if not first and rng.random() < 0.15:
                website = rng.choice(NULLS)
            rows.append(
                [
                    acronym,
                    str(call),
                    start,
                    _spelling(org["name"], rng),
                    status,
                    region,
                    rng.choice(org["towns"].split("|")),
                    "Lead partner" if rank == 0 else "Partner",
                    website,
                ]
            )
    # The one truly invalid row: an organisation's later row, so that what
    # its other rows say about it stands.
    rows[repeats[len(repeats) // 2]][2] = INVALID_DATE
    return rows


def write_messy_export(path: Path | str, projects: int = 24, seed: int = 7) -> Path:
    """Write a messy export to ``path`` and return it."""
    target = Path(path)
    lines = [";".join(HEADER), *(";".join(row) for row in messy_rows(projects, seed))]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    out = write_messy_export(
        sys.argv[1],
        int(sys.argv[2]) if len(sys.argv) > 2 else 24,
        int(sys.argv[3]) if len(sys.argv) > 3 else 7,
    )
    print(out)
