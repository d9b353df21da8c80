"""Totals are computed from the lines; computed executed amounts come from the other apps."""

from decimal import Decimal

import pytest

from schemes import selectors
from schemes.enums import ActionStatus, BudgetDomain, Funder
from schemes.models import Scheme
from schemes.tests.factories import (
    ActionFactory,
    BudgetFactory,
    BudgetLineFactory,
    FundingFactory,
    IndicatorFactory,
    MeasurementFactory,
    MilestoneFactory,
    ObjectiveFactory,
    SchemeFactory,
)

pytestmark = pytest.mark.django_db


def plan(scheme):
    return selectors.scheme_with_plan(schemes=Scheme.objects.all()).get(pk=scheme.pk)


def test_a_plans_funding_total_is_the_sum_of_its_lines():
    objective = ObjectiveFactory()
    first, second = ActionFactory(objective=objective), ActionFactory(objective=objective)
    FundingFactory(action=first, funder=Funder.DEPARTEMENT, amount=Decimal("100000"))
    FundingFactory(action=first, funder=Funder.ARS, amount=Decimal("50000"))
    FundingFactory(action=second, funder=Funder.ARS, amount=Decimal("25000.50"))
    totals = selectors.plan_totals(scheme=plan(objective.scheme))
    assert totals.funding_total == Decimal("175000.50")
    assert [(share.key, share.amount) for share in totals.funding_by_funder] == [
        (Funder.DEPARTEMENT, Decimal("100000")),
        (Funder.ARS, Decimal("75000.50")),
    ]


def test_a_plans_totals_follow_a_new_funding_line():
    action = ActionFactory()
    FundingFactory(action=action, amount=Decimal("1000"))
    before = selectors.plan_totals(scheme=plan(action.objective.scheme)).funding_total
    FundingFactory(action=action, amount=Decimal("500"))
    after = selectors.plan_totals(scheme=plan(action.objective.scheme)).funding_total
    assert (before, after) == (Decimal("1000"), Decimal("1500"))


def test_mean_progress_leaves_dropped_actions_out_and_rounds_half_up():
    objective = ObjectiveFactory()
    ActionFactory(objective=objective, progress=50)
    ActionFactory(objective=objective, progress=75)
    ActionFactory(objective=objective, status=ActionStatus.DROPPED, progress=0)
    totals = selectors.plan_totals(scheme=plan(objective.scheme))
    listed = selectors.scheme_list(schemes=Scheme.objects.all()).get()
    assert totals.mean_progress == listed.mean_progress == 63
    assert totals.action_count == listed.action_count == 3


def test_the_plan_list_totals_do_not_multiply_across_actions_and_fundings():
    objective = ObjectiveFactory()
    for _ in range(3):
        action = ActionFactory(objective=objective)
        FundingFactory.create_batch(2, action=action, amount=Decimal("10"))
    listed = selectors.scheme_list(schemes=Scheme.objects.all()).get()
    assert (listed.action_count, listed.funding_total) == (3, Decimal("60"))


def test_a_plan_without_actions_lists_no_progress_and_no_funding():
    SchemeFactory()
    listed = selectors.scheme_list(schemes=Scheme.objects.all()).get()
    assert (listed.action_count, listed.mean_progress, listed.funding_total) == (0, None, 0)


def fill_plan(scheme, objectives):
    for _ in range(objectives):
        objective = ObjectiveFactory(scheme=scheme)
        for _ in range(2):
            action = ActionFactory(objective=objective)
            FundingFactory(action=action)
            MilestoneFactory(action=action)
            MeasurementFactory(indicator=IndicatorFactory(action=action))


def test_the_whole_plan_loads_in_seven_queries_whatever_its_size(django_assert_num_queries):
    small, large = SchemeFactory(), SchemeFactory()
    fill_plan(small, 1)
    fill_plan(large, 4)
    for scheme in (small, large):
        # scheme, objectives, actions, fundings, milestones, indicators, measurements
        with django_assert_num_queries(7):
            loaded = plan(scheme)
            totals = selectors.plan_totals(scheme=loaded)
            [indicator.latest_measurement for _, indicator in totals.indicators]
            [objective.funding_total for objective in loaded.objectives.all()]


def test_next_number_follows_the_highest():
    objective = ObjectiveFactory()
    ActionFactory(objective=objective, number=4)
    assert selectors.next_number(siblings=objective.actions.all()) == 5
    assert selectors.next_number(siblings=ObjectiveFactory().actions.all()) == 1


# --- Budgets ---------------------------------------------------------------------------------


