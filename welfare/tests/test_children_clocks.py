"""Statutory deadlines, computed from the records and the thresholds (welfare/clocks.py)."""

from datetime import date

import pytest

from welfare.clocks import child_clocks
from welfare.enums import ClockKind, ClockStatus, DocumentKind, MeasureEndReason, MeasureType
from welfare.models import Child, LegalParameter, LegalParameterSet, Measure, StatutoryDocument

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 1)


def measure(start, end, measure_type=MeasureType.PLACEMENT, pk=1, **fields):
    return Measure(pk=pk, type=measure_type, start_date=start, end_date=end, **fields)


def document(kind, completed_on):
    return StatutoryDocument(kind=kind, completed_on=completed_on)


def clocks(birth_date, measures, documents=(), today=TODAY):
    child = Child(birth_date=birth_date)
    parameters = LegalParameterSet(LegalParameter.objects.all())
    found = child_clocks(
        child, measures=measures, documents=list(documents), parameters=parameters, today=today
    )
    return {clock.kind: clock for clock in found}


def test_the_ppe_is_due_three_months_after_the_first_measure():
    found = clocks(date(2015, 1, 1), [measure(date(2025, 4, 10), date(2026, 4, 9))])
    assert found[ClockKind.PPE].due_on == date(2025, 7, 10)
    assert found[ClockKind.PPE].status == ClockStatus.DUE


def test_a_missing_ppe_is_overdue_after_three_months():
    found = clocks(date(2015, 1, 1), [measure(date(2025, 1, 10), date(2026, 1, 9))])
    assert found[ClockKind.PPE].status == ClockStatus.OVERDUE


def test_the_ppe_counts_from_the_start_of_the_unbroken_run_of_measures():
    first = measure(date(2024, 1, 1), date(2024, 12, 31), MeasureType.AED, pk=1)
    second = measure(date(2025, 1, 1), date(2025, 12, 31), pk=2)
    found = clocks(date(2015, 1, 1), [first, second])
    assert found[ClockKind.PPE].due_on == date(2024, 4, 1)


def test_a_ppe_on_record_marks_the_clock_done():
    found = clocks(
        date(2015, 1, 1),
        [measure(date(2025, 1, 10), date(2026, 1, 9))],
        [document(DocumentKind.PPE, date(2025, 3, 1))],
    )
    assert found[ClockKind.PPE].status == ClockStatus.DONE
    assert found[ClockKind.PPE].done_on == date(2025, 3, 1)


def test_the_situation_report_is_yearly_after_the_last_one():
    found = clocks(
        date(2015, 1, 1),
        [measure(date(2024, 1, 10), date(2026, 1, 9))],
        [document(DocumentKind.SITUATION_REPORT, date(2024, 12, 15))],
    )
    assert found[ClockKind.SITUATION_REPORT].due_on == date(2025, 12, 15)
    assert found[ClockKind.SITUATION_REPORT].status == ClockStatus.UPCOMING


def test_the_situation_report_is_six_monthly_under_three():
    found = clocks(date(2023, 9, 1), [measure(date(2024, 10, 1), date(2026, 9, 30))])
    assert found[ClockKind.SITUATION_REPORT].due_on == date(2025, 4, 1)
    assert found[ClockKind.SITUATION_REPORT].status == ClockStatus.OVERDUE


def test_the_young_age_of_the_six_monthly_report_is_a_dated_parameter():
    # Before 23 February 2022 the law said "under 2": a 2-year-old then had a yearly report.
    found = clocks(
        date(2019, 6, 1),
        [measure(date(2021, 7, 1), date(2023, 6, 30))],
        today=date(2021, 8, 1),
    )
    assert found[ClockKind.SITUATION_REPORT].due_on == date(2022, 7, 1)


def test_the_autonomy_interview_is_due_at_seventeen():
    found = clocks(date(2008, 9, 1), [measure(date(2024, 1, 1), date(2025, 12, 31))])
    assert found[ClockKind.AUTONOMY_INTERVIEW].due_on == date(2025, 9, 1)
    assert found[ClockKind.AUTONOMY_INTERVIEW].status == ClockStatus.DUE


def test_the_autonomy_interview_is_due_at_once_when_care_starts_after_seventeen():
    found = clocks(date(2008, 1, 15), [measure(date(2025, 5, 20), date(2025, 12, 31))])
    assert found[ClockKind.AUTONOMY_INTERVIEW].due_on == date(2025, 5, 20)


def test_the_majority_clock_is_done_once_a_young_adult_measure_follows():
    birth = date(2007, 7, 1)
    placement = measure(date(2023, 1, 1), date(2025, 6, 30), pk=1)
    young_adult = measure(date(2025, 7, 1), date(2026, 6, 30), MeasureType.YOUNG_ADULT, pk=2)
    assert clocks(birth, [placement])[ClockKind.MAJORITY].status == ClockStatus.DUE
    assert clocks(birth, [placement, young_adult])[ClockKind.MAJORITY].status == ClockStatus.DONE


def test_young_adult_support_ends_the_day_before_21():
    found = clocks(
        date(2004, 8, 10),
        [measure(date(2025, 1, 1), date(2025, 8, 9), MeasureType.YOUNG_ADULT)],
    )
    assert found[ClockKind.YOUNG_ADULT_END].due_on == date(2025, 8, 9)
    assert ClockKind.PPE not in found


def test_a_measure_ending_within_three_months_raises_its_clock():
    found = clocks(date(2015, 1, 1), [measure(date(2024, 8, 1), date(2025, 7, 31))])
    assert found[ClockKind.MEASURE_END].status == ClockStatus.DUE
    assert found[ClockKind.MEASURE_END].due_on == date(2025, 7, 31)


def test_a_measure_ending_later_is_upcoming():
    found = clocks(date(2015, 1, 1), [measure(date(2025, 1, 1), date(2026, 12, 31))])
    assert found[ClockKind.MEASURE_END].status == ClockStatus.UPCOMING


def test_a_renewed_measure_has_no_end_clock():
    first = measure(date(2024, 1, 1), date(2024, 12, 31), pk=1)
    second = measure(date(2025, 1, 1), date(2026, 12, 31), pk=2, renews_id=1)
    found = clocks(date(2015, 1, 1), [first, second])
    assert found[ClockKind.MEASURE_END].measure is second


def test_a_measure_that_ran_out_undecided_is_overdue():
    found = clocks(date(2015, 1, 1), [measure(date(2024, 1, 1), date(2025, 3, 31))])
    assert found[ClockKind.MEASURE_END].status == ClockStatus.OVERDUE
    assert ClockKind.PPE not in found


def test_a_measure_ended_with_a_reason_leaves_no_clock():
    ended = measure(date(2024, 1, 1), date(2025, 3, 31), end_reason=MeasureEndReason.RETURN_HOME)
    assert clocks(date(2015, 1, 1), [ended]) == {}


def test_clocks_are_sorted_overdue_first():
    child = Child(birth_date=date(2015, 1, 1))
    found = child_clocks(
        child,
        measures=[measure(date(2025, 1, 10), date(2026, 1, 9))],
        documents=[],
        parameters=LegalParameterSet(LegalParameter.objects.all()),
        today=TODAY,
    )
    assert found[0].status == ClockStatus.OVERDUE
    assert [clock.sort_key for clock in found] == sorted(clock.sort_key for clock in found)
