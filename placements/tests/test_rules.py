"""The placement rules: those PostgreSQL enforces itself, and those the services check."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from placements import services, tasks
from placements.enums import AgrementState, EstablishmentKind, PlaceKind, PlacementEndReason
from placements.models import Agrement, Placement
from placements.rules import agrement_expiry, agrement_parameters
from placements.tests.factories import (
    AgrementFactory,
    EstablishmentFactory,
    FosterCarerFactory,
    PlacementFactory,
)
from welfare.enums import LegalParameterKey as Key
from welfare.enums import MeasureType
from welfare.models import LegalParameter
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = pytest.mark.django_db

START = date(2023, 1, 2)


@pytest.fixture
def child(nord):
    return ChildFactory(territory=nord, birth_date=date(2012, 5, 4), first_name="Léa")


@pytest.fixture
def measure(child):
    return MeasureFactory(child=child, start_date=date(2022, 10, 1), end_date=date(2024, 9, 30))


@pytest.fixture
def carer(nord):
    carer = FosterCarerFactory(territory=nord, first_name="Martine", last_name="Vuillet")
    AgrementFactory(foster_carer=carer, granted_on=date(2020, 3, 1), expires_on=date(2025, 3, 1))
    return carer


def place(child, measure, carer, start=START, end=None):
    return services.placement_create(
        child=child,
        measure=measure,
        place_kind=PlaceKind.FOSTER_CARER,
        foster_carer=carer,
        start_date=start,
        end_date=end,
    )


def fill(carer, count, start=START):
    for _ in range(count):
        other = MeasureFactory(start_date=date(2022, 10, 1), end_date=date(2024, 9, 30))
        PlacementFactory(child=other.child, measure=other, foster_carer=carer, start_date=start)


def errors_of(excinfo):
    return excinfo.value.message_dict


# --- Enforced by PostgreSQL ------------------------------------------------------------------


def test_the_database_refuses_overlapping_placements_of_one_child(child, measure, carer):
    PlacementFactory(child=child, measure=measure, foster_carer=carer, start_date=START)
    with pytest.raises(IntegrityError, match="placement_no_overlap"), transaction.atomic():
        PlacementFactory(
            child=child,
            measure=measure,
            place_kind=PlaceKind.FAMILY_HOME,
            foster_carer=None,
            start_date=START + timedelta(days=30),
            end_date=START + timedelta(days=60),
        )


def test_a_raw_insert_cannot_overlap_either(child, measure, carer):
    PlacementFactory(
        child=child,
        measure=measure,
        foster_carer=carer,
        start_date=START,
        end_date=date(2023, 6, 1),
    )
    with (
        pytest.raises(IntegrityError, match="placement_no_overlap"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "INSERT INTO placements_placement (public_id, child_id, measure_id, place_kind,"
            " foster_carer_id, start_date, end_date, end_reason, created_at, updated_at)"
            " VALUES (gen_random_uuid(), %s, %s, 'foster_carer', %s, '2023-05-31', NULL, '',"
            " now(), now())",
            [child.pk, measure.pk, carer.pk],
        )


def test_the_day_of_departure_is_free_for_the_next_placement(child, measure, carer):
    PlacementFactory(
        child=child,
        measure=measure,
        foster_carer=carer,
        start_date=START,
        end_date=date(2023, 6, 1),
    )
    PlacementFactory(child=child, measure=measure, foster_carer=carer, start_date=date(2023, 6, 1))
    assert Placement.objects.filter(child=child).count() == 2


def test_the_database_refuses_a_departure_before_the_arrival(child, measure, carer):
    with pytest.raises(IntegrityError, match="placement_starts_before_end"), transaction.atomic():
        PlacementFactory(
            child=child, measure=measure, foster_carer=carer, start_date=START, end_date=START
        )


def test_the_database_refuses_two_places_at_once(child, measure, carer, nord):
    with pytest.raises(IntegrityError, match="placement_one_place"), transaction.atomic():
        PlacementFactory(
            child=child,
            measure=measure,
            foster_carer=carer,
            establishment=EstablishmentFactory(territory=nord),
        )


def test_the_database_refuses_a_pead_with_a_place(child, measure, carer):
    with pytest.raises(IntegrityError, match="placement_one_place"), transaction.atomic():
        PlacementFactory(
            child=child, measure=measure, foster_carer=carer, place_kind=PlaceKind.FAMILY_HOME
        )


def test_more_than_three_places_need_a_recorded_derogation(carer):
    """Art. L421-5 CASF: beyond 3 minors, the agrément records the derogation."""
    with pytest.raises(ValidationError) as refusal:
        services.agrement_grant(foster_carer=carer, granted_on=date(2023, 1, 1), places=4)
    assert refusal.value.message_dict == {
        "derogation_reason": [
            "Au-delà de 3 places, indiquez le motif de la dérogation accordée (art. L421-5 CASF)."
        ],
        "derogation_decided_on": [
            "Au-delà de 3 places, indiquez la date de la dérogation (art. L421-5 CASF)."
        ],
    }
    services.agrement_grant(
        foster_carer=carer,
        granted_on=date(2023, 1, 1),
        places=4,
        derogation_reason="Accueil d'une fratrie de quatre enfants.",
        derogation_decided_on=date(2023, 1, 1),
    )
    assert carer.agrements.filter(places=4).exists()


def test_three_places_need_no_derogation(carer):
    """Art. L421-5 CASF: 3 places is the boundary, allowed without a derogation."""
    agrement = services.agrement_grant(foster_carer=carer, granted_on=date(2023, 1, 1), places=3)
    assert agrement.derogation_reason == ""


def test_hotels_are_not_a_kind_of_establishment():
    labels = " ".join(str(label).lower() for label in EstablishmentKind.labels)
    assert "hôtel" not in labels and "hotel" not in EstablishmentKind.values


# --- Agrément ---------------------------------------------------------------------------------


def test_an_agrement_lasts_five_years():
    assert agrement_expiry(
        granted_on=date(2020, 3, 1), deaf_holder=False, parameters=agrement_parameters()
    ) == date(2025, 3, 1)


def test_a_deaf_holder_has_no_expiry(nord):
    """Art. L421-9 CASF: the DEAF renews the agrément without a time limit."""
    carer = FosterCarerFactory(territory=nord, deaf_obtained_on=date(2019, 6, 30))
    agrement = services.agrement_grant(foster_carer=carer, granted_on=date(2020, 3, 1), places=3)
    assert agrement.expires_on is None
    assert Agrement.objects.with_notice_late(date(2024, 1, 1)).get().notice_due_on is None


def test_the_renewal_reminder_falls_four_months_before_expiry(carer):
    """Art. D421-19 CASF: the notice leaves at least 4 months before expiry."""
    agrement = carer.agrements.with_notice_late(date(2024, 1, 1)).get()
    assert agrement.notice_due_on == date(2024, 11, 1)


# --- Agrément figures as dated rows (issue 16) ------------------------------------------------


def _new_row(key, value, valid_from):
    LegalParameter.objects.create(
        key=key, value=value, valid_from=valid_from, legal_reference="loi de test"
    )


def test_the_validity_in_force_on_the_grant_sets_the_expiry(nord):
    """A change of law is a new row: an agrément granted from its date lasts the new term,
    one granted the day before keeps the old one."""
    _new_row(Key.AGREMENT_VALIDITY_YEARS, 10, date(2024, 1, 1))
    carer = FosterCarerFactory(territory=nord)
    before = services.agrement_grant(foster_carer=carer, granted_on=date(2023, 12, 31), places=3)
    after = services.agrement_grant(foster_carer=carer, granted_on=date(2024, 1, 1), places=3)
    assert before.expires_on == date(2028, 12, 31)
    assert after.expires_on == date(2034, 1, 1)


def test_the_places_without_derogation_in_force_on_the_grant(nord):
    """Art. L421-5 CASF as a dated row: 4 places from a (fictitious) change of law."""
    _new_row(Key.AGREMENT_DEFAULT_PLACES, 4, date(2024, 1, 1))
    carer = FosterCarerFactory(territory=nord)
    with pytest.raises(ValidationError, match="Au-delà de 3 places"):
        services.agrement_grant(foster_carer=carer, granted_on=date(2023, 12, 31), places=4)
    assert services.agrement_grant(foster_carer=carer, granted_on=date(2024, 1, 1), places=4)


def test_the_notice_delay_in_force_on_the_grant_dates_the_notice(nord):
    """Art. D421-19 CASF as a dated row: the database reads the delay of the grant's day."""
    _new_row(Key.AGREMENT_REMINDER_MONTHS, 6, date(2024, 1, 1))
    carer = FosterCarerFactory(territory=nord)
    old = AgrementFactory(
        foster_carer=carer, granted_on=date(2023, 12, 31), expires_on=date(2028, 12, 31)
    )
    new = AgrementFactory(
        foster_carer=carer, granted_on=date(2024, 1, 1), expires_on=date(2029, 1, 1)
    )
    dates = dict(
        Agrement.objects.with_notice_late(date(2025, 1, 1)).values_list("pk", "notice_due_on")
    )
    assert dates == {old.pk: date(2028, 8, 31), new.pk: date(2028, 7, 1)}


