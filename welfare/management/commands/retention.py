"""``manage.py retention --list | --apply [--date AAAA-MM-JJ] [--by IDENTIFIANT]``: the files
whose last contact is more than the active period old (CNIL 2022-008, § 46), listed, or moved
to intermediate archiving. The rule itself is ``welfare.retention``; this only prints it."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from welfare.models import User
from welfare.retention import active_period_months, files_past_active_period
from welfare.services.children import retention_apply

SOURCE = "référentiel CNIL « protection de l'enfance », délibération n° 2022-008, § 46"


def _day(value: str | None) -> date:
    if not value:
        return timezone.localdate()
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date : date invalide « {value} » (attendu AAAA-MM-JJ).") from error


class Command(BaseCommand):
    help = (
        "Liste (--list) ou place en archivage intermédiaire (--apply) les dossiers sans contact "
        f"depuis plus que la durée de conservation en base active ({SOURCE})."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--list", dest="list_files", action="store_true", help="Lister les dossiers concernés."
        )
        action.add_argument(
            "--apply", action="store_true", help="Les placer en archivage intermédiaire."
        )
        parser.add_argument(
            "--date", dest="day", help="Jour de la décision (AAAA-MM-JJ), aujourd'hui par défaut."
        )
        parser.add_argument("--by", help="Identifiant de l'agent qui décide l'archivage.")

    def handle(self, *args, list_files, apply, day, by, **options):
        day = _day(day)
        months = active_period_months(day)
        if apply:
            agent = User.objects.filter(username=by).first() if by else None
            if by and agent is None:
                raise CommandError(f"--by : aucun compte « {by} ».")
            count = retention_apply(day=day, by=agent)
            self.stdout.write(
                f"{count} dossier(s) placé(s) en archivage intermédiaire au {day:%d/%m/%Y} "
                f"(plus de {months} mois sans contact, {SOURCE})."
            )
            return
        files = files_past_active_period(day=day, months=months).select_related("territory")
        rows = [
            (
                str(child.public_id),
                child.territory.name,
                f"{child.last_contact:%d/%m/%Y}",
                str(_months_between(child.last_contact, day)),
            )
            for child in files
        ]
        self.stdout.write(
            f"Dossiers sans contact depuis plus de {months} mois au {day:%d/%m/%Y} ({SOURCE}) : "
            f"{len(rows)}"
        )
        if rows:
            header = ("Identifiant", "Territoire", "Dernier contact", "Mois écoulés")
            widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
            for row in [header, *rows]:
                line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
                self.stdout.write(line.rstrip())


def _months_between(first: date, last: date) -> int:
    """Whole calendar months from ``first`` to ``last``."""
    delta = relativedelta(last, first)
    return delta.years * 12 + delta.months
