"""Choices of the observatory's national export (kept beside ``welfare/enums.py``, as the
contact inbox's are, so that the dashboard grows without editing a shared module)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NationalVariable(models.TextChoices):
    """Variables of the OLINPE dataset whose values are codes (annexe 2-8 CASF)."""

    SEXE = "SEXE", _("SEXE – sexe")
    YES_NO = "OUINON", _("Réponses oui / non (HANDICAP, PROJET, MNA)")
    DECISION = "DECISION", _("DECISION – nature administrative ou judiciaire")
    NATPDECADM = "NATPDECADM", _("NATPDECADM – nature de la prestation administrative")
    NATDECASSED = "NATDECASSED", _("NATDECASSED – nature de la décision judiciaire")
    TYPINTERDOM = "TYPINTERDOM", _("TYPINTERDOM – type d'intervention à domicile")
    LIEUACC = "LIEUACC", _("LIEUACC – lieu d'accueil")
    MOTFININT = "MOTFININT", _("MOTFININT – motif de fin de la mesure")


class EventType(models.TextChoices):
    """TYPEV, fixed by annexe 2-8 CASF itself."""

    STARTED = "1", _("Mesure ou prestation")
    RENEWED = "2", _("Renouvellement d'une mesure ou d'une prestation")
    ENDED = "3", _("Fin d'une mesure ou d'une prestation")
