"""The demo prevention of the Jura. It runs on the accounts and territories only (the
children's demo takes longer); the published 2023 spending is checked to the euro."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from prevention import services
from prevention.demo import ACTIONS
from prevention.models import Concern, Intervention, PreventionAction
from prevention.selectors import prevention_figures, prevention_spending

pytestmark = pytest.mark.django_db


@pytest.fixture
def load_demo(settings):
    settings.DEBUG = True
    return lambda: call_command("load_demo", only="welfare,prevention")


def test_the_2023_actions_cost_the_published_prevention_spending(load_demo):
    load_demo()
    assert prevention_spending(year=2023) == Decimal("1969441")


def test_the_demo_has_concerns_evaluated_late_and_overdue(load_demo):
    load_demo()
    concerns = prevention_figures(year=2023)["concerns"]
    assert concerns["received"] > 300
    assert 0 < concerns["evaluated_late"] < concerns["evaluated_in_time"]
    assert Concern.objects.overdue_on(timezone.localdate()).exists()
    # A grave danger waits for its signalement, due the day of receipt (L226-4, D226-2-4 I 2°).
    waiting = Concern.objects.open().filter(grave_danger=True, prosecutor_referral_on=None)
    assert waiting.exists()
    assert all(concern.evaluation_due_on == concern.received_on for concern in waiting)
    assert Concern.objects.filter(measure__isnull=False).exists()


def test_loading_the_demo_twice_adds_nothing(load_demo):
    load_demo()
    counts = (
        PreventionAction.objects.count(),
        Intervention.objects.count(),
        Concern.objects.count(),
    )
    load_demo()
    assert (
        PreventionAction.objects.count(),
        Intervention.objects.count(),
        Concern.objects.count(),
    ) == counts


def test_the_demo_covers_the_year_under_way_up_to_today(load_demo):
    load_demo()
    today = timezone.localdate()
    actions = PreventionAction.objects.of_year(today.year)
    assert actions.count() == PreventionAction.objects.of_year(2023).count()
    assert not actions.filter(cost__isnull=False).exists()  # costs are known at the year's end
    done = Intervention.objects.of_year(today.year)
    assert done.exists()
    assert not done.filter(started_on__gt=today).exists()
    assert not done.filter(ended_on__gt=today).exists()
    figures = prevention_figures(year=today.year)
    assert figures["actions_count"] == len(ACTIONS)
    assert figures["families"] > 0 and figures["interventions"] > 0


def test_a_home_visit_made_today_can_be_recorded_in_the_demo(load_demo):
    load_demo()
    today = timezone.localdate()
    action = PreventionAction.objects.of_year(today.year).home_interventions().first()
    intervention = services.intervention_create(
        action=action, author=None, started_on=today, family_name="Famille Morel"
    )
    assert intervention.started_on == today
