"""Statutory deadlines, computed from the records and the thresholds (welfare/clocks.py).

Each test writes a child's measures and documents and reads the deadlines the way every page
does, through the one SQL statement of ``welfare.clocks``."""

from datetime import date

import pytest

from welfare.clocks import clocks_by_child, status_counts
from welfare.enums import ClockKind, ClockStatus, DocumentKind, MeasureEndReason, MeasureType
from welfare.enums import LegalParameterKey as Key
from welfare.models import Child, LegalParameter
from welfare.tests.factories import (
    ChildFactory,
    MeasureFactory,
    StatutoryDocumentFactory,
    TerritoryFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 1)


def measure(start, end, measure_type=MeasureType.PLACEMENT, **fields):
    """An unsaved measure; ``clocks`` writes it for the child."""
    return {"type": measure_type, "start_date": start, "end_date": end, **fields}


def document(kind, completed_on, **fields):
    return {"kind": kind, "completed_on": completed_on, **fields}


def record(birth_date, measures, documents=()):
    child = ChildFactory(birth_date=birth_date)
    saved = []
    for fields in measures:
        renews = fields.pop("renews_index", None)
        if renews is not None:
            fields["renews"] = saved[renews]
        saved.append(MeasureFactory(child=child, **fields))
    for fields in documents:
        StatutoryDocumentFactory(child=child, **fields)
    return child, saved


def deadlines(child, today=TODAY):
    return clocks_by_child(Child.objects.filter(pk=child.pk), day=today).get(child.pk, [])


def clocks(birth_date, measures, documents=(), today=TODAY):
    child, _saved = record(birth_date, measures, documents)
    return {clock.kind: clock for clock in deadlines(child, today)}


def test_the_ppe_is_due_three_months_after_the_first_measure():
    found = clocks(date(2015, 1, 1), [measure(date(2025, 4, 10), date(2026, 4, 9))])
    assert found[ClockKind.PPE].due_on == date(2025, 7, 10)
    assert found[ClockKind.PPE].status == ClockStatus.DUE


def test_a_missing_ppe_is_overdue_after_three_months():
    found = clocks(date(2015, 1, 1), [measure(date(2025, 1, 10), date(2026, 1, 9))])
    assert found[ClockKind.PPE].status == ClockStatus.OVERDUE


def test_the_ppe_counts_from_the_start_of_the_unbroken_run_of_measures():
    first = measure(date(2024, 1, 1), date(2024, 12, 31), MeasureType.AED)
    second = measure(date(2025, 1, 1), date(2025, 12, 31))
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
        [
            document(
                DocumentKind.SITUATION_REPORT,
                date(2024, 12, 15),
                sent_to_judge_on=date(2024, 12, 15),
            )
        ],
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
    placement = measure(date(2023, 1, 1), date(2025, 6, 30))
    young_adult = measure(
        date(2025, 7, 1),
        date(2026, 6, 30),
        MeasureType.YOUNG_ADULT,
        decision_date=date(2025, 5, 20),
    )
    assert clocks(birth, [dict(placement)])[ClockKind.MAJORITY].status == ClockStatus.DUE
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
    first = measure(date(2024, 1, 1), date(2024, 12, 31))
    second = measure(date(2025, 1, 1), date(2026, 12, 31), renews_index=0)
    child, saved = record(date(2015, 1, 1), [first, second])
    ends = [clock for clock in deadlines(child) if clock.kind == ClockKind.MEASURE_END]
    assert [clock.measure_id for clock in ends] == [saved[1].pk]


def test_a_measure_that_ran_out_undecided_is_overdue():
    found = clocks(date(2015, 1, 1), [measure(date(2024, 1, 1), date(2025, 3, 31))])
    assert found[ClockKind.MEASURE_END].status == ClockStatus.OVERDUE
    assert ClockKind.PPE not in found


def test_a_measure_ended_with_a_reason_leaves_no_clock():
    ended = measure(date(2024, 1, 1), date(2025, 3, 31), end_reason=MeasureEndReason.RETURN_HOME)
    assert clocks(date(2015, 1, 1), [ended]) == {}


def test_clocks_are_sorted_overdue_first():
    child, _saved = record(date(2015, 1, 1), [measure(date(2025, 1, 10), date(2026, 1, 9))])
    found = deadlines(child)
    assert found[0].status == ClockStatus.OVERDUE
    assert [clock.sort_key for clock in found] == sorted(clock.sort_key for clock in found)


# --- The day: only what was on record by then ---------------------------------------------------


