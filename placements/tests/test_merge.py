"""A merge of two children's files moves their placements, and is refused while the two
files hold placements at the same time (the exclusion constraint of a child's placements)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from placements.models import Placement
from placements.tests.factories import PlacementFactory
from welfare.models import Child, Measure
from welfare.services.merges import child_merge, child_merge_undo
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = pytest.mark.django_db


def test_the_placements_move_with_the_file_and_back(nord, responsable_nord):
    kept, merged = ChildFactory(territory=nord), ChildFactory(territory=nord)
    placement = PlacementFactory(child=merged)
    merge = child_merge(kept=kept, merged=merged, by=responsable_nord)
    assert list(Placement.objects.filter(child=kept)) == [placement]
    child_merge_undo(merge=merge, by=responsable_nord)
    assert list(Placement.objects.filter(child=merged)) == [placement]


def test_placements_at_the_same_time_stop_the_merge_with_nothing_moved(nord, responsable_nord):
    kept, merged = ChildFactory(territory=nord), ChildFactory(territory=nord)
    PlacementFactory(child=kept)
    PlacementFactory(child=merged)
    with pytest.raises(ValidationError, match="se contredisent"):
        child_merge(kept=kept, merged=merged, by=responsable_nord)
    assert Child.objects.count() == 2
    assert Measure.objects.filter(child=merged).count() == 1


def test_placements_one_after_the_other_merge(nord, responsable_nord):
    kept, merged = ChildFactory(territory=nord), ChildFactory(territory=nord)
    earlier = MeasureFactory(child=kept, start_date=timezone.localdate() - timedelta(days=400))
    PlacementFactory(child=kept, measure=earlier, end_date=earlier.start_date + timedelta(days=30))
    PlacementFactory(child=merged)
    child_merge(kept=kept, merged=merged, by=responsable_nord)
    assert Placement.objects.filter(child=kept).count() == 2
