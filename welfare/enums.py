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
    # L223-2 last al. CASF: a minor who left home, in immediate danger, 72 hours at most.
    EMERGENCY_CARE = "emergency_care", _("Accueil 72 h d'un mineur ayant quitté son domicile")
    YOUNG_ADULT = "young_adult", _("Accompagnement jeune majeur")
    STATE_WARD = "state_ward", _("Pupille de l'État")
    OPP_PROSECUTOR = "opp_prosecutor", _("OPP du parquet")
    OPP_JUDGE = "opp_judge", _("OPP du juge des enfants")
    PLACEMENT = "placement", _("Placement (art. 375-3 du Code civil)")
    AEMO = "aemo", _("AEMO")
    AEMO_REINFORCED = "aemo_reinforced", _("AEMO renforcée")
    # The PEAD as the Cour de cassation frames it (avis of 14 February 2024): an AEMO renforcée
    # (art. 375-2 al. 1 C. civ.) with hébergement; the child is not confié.
    AEMO_WITH_ACCOMMODATION = (
        "aemo_with_accommodation",
        _("AEMO renforcée avec hébergement (PEAD)"),
    )
    PARENTAL_AUTHORITY_DELEGATION = (
        "parental_authority_delegation",
        _("Délégation d'autorité parentale"),
    )
    GUARDIANSHIP = "guardianship", _("Tutelle déférée à l'ASE")
    # New values go last: the national codes number the types in this order.
    # L223-2 al. 2 CASF: taken in when the parents cannot agree; the judge is seized at 5 days.
    EMERGENCY_INTAKE = (
        "emergency_intake",
        _("Recueil provisoire d'urgence sans accord des parents"),
    )
    # Art. 375-2 al. 2 C. civ.: an AEMO whose service may house the child now and then; not
    # renforcée, so under the 2-year limit of art. 375.
    AEMO_ACCOMMODATION = (
        "aemo_accommodation",
        _("AEMO avec hébergement exceptionnel ou périodique"),
    )

    @classmethod
    def administrative(cls):
        return (
            cls.HOME_HELP,
            cls.AED,
            cls.PROVISIONAL_CARE,
            cls.EMERGENCY_CARE,
            cls.YOUNG_ADULT,
            cls.STATE_WARD,
            cls.EMERGENCY_INTAKE,
        )

    @classmethod
    def educational_assistance(cls):
        """Measures of assistance éducative (art. 375 s. C. civ.), for a minor only."""
        return (
            cls.OPP_PROSECUTOR,
            cls.OPP_JUDGE,
            cls.PLACEMENT,
            cls.AEMO,
            cls.AEMO_REINFORCED,
            cls.AEMO_WITH_ACCOMMODATION,
            cls.AEMO_ACCOMMODATION,
        )

    @classmethod
    def provisional(cls):
        """Provisional measures that a later measure replaces, closing their clocks."""
        return (cls.OPP_PROSECUTOR, cls.OPP_JUDGE, cls.EMERGENCY_INTAKE)

    @classmethod
    def deadline_report(cls):
        """Judicial measures with a term, before which the rapport d'échéance is due."""
        return (
            cls.PLACEMENT,
            cls.AEMO,
            cls.AEMO_REINFORCED,
            cls.AEMO_WITH_ACCOMMODATION,
            cls.AEMO_ACCOMMODATION,
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
            cls.EMERGENCY_INTAKE,
        )

    @classmethod
    def confided(cls):
        """Care measures under which the child is confié (the clocks of children confiés run):
        all but the PEAD, an AEMO under which the child stays at home (Cass. avis 14/02/2024).
        A placement counts only under art. 375-3 3° (``Measure.placement_basis``)."""
        return tuple(value for value in cls.care() if value != cls.AEMO_WITH_ACCOMMODATION)

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
            cls.EMERGENCY_INTAKE,
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
            cls.AEMO_ACCOMMODATION,
        )


class PlacementBasis(models.TextChoices):
    """To whom the juge des enfants confies the child (art. 375-3 C. civ.); only 3° confies
    the child to the ASE."""

    OTHER_PARENT = "other_parent", _("1° l'autre parent")
    RELATIVE_OR_TRUSTED = (
        "relative_or_trusted",
        _("2° un autre membre de la famille ou un tiers digne de confiance"),
    )
    ASE = "ase", _("3° le service de l'aide sociale à l'enfance")
    SERVICE = "service", _("4° un service ou un établissement habilité")
    HEALTH_OR_EDUCATION = (
        "health_or_education",
        _("5° un service ou un établissement sanitaire ou d'éducation"),
    )


class HearingKind(models.TextChoices):
    FIRST = "first", _("Première audience")
    RENEWAL = "renewal", _("Renouvellement")
    MODIFICATION = "modification", _("Modification")
    RELEASE = "release", _("Mainlevée")
    APPEAL = "appeal", _("Appel")


class DecisionEffect(models.TextChoices):
    """What a judgment or order received does to the child's measures."""

    OPENS = "opens", _("Ouvre une mesure")
    RENEWS = "renews", _("Renouvelle une mesure")
    MODIFIES = "modifies", _("Modifie une mesure (la remplace)")
    ENDS = "ends", _("Met fin à une mesure (mainlevée)")


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
    DEADLINE_REPORT = "deadline_report", _("Rapport d'échéance au juge")


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
    EMERGENCY_CARE_MAX_HOURS = (
        "emergency_care_max_hours",
        _("Durée maximale de l'accueil d'un mineur ayant quitté son domicile (heures)"),
    )
    INTAKE_REFERRAL_DAYS = (
        "intake_referral_days",
        _("Délai de saisine du juge après un recueil sans accord (jours)"),
    )
    OPP_REFERRAL_DAYS = (
        "opp_referral_days",
        _("Délai de saisine du juge des enfants après une OPP du parquet (jours)"),
    )
    OPP_HEARING_DAYS = (
        "opp_hearing_days",
        _("Délai de convocation après une OPP sans audition (jours)"),
    )
    OPP_MERITS_MONTHS = (
        "opp_merits_months",
        _("Délai de la décision au fond après une mesure provisoire du juge (mois)"),
    )
    OPP_MERITS_EXTENSION_MONTHS = (
        "opp_merits_extension_months",
        _("Prolongation du délai de la décision au fond (mois)"),
    )
    DEADLINE_REPORT_MONTHS = (
        "deadline_report_months",
        _("Envoi du rapport d'échéance avant la fin de la mesure ou l'audience (mois)"),
    )


class ClockKind(models.TextChoices):
    """The statutory deadlines computed for each child (never stored)."""

    PPE = "ppe", _("Projet pour l'enfant (PPE)")
    SITUATION_REPORT = "situation_report", _("Rapport de situation")
    AUTONOMY_INTERVIEW = "autonomy_interview", _("Entretien d'accès à l'autonomie")
    MAJORITY = "majority", _("Majorité : décision sur l'accompagnement jeune majeur")
    YOUNG_ADULT_END = "young_adult_end", _("Fin de l'accompagnement jeune majeur (21 ans)")
    MEASURE_END = "measure_end", _("Échéance de mesure")
    INTAKE_REFERRAL = "intake_referral", _("Recueil sans accord : saisine du juge (5 jours)")
    OPP_REFERRAL = "opp_referral", _("OPP du parquet : saisine du juge des enfants (8 jours)")
    OPP_HEARING = "opp_hearing", _("OPP sans audition : convocation des parties (15 jours)")
    OPP_MERITS = "opp_merits", _("Mesure provisoire : décision au fond (6 mois)")
    DEADLINE_REPORT = "deadline_report", _("Rapport d'échéance au juge")


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
