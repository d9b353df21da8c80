"""``manage.py export_olinpe --year YYYY --output FILE [--quality]``: the national OLINPE
export of a year (CSV), or with ``--quality`` the files that lack what it needs."""

import csv
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from observatory.olinpe import data_quality, olinpe_write


class Command(BaseCommand):
    help = (
        "Écrit l'export OLINPE pseudonymisé d'une année (CSV), ou avec --quality la liste des "
        "dossiers auxquels il manque une information de l'export."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Année des événements.")
        parser.add_argument("--output", help="Fichier à écrire (par défaut la sortie standard).")
        parser.add_argument(
            "--quality", action="store_true", help="Rapport de qualité des données à la place."
        )

    def handle(self, *args, year, output, quality, **options):
        if not 1990 <= year <= timezone.localdate().year:
            raise CommandError(f"Année invalide : {year}.")
        if output:
            with open(output, "w", newline="", encoding="utf-8") as stream:
                message = self._write(stream, year, quality)
        else:
            message = self._write(sys.stdout, year, quality)
        self.stderr.write(message)

    def _write(self, stream, year, quality) -> str:
        if quality:
            return f"{self._quality(stream, year)} dossiers incomplets pour {year}."
        return f"Export OLINPE {year} : {olinpe_write(stream, year=year).lines} lignes."

    def _quality(self, stream, year) -> int:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["dossier", "territoire", "informations à compléter"])
        report = data_quality(year=year)
        for entry in report:
            child = entry.child
            writer.writerow([child.public_id, child.territory.code, " | ".join(entry.missing)])
        return len(report)
