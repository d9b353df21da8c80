"""``manage.py indicators [--date YYYY-MM-DD] [--start …] [--end …] [--territory CODE]``:
the dashboard's figures as JSON, computed by the same function as the page."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from observatory.blocks import indicators
from observatory.forms import DashboardForm


class Command(BaseCommand):
    help = "Affiche en JSON les chiffres du tableau de bord (ceux de la page)."

    def add_arguments(self, parser):
        parser.add_argument("--date", dest="day", help="Date de situation (AAAA-MM-JJ).")
        parser.add_argument("--start", help="Début de la période (AAAA-MM-JJ).")
        parser.add_argument("--end", help="Fin de la période (AAAA-MM-JJ).")
        parser.add_argument("--territory", help="Code d'un territoire.")

    def handle(self, *args, day, start, end, territory, **options):
        form = DashboardForm(
            {"day": day or "", "start": start or "", "end": end or "", "territory": territory or ""}
        )
        if not form.is_valid():
            errors = "; ".join(
                f"{name} : {' '.join(messages)}" for name, messages in form.errors.items()
            )
            raise CommandError(errors)
        figures = indicators(form.params())
        self.stdout.write(json.dumps(figures, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
