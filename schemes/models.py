"""Multi-year departmental plans (schémas, plans enfance) and annual budgets.

Totals are never stored: a plan's funding and a budget's totals are always summed from their
lines by ``schemes.selectors``.
"""

import uuid
from decimal import ROUND_HALF_UP, Decimal

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from schemes.enums import (
    ActionStatus,
    BudgetDomain,
    Funder,
    ReportStatus,
    SchemeKind,
    SchemeStatus,
)
from schemes.permissions import READ_ROLES
from schemes.reports.kinds import all_kinds
from welfare.models import Timestamped

# L312-4 CASF: a schéma covers at most five years ("2021–2025" is five calendar years).
MAX_SCHEME_YEARS = 5
YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]
AMOUNT_VALIDATORS = [MinValueValidator(Decimal("0"))]

PERIOD_TOO_LONG = _("Un schéma couvre au plus 5 ans (article L312-4 du CASF).")
END_BEFORE_START = _("La fin ne peut pas précéder le début.")


def history(model):
    """Historise ``model`` through PostgreSQL triggers: inserts, updates and deletions.

    Each model needs its own tracker instances: pghistory binds them to the model.
    """
    trackers = (pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
    return pghistory.track(*trackers)(model)


def mean_progress(actions) -> int | None:
    """Mean progress of the actions not dropped, in whole percent (half up); None without any."""
    progress = [action.progress for action in actions if action.status != ActionStatus.DROPPED]
    if not progress:
        return None
    return int((Decimal(sum(progress)) / len(progress)).quantize(Decimal(1), ROUND_HALF_UP))


class SchemeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_user(self, user):
        """Plans are Département-wide: every reader sees them all, nobody else any."""
        if user.is_authenticated and user.role in READ_ROLES:
            return self
        return self.none()


@history
class Scheme(Timestamped):
    """A schéma départemental or plan enfance: ordered objectives, each with its fiches action."""

    title = models.CharField(_("intitulé"), max_length=255)
    # A stable name for operators' scripts (``render_report plan --scheme <slug>``), set once
    # from the title and first year.
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True, editable=False)
    kind = models.CharField(_("nature"), max_length=32, choices=SchemeKind.choices)
    start_year = models.PositiveSmallIntegerField(_("première année"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("dernière année"), validators=YEAR_VALIDATORS)
    adopted_on = models.DateField(_("date d'adoption"), null=True, blank=True)
    status = models.CharField(
        _("état"), max_length=16, choices=SchemeStatus.choices, default=SchemeStatus.DRAFT
    )
    summary = models.TextField(_("présentation"), blank=True)
    # Set by ``services.scheme_publish`` only: the public pages show ``published_content``,
    # the plan as it stood at its last publication; later edits wait for the next one.
    published = models.BooleanField(_("publié sur le site public"), default=False, editable=False)
    published_content = models.JSONField(_("version publiée"), null=True, editable=False)
    published_at = models.DateTimeField(_("publié le"), null=True, editable=False)

    objects = SchemeQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year", "title"]
        verbose_name = _("schéma ou plan")
        verbose_name_plural = _("schémas et plans")
        constraints = [
            models.CheckConstraint(
                name="scheme_end_not_before_start",
                condition=Q(end_year__gte=F("start_year")),
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                name="scheme_period_at_most_five_years",
                condition=Q(end_year__lt=F("start_year") + MAX_SCHEME_YEARS),
                violation_error_message=PERIOD_TOO_LONG,
            ),
            models.CheckConstraint(
                name="scheme_published_has_its_version",
                condition=Q(published=False) | Q(published_content__isnull=False),
            ),
            models.CheckConstraint(
                name="scheme_draft_not_published",
                condition=~Q(status=SchemeStatus.DRAFT, published=True),
                violation_error_message=_("Un schéma en préparation ne peut pas être publié."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.period})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def _free_slug(self):
        """``<title>-<first year>``, numbered when another plan already has it."""
        base = f"{slugify(self.title)[:70]}-{self.start_year}"
        slug, number = base, 1
        while Scheme.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    @property
    def period(self):
        return f"{self.start_year}–{self.end_year}"

    def clean(self):
        if self.start_year is None or self.end_year is None:
            return
        if self.end_year < self.start_year:
            raise ValidationError({"end_year": END_BEFORE_START})
        if self.end_year - self.start_year >= MAX_SCHEME_YEARS:
            raise ValidationError({"end_year": PERIOD_TOO_LONG})
        if self.published and self.status == SchemeStatus.DRAFT:
            raise ValidationError(
                {
                    "status": _(
                        "Ce schéma est publié : retirez-le du site public avant de le remettre "
                        "en préparation."
                    )
                }
            )


@history
class Objective(models.Model):
    """An objective (orientation, axe) of a plan, numbered in the plan's order."""

    scheme = models.ForeignKey(
        Scheme, verbose_name=_("schéma"), on_delete=models.CASCADE, related_name="objectives"
    )
    number = models.PositiveSmallIntegerField(_("numéro"), validators=[MinValueValidator(1)])
    title = models.CharField(_("intitulé"), max_length=255)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["scheme", "number"]
        verbose_name = _("objectif")
        verbose_name_plural = _("objectifs")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "number"], name="objective_number_unique_in_scheme"
            ),
            models.CheckConstraint(name="objective_number_positive", condition=Q(number__gte=1)),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def funding_total(self):
        """Sum of the actions' funding lines; uses the prefetch of ``scheme_with_plan``."""
        return sum((action.funding_total for action in self.actions.all()), Decimal(0))

    @property
    def mean_progress(self):
        return mean_progress(self.actions.all())


