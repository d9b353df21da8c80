"""Children in care: the child's file, holders of parental authority, measures, statutory
documents, the dated legal thresholds they are checked against, and the read log."""

import uuid
from datetime import date

import pghistory
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Concat, Lower, Replace, Trim
from django.utils.translation import gettext_lazy as _

from welfare.access_purposes import purpose_choices
from welfare.enums import (
    AccessPurpose,
    DecisionMaker,
    DocumentKind,
    GuardianRelationship,
    LegalParameterKey,
    MeasureEndReason,
    MeasureNature,
    MeasureType,
    PlacementBasis,
    Role,
    Sex,
)
from welfare.models.core import Recorded, Timestamped
from welfare.rules import measure_errors
from welfare.validators import validate_phone


class ImmutableUnaccent(models.Func):
    """``unaccent`` wrapped as IMMUTABLE (migration 0002) so that a trigram index can use it."""

    function = "welfare_unaccent"
    output_field = models.TextField()


def search_key(expression):
    """The lower-case, accent-free text that name search compares, computed by PostgreSQL."""
    return Lower(ImmutableUnaccent(expression))


def name_search_key():
    """``search_key`` of "first name last name": the expression the trigram index holds."""
    return search_key(Concat(F("first_name"), models.Value(" "), F("last_name")))


def person_key(first_name, last_name):
    """The key that tells whether two entries name the same person: first and last names,
    lower-case, accent-free, hyphens read as spaces (a "Jean-Pierre" is a "Jean Pierre")."""
    full = Concat(Trim(first_name), models.Value(" "), Trim(last_name))
    return search_key(Replace(full, models.Value("-"), models.Value(" ")))


# --- QuerySets --------------------------------------------------------------------------------


class LegalParameterQuerySet(models.QuerySet):
    def in_force_on(self, day: date) -> dict:
        """Every threshold's value in force on ``day`` (one query)."""
        return LegalParameterSet(self.all()).on(day)

    def value_on(self, key: str, day):
        """The value of ``key`` in force on ``day`` as an SQL expression, for a query that
        compares many rows at once: ``day`` is a date or an expression of the outer row
        (``OuterRef("granted_on")``). Same rule as ``LegalParameterSet.value``: the latest row
        dated on or before ``day``, else the oldest one."""
        rows = self.filter(key=key).order_by()
        dated = rows.filter(valid_from__lte=day).order_by("-valid_from").values("value")[:1]
        oldest = rows.order_by("valid_from").values("value")[:1]
        field = models.IntegerField()
        return Coalesce(Subquery(dated, output_field=field), Subquery(oldest, output_field=field))


class LegalParameterSet:
    """All dated rows at once, to look up many dates without a query each."""

    def __init__(self, rows):
        self._rows = {}
        for row in sorted(rows, key=lambda row: row.valid_from):
            self._rows.setdefault(row.key, []).append(row)

    def value(self, key: str, day: date) -> int:
        """The value of ``key`` in force on ``day``; the oldest known one before any is dated."""
        rows = self._rows.get(key)
        if not rows:
            raise LookupError(f"Paramètre légal manquant : {key}")
        current = rows[0]
        for row in rows:
            if row.valid_from > day:
                break
            current = row
        return current.value

    def reference(self, key: str, day: date) -> str:
        """The legal reference of the value of ``key`` in force on ``day``."""
        rows = [row for row in self._rows.get(key, []) if row.valid_from <= day]
        return (rows or self._rows[key])[-1].legal_reference

    def on(self, day: date) -> dict:
        return {key: self.value(key, day) for key in self._rows}


