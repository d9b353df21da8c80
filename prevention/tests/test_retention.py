"""Concerns and home interventions count in a child's last contact (welfare.retention, CNIL
2022-008 § 46), through the providers registered in ``PreventionConfig.ready``; an archived
file is out of the cross-territory search and cannot be linked."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from prevention.enums import ConcernOutcome, FirstAnalysis
from prevention.selectors import children_find
from prevention.services import concern_child_add
from prevention.tests.factories import ConcernFactory, InterventionFactory
from welfare.retention import files_past_active_period
from welfare.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 16)


def concern_of(child, **fields):
    concern = ConcernFactory(territory=child.territory, **fields)
    concern.children.add(child)
    return concern


def test_a_concern_under_evaluation_keeps_the_file_active(nord):
    child = ChildFactory(territory=nord)
    concern_of(child, received_on=date(2023, 1, 10))
    assert child not in files_past_active_period(day=DAY)


def test_a_closed_concern_counts_from_the_end_of_its_evaluation(nord):
    child = ChildFactory(territory=nord)
    concern_of(
        child,
        received_on=date(2023, 1, 10),
        first_analysis=FirstAnalysis.CONCERN,
        analysed_on=date(2023, 1, 12),
        evaluation_started_on=date(2023, 1, 20),
        evaluation_ended_on=date(2023, 3, 15),
        outcome=ConcernOutcome.NO_FURTHER_ACTION,
    )
    assert child not in files_past_active_period(day=date(2025, 3, 15))
    assert files_past_active_period(day=DAY).get() == child


def test_a_home_intervention_under_way_keeps_the_file_active(nord):
    child = ChildFactory(territory=nord)
    InterventionFactory(started_on=date(2023, 1, 1), ended_on=None).children.add(child)
    assert child not in files_past_active_period(day=DAY)


def test_an_archived_file_is_not_found_nor_linked_to_a_concern(nord, prevention_officer):
    child = ChildFactory(territory=nord, last_name="Vuillemin")
    assert list(children_find("Vuillemin")) == [child]
    child.archived_at = child.created_at
    child.save(update_fields=["archived_at"])
    assert list(children_find("Vuillemin")) == []
    with pytest.raises(ValidationError, match="archivage intermédiaire"):
        concern_child_add(
            concern=ConcernFactory(territory=nord), child=child, by=prevention_officer
        )