def test_a_document_completed_after_the_day_does_not_count_on_that_day():
    child, _saved = record(
        date(2015, 1, 1),
        [measure(date(2025, 1, 10), date(2026, 1, 9))],
        [document(DocumentKind.PPE, date(2025, 5, 1))],
    )
    before = {clock.kind: clock for clock in deadlines(child, today=date(2025, 4, 30))}
    after = {clock.kind: clock for clock in deadlines(child, today=date(2025, 5, 1))}
    assert before[ClockKind.PPE].status == ClockStatus.OVERDUE
    assert after[ClockKind.PPE].status == ClockStatus.DONE


def test_a_renewal_counts_from_its_decision_or_its_start_whichever_comes_first():
    first = measure(date(2024, 1, 1), date(2024, 12, 31))
    renewal = measure(
        date(2025, 1, 1), date(2025, 12, 31), renews_index=0, decision_date=date(2024, 12, 20)
    )
    child, saved = record(date(2015, 1, 1), [first, renewal])

    def ended(day):
        return [c.measure_id for c in deadlines(child, day) if c.kind == ClockKind.MEASURE_END]

    assert ended(date(2024, 12, 19)) == [saved[0].pk]
    assert ended(date(2024, 12, 20)) == []


def test_no_deadline_before_the_first_measure_starts():
    assert clocks(date(2015, 1, 1), [measure(date(2025, 7, 1), date(2026, 6, 30))]) == {}


def test_a_gap_of_more_than_a_day_starts_a_new_run_for_the_ppe():
    first = measure(date(2023, 1, 1), date(2023, 12, 31), end_reason=MeasureEndReason.RETURN_HOME)
    second = measure(date(2024, 1, 2), date(2025, 12, 31))
    found = clocks(date(2015, 1, 1), [first, second])
    assert found[ClockKind.PPE].due_on == date(2024, 4, 2)


def test_an_open_ended_measure_keeps_the_run_going():
    guardianship = measure(date(2020, 3, 1), None, MeasureType.GUARDIANSHIP)
    placement = measure(date(2024, 5, 1), date(2025, 4, 30))
    found = clocks(date(2015, 1, 1), [guardianship, placement])
    assert found[ClockKind.PPE].due_on == date(2020, 6, 1)
    assert found[ClockKind.MEASURE_END].status == ClockStatus.OVERDUE


def test_a_child_born_on_29_february_reaches_seventeen_on_28_february():
    found = clocks(date(2008, 2, 29), [measure(date(2024, 6, 1), date(2026, 5, 31))])
    assert found[ClockKind.AUTONOMY_INTERVIEW].due_on == date(2025, 2, 28)
    assert found[ClockKind.AUTONOMY_INTERVIEW].status == ClockStatus.OVERDUE


def test_a_later_change_of_law_applies_from_its_date():
    LegalParameter.objects.create(
        key=Key.PPE_DUE_MONTHS, value=2, valid_from=date(2025, 3, 1), legal_reference="Essai"
    )
    before = clocks(date(2015, 1, 1), [measure(date(2025, 2, 28), date(2026, 2, 27))])
    after = clocks(date(2015, 1, 1), [measure(date(2025, 3, 1), date(2026, 2, 28))])
    assert before[ClockKind.PPE].due_on == date(2025, 5, 28)
    assert after[ClockKind.PPE].due_on == date(2025, 5, 1)


def test_any_number_of_children_costs_one_query(django_assert_num_queries):
    for _ in range(5):
        record(date(2015, 1, 1), [measure(date(2025, 1, 10), date(2026, 1, 9))])
    with django_assert_num_queries(1):
        found = clocks_by_child(Child.objects.all(), day=TODAY)
    assert len(found) == 5


def test_status_counts_group_by_territory_and_kind_and_count_children_once():
    north, south = TerritoryFactory(), TerritoryFactory()
    for territory, count in ((north, 2), (south, 1)):
        for _ in range(count):
            # No PPE and no report since 2024: two deadlines overdue, one child.
            child = ChildFactory(territory=territory, birth_date=date(2015, 1, 1))
            MeasureFactory(child=child, start_date=date(2024, 1, 1), end_date=date(2025, 12, 31))
    ChildFactory(territory=south)  # under no measure: no deadline
    rows = status_counts(Child.objects.all(), day=TODAY, status=ClockStatus.OVERDUE)
    overdue = {(row["territory_id"], row["kind"]): (row["clocks"], row["children"]) for row in rows}
    assert overdue == {
        (north.pk, ClockKind.PPE): (2, 2),
        (north.pk, ClockKind.SITUATION_REPORT): (2, 2),
        (north.pk, None): (4, 2),
        (south.pk, ClockKind.PPE): (1, 1),
        (south.pk, ClockKind.SITUATION_REPORT): (1, 1),
        (south.pk, None): (2, 1),
    }