class ChildQuerySet(models.QuerySet):
    def for_user(self, user):
        """The children this user may open: the active base of their territory for case roles,
        the files in intermediate archiving (and only those) for the archivist, none
        otherwise (CNIL 2022-008, § 46: archived data is read by specifically authorised
        people only)."""
        if not user.is_authenticated:
            return self.none()
        if user.role == Role.ARCHIVIST:
            return self.archived()
        if user.is_administrator:
            return self.active_base()
        if user.role in (Role.CASEWORKER, Role.TERRITORY_MANAGER) and user.territory_id:
            return self.active_base().filter(territory_id=user.territory_id)
        return self.none()

    def active_base(self, day: date | None = None):
        """Files of the active base, which every list, search and deadline of current work
        reads: not moved to intermediate archiving, or, on a past ``day``, not moved by then
        (a past day's figures stay as they were published)."""
        if day is None:
            return self.filter(archived_at__isnull=True)
        return self.filter(Q(archived_at__isnull=True) | Q(archived_at__date__gt=day))

    def archived(self):
        """Files moved to intermediate archiving: read-only, for the archivist."""
        return self.filter(archived_at__isnull=False)

    def in_care_on(self, day: date):
        """Children confiés or accueillis on ``day``: under a care measure active that day."""
        return self.filter(
            Exists(Measure.objects.active_on(day).care().filter(child=OuterRef("pk")))
        )

    def followed_on(self, day: date):
        """Children under any measure on ``day``, or whose last measure ran out undecided."""
        return self.filter(
            Exists(
                Measure.objects.filter(child=OuterRef("pk"), start_date__lte=day).filter(
                    Q(end_date__isnull=True) | Q(end_date__gte=day) | Q(end_reason="")
                )
            )
        )

    def search(self, text: str):
        """Children whose names contain every word of ``text``, ignoring accents and case."""
        queryset = self.annotate(search_name=name_search_key())
        for word in text.split():
            queryset = queryset.filter(search_name__contains=search_key(models.Value(word)))
        return queryset


class GuardianQuerySet(models.QuerySet):
    def same_person(self, first_name: str, last_name: str):
        """Guardians named ``first_name last_name``, ignoring case, accents, hyphens and the
        order of the names (a first name typed as the last name)."""
        typed = person_key(models.Value(first_name), models.Value(last_name))
        inverted = person_key(models.Value(last_name), models.Value(first_name))
        return self.annotate(person=person_key(F("first_name"), F("last_name"))).filter(
            Q(person=typed) | Q(person=inverted)
        )


class MeasureQuerySet(models.QuerySet):
    def active_on(self, day: date):
        """Measures started on or before ``day`` and not ended before it."""
        return self.filter(start_date__lte=day).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )

    def judicial(self):
        return self.filter(nature=MeasureNature.JUDICIAL)

    def administrative(self):
        return self.filter(nature=MeasureNature.ADMINISTRATIVE)

    def care(self):
        """Measures under which the child is confié or accueilli."""
        return self.filter(type__in=MeasureType.care())

    def of_type(self, *types):
        return self.filter(type__in=types)

    def not_renewed(self):
        """Measures no later measure renews."""
        return self.filter(~Exists(Measure.objects.filter(renews=OuterRef("pk"))))

    def ending_between(self, first: date, last: date):
        """Measures whose end date falls between ``first`` and ``last``, both included."""
        return self.filter(end_date__gte=first, end_date__lte=last)


class AccessLogQuerySet(models.QuerySet):
    def for_child(self, child):
        return self.filter(child=child).select_related("user").order_by("-accessed_at")

    def refused(self):
        return self.filter(purpose=AccessPurpose.REFUSED)

    def between(self, first: date | None, last: date | None):
        """Rows of the days from ``first`` to ``last``, both included (either may be open)."""
        rows = self
        if first is not None:
            rows = rows.filter(accessed_at__date__gte=first)
        if last is not None:
            rows = rows.filter(accessed_at__date__lte=last)
        return rows


