"""Writes of plans and budgets. The history of every change is kept by pghistory's triggers."""

from django.db import transaction


@transaction.atomic
def record_save(*, record, data: dict):
    """Create or change a plan or budget record (scheme, objective, action, milestone, funding,
    indicator, measurement, budget, budget line) from validated data.

    The parent is already set on a new ``record``. The model's rules are checked again here, so
    that no caller can store what a form would refuse; the database constraints stand behind.
    """
    for name, value in data.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def record_delete(*, record) -> None:
    """Delete a plan or budget record and everything under it (a plan's objectives and actions,
    an action's fundings, a budget's lines). Totals follow, since they are always summed."""
    record.delete()
