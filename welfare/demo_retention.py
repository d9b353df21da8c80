"""Demo: the retention rule applied to the demo as it stands on the day it is loaded.

The demo's histories run from 2022 to today, so the children who left care more than the
active period ago (back home, majority, end of the jeune majeur support in 2023 or 2024) are
past it: they go to intermediate archiving, where the ``archiviste`` account reads them. The
first of them in the Nord territory is held in the active base by its manager instead, to show
the hold. The figures of 31/12/2022 do not move: figures and exports count archived files.
Idempotent: the hold is set once, and archiving again archives nothing more.
"""

from django.db import connection
from django.utils import timezone

from welfare.models import Child, User
from welfare.retention import files_past_active_period
from welfare.services.children import child_legal_hold_set, retention_apply

HOLD_REASON = (
    "Démonstration : demande d'accès à son dossier par le jeune devenu majeur, en cours "
    "d'instruction (art. L311-1 CRPA)."
)


def load(*, departement: str, stdout) -> None:
    """Hold one file past the period in the active base, archive the others."""
    # Statistics for the planner first: the rule's statement, on tables just filled in this
    # transaction, is planned for empty ones otherwise and takes far longer.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    today = timezone.localdate()
    manager = User.objects.filter(username="responsable.nord").first()
    if manager and not Child.objects.filter(legal_hold=True).exists():
        held = files_past_active_period(day=today).filter(territory=manager.territory).first()
        if held is not None:
            child_legal_hold_set(child=held, by=manager, hold=True, reason=HOLD_REASON)
    count = retention_apply(day=today)
    stdout.write(
        f"Conservation : {count} dossier(s) placé(s) en archivage intermédiaire, "
        f"{Child.objects.archived().count()} au total."
    )
