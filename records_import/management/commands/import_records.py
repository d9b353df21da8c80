"""``python manage.py import_records PATH [--dry-run] [--source NAME]``: import a
Département's extract (a directory or a .zip, docs/import.md), all or nothing."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from records_import.engine import import_extract
from records_import.models import ImportJob
from records_import.reading import FileError
from records_import.services import mappings_load


class Command(BaseCommand):
    help = gettext_lazy("Importe l'extraction d'un logiciel (dossier ou .zip), tout ou rien.")

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help=gettext_lazy("Dossier ou archive .zip de l'extraction.")
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext_lazy("Essai à blanc : compte rendu complet, rien n'est enregistré."),
        )
        parser.add_argument(
            "--source",
            default="extraction",
            help=gettext_lazy(
                "Nom de la source (logiciel) ; ses identifiants relient les imports successifs."
            ),
        )
        parser.add_argument(
            "--mappings",
            help=gettext_lazy(
                "Fichier de correspondances de codes à charger d'abord "
                "(liste;code_source;valeur_portail;remarque)."
            ),
        )
        parser.add_argument(
            "--csv", help=gettext_lazy("Écrit aussi le compte rendu dans ce fichier CSV.")
        )

    def handle(self, *args, path=None, dry_run=False, source="extraction", **options):
        if options["mappings"]:
            try:
                count = mappings_load(path=options["mappings"])
            except (OSError, KeyError, ValidationError) as error:
                raise CommandError(
                    _("Correspondances non chargées : %(error)s") % {"error": error}
                ) from error
            self.stdout.write(_("%(count)d correspondances de codes chargées.") % {"count": count})
        if not path:
            if options["mappings"]:
                return
            raise CommandError(_("Indiquez le dossier ou l'archive .zip de l'extraction."))
        job = None if dry_run else ImportJob.objects.create(source=source, dry_run=False)
        try:
            report = import_extract(path=path, source=source, dry_run=dry_run, job=job)
        except FileError as error:
            raise CommandError(str(error)) from error
        if job is not None:
            job.report = report.as_dict()
            job.status = "stopped" if report.stopped else "done"
            job.save(update_fields=["report", "status"])
        for line in report.lines():
            self.stdout.write(line)
        if options["csv"]:
            with open(options["csv"], "w", encoding="utf-8", newline="") as handle:
                handle.write(report.as_csv())
        if report.stopped:
            raise CommandError(_("Import arrêté : rien n'a été enregistré."))
