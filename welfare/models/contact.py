"""The families' contact requests ("Posez votre question"), their replies and their history."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from welfare.contact_enums import ContactEventKind, ContactStatus, ContactTopic

MESSAGE_MAX_LENGTH = 5000
NAME_MAX_LENGTH = 100
ADDRESS_MAX_LENGTH = 300

# No 0/O or 1/I/L: the reference is read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    """A random reference such as ``EF-7K3M-9PQX``; random so it reveals no volume."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"EF-{code[:4]}-{code[4:]}"


class ContactRequestQuerySet(models.QuerySet):
    def for_inbox(self):
        return self.select_related("assignee")

    def open(self):
        return self.exclude(status=ContactStatus.CLOSED)

    def awaiting_confirmation(self):
        return self.filter(confirmation_sent_at__isnull=True, anonymised_at__isnull=True)

    def closed_before(self, moment):
        return self.filter(status=ContactStatus.CLOSED, closed_at__lt=moment)

    def not_anonymised(self):
        return self.filter(anonymised_at__isnull=True)


class ContactRequest(models.Model):
    """A question sent through the public form; nominative, seen by reception and directorate."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(
        _("référence"), max_length=12, unique=True, default=new_reference, editable=False
    )
    topic = models.CharField(_("sujet"), max_length=32, choices=ContactTopic.choices)
    message = models.TextField(_("message"))
    # Blank only once anonymised (constraint below).
    email = models.EmailField(_("adresse électronique"), blank=True)
    first_name = models.CharField(_("prénom"), max_length=NAME_MAX_LENGTH, blank=True)
    last_name = models.CharField(_("nom"), max_length=NAME_MAX_LENGTH, blank=True)
    postal_address = models.TextField(_("adresse postale"), blank=True)
    # Only when the DPO requires consent (CONTACT_CONSENT_REQUIRED); a question is otherwise
    # answered under the Département's public-interest mission.
    consent_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=16, choices=ContactStatus.choices, default=ContactStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attribuée à"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_contact_requests",
    )
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)
    confirmation_sent_at = models.DateTimeField(_("accusé de réception envoyé le"), null=True)
    closed_at = models.DateTimeField(_("clôturée le"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("demande des familles")
        verbose_name_plural = _("demandes des familles")
        indexes = [
            # The periodic catch-up task reads only the few confirmations not yet sent.
            models.Index(
                fields=["created_at"],
                condition=models.Q(confirmation_sent_at__isnull=True),
                name="contact_request_unconfirmed",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="contact_request_topic_valid",
                condition=models.Q(topic__in=ContactTopic.values),
            ),
            models.CheckConstraint(
                name="contact_request_status_valid",
                condition=models.Q(status__in=ContactStatus.values),
            ),
            models.CheckConstraint(
                name="contact_request_closed_has_date",
                condition=(
                    models.Q(status=ContactStatus.CLOSED, closed_at__isnull=False)
                    | (~models.Q(status=ContactStatus.CLOSED) & models.Q(closed_at__isnull=True))
                ),
            ),
            models.CheckConstraint(
                name="contact_request_anonymised_once_closed",
                condition=models.Q(anonymised_at__isnull=True)
                | models.Q(status=ContactStatus.CLOSED),
            ),
            models.CheckConstraint(
                name="contact_request_email_until_anonymised",
                condition=~models.Q(email="") | models.Q(anonymised_at__isnull=False),
            ),
            models.CheckConstraint(
                name="contact_request_message_bounded",
                condition=LessThanOrEqual(Length("message"), MESSAGE_MAX_LENGTH),
            ),
            models.CheckConstraint(
                name="contact_request_address_bounded",
                condition=LessThanOrEqual(Length("postal_address"), ADDRESS_MAX_LENGTH),
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_closed(self):
        return self.status == ContactStatus.CLOSED

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None


class ContactReplyQuerySet(models.QuerySet):
    def awaiting_sending(self):
        return self.filter(sent_at__isnull=True, contact_request__anonymised_at__isnull=True)


class ContactReply(models.Model):
    """An answer written in the portal and sent by e-mail to the person who asked."""

    contact_request = models.ForeignKey(
        ContactRequest, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rédigée par"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.TextField(_("réponse"))
    created_at = models.DateTimeField(_("rédigée le"), default=timezone.now)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)

    objects = ContactReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("réponse à une demande")
        verbose_name_plural = _("réponses aux demandes")
        constraints = [
            models.CheckConstraint(
                name="contact_reply_body_bounded",
                condition=LessThanOrEqual(Length("body"), MESSAGE_MAX_LENGTH),
            ),
        ]

    def __str__(self):
        return f"{self.contact_request} – {self.created_at:%d/%m/%Y}"


class ContactEvent(models.Model):
    """One line of a request's history. Holds no personal data, so it outlives anonymisation."""

    contact_request = models.ForeignKey(
        ContactRequest, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("événement"), max_length=32, choices=ContactEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attribuée à"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("événement d'une demande")
        verbose_name_plural = _("événements des demandes")
        constraints = [
            models.CheckConstraint(
                name="contact_event_kind_valid",
                condition=models.Q(kind__in=ContactEventKind.values),
            ),
            models.CheckConstraint(
                name="contact_event_assignment_names_assignee",
                condition=~models.Q(kind=ContactEventKind.ASSIGNED)
                | models.Q(assignee__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.contact_request} – {self.get_kind_display()}"
