"""Two requests race for a carer's last place over two real database connections."""

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from placements import services
from placements.enums import PlaceKind
from placements.models import Placement
from placements.tests.factories import AgrementFactory, FosterCarerFactory, PlacementFactory
from welfare.tests.factories import MeasureFactory

START = date(2023, 1, 2)


def new_measure():
    return MeasureFactory(start_date=date(2022, 10, 1), end_date=date(2024, 9, 30))


@pytest.mark.django_db(transaction=True)
def test_two_requests_cannot_both_take_the_last_place(monkeypatch, nord):
    carer = FosterCarerFactory(territory=nord)
    AgrementFactory(foster_carer=carer, places=2, granted_on=date(2020, 1, 1))
    taken = new_measure()
    PlacementFactory(child=taken.child, measure=taken, foster_carer=carer, start_date=START)
    contenders = [new_measure(), new_measure()]

    # Both requests are inside their transaction, checks done, when they reach the lock
    # together; without the lock both would count one child and both would place theirs.
    barrier = threading.Barrier(2, timeout=10)
    lock_place = services._lock_place

    def lock_together(*args):
        barrier.wait()
        return lock_place(*args)

    monkeypatch.setattr(services, "_lock_place", lock_together)
    outcomes = []

    def request(measure):
        try:
            services.placement_create(
                child=measure.child,
                measure=measure,
                place_kind=PlaceKind.FOSTER_CARER,
                foster_carer=carer,
                start_date=START,
            )
            outcomes.append("placed")
        except ValidationError as error:
            outcomes.append(error.message_dict["foster_carer"][0])
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(measure,)) for measure in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes)[-1] == "placed"
    assert "n'a plus de place libre" in sorted(outcomes)[0]
    assert Placement.objects.filter(foster_carer=carer).active_on(START).count() == 2
