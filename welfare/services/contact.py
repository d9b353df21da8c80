"""Writes on the families' contact requests: submission, handling by staff, e-mails, retention.

E-mails leave through Celery once the transaction has committed, sent by the views that call
these services (``welfare/jobs.py``: a service never sends the task that calls it back).
Neither a broker outage nor a mail server outage loses anything: the request or reply is saved
first, and the periodic task ``contact_emails_send_pending`` sends whatever is still unsent.
Each message is claimed with a row lock (``select_for_update(skip_locked=True)``) and marked
sent in the same transaction, so two workers never send it twice.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from welfare.contact_enums import ContactEventKind, ContactStatus
from welfare.models import ContactEvent, ContactReply, ContactRequest, Departement
from welfare.permissions import CONTACT_ROLES

logger = logging.getLogger(__name__)

# The beat task that sends the e-mails whose job was lost (``welfare/jobs.py``).
EMAIL_CATCH_UP = "contact_emails_send_pending"


def contact_request_submit(
    *,
    topic: str,
    message: str,
    email: str,
    first_name: str = "",
    last_name: str = "",
    postal_address: str = "",
    consented: bool = False,
) -> ContactRequest:
    """Save a question from the public form; the caller sends its confirmation e-mail
    (``tasks.contact_confirmation_send``) on commit. ``consented``: the visitor ticked the
    consent box, which the form shows only when the DPO requires consent
    (``CONTACT_CONSENT_REQUIRED``)."""
    with transaction.atomic():
        now = timezone.now()
        contact_request = ContactRequest.objects.create(
            topic=topic,
            message=message,
            email=email,
            first_name=first_name,
            last_name=last_name,
            postal_address=postal_address,
            consent_at=now if consented else None,
            created_at=now,
        )
        ContactEvent.objects.create(
            contact_request=contact_request, kind=ContactEventKind.RECEIVED, created_at=now
        )
    return contact_request


def contact_request_assign(*, contact_request: ContactRequest, assignee, by) -> None:
    """Hand an open request to a colleague; a new request is then in progress."""
    if not (assignee.is_active and assignee.role in CONTACT_ROLES):
        raise ValidationError(_("Cet agent ne traite pas les demandes des familles."))
    with transaction.atomic():
        contact_request = _lock_open(contact_request)
        contact_request.assignee = assignee
        if contact_request.status == ContactStatus.NEW:
            contact_request.status = ContactStatus.IN_PROGRESS
        contact_request.save(update_fields=["assignee", "status"])
        ContactEvent.objects.create(
            contact_request=contact_request,
            kind=ContactEventKind.ASSIGNED,
            actor=by,
            assignee=assignee,
        )


def contact_request_reply(*, contact_request: ContactRequest, author, body: str) -> ContactReply:
    """Store a reply to an open request and mark it answered; the caller sends the e-mail
    (``tasks.contact_reply_send``) on commit."""
    with transaction.atomic():
        contact_request = _lock_open(contact_request)
        reply = ContactReply.objects.create(
            contact_request=contact_request, author=author, body=body
        )
        contact_request.status = ContactStatus.ANSWERED
        contact_request.save(update_fields=["status"])
        ContactEvent.objects.create(
            contact_request=contact_request, kind=ContactEventKind.REPLIED, actor=author
        )
    return reply


def contact_request_close(*, contact_request: ContactRequest, by) -> None:
    """Close a request; its retention period starts now."""
    with transaction.atomic():
        contact_request = _lock_open(contact_request)
        contact_request.status = ContactStatus.CLOSED
        contact_request.closed_at = timezone.now()
        contact_request.save(update_fields=["status", "closed_at"])
        ContactEvent.objects.create(
            contact_request=contact_request, kind=ContactEventKind.CLOSED, actor=by
        )


def contact_request_export(*, contact_request: ContactRequest, by) -> dict:
    """The person's data held in one request, for their right of access; the export is logged."""
    with transaction.atomic():
        ContactEvent.objects.create(
            contact_request=contact_request, kind=ContactEventKind.EXPORTED, actor=by
        )
    return {
        "reference": contact_request.reference,
        "recue_le": contact_request.created_at.isoformat(),
        "sujet": contact_request.get_topic_display(),
        "message": contact_request.message,
        "adresse_electronique": contact_request.email,
        "prenom": contact_request.first_name,
        "nom": contact_request.last_name,
        "adresse_postale": contact_request.postal_address,
        "consentement_donne_le": _isoformat(contact_request.consent_at),
        "statut": contact_request.get_status_display(),
        "cloturee_le": _isoformat(contact_request.closed_at),
        "anonymisee_le": _isoformat(contact_request.anonymised_at),
        "reponses": [
            {
                "redigee_le": reply.created_at.isoformat(),
                "envoyee_le": _isoformat(reply.sent_at),
                "reponse": reply.body,
            }
            for reply in contact_request.replies.all()
        ],
    }


