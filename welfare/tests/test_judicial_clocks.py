"""Clocks of the judicial cycle (issue 17), read through the one deadline statement of
``welfare.clocks``, with the article in each test's name or docstring and the boundary days."""

from datetime import date, timedelta

import pytest

from welfare.clocks import clocks_by_child, status_counts
from welfare.enums import (
    ClockKind,
    ClockStatus,
    DecisionMaker,
    DocumentKind,
    MeasureEndReason,
    MeasureType,
    PlacementBasis,
)
from welfare.models import Child
from welfare.selectors.children import care_by_legal_category
from welfare.tests.factories import (
    ChildFactory,
    HearingFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
)

pytestmark = pytest.mark.django_db

OPP_DAY = date(2025, 6, 2)


def deadlines(child, day):
    found = clocks_by_child(Child.objects.filter(pk=child.pk), day=day).get(child.pk, [])
    return {clock.kind: clock for clock in found}


@pytest.fixture
def child():
    return ChildFactory(birth_date=date(2015, 1, 1))


def parquet_opp(child, **fields):
    return MeasureFactory(
        child=child,
        type=MeasureType.OPP_PROSECUTOR,
        decided_by=DecisionMaker.PROSECUTOR,
        start_date=OPP_DAY,
        **{"end_date": None, **fields},
    )


def judge_opp(child, **fields):
    return MeasureFactory(
        child=child, type=MeasureType.OPP_JUDGE, start_date=OPP_DAY, **{"end_date": None, **fields}
    )


def test_a_parquet_opp_has_the_judge_seized_within_8_days_art_375_5(child):
    opp = parquet_opp(child)
    clock = deadlines(child, OPP_DAY + timedelta(days=8))[ClockKind.OPP_REFERRAL]
    assert clock.due_on == date(2025, 6, 10)
    assert clock.status == ClockStatus.DUE
    assert clock.measure_id == opp.pk


def test_a_parquet_opp_not_referred_is_overdue_on_the_9th_day_art_375_5(child):
    parquet_opp(child)
    clock = deadlines(child, OPP_DAY + timedelta(days=9))[ClockKind.OPP_REFERRAL]
    assert clock.status == ClockStatus.OVERDUE


def test_the_referral_recorded_closes_the_parquet_opp_clock_art_375_5(child):
    parquet_opp(child, judge_referral_date=date(2025, 6, 5))
    clock = deadlines(child, date(2025, 6, 20))[ClockKind.OPP_REFERRAL]
    assert clock.status == ClockStatus.DONE
    assert clock.done_on == date(2025, 6, 5)


def test_a_recueil_without_agreement_has_the_judge_seized_after_5_days_l223_2(child):
    MeasureFactory(
        child=child,
        type=MeasureType.EMERGENCY_INTAKE,
        start_date=OPP_DAY,
        end_date=None,
        court="",
    )
    assert deadlines(child, OPP_DAY + timedelta(days=5))[ClockKind.INTAKE_REFERRAL].status == (
        ClockStatus.DUE
    )
    assert deadlines(child, OPP_DAY + timedelta(days=6))[ClockKind.INTAKE_REFERRAL].status == (
        ClockStatus.OVERDUE
    )


def test_an_opp_without_hearing_has_the_parties_summoned_within_15_days_cpc_1184(child):
    judge_opp(child, without_hearing=True)
    assert deadlines(child, date(2025, 6, 17))[ClockKind.OPP_HEARING].status == ClockStatus.DUE
    assert deadlines(child, date(2025, 6, 18))[ClockKind.OPP_HEARING].status == (
        ClockStatus.OVERDUE
    )


def test_a_hearing_on_record_closes_the_15_day_clock_cpc_1184(child):
    judge_opp(child, without_hearing=True)
    HearingFactory(child=child, date=date(2025, 6, 12))
    clock = deadlines(child, date(2025, 6, 30))[ClockKind.OPP_HEARING]
    assert clock.status == ClockStatus.DONE
    assert clock.done_on == date(2025, 6, 12)


def test_an_opp_after_hearing_has_no_15_day_clock_cpc_1184(child):
    judge_opp(child)
    assert ClockKind.OPP_HEARING not in deadlines(child, date(2025, 6, 30))


def test_the_decision_on_the_merits_is_due_within_6_months_cpc_1185(child):
    judge_opp(child)
    assert deadlines(child, date(2025, 12, 2))[ClockKind.OPP_MERITS].due_on == date(2025, 12, 2)
    assert deadlines(child, date(2025, 12, 2))[ClockKind.OPP_MERITS].status == ClockStatus.DUE
    assert deadlines(child, date(2025, 12, 3))[ClockKind.OPP_MERITS].status == (ClockStatus.OVERDUE)


