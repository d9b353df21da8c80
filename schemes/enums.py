from django.db import models
from django.utils.translation import gettext_lazy as _


class SchemeKind(models.TextChoices):
    CHILD_FAMILY = "child_family", _("Schéma départemental en faveur de l'enfance et de la famille")
    FAMILY_SERVICES = "family_services", _("Schéma départemental des services aux familles")
    CHILD_PLAN = "child_plan", _("Plan enfance")
    OTHER = "other", _("Autre plan pluriannuel")


class SchemeStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    ADOPTED = "adopted", _("Adopté, en cours")
    CLOSED = "closed", _("Achevé")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Prévue")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Réalisée")
    DROPPED = "dropped", _("Abandonnée")


class Funder(models.TextChoices):
    DEPARTEMENT = "departement", _("Département")
    ETAT = "etat", _("État")
    ARS = "ars", _("ARS")
    ASSURANCE_MALADIE = "assurance_maladie", _("Assurance Maladie")
    CAF = "caf", _("CAF")
    OTHER = "other", _("Autre financeur")


class BudgetSection(models.TextChoices):
    PREVENTION = "prevention", _("Prévention")
    PROTECTION = "protection", _("Protection")


class BudgetDomain(models.TextChoices):
    """Lines of an annual budget; the placement kinds sit under protection (see ``section``)."""

    PREVENTION = "prevention", _("Prévention (actions, TISF, AED, soutien à la parentalité)")
    FOSTER_CARE = "foster_care", _("Accueil chez des assistants familiaux")
    ESTABLISHMENTS = "establishments", _("Accueil en établissement (MECS, FDE, LVA…)")
    PEAD = "pead", _("Placement éducatif à domicile (PEAD)")
    YOUNG_ADULTS = "young_adults", _("Jeunes majeurs (contrats jeune majeur)")
    OTHER_PROTECTION = "other_protection", _("Autres dépenses de protection (AEMO, allocations…)")

    @property
    def section(self):
        if self is BudgetDomain.PREVENTION:
            return BudgetSection.PREVENTION
        return BudgetSection.PROTECTION


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("En file d'attente")
    RUNNING = "running", _("En cours de production")
    DONE = "done", _("Prêt")
    FAILED = "failed", _("Échec")

    @classmethod
    def pending(cls):
        """A job in these states will still run: an equal request reuses it."""
        return (cls.QUEUED, cls.RUNNING)
