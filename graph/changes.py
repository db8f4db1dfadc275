"""What an import changes, shown before it changes it; the revisions every write makes.

Pure functions over the model, no I/O: a store reads what it holds of the records an
import names (``existing``), ``plan_import`` compares, and the store writes exactly the
plan's records. The rules are those of ``docs/data-format.md`` ("Imports that never lose
data"):

- an actor's territories accumulate across imports (``replace=True``: the file's values,
  territories included, replace the stored ones); so do its attributes, and an optional
  field the file leaves empty keeps its stored value;
- an incoming actor with a stored actor's id but another name and no territory in
  common is another actor: an ``ImportCollision``, unless ``merge=True``; the ids of a
  GEXF or GraphML file are local to the file (``local_ids=True``): there another name
  alone is a collision;
- ties are replaced whole by the incoming tie of the same identity;
- a participation's attributes accumulate as an actor's do.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .errors import MaillageError
from .model import Activity, Actor, Dataset, Participation, Tie, TieIdentity
from .problem_text import COLLISION, render
from .revision_text import COUNT_FIELDS, IMPORTED, ActorChange, describe
from .warning_text import UPDATED_FROM_OTHER_FILES, render_count

#: The fields of an actor an import may change, in the order the summary names them.
ACTOR_FIELDS = ("name", "sector", "territories", "kind", "city", "lat", "lon", "joined")
#: The fields of a tie an import may change (its ends, kind and direction are its identity).
TIE_FIELDS = ("weight", "since", "until", "note", "ref", "activities")
#: How many examples of changed actors, collisions or warnings a summary shows.
EXAMPLES = 5


def quoted(text: str) -> str:
    """``text`` between single quotes as the user wrote it (no Python escapes).

    >>> quoted("Jardins d'Ill")
    "'Jardins d'Ill'"
    """
    return f"'{text}'"


def same_name(a: str, b: str) -> bool:
    """True when two names differ at most in case and spacing.

    >>> same_name("Air  France", "air france")
    True
    """
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


# ---------------------------------------------------------------------- collisions


@dataclass(frozen=True, slots=True)
class Collision:
    """An incoming actor whose id names another, stored actor."""

    id: str
    stored: Actor
    incoming: Actor

    def __str__(self) -> str:
        def who(actor: Actor) -> str:
            return f"{quoted(actor.name)} ({', '.join(actor.territories)})"

        return render(
            COLLISION, id=quoted(self.id), stored=who(self.stored), incoming=who(self.incoming)
        )


class ImportCollision(MaillageError):
    """The import names stored actors' ids for other actors; nothing was imported."""

    def __init__(self, collisions: Sequence[Collision]) -> None:
        self.collisions = tuple(collisions)
        count = len(self.collisions)
        shown = [f"  {c}" for c in self.collisions[:EXAMPLES]]
        if count > EXAMPLES:
            shown.append(f"  ... and {count - EXAMPLES} more")
        super().__init__(
            "\n".join(
                [
                    f"{count} actor id{'s' if count != 1 else ''} of this import already "
                    f"name{'' if count != 1 else 's'} other actors in the store (another "
                    "name, no territory in common); nothing was imported:",
                    *shown,
                    "Ways on: --id-prefix PREFIX (this import's ids become PREFIX + id, its "
                    "ties follow), or --merge if they are the same actors.",
                ]
            )
        )


def is_collision(stored: Actor, incoming: Actor, *, local_ids: bool = False) -> bool:
    """True when ``incoming`` is another actor than ``stored`` although it has its id."""
    if same_name(stored.name, incoming.name):
        return False
    return local_ids or not set(stored.territories) & set(incoming.territories)


def prefix_ids(dataset: Dataset, prefix: str) -> Dataset:
    """``dataset`` with its actors' ids made ``prefix + id``; its ties and participations follow.

    Ends naming actors outside ``dataset`` (already stored) are left as they are.

    >>> data = Dataset(actors=(Actor("0", "A", "other", ("T",)),), ties=(Tie("0", "x"),))
    >>> [a.id for a in prefix_ids(data, "g-").actors], prefix_ids(data, "g-").ties[0].source
    (['g-0'], 'g-0')
    """
    if not prefix:
        raise ValueError("an id prefix cannot be empty")
    own = {actor.id for actor in dataset.actors}

    def new(actor_id: str) -> str:
        return prefix + actor_id if actor_id in own else actor_id

    return dataclasses.replace(
        dataset,
        actors=tuple(dataclasses.replace(a, id=prefix + a.id) for a in dataset.actors),
        ties=tuple(
            dataclasses.replace(t, source=new(t.source), target=new(t.target)) for t in dataset.ties
        ),
        participations=tuple(
            dataclasses.replace(p, actor=new(p.actor)) for p in dataset.participations
        ),
    )


