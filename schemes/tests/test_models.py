"""The rules PostgreSQL enforces on plans and budgets, whatever the caller."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.db import IntegrityError

from schemes.enums import ActionStatus, BudgetDomain, SchemeStatus
from schemes.models import Scheme
from schemes.tests.factories import (
    ActionFactory,
    BudgetLineFactory,
    FundingFactory,
    ObjectiveFactory,
    SchemeFactory,
)

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_plan_longer_than_five_years():
    with pytest.raises(IntegrityError, match="scheme_period_at_most_five_years"):
        SchemeFactory(start_year=2021, end_year=2026)


def test_the_database_accepts_a_plan_of_exactly_five_years():
    assert SchemeFactory(start_year=2021, end_year=2025).period == "2021–2025"


def test_the_database_refuses_a_plan_ending_before_it_starts():
    with pytest.raises(IntegrityError, match="scheme_end_not_before_start"):
        SchemeFactory(start_year=2024, end_year=2023)


def test_the_database_refuses_a_published_draft():
    scheme = SchemeFactory(status=SchemeStatus.DRAFT)
    with pytest.raises(IntegrityError, match="scheme_draft_not_published"):
        Scheme.objects.filter(pk=scheme.pk).update(published=True, published_content={})


def test_the_database_refuses_a_published_plan_without_its_published_version():
    scheme = SchemeFactory()
    with pytest.raises(IntegrityError, match="scheme_published_has_its_version"):
        Scheme.objects.filter(pk=scheme.pk).update(published=True)


def test_an_update_cannot_stretch_a_plan_beyond_five_years_either():
    scheme = SchemeFactory(start_year=2021, end_year=2025)
    with pytest.raises(IntegrityError, match="scheme_period_at_most_five_years"):
        Scheme.objects.filter(pk=scheme.pk).update(end_year=2030)


def test_two_objectives_of_a_plan_cannot_share_a_number():
    objective = ObjectiveFactory(number=1)
    with pytest.raises(IntegrityError, match="objective_number_unique_in_scheme"):
        ObjectiveFactory(scheme=objective.scheme, number=1)


def test_the_database_refuses_progress_above_100():
    with pytest.raises(IntegrityError, match="action_progress_is_a_percentage"):
        ActionFactory(progress=101)


def test_the_database_refuses_a_done_action_that_is_not_complete():
    with pytest.raises(IntegrityError, match="action_done_is_complete"):
        ActionFactory(status=ActionStatus.DONE, progress=90)


def test_the_database_refuses_a_negative_funding():
    with pytest.raises(IntegrityError, match="funding_amount_not_negative"):
        FundingFactory(amount=Decimal("-1"))


def test_a_budget_has_one_line_per_domain():
    line = BudgetLineFactory(domain=BudgetDomain.PEAD)
    with pytest.raises(IntegrityError, match="budget_line_one_per_domain"):
        BudgetLineFactory(budget=line.budget, domain=BudgetDomain.PEAD)


def test_the_database_refuses_a_negative_executed_amount():
    with pytest.raises(IntegrityError, match="budget_line_amounts_not_negative"):
        BudgetLineFactory(executed=Decimal("-5"))


def test_changes_to_plans_and_budgets_are_historised():
    action = ActionFactory(progress=10)
    action.progress = 40
    action.save()
    line = BudgetLineFactory()
    line_id = line.pk
    line.delete()
    assert [event.progress for event in action.events.order_by("pgh_id")] == [10, 40]
    line_events = apps.get_model("schemes", "BudgetLineEvent").objects.filter(pgh_obj_id=line_id)
    assert sorted(line_events.values_list("pgh_label", flat=True)) == ["delete", "insert"]
