"""A small Département whose every figure is counted by hand (see the comments), shared by the
dashboard's tests.

On DAY (30/06/2024), period 01/01–30/06/2024, six children are in care:

| child | territory | sex | age | nature | place | entry in the period |
|---|---|---|---|---|---|---|
| n1 | nord | F | 4 | judicial (placement) | foster carer | yes, 10/01 |
| n2 | nord | M | 17, MNA | judicial (placement) | semi-autonomy (moved from a MECS on 01/03) | no |
| n3 | nord | F | 12, disability | judicial (PEAD) | family home | yes, 01/02 |
| n4 | sud | M | 18 | administrative (young adult) | none recorded | no |
| n5 | sud | F | 7 | administrative (accueil provisoire) | foster carer | yes, 01/04 |
| n6 | sud | M | 14 | judicial (placement renewed on 01/03) | FDE | no (a renewal) |

x1 (nord) is under an AED only (not in care); x2 (nord) went home on 31/05 (one exit).
"""

from datetime import date

from placements.enums import EstablishmentKind, PlaceKind, PlacementEndReason
from placements.tests.factories import (
    AgrementFactory,
    EstablishmentFactory,
    FosterCarerFactory,
    PlacementFactory,
)
from welfare.enums import MeasureEndReason, MeasureType, Sex
from welfare.tests.factories import ChildFactory, MeasureFactory

DAY = date(2024, 6, 30)
START = date(2024, 1, 1)


def _child(territory, sex, birth_date, **kwargs):
    return ChildFactory(territory=territory, sex=sex, birth_date=birth_date, **kwargs)


def _measure(child, measure_type, start, end, **kwargs):
    return MeasureFactory(child=child, type=measure_type, start_date=start, end_date=end, **kwargs)


def build(nord, sud) -> dict:
    """The children and places above; returns them by name."""
    mecs = EstablishmentFactory(territory=nord, kind=EstablishmentKind.MECS, authorised_capacity=12)
    semi = EstablishmentFactory(
        territory=nord,
        kind=EstablishmentKind.SEMI_AUTONOMY,
        authorised_capacity=10,
        min_age=16,
    )
    fde = EstablishmentFactory(territory=sud, kind=EstablishmentKind.FDE, authorised_capacity=20)
    carer_nord = FosterCarerFactory(territory=nord)
    AgrementFactory(
        foster_carer=carer_nord, places=3, granted_on=date(2020, 1, 1), expires_on=date(2027, 1, 1)
    )
    carer_sud = FosterCarerFactory(territory=sud)
    # Expires within four months of DAY.
    AgrementFactory(
        foster_carer=carer_sud, places=2, granted_on=date(2019, 9, 15), expires_on=date(2024, 9, 15)
    )

    n1 = _child(nord, Sex.FEMALE, date(2020, 3, 1))
    measure = _measure(n1, MeasureType.PLACEMENT, date(2024, 1, 10), date(2025, 1, 9))
    PlacementFactory(child=n1, measure=measure, foster_carer=carer_nord)

    n2 = _child(nord, Sex.MALE, date(2007, 1, 15), unaccompanied_minor=True)
    measure = _measure(n2, MeasureType.PLACEMENT, date(2023, 3, 1), date(2025, 2, 28))
    PlacementFactory(
        child=n2,
        measure=measure,
        place_kind=PlaceKind.ESTABLISHMENT,
        foster_carer=None,
        establishment=mecs,
        end_date=date(2024, 3, 1),
        end_reason=PlacementEndReason.MOVE,
    )
    PlacementFactory(
        child=n2,
        measure=measure,
        place_kind=PlaceKind.ESTABLISHMENT,
        foster_carer=None,
        establishment=semi,
        start_date=date(2024, 3, 1),
    )

    n3 = _child(nord, Sex.FEMALE, date(2012, 5, 5), disability=True)
    measure = _measure(n3, MeasureType.AEMO_WITH_ACCOMMODATION, date(2024, 2, 1), date(2025, 1, 31))
    PlacementFactory(child=n3, measure=measure, place_kind=PlaceKind.FAMILY_HOME, foster_carer=None)

    n4 = _child(sud, Sex.MALE, date(2005, 10, 10))
    _measure(n4, MeasureType.YOUNG_ADULT, date(2023, 10, 10), date(2024, 10, 9))

    n5 = _child(sud, Sex.FEMALE, date(2016, 8, 8))
    measure = _measure(n5, MeasureType.PROVISIONAL_CARE, date(2024, 4, 1), date(2025, 3, 31))
    PlacementFactory(child=n5, measure=measure, foster_carer=carer_sud)

    n6 = _child(sud, Sex.MALE, date(2010, 1, 1))
    first = _measure(
        n6,
        MeasureType.PLACEMENT,
        date(2022, 3, 1),
        date(2024, 2, 29),
        end_reason=MeasureEndReason.RENEWED,
    )
    _measure(n6, MeasureType.PLACEMENT, date(2024, 3, 1), date(2026, 2, 28), renews=first)
    # The renewal keeps the child where he is: one placement across both measures.
    PlacementFactory(
        child=n6,
        measure=first,
        place_kind=PlaceKind.ESTABLISHMENT,
        foster_carer=None,
        establishment=fde,
    )

    x1 = _child(nord, Sex.MALE, date(2015, 2, 2))
    _measure(x1, MeasureType.AED, date(2024, 1, 15), date(2025, 1, 14))

    x2 = _child(nord, Sex.MALE, date(2011, 11, 11))
    measure = _measure(
        x2,
        MeasureType.PLACEMENT,
        date(2022, 6, 1),
        date(2024, 5, 31),
        end_reason=MeasureEndReason.RETURN_HOME,
    )
    PlacementFactory(
        child=x2,
        measure=measure,
        foster_carer=carer_nord,
        end_date=date(2024, 5, 31),
        end_reason=PlacementEndReason.RETURN_HOME,
    )
    return {"n1": n1, "n2": n2, "n3": n3, "n4": n4, "n5": n5, "n6": n6, "x1": x1, "x2": x2}
