from django.db import models
from django.utils.translation import gettext_lazy as _


class CodeList(models.TextChoices):
    """The source's own code lists that an import maps to the portal's values."""

    TERRITORY = "territory", _("Territoire (code du territoire dans le portail)")
    REFERENT = "referent", _("Référent ASE (identifiant de connexion dans le portail)")
    SEX = "sex", _("Sexe")
    GUARDIAN_RELATIONSHIP = "guardian_relationship", _("Lien du responsable avec l'enfant")
    MEASURE_TYPE = "measure_type", _("Type de mesure")
    DECISION_MAKER = "decision_maker", _("Autorité qui décide la mesure")
    MEASURE_END_REASON = "measure_end_reason", _("Motif de fin de mesure")
    ESTABLISHMENT_KIND = "establishment_kind", _("Type d'établissement")
    PLACE_KIND = "place_kind", _("Type de lieu d'accueil")
    PLACEMENT_END_REASON = "placement_end_reason", _("Motif de fin de placement")
    CONCERN_SOURCE = "concern_source", _("Origine d'une information préoccupante")
    DANGER_KIND = "danger_kind", _("Nature du danger")
    CONCERN_OUTCOME = "concern_outcome", _("Suite donnée à une information préoccupante")


class RecordKind(models.TextChoices):
    """The kinds of record an extract holds, one file each, in the order they are imported
    (a row refers only to kinds above it)."""

    ESTABLISHMENT = "establishment", _("Établissements")
    FOSTER_CARER = "foster_carer", _("Assistants familiaux")
    AGREMENT = "agrement", _("Agréments")
    CHILD = "child", _("Enfants")
    GUARDIAN = "guardian", _("Responsables")
    MEASURE = "measure", _("Mesures")
    PLACEMENT = "placement", _("Placements")
    CONCERN = "concern", _("Informations préoccupantes")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("En attente")
    RUNNING = "running", _("En cours")
    DONE = "done", _("Terminé")
    STOPPED = "stopped", _("Arrêté : codes à faire correspondre")
    FAILED = "failed", _("Échoué")

    @classmethod
    def pending(cls):
        return (cls.QUEUED, cls.RUNNING)
