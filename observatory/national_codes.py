"""The default rows of the OLINPE code table (``welfare.models.NationalCode``).

They seed the table once, after ``migrate``; from then on the table is the reference, edited in
the admin. SEXE (1 Garçon, 2 Fille), TYPEV and the yes/no answers (1 Non, 2 Oui, 9 Ne sait
pas) were read in the current annexe 2-8 CASF itself. The other lists could be read only in
the ONPE's former import tool, whose layout differs from our variables (the judicial
placement's place is LIEUPLAC, the OPP is NATDECPLAC, the end's detail MOTIFML) and which
domain_rules.md §4.1 asks not to copy: their default codes are provisional numbers, stored
with ``verified=False`` so that the observatory's pages say which codes still need checking
against the annex and the DREES guide in force (docs/decisions.md).
"""

from placements.enums import EstablishmentKind, PlaceKind
from welfare.enums import MeasureEndReason, MeasureNature, MeasureType, Sex
from welfare.observatory_enums import NationalVariable as V

PEAD_PLACE = PlaceKind.FAMILY_HOME.value
FOSTER_CARER_PLACE = PlaceKind.FOSTER_CARER.value


def _numbered(variable, choices):
    """Provisional codes 1, 2, 3… in the order of the local choices, to be verified."""
    return [
        (variable, value, label, str(rank), "", False)
        for rank, (value, label) in enumerate(choices, start=1)
    ]


def default_rows():
    """(variable, local value, local label, code, national label, verified) of every row."""
    rows = [
        (V.SEXE, Sex.MALE.value, Sex.MALE.label, "1", "Garçon", True),
        (V.SEXE, Sex.FEMALE.value, Sex.FEMALE.label, "2", "Fille", True),
        (V.YES_NO, "false", "Non", "1", "Non", True),
        (V.YES_NO, "true", "Oui", "2", "Oui", True),
    ]
    rows += _numbered(V.DECISION, MeasureNature.choices)
    rows += _numbered(V.NATPDECADM, [(t.value, t.label) for t in MeasureType.administrative()])
    rows += _numbered(V.NATDECASSED, [(t.value, t.label) for t in MeasureType.judicial()])
    home = (
        MeasureType.HOME_HELP,
        MeasureType.AED,
        MeasureType.AEMO,
        MeasureType.AEMO_REINFORCED,
        MeasureType.AEMO_WITH_ACCOMMODATION,
    )
    rows += _numbered(V.TYPINTERDOM, [(t.value, t.label) for t in home])
    places = [
        (FOSTER_CARER_PLACE, PlaceKind.FOSTER_CARER.label),
        *EstablishmentKind.choices,
        (PEAD_PLACE, PlaceKind.FAMILY_HOME.label),
    ]
    rows += _numbered(V.LIEUACC, places)
    rows += _numbered(
        V.MOTFININT,
        [(value, label) for value, label in MeasureEndReason.choices if value != "renewed"],
    )
    return rows


def seed_national_codes(*, using="default", **kwargs):
    """Create the default rows that are missing (post_migrate receiver); rows already there,
    perhaps corrected in the admin, are never touched. Also runs after the test runner empties
    the tables, so every test finds the table."""
    from welfare.models import NationalCode

    present = set(NationalCode.objects.using(using).values_list("variable", "local_value"))
    NationalCode.objects.using(using).bulk_create(
        NationalCode(
            variable=variable,
            local_value=local_value,
            local_label=str(local_label),
            code=code,
            national_label=national_label,
            verified=verified,
        )
        for variable, local_value, local_label, code, national_label, verified in default_rows()
        if (variable, local_value) not in present
    )
