"""Letters written from the files: the Département's templates, and each letter drafted,
issued (a numbered PDF kept in the file) and sent.

A template is reference data (it names nobody) and is edited in the portal or the admin; a
letter is nominative: it belongs to a child's file, a carer's file or an information
préoccupante, and is read only by those who may open that file.
"""

import uuid

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from letters import fields, merge
from letters.enums import Channel, FileKind, LetterStatus, RecipientKind
from placements.models import FosterCarer
from prevention.models import Concern
from welfare.models import Child


class LetterTemplateQuerySet(models.QuerySet):
    def usable(self):
        """Templates offered to caseworkers: active, and previewed since their last change."""
        return self.filter(active=True, previewed_at__isnull=False)

    def for_file(self, kind: str):
        return self.filter(file_kind=kind)


class LetterQuerySet(models.QuerySet):
    def for_user(self, user):
        """The letters of the files ``user`` may open: a child's file, a carer's or a concern,
        each scoped as its own pages are (another territory's letter is not found)."""
        return self.filter(
            Q(child__in=Child.objects.for_user(user))
            | Q(foster_carer__in=FosterCarer.objects.for_user(user))
            | Q(concern__in=Concern.objects.for_user(user))
        )

    def issued(self):
        return self.filter(status=LetterStatus.ISSUED)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class LetterTemplate(models.Model):
    code = models.SlugField(
        _("code"),
        max_length=60,
        unique=True,
        help_text=_("Identifiant court, utilisé par la ligne de commande (render_letter)."),
    )
    name = models.CharField(_("nom"), max_length=200)
    file_kind = models.CharField(
        _("dossier d'où il est rédigé"), max_length=16, choices=FileKind.choices
    )
    recipient_kind = models.CharField(
        _("destinataire"), max_length=20, choices=RecipientKind.choices
    )
    subject = models.CharField(_("objet"), max_length=300)
    body = models.TextField(
        _("texte"),
        help_text=_(
            "Texte brut : une ligne vide sépare deux paragraphes ; les champs s'écrivent "
            "{{ nom_du_champ }}, parmi la liste du type de dossier."
        ),
    )
    legal_reference = models.CharField(_("référence légale"), max_length=300, blank=True)
    active = models.BooleanField(_("proposé aux agents"), default=True)
    previewed_at = models.DateTimeField(
        _("aperçu validé le"),
        null=True,
        blank=True,
        help_text=_("Un modèle modifié n'est proposé qu'après la validation de son aperçu."),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = LetterTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("modèle de courrier")
        verbose_name_plural = _("modèles de courrier")
        constraints = [
            models.CheckConstraint(
                name="letter_template_file_kind_valid", condition=Q(file_kind__in=FileKind.values)
            ),
            models.CheckConstraint(
                name="letter_template_recipient_valid",
                condition=Q(recipient_kind__in=RecipientKind.values),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """Refuse a template that names anything outside its file's fields, or that is not
        plain text and fields, with the line of each fault."""
        allowed = fields.names_for(self.file_kind) if self.file_kind else frozenset()
        found = {}
        for field_name in ("subject", "body"):
            faults = merge.errors(getattr(self, field_name) or "", allowed)
            if faults:
                found[field_name] = [str(fault) for fault in faults]
        if found:
            raise ValidationError(found)


class LetterSettings(models.Model):
    """The signature block and the place printed on every letter; one row, edited in the
    admin (the letterhead itself is the Département's identity record)."""

    place = models.CharField(_("lieu d'édition (« Fait à »)"), max_length=120, blank=True)
    signature = models.TextField(
        _("bloc de signature"),
        default=_("Pour le Président du Conseil départemental et par délégation,"),
    )
    signatory = models.CharField(_("signataire"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("signature des courriers")
        verbose_name_plural = _("signature des courriers")
        constraints = [models.UniqueConstraint(models.Value(1), name="letter_settings_single_row")]

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls):
        """The row, or an unsaved default before the administrator has filled it in."""
        return cls.objects.first() or cls()


class LetterNumber(models.Model):
    """The last number given in a year; the row is locked while a letter takes the next."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year} : {self.last}"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Letter(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    template = models.ForeignKey(
        LetterTemplate, verbose_name=_("modèle"), on_delete=models.PROTECT, related_name="letters"
    )
    # Kept as it was when drafted: the closing action and the list read it, even if the
    # template is renamed later.
    template_code = models.SlugField(_("code du modèle"), max_length=60)
    child = models.ForeignKey(
        Child, on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    foster_carer = models.ForeignKey(
        FosterCarer, on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    concern = models.ForeignKey(
        Concern, on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    recipient_kind = models.CharField(
        _("destinataire"), max_length=20, choices=RecipientKind.choices
    )
    recipient = models.TextField(_("destinataire (nom et adresse)"), blank=True)
    subject = models.CharField(_("objet"), max_length=300)
    body = models.TextField(_("texte"))
    status = models.CharField(
        _("état"), max_length=10, choices=LetterStatus.choices, default=LetterStatus.DRAFT
    )
    number = models.CharField(_("numéro"), max_length=20, unique=True, null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="courriers/%Y/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rédigé par"),
        on_delete=models.PROTECT,
        related_name="letters_drafted",
    )
    created_at = models.DateTimeField(_("rédigé le"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("émis par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters_issued",
    )
    issued_at = models.DateTimeField(_("émis le"), null=True, blank=True)
    sent_on = models.DateField(_("envoyé le"), null=True, blank=True)
    channel = models.CharField(
        _("mode d'envoi"), max_length=12, choices=Channel.choices, blank=True
    )
    tracking_number = models.CharField(_("numéro du recommandé"), max_length=40, blank=True)
    sending_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("envoi noté par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters_sent",
    )

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("courrier")
        verbose_name_plural = _("courriers")
        constraints = [
            models.CheckConstraint(
                name="letter_one_file",
                condition=Q(child__isnull=False, foster_carer__isnull=True, concern__isnull=True)
                | Q(child__isnull=True, foster_carer__isnull=False, concern__isnull=True)
                | Q(child__isnull=True, foster_carer__isnull=True, concern__isnull=False),
                violation_error_message=_("Un courrier appartient à un seul dossier."),
            ),
            models.CheckConstraint(
                name="letter_issued_is_numbered",
                condition=Q(status=LetterStatus.DRAFT, number__isnull=True, issued_at__isnull=True)
                | Q(status=LetterStatus.ISSUED, number__isnull=False, issued_at__isnull=False),
                violation_error_message=_("Un courrier émis porte un numéro et une date."),
            ),
            models.CheckConstraint(
                name="letter_sent_only_when_issued",
                condition=Q(sent_on__isnull=True) | Q(status=LetterStatus.ISSUED),
                violation_error_message=_("Seul un courrier émis peut être envoyé."),
            ),
            models.CheckConstraint(
                name="letter_registered_has_number",
                condition=~Q(channel=Channel.REGISTERED) | ~Q(tracking_number=""),
                violation_error_message=_("Indiquez le numéro du recommandé."),
            ),
        ]

    def __str__(self):
        if self.number:
            return _("Courrier n° %(number)s") % {"number": self.number}
        return _("Brouillon : %(subject)s") % {"subject": self.subject}

    @property
    def file_kind(self) -> str:
        if self.child_id:
            return FileKind.CHILD
        if self.foster_carer_id:
            return FileKind.CARER
        return FileKind.CONCERN

    @property
    def is_draft(self) -> bool:
        return self.status == LetterStatus.DRAFT

    @property
    def file_name(self) -> str:
        return f"courrier-{self.number}.pdf"
