"""The demo children match the Jura's published figures for 31 December 2022 (docs/demo.md)."""

import json
from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from welfare.enums import MeasureType
from welfare.models import Child, Measure, StatutoryDocument, User
from welfare.retention import files_past_active_period
from welfare.selectors.children import caseload

pytestmark = pytest.mark.django_db

SNAPSHOT = date(2022, 12, 31)


def test_the_demo_loads_the_jura_figures_once(settings):
    settings.DEBUG = True
    call_command("load_demo", only="welfare,children")
    counts = (Child.objects.count(), Measure.objects.count(), StatutoryDocument.objects.count())

    assert Child.objects.in_care_on(SNAPSHOT).count() == 807
    active = Measure.objects.active_on(SNAPSHOT)
    assert active.count() == 807  # one measure per child that day
    assert active.administrative().count() == 42
    assert active.judicial().count() == 765
    types = Counter(active.values_list("type", flat=True))
    assert types[MeasureType.AEMO_WITH_ACCOMMODATION] == 163
    placements = (MeasureType.PLACEMENT, MeasureType.OPP_JUDGE, MeasureType.OPP_PROSECUTOR)
    assert sum(types[t] for t in placements) == 602
    assert set(active.administrative().values_list("type", flat=True)) == {
        MeasureType.PROVISIONAL_CARE,
        MeasureType.YOUNG_ADULT,
    }

    children = list(Child.objects.select_related("territory"))
    assert {child.territory.code for child in children} == {"nord", "sud", "centre"}
    ages = {child.age_on(SNAPSHOT) for child in children}
    assert ages == set(range(21))
    assert any(c.unaccompanied_minor and c.age_on(SNAPSHOT) == 17 for c in children)
    disabled = sum(child.disability for child in children) / len(children)
    assert 0.17 < disabled < 0.23

    referent = User.objects.get(username="referent.nord")
    activity = caseload(user=referent, today=timezone.localdate())
    assert activity.rows
    assert all(row.child.referent == referent for row in activity.rows)
    assert any(row.overdue for row in activity.rows)
    assert Measure.objects.exclude(renews=None).exists()

    call_command("load_demo", only="welfare,children")
    assert (
        Child.objects.count(),
        Measure.objects.count(),
        StatutoryDocument.objects.count(),
    ) == counts


def test_the_demo_archives_the_files_past_the_period_and_its_figures_stay(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo", only="welfare,children")
    capsys.readouterr()
    call_command("indicators", "--date", "2022-12-31")
    before = capsys.readouterr().out
    call_command("load_demo", only="welfare,children,retention")
    capsys.readouterr()
    call_command("indicators", "--date", "2022-12-31")
    assert json.loads(capsys.readouterr().out) == json.loads(before)

    today = timezone.localdate()
    assert Child.objects.archived().exists()
    assert not files_past_active_period(day=today).exists()
    held = Child.objects.get(legal_hold=True)
    assert held.territory.code == "nord" and held.archived_at is None
    assert Child.objects.in_care_on(SNAPSHOT).count() == 807
    archived = Child.objects.archived().count()
    call_command("load_demo", only="welfare,children,retention")
    assert Child.objects.archived().count() == archived
