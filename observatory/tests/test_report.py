"""The dashboard's PDF report, through the reports pipeline of ``schemes.reports``."""

import pytest
from django.urls import reverse

from observatory.tests import world
from schemes.models import Report
from schemes.reports.kinds import get_kind, input_hash
from schemes.reports.services import report_html
from welfare.enums import Role
from welfare.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PARAMETERS = {"day": "2024-06-30", "start": "2024-01-01", "end": "2024-06-30", "territory": ""}


@pytest.fixture
def children(departement, nord, sud):
    return world.build(nord, sud)


def test_the_directorate_s_page_offers_the_pdf(client, directorate, children):
    client.force_login(directorate)

    response = client.get(reverse("dashboard:index"), PARAMETERS)

    html = response.content.decode()
    assert "Demander le rapport PDF" in html
    assert 'name="kind" value="dashboard"' in html
    assert 'name="day" value="2024-06-30"' in html


def test_a_territory_manager_s_page_offers_the_pdf_of_his_territory(
    client, responsable_nord, children
):
    client.force_login(responsable_nord)

    html = client.get(reverse("dashboard:index"), PARAMETERS).content.decode()

    assert 'name="kind" value="dashboard"' in html
    assert 'name="territory" value="nord"' in html


def test_asking_for_the_pdf_queues_a_report_of_the_reading(
    client, directorate, children, django_capture_on_commit_callbacks
):
    client.force_login(directorate)

    with django_capture_on_commit_callbacks():
        response = client.post(reverse("reports:request"), {"kind": "dashboard", **PARAMETERS})

    report = Report.objects.get(kind="dashboard")
    assert report.parameters == PARAMETERS
    assert report.title == "Tableau de bord au 30/06/2024 – Tout le Département"
    assert response["Location"].startswith(reverse("dashboard:index"))


def test_a_territory_manager_s_pdf_is_of_his_territory_whatever_he_posts(
    client, responsable_nord, children, django_capture_on_commit_callbacks
):
    client.force_login(responsable_nord)

    with django_capture_on_commit_callbacks():
        client.post(
            reverse("reports:request"), {"kind": "dashboard", **PARAMETERS, "territory": "sud"}
        )

    report = Report.objects.get(kind="dashboard")
    assert report.parameters["territory"] == "nord"
    assert report.title == "Tableau de bord au 30/06/2024 – Territoire Nord"


def test_a_territory_manager_reads_only_his_territory_s_reports(
    client, directorate, responsable_nord, children
):
    def report(territory):
        parameters = PARAMETERS | {"territory": territory}
        return Report.objects.create(
            kind="dashboard",
            title=territory or "Département",
            parameters=parameters,
            input_hash=input_hash(kind="dashboard", parameters=parameters),
            requested_by=directorate,
        )

    nord, sud, whole = report("nord"), report("sud"), report("")

    assert set(Report.objects.for_user(responsable_nord)) == {nord}
    assert set(Report.objects.for_user(directorate)) == {nord, sud, whole}
    client.force_login(responsable_nord)
    for other in (sud, whole):
        url = reverse("reports:download", kwargs={"public_id": other.public_id})
        assert client.get(url).status_code == 404


def test_a_territory_manager_without_a_territory_gets_no_report(client, nord, children):
    manager = UserFactory(role=Role.TERRITORY_MANAGER, territory=None)
    client.force_login(manager)

    response = client.post(reverse("reports:request"), {"kind": "dashboard", **PARAMETERS})

    assert not Report.objects.exists()
    assert response.status_code == 404


def test_the_pdf_shows_the_page_s_figures(children):
    html = report_html(kind=get_kind("dashboard"), parameters=PARAMETERS)

    assert "Enfants confiés au 30/06/2024" in html
    total = '<th scope="row">Enfants confiés</th>' + "".join(
        f'<td class="number">{count}</td>' for count in (2, 4, 6)
    )
    assert total in html
    assert 'role="img"' in html
