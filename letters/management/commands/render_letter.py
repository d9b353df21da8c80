"""List the letter templates, or print one on a file to a PDF, with the pages' own rendering
(run on the server by an operator: it notes nothing in the access log, keeps nothing in the
file and gives no number; the letter a caseworker issues is numbered and kept)."""

import time
import uuid
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from letters import services
from letters.enums import FileKind
from letters.models import LetterTemplate
from placements.models import FosterCarer
from prevention.models import Concern
from welfare.models import Child

OPTIONS = {FileKind.CHILD: "child", FileKind.CARER: "carer", FileKind.CONCERN: "concern"}
MODELS = {FileKind.CHILD: Child, FileKind.CARER: FosterCarer, FileKind.CONCERN: Concern}


class Command(BaseCommand):
    help = (
        "Liste les modèles de courrier (--list) ou produit le PDF d'un modèle sur un dossier "
        "(--template CODE --child IDENTIFIANT | --carer IDENTIFIANT | --concern IDENTIFIANT "
        "--output F.pdf), sans passer par le portail."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Liste les codes des modèles.")
        parser.add_argument("--template", help="Code du modèle.")
        parser.add_argument("--child", help="Identifiant public (UUID) de l'enfant.")
        parser.add_argument("--carer", help="Identifiant (UUID ou numéro) de l'assistant familial.")
        parser.add_argument("--concern", help="Identifiant (UUID ou numéro) de l'IP.")
        parser.add_argument("--by", help="Identifiant de l'agent qui signe le dossier suivi.")
        parser.add_argument("--output", type=Path, help="Fichier PDF à écrire.")

    def handle(self, *args, **options):
        if options["list"]:
            for template in LetterTemplate.objects.order_by("code"):
                state = "" if template.active and template.previewed_at else " (non proposé)"
                self.stdout.write(
                    f"{template.code}\t{template.get_file_kind_display()}\t{template.name}{state}"
                )
            return
        if not options["template"] or not options["output"]:
            raise CommandError("Indiquez --list, ou --template CODE et --output F.pdf.")
        template = LetterTemplate.objects.filter(code=options["template"]).first()
        if template is None:
            raise CommandError(
                f"Aucun modèle « {options['template']} » : la liste est donnée par --list."
            )
        option = OPTIONS[template.file_kind]
        record = self._record(template.file_kind, options[option], option)
        author = self._author(options["by"], record)
        started = time.perf_counter()
        try:
            draft = services.letter_draft_build(
                template=template, record=record, author=author, today=timezone.localdate()
            )
        except ValidationError as refusal:
            raise CommandError(" ".join(refusal.messages)) from refusal
        content = services.letter_pdf(services.printed_letter(draft))
        options["output"].write_bytes(content)
        self.stdout.write(
            f"{options['output']} : {len(content) // 1024} Kio en "
            f"{time.perf_counter() - started:.1f} s."
        )

    def _record(self, kind, value, option):
        if not value:
            raise CommandError(f"Ce modèle se rédige depuis un dossier : indiquez --{option}.")
        model = MODELS[kind]
        try:
            lookup = {"public_id": uuid.UUID(value)}
        except ValueError:
            if kind == FileKind.CHILD or not value.isdigit():
                raise CommandError(f"Identifiant invalide : « {value} ».") from None
            lookup = {"pk": int(value)}
        record = model.objects.filter(**lookup).first()
        if record is None:
            raise CommandError(f"Aucun dossier « {value} ».")
        return record

    def _author(self, username, record):
        if username:
            author = get_user_model().objects.filter(username=username).first()
            if author is None:
                raise CommandError(f"Aucun agent « {username} ».")
            return author
        referent = getattr(record, "referent", None)
        if referent is None:
            raise CommandError("Indiquez l'agent qui suit le dossier : --by IDENTIFIANT.")
        return referent
