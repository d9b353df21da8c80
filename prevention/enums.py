"""Closed lists of the prevention app: what an action is, who runs it, and how an information
préoccupante is qualified (domain_rules.md §2.1: closed nomenclatures, no free text)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionKind(models.TextChoices):
    """The prevention actions the Département runs or funds (Jura and Ain pages)."""

    FAMILY_MEDIATION = "family_mediation", _("Espace de médiation familiale")
    SINGLE_PARENT_RECEPTION = "single_parent_reception", _("Accueil de parents isolés")
    PRIORITY_NEIGHBOURHOOD = (
        "priority_neighbourhood",
        _("Action dans un quartier prioritaire (QPV)"),
    )
    TISF = "tisf", _("Intervention de TISF à domicile")
    AED_AEP = "aed_aep", _("Aide éducative à domicile (AED / AEP)")
    AESF = "aesf", _("Accompagnement en économie sociale et familiale (AESF)")
    PRENATAL_INTERVIEW = "prenatal_interview", _("Entretien prénatal")
    PARENTING_SUPPORT = "parenting_support", _("Groupe de soutien à la parentalité")
    SPONSORSHIP = "sponsorship", _("Parrainage")
    OTHER = "other", _("Autre action de prévention")

    @classmethod
    def home_interventions(cls):
        """Individual interventions in a family's home (aide à domicile, art. L222-2 and
        L222-3 CASF): recorded by name and linked to the children's files."""
        return (cls.TISF, cls.AED_AEP, cls.AESF)


class PartnerKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    CAF = "caf", _("Caisse d'allocations familiales (CAF)")
    COMMUNE = "commune", _("Commune, intercommunalité ou CCAS")
    DEPARTEMENT = "departement", _("Service du Département (régie)")
    HEALTH = "health", _("Établissement ou professionnel de santé")
    STATE = "state", _("Service de l'État")
    OTHER = "other", _("Autre organisme")


class InterventionOutcome(models.TextChoices):
    """How an intervention ended; none while it runs."""

    OBJECTIVES_MET = "objectives_met", _("Objectifs atteints")
    PARTLY_MET = "partly_met", _("Objectifs partiellement atteints")
    STOPPED_BY_FAMILY = "stopped_by_family", _("Interrompue à la demande de la famille")
    REFERRED_TO_PROTECTION = (
        "referred_to_protection",
        _("Orientation vers une mesure de protection ou une information préoccupante"),
    )
    REFERRED_ELSEWHERE = "referred_elsewhere", _("Orientation vers un autre service")


class ConcernSource(models.TextChoices):
    """Where an information préoccupante came from."""

    SNATED = "snated", _("119 – SNATED")
    SCHOOL = "school", _("Éducation nationale")
    HEALTH = "health", _("Professionnel de santé")
    POLICE = "police", _("Police ou gendarmerie")
    FAMILY = "family", _("Famille")
    NEIGHBOUR = "neighbour", _("Voisinage")
    ANONYMOUS = "anonymous", _("Anonyme")
    OTHER = "other", _("Autre")


class DangerKind(models.TextChoices):
    """The main danger reported (nomenclature close to the ONPE's)."""

    PHYSICAL_VIOLENCE = "physical_violence", _("Violences physiques")
    SEXUAL_VIOLENCE = "sexual_violence", _("Violences sexuelles")
    PSYCHOLOGICAL_VIOLENCE = "psychological_violence", _("Violences psychologiques")
    DOMESTIC_VIOLENCE = "domestic_violence", _("Exposition aux violences conjugales")
    NEGLECT = "neglect", _("Négligences lourdes")
    EDUCATION = "education", _("Conditions d'éducation compromises")
    CHILD_BEHAVIOUR = "child_behaviour", _("Comportements du mineur le mettant en danger")
    OTHER = "other", _("Autre danger")


class FirstAnalysis(models.TextChoices):
    """The first analysis of the CRIP: is it an information préoccupante?"""

    CONCERN = "concern", _("Information préoccupante")
    NOT_CONCERN = "not_concern", _("Ne relève pas d'une information préoccupante")


class ConcernOutcome(models.TextChoices):
    """What the evaluation led to."""

    NO_FURTHER_ACTION = "no_further_action", _("Classement sans suite")
    ADMINISTRATIVE_HELP = "administrative_help", _("Prestation d'aide sociale à l'enfance")
    PROSECUTOR = "prosecutor", _("Signalement au procureur de la République")


class ProsecutorFeedback(models.TextChoices):
    """What the procureur did with a signalement (art. L226-4 CASF: he informs the PCD)."""

    CHILDREN_JUDGE = "children_judge", _("Saisine du juge des enfants")
    PLACEMENT_ORDER = "placement_order", _("Ordonnance de placement provisoire")
    CRIMINAL_INQUIRY = "criminal_inquiry", _("Enquête pénale")
    RETURNED = "returned", _("Renvoi au Département pour une prise en charge administrative")
    DISMISSED = "dismissed", _("Classement sans suite")


class ConcernParameterKey(models.TextChoices):
    """Evaluation deadlines of the CRIP, kept as dated rows of ``ConcernParameter``."""

    EVALUATION_MONTHS = "evaluation_months", _("Délai d'évaluation d'une IP (mois)")
    YOUNG_CHILD_AGE = (
        "young_child_age",
        _("Âge en dessous duquel le délai d'évaluation est réduit (ans)"),
    )
    YOUNG_CHILD_EVALUATION_MONTHS = (
        "young_child_evaluation_months",
        _("Délai d'évaluation réduit pour un jeune enfant (mois)"),
    )
    # Grave and immediate danger is referred to the parquet without waiting for the
    # evaluation (art. L226-4 and D226-2-4 I 2° CASF): 0 days, the day of receipt.
    GRAVE_DANGER_REFERRAL_DAYS = (
        "grave_danger_referral_days",
        _("Délai du signalement au parquet en cas de danger grave et immédiat (jours)"),
    )


class PreventionAccessPurpose(models.TextChoices):
    """Why a prevention page read or touched a child's file, as the access log records it
    (registered in ``PreventionConfig.ready()`` beside welfare's own purposes)."""

    CONCERN = "concern", _("Information préoccupante")
    PREVENTION = "prevention", _("Intervention de prévention")
    OPENED_FROM_CONCERN = "opened_from_concern", _("Dossier ouvert depuis une IP")
    LINKED_TO_CONCERN = "linked_to_concern", _("Rattaché à une information préoccupante")
    UNLINKED_FROM_CONCERN = "unlinked_from_concern", _("Détaché d'une information préoccupante")
    LINKED_TO_PREVENTION = "linked_to_prevention", _("Rattaché à une intervention de prévention")
    UNLINKED_FROM_PREVENTION = (
        "unlinked_from_prevention",
        _("Détaché d'une intervention de prévention"),
    )