@history
class Action(models.Model):
    """A fiche action: what is done, by which service with which partners, when, and how far."""

    objective = models.ForeignKey(
        Objective, verbose_name=_("objectif"), on_delete=models.CASCADE, related_name="actions"
    )
    number = models.PositiveSmallIntegerField(_("numéro"), validators=[MinValueValidator(1)])
    title = models.CharField(_("intitulé"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    lead_service = models.CharField(
        _("service pilote"),
        max_length=200,
        blank=True,
        help_text=_("Le nom d'un service, pas d'une personne."),
    )
    partners = models.TextField(_("partenaires"), blank=True)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin prévue"), null=True, blank=True)
    status = models.CharField(
        _("état"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("avancement (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        ordering = ["objective", "number"]
        verbose_name = _("fiche action")
        verbose_name_plural = _("fiches action")
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "number"], name="action_number_unique_in_objective"
            ),
            models.CheckConstraint(name="action_number_positive", condition=Q(number__gte=1)),
            models.CheckConstraint(
                name="action_progress_is_a_percentage",
                condition=Q(progress__gte=0, progress__lte=100),
            ),
            models.CheckConstraint(
                name="action_end_not_before_start",
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                name="action_done_is_complete",
                condition=~Q(status=ActionStatus.DONE) | Q(progress=100),
                violation_error_message=_("Une action réalisée est avancée à 100 %."),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def code(self):
        """The fiche's reference in the plan, e.g. "2.3" (objective 2, action 3)."""
        return f"{self.objective.number}.{self.number}"

    @property
    def funding_total(self):
        """Sum of the funding lines; uses the prefetched lines of ``scheme_with_plan``."""
        return sum((funding.amount for funding in self.fundings.all()), Decimal(0))

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": END_BEFORE_START})
        if self.objective_id:
            scheme = self.objective.scheme
            outside = {
                name: _("Hors de la période du plan (%(period)s) : une action s'y inscrit.")
                % {"period": scheme.period}
                for name in ("start_date", "end_date")
                if getattr(self, name)
                and not scheme.start_year <= getattr(self, name).year <= scheme.end_year
            }
            if outside:
                raise ValidationError(outside)
        if self.status == ActionStatus.DONE and self.progress != 100:
            raise ValidationError(
                {"progress": _("Une action réalisée est avancée à 100 % : corrigez l'avancement.")}
            )


@history
class Milestone(models.Model):
    """A dated step of an action's calendar."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="milestones"
    )
    due_on = models.DateField(_("échéance"))
    label = models.CharField(_("étape"), max_length=255)
    reached_on = models.DateField(_("atteinte le"), null=True, blank=True)

    class Meta:
        ordering = ["action", "due_on", "pk"]
        verbose_name = _("jalon")
        verbose_name_plural = _("jalons")

    def __str__(self):
        return self.label


@history
class Funding(models.Model):
    """What one funder brings to an action."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="fundings"
    )
    funder = models.CharField(_("financeur"), max_length=32, choices=Funder.choices)
    amount = models.DecimalField(
        _("montant (€)"), max_digits=14, decimal_places=2, validators=AMOUNT_VALIDATORS
    )
    note = models.CharField(
        _("précision"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : FIR, programme 304, nom de l'autre financeur."),
    )

    class Meta:
        ordering = ["action", "funder", "pk"]
        verbose_name = _("ligne de financement")
        verbose_name_plural = _("lignes de financement")
        constraints = [
            models.CheckConstraint(name="funding_amount_not_negative", condition=Q(amount__gte=0)),
        ]

    def __str__(self):
        return f"{self.get_funder_display()} : {self.amount} €"


@history
class Indicator(models.Model):
    """How an action is evaluated (L312-4 5° CASF): a unit, a baseline and a target."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("indicateur"), max_length=255)
    unit = models.CharField(_("unité"), max_length=40, help_text=_("Par exemple : familles, %."))
    baseline = models.DecimalField(
        _("valeur de départ"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("cible"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["action", "name"]
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")

    def __str__(self):
        return self.name

    @property
    def latest_measurement(self):
        """The most recent value; uses the prefetched measurements of ``scheme_with_plan``."""
        measurements = list(self.measurements.all())
        return measurements[-1] if measurements else None


@history
class Measurement(models.Model):
    """A value of an indicator measured on a date."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicateur"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    measured_on = models.DateField(_("date de la mesure"))
    value = models.DecimalField(_("valeur mesurée"), max_digits=14, decimal_places=2)
    comment = models.CharField(_("commentaire"), max_length=255, blank=True)

    class Meta:
        ordering = ["indicator", "measured_on"]
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="measurement_one_per_date"
            ),
        ]

    def __str__(self):
        return f"{self.measured_on} : {self.value}"


class BudgetQuerySet(models.QuerySet):
    def for_user(self, user):
        """Budgets are Département-wide: every reader sees them all, nobody else any."""
        if user.is_authenticated and user.role in READ_ROLES:
            return self
        return self.none()


@history
class Budget(models.Model):
    """The child-welfare budget of one year; its totals are the sums of its lines."""

    year = models.PositiveSmallIntegerField(_("année"), unique=True, validators=YEAR_VALIDATORS)
    voted_on = models.DateField(_("date du vote"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = BudgetQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("budget annuel")
        verbose_name_plural = _("budgets annuels")

    def __str__(self):
        return _("Budget %(year)s") % {"year": self.year}


@history
class BudgetLine(models.Model):
    """The voted and executed amounts of one domain in a year's budget."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="lines"
    )
    domain = models.CharField(_("domaine"), max_length=32, choices=BudgetDomain.choices)
    voted = models.DecimalField(
        _("montant voté (€)"), max_digits=14, decimal_places=2, validators=AMOUNT_VALIDATORS
    )
    executed = models.DecimalField(
        _("montant exécuté saisi (€)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal(0),
        validators=AMOUNT_VALIDATORS,
    )
    note = models.CharField(_("précision"), max_length=255, blank=True)

    class Meta:
        ordering = ["budget", "domain"]
        verbose_name = _("ligne budgétaire")
        verbose_name_plural = _("lignes budgétaires")
        constraints = [
            models.UniqueConstraint(fields=["budget", "domain"], name="budget_line_one_per_domain"),
            models.CheckConstraint(
                name="budget_line_amounts_not_negative",
                condition=Q(voted__gte=0, executed__gte=0),
            ),
        ]

    def __str__(self):
        return f"{self.budget.year} – {self.get_domain_display()}"

    @property
    def section(self):
        return BudgetDomain(self.domain).section


class ReportQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status__in=ReportStatus.pending())

    def for_user(self, user):
        """Reports of the kinds the user's role may have, within each kind's scope for the
        user, whoever requested them."""
        if not user.is_authenticated:
            return self.none()
        allowed = Q(pk__in=[])
        for kind in all_kinds():
            if user.role in kind.roles:
                allowed |= Q(kind=kind.name) & kind.scope(user)
        return self.filter(allowed)

    def stale(self, *, running_before, queued_before):
        """Jobs that may have lost their worker (running since before ``running_before``: the
        caller skips the rows still locked by a live worker) or their message (queued since
        before ``queued_before``)."""
        return self.filter(
            Q(status=ReportStatus.RUNNING, started_at__lt=running_before)
            | Q(status=ReportStatus.QUEUED, queued_at__lt=queued_before)
        )


class Report(models.Model):
    """A PDF asked for by a member of staff and produced in the background by a Celery worker.

    ``kind`` names an entry of the report-kind registry (``schemes.reports.kinds``);
    ``input_hash`` fingerprints kind and parameters, so that an equal request made while a job
    is queued or running reuses that job. The file lives under ``MEDIA_ROOT`` and is served only
    by the download view, after the access check.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("type de rapport"), max_length=40)
    title = models.CharField(_("intitulé"), max_length=255)
    parameters = models.JSONField(_("paramètres"), default=dict)
    input_hash = models.CharField(_("empreinte des paramètres"), max_length=64)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="reports",
    )
    status = models.CharField(
        _("état"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    error_message = models.TextField(_("motif"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    requested_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    queued_at = models.DateTimeField(_("mis en file le"), default=timezone.now)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    file = models.FileField(_("fichier"), upload_to="rapports/", blank=True, max_length=255)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("rapport PDF")
        verbose_name_plural = _("rapports PDF")
        indexes = [
            models.Index(fields=["requested_by", "-requested_at"], name="report_requester_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "input_hash"],
                condition=Q(status__in=ReportStatus.pending()),
                name="report_one_pending_per_input",
                violation_error_message=_("Ce rapport est déjà en cours de production."),
            ),
            models.CheckConstraint(
                name="report_status_valid", condition=Q(status__in=ReportStatus.values)
            ),
            models.CheckConstraint(
                name="report_done_has_file", condition=~Q(status=ReportStatus.DONE) | ~Q(file="")
            ),
            models.CheckConstraint(
                name="report_failed_has_reason",
                condition=~Q(status=ReportStatus.FAILED) | ~Q(error_message=""),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_pending(self):
        return self.status in ReportStatus.pending()

    @property
    def duration(self):
        """Rendering time of a finished job."""
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None

    @property
    def filename(self):
        """The name the browser saves the file under."""
        return f"{slugify(self.title)}-{timezone.localdate(self.requested_at):%Y-%m-%d}.pdf"