def test_one_extension_of_6_months_moves_the_decision_on_the_merits_cpc_1185(child):
    judge_opp(child, merits_extension_date=date(2025, 11, 20))
    clock = deadlines(child, date(2025, 12, 3))[ClockKind.OPP_MERITS]
    assert clock.due_on == date(2026, 6, 2)
    assert clock.status != ClockStatus.OVERDUE


def test_the_placement_order_that_follows_an_opp_closes_its_clocks(child):
    """An expired OPP followed by the placement order is no longer "en retard" (375-3)."""
    opp = judge_opp(child, without_hearing=True)
    opp.end_date = date(2025, 6, 30)
    opp.save()
    MeasureFactory(child=child, start_date=date(2025, 7, 1), end_date=date(2027, 6, 30))
    found = deadlines(child, date(2026, 1, 15))
    assert found[ClockKind.OPP_MERITS].status == ClockStatus.DONE
    assert found[ClockKind.OPP_MERITS].done_on == date(2025, 7, 1)
    assert found[ClockKind.OPP_HEARING].status == ClockStatus.DONE
    assert not any(
        clock.kind == ClockKind.MEASURE_END and clock.measure_id == opp.pk
        for clock in clocks_by_child(Child.objects.filter(pk=child.pk), day=date(2026, 1, 15))[
            child.pk
        ]
    )


def test_an_expired_opp_with_nothing_after_it_stays_overdue(child):
    judge_opp(child, end_date=date(2025, 6, 30))
    found = deadlines(child, date(2025, 7, 15))
    assert found[ClockKind.MEASURE_END].status == ClockStatus.OVERDUE


def test_the_rapport_d_echeance_is_due_a_month_before_the_end(child):
    placement = MeasureFactory(child=child, start_date=date(2024, 7, 1), end_date=date(2026, 6, 30))
    clock = deadlines(child, date(2026, 5, 30))[ClockKind.DEADLINE_REPORT]
    assert clock.due_on == date(2026, 5, 30)
    assert clock.status == ClockStatus.DUE
    assert clock.measure_id == placement.pk
    assert deadlines(child, date(2026, 5, 31))[ClockKind.DEADLINE_REPORT].status == (
        ClockStatus.OVERDUE
    )


def test_past_the_end_an_unsent_rapport_d_echeance_leaves_the_measure_end_overdue(child):
    MeasureFactory(child=child, start_date=date(2024, 7, 1), end_date=date(2026, 6, 30))
    found = deadlines(child, date(2026, 6, 30))
    assert found[ClockKind.DEADLINE_REPORT].status == ClockStatus.OVERDUE
    found = deadlines(child, date(2026, 7, 1))
    assert ClockKind.DEADLINE_REPORT not in found
    assert found[ClockKind.MEASURE_END].status == ClockStatus.OVERDUE


def test_the_rapport_d_echeance_is_due_before_the_hearing_set_for_the_measure(child):
    placement = MeasureFactory(child=child, start_date=date(2024, 7, 1), end_date=date(2026, 6, 30))
    HearingFactory(child=child, measure=placement, date=date(2026, 5, 12))
    clock = deadlines(child, date(2026, 3, 1))[ClockKind.DEADLINE_REPORT]
    assert clock.due_on == date(2026, 4, 12)


def test_the_rapport_d_echeance_sent_to_the_judge_is_done(child):
    placement = MeasureFactory(child=child, start_date=date(2024, 7, 1), end_date=date(2026, 6, 30))
    StatutoryDocumentFactory(
        child=child,
        kind=DocumentKind.DEADLINE_REPORT,
        measure=placement,
        completed_on=date(2026, 5, 2),
        sent_to_judge_on=date(2026, 5, 4),
        shared_with_family_on=date(2026, 5, 3),
    )
    clock = deadlines(child, date(2026, 6, 10))[ClockKind.DEADLINE_REPORT]
    assert clock.status == ClockStatus.DONE
    assert clock.done_on == date(2026, 5, 4)


def test_the_rapport_de_situation_of_a_child_confie_by_the_judge_runs_from_its_sending_l223_5():
    """Art. 375 last al. C. civ. and L223-5 CASF: for a child confié by the judge the report
    is due to the judge; written but not sent, it does not restart the period."""
    child = ChildFactory(birth_date=date(2015, 1, 1))
    MeasureFactory(child=child, start_date=date(2024, 1, 10), end_date=date(2026, 1, 9))
    StatutoryDocumentFactory(
        child=child, kind=DocumentKind.SITUATION_REPORT, completed_on=date(2024, 12, 15)
    )
    clock = deadlines(child, date(2025, 6, 1))[ClockKind.SITUATION_REPORT]
    assert clock.due_on == date(2025, 1, 10)
    assert clock.status == ClockStatus.OVERDUE


