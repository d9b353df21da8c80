from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from welfare.demo_loaders import demo_loaders

DEPARTEMENTS = ("jura", "ain")


class Command(BaseCommand):
    help = "Charge le Département de démonstration (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--departement", choices=DEPARTEMENTS, default="jura")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Charger même quand DEBUG est désactivé (crée des comptes au mot de passe connu).",
        )
        parser.add_argument(
            "--only",
            help="Ne charger que ces jeux, séparés par des virgules (par exemple welfare,schemes).",
        )

    def handle(self, *args, departement, force, only=None, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG est désactivé : les comptes de démonstration ont un mot de passe connu. "
                "Relancez avec --force si c'est bien voulu."
            )
        try:
            loaders = demo_loaders(only.split(",") if only else None)
        except KeyError as error:
            raise CommandError(f"Jeu de démonstration inconnu : {error.args[0]}.") from None
        with transaction.atomic():
            for loader in loaders:
                loader.load(departement=departement, stdout=self.stdout)
            # Fresh statistics for the planner: without them the deadlines' statement, read
            # right after the load (the dashboard, the tests), plans for empty tables and takes
            # seconds instead of a fraction of one.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("Données de démonstration chargées."))
