"""The CRIP's evaluation deadlines as the texts and the departmental protocol stood when this
was written. They seed ``ConcernParameter`` once, after ``migrate``; from then on the database
is the reference, edited in the admin: a change adds a row with its date of entry into force.
"""

from datetime import date

from prevention.enums import ConcernParameterKey as Key

DECRET_2016_1476 = date(2016, 10, 30)
SHORTENED = (
    "art. D226-2-4 II CASF : délai réduit selon la nature du danger et l'âge de l'enfant, "
    "fixé par le protocole départemental"
)

GRAVE_DANGER = (
    "art. L226-4 I 2° et D226-2-4 I 2° CASF : le danger grave et immédiat est signalé au "
    "procureur sans délai, sans attendre l'évaluation"
)

# key, value, in force from, reference
DEFAULTS = [
    (Key.EVALUATION_MONTHS, 3, DECRET_2016_1476, "art. D226-2-4 II CASF (décret n° 2016-1476)"),
    (Key.YOUNG_CHILD_AGE, 2, DECRET_2016_1476, "art. D226-2-4 II CASF (décret n° 2016-1476)"),
    (Key.YOUNG_CHILD_EVALUATION_MONTHS, 1, DECRET_2016_1476, SHORTENED),
    (Key.GRAVE_DANGER_REFERRAL_DAYS, 0, DECRET_2016_1476, GRAVE_DANGER),
]


def seed_concern_parameters(*, using="default", **kwargs):
    """Create the default rows of the deadlines that have none (post_migrate receiver).

    Also runs after the test runner empties the tables, so every test finds the deadlines.
    """
    from prevention.models import ConcernParameter

    present = set(ConcernParameter.objects.using(using).values_list("key", flat=True))
    ConcernParameter.objects.using(using).bulk_create(
        ConcernParameter(key=key, value=value, valid_from=valid_from, legal_reference=reference)
        for key, value, valid_from, reference in DEFAULTS
        if key not in present
    )
