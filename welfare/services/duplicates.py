"""Possible duplicates of a child's file: before a file is opened (the child form, a concern's
intake, the import) and among a territory's files (the manager's list, before a merge).

The rules and thresholds are described in docs/decisions.md ("Doublons"). Names are compared
by PostgreSQL with pg_trgm's ``similarity`` on the lower-case, accent-free "first last" key
(the ``child_name_search`` trigram index holds it). pg_trgm reads every non-alphanumeric
character as a word break and compares sets of trigrams, so hyphens and the order of the
names do not change the score: "Jean-Pierre Dupont" and "Dupont Jean Pierre" score 1.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Exists, F, FloatField, Func, OuterRef, Q, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext as _

from welfare.enums import Role
from welfare.models import Child, Guardian, User
from welfare.models.children import name_search_key, person_key, search_key
from welfare.rules import add_years

# A similar name: a typo, a letter missing or doubled, an accent, a compound name cut short.
SIMILAR_NAME = 0.6
# The same name, up to case, accents, hyphens and order: the score of identical words is 1;
# the margin lets a single letter differ in a long name.
SAME_NAME = 0.9
# A birth date typed a few days off.
CLOSE_BIRTH_DAYS = 7
# At most so many candidates are shown: beyond, the caseworker searches the list.
MAX_CANDIDATES = 10


@dataclass(frozen=True)
class Candidate:
    """A file the user may open that may be the same child, and why."""

    child: Child
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Elsewhere:
    """A territory where a file may exist that the user may not open: only its name and who
    to ask, never the child's data."""

    territory: str
    managers: tuple[str, ...]


@dataclass(frozen=True)
class Duplicates:
    candidates: list[Candidate] = field(default_factory=list)
    elsewhere: list[Elsewhere] = field(default_factory=list)

    def __bool__(self):
        return bool(self.candidates or self.elsewhere)


def _similarity(left, right):
    return Func(left, right, function="similarity", output_field=FloatField())


def _birth_dates_near(birth_date: date) -> Q:
    """Born within a few days of ``birth_date``, or on the same day one year before or after
    (the year mistyped): the birth-date index reads these ranges."""
    margin = timedelta(days=CLOSE_BIRTH_DAYS)
    return (
        Q(birth_date__range=(birth_date - margin, birth_date + margin))
        | Q(birth_date=add_years(birth_date, -1))
        | Q(birth_date=add_years(birth_date, 1))
    )


def _reasons(*, similarity: float, found: date, typed: date, common_guardian: bool):
    """Why a file is a candidate, in French; empty when no rule holds."""
    reasons = []
    if found == typed and similarity >= SIMILAR_NAME:
        if similarity >= SAME_NAME:
            reasons.append(_("même nom et même date de naissance"))
        else:
            reasons.append(_("nom proche et même date de naissance"))
    elif similarity >= SAME_NAME and abs((found - typed).days) <= CLOSE_BIRTH_DAYS:
        days = abs((found - typed).days)
        reasons.append(
            _("même nom, naissance à %(days)s jour(s) d'écart") % {"days": days}
            if days
            else _("même nom et même date de naissance")
        )
    elif similarity >= SAME_NAME and found in (add_years(typed, -1), add_years(typed, 1)):
        reasons.append(_("même nom, naissance le même jour à un an d'écart"))
    if common_guardian and similarity >= SIMILAR_NAME:
        reasons.append(_("un responsable en commun"))
    return tuple(reasons)


def duplicate_candidates(
    *,
    first_name: str,
    last_name: str,
    birth_date: date,
    visible,
    guardians=(),
    exclude=(),
) -> Duplicates:
    """The files of the active base that may be the child about to be opened, in one query.

    A file is a candidate when its name is similar (``SIMILAR_NAME``) and the birth date the
    same; or its name the same (``SAME_NAME``) and the birth date ``CLOSE_BIRTH_DAYS`` apart
    at most, or the same day one year before or after; or when it has a guardian in common
    (``guardians``: pairs of first and last names, as the import brings them) and a similar
    name. ``visible`` is the queryset of the files the caller may open (for a staff member,
    ``Child.objects.for_user(user)``; for the import, the whole active base): those are
    returned with their reasons; for the others only their territory and its managers'
    names. ``exclude`` leaves out files known to be other children (the siblings chosen)."""
    typed_name = search_key(Value(f"{first_name} {last_name}"))
    near = _birth_dates_near(birth_date)
    guardian_keys = [
        Q(person=person_key(Value(first), Value(last))) for first, last in guardians if first
    ]
    common_guardian = Value(False)
    if guardian_keys:
        query = Q()
        for key in guardian_keys:
            query |= key
        common_guardian = Exists(
            Guardian.objects.filter(child=OuterRef("pk"))
            .annotate(person=person_key(F("first_name"), F("last_name")))
            .filter(query)
        )
        near |= Q(common_guardian=True)
    managers = ArraySubquery(
        User.objects.filter(
            territory=OuterRef("territory"), role=Role.TERRITORY_MANAGER, is_active=True
        )
        .order_by("last_name", "first_name")
        .values(full_name=Concat("first_name", Value(" "), "last_name"))
    )
    rows = (
        Child.objects.active_base()
        .annotate(
            similarity=_similarity(name_search_key(), typed_name),
            common_guardian=common_guardian,
            visible=Exists(visible.filter(pk=OuterRef("pk"))),
            managers=managers,
        )
        .filter(near, similarity__gte=SIMILAR_NAME)
        .exclude(pk__in=[child.pk for child in exclude])
        .select_related("territory", "referent")
        .order_by("-similarity", "last_name", "first_name", "pk")
    )
    candidates, elsewhere = [], {}
    for child in rows:
        reasons = _reasons(
            similarity=child.similarity,
            found=child.birth_date,
            typed=birth_date,
            common_guardian=child.common_guardian,
        )
        if not reasons:
            continue
        if child.visible:
            if len(candidates) < MAX_CANDIDATES:
                candidates.append(Candidate(child=child, reasons=reasons))
        else:
            elsewhere.setdefault(
                child.territory_id,
                Elsewhere(territory=child.territory.name, managers=tuple(child.managers)),
            )
    return Duplicates(candidates=candidates, elsewhere=list(elsewhere.values()))


