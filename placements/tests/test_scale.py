"""The places of the synthetic Département (placements/scale.py) keep the services' rules."""

from collections import defaultdict
from datetime import timedelta

from django.utils import timezone

from placements.models import Agrement, Establishment, FosterCarer, Placement
from welfare.models import Measure


def _occupancy_peaks(placements, key):
    """The most children each place held on any arrival day."""
    stays = defaultdict(list)
    for placement in placements:
        stays[key(placement)].append(placement)
    peaks = {}
    for place, rows in stays.items():
        peaks[place] = max(
            sum(
                1
                for other in rows
                if other.start_date <= row.start_date
                and (other.end_date is None or other.end_date > row.start_date)
            )
            for row in rows
        )
    return peaks


def test_no_place_is_above_its_capacity_or_without_an_agrement(departement_of_synthesis):
    housed = list(Placement.objects.filter(foster_carer__isnull=False))
    agrements = defaultdict(list)
    for agrement in Agrement.objects.all():
        agrements[agrement.foster_carer_id].append(agrement)
    for placement in housed:
        in_force = [a for a in agrements[placement.foster_carer_id]
                    if a.is_in_force_on(placement.start_date)]  # fmt: skip
        assert len(in_force) == 1, placement
    for carer, peak in _occupancy_peaks(housed, lambda p: p.foster_carer_id).items():
        assert peak <= max(a.places for a in agrements[carer])
    capacity = dict(Establishment.objects.values_list("id", "authorised_capacity"))
    in_establishments = Placement.objects.filter(establishment__isnull=False)
    for establishment, peak in _occupancy_peaks(
        in_establishments, lambda p: p.establishment_id
    ).items():
        assert peak <= capacity[establishment]
    assert FosterCarer.objects.exists()


def test_every_placement_is_covered_by_the_measures_of_its_child(departement_of_synthesis):
    today = timezone.localdate()
    measures = defaultdict(list)
    for measure in Measure.objects.care():
        measures[measure.child_id].append(measure)
    for placement in Placement.objects.select_related("measure"):
        assert placement.measure.child_id == placement.child_id
        last = (placement.end_date or today) - timedelta(days=1)
        day = placement.start_date
        while day <= last:
            assert any(m.is_active_on(day) for m in measures[placement.child_id]), placement
            day += timedelta(days=30)
