"""The national OLINPE export, its pseudonymisation, the code table, the data-quality report
and the observatory's pages."""

import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from observatory import olinpe
from observatory.tests import world
from welfare.enums import MeasureEndReason, MeasureType, Role
from welfare.models import NationalCode
from welfare.observatory_enums import NationalVariable
from welfare.tests.factories import ChildFactory, MeasureFactory

pytestmark = pytest.mark.django_db

KEY = "clé de test"
OTHER_KEY = "une autre clé"


@pytest.fixture
def children(departement, nord, sud):
    return world.build(nord, sud)


def _rows(year=2024, key=KEY):
    return olinpe.olinpe_rows(year=year, key=key, today=date(2025, 3, 1))


def test_one_child_has_one_identifier_under_one_key(children):
    mine = olinpe.pseudonym(children["n6"].public_id, key=KEY)

    rows = [row for row in _rows() if row["NUMANONYM"] == mine]

    assert len(rows) == 1  # the renewal of 01/03/2024
    assert rows[0]["TYPEV"] == "2"


def test_another_key_gives_other_identifiers(children):
    first = {row["NUMANONYM"] for row in _rows(key=KEY)}
    second = {row["NUMANONYM"] for row in _rows(key=OTHER_KEY)}

    assert len(first) == len(second)
    assert not first & second


def test_the_key_comes_from_the_settings_by_default(children, settings):
    settings.PSEUDONYMISATION_KEY = KEY

    rows = olinpe.olinpe_rows(year=2024, today=date(2025, 3, 1))

    assert {row["NUMANONYM"] for row in rows} == {row["NUMANONYM"] for row in _rows(key=KEY)}


def test_the_file_holds_no_name_nor_full_birth_date(children, settings):
    settings.PSEUDONYMISATION_KEY = KEY
    stream = io.StringIO()

    olinpe.olinpe_write(stream, year=2024)

    text = stream.getvalue()
    for child in children.values():
        assert child.last_name not in text
        assert child.first_name not in text
        assert f"{child.birth_date:%d/%m/%Y}" not in text
        assert child.birth_date.isoformat() not in text
        assert str(child.public_id) not in text


def test_it_lists_the_year_s_events(children):
    events = sorted((row["TYPEV"], row["DATEV"]) for row in _rows())

    # Begun: n1 10/01, x1 (AED) 15/01, n3 01/02, n5 01/04; renewed: n6 01/03; ended: x2 31/05.
    assert events == [
        ("1", "01/02/2024"),
        ("1", "01/04/2024"),
        ("1", "10/01/2024"),
        ("1", "15/01/2024"),
        ("2", "01/03/2024"),
        ("3", "31/05/2024"),
    ]


def test_it_gives_month_and_year_of_birth_and_national_codes(children):
    n5 = olinpe.pseudonym(children["n5"].public_id, key=KEY)

    row = next(row for row in _rows() if row["NUMANONYM"] == n5)

    assert (row["ANAIS"], row["MNAIS"], row["SEXE"]) == ("2016", "08", "2")
    codes = NationalCode.objects.as_mapping()
    assert row["DECISION"] == codes[NationalVariable.DECISION]["administrative"]
    assert row["NATPDECADM"] == codes[NationalVariable.NATPDECADM][MeasureType.PROVISIONAL_CARE]
    assert row["NATDECASSED"] == ""
    assert row["LIEUACC"] == codes[NationalVariable.LIEUACC]["foster_carer"]
    assert (row["DATDEBMES"], row["DATDEBACC"]) == ("01/04/2024", "01/04/2024")


def test_an_end_carries_its_reason(children):
    row = next(row for row in _rows() if row["TYPEV"] == "3")

    codes = NationalCode.objects.as_mapping()
    assert row["MOTFININT"] == codes[NationalVariable.MOTFININT][MeasureEndReason.RETURN_HOME]
    assert row["DATFINACC"] == "31/05/2024"


def test_the_codes_are_data_the_admin_corrects(children):
    NationalCode.objects.filter(variable=NationalVariable.LIEUACC, local_value="fde").update(
        code="FDE9", verified=True
    )
    n6 = olinpe.pseudonym(children["n6"].public_id, key=KEY)

    row = next(row for row in _rows() if row["NUMANONYM"] == n6)

    assert row["LIEUACC"] == "FDE9"


def test_every_local_value_has_a_row_after_migrate(db):
    assert NationalCode.objects.filter(variable=NationalVariable.LIEUACC).count() == 8
    assert set(
        NationalCode.objects.filter(variable=NationalVariable.SEXE).values_list("code", flat=True)
    ) == {"1", "2"}