# --- Models -----------------------------------------------------------------------------------


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class LegalParameter(models.Model):
    """A legal threshold and the date from which it applies; a change of law adds a row."""

    key = models.CharField(_("paramètre"), max_length=40, choices=LegalParameterKey.choices)
    value = models.PositiveSmallIntegerField(_("valeur"))
    valid_from = models.DateField(_("en vigueur à partir du"))
    legal_reference = models.CharField(_("référence légale"), max_length=200)

    objects = LegalParameterQuerySet.as_manager()

    class Meta:
        ordering = ["key", "-valid_from"]
        verbose_name = _("paramètre légal")
        verbose_name_plural = _("paramètres légaux")
        constraints = [
            models.UniqueConstraint(fields=["key", "valid_from"], name="legal_parameter_unique"),
            models.CheckConstraint(
                name="legal_parameter_key_valid", condition=Q(key__in=LegalParameterKey.values)
            ),
        ]

    def __str__(self):
        return f"{self.get_key_display()} : {self.value} ({self.valid_from:%d/%m/%Y})"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Child(Timestamped):
    """A child or young adult the Département follows; its file is opened by ``public_id``."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    birth_date = models.DateField(_("date de naissance"))
    sex = models.CharField(_("sexe"), max_length=1, choices=Sex.choices)
    territory = models.ForeignKey(
        "welfare.Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        related_name="children",
    )
    referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("référent ASE"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
    )
    disability = models.BooleanField(_("handicap reconnu"), default=False)
    mdph_decision_date = models.DateField(_("date de la décision MDPH"), null=True, blank=True)
    unaccompanied_minor = models.BooleanField(_("mineur non accompagné"), default=False)
    siblings = models.ManyToManyField(
        "self", verbose_name=_("frères et sœurs"), symmetrical=True, blank=True
    )
    # Intermediate archiving (CNIL 2022-008, § 46): set by ``manage.py retention --apply``
    # once the last contact is older than the active period; nothing is ever destroyed here.
    archived_at = models.DateTimeField(_("archivé le"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("archivé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    legal_hold = models.BooleanField(_("maintenu en base active"), default=False)
    legal_hold_reason = models.TextField(_("motif du maintien en base active"), blank=True)
    legal_hold_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("maintien décidé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    legal_hold_at = models.DateTimeField(_("maintien décidé le"), null=True, blank=True)

    objects = ChildQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "birth_date"]
        verbose_name = _("enfant")
        verbose_name_plural = _("enfants")
        indexes = [
            GinIndex(
                OpClass(name_search_key(), name="gin_trgm_ops"),
                name="child_name_search",
            ),
            models.Index(fields=["territory", "referent"], name="child_territory_referent"),
            # Duplicate detection reads the children born within a few days of a date.
            models.Index(fields=["birth_date"], name="child_birth_date"),
        ]
        constraints = [
            models.CheckConstraint(name="child_sex_valid", condition=Q(sex__in=Sex.values)),
            models.CheckConstraint(
                name="child_legal_hold_keeps_active",
                condition=Q(legal_hold=False) | Q(archived_at__isnull=True),
                violation_error_message=_(
                    "Un dossier maintenu en base active ne peut pas être archivé."
                ),
            ),
            models.CheckConstraint(
                name="child_legal_hold_has_reason",
                condition=Q(legal_hold=False) | ~Q(legal_hold_reason=""),
                violation_error_message=_("Indiquez le motif du maintien en base active."),
            ),
            models.CheckConstraint(
                name="child_mdph_needs_disability",
                condition=Q(mdph_decision_date__isnull=True) | Q(disability=True),
                violation_error_message=_(
                    "Une décision MDPH ne peut être saisie que pour un handicap reconnu."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.last_name.upper()} {self.first_name}"

    def age_on(self, day: date) -> int:
        """Age in whole years on ``day``."""
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before_birthday


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Guardian(models.Model):
    """A holder of parental authority or another relative who counts in the child's life."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(
        Child, verbose_name=_("enfant"), on_delete=models.CASCADE, related_name="guardians"
    )
    relationship = models.CharField(
        _("lien avec l'enfant"), max_length=32, choices=GuardianRelationship.choices
    )
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    holds_parental_authority = models.BooleanField(_("titulaire de l'autorité parentale"))
    deceased = models.BooleanField(_("décédé"), default=False)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("adresse électronique"), blank=True)
    address = models.TextField(_("adresse postale"), blank=True)

    objects = GuardianQuerySet.as_manager()

    class Meta:
        ordering = ["-holds_parental_authority", "last_name", "first_name"]
        verbose_name = _("responsable ou proche")
        verbose_name_plural = _("responsables et proches")
        indexes = [
            # The same person on one file, or a guardian common to two files (duplicates).
            models.Index(person_key(F("first_name"), F("last_name")), name="guardian_person"),
        ]
        constraints = [
            models.CheckConstraint(
                name="guardian_relationship_valid",
                condition=Q(relationship__in=GuardianRelationship.values),
            ),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name} ({self.get_relationship_display()})"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Measure(Recorded):
    """An administrative or judicial protection measure; its legal limits are checked in
    ``welfare.rules`` against the ``LegalParameter`` rows in force on its start date."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(
        Child, verbose_name=_("enfant"), on_delete=models.PROTECT, related_name="measures"
    )
    nature = models.CharField(_("nature"), max_length=16, choices=MeasureNature.choices)
    type = models.CharField(_("type de mesure"), max_length=40, choices=MeasureType.choices)
    decided_by = models.CharField(_("décidée par"), max_length=32, choices=DecisionMaker.choices)
    decision_date = models.DateField(_("date de la décision"))
    start_date = models.DateField(_("début"))
    end_date = models.DateField(_("fin"), null=True, blank=True)
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renouvelle la mesure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewals",
    )
    court = models.CharField(_("juridiction"), max_length=120, blank=True)
    decision_reference = models.CharField(_("référence de la décision"), max_length=60, blank=True)
    parental_agreement = models.BooleanField(
        _("accord écrit des représentants légaux"), default=False
    )
    durable_difficulties = models.BooleanField(
        _("dérogation « difficultés durables » (art. 375 C. civ.)"), default=False
    )
    # Art. 375-3 C. civ.: to whom the judge confies the child; only 3° confies him to the ASE,
    # and only then run the clocks of children confiés (welfare.clocks).
    placement_basis = models.CharField(
        _("confié à (art. 375-3 C. civ.)"),
        max_length=24,
        choices=PlacementBasis.choices,
        blank=True,
    )
    judge_referral_date = models.DateField(
        _("juge des enfants saisi le"),
        null=True,
        blank=True,
        help_text=_(
            "OPP du parquet (art. 375-5 al. 2 C. civ.) ou recueil sans accord (art. L223-2 "
            "CASF) : le jour où le juge des enfants a été saisi."
        ),
    )
    without_hearing = models.BooleanField(
        _("ordonnée sans audition des parties (art. 1184 CPC)"), default=False
    )
    merits_extension_date = models.DateField(
        _("délai de la décision au fond prolongé le (art. 1185 CPC)"), null=True, blank=True
    )
    end_reason = models.CharField(
        _("motif de fin"), max_length=32, choices=MeasureEndReason.choices, blank=True
    )

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        indexes = [
            models.Index(fields=["child", "start_date"], name="measure_child_start"),
            models.Index(fields=["type", "start_date", "end_date"], name="measure_type_period"),
        ]
        constraints = [
            models.CheckConstraint(
                name="measure_type_matches_nature",
                condition=Q(
                    nature=MeasureNature.ADMINISTRATIVE,
                    type__in=[str(value) for value in MeasureType.administrative()],
                )
                | Q(
                    nature=MeasureNature.JUDICIAL,
                    type__in=[str(value) for value in MeasureType.judicial()],
                ),
                violation_error_message=_("La nature ne correspond pas au type de mesure."),
            ),
            models.CheckConstraint(
                name="measure_decided_by_valid", condition=Q(decided_by__in=DecisionMaker.values)
            ),
            models.CheckConstraint(
                name="measure_end_reason_valid",
                condition=Q(end_reason__in=MeasureEndReason.values) | Q(end_reason=""),
            ),
            models.CheckConstraint(
                name="measure_ends_after_start",
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                violation_error_message=_("La fin de la mesure ne peut précéder son début."),
            ),
            models.CheckConstraint(
                name="measure_decided_before_start",
                condition=Q(decision_date__lte=F("start_date")),
                violation_error_message=_(
                    "La décision ne peut être postérieure au début de la mesure."
                ),
            ),
            models.CheckConstraint(
                name="measure_term_has_end",
                condition=~Q(type__in=[str(value) for value in MeasureType.with_term()])
                | Q(end_date__isnull=False),
                violation_error_message=_(
                    "Cette mesure est limitée dans le temps par la loi : indiquez sa date de fin."
                ),
            ),
            models.CheckConstraint(
                name="measure_provisional_care_agreed",
                condition=~Q(type=MeasureType.PROVISIONAL_CARE) | Q(parental_agreement=True),
                violation_error_message=_(
                    "Un accueil provisoire exige l'accord écrit des représentants légaux "
                    "(art. L223-2 CASF)."
                ),
            ),
            models.CheckConstraint(
                name="measure_judicial_has_court",
                condition=~Q(nature=MeasureNature.JUDICIAL) | ~Q(court=""),
                violation_error_message=_(
                    "Indiquez la juridiction qui a prononcé cette mesure judiciaire."
                ),
            ),
            models.CheckConstraint(
                name="measure_derogation_only_placement",
                condition=Q(durable_difficulties=False) | Q(type=MeasureType.PLACEMENT),
                violation_error_message=_(
                    "La dérogation « difficultés graves, sévères et chroniques » ne vaut que "
                    "pour une mesure d'accueil, pas pour une AEMO (art. 375 al. 4 du Code civil)."
                ),
            ),
            models.CheckConstraint(
                name="measure_placement_has_basis",
                condition=(Q(type=MeasureType.PLACEMENT) & ~Q(placement_basis=""))
                | (~Q(type=MeasureType.PLACEMENT) & Q(placement_basis="")),
                violation_error_message=_(
                    "Un placement judiciaire dit à qui l'enfant est confié (art. 375-3 du Code "
                    "civil), et seulement un placement."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_type_display()} ({self.start_date:%d/%m/%Y})"

    def clean(self):
        if self.type:
            self.nature = (
                MeasureNature.ADMINISTRATIVE
                if self.type in MeasureType.administrative()
                else MeasureNature.JUDICIAL
            )
        errors = measure_errors(self, LegalParameterSet(LegalParameter.objects.all()))
        if self.child_id and self.type and self.start_date and "start_date" not in errors:
            twin = (
                Measure.objects.filter(
                    child_id=self.child_id, type=self.type, start_date=self.start_date
                )
                .exclude(pk=self.pk)
                .exists()
            )
            if twin:
                # The same decision entered twice (two tabs, a double click, a concern's outcome
                # and the file): one measure, or the child would count twice.
                errors["start_date"] = _(
                    "Une mesure « %(type)s » commençant le %(day)s est déjà enregistrée pour cet "
                    "enfant."
                ) % {"type": self.get_type_display(), "day": f"{self.start_date:%d/%m/%Y}"}
        if errors:
            raise ValidationError(errors)

    def is_active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class StatutoryDocument(models.Model):
    """A PPE, rapport de situation or autonomy interview, recorded once it is done; the due
    dates are computed by ``welfare.clocks``, never stored."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(
        Child, verbose_name=_("enfant"), on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("document"), max_length=32, choices=DocumentKind.choices)
    completed_on = models.DateField(_("réalisé le"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rédacteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("référent désigné"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    objectives = models.TextField(_("objectifs"), blank=True)
    trusted_person = models.CharField(_("personne de confiance"), max_length=200, blank=True)
    summary = models.TextField(_("synthèse"), blank=True)
    sent_to_judge_on = models.DateField(_("transmis au juge le"), null=True, blank=True)
    # The rapport d'échéance concerns one judicial measure, before its end or its hearing.
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("mesure concernée"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    # Art. L223-5 al. 4 CASF: the report's content is shared beforehand with the parents and
    # the child (by age and maturity); when it is not, the file says why.
    shared_with_family_on = models.DateField(
        _("contenu partagé avec les parents et l'enfant le"), null=True, blank=True
    )
    not_shared_reason = models.TextField(_("motif de l'absence de partage"), blank=True)
    created_at = models.DateTimeField(_("saisi le"), auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name = _("document obligatoire")
        verbose_name_plural = _("documents obligatoires")
        indexes = [
            models.Index(fields=["child", "kind", "completed_on"], name="document_child_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                name="document_kind_valid", condition=Q(kind__in=DocumentKind.values)
            ),
            models.CheckConstraint(
                name="document_sent_after_completed",
                condition=Q(sent_to_judge_on__isnull=True)
                | Q(sent_to_judge_on__gte=F("completed_on")),
                violation_error_message=_(
                    "Le rapport ne peut être transmis au juge avant d'être rédigé."
                ),
            ),
            models.CheckConstraint(
                name="document_deadline_report_has_measure",
                condition=~Q(kind=DocumentKind.DEADLINE_REPORT) | Q(measure__isnull=False),
                violation_error_message=_(
                    "Un rapport d'échéance concerne une mesure judiciaire : choisissez-la."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.completed_on:%d/%m/%Y})"


class AccessLog(models.Model):
    """Who opened which child's file, and when (CNIL: every read is traceable)."""

    child = models.ForeignKey(
        Child, verbose_name=_("enfant"), on_delete=models.PROTECT, related_name="access_logs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent"),
        on_delete=models.PROTECT,
        related_name="child_accesses",
    )
    accessed_at = models.DateTimeField(_("consulté le"), auto_now_add=True)
    purpose = models.CharField(
        _("objet"),
        max_length=32,
        choices=purpose_choices,
        default=AccessPurpose.FILE_OPENED,
    )
    # What was read beyond the purpose: the words of a search (typed by staff, kept for the
    # audit, never written to the application logs), the file downloaded, the page refused.
    detail = models.CharField(_("précision"), max_length=200, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-accessed_at"]
        verbose_name = _("consultation d'un dossier")
        verbose_name_plural = _("journal des consultations")
        indexes = [
            models.Index(fields=["child", "-accessed_at"], name="accesslog_child_date"),
            # What one account read (``access_audit --user``).
            models.Index(fields=["user", "-accessed_at"], name="accesslog_user_date"),
            # A territory's refused attempts, newest first, read by its manager.
            models.Index(
                fields=["-accessed_at"],
                name="accesslog_refused_date",
                condition=Q(purpose="refused"),
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.child} ({self.accessed_at:%d/%m/%Y %H:%M})"
