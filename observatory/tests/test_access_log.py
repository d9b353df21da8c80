"""What the observatory writes to the children's access log (issue 14): the data-quality page
notes the children of the page shown, the OLINPE download each child in the file; the
dashboard's CSV and PDF count children and name none, so they note nothing."""

from datetime import date

import pytest
from django.urls import reverse

from observatory import olinpe
from observatory.tests import world
from welfare.enums import AccessPurpose
from welfare.models import AccessLog
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def children(departement, nord, sud):
    return world.build(nord, sud)


def test_the_download_notes_each_child_in_the_file(client, directorate, children):
    client.force_login(directorate)
    client.get(reverse("dashboard:olinpe_export"), {"year": "2024"})
    in_file = {child.pk for child, _ in olinpe._child_rows(year=2024, key=None, today=None)}
    rows = AccessLog.objects.filter(user=directorate)
    assert set(rows.values_list("child", flat=True)) == in_file
    assert set(rows.values_list("purpose", "detail")) == {
        (AccessPurpose.DOWNLOAD, "olinpe_39_2024.csv")
    }
    assert rows.count() == len(in_file)  # one row per child, not per line


def test_the_download_notes_its_children_in_one_insert(
    client, directorate, children, nord, django_assert_num_queries
):
    client.force_login(directorate)
    for _ in range(3):
        MeasureFactory(child=ChildFactory(territory=nord), start_date=date(2024, 2, 2))
        # session, user, the file name's Département, the export's five queries (codes,
        # Département, measures, placements, PPE), the access log insert of the children in
        # the file (with pghistory's context), session update (3 with its savepoints)
        with django_assert_num_queries(12):
            client.get(reverse("dashboard:olinpe_export"), {"year": "2024"})


def test_the_quality_page_notes_the_children_of_the_page(client, responsable_nord, children):
    client.force_login(responsable_nord)
    response = client.get(reverse("dashboard:quality"), {"year": "2024"})
    shown = {entry.child.pk for entry in response.context["page"].object_list}
    assert shown
    rows = AccessLog.objects.filter(user=responsable_nord)
    assert set(rows.values_list("child", flat=True)) == shown
    assert set(rows.values_list("purpose", "detail")) == {(AccessPurpose.DATA_QUALITY, "2024")}


def test_the_quality_page_notes_the_directorate_s_reading_too(client, directorate, children):
    # Without names, but the identifier and the référent are still the child's file.
    client.force_login(directorate)
    response = client.get(reverse("dashboard:quality"), {"year": "2024"})
    assert AccessLog.objects.filter(user=directorate).count() == len(
        response.context["page"].object_list
    )


def test_the_quality_page_notes_its_children_in_one_insert(
    client, responsable_nord, children, nord, django_assert_num_queries
):
    client.force_login(responsable_nord)
    for _ in range(3):
        ChildFactory(territory=nord, disability=True)
        MeasureFactory(
            child=ChildFactory(territory=nord, disability=True), start_date=date(2024, 2, 2)
        )
        # session, user, the manager's territory, legal parameters, children and their
        # measures (two), the import's anomalies (one), the access log insert of the page's
        # children (with pghistory's context), Département, session update (3 with its
        # savepoints)
        with django_assert_num_queries(12):
            client.get(reverse("dashboard:quality"), {"year": "2024"})


def test_the_dashboard_csv_names_no_child_and_notes_nothing(client, directorate, children):
    client.force_login(directorate)
    response = client.get(
        reverse("dashboard:index"),
        {"format": "csv", "block": "in_care_place", "day": "2024-12-31"},
    )
    assert response.status_code == 200
    assert not AccessLog.objects.exists()