# ---------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class ImportPlan:
    """What an import adds, updates and leaves alone, field by field.

    ``actors_added`` / ``actors_updated`` (and the same for ties and activities) are the
    records a store writes, as they will be stored (territories accumulated); the
    ``*_unchanged`` counts are the incoming records identical to the stored ones.
    """

    actors_added: tuple[Actor, ...] = ()
    actors_updated: tuple[Actor, ...] = ()
    actors_unchanged: int = 0
    ties_added: tuple[Tie, ...] = ()
    ties_updated: tuple[Tie, ...] = ()
    ties_unchanged: int = 0
    activities_added: tuple[Activity, ...] = ()
    activities_updated: tuple[Activity, ...] = ()
    participations_added: tuple[Participation, ...] = ()
    #: Stored participations whose attributes change (as they will be written).
    participations_updated: tuple[Participation, ...] = ()
    territories_added: tuple[str, ...] = ()
    #: field -> how many updated actors it changes (``territories``: joined or left).
    actor_fields: Mapping[str, int] = field(default_factory=dict)
    #: territory -> how many stored actors join it / leave it (``replace`` only).
    joins: Mapping[str, int] = field(default_factory=dict)
    leaves: Mapping[str, int] = field(default_factory=dict)
    #: field -> how many updated ties it changes.
    tie_fields: Mapping[str, int] = field(default_factory=dict)
    #: attribute name -> how many updated actors it changes.
    attributes: Mapping[str, int] = field(default_factory=dict)
    examples: tuple[ActorChange, ...] = ()
    warnings: tuple[str, ...] = ()
    collisions: tuple[Collision, ...] = ()
    #: The identities of ``ties_added`` then ``ties_updated``, in order, if known (the
    #: writer's tie rows need them: computed once).
    tie_identities: tuple[TieIdentity, ...] | None = field(default=None, compare=False, repr=False)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.actors_added,
                self.actors_updated,
                self.ties_added,
                self.ties_updated,
                self.activities_added,
                self.activities_updated,
                self.participations_added,
                self.participations_updated,
            )
        )

    def counts(self) -> dict[str, int]:
        """The numbers of the summary, by name."""
        return {
            "actors_added": len(self.actors_added),
            "actors_updated": len(self.actors_updated),
            "actors_unchanged": self.actors_unchanged,
            "ties_added": len(self.ties_added),
            "ties_updated": len(self.ties_updated),
            "ties_unchanged": self.ties_unchanged,
            "activities_added": len(self.activities_added),
            "activities_updated": len(self.activities_updated),
            "participations_added": len(self.participations_added),
            "participations_updated": len(self.participations_updated),
            "territories_added": len(self.territories_added),
        }

    def describe(self) -> list[str]:
        """The plan in plain lines: counts, what changes field by field, examples, warnings."""
        lines = [
            f"Actors: {len(self.actors_added)} added, {len(self.actors_updated)} updated, "
            f"{self.actors_unchanged} unchanged.",
            f"Ties: {len(self.ties_added)} added, {len(self.ties_updated)} updated, "
            f"{self.ties_unchanged} unchanged.",
        ]
        participations = self.participations_added or self.participations_updated
        if self.activities_added or self.activities_updated or participations:
            lines.append(
                f"Activities: {len(self.activities_added)} added, "
                f"{len(self.activities_updated)} updated; "
                f"{len(self.participations_added)} participations added, "
                f"{len(self.participations_updated)} updated."
            )
        if self.territories_added:
            lines.append(
                f"New territories ({len(self.territories_added)}): "
                + ", ".join(self.territories_added[:10])
                + (" ..." if len(self.territories_added) > 10 else "")
            )
        for name in ACTOR_FIELDS:
            count = self.actor_fields.get(name, 0)
            if count and name != "territories":
                lines.append(f"  {_actors(count)} change {name}")
        for territory, count in sorted(self.joins.items()):
            lines.append(f"  {_actors(count)} join territory {territory}")
        for territory, count in sorted(self.leaves.items()):
            lines.append(f"  {_actors(count)} leave territory {territory}")
        for name, count in sorted(self.attributes.items()):
            lines.append(f"  {_actors(count)} change attribute {name}")
        for name in TIE_FIELDS:
            count = self.tie_fields.get(name, 0)
            if count:
                lines.append(f"  {count} tie{'s' if count != 1 else ''} change {name}")
        if self.examples:
            lines.append("For example:")
            lines.extend(f"  {example}" for example in self.examples)
        lines.extend(f"warning: {warning}" for warning in self.warnings)
        return lines


