"""What PostgreSQL itself enforces on the children's records, and the QuerySets' domain words."""

from datetime import date

import pytest
from django.apps import apps
from django.db import IntegrityError, connection

from welfare.enums import MeasureType, Role
from welfare.models import Child, LegalParameter, Measure
from welfare.tests.factories import ChildFactory, MeasureFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_measure_ending_before_it_starts():
    with pytest.raises(IntegrityError, match="measure_ends_after_start"):
        MeasureFactory(start_date=date(2024, 5, 1), end_date=date(2024, 4, 1))


def test_the_database_refuses_a_type_of_the_wrong_nature():
    with pytest.raises(IntegrityError, match="measure_type_matches_nature"):
        MeasureFactory(type=MeasureType.AEMO, nature="administrative")


def test_the_database_refuses_an_accueil_provisoire_without_agreement():
    with pytest.raises(IntegrityError, match="measure_provisional_care_agreed"):
        MeasureFactory(type=MeasureType.PROVISIONAL_CARE, parental_agreement=False)


def test_the_database_refuses_an_mdph_decision_without_disability():
    with pytest.raises(IntegrityError, match="child_mdph_needs_disability"):
        ChildFactory(mdph_decision_date=date(2020, 1, 1), disability=False)


def test_for_user_scopes_case_roles_to_their_territory(referent_nord, nord, sud, directorate):
    mine = ChildFactory(territory=nord)
    ChildFactory(territory=sud)
    assert list(Child.objects.for_user(referent_nord)) == [mine]
    assert not Child.objects.for_user(directorate).exists()


def test_for_user_gives_nothing_to_a_case_role_without_territory():
    drifter = UserFactory(role=Role.CASEWORKER, territory=None)
    ChildFactory()
    assert not Child.objects.for_user(drifter).exists()


def test_in_care_on_counts_care_measures_active_that_day():
    placed = MeasureFactory(start_date=date(2022, 1, 1), end_date=date(2023, 6, 30)).child
    MeasureFactory(type=MeasureType.AEMO, start_date=date(2022, 1, 1), end_date=date(2023, 1, 1))
    MeasureFactory(start_date=date(2020, 1, 1), end_date=date(2021, 12, 31))
    assert list(Child.objects.in_care_on(date(2022, 12, 31))) == [placed]


def test_active_on_includes_both_ends():
    measure = MeasureFactory(start_date=date(2022, 1, 1), end_date=date(2022, 12, 31))
    assert list(Measure.objects.active_on(date(2022, 12, 31))) == [measure]
    assert list(Measure.objects.active_on(date(2022, 1, 1))) == [measure]
    assert not Measure.objects.active_on(date(2023, 1, 1)).exists()


def test_judicial_and_administrative_split_the_measures():
    judicial = MeasureFactory()
    administrative = MeasureFactory(type=MeasureType.AED)
    assert list(Measure.objects.judicial()) == [judicial]
    assert list(Measure.objects.administrative()) == [administrative]


def test_siblings_are_symmetrical():
    elder, younger = ChildFactory(), ChildFactory()
    elder.siblings.add(younger)
    assert list(younger.siblings.all()) == [elder]


def test_search_uses_the_trigram_index():
    child = ChildFactory(first_name="Anaïs", last_name="Lefèbvre")
    queryset = Child.objects.search("anais LEFEBVRE")
    assert list(queryset) == [child]
    with connection.cursor() as cursor:
        # A handful of rows is cheaper to scan; forbid it to see the index is usable.
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "child_name_search" in queryset.explain()


def test_writes_to_measures_are_historised():
    measure = MeasureFactory()
    measure.end_reason = "return_home"
    measure.save()
    events = apps.get_model("welfare", "MeasureEvent").objects.filter(pgh_obj=measure)
    assert [event.pgh_label for event in events.order_by("pgh_id")] == ["insert", "update"]


def test_the_legal_thresholds_are_seeded_after_migrate():
    assert LegalParameter.objects.in_force_on(date(2022, 12, 31))["judicial_max_months"] == 24
    before_2022 = LegalParameter.objects.in_force_on(date(2021, 12, 31))
    assert before_2022["report_young_age"] == 2
