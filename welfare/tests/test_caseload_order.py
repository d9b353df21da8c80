""" "Mon activité" read page by page from PostgreSQL gives the rows, the order and the counts
that building the whole caseload in Python gave (the selector before issue 18)."""

from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from welfare.clocks import STATUS_ORDER, clocks_by_child, next_open
from welfare.enums import ClockKind, ClockStatus
from welfare.models import Child, User
from welfare.selectors.children import caseload


def caseload_in_python(*, user, today, referent=None, status="", kind=""):
    """The former selector: every child's deadlines, sorted in Python."""
    children = Child.objects.for_user(user).followed_on(today).select_related("referent")
    if user.role == "caseworker":
        children = children.filter(referent=user)
    elif referent is not None:
        children = children.filter(referent=referent)
    clocks_of = clocks_by_child(children, day=today)
    rows, per_referent = [], {}
    for child in children:
        clocks = clocks_of.get(child.pk, [])
        counts = Counter(clock.status for clock in clocks)
        opened = [clock for clock in clocks if clock.is_open]
        first = next_open(clocks)
        key = (len(STATUS_ORDER), None) if first is None else first.sort_key
        rows.append((key, child, opened, counts))
        summary = per_referent.setdefault(child.referent_id, [0, 0, 0])
        summary[0] += 1
        summary[1] += counts[ClockStatus.OVERDUE]
        summary[2] += counts[ClockStatus.DUE]
    if kind:
        rows = [row for row in rows if any(clock.kind == kind for clock in row[2])]
    if status:
        rows = [row for row in rows if any(clock.status == status for clock in row[2])]
    rows.sort(key=lambda row: (row[0][0], row[0][1] or date.max,
                               row[1].last_name, row[1].first_name))  # fmt: skip
    return [(row[1].pk, row[2]) for row in rows], per_referent


def _compare(user, today, **filters):
    expected_rows, expected_summaries = caseload_in_python(user=user, today=today, **filters)
    result = caseload(user=user, today=today, per_page=50, **filters)
    assert len(result.rows) == len(expected_rows)
    assert [(row.child.pk, row.clocks) for row in result.rows] == expected_rows
    first_page = result.rows[0:50]
    assert [(row.child.pk, row.clocks) for row in first_page] == expected_rows[:50]
    if len(expected_rows) > 50:
        second = caseload(user=user, today=today, page=2, per_page=50, **filters)
        assert [row.child.pk for row in second.rows[50:100]] == [
            pk for pk, _clocks in expected_rows[50:100]
        ]
    assert {
        (s.caseworker and s.caseworker.pk): [s.children, s.overdue, s.due]
        for s in result.by_caseworker
    } == expected_summaries
    assert result.overdue == sum(s[1] for s in expected_summaries.values())
    return len(expected_rows)


@pytest.mark.django_db
def test_the_caseload_in_sql_matches_the_one_built_in_python_for_each_role(settings):
    settings.DEBUG = True
    call_command("load_demo")
    today = timezone.localdate()
    manager = User.objects.get(username="responsable.nord")
    shown = 0
    for username in ["referent.nord", "referent.sud", "responsable.nord"]:
        user = User.objects.get(username=username)
        shown += _compare(user, today)
        for status in [ClockStatus.OVERDUE, ClockStatus.DUE, ClockStatus.UPCOMING]:
            _compare(user, today, status=status)
        for kind in ClockKind.values:
            _compare(user, today, kind=kind)
    _compare(manager, today, referent=User.objects.get(username="referent.nord"))
    _compare(manager, today, referent=User.objects.get(username="referent.nord.2"),
             status=ClockStatus.OVERDUE)  # fmt: skip
    assert shown > 100


@pytest.mark.django_db
def test_a_page_past_the_last_one_shows_the_last_one(client, settings):
    settings.DEBUG = True
    call_command("load_demo")
    client.force_login(User.objects.get(username="responsable.nord"))
    response = client.get(reverse("children:caseload"), {"page": 999})
    page = response.context["page"]
    assert page.number == page.paginator.num_pages > 1
    assert len(page.object_list) >= 1
