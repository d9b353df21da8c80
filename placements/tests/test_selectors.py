"""Costs and capacity figures against hand-counted fixtures."""

from datetime import date
from decimal import Decimal

import pytest

from placements import selectors
from placements.enums import AgrementState, EstablishmentKind, PlaceKind
from placements.models import Agrement
from placements.rules import agrement_parameters, reminder_date
from placements.tests.factories import (
    AgrementFactory,
    DailyRateFactory,
    EstablishmentFactory,
    FosterCarerFactory,
    PlacementFactory,
)
from welfare.enums import MeasureType
from welfare.scope import Scope
from welfare.tests.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def measure(territory, **kwargs):
    kwargs.setdefault("start_date", date(2022, 1, 1))
    kwargs.setdefault("end_date", date(2023, 12, 31))
    return MeasureFactory(child__territory=territory, **kwargs)


def with_carer(carer, start, end=None, territory=None):
    order = measure(territory or carer.territory)
    return PlacementFactory(
        child=order.child, measure=order, foster_carer=carer, start_date=start, end_date=end
    )


def in_establishment(establishment, start, end=None):
    order = measure(establishment.territory)
    return PlacementFactory(
        child=order.child,
        measure=order,
        place_kind=PlaceKind.ESTABLISHMENT,
        foster_carer=None,
        establishment=establishment,
        start_date=start,
        end_date=end,
    )


# --- Costs ------------------------------------------------------------------------------------


@pytest.fixture
def carer(nord):
    return FosterCarerFactory(territory=nord)


def test_a_placement_across_new_year_is_split_between_the_two_years(carer):
    DailyRateFactory(year=2022, amount=Decimal("90.00"))
    DailyRateFactory(year=2023, amount=Decimal("95.50"))
    with_carer(carer, date(2022, 11, 15), date(2023, 2, 10))

    costs_2022 = selectors.placement_costs(year=2022)["foster_carer"]
    costs_2023 = selectors.placement_costs(year=2023)["foster_carer"]

    # 15 Nov → 1 Jan: 16 + 31 = 47 nights; 1 Jan → 10 Feb (departure day not counted): 40.
    assert (costs_2022["days"], costs_2022["cost"]) == (47, Decimal("4230.00"))
    assert (costs_2023["days"], costs_2023["cost"]) == (40, Decimal("3820.00"))


def test_a_carers_own_rate_takes_precedence_over_the_departements(carer, nord):
    DailyRateFactory(year=2023, amount=Decimal("95.50"))
    DailyRateFactory(year=2023, foster_carer=carer, amount=Decimal("120.00"))
    with_carer(carer, date(2023, 1, 1), date(2023, 1, 11))
    with_carer(FosterCarerFactory(territory=nord), date(2023, 1, 1), date(2023, 1, 11))
    assert selectors.placement_costs(year=2023)["foster_carer"] == {
        "days": 20,
        "cost": Decimal("2155.00"),
        "days_without_rate": 0,
    }


def test_establishments_cost_their_own_rate_by_kind(nord):
    mecs = EstablishmentFactory(territory=nord)
    lva = EstablishmentFactory(territory=nord, kind=EstablishmentKind.LVA, authorised_capacity=7)
    DailyRateFactory(year=2023, place_kind=PlaceKind.ESTABLISHMENT, establishment=mecs, amount=210)
    DailyRateFactory(year=2023, place_kind=PlaceKind.ESTABLISHMENT, establishment=lva, amount=180)
    in_establishment(mecs, date(2022, 12, 1), date(2023, 1, 3))
    in_establishment(lva, date(2023, 12, 30))

    costs = selectors.placement_costs(year=2023)

    assert (costs["mecs"]["days"], costs["mecs"]["cost"]) == (2, Decimal("420.00"))
    # Still there on 31 December: the stay counts to the end of the year.
    assert (costs["lva"]["days"], costs["lva"]["cost"]) == (2, Decimal("360.00"))
    assert costs["fde"] == {"days": 0, "cost": Decimal("0.00"), "days_without_rate": 0}