def contact_confirmation_send(*, contact_request_id: int) -> bool:
    """Send the acknowledgement of one request unless already sent; True when sent by this call.

    The row stays locked while the message goes out; a failed send rolls the claim back and
    leaves the confirmation to the next run.
    """
    with transaction.atomic():
        contact_request = (
            ContactRequest.objects.awaiting_confirmation()
            .select_for_update(skip_locked=True)
            .filter(pk=contact_request_id)
            .first()
        )
        if contact_request is None:
            return False
        _email(
            subject=_("Votre question a bien été reçue (référence %(reference)s)")
            % {"reference": contact_request.reference},
            template="emails/contact_confirmation.txt",
            context={"contact_request": contact_request},
            to=contact_request.email,
        ).send()
        contact_request.confirmation_sent_at = timezone.now()
        contact_request.save(update_fields=["confirmation_sent_at"])
        ContactEvent.objects.create(
            contact_request=contact_request, kind=ContactEventKind.CONFIRMATION_SENT
        )
    return True


# How a letter in French opens; the e-mail adds its own "Bonjour," only when the agent's reply
# opens with none of them.
GREETINGS = frozenset(
    ("bonjour", "bonsoir", "madame", "monsieur", "mesdames", "messieurs", "cher", "chère")
    + ("chers", "chères")
)


def opens_with_greeting(body: str) -> bool:
    """Whether the first word of ``body`` is a salutation ("Bonjour,", "Madame," …)."""
    words = body.strip().split(maxsplit=1)
    return bool(words) and words[0].strip(",!:").casefold() in GREETINGS


def contact_reply_send(*, reply_id: int) -> bool:
    """Send one stored reply unless already sent; True when sent by this call (locked as above)."""
    with transaction.atomic():
        reply = (
            ContactReply.objects.awaiting_sending()
            .select_related("contact_request")
            .select_for_update(skip_locked=True, of=("self",))
            .filter(pk=reply_id)
            .first()
        )
        if reply is None:
            return False
        contact_request = reply.contact_request
        _email(
            subject=_("Réponse à votre question (référence %(reference)s)")
            % {"reference": contact_request.reference},
            template="emails/contact_reply.txt",
            context={
                "contact_request": contact_request,
                "reply": reply,
                "reply_greets": opens_with_greeting(reply.body),
            },
            to=contact_request.email,
        ).send()
        reply.sent_at = timezone.now()
        reply.save(update_fields=["sent_at"])
        ContactEvent.objects.create(
            contact_request=contact_request, kind=ContactEventKind.REPLY_SENT, actor=reply.author
        )
    return True


def contact_emails_send_pending() -> int:
    """Send every confirmation and reply still unsent; return how many went out.

    Each message is claimed and sent in its own transaction, so an address the mail server
    refuses does not hold back the others; it is tried again on the next run.
    """
    sent = 0
    for contact_request_id in ContactRequest.objects.awaiting_confirmation().values_list(
        "pk", flat=True
    ):
        sent += _send_or_log(contact_confirmation_send, contact_request_id=contact_request_id)
    for reply_id in ContactReply.objects.awaiting_sending().values_list("pk", flat=True):
        sent += _send_or_log(contact_reply_send, reply_id=reply_id)
    return sent


def contact_requests_anonymise_expired(*, now=None) -> int:
    """Erase the personal data of requests closed longer than the retention period; count them.

    Topic, status, dates and history stay, so the yearly figures still add up.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CONTACT_RETENTION_DAYS)
    with transaction.atomic():
        expired = list(
            ContactRequest.objects.not_anonymised()
            .closed_before(cutoff)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
        )
        ContactRequest.objects.filter(pk__in=expired).update(
            message="",
            email="",
            first_name="",
            last_name="",
            postal_address="",
            anonymised_at=now,
        )
        ContactReply.objects.filter(contact_request__in=expired).update(body="")
        ContactEvent.objects.bulk_create(
            ContactEvent(contact_request_id=pk, kind=ContactEventKind.ANONYMISED, created_at=now)
            for pk in expired
        )
    return len(expired)


def _lock_open(contact_request: ContactRequest) -> ContactRequest:
    """The request's row, locked for this transaction; refused once closed."""
    locked = ContactRequest.objects.select_for_update().get(pk=contact_request.pk)
    if locked.is_closed:
        raise ValidationError(_("Cette demande est clôturée : elle ne peut plus être modifiée."))
    return locked


def _send_or_log(send, **ids) -> int:
    try:
        return int(send(**ids))
    except OSError:
        # smtplib's errors are OSErrors too: the mail server refused or could not be reached.
        logger.warning("E-mail not sent (%s), tried again on the next run.", ids, exc_info=True)
        return 0


def _email(*, subject: str, template: str, context: dict, to: str) -> EmailMessage:
    """A plain-text message (nothing a mail client could run), answered to the direction."""
    departement = Departement.current()
    return EmailMessage(
        subject=subject,
        body=render_to_string(template, {**context, "departement": departement}),
        to=[to],
        reply_to=[departement.email] if departement.email else None,
    )


def _isoformat(moment) -> str | None:
    return moment.isoformat() if moment else None
