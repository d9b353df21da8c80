from django.db import models
from django.utils.translation import gettext_lazy as _


class FileKind(models.TextChoices):
    """The file a letter is written from, which gives its merge fields."""

    CHILD = "child", _("Dossier d'un enfant")
    CARER = "carer", _("Dossier d'un assistant familial")
    CONCERN = "concern", _("Information préoccupante")


class RecipientKind(models.TextChoices):
    PARENTS = "parents", _("Parents ou titulaires de l'autorité parentale")
    CHILD = "child", _("Enfant ou jeune")
    JUDGE = "judge", _("Juge des enfants")
    CARER = "carer", _("Assistant familial")
    ESTABLISHMENT = "establishment", _("Établissement")
    CONCERN_SENDER = "concern_sender", _("Auteur d'une information préoccupante")
    OTHER = "other", _("Autre destinataire")


class LetterStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    ISSUED = "issued", _("Émis")


class Channel(models.TextChoices):
    POST = "post", _("Courrier simple")
    REGISTERED = "registered", _("Lettre recommandée avec accusé de réception")
    EMAIL = "email", _("Courrier électronique")
    HAND = "hand", _("Remise en main propre")
