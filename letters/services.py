"""Writes of the letters: draft, edit, issue (the numbered PDF), record the sending; and the
one rendering shared by the pages, the command line and the bench."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from letters import closing, fields, merge
from letters.enums import Channel, FileKind, LetterStatus
from letters.models import Letter, LetterNumber, LetterSettings, LetterTemplate
from letters.rules import refuse_if_inappropriate
from welfare.models import Departement
from welfare.pdf import html_to_pdf, logo_data_uri
from welfare.services.children import refuse_if_archived

TEMPLATE_NAME = "pdf/letter.html"
# The letter's foreign key to its file, by kind of file.
_FILE_FIELD = {FileKind.CHILD: "child", FileKind.CARER: "foster_carer", FileKind.CONCERN: "concern"}


# --- Rendering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Printed:
    """What the PDF lays out: the texts of a letter, merged or as edited."""

    title: str
    recipient: str
    subject: str
    body: str
    number: str
    author: str
    day: date


def file_values(*, kind: str, record, author, today: date) -> dict[str, str]:
    """The merge fields' values for ``record`` (a child, a carer or a concern)."""
    builders = {
        FileKind.CHILD: fields.child_values,
        FileKind.CARER: fields.carer_values,
        FileKind.CONCERN: fields.concern_values,
    }
    return builders[kind](record, author=author, today=today)


def default_recipient(*, kind: str, recipient_kind: str, values: dict[str, str]) -> str:
    """The address block a draft starts with, from the file (edited as text afterwards)."""
    if recipient_kind == "parents":
        lines = [values.get("responsables_noms", ""), values.get("responsables_adresse", "")]
    elif recipient_kind == "carer":
        name = f"{values.get('assistant_prenom', '')} {values.get('assistant_nom', '')}"
        lines = [name.strip(), values.get("assistant_adresse", "")]
    elif recipient_kind == "judge":
        lines = [_("Madame, Monsieur le Juge des enfants"), values.get("mesure_juridiction", "")]
    elif recipient_kind == "child":
        name = f"{values.get('enfant_prenom', '')} {values.get('enfant_nom', '')}"
        lines = [name.strip()]
    else:
        lines = []
    return "\n".join(line for line in lines if line)


def letter_html(printed: Printed) -> str:
    """The letter as HTML for WeasyPrint: A4, the Département's letterhead and signature."""
    with translation.override(settings.LANGUAGE_CODE):
        departement = Departement.current()
        paragraphs = [part.strip() for part in printed.body.replace("\r\n", "\n").split("\n\n")]
        return render_to_string(
            TEMPLATE_NAME,
            {
                "printed": printed,
                "paragraphs": [part for part in paragraphs if part],
                "departement": departement,
                "logo": logo_data_uri(departement),
                "signature": LetterSettings.current(),
            },
        )


def letter_pdf(printed: Printed) -> bytes:
    return html_to_pdf(letter_html(printed))


def template_preview(*, template: LetterTemplate, author, today: date) -> Printed:
    """The template filled with the fictitious file's values (no one's data), as printed."""
    values = {**fields.sample_values(template.file_kind, today=today), "agent_nom": str(author)}
    return Printed(
        title=merge.merge(template.subject, values),
        recipient=default_recipient(
            kind=template.file_kind, recipient_kind=template.recipient_kind, values=values
        ),
        subject=merge.merge(template.subject, values),
        body=merge.merge(template.body, values),
        number=_("APERÇU"),
        author=str(author),
        day=today,
    )


def printed_letter(letter: Letter, *, number: str | None = None, day: date | None = None):
    return Printed(
        title=letter.subject,
        recipient=letter.recipient,
        subject=letter.subject,
        body=letter.body,
        number=number or letter.number or _("BROUILLON"),
        author=str(letter.issued_by or letter.created_by),
        day=day
        or (timezone.localdate(letter.issued_at) if letter.issued_at else timezone.localdate()),
    )


# What a template's preview shows: changing any of them calls for a new preview.
TEXT_FIELDS = ("file_kind", "subject", "body")


# --- Templates --------------------------------------------------------------------------------


@transaction.atomic
def letter_template_save(*, template: LetterTemplate | None, **values) -> LetterTemplate:
    """Create or change a template; refused with the line of each fault (``clean``). A change
    of its text must be previewed again before it is offered to the agents."""
    template = template or LetterTemplate()
    # Compared with the stored row: a model form has already set its values on the instance.
    stored = LetterTemplate.objects.filter(pk=template.pk).values(*TEXT_FIELDS).first() or {}
    changed = any(stored.get(name) != values[name] for name in TEXT_FIELDS if name in values)
    for name, value in values.items():
        setattr(template, name, value)
    if changed or not stored:
        template.previewed_at = None
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def letter_template_validate_preview(*, template: LetterTemplate) -> LetterTemplate:
    """The preview was read and accepted: the template may be offered to the agents."""
    template.previewed_at = timezone.now()
    template.save(update_fields=["previewed_at"])
    return template


