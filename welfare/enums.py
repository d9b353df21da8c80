from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Référent ASE")
    TERRITORY_MANAGER = "territory_manager", _("Responsable de territoire")
    PREVENTION_OFFICER = "prevention_officer", _("Chargé de prévention")
    RECEPTION = "reception", _("Accueil et courrier")
    DIRECTORATE = "directorate", _("Direction Enfance Famille")
    ADMINISTRATOR = "administrator", _("Administrateur")
    # Reads the files moved to intermediate archiving, and only those (CNIL 2022-008, § 46).
    ARCHIVIST = "archivist", _("Archiviste")


class Sex(models.TextChoices):
    FEMALE = "F", _("Féminin")
    MALE = "M", _("Masculin")


class GuardianRelationship(models.TextChoices):
    MOTHER = "mother", _("Mère")
    FATHER = "father", _("Père")
    GRANDPARENT = "grandparent", _("Grand-parent")
    OTHER_RELATIVE = "other_relative", _("Autre membre de la famille")
    TRUSTED_THIRD_PARTY = "trusted_third_party", _("Tiers digne de confiance")
    LEGAL_GUARDIAN = "legal_guardian", _("Tuteur")
    OTHER = "other", _("Autre")


class MeasureNature(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("Administrative (contractuelle)")
    JUDICIAL = "judicial", _("Judiciaire")


class MeasureType(models.TextChoices):
    """Legal bases of the measures (domain_rules.md §1.1); the nature follows from the type."""

    HOME_HELP = "home_help", _("Aide à domicile (TISF, AESF, aide financière)")
    AED = "aed", _("Aide éducative à domicile (AED)")
    PROVISIONAL_CARE = "provisional_care", _("Accueil provisoire")
    EMERGENCY_CARE = "emergency_care", _("Accueil d'urgence 72 h")
    YOUNG_ADULT = "young_adult", _("Accompagnement jeune majeur")
    STATE_WARD = "state_ward", _("Pupille de l'État")
    OPP_PROSECUTOR = "opp_prosecutor", _("OPP du parquet")
    OPP_JUDGE = "opp_judge", _("OPP du juge des enfants")
    PLACEMENT = "placement", _("Placement (art. 375-3 du Code civil)")
    AEMO = "aemo", _("AEMO")
    AEMO_REINFORCED = "aemo_reinforced", _("AEMO renforcée")
    AEMO_WITH_ACCOMMODATION = "aemo_with_accommodation", _("AEMO avec hébergement (PEAD)")
    PARENTAL_AUTHORITY_DELEGATION = (
        "parental_authority_delegation",
        _("Délégation d'autorité parentale"),
    )
    GUARDIANSHIP = "guardianship", _("Tutelle déférée à l'ASE")

    @classmethod
    def administrative(cls):
        return (
            cls.HOME_HELP,
            cls.AED,
            cls.PROVISIONAL_CARE,
            cls.EMERGENCY_CARE,
            cls.YOUNG_ADULT,
            cls.STATE_WARD,
        )

    @classmethod
    def judicial(cls):
        return tuple(value for value in cls if value not in cls.administrative())

    @classmethod
    def care(cls):
        """Measures under which the child is confié to or accueilli by the Département."""
        return (
            cls.PROVISIONAL_CARE,
            cls.EMERGENCY_CARE,
            cls.YOUNG_ADULT,
            cls.STATE_WARD,
            cls.OPP_PROSECUTOR,
            cls.OPP_JUDGE,
            cls.PLACEMENT,
            cls.AEMO_WITH_ACCOMMODATION,
            cls.PARENTAL_AUTHORITY_DELEGATION,
            cls.GUARDIANSHIP,
        )

    @classmethod
    def accommodation(cls):
        """Care measures under which the child lives away from home (a placement is needed)."""
        return (
            cls.PROVISIONAL_CARE,
            cls.EMERGENCY_CARE,
            cls.YOUNG_ADULT,
            cls.STATE_WARD,
            cls.OPP_PROSECUTOR,
            cls.OPP_JUDGE,
            cls.PLACEMENT,
            cls.PARENTAL_AUTHORITY_DELEGATION,
            cls.GUARDIANSHIP,
        )

    @classmethod
    def with_term(cls):
        """Measures the law limits in time, which therefore need an end date."""
        return (
            cls.HOME_HELP,
            cls.AED,
            cls.PROVISIONAL_CARE,
            cls.EMERGENCY_CARE,
            cls.YOUNG_ADULT,
            cls.PLACEMENT,
            cls.AEMO,
            cls.AEMO_REINFORCED,
            cls.AEMO_WITH_ACCOMMODATION,
        )


class DecisionMaker(models.TextChoices):
    DEPARTEMENT_PRESIDENT = "departement_president", _("Président du conseil départemental")
    CHILDREN_JUDGE = "children_judge", _("Juge des enfants")
    PROSECUTOR = "prosecutor", _("Parquet")
    FAMILY_JUDGE = "family_judge", _("Juge aux affaires familiales")
    GUARDIANSHIP_JUDGE = "guardianship_judge", _("Juge des tutelles")
    PREFECT = "prefect", _("Préfet")


class MeasureEndReason(models.TextChoices):
    """Why a measure ended (OLINPE MOTFININT)."""

    RENEWED = "renewed", _("Renouvelée")
    TERM_REACHED = "term_reached", _("Échéance atteinte sans renouvellement")
    RETURN_HOME = "return_home", _("Mainlevée, retour en famille")
    CHANGED = "changed", _("Remplacée par une autre mesure")
    MAJORITY = "majority", _("Majorité")
    AGE_LIMIT = "age_limit", _("21 ans atteints")
    YOUNG_PERSON_REQUEST = "young_person_request", _("À la demande du jeune ou de la famille")
    MOVED_AWAY = "moved_away", _("Départ du département")
    ADOPTION = "adoption", _("Adoption")
    OTHER = "other", _("Autre motif")


class DocumentKind(models.TextChoices):
    PPE = "ppe", _("Projet pour l'enfant (PPE)")
    SITUATION_REPORT = "situation_report", _("Rapport de situation")
    AUTONOMY_INTERVIEW = "autonomy_interview", _("Entretien d'accès à l'autonomie (17 ans)")


class LegalParameterKey(models.TextChoices):
    """Legal thresholds kept as dated rows of ``LegalParameter``, never as constants."""

    ADMINISTRATIVE_MAX_MONTHS = (
        "administrative_max_months",
        _("Durée maximale d'une mesure administrative (mois)"),
    )
    JUDICIAL_MAX_MONTHS = (
        "judicial_max_months",
        _("Durée maximale d'un placement judiciaire ou d'une AEMO (mois)"),
    )
    AEMO_REINFORCED_MAX_MONTHS = (
        "aemo_reinforced_max_months",
        _("Durée maximale d'une AEMO renforcée ou avec hébergement (mois)"),
    )
    MAJORITY_AGE = "majority_age", _("Âge de la majorité (ans)")
    YOUNG_ADULT_AGE_LIMIT = (
        "young_adult_age_limit",
        _("Âge limite de l'accompagnement jeune majeur"),
    )
    PPE_DUE_MONTHS = "ppe_due_months", _("Délai d'établissement du PPE (mois)")
    REPORT_PERIOD_MONTHS = "report_period_months", _("Périodicité du rapport de situation (mois)")
    REPORT_PERIOD_YOUNG_MONTHS = (
        "report_period_young_months",
        _("Périodicité du rapport de situation des jeunes enfants (mois)"),
    )
    REPORT_YOUNG_AGE = (
        "report_young_age",
        _("Âge en dessous duquel le rapport de situation est semestriel (ans)"),
    )
    AUTONOMY_INTERVIEW_AGE = (
        "autonomy_interview_age",
        _("Âge de l'entretien d'accès à l'autonomie (ans)"),
    )
    MEASURE_END_ALERT_MONTHS = (
        "measure_end_alert_months",
        _("Alerte avant l'échéance d'une mesure (mois)"),
    )
    ACTIVE_BASE_MONTHS = (
        "active_base_months",
        _("Conservation en base active après le dernier contact (mois)"),
    )
    # The agrément of assistants familiaux (placements): figures of the decision in force on
    # the day it is granted, and the clock of an application.
    AGREMENT_DEFAULT_PLACES = (
        "agrement_default_places",
        _("Nombre de places d'un agrément sans dérogation"),
    )
    AGREMENT_VALIDITY_YEARS = "agrement_validity_years", _("Durée de validité d'un agrément (ans)")
    AGREMENT_REMINDER_MONTHS = (
        "agrement_reminder_months",
        _("Avis de renouvellement : délai avant l'échéance de l'agrément (mois)"),
    )
    AGREMENT_SUSPENSION_MAX_MONTHS = (
        "agrement_suspension_max_months",
        _("Durée maximale de la suspension d'un agrément (mois)"),
    )
    AGREMENT_DECISION_MONTHS = (
        "agrement_decision_months",
        _("Délai de décision sur une demande d'agrément (mois)"),
    )
    AGREMENT_EXTENSION_MONTHS = (
        "agrement_extension_months",
        _("Prolongation du délai de décision sur une demande d'agrément (mois)"),
    )


class ClockKind(models.TextChoices):
    """The statutory deadlines computed for each child (never stored)."""

    PPE = "ppe", _("Projet pour l'enfant (PPE)")
    SITUATION_REPORT = "situation_report", _("Rapport de situation")
    AUTONOMY_INTERVIEW = "autonomy_interview", _("Entretien d'accès à l'autonomie")
    MAJORITY = "majority", _("Majorité : décision sur l'accompagnement jeune majeur")
    YOUNG_ADULT_END = "young_adult_end", _("Fin de l'accompagnement jeune majeur (21 ans)")
    MEASURE_END = "measure_end", _("Échéance de mesure")


class AccessPurpose(models.TextChoices):
    """Why a child's file was read or touched, as the access log records it: welfare's own
    purposes; an app adds its own (``welfare.access_purposes``)."""

    FILE_OPENED = "file_opened", _("Consultation du dossier")
    # Asked for the file and refused: by role (403) or out of the user's territory (404).
    REFUSED = "refused", _("Accès refusé")
    # Reads of a child's identity outside the file itself (issue 14): every page, form or
    # download that shows a child's name, or the pseudonymised lines of the OLINPE file.
    IDENTITY_FORM = "identity_form", _("Formulaire d'identité")
    GUARDIAN_FORM = "guardian_form", _("Formulaire d'un responsable")
    RECORD_FORM = "record_form", _("Saisie au dossier")
    SEARCH = "search", _("Recherche")
    CHILDREN_LIST = "children_list", _("Liste des enfants")
    WORKLIST = "worklist", _("Liste de travail")
    DATA_QUALITY = "data_quality", _("Qualité des données")
    DOWNLOAD = "download", _("Téléchargement")
    ACCESS_REVIEW = "access_review", _("Contrôle des consultations")
    DUPLICATE_CHECK = "duplicate_check", _("Recherche de doublons")
    MERGED = "merged", _("Fusion de dossiers")
    MERGE_UNDONE = "merge_undone", _("Fusion annulée")


class ClockStatus(models.TextChoices):
    """Listed from the most to the least pressing."""

    OVERDUE = "overdue", _("En retard")
    DUE = "due", _("À faire")
    UPCOMING = "upcoming", _("À venir")
    DONE = "done", _("Fait")
