"""The placements count in a child's last contact (welfare.retention, CNIL 2022-008 § 46),
through the provider registered in ``PlacementsConfig.ready``."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from placements.enums import PlaceKind
from placements.services import placement_create
from placements.tests.factories import FosterCarerFactory, PlacementFactory
from welfare.enums import MeasureEndReason
from welfare.retention import files_past_active_period
from welfare.services.children import retention_apply
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = pytest.mark.django_db

DAY = date(2025, 3, 16)  # more than two years after 15/03/2023


def child_whose_measure_ended(territory):
    child = ChildFactory(territory=territory, birth_date=date(2012, 5, 1))
    measure = MeasureFactory(
        child=child,
        start_date=date(2022, 3, 16),
        end_date=date(2023, 3, 15),
        end_reason=MeasureEndReason.RETURN_HOME,
    )
    return child, measure


def test_a_placement_still_under_way_keeps_the_file_active(nord):
    child, measure = child_whose_measure_ended(nord)
    PlacementFactory(child=child, measure=measure, start_date=date(2022, 3, 16), end_date=None)
    assert child not in files_past_active_period(day=DAY)


def test_a_placement_ended_later_than_the_measure_is_the_last_contact(nord):
    child, measure = child_whose_measure_ended(nord)
    PlacementFactory(
        child=child, measure=measure, start_date=date(2022, 3, 16), end_date=date(2023, 4, 1)
    )
    assert child not in files_past_active_period(day=DAY)
    assert files_past_active_period(day=date(2025, 4, 2)).get() == child


def test_placing_an_archived_child_is_refused(nord):
    child, measure = child_whose_measure_ended(nord)
    retention_apply(day=DAY)
    child.refresh_from_db()
    with pytest.raises(ValidationError, match="archivage intermédiaire"):
        placement_create(
            child=child,
            measure=measure,
            place_kind=PlaceKind.FOSTER_CARER,
            foster_carer=FosterCarerFactory(territory=nord),
            start_date=date(2022, 3, 16),
        )
