from time import monotonic

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from welfare import scale
from welfare.models import Child, Territory


class Command(BaseCommand):
    help = (
        "Construit un Département de synthèse de N dossiers d'enfants (mesures, documents, "
        "placements, lieux d'accueil, IP, interventions) pour mesurer le portail à l'échelle."
    )

    def add_arguments(self, parser):
        parser.add_argument("--files", type=int, required=True, help="nombre de dossiers")
        parser.add_argument("--territories", type=int, default=10)
        parser.add_argument("--seed", type=int, default=18)

    def handle(self, *args, files, territories, seed, **options):
        if files < 1 or territories < 1:
            raise CommandError("--files et --territories doivent être positifs.")
        if Child.objects.exists() or Territory.objects.exists():
            raise CommandError(
                "La base contient déjà des territoires ou des dossiers : le Département de "
                "synthèse se construit dans une base migrée et vide (createdb, migrate)."
            )
        started = monotonic()
        with transaction.atomic():
            scale.generate(files=files, territories=territories, seed=seed, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Département de synthèse : {files} dossiers en {monotonic() - started:.0f} s."
            )
        )