def test_pead_is_counted_apart_at_the_departements_rate(nord):
    DailyRateFactory(year=2023, place_kind=PlaceKind.FAMILY_HOME, amount=Decimal("45.00"))
    order = measure(nord, type=MeasureType.AEMO_WITH_ACCOMMODATION, end_date=date(2023, 12, 31))
    PlacementFactory(
        child=order.child,
        measure=order,
        place_kind=PlaceKind.FAMILY_HOME,
        foster_carer=None,
        start_date=date(2023, 3, 1),
        end_date=date(2023, 3, 11),
    )
    costs = selectors.placement_costs(year=2023)
    assert (costs["pead"]["days"], costs["pead"]["cost"]) == (10, Decimal("450.00"))
    assert costs["foster_carer"]["days"] == 0


def test_days_without_a_rate_are_counted_but_cost_nothing(carer):
    with_carer(carer, date(2023, 1, 1), date(2023, 1, 6))
    assert selectors.placement_costs(year=2023)["foster_carer"] == {
        "days": 5,
        "cost": Decimal("0.00"),
        "days_without_rate": 5,
    }


def test_costs_follow_the_childs_territory(carer, nord, sud):
    DailyRateFactory(year=2023, amount=Decimal("100.00"))
    with_carer(carer, date(2023, 1, 1), date(2023, 1, 4))
    with_carer(carer, date(2023, 1, 1), date(2023, 1, 2), territory=sud)

    assert selectors.placement_costs(year=2023, territory=nord)["foster_carer"]["days"] == 3
    assert selectors.placement_costs(year=2023, territory=sud)["foster_carer"]["days"] == 1
    by_territory = selectors.placement_costs_by_territory(year=2023)
    assert by_territory[sud.pk]["foster_carer"]["cost"] == Decimal("100.00")


def test_until_stops_the_count_of_the_year_under_way(carer):
    with_carer(carer, date(2023, 1, 1))
    costs = selectors.placement_costs(year=2023, until=date(2023, 3, 1))
    assert costs["foster_carer"]["days"] == 59


def test_costs_take_one_query_whatever_the_number_of_placements(carer, django_assert_num_queries):
    for day in range(1, 6):
        with_carer(carer, date(2023, 1, day), date(2023, 2, day))
    with django_assert_num_queries(1):
        selectors.placement_costs(year=2023)


# --- Capacity ---------------------------------------------------------------------------------

DAY = date(2023, 6, 1)


@pytest.fixture
def providers(nord, sud):
    """Hand-counted on 1 June 2023: the MECS holds 2 of 12, Mme Aubert 3 of 3, Mme Bailly
    1 of 2 (agrément expiring on 1 August), Mme Colin (suspended) 0 of 0; in Sud a FDE
    holds 1 of 20."""
    mecs = EstablishmentFactory(territory=nord, name="MECS Nord", authorised_capacity=12)
    in_establishment(mecs, date(2023, 1, 1))
    in_establishment(mecs, date(2023, 5, 1), date(2023, 7, 1))
    in_establishment(mecs, date(2023, 1, 1), DAY)  # left that morning
    fde = EstablishmentFactory(
        territory=sud, name="FDE Sud", kind=EstablishmentKind.FDE, authorised_capacity=20
    )
    in_establishment(fde, date(2023, 2, 1))
    a = FosterCarerFactory(territory=nord, last_name="Aubert", first_name="Anne")
    AgrementFactory(foster_carer=a, granted_on=date(2020, 1, 1), expires_on=date(2025, 1, 1))
    for _ in range(3):
        with_carer(a, date(2023, 1, 1))
    b = FosterCarerFactory(territory=nord, last_name="Bailly", first_name="Brigitte")
    AgrementFactory(
        foster_carer=b, places=2, granted_on=date(2019, 1, 1), expires_on=date(2023, 8, 1)
    )
    with_carer(b, date(2023, 4, 1))
    c = FosterCarerFactory(territory=nord, last_name="Colin", first_name="Chantal")
    AgrementFactory(
        foster_carer=c,
        granted_on=date(2021, 1, 1),
        state=AgrementState.SUSPENDED,
        state_changed_on=date(2023, 1, 1),
    )
    return {"mecs": mecs, "fde": fde, "a": a, "b": b, "c": c}


def board(user, *, territory=None, **kwargs):
    scope = Scope.for_user(user).narrowed(territory)
    return [
        (name, kind, places, occupied)
        for _, kind, name, _, places, occupied, _ in selectors.capacity_board_rows(
            scope=scope, day=DAY, **kwargs
        )
    ]


def test_the_board_counts_places_and_children_on_the_day(providers, directorate):
    assert board(directorate) == [
        ("AUBERT Anne", "foster_carer", 3, 3),
        ("BAILLY Brigitte", "foster_carer", 2, 1),
        ("COLIN Chantal", "foster_carer", 0, 0),
        ("MECS Nord", "mecs", 12, 2),
        ("FDE Sud", "fde", 20, 1),
    ]


