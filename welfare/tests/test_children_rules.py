"""The legal limits of a measure, checked by the service with the thresholds of the day."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from welfare.enums import (
    DecisionMaker,
    LegalParameterKey,
    MeasureEndReason,
    MeasureType,
    PlacementBasis,
)
from welfare.models import LegalParameter, Measure
from welfare.services.children import measure_create, measure_end
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = pytest.mark.django_db


def create(child, **fields):
    values = {
        "type": MeasureType.PLACEMENT,
        "decided_by": DecisionMaker.CHILDREN_JUDGE,
        "decision_date": date(2024, 1, 10),
        "start_date": date(2024, 1, 10),
        "end_date": date(2025, 1, 9),
        "court": "Tribunal judiciaire de Dole",
    }
    values.update(fields)
    if values["type"] == MeasureType.PLACEMENT:
        values.setdefault("placement_basis", PlacementBasis.ASE)
    return measure_create(child=child, author=None, **values)


def errors_of(child, **fields):
    with pytest.raises(ValidationError) as raised:
        create(child, **fields)
    return raised.value.message_dict


@pytest.fixture
def child():
    return ChildFactory(birth_date=date(2012, 5, 4))


def test_it_accepts_a_two_year_placement(child):
    measure = create(child, end_date=date(2026, 1, 10))
    assert measure.nature == "judicial"


def test_it_refuses_a_placement_longer_than_two_years(child):
    errors = errors_of(child, end_date=date(2026, 1, 11))
    assert "art. 375 du Code civil" in errors["end_date"][0]
    assert "2 ans" in errors["end_date"][0]
    assert "10/01/2026" in errors["end_date"][0]


def test_the_durable_difficulties_derogation_allows_a_longer_placement(child):
    measure = create(child, end_date=date(2027, 1, 9), durable_difficulties=True)
    assert measure.durable_difficulties


def test_it_refuses_an_aemo_longer_than_two_years(child):
    errors = errors_of(child, type=MeasureType.AEMO, end_date=date(2026, 3, 1))
    assert "art. 375 du Code civil" in errors["end_date"][0]


def test_it_refuses_an_aemo_renforcee_longer_than_one_year(child):
    errors = errors_of(child, type=MeasureType.AEMO_REINFORCED, end_date=date(2025, 1, 11))
    assert "art. 375-2 al. 1 du Code civil" in errors["end_date"][0]


def test_a_pead_is_an_aemo_with_accommodation_limited_to_one_year(child):
    errors = errors_of(child, type=MeasureType.AEMO_WITH_ACCOMMODATION, end_date=date(2025, 6, 1))
    assert "y compris avec hébergement (PEAD)" in errors["end_date"][0]


def test_it_refuses_an_administrative_measure_longer_than_one_year(child):
    errors = errors_of(
        child,
        type=MeasureType.AED,
        decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT,
        court="",
        end_date=date(2025, 2, 1),
    )
    assert "art. L223-5 du CASF" in errors["end_date"][0]


def test_it_refuses_an_end_before_the_start(child):
    errors = errors_of(child, end_date=date(2023, 12, 31))
    assert errors["end_date"] == ["La fin de la mesure ne peut précéder son début."]


def test_it_refuses_a_measure_starting_before_the_childs_birth(child):
    # It was saved: a measure of 1990 in the file of a child born in 2012.
    errors = errors_of(child, decision_date=date(2011, 1, 10), start_date=date(2011, 1, 10))
    assert errors["start_date"] == [
        "L'enfant est né le 04/05/2012 : la mesure ne peut commencer avant sa naissance."
    ]


def test_it_refuses_a_young_adult_measure_past_the_21st_birthday():
    young = ChildFactory(birth_date=date(2004, 3, 15))
    errors = errors_of(
        young,
        type=MeasureType.YOUNG_ADULT,
        decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT,
        court="",
        decision_date=date(2024, 6, 1),
        start_date=date(2024, 6, 1),
        end_date=date(2025, 3, 15),
    )
    assert "veille des 21 ans, le 14/03/2025" in errors["end_date"][0]


def test_it_refuses_a_young_adult_measure_before_majority(child):
    errors = errors_of(
        child,
        type=MeasureType.YOUNG_ADULT,
        decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT,
        court="",
    )
    assert "au plus tôt à la majorité" in errors["start_date"][0]


def test_it_refuses_an_accueil_provisoire_without_written_agreement(child):
    errors = errors_of(
        child,
        type=MeasureType.PROVISIONAL_CARE,
        decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT,
        court="",
    )
    assert "art. L223-2 du CASF" in errors["parental_agreement"][0]


def test_it_refuses_a_judicial_measure_without_its_court(child):
    assert "juridiction" in errors_of(child, court="")["court"][0]


def test_it_refuses_a_judicial_measure_decided_by_the_departement(child):
    errors = errors_of(child, decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT)
    assert "magistrat" in errors["decided_by"][0]


def test_it_refuses_a_measure_with_a_term_but_no_end(child):
    assert "date de fin" in errors_of(child, end_date=None)["end_date"][0]


def test_the_thresholds_come_from_the_dated_parameters(child):
    LegalParameter.objects.create(
        key=LegalParameterKey.JUDICIAL_MAX_MONTHS,
        value=36,
        valid_from=date(2024, 1, 1),
        legal_reference="loi imaginaire",
    )
    assert create(child, end_date=date(2027, 1, 9)).pk
    older = errors_of(
        child,
        decision_date=date(2023, 6, 1),
        start_date=date(2023, 6, 1),
        end_date=date(2026, 1, 1),
    )
    assert "2 ans" in older["end_date"][0]


def test_a_renewal_closes_the_measure_it_renews(child):
    first = create(child)
    second = create(
        child,
        renews=first,
        decision_date=date(2025, 1, 2),
        start_date=date(2025, 1, 10),
        end_date=date(2026, 1, 9),
    )
    first.refresh_from_db()
    assert second.renews == first
    assert first.end_reason == MeasureEndReason.RENEWED


def test_it_refuses_to_renew_another_childs_measure(child):
    other = MeasureFactory()
    assert "cet enfant" in errors_of(child, renews=other)["renews"][0]


def test_a_renewal_must_come_after_the_measure_it_renews(child):
    later = create(
        child,
        decision_date=date(2025, 1, 2),
        start_date=date(2025, 1, 10),
        end_date=date(2026, 1, 9),
    )
    assert "avant celle-ci" in errors_of(child, renews=later)["renews"][0]


def test_ending_a_measure_records_the_reason(child):
    measure = create(child)
    measure_end(measure=measure, end_date=date(2024, 6, 30), end_reason="return_home")
    measure.refresh_from_db()
    assert (measure.end_date, measure.end_reason) == (date(2024, 6, 30), "return_home")


def test_a_measure_cannot_end_after_its_term(child):
    measure = create(child)
    with pytest.raises(ValidationError) as raised:
        measure_end(measure=measure, end_date=date(2025, 6, 30), end_reason="return_home")
    assert "renouvellement" in raised.value.message_dict["end_date"][0]
    assert Measure.objects.get(pk=measure.pk).end_reason == ""
