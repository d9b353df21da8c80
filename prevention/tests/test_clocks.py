"""The evaluation clock of an information préoccupante (art. D226-2-4 CASF), through the
service that records the intake, against the dated parameters seeded after migrate."""

from datetime import date

import pytest

from prevention import services
from prevention.enums import ConcernParameterKey, ConcernSource, DangerKind
from prevention.models import ConcernParameter
from welfare.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

RECEIVED = date(2025, 1, 10)


def receive(territory, *, children=(), grave_danger=False, received_on=RECEIVED):
    return services.concern_create(
        author=None,
        children=children,
        territory=territory,
        received_on=received_on,
        source=ConcernSource.SCHOOL,
        transmitter="",
        grave_danger=grave_danger,
        danger_kind=DangerKind.NEGLECT,
        facts="Absences répétées.",
        prosecutor_referral_on=None,
    )


def test_a_concern_received_on_10_january_is_due_on_10_april(nord):
    school_age = ChildFactory(territory=nord, birth_date=date(2015, 3, 2))
    assert receive(nord, children=[school_age]).evaluation_due_on == date(2025, 4, 10)


def test_a_babys_concern_is_due_sooner(nord):
    baby = ChildFactory(territory=nord, birth_date=date(2024, 9, 1))
    assert receive(nord, children=[baby]).evaluation_due_on == date(2025, 2, 10)


def test_a_child_turned_two_on_the_day_of_receipt_has_the_usual_delay(nord):
    two = ChildFactory(territory=nord, birth_date=date(2023, 1, 10))
    assert receive(nord, children=[two]).evaluation_due_on == date(2025, 4, 10)


def test_grave_and_immediate_danger_is_due_to_the_parquet_the_day_it_is_received(nord):
    """Art. L226-4 I 2° and D226-2-4 I 2° CASF: a grave and immediate danger is referred to
    the procureur without delay, without waiting for the evaluation: due the day of receipt,
    not 15 days later."""
    assert receive(nord, grave_danger=True).evaluation_due_on == RECEIVED


def test_a_grave_danger_about_a_baby_is_still_due_the_same_day(nord):
    """Art. D226-2-4 I 2°: the same-day referral comes before the baby's one month."""
    baby = ChildFactory(territory=nord, birth_date=date(2024, 12, 1))
    concern = receive(nord, children=[baby], grave_danger=True)
    assert concern.evaluation_due_on == RECEIVED


def test_correcting_the_intake_to_grave_danger_brings_the_deadline_to_its_receipt(nord):
    """Art. L226-4 I 2° CASF: flagged grave at a correction, the deadline is the receipt."""
    concern = receive(nord)
    services.concern_update(concern=concern, grave_danger=True)
    concern.refresh_from_db()
    assert concern.evaluation_due_on == RECEIVED


def test_adding_a_baby_to_the_concern_brings_the_due_date_forward(nord, prevention_officer):
    concern = receive(nord)
    assert concern.evaluation_due_on == date(2025, 4, 10)
    baby = ChildFactory(territory=nord, birth_date=date(2024, 11, 3))
    services.concern_child_add(concern=concern, child=baby, by=prevention_officer)
    concern.refresh_from_db()
    assert concern.evaluation_due_on == date(2025, 2, 10)


def test_a_new_duration_applies_to_concerns_received_from_its_date(nord):
    ConcernParameter.objects.create(
        key=ConcernParameterKey.EVALUATION_MONTHS,
        value=2,
        valid_from=date(2025, 3, 1),
        legal_reference="protocole départemental révisé",
    )
    assert receive(nord).evaluation_due_on == date(2025, 4, 10)
    later = receive(nord, received_on=date(2025, 3, 10))
    assert later.evaluation_due_on == date(2025, 5, 10)
