"""The judicial-cycle demo puts each clock of the cycle in each state on the day of loading."""

import io
import uuid

import pytest
from django.utils import timezone

from welfare import demo_judicial
from welfare.clocks import clocks_by_child
from welfare.enums import ClockKind, ClockStatus, Role
from welfare.models import Child
from welfare.tests.factories import TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_shows_each_clock_of_the_judicial_cycle_in_each_state():
    nord = TerritoryFactory(code="nord")
    UserFactory(username="referent.nord", role=Role.CASEWORKER, territory=nord)
    demo_judicial.load(departement="jura", stdout=io.StringIO())
    found = clocks_by_child(Child.objects.all(), day=timezone.localdate())
    states = {
        (clock.kind, clock.status)
        for clocks in found.values()
        for clock in clocks
        if clock.kind not in (ClockKind.PPE, ClockKind.SITUATION_REPORT, ClockKind.MEASURE_END)
    }
    assert states == {
        (ClockKind.OPP_REFERRAL, ClockStatus.DUE),
        (ClockKind.OPP_REFERRAL, ClockStatus.DONE),
        (ClockKind.OPP_HEARING, ClockStatus.DONE),
        (ClockKind.OPP_MERITS, ClockStatus.OVERDUE),
        (ClockKind.INTAKE_REFERRAL, ClockStatus.DUE),
        (ClockKind.DEADLINE_REPORT, ClockStatus.DUE),
        (ClockKind.DEADLINE_REPORT, ClockStatus.OVERDUE),
        (ClockKind.DEADLINE_REPORT, ClockStatus.DONE),
        (ClockKind.DEADLINE_REPORT, ClockStatus.UPCOMING),
    }


def test_the_judicial_demo_loads_once():
    nord = TerritoryFactory(code="nord")
    UserFactory(username="referent.nord", role=Role.CASEWORKER, territory=nord)
    demo_judicial.load(departement="jura", stdout=io.StringIO())
    out = io.StringIO()
    demo_judicial.load(departement="jura", stdout=out)
    assert "déjà chargé" in out.getvalue()
    assert (
        Child.objects.filter(
            public_id__in=[
                uuid.uuid5(demo_judicial.NAMESPACE, f"cycle-judiciaire-{rank}")
                for rank in range(1, 8)
            ]
        ).count()
        == 7
    )
