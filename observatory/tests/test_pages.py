"""The dashboard page and its CSV export, per role."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from observatory.tests import world
from placements.tests.factories import PlacementFactory
from welfare.enums import Role
from welfare.models import PopulationEstimate
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:index")
READING = {"day": "2024-06-30", "start": "2024-01-01", "end": "2024-06-30"}


def _block(response, key):
    return next(
        block
        for section in response.context["sections"]
        for block in section.blocks
        if block.key == key
    )


def _total(response):
    return _block(response, "in_care_place").rows[-1].values[2]


@pytest.fixture
def children(nord, sud):
    return world.build(nord, sud)


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.RECEPTION, Role.PREVENTION_OFFICER])
def test_it_refuses_other_roles(client, cast, role):
    client.force_login(cast[role])

    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv", "block": "in_care_place"}).status_code == 403


def test_it_sends_anonymous_visitors_to_the_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_directorate_reads_the_whole_departement(client, directorate, children):
    client.force_login(directorate)

    response = client.get(URL, READING)

    assert response.status_code == 200
    assert _total(response) == 6
    assert "contact_requests" in [section.key for section in response.context["sections"]]


def test_the_directorate_filters_by_territory(client, directorate, children):
    client.force_login(directorate)

    response = client.get(URL, READING | {"territory": "sud"})

    assert _total(response) == 3


def test_a_territory_manager_reads_his_territory_only(client, responsable_nord, children):
    client.force_login(responsable_nord)

    response = client.get(URL, READING | {"territory": "sud"})

    assert response.status_code == 200
    assert "territory" not in response.context["form"].fields
    assert response.context["params"].territory == responsable_nord.territory
    assert _total(response) == 3  # n1, n2, n3 of Nord, whatever the address says
    assert "contact_requests" not in [section.key for section in response.context["sections"]]


def test_a_territory_manager_cannot_download_another_territory(client, responsable_nord, children):
    client.force_login(responsable_nord)

    response = client.get(
        URL, READING | {"territory": "sud", "format": "csv", "block": "in_care_place"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[-1] == ["Enfants confiés", "0", "3", "3"]
    assert "nord" in response["Content-Disposition"]


def test_a_territory_manager_without_territory_is_refused(client, responsable_nord):
    responsable_nord.territory = None
    responsable_nord.save(update_fields=["territory"])
    client.force_login(responsable_nord)

    assert client.get(URL).status_code == 403


@pytest.mark.parametrize(
    "query",
    [
        {"day": "2024-13-45"},
        {"day": "not a date"},
        {"day": "9999-12-31"},
        {"day": "1900-01-01"},
        {"start": "2024-06-01", "end": "2024-01-01"},
        {"territory": "atlantide"},
    ],
)
def test_bad_filters_are_form_errors(client, directorate, query):
    client.force_login(directorate)

    response = client.get(URL, query)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["sections"] == []


def test_bad_filters_refuse_the_csv(client, directorate):
    client.force_login(directorate)

    response = client.get(URL, {"day": "2024-13-45", "format": "csv", "block": "in_care_place"})

    assert response.status_code == 400


def test_an_unknown_block_is_not_found(client, directorate):
    client.force_login(directorate)

    assert client.get(URL, {"format": "csv", "block": "salaries"}).status_code == 404


def test_a_territory_manager_cannot_download_the_contact_block(client, responsable_nord):
    client.force_login(responsable_nord)

    assert client.get(URL, {"format": "csv", "block": "contact_requests"}).status_code == 404


def test_the_csv_opens_in_excel_with_french_headers(client, directorate, children):
    client.force_login(directorate)

    response = client.get(URL, READING | {"format": "csv", "block": "in_care_place"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="tableau-de-bord_in-care-place_2024-06-30.csv"'
    )
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Lieu d'accueil", "Administrative", "Judiciaire", "Total"]
    assert rows[1] == ["Assistant familial", "1", "1", "2"]
    assert rows[-1] == ["Enfants confiés", "2", "4", "6"]


def test_every_block_downloads(client, directorate, children):
    client.force_login(directorate)
    response = client.get(URL, READING)
    keys = [block.key for section in response.context["sections"] for block in section.blocks]

    for key in keys:
        download = client.get(URL, READING | {"format": "csv", "block": key})
        assert download.status_code == 200, key
        assert key.replace("_", "-") in download["Content-Disposition"]


def test_decimal_figures_use_a_decimal_comma_in_the_csv(client, directorate, children):
    client.force_login(directorate)

    response = client.get(URL, READING | {"format": "csv", "block": "capacity"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ["Assistant familial", "2", "5", "2", "3", "40,0"]


def test_charts_are_svg_images_with_a_title_beside_their_table(client, directorate, children):
    client.force_login(directorate)

    html = client.get(URL, READING).content.decode()

    assert '<svg class="img-fluid"' in html
    assert 'role="img" aria-labelledby="chart-in_care_place-title"' in html
    assert '<title id="chart-in_care_place-title">' in html
    assert "style=" not in html


def test_links_follow_the_viewer_s_rights(client, directorate, responsable_nord, children):
    children_list = f'href="{reverse("children:list")}"'
    client.force_login(directorate)
    directorate_page = client.get(URL, READING).content.decode()
    client.force_login(responsable_nord)
    manager_page = client.get(URL, READING).content.decode()

    assert children_list not in directorate_page
    assert children_list in manager_page
    board = reverse("placements:board")
    assert board in directorate_page and board in manager_page
    assert reverse("contact_inbox") in directorate_page
    assert reverse("contact_inbox") not in manager_page


def test_the_command_prints_the_figures_of_the_page(client, directorate, children, capsys):
    call_command("indicators", "--date", "2024-06-30", "--start", "2024-01-01")
    printed = json.loads(capsys.readouterr().out)
    client.force_login(directorate)

    response = client.get(URL, READING)

    sections = {section.key: section.figures for section in response.context["sections"]}
    assert printed["children_in_care"]["total"] == sections["children_in_care"]["total"] == 6
    assert printed["flows"]["entries"]["total"] == sections["flows"]["entries"]["total"] == 3
    assert printed["territory"] is None


def test_the_command_narrows_to_a_territory(children, capsys):
    call_command("indicators", "--date", "2024-06-30", "--territory", "nord")

    assert json.loads(capsys.readouterr().out)["children_in_care"]["total"] == 3


def test_the_command_refuses_a_bad_date(db):
    with pytest.raises(CommandError, match="day"):
        call_command("indicators", "--date", "2022-02-30")


def _children_in_care(count, territory):
    for _ in range(count):
        child = ChildFactory(territory=territory, birth_date=date(2012, 1, 1))
        measure = MeasureFactory(
            child=child, start_date=date(2024, 1, 10), end_date=date(2025, 1, 9)
        )
        PlacementFactory(child=child, measure=measure)


# Queries of the page for the directorate: session and user (2); children in care (1), the
# territories' young population (1), their legal categories (1); entries (2), exits (2),
# placements per child (1); capacity totals (2), PEAD (1), children under a lapsed agrément
# (1), agréments (1); deadlines: grouped counts, territories' names (2); prevention (3);
# budget (1); contact requests (1); the Département's identity (1); the territories of the
# filter (1); the PDF panel's latest report (1); the session saved, in its savepoint (3).
DIRECTORATE_QUERIES = 28


@pytest.mark.parametrize("count", [1, 20])
def test_the_page_runs_the_same_queries_whatever_the_number_of_children(
    client, directorate, nord, django_assert_num_queries, count
):
    _children_in_care(count, nord)
    client.force_login(directorate)

    with django_assert_num_queries(DIRECTORATE_QUERIES):
        response = client.get(URL, READING)

    assert _total(response) == count


def test_the_administrator_enters_a_territory_s_population_in_the_admin(
    client, administrator, nord
):
    client.force_login(administrator)
    url = reverse("admin:welfare_populationestimate_add")
    assert client.get(url).status_code == 200

    fields = {"territory": nord.pk, "year": 2024, "source": "INSEE, estimations au 1er janvier"}
    refused = client.post(url, fields | {"under_21": 100, "under_18": 150})
    assert refused.status_code == 200  # more minors than under-21s: said next to the form
    assert "Les mineurs ne peuvent être plus nombreux" in refused.content.decode()

    client.post(url, fields | {"under_21": 1500, "under_18": 1200})
    assert PopulationEstimate.objects.get().under_21 == 1500


def test_the_headline_gives_the_key_figures_linked_to_their_blocks(client, directorate, nord):
    _children_in_care(3, nord)
    client.force_login(directorate)

    response = client.get(URL, READING)

    headline = {item.anchor: (item.label, item.value) for item in response.context["headline"]}
    assert headline["children_in_care"] == ("Enfants confiés", "3")
    assert list(headline) == [
        "children_in_care",
        "block-in_care_rates",
        "overdue_clocks",
        "block-concerns",
        "budget",
    ]
    html = response.content.decode()
    for anchor in headline:
        assert f'href="#{anchor}"' in html
        assert f'id="{anchor}"' in html
