"""What an import keeps: the mappings of the source's codes (reference data, edited in the
admin), the source key of every imported record, the jobs with their reports, and the legal
anomalies of the imported rows for the data-quality page."""

import uuid

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from records_import.enums import CodeList, JobStatus, RecordKind


def code_list_values(code_list: str) -> list[str] | None:
    """The portal's values a code of ``code_list`` may map to; ``None`` for the lists whose
    values are records (territories' codes, référents' logins), checked against the database."""
    from placements.enums import EstablishmentKind, PlaceKind, PlacementEndReason
    from prevention.enums import ConcernOutcome, ConcernSource, DangerKind
    from welfare.enums import (
        DecisionMaker,
        GuardianRelationship,
        MeasureEndReason,
        MeasureType,
        Sex,
    )

    choices = {
        CodeList.SEX: Sex,
        CodeList.GUARDIAN_RELATIONSHIP: GuardianRelationship,
        CodeList.MEASURE_TYPE: MeasureType,
        CodeList.DECISION_MAKER: DecisionMaker,
        CodeList.MEASURE_END_REASON: MeasureEndReason,
        CodeList.ESTABLISHMENT_KIND: EstablishmentKind,
        CodeList.PLACE_KIND: PlaceKind,
        CodeList.PLACEMENT_END_REASON: PlacementEndReason,
        CodeList.CONCERN_SOURCE: ConcernSource,
        CodeList.DANGER_KIND: DangerKind,
        CodeList.CONCERN_OUTCOME: ConcernOutcome,
    }.get(code_list)
    return None if choices is None else list(choices.values)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class CodeMapping(models.Model):
    """One code of the source's list and the portal's value it stands for. An import stops
    on a code with no row here, listing what to map: it never guesses."""

    code_list = models.CharField(_("liste de codes"), max_length=32, choices=CodeList.choices)
    source_code = models.CharField(_("code de la source"), max_length=100)
    target = models.CharField(
        _("valeur du portail"),
        max_length=150,
        help_text=_(
            "La valeur du portail : le code d'un territoire, l'identifiant d'un référent ou "
            "la valeur technique du choix (ex. « placement », « mecs »)."
        ),
    )
    note = models.CharField(_("remarque"), max_length=200, blank=True)

    class Meta:
        ordering = ["code_list", "source_code"]
        verbose_name = _("correspondance de code")
        verbose_name_plural = _("correspondances de codes")
        constraints = [
            models.UniqueConstraint(
                fields=["code_list", "source_code"],
                name="code_mapping_unique",
                violation_error_message=_("Ce code de la source a déjà une correspondance."),
            ),
            models.CheckConstraint(
                name="code_mapping_list_valid", condition=Q(code_list__in=CodeList.values)
            ),
        ]

    def __str__(self):
        return f"{self.get_code_list_display()} : {self.source_code} → {self.target}"

    def clean(self):
        values = code_list_values(self.code_list)
        if values is not None and self.target not in values:
            raise ValidationError(
                {
                    "target": _("Valeur inconnue du portail. Valeurs possibles : %(values)s.")
                    % {"values": ", ".join(values)}
                }
            )
        if self.code_list == CodeList.TERRITORY:
            from welfare.models import Territory

            if not Territory.objects.filter(code=self.target).exists():
                raise ValidationError({"target": _("Aucun territoire n'a ce code.")})
        if self.code_list == CodeList.REFERENT:
            from welfare.models import User

            if not User.objects.filter(username=self.target).exists():
                raise ValidationError({"target": _("Aucun compte n'a cet identifiant.")})


class ImportJob(models.Model):
    """A dry run or a real run of an extract, asked for by the administrator (or the command),
    with its progress and its report. A real run is the confirmation of a dry run."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    source = models.CharField(_("source"), max_length=60)
    dry_run = models.BooleanField(_("essai à blanc"))
    # The uploaded extract (a .zip); empty for a run of ``manage.py import_records`` on a path.
    archive = models.FileField(_("extraction"), upload_to="imports/", max_length=255, blank=True)
    confirms = models.ForeignKey(
        "self",
        verbose_name=_("confirme l'essai"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmations",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("état"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("lignes à traiter"), default=0)
    rows_done = models.PositiveIntegerField(_("lignes traitées"), default=0)
    report = models.JSONField(_("compte rendu"), default=dict, blank=True)
    error_message = models.TextField(_("motif"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    requested_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("import de données")
        verbose_name_plural = _("imports de données")
        constraints = [
            models.CheckConstraint(
                name="import_job_status_valid", condition=Q(status__in=JobStatus.values)
            ),
            models.CheckConstraint(
                name="import_job_failed_has_reason",
                condition=~Q(status=JobStatus.FAILED) | ~Q(error_message=""),
            ),
        ]

    def __str__(self):
        kind = _("Essai à blanc") if self.dry_run else _("Import")
        return f"{kind} {self.source} ({timezone.localtime(self.requested_at):%d/%m/%Y %H:%M})"

    @property
    def is_pending(self) -> bool:
        return self.status in JobStatus.pending()

    @property
    def progress_percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))


class ImportedRecord(models.Model):
    """The source key of one record the import wrote: the same extract run again finds its
    records here and changes nothing; a later one updates what its fingerprint says changed."""

    source = models.CharField(_("source"), max_length=60)
    kind = models.CharField(_("type d'enregistrement"), max_length=20, choices=RecordKind.choices)
    source_id = models.CharField(_("identifiant dans la source"), max_length=100)
    object_id = models.BigIntegerField(_("enregistrement du portail"))
    fingerprint = models.CharField(_("empreinte des valeurs importées"), max_length=40)
    job = models.ForeignKey(
        ImportJob,
        verbose_name=_("dernier import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("importé le"), default=timezone.now)

    class Meta:
        verbose_name = _("enregistrement importé")
        verbose_name_plural = _("enregistrements importés")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="imported_record_unique_key"
            ),
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="imported_record_one_key_per_object"
            ),
        ]

    def __str__(self):
        return f"{self.source} / {self.get_kind_display()} / {self.source_id}"


class ImportAnomaly(models.Model):
    """A row imported although it breaks a legal rule (durations, ages): history is not
    dropped, the territory corrects it. Replaced by each real run of the same source."""

    job = models.ForeignKey(
        ImportJob, verbose_name=_("import"), on_delete=models.CASCADE, related_name="anomalies"
    )
    source = models.CharField(_("source"), max_length=60)
    child = models.ForeignKey(
        "welfare.Child",
        verbose_name=_("enfant"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    file_name = models.CharField(_("fichier"), max_length=100)
    line = models.PositiveIntegerField(_("ligne"))
    column = models.CharField(_("colonne"), max_length=60, blank=True)
    source_id = models.CharField(_("identifiant dans la source"), max_length=100)
    message = models.TextField(_("règle et article"))

    class Meta:
        ordering = ["file_name", "line"]
        verbose_name = _("anomalie d'import")
        verbose_name_plural = _("anomalies d'import")

    def __str__(self):
        return f"{self.file_name}:{self.line} {self.message}"