def jura_like_budget():
    budget = BudgetFactory(year=2023)
    for domain, voted, executed in [
        (BudgetDomain.PREVENTION, "1969441", "1969441"),
        (BudgetDomain.FOSTER_CARE, "7650000", "7512430"),
        (BudgetDomain.ESTABLISHMENTS, "14370359", "14507929"),
    ]:
        BudgetLineFactory(
            budget=budget, domain=domain, voted=Decimal(voted), executed=Decimal(executed)
        )
    return budget


def test_budget_totals_are_the_sums_of_the_lines(monkeypatch):
    monkeypatch.setattr(selectors, "COMPUTED_SOURCES", [])
    figures = selectors.budget_figures(budget=jura_like_budget())
    assert figures.total.voted == figures.total.executed == Decimal("23989800")
    assert [(section.total.label, section.total.executed) for section in figures.sections] == [
        ("Prévention", Decimal("1969441")),
        ("Protection", Decimal("22020359")),
    ]


def test_the_budget_list_sums_the_lines():
    jura_like_budget()
    listed = selectors.budget_list(budgets=BudgetFactory._meta.model.objects.all()).get()
    assert (listed.voted_total, listed.executed_total, listed.line_count) == (
        Decimal("23989800"),
        Decimal("23989800"),
        3,
    )


def test_computed_amounts_sit_beside_the_entered_ones_with_their_difference(monkeypatch):
    def placements(*, year):
        assert year == 2023
        return {BudgetDomain.FOSTER_CARE: Decimal("7500000")}

    monkeypatch.setattr(selectors, "COMPUTED_SOURCES", [placements])
    figures = selectors.budget_figures(budget=jura_like_budget())
    foster_care = next(row for row in figures.lines if row.line.domain == BudgetDomain.FOSTER_CARE)
    assert (foster_care.executed, foster_care.computed, foster_care.difference) == (
        Decimal("7512430"),
        Decimal("7500000"),
        Decimal("12430"),
    )


def test_a_sum_is_not_computable_when_one_of_its_lines_is_not(monkeypatch):
    monkeypatch.setattr(
        selectors,
        "COMPUTED_SOURCES",
        [lambda *, year: {BudgetDomain.PREVENTION: Decimal("1900000")}],
    )
    figures = selectors.budget_figures(budget=jura_like_budget())
    prevention, protection = figures.sections
    assert prevention.total.computed == Decimal("1900000")
    assert prevention.total.difference == Decimal("69441")
    assert protection.total.computed is None
    assert protection.total.difference is None
    assert figures.total.computed is None


def fake_placements(monkeypatch, costs):
    monkeypatch.setattr(selectors, "placement_costs", lambda *, year, until: costs)


def cost(amount, days_without_rate=0):
    return {"days": 100, "cost": Decimal(amount), "days_without_rate": days_without_rate}


def test_placement_costs_are_read_from_the_placements_selector(monkeypatch):
    fake_placements(
        monkeypatch,
        {
            "foster_carer": cost("7000000"),
            "mecs": cost("8000000"),
            "lva": cost("1500000"),
            "pead": cost("0"),
        },
    )
    assert selectors.placement_source(year=2023) == {
        BudgetDomain.FOSTER_CARE: Decimal("7000000"),
        BudgetDomain.ESTABLISHMENTS: Decimal("9500000"),
        BudgetDomain.PEAD: Decimal("0"),
    }


def test_a_placement_domain_with_days_without_a_rate_is_not_computable(monkeypatch):
    fake_placements(
        monkeypatch,
        {"foster_carer": cost("7000000"), "mecs": cost("8000000", 30), "pead": cost("5")},
    )
    computed = selectors.placement_source(year=2023)
    assert BudgetDomain.ESTABLISHMENTS not in computed
    assert computed[BudgetDomain.FOSTER_CARE] == Decimal("7000000")


def test_a_year_without_any_placement_day_is_not_computable(monkeypatch):
    fake_placements(monkeypatch, {"foster_carer": cost("0") | {"days": 0}})
    assert selectors.placement_source(year=2019) == {}


def test_prevention_spending_is_read_from_the_prevention_selector(monkeypatch):
    monkeypatch.setattr(selectors, "prevention_spending", lambda *, year: Decimal("1969441"))
    assert selectors.prevention_source(year=2023) == {BudgetDomain.PREVENTION: Decimal("1969441")}


def test_free_domains_leave_out_those_already_in_the_budget():
    line = BudgetLineFactory(domain=BudgetDomain.PEAD)
    free = selectors.free_domains(budget=line.budget)
    assert BudgetDomain.PEAD not in free
    assert len(free) == len(BudgetDomain) - 1
    assert BudgetDomain.PEAD in selectors.free_domains(budget=line.budget, keep=BudgetDomain.PEAD)