def test_obtaining_the_deaf_lifts_the_expiry(carer):
    services.foster_carer_save(
        foster_carer=carer,
        deaf_obtained_on=date(2023, 6, 30),
        first_name=carer.first_name,
        last_name=carer.last_name,
        territory=carer.territory,
        address=carer.address,
        phone="",
        employer="Département",
    )
    assert carer.agrements.get().expires_on is None


def test_agrements_past_their_expiry_are_marked_expired(carer):
    assert services.agrements_expire(today=date(2025, 3, 1)) == 1
    agrement = carer.agrements.get()
    assert agrement.state == AgrementState.EXPIRED
    assert agrement.state_changed_on == date(2025, 3, 1)


# --- Checked by placement_create -------------------------------------------------------------


def test_it_places_a_child_with_a_carer_who_has_a_free_place(child, measure, carer):
    fill(carer, 2)
    placement = place(child, measure, carer)
    assert placement.foster_carer == carer
    assert placement.is_active_on(START)


def test_it_refuses_a_carer_whose_places_are_full(child, measure, carer):
    fill(carer, 3)
    with pytest.raises(ValidationError) as excinfo:
        place(child, measure, carer)
    assert errors_of(excinfo)["foster_carer"] == [
        "VUILLET Martine n'a plus de place libre : son agrément autorise 3 enfants et 3 sont "
        "déjà accueillis le 02/01/2023."
    ]
    assert not child.placements.exists()


