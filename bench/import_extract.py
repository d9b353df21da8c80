"""Time and memory of an import at the scale of a whole Département (issue 19): an extract
of 25,000 children, 90,000 measures, 30,000 placements and 30,000 guardians, generated in the
example's format and codes, imported by ``records_import.engine.import_extract``.

Run by hand, with the project's environment, on a database that has the example's mappings
(``load_demo``, or ``import_records --mappings docs/import/correspondances_exemple.csv``) and
territories ``nord``, ``centre``, ``sud`` and accounts ``referent.nord``, ``referent.sud``:

    .venv/bin/python bench/import_extract.py                    # 25,000 children, dry run
    .venv/bin/python bench/import_extract.py --real             # the real run, then rolled back
    .venv/bin/python bench/import_extract.py --children 5000    # a fifth, to compare memory

Each run is in a fresh process; it prints the wall-clock and CPU seconds of the import and
the process's peak RSS. ``--real`` writes everything in its transaction, which is then deleted
again (the records of source ``bench``), so the database is left as it was.
"""

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ESTABLISHMENTS = 60
CARERS = 400
TERRITORIES = ("CIRC-DOLE", "CIRC-LONS", "CIRC-STCL")


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welfare.settings")
    import django

    django.setup()


def write(path, header, rows, encoding="utf-8", delimiter=";"):
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)


def generate(folder: Path, children: int) -> None:
    """The extract, written row by row: every child has 3 or 4 yearly judicial placements
    (measures renewing one another), one placement (a second one for one child in five), a
    mother, and a father for one child in five."""
    write(
        folder / "etablissements.csv",
        [
            "id_etablissement",
            "nom",
            "type",
            "capacite",
            "age_min",
            "age_max",
            "territoire",
            "adresse",
        ],
        (
            [f"ET{n}", f"MECS {n}", "MECS", 2000, 0, 20, TERRITORIES[n % 3], f"{n} rue Haute"]
            for n in range(ESTABLISHMENTS)
        ),
    )
    write(
        folder / "assistants_familiaux.csv",
        ["id_assfam", "nom", "prenom", "territoire", "adresse"],
        (
            [f"AF{n}", f"NOM{n}", "Anne", TERRITORIES[n % 3], f"{n} rue Basse"]
            for n in range(CARERS)
        ),
    )
    write(
        folder / "enfants.csv",
        ["id_enfant", "nom", "prenom", "date_naissance", "sexe", "territoire", "referent"],
        (
            [
                f"E{n}",
                f"NOM{n}",
                "Benoît" if n % 2 else "Léa",
                (date(2008, 1, 1) + timedelta(days=n % 4000)).strftime("%d/%m/%Y"),
                "1" if n % 2 else "2",
                TERRITORIES[n % 3],
                "JDUPONT" if n % 3 == 0 else "",
            ]
            for n in range(children)
        ),
        encoding="cp1252",
    )
    write(
        folder / "responsables.csv",
        ["id_responsable", "id_enfant", "lien", "nom", "prenom", "autorite_parentale"],
        (
            [f"R{n}-{k}", f"E{n}", "MERE" if k == 0 else "PERE", f"NOM{n}", "Claude", "O"]
            for n in range(children)
            for k in range(2 if n % 5 == 0 else 1)
        ),
    )

    def measures(n):
        start = date(2008, 1, 1) + timedelta(days=n % 4000 + 800)
        count = 4 if n % 5 < 3 else 3
        for k in range(count):
            begin = start + timedelta(days=365 * k)
            yield [
                f"M{n}-{k}",
                f"E{n}",
                "PLJ",
                "JE",
                begin.isoformat(),
                (begin + timedelta(days=364)).isoformat(),
                "Tribunal judiciaire",
                "REN" if k < count - 1 else "",
            ]

    write(
        folder / "mesures.csv",
        [
            "id_mesure",
            "id_enfant",
            "type",
            "decideur",
            "date_debut",
            "date_fin",
            "juridiction",
            "motif_fin",
        ],
        (row for n in range(children) for row in measures(n)),
        delimiter=",",
    )

    def placements(n):
        start = date(2008, 1, 1) + timedelta(days=n % 4000 + 800)
        if n % 5 == 0:
            middle = start + timedelta(days=365)
            yield [
                f"P{n}-0",
                f"E{n}",
                f"M{n}-0",
                "ETAB",
                f"ET{n % ESTABLISHMENTS}",
                "",
                start.isoformat(),
                middle.isoformat(),
                "CHGT",
            ]
            yield [
                f"P{n}-1",
                f"E{n}",
                f"M{n}-1",
                "AF",
                "",
                f"AF{n % CARERS}",
                middle.isoformat(),
                "",
                "",
            ]
        else:
            yield [
                f"P{n}-0",
                f"E{n}",
                f"M{n}-0",
                "AF",
                "",
                f"AF{n % CARERS}",
                start.isoformat(),
                "",
                "",
            ]

    write(
        folder / "placements.csv",
        [
            "id_placement",
            "id_enfant",
            "id_mesure",
            "type_lieu",
            "id_etablissement",
            "id_assfam",
            "date_arrivee",
            "date_depart",
            "motif_fin",
        ],
        (row for n in range(children) for row in placements(n)),
    )


def backend_cpu_seconds(connection) -> float | None:
    """CPU seconds of this connection's PostgreSQL backend (a server on this machine only)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=25_000)
    parser.add_argument("--real", action="store_true")
    options = parser.parse_args()
    setup_django()
    from django.db import connection, transaction

    from records_import.engine import import_extract
    from records_import.models import ImportedRecord

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        generate(Path(folder), options.children)
        print(f"Extraction générée en {time.perf_counter() - started:.1f} s.")
        server = backend_cpu_seconds(connection)
        wall, cpu = time.perf_counter(), time.process_time()
        with transaction.atomic():
            report = import_extract(path=folder, source="bench", dry_run=not options.real)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if server is not None:
                server = backend_cpu_seconds(connection) - server
            # The real run's records are not kept: the bench leaves the database as it was.
            transaction.set_rollback(True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for stats in report.files:
        print(
            f"{stats.file}: {stats.read} lues, {stats.created} créées, {stats.rejected} "
            f"rejetées, {stats.anomalies} anomalies"
        )
    mode = "import réel (annulé ensuite)" if options.real else "essai à blanc"
    server = "?" if server is None else f"{server:.1f}"
    print(
        f"{mode} : {report.totals['read']} lignes en {wall:.1f} s ({cpu:.1f} s CPU Python, "
        f"{server} s CPU PostgreSQL), RSS max {peak:.0f} Mio ; PostgreSQL {connection.pg_version}."
    )
    assert not ImportedRecord.objects.filter(source="bench").exists()


if __name__ == "__main__":
    main()