def _actors(count: int) -> str:
    return f"{count} actor{'s' if count != 1 else ''}"


def merged_actor(stored: Actor, incoming: Actor, *, replace: bool = False) -> Actor:
    """What the store keeps of ``incoming`` over ``stored`` (see the module's rules)."""
    if replace:
        return incoming
    territories = tuple(dict.fromkeys((*stored.territories, *incoming.territories)))
    attributes = {**stored.attributes, **incoming.attributes}
    return dataclasses.replace(
        incoming,
        territories=territories,
        kind=stored.kind if incoming.kind is None else incoming.kind,
        city=stored.city if incoming.city is None else incoming.city,
        lat=stored.lat if incoming.lat is None else incoming.lat,
        lon=stored.lon if incoming.lon is None else incoming.lon,
        joined=stored.joined if incoming.joined is None else incoming.joined,
        attributes=attributes if attributes != stored.attributes else stored.attributes,
    )


def plan_import(
    existing: Dataset,
    incoming: Dataset,
    *,
    replace: bool = False,
    merge: bool = False,
    local_ids: bool = False,
    territories: Collection[str] = (),
    origins: Mapping[str, Sequence[str]] | None = None,
    files: Sequence[str] = (),
) -> ImportPlan:
    """Compare ``incoming`` with what the store holds of it (``existing``).

    Parameters
    ----------
    existing
        The stored actors with the ids of ``incoming``'s actors, the stored ties with the
        identities of its ties, the stored activities and participations it names.
    incoming
        The import. Of several records with one id or identity, the last one counts.
    replace
        The incoming values, territories included, replace the stored ones.
    merge
        Incoming actors that collide with stored ones are the same actors: no collision.
    local_ids
        The ids are local to the file (GEXF, GraphML): another name alone is a collision.
    territories
        The names of the stored territories (for ``territories_added``).
    origins
        Stored actor id -> the files of the import that last wrote it (for warnings).
    files
        The names of this import's files.
    """
    stored_actors = {actor.id: actor for actor in existing.actors}
    incoming_actors = {actor.id: actor for actor in incoming.actors}
    added: list[Actor] = []
    updated: list[Actor] = []
    collisions: list[Collision] = []
    fields: Counter[str] = Counter()
    attributes: Counter[str] = Counter()
    joins: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    examples: list[ActorChange] = []
    foreign: Counter[str] = Counter()
    foreign_examples: list[str] = []
    file_names = {_file_name(name) for name in files}
    for actor_id, actor in incoming_actors.items():
        stored = stored_actors.get(actor_id)
        if stored is None:
            added.append(actor)
            continue
        if not merge and is_collision(stored, actor, local_ids=local_ids):
            collisions.append(Collision(actor_id, stored, actor))
            continue
        new = merged_actor(stored, actor, replace=replace)
        if new == stored:
            continue
        updated.append(new)
        changed = [name for name in ACTOR_FIELDS if getattr(stored, name) != getattr(new, name)]
        fields.update(changed)
        joins.update(t for t in new.territories if t not in stored.territories)
        leaves.update(t for t in stored.territories if t not in new.territories)
        keys = stored.attributes.keys() | new.attributes.keys()
        attributes.update(k for k in keys if stored.attributes.get(k) != new.attributes.get(k))
        if len(examples) < EXAMPLES:
            detail = tuple((name, getattr(stored, name), getattr(new, name)) for name in changed)
            examples.append(ActorChange(actor_id, new.name, detail))
        came_from = [f for f in (origins or {}).get(actor_id, ()) if f]
        if came_from and not {_file_name(f) for f in came_from} & file_names:
            origin = ", ".join(sorted({_file_name(f) for f in came_from}))
            foreign[origin] += 1
            if len(foreign_examples) < EXAMPLES:
                foreign_examples.append(f"{actor_id} {quoted(stored.name)}")
    warnings = []
    if foreign:
        total = sum(foreign.values())
        where = "; ".join(f"{origin}: {count}" for origin, count in sorted(foreign.items()))
        warnings.append(
            render_count(
                UPDATED_FROM_OTHER_FILES, total, where=where, examples=", ".join(foreign_examples)
            )
        )
    ties_added, ties_updated, ties_unchanged, tie_fields, identities = _plan_ties(
        existing, incoming
    )
    activities_added, activities_updated = _plan_activities(existing, incoming)
    participations_added, participations_updated = _plan_participations(
        existing, incoming, replace=replace
    )
    known = set(territories)
    wanted = dict.fromkeys(t for a in (*added, *updated) for t in a.territories)
    return ImportPlan(
        actors_added=tuple(added),
        actors_updated=tuple(updated),
        actors_unchanged=len(incoming_actors) - len(added) - len(updated) - len(collisions),
        ties_added=ties_added,
        ties_updated=ties_updated,
        ties_unchanged=ties_unchanged,
        activities_added=activities_added,
        activities_updated=activities_updated,
        participations_added=participations_added,
        participations_updated=participations_updated,
        territories_added=tuple(sorted(t for t in wanted if t not in known)),
        actor_fields=dict(fields),
        joins=dict(joins),
        leaves=dict(leaves),
        tie_fields=tie_fields,
        attributes=dict(attributes),
        examples=tuple(examples),
        warnings=tuple(warnings),
        collisions=tuple(collisions),
        tie_identities=identities,
    )


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _plan_ties(
    existing: Dataset, incoming: Dataset
) -> tuple[tuple[Tie, ...], tuple[Tie, ...], int, dict[str, int], tuple[TieIdentity, ...]]:
    """(added, updated, unchanged count, field -> count, identities of added + updated)."""
    ties, identities = incoming.distinct_ties()
    if not existing.ties:  # all added: the loader's tuple and identities as they are
        return ties, (), 0, {}, identities
    stored = {tie.identity: tie for tie in existing.ties}
    added, updated, added_ids, updated_ids = [], [], [], []
    fields: Counter[str] = Counter()
    for identity, tie in zip(identities, ties, strict=True):
        old = stored.get(identity)
        if old is None:
            added.append(tie)
            added_ids.append(identity)
            continue
        changed = [name for name in TIE_FIELDS if getattr(old, name) != getattr(tie, name)]
        if changed:
            updated.append(tie)
            updated_ids.append(identity)
            fields.update(changed)
    unchanged = len(ties) - len(added) - len(updated)
    return tuple(added), tuple(updated), unchanged, dict(fields), (*added_ids, *updated_ids)


