"""Writes of plans and budgets. The history of every change is kept by pghistory's triggers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schemes import selectors
from schemes.enums import SchemeStatus
from schemes.models import Scheme
from schemes.publication import plan_snapshot


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


@transaction.atomic
def scheme_publish(*, scheme: Scheme) -> Scheme:
    """Put the plan as it stands on the public site, every change since the last publication
    at once; its public pages show this version until the next one."""
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if scheme.status == SchemeStatus.DRAFT:
        raise ValidationError(_("Adoptez le schéma avant de le publier (changez son état)."))
    plan = selectors.scheme_with_plan(schemes=Scheme.objects.filter(pk=scheme.pk)).get()
    scheme.published = True
    scheme.published_content = plan_snapshot(plan)
    scheme.published_at = timezone.now()
    scheme.save(update_fields=["published", "published_content", "published_at", "updated_at"])
    return scheme


@transaction.atomic
def scheme_unpublish(*, scheme: Scheme) -> Scheme:
    """Take the plan off the public site; its draft stays as it is."""
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    scheme.published, scheme.published_content, scheme.published_at = False, None, None
    scheme.save(update_fields=["published", "published_content", "published_at", "updated_at"])
    return scheme
