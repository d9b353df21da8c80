"""Reads of the families' contact inbox."""

from datetime import date

from welfare.models import ContactEvent, ContactRequest, User
from welfare.permissions import CONTACT_ROLES


def contact_requests_filtered(
    *,
    status: str = "",
    topic: str = "",
    received_from: date | None = None,
    received_to: date | None = None,
):
    """The inbox, newest first, narrowed by the filters given; with each assignee in one query."""
    requests = ContactRequest.objects.for_inbox()
    if status:
        requests = requests.filter(status=status)
    if topic:
        requests = requests.filter(topic=topic)
    if received_from:
        requests = requests.filter(created_at__date__gte=received_from)
    if received_to:
        requests = requests.filter(created_at__date__lte=received_to)
    return requests


def contact_request_history(*, contact_request: ContactRequest):
    """A request's events, oldest first, with who did what."""
    return ContactEvent.objects.filter(contact_request=contact_request).select_related(
        "actor", "assignee"
    )


def contact_handlers():
    """Active staff who may be given a request: reception and the directorate."""
    return User.objects.filter(is_active=True, role__in=CONTACT_ROLES).order_by(
        "last_name", "first_name", "username"
    )
