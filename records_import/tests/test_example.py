"""The example extract of docs/import/exemple/ end to end: dry run, run, re-run, a later
extract, its faulty rows, an unmapped code, and a failure in the middle of a run."""

import shutil

import pytest
from django.core.management import CommandError, call_command

from placements.models import Agrement, Establishment, FosterCarer, Placement
from prevention.models import Concern
from records_import.engine import FileImport, import_extract
from records_import.enums import CodeList, RecordKind
from records_import.models import CodeMapping, ImportAnomaly, ImportedRecord, ImportJob
from records_import.report import ANOMALY, REJECTED
from records_import.selectors import import_anomalies
from records_import.tests.conftest import EXAMPLE
from welfare.models import Child, Guardian, Measure


def run(path=EXAMPLE, dry_run=False, job=None):
    return import_extract(path=path, source="exemple", dry_run=dry_run, job=job)


def counts():
    return {
        "children": Child.objects.count(),
        "guardians": Guardian.objects.count(),
        "measures": Measure.objects.count(),
        "placements": Placement.objects.count(),
        "establishments": Establishment.objects.count(),
        "carers": FosterCarer.objects.count(),
        "agrements": Agrement.objects.count(),
        "concerns": Concern.objects.count(),
        "keys": ImportedRecord.objects.count(),
    }


EMPTY = dict.fromkeys(
    [
        "children",
        "guardians",
        "measures",
        "placements",
        "establishments",
        "carers",
        "agrements",
        "concerns",
        "keys",
    ],
    0,
)
IMPORTED = {
    "children": 9,
    "guardians": 6,
    "measures": 10,
    "placements": 8,
    "establishments": 3,
    "carers": 2,
    "agrements": 2,
    "concerns": 1,
    "keys": 41,
}


def by_file(report):
    return {stats.file: stats for stats in report.files}


def test_a_dry_run_reports_what_the_run_would_do_and_writes_nothing(mapped):
    report = run(dry_run=True)

    files = by_file(report)
    assert (files["enfants.csv"].read, files["enfants.csv"].created) == (11, 9)
    assert (files["mesures.csv"].rejected, files["mesures.csv"].anomalies) == (2, 2)
    assert files["etablissements.xlsx"].created == 3
    assert report.totals["created"] == 41
    assert counts() == EMPTY


def test_a_run_imports_the_example_into_an_empty_departement(mapped, nord, referent_nord):
    report = run(job=ImportJob.objects.create(source="exemple", dry_run=False))

    assert not report.stopped
    assert counts() == IMPORTED
    lea = Child.objects.get(last_name="MARTIN")
    assert (lea.first_name, lea.territory, lea.referent) == ("Léa", nord, referent_nord)
    # enfants.csv is Windows-1252: its accents arrive whole.
    assert Child.objects.filter(first_name="Benoît", territory__code="centre").exists()
    assert lea.measures.get(start_date="2026-03-01").court.startswith("Tribunal judiciaire")
    assert Placement.objects.get(child=lea, end_date=None).foster_carer.last_name == "GIRARD"
    assert list(Concern.objects.get().children.all()) == [Child.objects.get(last_name="SIMON")]


def test_running_the_same_extract_again_changes_nothing(mapped):
    run()
    history = Child.pgh_event_model.objects.count()
    before = {model: list(model.objects.values()) for model in (Child, Measure, Placement)}

    report = run()

    assert report.totals["created"] == report.totals["updated"] == 0
    assert report.totals["unchanged"] == 41
    assert counts() == IMPORTED
    assert {model: list(model.objects.values()) for model in before} == before
    assert Child.pgh_event_model.objects.count() == history


def test_a_later_extract_updates_what_changed(mapped, tmp_path):
    run()
    later = tmp_path / "later"
    shutil.copytree(EXAMPLE, later)
    children = (later / "enfants.csv").read_text(encoding="cp1252")
    (later / "enfants.csv").write_text(
        children.replace("E1003;PETIT;Chloé", "E1003;PETIT-DURAND;Chloé"), encoding="cp1252"
    )

    report = run(path=later)

    assert by_file(report)["enfants.csv"].updated == 1
    assert report.totals["updated"] == 1
    assert report.totals["created"] == 0
    chloe = Child.objects.get(first_name="Chloé")
    assert chloe.last_name == "PETIT-DURAND"
    update = Child.pgh_event_model.objects.filter(pgh_obj=chloe, pgh_label="update").get()
    assert update.pgh_context.metadata["import_source"] == "exemple"
    assert counts() == IMPORTED


def test_faulty_rows_are_reported_by_file_line_and_column_with_their_reason(mapped):
    report = run(dry_run=True)

    rejected = {(e.file, e.line, e.column) for e in report.entries if e.level == REJECTED}
    assert rejected == {
        ("agrements.csv", 4, "places"),
        ("enfants.csv", 10, "date_naissance"),
        ("enfants.csv", 11, "date_naissance"),
        ("responsables.csv", 7, "lien"),
        ("mesures.csv", 11, "date_fin"),
        ("mesures.csv", 12, "id_enfant"),
        ("placements.csv", 8, "date_arrivee"),
        ("informations_preoccupantes.csv", 3, ""),
    }
    reasons = {(e.file, e.line): e.message for e in report.entries}
    assert "31/02/2015" in reasons[("enfants.csv", 11)]
    assert "E1099" in reasons[("mesures.csv", 12)]
    assert reasons[("placements.csv", 8)] == "L'enfant a déjà un placement sur cette période."
    assert "L421-5" in reasons[("agrements.csv", 4)]