# --- Letters ----------------------------------------------------------------------------------


def _refuse_archived(letter_or_record):
    child = getattr(letter_or_record, "child", None)
    if child is not None:
        refuse_if_archived(child)


def letter_draft_build(*, template: LetterTemplate, record, author, today: date) -> Letter:
    """The unsaved draft of ``template`` filled with ``record``'s data (a child, a carer or a
    concern of the template's kind): what the page saves and the command line prints."""
    kind = template.file_kind
    if kind == FileKind.CHILD:
        refuse_if_archived(record)
    refuse_if_inappropriate(template=template, record=record)
    values = file_values(kind=kind, record=record, author=author, today=today)
    return Letter(
        template=template,
        template_code=template.code,
        recipient_kind=template.recipient_kind,
        recipient=default_recipient(
            kind=kind, recipient_kind=template.recipient_kind, values=values
        ),
        subject=merge.merge(template.subject, values)[:300],
        body=merge.merge(template.body, values),
        created_by=author,
        **{_FILE_FIELD[kind]: record},
    )


@transaction.atomic
def letter_draft_create(*, template: LetterTemplate, record, author, today: date) -> Letter:
    """Save the draft, editable as text until it is issued."""
    letter = letter_draft_build(template=template, record=record, author=author, today=today)
    letter.full_clean()
    letter.save()
    return letter


def _refuse_unless_draft(letter: Letter):
    if not letter.is_draft:
        raise ValidationError(_("Ce courrier est déjà émis : il ne peut plus être modifié."))


@transaction.atomic
def letter_draft_update(*, letter: Letter, recipient: str, subject: str, body: str) -> Letter:
    """Change the draft's texts (the PDF is made from them when it is issued)."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    _refuse_unless_draft(letter)
    _refuse_archived(letter)
    letter.recipient, letter.subject, letter.body = recipient, subject, body
    letter.full_clean()
    letter.save(update_fields=["recipient", "subject", "body"])
    return letter


@transaction.atomic
def letter_draft_delete(*, letter: Letter) -> None:
    """Throw a draft away; an issued letter stays in the file for good."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    _refuse_unless_draft(letter)
    letter.delete()


def _next_number(year: int) -> str:
    counter, _created = LetterNumber.objects.select_for_update().get_or_create(year=year)
    # get_or_create's insert is not locked by the select: lock the row it made, or found.
    counter = LetterNumber.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{year}-{counter.last:05d}"


@transaction.atomic
def letter_issue(*, letter: Letter, by) -> Letter:
    """Issue the draft: number it (one sequence a year, without gaps), print its PDF and keep
    it in the file with who issued it and when. It can no longer be edited."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    _refuse_unless_draft(letter)
    _refuse_archived(letter)
    now = timezone.now()
    day = timezone.localdate(now)
    number = _next_number(day.year)
    letter.issued_by = by
    content = letter_pdf(printed_letter(letter, number=number, day=day))
    letter.status = LetterStatus.ISSUED
    letter.number = number
    letter.issued_at = now
    letter.pdf.save(f"courrier-{number}.pdf", ContentFile(content), save=False)
    letter.full_clean()
    letter.save(update_fields=["status", "number", "issued_at", "issued_by", "pdf"])
    return letter


@transaction.atomic
def letter_record_sending(
    *, letter: Letter, by, sent_on: date, channel: str, tracking_number: str = "", today: date
) -> Letter:
    """Record the day and the way the letter left; where its template closes a deadline
    (``letters.closing``), the deadline is closed in the same transaction."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.is_draft:
        raise ValidationError(_("Émettez le courrier avant d'en noter l'envoi."))
    if letter.sent_on is not None:
        raise ValidationError(_("L'envoi de ce courrier est déjà noté."))
    if sent_on > today:
        raise ValidationError({"sent_on": _("L'envoi ne peut être daté d'un jour à venir.")})
    if sent_on < timezone.localdate(letter.issued_at):
        raise ValidationError(
            {"sent_on": _("Le courrier ne peut être envoyé avant d'avoir été émis.")}
        )
    tracking_number = tracking_number.strip()
    if channel == Channel.REGISTERED and not tracking_number:
        raise ValidationError({"tracking_number": _("Indiquez le numéro du recommandé.")})
    letter.sent_on = sent_on
    letter.channel = channel
    letter.tracking_number = tracking_number if channel == Channel.REGISTERED else ""
    letter.sending_recorded_by = by
    letter.full_clean()
    letter.save(update_fields=["sent_on", "channel", "tracking_number", "sending_recorded_by"])
    action = closing.closing_action(letter.template_code)
    if action is not None:
        action(letter=letter, sent_on=sent_on, today=today)
    return letter