@dataclass(frozen=True)
class Pair:
    """Two files of a territory that may be the same child."""

    first: Child
    second: Child
    reasons: tuple[str, ...]


# Pairs of active files of one territory: born close (the same rules as above) with similar
# names, or sharing a guardian with similar names; files recorded as siblings are not
# duplicates (the caseworker said so). One statement: the candidate pairs come from the
# birth-date index (each file against the few born around its date) and from the guardians'
# person keys; the names are compared for those pairs only.
PAIRS_SQL = f"""
WITH files AS (
    SELECT id, birth_date FROM welfare_child
    WHERE territory_id = %(territory)s AND archived_at IS NULL
),
guardian_keys AS (
    SELECT g.child_id,
           lower(welfare_unaccent(replace(
               concat(trim(g.first_name), ' ', trim(g.last_name)), '-', ' '))) AS person
    FROM welfare_guardian g JOIN files f ON f.id = g.child_id
),
candidates AS (
    SELECT a.id AS first_id, b.id AS second_id
    FROM files a JOIN welfare_child b
      ON b.birth_date BETWEEN a.birth_date - {CLOSE_BIRTH_DAYS}
                          AND a.birth_date + {CLOSE_BIRTH_DAYS}
    WHERE b.territory_id = %(territory)s AND b.archived_at IS NULL AND b.id > a.id
    UNION
    SELECT a.id, b.id
    FROM files a JOIN welfare_child b ON b.birth_date = (a.birth_date - interval '1 year')::date
    WHERE b.territory_id = %(territory)s AND b.archived_at IS NULL AND b.id > a.id
    UNION
    SELECT a.id, b.id
    FROM files a JOIN welfare_child b ON b.birth_date = (a.birth_date + interval '1 year')::date
    WHERE b.territory_id = %(territory)s AND b.archived_at IS NULL AND b.id > a.id
    UNION
    SELECT ga.child_id, gb.child_id
    FROM guardian_keys ga JOIN guardian_keys gb
      ON ga.person = gb.person AND gb.child_id > ga.child_id
),
scored AS (
    SELECT c.first_id, c.second_id, a.birth_date AS first_birth, b.birth_date AS second_birth,
           similarity(lower(welfare_unaccent(a.first_name || ' ' || a.last_name)),
                      lower(welfare_unaccent(b.first_name || ' ' || b.last_name))) AS score
    FROM candidates c
    JOIN welfare_child a ON a.id = c.first_id
    JOIN welfare_child b ON b.id = c.second_id
)
SELECT s.first_id, s.second_id, s.score, s.first_birth, s.second_birth,
       EXISTS (
           SELECT 1 FROM guardian_keys ga JOIN guardian_keys gb ON ga.person = gb.person
           WHERE ga.child_id = s.first_id AND gb.child_id = s.second_id
       ) AS common_guardian
FROM scored s
WHERE s.score >= {SIMILAR_NAME}
  AND NOT EXISTS (
      SELECT 1 FROM welfare_child_siblings siblings
      WHERE siblings.from_child_id = s.first_id AND siblings.to_child_id = s.second_id
  )
ORDER BY s.score DESC, s.first_id, s.second_id
"""


def territory_duplicate_pairs(territory) -> list[tuple[int, int, tuple[str, ...]]]:
    """The pairs of active files of ``territory`` that may be the same child, the most alike
    first: ``(first_id, second_id, reasons)``, in one query (the page loads its own files)."""
    with connection.cursor() as cursor:
        cursor.execute(PAIRS_SQL, {"territory": territory.pk})
        rows = cursor.fetchall()
    pairs = []
    for first_id, second_id, score, first_birth, second_birth, common in rows:
        reasons = _reasons(
            similarity=score, found=second_birth, typed=first_birth, common_guardian=common
        )
        if reasons:
            pairs.append((first_id, second_id, reasons))
    return pairs


def pairs_load(rows) -> list[Pair]:
    """The ``Pair`` of each ``(first_id, second_id, reasons)`` row, their files in one
    query."""
    ids = {pk for first_id, second_id, _reasons in rows for pk in (first_id, second_id)}
    files = Child.objects.select_related("referent").in_bulk(ids)
    return [
        Pair(first=files[first_id], second=files[second_id], reasons=reasons)
        for first_id, second_id, reasons in rows
        if first_id in files and second_id in files
    ]
