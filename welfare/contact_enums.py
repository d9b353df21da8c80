"""Choices of the families' contact requests (kept beside, not inside, ``welfare/enums.py``
so that the contact inbox and the children's files grow without editing one shared module)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactTopic(models.TextChoices):
    CHILD_IN_CARE = "child_in_care", _("Une question sur un enfant confié")
    FOSTER_CARER = "foster_carer", _("Devenir assistant familial")
    ADOPTION = "adoption", _("L'adoption")
    PARENTING_SUPPORT = "parenting_support", _("Le soutien à la parentalité")
    OTHER = "other", _("Autre question")


class ContactStatus(models.TextChoices):
    NEW = "new", _("Nouvelle")
    IN_PROGRESS = "in_progress", _("En cours")
    ANSWERED = "answered", _("Répondue")
    CLOSED = "closed", _("Clôturée")


class ContactEventKind(models.TextChoices):
    RECEIVED = "received", _("Demande reçue")
    CONFIRMATION_SENT = "confirmation_sent", _("Accusé de réception envoyé")
    ASSIGNED = "assigned", _("Demande attribuée")
    REPLIED = "replied", _("Réponse rédigée")
    REPLY_SENT = "reply_sent", _("Réponse envoyée par courriel")
    CLOSED = "closed", _("Demande clôturée")
    EXPORTED = "exported", _("Données exportées à la demande de la personne")
    ANONYMISED = "anonymised", _("Données personnelles anonymisées")
