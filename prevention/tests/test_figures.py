"""The per-year figures that the budget and the dashboard read, against hand-made rows."""

from datetime import date
from decimal import Decimal

import pytest

from prevention.enums import ActionKind, ConcernOutcome, FirstAnalysis, ProsecutorFeedback
from prevention.selectors import prevention_figures, prevention_spending
from prevention.tests.factories import (
    ConcernFactory,
    InterventionFactory,
    PreventionActionFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2024, 2, 1)


@pytest.fixture
def actions(nord, sud):
    """2023: two TISF actions (Nord, Sud), a Département-wide mediation space whose cost is
    not yet known, and a Nord parenting group; one 2024 action that must not count."""
    tisf_nord = PreventionActionFactory(
        kind=ActionKind.TISF, territory=nord, budget=Decimal("12000"), cost=Decimal("11500.50")
    )
    tisf_sud = PreventionActionFactory(
        kind=ActionKind.TISF, territory=sud, budget=Decimal("8000"), cost=Decimal("7999.50")
    )
    mediation = PreventionActionFactory(
        kind=ActionKind.FAMILY_MEDIATION, territory=None, budget=Decimal("5000"), cost=None
    )
    group = PreventionActionFactory(
        kind=ActionKind.PARENTING_SUPPORT,
        territory=nord,
        budget=Decimal("3000"),
        cost=Decimal("2500"),
    )
    later = PreventionActionFactory(
        kind=ActionKind.TISF,
        territory=nord,
        start_date=date(2024, 1, 1),
        end_date=date(2024, 12, 31),
        cost=Decimal("99999"),
    )
    InterventionFactory.create_batch(3, action=tisf_nord)
    InterventionFactory(action=tisf_sud)
    InterventionFactory(action=mediation, families_count=4)
    InterventionFactory(action=group, families_count=6)
    InterventionFactory(action=group, families_count=2)
    InterventionFactory(action=later)
    return tisf_nord


@pytest.fixture
def concerns(nord, sud):
    """Concerns received in 2023: two evaluated in time, one late, one still open past its
    due date, one set aside; one Sud; one received in 2022."""

    def concern(territory=nord, received=date(2023, 3, 1), due=date(2023, 6, 1), **fields):
        return ConcernFactory(
            territory=territory, received_on=received, evaluation_due_on=due, **fields
        )

    qualified = {"first_analysis": FirstAnalysis.CONCERN, "analysed_on": date(2023, 3, 2)}
    concern(
        **qualified, evaluation_ended_on=date(2023, 5, 30), outcome=ConcernOutcome.NO_FURTHER_ACTION
    )
    concern(
        **qualified,
        grave_danger=True,
        evaluation_ended_on=date(2023, 6, 1),
        outcome=ConcernOutcome.PROSECUTOR,
        prosecutor_referral_on=date(2023, 3, 1),
        prosecutor_feedback=ProsecutorFeedback.PLACEMENT_ORDER,
        prosecutor_feedback_on=date(2023, 3, 20),
    )
    concern(
        **qualified,
        evaluation_ended_on=date(2023, 7, 15),
        outcome=ConcernOutcome.PROSECUTOR,
        prosecutor_referral_on=date(2023, 7, 15),
    )
    concern(**qualified)
    concern(first_analysis=FirstAnalysis.NOT_CONCERN, analysed_on=date(2023, 3, 3))
    concern(
        territory=sud,
        **qualified,
        evaluation_ended_on=date(2023, 4, 1),
        outcome=ConcernOutcome.NO_FURTHER_ACTION,
    )
    concern(received=date(2022, 12, 30), due=date(2023, 3, 30))


def test_spending_adds_the_known_costs_of_the_years_actions(actions):
    assert prevention_spending(year=2023) == Decimal("22000.00")


def test_spending_of_a_territory_leaves_out_the_departement_wide_actions(actions, nord):
    assert prevention_spending(year=2023, territory=nord) == Decimal("14000.50")


def test_spending_of_a_year_without_actions_is_zero(actions):
    assert prevention_spending(year=2019) == Decimal("0")


def test_figures_give_spending_and_families_per_kind(actions):
    figures = prevention_figures(year=2023, today=TODAY)
    rows = {row["kind"]: row for row in figures["actions"]}
    assert rows[ActionKind.TISF] == {
        "kind": ActionKind.TISF,
        "label": "Intervention de TISF à domicile",
        "actions": 2,
        "budget": Decimal("20000.00"),
        "spending": Decimal("19500.00"),
        "families": 4,
        "interventions": 4,
    }
    assert (
        rows[ActionKind.FAMILY_MEDIATION]["spending"],
        rows[ActionKind.FAMILY_MEDIATION]["families"],
    ) == (Decimal("0"), 4)
    assert (
        rows[ActionKind.PARENTING_SUPPORT]["families"],
        rows[ActionKind.PARENTING_SUPPORT]["interventions"],
    ) == (8, 2)
    assert (
        figures["spending"],
        figures["budget"],
        figures["families"],
        figures["actions_count"],
    ) == (
        Decimal("22000.00"),
        Decimal("28000.00"),
        16,
        4,
    )


def test_figures_of_a_territory_count_its_actions_only(actions, nord):
    figures = prevention_figures(year=2023, territory=nord, today=TODAY)
    assert [row["kind"] for row in figures["actions"]] == [
        ActionKind.TISF,
        ActionKind.PARENTING_SUPPORT,
    ]
    assert (figures["spending"], figures["families"]) == (Decimal("14000.50"), 11)


def test_figures_count_concerns_received_evaluated_in_time_and_late(concerns):
    counts = prevention_figures(year=2023, today=TODAY)["concerns"]
    assert {
        key: counts[key]
        for key in (
            "received",
            "grave_danger",
            "not_concern",
            "evaluated",
            "evaluated_in_time",
            "evaluated_late",
            "open",
            "open_overdue",
            "late",
            "prosecutor_referrals",
        )
    } == {
        "received": 6,
        "grave_danger": 1,
        "not_concern": 1,
        "evaluated": 4,
        "evaluated_in_time": 3,
        "evaluated_late": 1,
        "open": 1,
        "open_overdue": 1,
        "late": 2,
        "prosecutor_referrals": 2,
    }


def test_figures_count_the_outcomes_and_the_prosecutors_feedback(concerns, nord):
    counts = prevention_figures(year=2023, territory=nord, today=TODAY)["concerns"]
    assert {row["outcome"]: row["count"] for row in counts["outcomes"]} == {
        ConcernOutcome.NO_FURTHER_ACTION: 1,
        ConcernOutcome.ADMINISTRATIVE_HELP: 0,
        ConcernOutcome.PROSECUTOR: 2,
    }
    feedback = {row["feedback"]: row["count"] for row in counts["prosecutor_feedback"]}
    assert feedback[ProsecutorFeedback.PLACEMENT_ORDER] == 1
    assert sum(feedback.values()) == 1


def test_an_open_concern_is_not_late_before_its_due_date(concerns):
    counts = prevention_figures(year=2023, today=date(2023, 5, 1))["concerns"]
    assert (counts["open"], counts["open_overdue"]) == (1, 0)


def test_figures_run_three_queries_whatever_the_rows(actions, concerns, django_assert_num_queries):
    for _ in range(2):
        InterventionFactory.create_batch(3, action=actions)
        ConcernFactory.create_batch(
            3, received_on=date(2023, 9, 1), evaluation_due_on=date(2023, 12, 1)
        )
        # actions per kind, interventions per kind, concerns
        with django_assert_num_queries(3):
            prevention_figures(year=2023, today=TODAY)