def _plan_activities(
    existing: Dataset, incoming: Dataset
) -> tuple[tuple[Activity, ...], tuple[Activity, ...]]:
    stored = {activity.id: activity for activity in existing.activities}
    unique = {activity.id: activity for activity in incoming.activities}
    added = tuple(a for a in unique.values() if a.id not in stored)
    updated = tuple(a for a in unique.values() if a.id in stored and stored[a.id] != a)
    return added, updated


def _plan_participations(
    existing: Dataset, incoming: Dataset, *, replace: bool = False
) -> tuple[tuple[Participation, ...], tuple[Participation, ...]]:
    """The participations to add, and the stored ones whose attributes change.

    Attributes accumulate as an actor's do (``replace``: the incoming ones replace them).
    """
    stored = {(p.actor, p.activity): p for p in existing.participations}
    added: dict[tuple[str, str], Participation] = {}
    updated: dict[tuple[str, str], Participation] = {}
    for new in incoming.participations:
        pair = (new.actor, new.activity)
        old = stored.get(pair)
        if old is None:
            added.setdefault(pair, new)
            continue
        merged = new if replace else merged_participation(old, new)
        if merged.attributes != old.attributes:
            updated.setdefault(pair, merged)
    return tuple(added.values()), tuple(updated.values())


def merged_participation(stored: Participation, incoming: Participation) -> Participation:
    """``incoming`` with the stored attributes it does not set.

    >>> old = Participation("a", "x", (("role", "lead"), ("town", "Lyon")))
    >>> merged_participation(old, Participation("a", "x", (("town", "Metz"),))).attributes
    (('role', 'lead'), ('town', 'Metz'))
    """
    attributes = dict(stored.attributes) | dict(incoming.attributes)
    return dataclasses.replace(incoming, attributes=tuple(sorted(attributes.items())))


