"""Rules of the judicial cycle on a measure (issue 17), each refusal citing its article; the
boundary day is accepted, the day after refused."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from welfare.enums import DecisionMaker, MeasureType, PlacementBasis
from welfare.services.children import measure_create
from welfare.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

START = date(2024, 1, 10)


def create(child, **fields):
    values = {
        "type": MeasureType.PLACEMENT,
        "decided_by": DecisionMaker.CHILDREN_JUDGE,
        "decision_date": START,
        "start_date": START,
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


def emergency_care(child, end_date):
    return create(
        child,
        type=MeasureType.EMERGENCY_CARE,
        decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT,
        court="",
        end_date=end_date,
    )


@pytest.fixture
def child():
    return ChildFactory(birth_date=date(2012, 5, 4))


def test_the_72_hour_accueil_may_last_three_days_l223_2(child):
    """Art. L223-2 last al. CASF: 72 hours, the accueil begun on the 10th ends on the 13th."""
    assert emergency_care(child, date(2024, 1, 13)).end_date == date(2024, 1, 13)


def test_the_72_hour_accueil_is_refused_a_day_longer_l223_2(child):
    with pytest.raises(ValidationError) as raised:
        emergency_care(child, date(2024, 1, 14))
    message = raised.value.message_dict["end_date"][0]
    assert "72 heures" in message
    assert "art. L223-2 dernier alinéa du CASF" in message
    assert "13/01/2024" in message


def test_a_placement_may_end_the_day_before_the_18th_birthday_art_375():
    teenager = ChildFactory(birth_date=date(2007, 3, 1))
    measure = create(teenager, end_date=date(2025, 2, 28))
    assert measure.end_date == date(2025, 2, 28)


def test_a_placement_past_the_18th_birthday_is_refused_and_jeune_majeur_proposed_art_375():
    teenager = ChildFactory(birth_date=date(2007, 3, 1))
    message = errors_of(teenager, end_date=date(2025, 3, 1))["end_date"][0]
    assert "art. 375 du Code civil" in message
    assert "28/02/2025" in message
    assert "accompagnement jeune majeur" in message


def test_an_aemo_cannot_start_after_majority_art_375():
    adult = ChildFactory(birth_date=date(2005, 1, 1))
    message = errors_of(adult, type=MeasureType.AEMO)["type"][0]
    assert "art. 375 du Code civil" in message


def test_the_long_duration_waiver_is_for_a_mesure_d_accueil_art_375_al_4(child):
    measure = create(child, end_date=date(2027, 1, 9), durable_difficulties=True)
    assert measure.durable_difficulties


def test_the_long_duration_waiver_is_refused_on_an_aemo_art_375_al_4(child):
    message = errors_of(
        child, type=MeasureType.AEMO, end_date=date(2025, 1, 9), durable_difficulties=True
    )["durable_difficulties"][0]
    assert "art. 375 al. 4 du Code civil" in message


def test_an_aemo_renforcee_is_limited_to_one_year_art_375_2_al_1(child):
    create(child, type=MeasureType.AEMO_REINFORCED, end_date=date(2025, 1, 10))
    message = errors_of(child, type=MeasureType.AEMO_REINFORCED, end_date=date(2025, 1, 11))
    assert "art. 375-2 al. 1 du Code civil" in message["end_date"][0]


def test_the_pead_is_an_aemo_renforcee_with_hebergement_of_one_year_cass_avis_2024(child):
    assert MeasureType.AEMO_WITH_ACCOMMODATION.label == "AEMO renforcée avec hébergement (PEAD)"
    message = errors_of(child, type=MeasureType.AEMO_WITH_ACCOMMODATION, end_date=date(2025, 6, 1))
    assert "(PEAD)" in message["end_date"][0]


def test_an_aemo_with_periodic_hebergement_keeps_two_years_art_375_2_al_2(child):
    """Only the renforcée or intensifiée AEMO has the one-year limit (375-2 al. 1)."""
    measure = create(child, type=MeasureType.AEMO_ACCOMMODATION, end_date=date(2026, 1, 10))
    assert measure.end_date == date(2026, 1, 10)
    message = errors_of(child, type=MeasureType.AEMO_ACCOMMODATION, end_date=date(2026, 1, 11))
    assert "art. 375 du Code civil" in message["end_date"][0]


def test_a_placement_says_to_whom_the_child_is_confie_art_375_3(child):
    message = errors_of(child, placement_basis="")["placement_basis"][0]
    assert "art. 375-3 du Code civil" in message


def test_only_a_placement_has_a_375_3_item(child):
    message = errors_of(
        child, type=MeasureType.AEMO, placement_basis=PlacementBasis.RELATIVE_OR_TRUSTED
    )["placement_basis"][0]
    assert "art. 375-3" in message


def test_a_placement_with_a_trusted_third_party_is_recorded_art_375_3_2(child):
    measure = create(child, placement_basis=PlacementBasis.RELATIVE_OR_TRUSTED)
    assert measure.get_placement_basis_display().startswith("2°")


def test_only_an_opp_of_the_judge_is_made_without_hearing_cpc_1184(child):
    message = errors_of(child, without_hearing=True)["without_hearing"][0]
    assert "art. 1184 du code de procédure civile" in message


def test_the_merits_extension_is_for_a_provisional_measure_of_the_judge_cpc_1185(child):
    message = errors_of(child, merits_extension_date=date(2024, 6, 1))["merits_extension_date"]
    assert "art. 1185" in message[0]