def test_only_the_codes_read_in_the_annex_are_marked_verified(db):
    # Annexe 2-8 CASF: SEXE 1 Garçon / 2 Fille; yes/no answers 1 Non / 2 Oui.
    verified = set(
        NationalCode.objects.filter(verified=True).values_list("variable", "local_value", "code")
    )
    assert verified == {
        (NationalVariable.SEXE, "M", "1"),
        (NationalVariable.SEXE, "F", "2"),
        (NationalVariable.YES_NO, "false", "1"),
        (NationalVariable.YES_NO, "true", "2"),
    }


def test_the_export_runs_the_same_queries_whatever_the_number_of_measures(
    children, nord, django_assert_num_queries
):
    with django_assert_num_queries(5):
        olinpe.olinpe_rows(year=2024, key=KEY)
    for _ in range(5):
        MeasureFactory(child=ChildFactory(territory=nord), start_date=date(2024, 2, 2))

    # Codes, Département, measures, their children's placements and PPE.
    with django_assert_num_queries(5):
        olinpe.olinpe_rows(year=2024, key=KEY)


def test_the_command_writes_the_csv(children, tmp_path, settings):
    settings.PSEUDONYMISATION_KEY = KEY
    path = tmp_path / "olinpe.csv"

    call_command("export_olinpe", "--year", "2024", "--output", str(path))

    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=";"))
    assert len(rows) == 6
    assert rows[0]["NUMDEP"] == "39"


# --- Data quality -----------------------------------------------------------------------------


def test_the_quality_report_lists_what_each_file_lacks(children, nord):
    lapsed = ChildFactory(territory=nord, disability=True)
    MeasureFactory(child=lapsed, start_date=date(2023, 9, 1), end_date=date(2024, 8, 31))

    report = {
        entry.child: entry.missing
        for entry in olinpe.data_quality(year=2024, today=date(2025, 3, 1))
    }

    measure = "de la mesure « Placement (art. 375-3 du Code civil) » du 01/09/2023"
    assert report[lapsed] == [
        "Date de la décision MDPH (DATDECMDPH)",
        f"Motif de fin {measure} (MOTFININT)",
        f"Lieu d'accueil {measure} (LIEUACC)",
        "Projet pour l'enfant (PROJET)",
    ]
    # n4's young adult support has no place on record; n6's renewal keeps its placement.
    assert any("LIEUACC" in item for item in report[children["n4"]])
    assert report[children["n6"]] == ["Projet pour l'enfant (PROJET)"]


def test_the_quality_command_names_files_by_identifier_only(children, capsys):
    call_command("export_olinpe", "--year", "2024", "--quality")

    out = capsys.readouterr().out
    assert str(children["n4"].public_id) in out
    assert children["n4"].last_name not in out


# --- Pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role", [Role.CASEWORKER, Role.TERRITORY_MANAGER, Role.RECEPTION, Role.PREVENTION_OFFICER]
)
def test_only_the_directorate_reaches_the_observatory(client, cast, role):
    client.force_login(cast[role])

    assert client.get(reverse("dashboard:observatory")).status_code == 403
    assert client.get(reverse("dashboard:olinpe_export")).status_code == 403


def test_the_directorate_downloads_the_export(client, directorate, children, settings):
    settings.PSEUDONYMISATION_KEY = KEY
    client.force_login(directorate)

    response = client.get(reverse("dashboard:olinpe_export"), {"year": "2024"})

    assert response["Content-Disposition"] == 'attachment; filename="olinpe_39_2024.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode()), delimiter=";"))
    assert len(rows) == 6


def test_the_observatory_counts_the_events_and_warns_of_unverified_codes(
    client, directorate, children
):
    client.force_login(directorate)

    response = client.get(reverse("dashboard:observatory"), {"year": "2024"})

    assert response.context["lines"] == 6
    assert dict(response.context["events"])["Renouvellement d'une mesure ou d'une prestation"] == 1
    assert "pas encore été vérifiés" in response.content.decode()


@pytest.mark.parametrize("year", ["2999", "abc", "1200"])
def test_a_bad_year_is_a_form_error(client, directorate, year):
    client.force_login(directorate)

    response = client.get(reverse("dashboard:observatory"), {"year": year})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get(reverse("dashboard:olinpe_export"), {"year": year}).status_code == 400


def test_the_directorate_reads_the_quality_report_without_names(client, directorate, children):
    client.force_login(directorate)

    response = client.get(reverse("dashboard:quality"), {"year": "2024"})

    html = response.content.decode()
    assert str(children["n4"].public_id)[:8] in html
    assert children["n4"].last_name.upper() not in html
    assert reverse("children:detail", args=[children["n4"].public_id]) not in html


def test_a_territory_manager_reads_his_territory_s_quality_report_by_name(
    client, responsable_nord, children
):
    client.force_login(responsable_nord)

    response = client.get(reverse("dashboard:quality"), {"year": "2024", "territory": "sud"})

    entries = response.context["page"].object_list
    assert {entry.child.territory for entry in entries} <= {responsable_nord.territory}
    assert children["n4"] not in [entry.child for entry in entries]  # Sud's
