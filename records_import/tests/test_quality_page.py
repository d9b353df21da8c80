"""The import's anomalies on the dashboard's data-quality page (``welfare.data_quality``): the
reader's territory only, each with its child, its origin and the rule it breaks, paged on
their own and traced in the children's access log."""

import pytest
from django.urls import reverse

from records_import.models import ImportAnomaly, ImportJob
from welfare.enums import AccessPurpose
from welfare.models import AccessLog
from welfare.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:quality")
RULE = "Mesure administrative de plus d'un an (art. L223-5 CASF)."


def _anomaly(job, child, line):
    return ImportAnomaly.objects.create(
        job=job,
        source="exemple",
        child=child,
        file_name="mesures.csv",
        line=line,
        source_id=f"M{line}",
        message=RULE,
    )


@pytest.fixture
def anomalies(nord, sud):
    job = ImportJob.objects.create(source="exemple", dry_run=False)
    own = ChildFactory(territory=nord, first_name="Jade", last_name="Martin")
    other = ChildFactory(territory=sud, first_name="Hugo", last_name="Bernard")
    _anomaly(job, own, 6)
    _anomaly(job, other, 7)
    return job, own, other


def test_the_manager_reads_his_territory_s_import_anomalies_with_origin_and_article(
    client, responsable_nord, anomalies
):
    _, own, other = anomalies
    client.force_login(responsable_nord)

    response = client.get(URL, {"year": "2024"})

    assert response.status_code == 200
    rows = [(row.child, row.origin, row.message) for row in response.context["anomaly_page"]]
    assert rows == [(own, "mesures.csv, ligne 6", RULE)]
    html = response.content.decode()
    assert "Anomalies de la reprise des données" in html
    assert "mesures.csv, ligne 6" in html
    assert "art. L223-5 CASF" in html
    assert "Bernard" not in html
    assert AccessLog.objects.filter(
        user=responsable_nord, child=own, purpose=AccessPurpose.DATA_QUALITY
    ).exists()
    assert not AccessLog.objects.filter(child=other).exists()


def test_the_anomalies_are_paged_on_their_own_parameter(client, responsable_nord, anomalies, nord):
    job, _, _ = anomalies
    for line in range(10, 70):
        _anomaly(job, ChildFactory(territory=nord), line)
    client.force_login(responsable_nord)

    first = client.get(URL, {"year": "2024"})
    second = client.get(URL, {"year": "2024", "anomalies_page": "2"})

    assert first.context["anomaly_page"].paginator.count == 61
    assert len(first.context["anomaly_page"].object_list) == 50
    assert "?year=2024&amp;anomalies_page=2" in first.content.decode()
    assert len(second.context["anomaly_page"].object_list) == 11
    assert second.context["page"].number == 1  # the other list keeps its page


def test_the_anomalies_list_says_when_there_is_none(client, responsable_nord, nord):
    client.force_login(responsable_nord)

    response = client.get(URL, {"year": "2024"})

    assert "Aucune anomalie de reprise à corriger." in response.content.decode()
