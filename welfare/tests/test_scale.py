"""The synthetic Département of ``manage.py generate_scale`` keeps the portal's rules."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from welfare.clocks import clocks_by_child
from welfare.enums import ClockStatus, MeasureType, Role
from welfare.models import Child, LegalParameter, LegalParameterSet, Measure, User
from welfare.rules import measure_errors
from welfare.scale import IN_CARE_SHARE, SNAPSHOT

FILES = 300  # as in conftest.py's departement_of_synthesis


def test_it_builds_the_files_asked_with_the_demo_share_in_care(departement_of_synthesis):
    assert Child.objects.count() == FILES
    in_care = Child.objects.in_care_on(SNAPSHOT).count()
    # The demo's share (807 of 1,439) or more: ≥ 14,000 of 25,000 files at Département scale.
    assert in_care >= FILES * 14_000 / 25_000
    assert in_care <= FILES * (IN_CARE_SHARE + 0.05)
    assert User.objects.filter(role=Role.TERRITORY_MANAGER).count() == 3


def test_every_measure_keeps_the_legal_limits(departement_of_synthesis):
    parameters = LegalParameterSet(LegalParameter.objects.all())
    measures = list(Measure.objects.select_related("child"))
    assert len(measures) > FILES
    assert [m for m in measures if measure_errors(m, parameters)] == []
    majority = {m.child_id: m.child.birth_date.replace(year=m.child.birth_date.year + 18)
                for m in measures}  # fmt: skip
    minors_past_majority = [
        m for m in measures
        if m.type != MeasureType.YOUNG_ADULT and m.end_date and m.end_date >= majority[m.child_id]
    ]  # fmt: skip
    assert minors_past_majority == []


def test_each_child_in_care_has_one_care_measure_on_the_snapshot(departement_of_synthesis):
    active = Measure.objects.active_on(SNAPSHOT).care().values_list("child_id", flat=True)
    assert len(active) == len(set(active))


def test_the_deadlines_statement_runs_and_finds_work_to_do(departement_of_synthesis):
    clocks = clocks_by_child(Child.objects.all(), day=timezone.localdate())
    statuses = {clock.status for rows in clocks.values() for clock in rows}
    assert {ClockStatus.OVERDUE, ClockStatus.DONE} <= statuses


def test_the_staff_pages_answer_on_it(departement_of_synthesis, client):
    manager = User.objects.get(username="responsable.t01")
    client.force_login(manager)
    child = Child.objects.filter(territory=manager.territory).first()
    for url in [
        reverse("children:caseload"),
        reverse("children:list"),
        reverse("children:list") + "?q=a",
        reverse("children:detail", args=[child.public_id]),
        reverse("placements:board"),
    ]:
        assert client.get(url).status_code == 200, url


def test_it_refuses_a_database_that_holds_files(departement_of_synthesis):
    with pytest.raises(CommandError):
        call_command("generate_scale", files=10, stdout=io.StringIO())