def test_it_counts_the_places_on_every_day_of_the_stay(child, measure, carer):
    fill(carer, 2)
    fill(carer, 1, start=date(2023, 3, 1))
    with pytest.raises(ValidationError, match="le 01/03/2023"):
        place(child, measure, carer, end=date(2023, 4, 1))
    assert place(child, measure, carer, end=date(2023, 3, 1)).days() == 58


def test_it_uses_the_places_of_a_derogation(child, measure, carer):
    carer.agrements.update(
        places=4, derogation_reason="Fratrie de quatre", derogation_decided_on=date(2020, 3, 1)
    )
    fill(carer, 3)
    assert place(child, measure, carer).pk


@pytest.mark.parametrize(
    ("state", "word"), [(AgrementState.SUSPENDED, "suspendu"), (AgrementState.WITHDRAWN, "retiré")]
)
def test_it_refuses_a_carer_whose_agrement_is_suspended_or_withdrawn(
    child, measure, carer, state, word
):
    services.agrement_change_state(
        agrement=carer.agrements.get(), state=state, since=date(2022, 12, 1), reason="Enquête"
    )
    with pytest.raises(ValidationError) as excinfo:
        place(child, measure, carer)
    assert errors_of(excinfo)["foster_carer"] == [
        f"L'agrément de VUILLET Martine est {word} depuis le 01/12/2022 : aucun enfant ne peut "
        "lui être confié."
    ]


def test_it_refuses_a_carer_whose_agrement_has_expired(child, measure, carer):
    carer.agrements.update(expires_on=date(2023, 1, 2))
    with pytest.raises(ValidationError, match="a expiré le 02/01/2023"):
        place(child, measure, carer)


def test_it_refuses_an_establishment_at_its_authorised_capacity(child, measure, nord):
    establishment = EstablishmentFactory(
        territory=nord, name="MECS du Revermont", authorised_capacity=2
    )
    for _ in range(2):
        other = MeasureFactory(start_date=date(2022, 10, 1), end_date=date(2024, 9, 30))
        PlacementFactory(
            child=other.child,
            measure=other,
            place_kind=PlaceKind.ESTABLISHMENT,
            foster_carer=None,
            establishment=establishment,
            start_date=START,
        )
    with pytest.raises(ValidationError) as excinfo:
        services.placement_create(
            child=child,
            measure=measure,
            place_kind=PlaceKind.ESTABLISHMENT,
            establishment=establishment,
            start_date=START,
        )
    assert errors_of(excinfo)["establishment"] == [
        "MECS du Revermont est complet : 2 enfants y sont accueillis le 02/01/2023 pour une "
        "capacité autorisée de 2 places."
    ]


def test_it_refuses_a_child_outside_the_establishments_ages(child, measure, nord):
    nursery = EstablishmentFactory(
        territory=nord, name="Pouponnière", kind=EstablishmentKind.NURSERY, max_age=2
    )
    with pytest.raises(ValidationError, match="de 0 à 2 ans ; l'enfant aura 10 ans"):
        services.placement_create(
            child=child,
            measure=measure,
            place_kind=PlaceKind.ESTABLISHMENT,
            establishment=nursery,
            start_date=START,
        )


def test_it_refuses_a_stay_no_measure_covers(child, measure, carer):
    with pytest.raises(ValidationError) as excinfo:
        place(child, measure, carer, end=date(2024, 12, 1))
    assert "à partir du 01/10/2024" in errors_of(excinfo)["end_date"][0]


def test_a_stay_may_run_on_through_the_renewal_of_its_measure(child, measure, carer):
    MeasureFactory(
        child=child, start_date=date(2024, 10, 1), end_date=date(2026, 9, 30), renews=measure
    )
    assert place(child, measure, carer, end=date(2025, 1, 1)).pk