def test_the_board_keeps_only_the_places_with_free_places(providers, directorate):
    assert board(directorate, free_only=True) == [
        ("BAILLY Brigitte", "foster_carer", 2, 1),
        ("MECS Nord", "mecs", 12, 2),
        ("FDE Sud", "fde", 20, 1),
    ]


def test_the_board_lists_the_most_free_places_first(providers, directorate):
    assert [row[0] for row in board(directorate, by_free_places=True)] == [
        "FDE Sud",
        "MECS Nord",
        "BAILLY Brigitte",
        "AUBERT Anne",
        "COLIN Chantal",
    ]


def test_an_age_keeps_the_establishments_authorised_for_it_and_every_carer(providers, directorate):
    providers["fde"].min_age, providers["fde"].max_age = 0, 6
    providers["fde"].save(update_fields=["min_age", "max_age"])
    assert [row[0] for row in board(directorate, age=12)] == [
        "AUBERT Anne",
        "BAILLY Brigitte",
        "COLIN Chantal",
        "MECS Nord",
    ]
    totals = selectors.capacity_board_totals(scope=Scope.for_user(directorate), day=DAY, age=12)
    assert [t.kind for t in totals] == ["foster_carer", "mecs"]


def test_the_board_totals_by_kind(providers, directorate):
    totals = selectors.capacity_board_totals(scope=Scope.for_user(directorate), day=DAY)
    assert [(t.kind, t.providers, t.places, t.occupied, t.free) for t in totals] == [
        ("foster_carer", 3, 5, 4, 1),
        ("mecs", 1, 12, 2, 10),
        ("fde", 1, 20, 1, 19),
    ]
    assert totals[0].occupancy == Decimal("80.0")


def test_a_territory_manager_sees_their_territory_only(providers, responsable_nord):
    assert [row[0] for row in board(responsable_nord)] == [
        "AUBERT Anne",
        "BAILLY Brigitte",
        "COLIN Chantal",
        "MECS Nord",
    ]


def test_the_board_filters_by_territory_and_kind(providers, directorate, sud):
    assert board(directorate, territory=sud) == [("FDE Sud", "fde", 20, 1)]
    assert [row[0] for row in board(directorate, kind="mecs")] == ["MECS Nord"]
    assert len(board(directorate, kind="foster_carer")) == 3


def test_agrements_expiring_within_four_months(providers, directorate):
    expiring = selectors.agrements_expiring(scope=Scope.for_user(directorate), day=DAY)
    assert [agrement.foster_carer for agrement in expiring] == [providers["b"]]


def test_pead_are_counted_apart(providers, directorate, nord):
    order = measure(nord, type=MeasureType.AEMO_WITH_ACCOMMODATION, end_date=date(2023, 12, 31))
    PlacementFactory(
        child=order.child,
        measure=order,
        place_kind=PlaceKind.FAMILY_HOME,
        foster_carer=None,
        start_date=date(2023, 3, 1),
    )
    assert selectors.pead_count_on(scope=Scope.for_user(directorate), day=DAY) == 1
    totals = selectors.capacity_board_totals(scope=Scope.for_user(directorate), day=DAY)
    assert sum(total.occupied for total in totals) == 7


def test_late_renewal_notices_come_first(nord, directorate):
    # On 1/06/2023: the notice of an agrément expiring on 15/09 was due on 15/05 (late); one
    # expiring on 1/10 is due today (not late); one sent already is not late either.
    def agrement(name, expires_on, **fields):
        carer = FosterCarerFactory(territory=nord, last_name=name)
        return AgrementFactory(
            foster_carer=carer, granted_on=date(2018, 1, 1), expires_on=expires_on, **fields
        )

    sent = agrement("Envoyé", date(2023, 7, 1), reminder_sent_on=date(2023, 3, 1))
    due_today = agrement("Aujourdhui", date(2023, 10, 1))
    late = agrement("Retard", date(2023, 9, 15))
    expiring = list(selectors.agrements_expiring(scope=Scope.for_user(directorate), day=DAY))
    assert expiring == [late, sent, due_today]
    assert [agrement.notice_late for agrement in expiring] == [True, False, False]


