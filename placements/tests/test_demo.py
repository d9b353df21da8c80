"""The demo's published figures and every placement rule, after the loaders have run."""

from collections import defaultdict
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from placements import selectors, services
from placements.enums import (
    AgrementState,
    ApplicationDecision,
    ApplicationStatus,
    PlaceKind,
)
from placements.models import (
    Agrement,
    AgrementApplication,
    Establishment,
    FosterCarer,
    Placement,
)
from placements.rules import agrement_parameters, application_clock
from welfare.enums import MeasureNature

pytestmark = pytest.mark.django_db

SNAPSHOT = date(2022, 12, 31)


def peak_ok(placements, capacity_on):
    """True when, on every arrival day, the place holds no more children than it may."""
    for placement in placements:
        day = placement.start_date
        if sum(1 for other in placements if other.is_active_on(day)) > capacity_on(day):
            return False
    return True


def test_the_demo_houses_the_published_figures_within_every_rule(settings):
    settings.DEBUG = True
    call_command("load_demo", only="welfare,children,placements")
    call_command("load_demo", only="welfare,children,placements")  # idempotent

    on_snapshot = Placement.objects.active_on(SNAPSHOT).select_related("measure")
    judicial = on_snapshot.filter(measure__nature=MeasureNature.JUDICIAL)
    assert judicial.filter(place_kind=PlaceKind.FOSTER_CARER).count() == 344
    assert judicial.filter(place_kind=PlaceKind.ESTABLISHMENT).count() == 258
    assert judicial.filter(place_kind=PlaceKind.FAMILY_HOME).count() == 163
    assert on_snapshot.filter(measure__nature=MeasureNature.ADMINISTRATIVE).count() == 42
    assert on_snapshot.filter(measure__nature=MeasureNature.ADMINISTRATIVE).pead().count() == 0
    # The Jura's 180 assistants familiaux, and three applicants for a first agrément.
    assert FosterCarer.objects.filter(applications__isnull=True).count() == 180
    assert AgrementApplication.objects.count() == 3
    today = timezone.localdate()
    clocks = {
        application_clock(item, day=today, parameters=agrement_parameters()).status
        for item in AgrementApplication.objects.all()
    }
    assert clocks == {
        ApplicationStatus.PENDING,
        ApplicationStatus.INCOMPLETE,
        ApplicationStatus.TACIT,
    }
    assert AgrementApplication.objects.get(decision=ApplicationDecision.TACIT).agrement
    # One suspended agrément receives nobody; the other still has children (L421-6 CASF).
    assert Agrement.objects.filter(state=AgrementState.SUSPENDED).count() == 2
    assert selectors.placements_under_lapsed_agrement(day=today).exists()
    assert Agrement.objects.expiring_within_notice(timezone.localdate()).exists()
    assert set(Establishment.objects.values_list("kind", flat=True)) >= {
        "mecs",
        "fde",
        "lva",
        "semi_autonomy",
    }

    placements = list(Placement.objects.select_related("child", "measure", "establishment"))
    by_carer, by_establishment = defaultdict(list), defaultdict(list)
    for placement in placements:
        services._check_measure(
            child=placement.child,
            measure=placement.measure,
            place_kind=placement.place_kind,
            start_date=placement.start_date,
            end_date=placement.end_date,
        )
        if placement.foster_carer_id:
            by_carer[placement.foster_carer_id].append(placement)
        if placement.establishment_id:
            by_establishment[placement.establishment].append(placement)
            establishment = placement.establishment
            age = placement.child.age_on(placement.start_date)
            assert establishment.min_age <= age <= establishment.max_age

    agrements = defaultdict(list)
    for agrement in Agrement.objects.all():
        agrements[agrement.foster_carer_id].append(agrement)

    def places_on(carer_id):
        def capacity(day):
            held = [a for a in agrements[carer_id] if a.is_in_force_on(day)]
            return max((a.places for a in held), default=0)

        return capacity

    assert all(peak_ok(items, places_on(carer_id)) for carer_id, items in by_carer.items())
    assert all(
        peak_ok(items, lambda day, e=establishment: e.authorised_capacity)
        for establishment, items in by_establishment.items()
    )
