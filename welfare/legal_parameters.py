"""The legal thresholds as the texts stood when this was written (domain_rules.md §1–§2, §5).

They seed ``LegalParameter`` once, after ``migrate``; from then on the database is the
reference, edited in the admin: a change of law adds a row with its date of entry into force.
"""

from datetime import date

from welfare.enums import LegalParameterKey as Key

LOI_2007 = date(2007, 3, 7)
LOI_2016 = date(2016, 3, 16)
# Loi n° 2005-706 du 27 juin 2005 relative aux assistants maternels et familiaux, whose
# wording of L421-5 and L421-6 CASF (and its decrees for D421-12 to D421-20) still holds.
LOI_2005_706 = date(2005, 6, 28)
# Art. 1184 CPC as in force since 29 May 2013 (décret n° 2013-429), the version read on
# Légifrance; the oldest row of a key applies before its date anyway.
DECRET_2013 = date(2013, 5, 29)

# key, value, in force from, legal reference
DEFAULTS = [
    (Key.ADMINISTRATIVE_MAX_MONTHS, 12, LOI_2007, "art. L223-5 CASF"),
    (Key.JUDICIAL_MAX_MONTHS, 24, LOI_2007, "art. 375 du Code civil"),
    (
        Key.AEMO_REINFORCED_MAX_MONTHS,
        12,
        date(2022, 2, 9),
        "art. 375-2 du Code civil (loi n° 2022-140 du 7 février 2022)",
    ),
    (Key.MAJORITY_AGE, 18, date(1974, 7, 7), "art. 414 du Code civil"),
    (Key.YOUNG_ADULT_AGE_LIMIT, 21, LOI_2007, "art. L222-5 CASF"),
    (
        Key.PPE_DUE_MONTHS,
        3,
        date(2016, 10, 1),
        "art. L223-1-1 et D223-12 s. CASF (décret n° 2016-1283)",
    ),
    (Key.REPORT_PERIOD_MONTHS, 12, LOI_2016, "art. L223-5 CASF"),
    (Key.REPORT_PERIOD_YOUNG_MONTHS, 6, LOI_2016, "art. L223-5 CASF"),
    (Key.REPORT_YOUNG_AGE, 2, LOI_2016, "art. L223-5 CASF (loi n° 2016-297)"),
    (
        Key.REPORT_YOUNG_AGE,
        3,
        date(2022, 2, 23),
        "art. L223-5 CASF (loi n° 2022-219 du 21 février 2022, art. 23)",
    ),
    (Key.AUTONOMY_INTERVIEW_AGE, 17, LOI_2016, "art. L222-5-1 CASF"),
    (
        Key.MEASURE_END_ALERT_MONTHS,
        3,
        LOI_2007,
        "pratique départementale : le rapport d'échéance doit parvenir au juge à temps",
    ),
    (
        Key.ACTIVE_BASE_MONTHS,
        24,
        date(2022, 1, 20),
        "référentiel CNIL « protection de l'enfance », délibération n° 2022-008 du "
        "20 janvier 2022, § 46",
    ),
    *(
        (key, value, LOI_2005_706, reference)
        for key, value, reference in (
            (Key.AGREMENT_DEFAULT_PLACES, 3, "art. L421-5 CASF"),
            (
                Key.AGREMENT_VALIDITY_YEARS,
                5,
                "5 ans, art. D421-12 CASF (lu pour les assistants maternels, à confirmer pour "
                "les assistants familiaux) ; sans limite pour un titulaire du DEAF (art. L421-9)",
            ),
            (Key.AGREMENT_REMINDER_MONTHS, 4, "art. D421-19 CASF"),
            (Key.AGREMENT_SUSPENSION_MAX_MONTHS, 4, "art. R421-24 al. 2 CASF"),
            (Key.AGREMENT_DECISION_MONTHS, 4, "art. L421-6 al. 2 CASF"),
            (Key.AGREMENT_EXTENSION_MONTHS, 2, "art. L421-6 al. 2 CASF"),
        )
    ),
    (Key.EMERGENCY_CARE_MAX_HOURS, 72, LOI_2007, "art. L223-2 dernier alinéa CASF"),
    (Key.INTAKE_REFERRAL_DAYS, 5, LOI_2007, "art. L223-2 al. 4 CASF"),
    (Key.OPP_REFERRAL_DAYS, 8, LOI_2007, "art. 375-5 al. 2 du Code civil"),
    (Key.OPP_HEARING_DAYS, 15, DECRET_2013, "art. 1184 al. 2 du code de procédure civile"),
    (Key.OPP_MERITS_MONTHS, 6, LOI_2007, "art. 1185 du code de procédure civile"),
    (Key.OPP_MERITS_EXTENSION_MONTHS, 6, LOI_2007, "art. 1185 du code de procédure civile"),
    (
        Key.DEADLINE_REPORT_MONTHS,
        1,
        LOI_2007,
        "pratique des juges des enfants : le rapport d'échéance précède l'audience",
    ),
]


def seed_legal_parameters(*, using="default", **kwargs):
    """Create the default rows of the thresholds that have none (post_migrate receiver).

    Also runs after the test runner empties the tables, so every test finds the thresholds.
    """
    from welfare.models import LegalParameter

    present = set(LegalParameter.objects.using(using).values_list("key", flat=True))
    LegalParameter.objects.using(using).bulk_create(
        LegalParameter(key=key, value=value, valid_from=valid_from, legal_reference=reference)
        for key, value, valid_from, reference in DEFAULTS
        if key not in present
    )