def test_it_refuses_a_measure_not_under_way_on_arrival(child, measure, carer):
    with pytest.raises(ValidationError, match="n'est pas en cours le 01/09/2022"):
        place(child, measure, carer, start=date(2022, 9, 1))


def test_it_refuses_the_measure_of_another_child(child, carer):
    other = MeasureFactory(start_date=date(2022, 10, 1), end_date=date(2024, 9, 30))
    with pytest.raises(ValidationError, match="ne concerne pas cet enfant"):
        place(child, other, carer)


def test_a_pead_rests_on_an_aemo_with_accommodation(child, measure):
    with pytest.raises(ValidationError, match="Un PEAD repose sur une AEMO renforcée"):
        services.placement_create(
            child=child, measure=measure, place_kind=PlaceKind.FAMILY_HOME, start_date=START
        )
    aemo = MeasureFactory(
        child=child,
        type=MeasureType.AEMO_WITH_ACCOMMODATION,
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
    )
    pead = services.placement_create(
        child=child, measure=aemo, place_kind=PlaceKind.FAMILY_HOME, start_date=date(2025, 1, 1)
    )
    assert pead.is_pead


def test_an_aemo_cannot_order_a_stay_away_from_home(child, carer):
    aemo = MeasureFactory(
        child=child, type=MeasureType.AEMO, start_date=date(2022, 10, 1), end_date=date(2023, 9, 30)
    )
    with pytest.raises(ValidationError, match="ne confie pas l'enfant"):
        place(child, aemo, carer)


def test_the_form_message_names_the_overlapping_placement(child, measure, carer, nord):
    place(child, measure, carer)
    with pytest.raises(ValidationError) as excinfo:
        services.placement_create(
            child=child,
            measure=measure,
            place_kind=PlaceKind.ESTABLISHMENT,
            establishment=EstablishmentFactory(territory=nord),
            start_date=date(2023, 5, 1),
        )
    assert errors_of(excinfo)["start_date"] == [
        "L'enfant a déjà un placement sur cette période : Assistant familial VUILLET Martine, "
        "depuis le 02/01/2023, sans date de départ. Terminez-le d'abord, ou utilisez « Changer "
        "de lieu d'accueil »."
    ]


# --- Ending and moving ------------------------------------------------------------------------


def test_ending_a_placement_records_the_day_and_the_reason(child, measure, carer):
    placement = place(child, measure, carer)
    services.placement_end(
        placement=placement, end_date=date(2023, 7, 1), end_reason=PlacementEndReason.RETURN_HOME
    )
    placement.refresh_from_db()
    assert (placement.end_date, placement.end_reason) == (date(2023, 7, 1), "return_home")


def test_ending_a_placement_needs_a_reason(child, measure, carer):
    placement = place(child, measure, carer)
    with pytest.raises(ValidationError, match="motif"):
        services.placement_end(placement=placement, end_date=date(2023, 7, 1), end_reason="")


def test_moving_a_child_ends_one_placement_and_starts_the_next_the_same_day(
    child, measure, carer, nord
):
    placement = place(child, measure, carer)
    establishment = EstablishmentFactory(territory=nord)
    moved = services.placement_move(
        placement=placement,
        move_date=date(2023, 7, 1),
        place_kind=PlaceKind.ESTABLISHMENT,
        establishment=establishment,
    )
    placement.refresh_from_db()
    assert placement.end_date == moved.start_date == date(2023, 7, 1)
    assert placement.end_reason == PlacementEndReason.MOVE
    assert moved.establishment == establishment


def test_a_refused_move_leaves_the_child_where_they_were(child, measure, carer, nord):
    placement = place(child, measure, carer)
    full = FosterCarerFactory(territory=nord)
    AgrementFactory(foster_carer=full, places=1, granted_on=date(2020, 1, 1))
    fill(full, 1)
    with pytest.raises(ValidationError, match="n'a plus de place libre"):
        services.placement_move(
            placement=placement,
            move_date=date(2023, 7, 1),
            place_kind=PlaceKind.FOSTER_CARER,
            foster_carer=full,
        )
    placement.refresh_from_db()
    assert placement.end_date is None and placement.end_reason == ""
    assert child.placements.count() == 1


def test_agrement_state_changes_need_a_reason(carer):
    with pytest.raises(ValidationError, match="motif"):
        services.agrement_change_state(
            agrement=carer.agrements.get(), state=AgrementState.SUSPENDED, since=date(2023, 1, 1)
        )
    assert Agrement.objects.get().state == AgrementState.VALID


def test_the_daily_task_expires_agrements(carer, monkeypatch):
    monkeypatch.setattr(tasks.timezone, "localdate", lambda: date(2025, 3, 2))
    assert tasks.agrements_expire() == 1