def test_the_rapport_de_situation_of_an_administrative_accueil_runs_from_its_writing_l223_5():
    child = ChildFactory(birth_date=date(2015, 1, 1))
    MeasureFactory(
        child=child,
        type=MeasureType.PROVISIONAL_CARE,
        start_date=date(2024, 6, 1),
        end_date=date(2025, 5, 31),
    )
    StatutoryDocumentFactory(
        child=child, kind=DocumentKind.SITUATION_REPORT, completed_on=date(2024, 12, 15)
    )
    assert deadlines(child, date(2025, 3, 1))[ClockKind.SITUATION_REPORT].due_on == date(
        2025, 12, 15
    )


def test_the_pead_runs_no_clock_of_children_confies_cass_avis_2024():
    """A PEAD (AEMO renforcée avec hébergement) leaves the child at home: no autonomy
    interview, no decision at majority (L222-5-1, L222-5 CASF)."""
    teenager = ChildFactory(birth_date=date(2008, 3, 1))
    MeasureFactory(
        child=teenager,
        type=MeasureType.AEMO_WITH_ACCOMMODATION,
        start_date=date(2025, 1, 10),
        end_date=date(2026, 1, 9),
    )
    found = deadlines(teenager, date(2025, 6, 1))
    assert ClockKind.MAJORITY not in found
    assert ClockKind.AUTONOMY_INTERVIEW not in found
    assert ClockKind.PPE in found


def test_a_placement_375_3_3_runs_the_clocks_of_children_confies():
    teenager = ChildFactory(birth_date=date(2008, 3, 1))
    MeasureFactory(child=teenager, start_date=date(2025, 1, 10), end_date=date(2026, 2, 28))
    found = deadlines(teenager, date(2025, 6, 1))
    assert ClockKind.MAJORITY in found
    assert ClockKind.AUTONOMY_INTERVIEW in found


def test_a_placement_with_a_trusted_third_party_runs_no_clock_of_children_confies_art_375_3_2():
    """375-3 2°: the child is confié to the tiers digne de confiance, not to the ASE; his PPE
    and reports still run, the Département following the placement."""
    teenager = ChildFactory(birth_date=date(2008, 3, 1))
    MeasureFactory(
        child=teenager,
        start_date=date(2025, 1, 10),
        end_date=date(2026, 2, 28),
        placement_basis=PlacementBasis.RELATIVE_OR_TRUSTED,
    )
    found = deadlines(teenager, date(2025, 6, 1))
    assert ClockKind.MAJORITY not in found
    assert ClockKind.AUTONOMY_INTERVIEW not in found
    assert ClockKind.PPE in found
    assert ClockKind.SITUATION_REPORT in found


def test_the_opp_clocks_are_counted_with_the_others(child, django_assert_num_queries):
    parquet_opp(child)
    parquet_opp(ChildFactory(birth_date=date(2012, 1, 1), territory=child.territory))
    with django_assert_num_queries(1):
        rows = status_counts(Child.objects.all(), day=date(2025, 6, 20), status=ClockStatus.OVERDUE)
    by_kind = {row["kind"]: row["clocks"] for row in rows}
    assert by_kind[ClockKind.OPP_REFERRAL] == 2


def test_a_measure_ended_closes_the_provisional_clocks(child):
    opp = parquet_opp(child)
    opp.end_date = date(2025, 6, 6)
    opp.end_reason = MeasureEndReason.RETURN_HOME
    opp.save()
    clock = deadlines(child, date(2025, 6, 20))[ClockKind.OPP_REFERRAL]
    assert clock.status == ClockStatus.DONE
    assert clock.done_on == date(2025, 6, 6)


def test_the_children_in_care_are_counted_by_legal_category_art_375_3(
    django_assert_num_queries,
):
    day = date(2025, 6, 1)
    for basis in (PlacementBasis.ASE, PlacementBasis.ASE, PlacementBasis.RELATIVE_OR_TRUSTED):
        MeasureFactory(start_date=date(2025, 1, 1), placement_basis=basis)
    MeasureFactory(
        type=MeasureType.AEMO_WITH_ACCOMMODATION,
        start_date=date(2025, 1, 1),
        end_date=date(2025, 12, 31),
    )
    MeasureFactory(type=MeasureType.AEMO, start_date=date(2025, 1, 1))
    with django_assert_num_queries(1):
        rows = care_by_legal_category(children=Child.objects.all(), day=day)
    found = {(row.type, row.placement_basis): row for row in rows}
    assert found[(MeasureType.PLACEMENT, PlacementBasis.ASE)].children == 2
    assert found[(MeasureType.PLACEMENT, PlacementBasis.ASE)].confided_to_ase
    trusted = found[(MeasureType.PLACEMENT, PlacementBasis.RELATIVE_OR_TRUSTED)]
    assert (trusted.children, trusted.confided_to_ase) == (1, False)
    pead = found[(MeasureType.AEMO_WITH_ACCOMMODATION, "")]
    assert (pead.children, pead.confided_to_ase) == (1, False)
    assert pead.label == "AEMO renforcée avec hébergement (PEAD)"
    assert (MeasureType.AEMO, "") not in found