def planned_records(plan: ImportPlan) -> Edit:
    """The records ``plan`` writes, as one ``Edit``."""
    ties = (*plan.ties_added, *plan.ties_updated) if plan.ties_updated else plan.ties_added
    identities = plan.tie_identities
    return Edit(
        actors=(*plan.actors_added, *plan.actors_updated),
        ties=ties,
        known_identities=None if identities is None else (ties, identities),
        activities=(*plan.activities_added, *plan.activities_updated),
        participations=(*plan.participations_added, *plan.participations_updated),
    )


# ---------------------------------------------------------------------- revisions


@dataclass(frozen=True)
class Edit:
    """Records to write exactly as given, and records to remove: one write, one revision.

    Removing an actor removes its ties and participations too. A store writes an edit in
    one transaction and records what undoes it.
    """

    actors: tuple[Actor, ...] = ()
    ties: tuple[Tie, ...] = ()
    activities: tuple[Activity, ...] = ()
    participations: tuple[Participation, ...] = ()
    removed_actors: tuple[str, ...] = ()
    removed_ties: tuple[Tie, ...] = ()
    removed_participations: tuple[Participation, ...] = ()
    #: ``(ties, their identities)``, one tie per identity, when whoever made the edit knows
    #: them (an import's plan): used only while ``ties`` is that very tuple.
    known_identities: tuple[tuple[Tie, ...], tuple[TieIdentity, ...]] | None = field(
        default=None, compare=False, repr=False
    )

    #: Territories the edit touches beyond those of its actors: the territories of the ends of
    #: the ties it writes, when whoever made the edit has them (the history lists it there).
    territories_touched: tuple[str, ...] = ()

    @property
    def territories(self) -> frozenset[str]:
        """The territories of the edit's actors and ``territories_touched``."""
        written = (t for actor in self.actors for t in actor.territories)
        return frozenset((*written, *self.territories_touched))


@dataclass(frozen=True, slots=True)
class FileDigest:
    """A file an import read: its name as given and the SHA-256 of its bytes."""

    name: str
    sha256: str


#: What a revision did.
IMPORT, EDIT, DELETE, UNDO = "import", "edit", "delete", "undo"


@dataclass(frozen=True)
class Revision:
    """One write to the store, as ``maillage history`` lists it.

    ``undoes`` names the revisions an undo reverted; ``undone_by`` the undo that reverted
    this one (None while it stands).
    """

    id: int
    time: datetime
    user: str
    action: str
    description: str
    files: tuple[FileDigest, ...] = ()
    territories: tuple[str, ...] = ()
    undoes: tuple[int, ...] = ()
    undone_by: int | None = None

    def describe(self) -> str:
        """One line: id, time, who, what."""
        when = self.time.strftime("%Y-%m-%d %H:%M:%S UTC")
        what = self.description or self.action
        if self.undone_by is not None:
            what += f" (undone by {self.undone_by})"
        return f"{self.id}\t{when}\t{self.user or '-'}\t{what}"

    def file_lines(self) -> list[str]:
        return [f"\t{f.name}  sha256 {f.sha256}" for f in self.files]


def describe_import(plan: ImportPlan, files: Iterable[FileDigest]) -> str:
    """The description an import's revision keeps: its files and what it changed."""
    names = ", ".join(f.name for f in files) or "data"
    c = plan.counts()
    counts = {key: c[key] for key in COUNT_FIELDS}
    return describe(IMPORTED, files=names, **counts)
