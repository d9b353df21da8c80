from celery import shared_task
from django.utils import timezone

from placements import services


@shared_task
def agrements_expire():
    """Daily: mark as expired the agréments whose expiry date has come."""
    return services.agrements_expire(today=timezone.localdate())
