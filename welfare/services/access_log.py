"""The access log: who read which child's identity, when and why (CNIL: every read of a
file, and every use of it, is traceable; a family may ask to see it, art. 15 RGPD).

Every page, form, list or download that shows a child's name calls ``access_log_reads`` once,
with the children it shows: one insert whatever their number. The apps call it too (welfare
never imports them). Refused attempts are written by the gate (``welfare.permissions``)
through ``access_refusal_record``.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from welfare.enums import AccessPurpose
from welfare.models import AccessLog

DETAIL_LENGTH = AccessLog._meta.get_field("detail").max_length
# Rows per INSERT: a page shows at most a few dozen children; only the OLINPE file of a year
# may list more, and PostgreSQL takes at most 65 535 parameters in one statement.
BATCH_SIZE = 5000


@dataclass(frozen=True)
class Read:
    """Children a page shows for another purpose than its main one (the search results
    beside a concern's own children)."""

    children: Iterable
    purpose: str
    detail: str = ""


def access_log_reads(
    *, user, children: Iterable, purpose: str, detail: str = "", also: Iterable[Read] = ()
) -> list[AccessLog]:
    """Note that ``user`` read the identity of each of ``children`` for ``purpose`` (one row
    per child, a child shown twice counted once), and of the children of each ``Read`` in
    ``also``, in a single insert; none when no child is shown. ``detail`` says more: the words
    searched, the file downloaded (truncated to the column)."""
    rows = []
    for read in (Read(children, purpose, detail), *also):
        seen = set()
        for child in read.children:
            if child.pk in seen:
                continue
            seen.add(child.pk)
            rows.append(
                AccessLog(
                    child_id=child.pk,
                    user=user,
                    purpose=read.purpose,
                    detail=read.detail[:DETAIL_LENGTH],
                )
            )
    if not rows:
        return []
    return AccessLog.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def access_log_record(*, child, user, purpose: str = AccessPurpose.FILE_OPENED) -> AccessLog:
    """Note that ``user`` opened ``child``'s file (the one write a GET makes), or linked it to
    or unlinked it from another service's record."""
    return access_log_reads(user=user, children=[child], purpose=purpose)[0]


def access_refusal_record(*, user, children, in_scope, by_role: bool, detail: str = ""):
    """Note that ``user`` asked for a page naming ``children`` (a child's file, or a record
    that names children: a placement, a concern) and was refused, so the territory manager
    sees the attempt beside the readings. A refusal by role (403) is always noted; a 404 only
    when the record is outside the user's scope (``in_scope``, a queryset of it, is empty),
    not when a page inside a record he may open is missing (the end of a measure already
    ended). An unknown record names no child: nothing is noted."""
    if not by_role and in_scope.exists():
        return []
    return access_log_reads(
        user=user, children=children, purpose=AccessPurpose.REFUSED, detail=detail
    )
