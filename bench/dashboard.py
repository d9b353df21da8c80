"""Time and queries of each section of the directorate's dashboard, and of a territory
manager's caseload "Mon activité", on the demo Département, then on the same records copied
several times over, to show that the cost follows the database's work, not a loop in Python.

Run by hand, with the project's environment, after loading the Jura demo:

    .venv/bin/python manage.py load_demo
    .venv/bin/python bench/dashboard.py            # the demo as loaded
    .venv/bin/python bench/dashboard.py --copies 9 # plus 9 copies of every child's file

The copies (children, measures, documents, placements) are written inside a transaction that
is rolled back at the end, and the tables vacuumed: the database is left as it was. For each
section it prints the median wall-clock time of 5 readings at 31 December 2022 (the whole
Département), the Python CPU time, and the number of queries.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAY = date(2022, 12, 31)
RUNS = 5


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welfare.settings")
    import django

    django.setup()


def _copy(cursor, model, replace: dict, params: list, where: str):
    """INSERT … SELECT of ``model``'s rows matching ``where``, every column as it is but those
    of ``replace`` (column → SQL expression); ``id`` is left to the identity unless replaced."""
    columns = [
        field.column
        for field in model._meta.concrete_fields
        if field.column != "id" or "id" in replace
    ]
    table = model._meta.db_table
    expressions = ", ".join(replace.get(column, column) for column in columns)
    cursor.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"SELECT {expressions} FROM {table} WHERE {where}",
        params,
    )


def copy_files(copies: int):
    """Copy every child with its measures, documents and placements ``copies`` times, in
    SQL (a few statements whatever the number of rows)."""
    from django.db import connection

    from placements.models import Placement
    from welfare.models import Child, Measure, StatutoryDocument

    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM welfare_child")
        (last_child,) = cursor.fetchone()
        cursor.execute("SELECT max(id) FROM welfare_measure")
        (last_measure,) = cursor.fetchone()
        uuid = "gen_random_uuid()"
        for copy in range(1, copies + 1):
            child, measure = f"child_id + {last_child * copy}", f"{last_measure * copy}"
            _copy(
                cursor,
                Child,
                {"id": f"id + {last_child * copy}", "public_id": uuid},
                [last_child],
                "id <= %s",
            )
            _copy(
                cursor,
                Measure,
                {
                    "id": f"id + {measure}",
                    "public_id": uuid,
                    "child_id": child,
                    "renews_id": f"renews_id + {measure}",
                },
                [last_child],
                "child_id <= %s",
            )
            _copy(
                cursor,
                StatutoryDocument,
                {"public_id": uuid, "child_id": child},
                [last_child],
                "child_id <= %s",
            )
            _copy(
                cursor,
                Placement,
                {"public_id": uuid, "child_id": child, "measure_id": f"measure_id + {measure}"},
                [last_child],
                "child_id <= %s",
            )
        # Fresh statistics, as autovacuum would gather them on a real database of that size.
        for model in (Child, Measure, StatutoryDocument, Placement):
            cursor.execute(f"ANALYZE {model._meta.db_table}")


def measure(label, function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    walls, cpus = [], []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            wall, cpu = time.perf_counter(), time.process_time()
            function()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    print(
        f"| {label} | {statistics.median(walls) * 1000:.0f} ms "
        f"| {statistics.median(cpus) * 1000:.0f} ms | {len(queries.captured_queries)} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=0)
    arguments = parser.parse_args()
    setup_django()
    from django.db import transaction

    from observatory.base import Params
    from observatory.blocks import SECTIONS
    from welfare.enums import Role
    from welfare.models import Child, User
    from welfare.selectors.children import caseload

    with transaction.atomic():
        copy_files(arguments.copies)
        children = Child.objects.count()
        in_care = Child.objects.in_care_on(DAY).count()
        print(f"{children} children's files, {in_care} in care on {DAY:%d/%m/%Y}\n")
        print("| reading | wall, median | Python CPU, median | queries |")
        print("|---|---|---|---|")
        params = Params(day=DAY, start=date(DAY.year, 1, 1), end=DAY, territory=None)
        for kind in SECTIONS:
            measure(f"dashboard: {kind.key}", lambda kind=kind: kind.section(params))
        manager = User.objects.filter(role=Role.TERRITORY_MANAGER).first()
        measure(
            f"caseload of the territory manager ({manager.territory.code})",
            lambda: caseload(user=manager, today=DAY),
        )
        transaction.set_rollback(True)
    if arguments.copies:
        # The rolled-back copies leave dead rows that would slow the next readings.
        from django.db import connection

        from placements.models import Placement
        from welfare.models import Measure, StatutoryDocument

        with connection.cursor() as cursor:
            for model in (Child, Measure, StatutoryDocument, Placement):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


if __name__ == "__main__":
    main()
