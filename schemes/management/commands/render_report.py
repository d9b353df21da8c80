"""Render a plan or budget report to a file, synchronously, with the workers' own service."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schemes.models import Budget, Scheme
from schemes.reports.documents import BUDGET, PLAN
from schemes.reports.services import file_write_atomically, report_pdf


class Command(BaseCommand):
    help = (
        "Produit le rapport PDF d'un schéma (plan --scheme <identifiant>) ou d'un budget "
        "(budget --year AAAA) dans un fichier, sans passer par les workers."
    )

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="{plan,budget}")
        plan = kinds.add_parser("plan", help="Rapport d'un schéma ou plan.")
        plan.add_argument("--scheme", required=True, help="Identifiant du schéma (slug).")
        plan.add_argument("--output", required=True, type=Path, help="Fichier PDF à écrire.")
        budget = kinds.add_parser("budget", help="Rapport du budget d'une année.")
        budget.add_argument("--year", required=True, type=int, help="Exercice, par exemple 2023.")
        budget.add_argument("--output", required=True, type=Path, help="Fichier PDF à écrire.")

    def handle(self, *args, kind, output, **options):
        if kind == "plan":
            scheme = Scheme.objects.filter(slug=options["scheme"]).first()
            if scheme is None:
                known = ", ".join(Scheme.objects.values_list("slug", flat=True)) or "aucun"
                raise CommandError(f"Aucun schéma « {options['scheme']} ». Connus : {known}.")
            report_kind, parameters = PLAN, {"scheme": scheme.pk}
        else:
            if not Budget.objects.filter(year=options["year"]).exists():
                raise CommandError(f"Aucun budget pour l'année {options['year']}.")
            report_kind, parameters = BUDGET, {"year": options["year"]}
        started = time.perf_counter()
        content = report_pdf(kind=report_kind, parameters=parameters)
        file_write_atomically(path=output.resolve(), content=content)
        self.stdout.write(
            f"{output} : {len(content) // 1024} Kio en {time.perf_counter() - started:.1f} s."
        )