@pytest.mark.parametrize(
    "expires_on", [date(2024, 6, 30), date(2024, 6, 29), date(2024, 3, 31), date(2024, 2, 29)]
)
def test_the_database_dates_the_notice_as_reminder_date_does(nord, expires_on):
    agrement = AgrementFactory(
        foster_carer=FosterCarerFactory(territory=nord),
        granted_on=date(2019, 7, 1),
        expires_on=expires_on,
    )
    due = reminder_date(
        granted_on=agrement.granted_on, expires_on=expires_on, parameters=agrement_parameters()
    )
    for day, late in ((due, False), (date.fromordinal(due.toordinal() + 1), True)):
        annotated = Agrement.objects.with_notice_late(day).get(pk=agrement.pk)
        assert annotated.notice_late is late, (expires_on, day)


def test_the_occupancy_rate_is_a_percent_to_one_decimal_and_none_without_places():
    assert selectors.occupancy_rate(occupied=2, places=3) == Decimal("66.7")
    assert selectors.occupancy_rate(occupied=0, places=0) is None


# --- Suspended or withdrawn agrément (art. L421-6 al. 3 CASF) --------------------------------


@pytest.fixture
def suspended(nord):
    """A carer receiving two children (one since left) whose agrément is suspended on 1/06."""
    carer = FosterCarerFactory(territory=nord, last_name="Suspendu")
    AgrementFactory(
        foster_carer=carer,
        granted_on=date(2020, 1, 1),
        expires_on=date(2025, 1, 1),
        state=AgrementState.SUSPENDED,
        state_changed_on=date(2023, 6, 1),
        state_reason="Enquête en cours.",
    )
    with_carer(carer, date(2023, 1, 2))
    with_carer(carer, date(2023, 1, 2), date(2023, 6, 15))
    with_carer(carer, date(2023, 1, 2), date(2023, 5, 1))
    return carer


def test_children_still_placed_under_a_suspended_agrement_count_from_the_day_it_is_suspended(
    suspended,
):
    """L421-6 al. 3 CASF: "tant que l'agrément reste suspendu, aucun enfant ne peut être
    confié". The day before the decision, nothing; from its day, the children still there."""
    assert selectors.placements_under_lapsed_agrement(day=date(2023, 5, 31)).count() == 0
    assert selectors.placements_under_lapsed_agrement(day=date(2023, 6, 1)).count() == 2
    # The day of departure no longer counts.
    assert selectors.placements_under_lapsed_agrement(day=date(2023, 6, 15)).count() == 1


def test_a_withdrawn_agrement_counts_and_a_restored_one_does_not(suspended, nord):
    """L421-6 al. 3 CASF: a withdrawal counts like a suspension; a valid agrément does not."""
    agrement = suspended.agrements.get()
    agrement.state = AgrementState.WITHDRAWN
    agrement.save()
    assert selectors.placements_under_lapsed_agrement(day=date(2023, 7, 1)).count() == 1
    agrement.state = AgrementState.VALID
    agrement.state_changed_on = None
    agrement.save()
    assert selectors.placements_under_lapsed_agrement(day=date(2023, 7, 1)).count() == 0


def test_a_new_agrement_in_force_ends_the_alert(suspended):
    """A carer granted a new agrément after the withdrawal may receive children again."""
    AgrementFactory(foster_carer=suspended, granted_on=date(2023, 7, 1))
    assert selectors.placements_under_lapsed_agrement(day=date(2023, 6, 30)).count() == 1
    assert selectors.placements_under_lapsed_agrement(day=date(2023, 7, 1)).count() == 0


def test_the_lapsed_figure_is_scoped_by_the_carers_territory(suspended, nord, sud):
    day = date(2023, 7, 1)
    assert selectors.placements_under_lapsed_agrement(day=day, territory=nord).count() == 1
    assert selectors.placements_under_lapsed_agrement(day=day, territory=sud).count() == 0


def test_the_board_lists_the_carers_with_their_children_still_placed(
    suspended, directorate, referent_sud
):
    day = date(2023, 7, 1)
    [row] = selectors.carers_with_lapsed_agrement(scope=Scope.for_user(directorate), day=day)
    assert (row, row.children_placed, row.lapsed_state, row.lapsed_since) == (
        suspended,
        1,
        AgrementState.SUSPENDED,
        date(2023, 6, 1),
    )
    assert not selectors.carers_with_lapsed_agrement(
        scope=Scope.for_user(referent_sud), day=day
    ).exists()