def test_rows_breaking_a_legal_rule_are_imported_and_listed_with_the_article(mapped):
    job = ImportJob.objects.create(source="exemple", dry_run=False)
    report = run(job=job)

    anomalies = {
        (e.file, e.line, e.column): e.message for e in report.entries if e.level == ANOMALY
    }
    assert set(anomalies) == {
        ("mesures.csv", 6, "date_fin"),
        ("mesures.csv", 7, "date_debut"),
        ("placements.csv", 10, "id_mesure"),
    }
    assert "art. 375 du Code civil" in anomalies[("mesures.csv", 6, "date_fin")]
    assert "L222-5" in anomalies[("mesures.csv", 7, "date_debut")]
    benoit = Child.objects.get(first_name="Benoît")
    assert benoit.measures.count() == 2
    assert set(ImportAnomaly.objects.values_list("child", flat=True)) == {
        benoit.pk,
        Child.objects.get(first_name="Jade").pk,
    }


def test_the_data_quality_page_reads_the_anomalies_of_the_users_territory(
    mapped, responsable_nord, administrator
):
    run(job=ImportJob.objects.create(source="exemple", dry_run=False))

    own = import_anomalies(user=responsable_nord)
    assert [(row.child.first_name, row.origin) for row in own] == [
        ("Jade", "placements.csv, ligne 10")
    ]
    assert len(import_anomalies(user=administrator)) == 3


def test_a_corrected_row_stops_being_an_anomaly_at_the_next_run(mapped, tmp_path):
    run(job=ImportJob.objects.create(source="exemple", dry_run=False))
    later = tmp_path / "later"
    shutil.copytree(EXAMPLE, later)
    measures = (later / "mesures.csv").read_text(encoding="utf-8-sig")
    (later / "mesures.csv").write_text(
        measures.replace("2023-01-10,2026-01-09", "2023-01-10,2025-01-04"), encoding="utf-8-sig"
    )

    run(path=later, job=ImportJob.objects.create(source="exemple", dry_run=False))

    assert ImportAnomaly.objects.count() == 2
    assert not ImportAnomaly.objects.filter(file_name="mesures.csv", line=6).exists()


def test_an_unmapped_code_stops_the_run_with_the_codes_to_map(mapped):
    CodeMapping.objects.filter(code_list=CodeList.MEASURE_TYPE, source_code="PLJ").delete()
    CodeMapping.objects.filter(code_list=CodeList.SEX, source_code="2").delete()

    report = run()

    assert len(report.stopped) == 2
    assert "Type de mesure" in report.stopped[0] and ": PLJ." in report.stopped[0]
    assert "Sexe" in report.stopped[1] and ": 2." in report.stopped[1]
    assert counts() == EMPTY


def test_a_failure_in_the_middle_of_a_run_leaves_the_database_as_it_was(mapped, monkeypatch):
    write = FileImport.write

    def failing_write(self, items):
        if self.spec.kind == RecordKind.PLACEMENT:
            raise RuntimeError("disk full")
        return write(self, items)

    monkeypatch.setattr(FileImport, "write", failing_write)

    with pytest.raises(RuntimeError):
        run()

    assert counts() == EMPTY


def found_martin(*, children):
    """A stand-in of the duplicate detection: every MARTIN is a possible duplicate."""
    return [
        (child, "Doublon possible : MARTIN") for child in children if child.last_name == "MARTIN"
    ]


def test_possible_duplicates_found_by_the_registered_check_are_anomalies(mapped, settings):
    settings.IMPORT_DUPLICATE_CHECK = "records_import.tests.test_example.found_martin"

    report = run(dry_run=True)

    assert [(e.file, e.line, e.message) for e in report.entries if "Doublon" in e.message] == [
        ("enfants.csv", 2, "Doublon possible : MARTIN")
    ]


def test_the_command_prints_the_dry_run_and_writes_its_csv(mapped, tmp_path, capsys):
    target = tmp_path / "compte-rendu.csv"

    call_command(
        "import_records", str(EXAMPLE), "--dry-run", "--source", "exemple", "--csv", target
    )

    output = capsys.readouterr().out
    assert "Essai à blanc : rien n'est enregistré." in output
    assert "enfants.csv : 11 lignes lues, 9 à créer" in output
    assert "mesures.csv, ligne 11, colonne date_fin (Ligne rejetée)" in output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "\ufeffFichier;Ligne;Colonne;Identifiant;Type;Motif"
    assert len(lines) == 1 + 11
    assert counts() == EMPTY


def test_the_command_imports_from_a_zip(mapped, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "extraction"), "zip", EXAMPLE)

    call_command("import_records", archive, "--source", "exemple")

    assert counts() == IMPORTED
    assert ImportJob.objects.get().report["totals"]["created"] == 41


def test_the_command_stops_on_an_unmapped_code(mapped):
    CodeMapping.objects.filter(code_list=CodeList.TERRITORY, source_code="CIRC-LONS").delete()

    with pytest.raises(CommandError, match="rien n'a été enregistré"):
        call_command("import_records", str(EXAMPLE), "--source", "exemple")

    assert counts() == EMPTY


def test_the_anomalies_reach_the_data_quality_registry_of_the_core(mapped, responsable_nord):
    from welfare import data_quality

    run(job=ImportJob.objects.create(source="exemple", dry_run=False))

    assert import_anomalies in data_quality.anomaly_sources()
    rows = data_quality.anomalies_for(user=responsable_nord)
    assert [row.message[:25] for row in rows] == ["La mesure (Aide éducative"]
