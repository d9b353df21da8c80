from django.db import models
from django.utils.translation import gettext_lazy as _


class EstablishmentKind(models.TextChoices):
    """Authorised establishments and services (ESSMS, art. L312-1 CASF).

    Hotels, tourist residences and "jeunesse et sport" structures are deliberately absent:
    art. L221-2-3 CASF (loi du 7 février 2022) forbids them for children in care.
    """

    MECS = "mecs", _("Maison d'enfants à caractère social (MECS)")
    FDE = "fde", _("Foyer départemental de l'enfance (FDE)")
    LVA = "lva", _("Lieu de vie et d'accueil (LVA)")
    NURSERY = "pouponniere", _("Pouponnière à caractère social")
    SEMI_AUTONOMY = "semi_autonomy", _("Appartements ou résidence de semi-autonomie (16–21 ans)")
    OTHER = "other", _("Autre service autorisé")


class PlaceKind(models.TextChoices):
    """Where a placed child lives."""

    ESTABLISHMENT = "establishment", _("Établissement")
    FOSTER_CARER = "foster_carer", _("Assistant familial")
    FAMILY_HOME = "family_home", _("Domicile familial (PEAD)")


class AgrementState(models.TextChoices):
    VALID = "valid", _("Valide")
    SUSPENDED = "suspended", _("Suspendu")
    WITHDRAWN = "withdrawn", _("Retiré")
    EXPIRED = "expired", _("Expiré")


class ApplicationKind(models.TextChoices):
    """What an application for agrément asks for."""

    FIRST = "first", _("Première demande")
    RENEWAL = "renewal", _("Renouvellement")
    MODIFICATION = "modification", _("Modification (nombre de places)")


class ApplicationDecision(models.TextChoices):
    """How an application for agrément ended; none while it waits."""

    GRANTED = "granted", _("Accordé")
    REFUSED = "refused", _("Refusé")
    # Art. L421-6 al. 2 CASF: no decision notified within the delay, the agrément is granted.
    TACIT = "tacit", _("Accordé tacitement")


class ApplicationStatus(models.TextChoices):
    """Where an application stands on a day, computed from its dates and its decision."""

    INCOMPLETE = "incomplete", _("Dossier incomplet : le délai ne court pas")
    PENDING = "pending", _("En instruction")
    # The delay ran out with no decision recorded: art. L421-6 al. 2 CASF grants the agrément.
    TACIT = "tacit", _("Accordé tacitement")
    GRANTED = "granted", _("Accordé")
    REFUSED = "refused", _("Refusé")


class PlacementEndReason(models.TextChoices):
    """Why a child left a place (OLINPE-style exit reasons)."""

    MOVE = "move", _("Changement de lieu d'accueil")
    RETURN_HOME = "return_home", _("Retour en famille")
    MEASURE_ENDED = "measure_ended", _("Fin de la mesure")
    MAJORITY = "majority", _("Majorité ou fin de l'accompagnement jeune majeur")
    CARER_REQUEST = "carer_request", _("À la demande de l'assistant familial")
    AGREMENT_ENDED = "agrement_ended", _("Suspension, retrait ou fin de l'agrément")
    BREAKDOWN = "breakdown", _("Rupture de l'accueil")
    ADOPTION = "adoption", _("Adoption")
    MOVED_AWAY = "moved_away", _("Départ du département")
    OTHER = "other", _("Autre motif")


def cost_kinds():
    """The keys of the cost figures: each establishment kind, foster carers, and PEAD apart."""
    return [PlaceKind.FOSTER_CARER.value, *EstablishmentKind.values, "pead"]
