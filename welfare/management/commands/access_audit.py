"""``manage.py access_audit --child UUID | --user IDENTIFIANT [--from DATE] [--to DATE]``:
every access to one child's file (allowed and refused) over a period, for the data protection
officer or a family exercising its right of access (art. 15 RGPD); or what one account read.

The dates are given as JJ/MM/AAAA or AAAA-MM-JJ, both days included.
"""

import uuid
from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from welfare.enums import AccessPurpose
from welfare.forms.dates import INPUT_FORMATS
from welfare.models import Child, User
from welfare.selectors.children import access_audit


def parse_day(value: str | None, option: str) -> date | None:
    """``value`` as a date, or a French error naming ``option``."""
    if value is None:
        return None
    # The formats every date field of the portal accepts.
    for pattern in INPUT_FORMATS:
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    raise CommandError(
        f"Date invalide pour {option} : « {value} ». Indiquez-la au format JJ/MM/AAAA "
        "ou AAAA-MM-JJ."
    )


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain-text table, its columns as wide as their longest cell."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = [headers, ["-" * width for width in widths], *rows]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


class Command(BaseCommand):
    help = (
        "Affiche chaque accès, autorisé ou refusé, au dossier d'un enfant (--child) ou par un "
        "compte (--user) sur une période : pour le délégué à la protection des données, ou "
        "une famille qui exerce son droit d'accès."
    )

    def add_arguments(self, parser):
        parser.add_argument("--child", help="Identifiant (UUID) du dossier de l'enfant.")
        parser.add_argument("--user", help="Identifiant de connexion d'un compte.")
        parser.add_argument(
            "--from", dest="first", help="Premier jour inclus (JJ/MM/AAAA ou AAAA-MM-JJ)."
        )
        parser.add_argument(
            "--to", dest="last", help="Dernier jour inclus (JJ/MM/AAAA ou AAAA-MM-JJ)."
        )

    def handle(self, *args, child, user, first, last, **options):
        if bool(child) == bool(user):
            raise CommandError("Indiquez soit --child, soit --user (l'un des deux seulement).")
        first, last = parse_day(first, "--from"), parse_day(last, "--to")
        if first and last and first > last:
            raise CommandError(
                f"Période vide : le --from ({first:%d/%m/%Y}) est postérieur au --to "
                f"({last:%d/%m/%Y})."
            )
        if child:
            subject = self._child(child)
            rows = access_audit(child=subject, first=first, last=last)
            title = f"Accès au dossier de {subject} ({subject.public_id})"
        else:
            subject = self._user(user)
            rows = access_audit(user=subject, first=first, last=last)
            title = f"Accès du compte {subject.username} ({subject})"
        self.stdout.write(f"{title}, {self._period(first, last)}")
        self._print(list(rows), by_child=bool(user))

    def _child(self, value: str) -> Child:
        try:
            public_id = uuid.UUID(value)
        except ValueError:
            raise CommandError(
                f"Identifiant de dossier invalide : « {value} » (un UUID est attendu)."
            ) from None
        child = Child.objects.filter(public_id=public_id).first()
        if child is None:
            raise CommandError(f"Aucun dossier d'enfant n'a l'identifiant {public_id}.")
        return child

    def _user(self, username: str) -> User:
        account = User.objects.filter(username=username).first()
        if account is None:
            raise CommandError(f"Aucun compte n'a l'identifiant « {username} ».")
        return account

    def _period(self, first, last) -> str:
        if first and last:
            return f"du {first:%d/%m/%Y} au {last:%d/%m/%Y}"
        if first:
            return f"depuis le {first:%d/%m/%Y}"
        if last:
            return f"jusqu'au {last:%d/%m/%Y}"
        return "depuis l'ouverture du journal"

    def _print(self, rows, *, by_child: bool):
        if not rows:
            self.stdout.write("Aucun accès sur la période.")
            return
        headers = ["Date et heure", "Compte", "Rôle"]
        if by_child:
            headers.append("Enfant")
        headers += ["Objet", "Précision", "Accès"]
        lines = []
        for entry in rows:
            line = [
                f"{timezone.localtime(entry.accessed_at):%d/%m/%Y %H:%M:%S}",
                entry.user.username,
                entry.user.get_role_display() or "—",
            ]
            if by_child:
                line.append(f"{entry.child} ({entry.child.public_id})")
            refused = entry.purpose == AccessPurpose.REFUSED
            line += [
                entry.get_purpose_display(),
                entry.detail or "—",
                "refusé" if refused else "autorisé",
            ]
            lines.append(line)
        self.stdout.write(table(headers, lines))
        refusals = sum(1 for entry in rows if entry.purpose == AccessPurpose.REFUSED)
        self.stdout.write(f"\n{len(rows)} accès, dont {refusals} refusé(s).")
