"""Prevention: the actions the Département runs or funds and what they deliver, and the
informations préoccupantes received by the CRIP with their evaluation clock."""

import uuid
from datetime import date

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from prevention.enums import (
    ActionKind,
    ConcernOutcome,
    ConcernParameterKey,
    ConcernSource,
    DangerKind,
    FirstAnalysis,
    InterventionOutcome,
    PartnerKind,
    ProsecutorFeedback,
)
from welfare.enums import Role
from welfare.models import LegalParameterSet, Recorded, Timestamped

# --- QuerySets --------------------------------------------------------------------------------


class ConcernParameterQuerySet(models.QuerySet):
    def as_set(self) -> LegalParameterSet:
        """Every dated row at once, looked up like welfare's legal thresholds (one query)."""
        return LegalParameterSet(self.all())


class PreventionActionQuerySet(models.QuerySet):
    def of_year(self, year: int):
        """Actions of a budget year (an action never spans two years)."""
        return self.filter(start_date__year=year)

    def in_territory(self, territory):
        """Actions of ``territory``; every action, Département-wide ones included, for None."""
        return self if territory is None else self.filter(territory=territory)

    def home_interventions(self):
        return self.filter(kind__in=ActionKind.home_interventions())


class InterventionQuerySet(models.QuerySet):
    def home(self):
        """Individual interventions in a family's home, recorded by name."""
        return self.filter(action__kind__in=ActionKind.home_interventions())

    def of_year(self, year: int):
        return self.filter(action__start_date__year=year)

    def in_territory(self, territory):
        return self if territory is None else self.filter(action__territory=territory)


# Still waiting for its evaluation's outcome (not set aside at first analysis): the condition
# of ``ConcernQuerySet.open``, also read row by row by the retention rule.
CONCERN_OPEN = Q(evaluation_ended_on__isnull=True) & ~Q(first_analysis=FirstAnalysis.NOT_CONCERN)


class ConcernQuerySet(models.QuerySet):
    def for_user(self, user):
        """The concerns ``user`` may list: the whole Département for prevention officers and
        the directorate, their own territory for territory managers, none for others."""
        if not user.is_authenticated:
            return self.none()
        if user.is_administrator or user.role in (Role.PREVENTION_OFFICER, Role.DIRECTORATE):
            return self.all()
        if user.role == Role.TERRITORY_MANAGER and user.territory_id:
            return self.filter(territory_id=user.territory_id)
        return self.none()

    def open(self):
        """Concerns still waiting for their evaluation's outcome (not set aside at first
        analysis)."""
        return self.filter(CONCERN_OPEN)

    def overdue_on(self, day: date):
        return self.open().filter(evaluation_due_on__lt=day)

    def received_in(self, year: int):
        return self.filter(received_on__year=year)

    def in_territory(self, territory):
        return self if territory is None else self.filter(territory=territory)

    def crip_order(self):
        """Grave and immediate danger first, then by due date: overdue ones come first."""
        return self.order_by("-grave_danger", "evaluation_due_on", "received_on", "pk")


# --- Models -----------------------------------------------------------------------------------


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class ConcernParameter(models.Model):
    """An evaluation deadline of the CRIP and the date from which it applies; a new protocol
    or a change of law adds a row."""

    key = models.CharField(_("paramètre"), max_length=40, choices=ConcernParameterKey.choices)
    value = models.PositiveSmallIntegerField(_("valeur"))
    valid_from = models.DateField(_("en vigueur à partir du"))
    legal_reference = models.CharField(_("référence"), max_length=200)

    objects = ConcernParameterQuerySet.as_manager()

    class Meta:
        ordering = ["key", "-valid_from"]
        verbose_name = _("délai d'évaluation des IP")
        verbose_name_plural = _("délais d'évaluation des IP")
        constraints = [
            models.UniqueConstraint(fields=["key", "valid_from"], name="concern_parameter_unique"),
            models.CheckConstraint(
                name="concern_parameter_key_valid",
                condition=Q(key__in=ConcernParameterKey.values),
            ),
        ]

    def __str__(self):
        return f"{self.get_key_display()} : {self.value} ({self.valid_from:%d/%m/%Y})"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Partner(models.Model):
    """An organisation that runs a prevention action: association, CAF, commune…"""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    kind = models.CharField(_("type de partenaire"), max_length=20, choices=PartnerKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        constraints = [
            models.CheckConstraint(
                name="partner_kind_valid", condition=Q(kind__in=PartnerKind.values)
            ),
        ]

    def __str__(self):
        return self.name


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class PreventionAction(Timestamped):
    """An action of one budget year, run by a partner on a territory (or the whole
    Département), with its budget and, once known, its cost."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("intitulé"), max_length=200)
    kind = models.CharField(_("type d'action"), max_length=32, choices=ActionKind.choices)
    partner = models.ForeignKey(
        Partner, verbose_name=_("partenaire"), on_delete=models.PROTECT, related_name="actions"
    )
    territory = models.ForeignKey(
        "welfare.Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prevention_actions",
        help_text=_("Laissez vide pour une action menée sur tout le Département."),
    )
    start_date = models.DateField(_("début"))
    end_date = models.DateField(_("fin"))
    budget = models.DecimalField(_("budget prévu (€)"), max_digits=12, decimal_places=2)
    cost = models.DecimalField(
        _("coût réalisé (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    assessment = models.TextField(_("bilan de l'action"), blank=True)

    objects = PreventionActionQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("action de prévention")
        verbose_name_plural = _("actions de prévention")
        indexes = [models.Index(fields=["start_date", "kind"], name="prevention_action_year")]
        constraints = [
            models.CheckConstraint(
                name="prevention_action_kind_valid", condition=Q(kind__in=ActionKind.values)
            ),
            models.CheckConstraint(
                name="prevention_action_ends_after_start",
                condition=Q(end_date__gte=F("start_date")),
                violation_error_message=_("La fin de l'action ne peut précéder son début."),
            ),
            # Budgets are voted per year: an action that goes on is entered again next year.
            models.CheckConstraint(
                name="prevention_action_within_one_year",
                condition=Q(end_date__year=F("start_date__year")),
                violation_error_message=_(
                    "Une action couvre une seule année budgétaire : saisissez-la à nouveau "
                    "pour l'année suivante."
                ),
            ),
            models.CheckConstraint(
                name="prevention_action_amounts_positive",
                condition=Q(budget__gte=0) & (Q(cost__isnull=True) | Q(cost__gte=0)),
                violation_error_message=_("Les montants ne peuvent être négatifs."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.start_date:%Y})"

    @property
    def is_home_intervention(self) -> bool:
        return self.kind in ActionKind.home_interventions()


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Intervention(Recorded):
    """What an action delivers: a home intervention with one family, named and linked to the
    children's files, or a session of a group activity with the families counted."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    action = models.ForeignKey(
        PreventionAction,
        verbose_name=_("action"),
        on_delete=models.PROTECT,
        related_name="interventions",
    )
    started_on = models.DateField(_("date ou début"))
    ended_on = models.DateField(_("fin"), null=True, blank=True)
    family_name = models.CharField(_("famille"), max_length=120, blank=True)
    children = models.ManyToManyField(
        "welfare.Child",
        verbose_name=_("enfants"),
        blank=True,
        related_name="prevention_interventions",
    )
    families_count = models.PositiveSmallIntegerField(_("familles touchées"), default=1)
    participants_count = models.PositiveSmallIntegerField(
        _("personnes présentes"), null=True, blank=True
    )
    visits_count = models.PositiveSmallIntegerField(_("visites à domicile"), null=True, blank=True)
    outcome = models.CharField(
        _("issue"), max_length=32, choices=InterventionOutcome.choices, blank=True
    )
    notes = models.TextField(_("observations"), blank=True)

    objects = InterventionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        constraints = [
            models.CheckConstraint(
                name="intervention_outcome_valid",
                condition=Q(outcome__in=InterventionOutcome.values) | Q(outcome=""),
            ),
            models.CheckConstraint(
                name="intervention_ends_after_start",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                violation_error_message=_("La fin ne peut précéder le début."),
            ),
            models.CheckConstraint(
                name="intervention_outcome_has_end",
                condition=Q(outcome="") | Q(ended_on__isnull=False),
                violation_error_message=_("Indiquez la date de fin de l'intervention."),
            ),
        ]

    def __str__(self):
        label = self.family_name or self.action.get_kind_display()
        return f"{label} ({self.started_on:%d/%m/%Y})"


pghistory.track(
    pghistory.InsertEvent("child.add"), pghistory.DeleteEvent("child.remove"), obj_field=None
)(Intervention.children.through)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Concern(Recorded):
    """An information préoccupante: received by the CRIP, qualified, evaluated by a team
    before ``evaluation_due_on`` (computed at intake from the dated ``ConcernParameter``
    rows), and closed by an outcome."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    territory = models.ForeignKey(
        "welfare.Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        related_name="concerns",
    )
    received_on = models.DateField(_("reçue le"))
    source = models.CharField(_("origine"), max_length=20, choices=ConcernSource.choices)
    transmitter = models.CharField(
        _("émetteur"),
        max_length=200,
        blank=True,
        help_text=_("Établissement, service ou personne qui a transmis l'information."),
    )
    grave_danger = models.BooleanField(_("danger grave et immédiat"), default=False)
    danger_kind = models.CharField(_("nature du danger"), max_length=32, choices=DangerKind.choices)
    facts = models.TextField(_("faits rapportés"))
    children = models.ManyToManyField(
        "welfare.Child", verbose_name=_("enfants concernés"), blank=True, related_name="concerns"
    )
    first_analysis = models.CharField(
        _("première analyse"), max_length=20, choices=FirstAnalysis.choices, blank=True
    )
    analysed_on = models.DateField(_("analysée le"), null=True, blank=True)
    evaluators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("équipe d'évaluation"),
        blank=True,
        related_name="evaluated_concerns",
    )
    evaluation_started_on = models.DateField(_("évaluation commencée le"), null=True, blank=True)
    evaluation_due_on = models.DateField(_("évaluation attendue au plus tard le"))
    evaluation_ended_on = models.DateField(_("évaluation terminée le"), null=True, blank=True)
    outcome = models.CharField(
        _("suite donnée"), max_length=32, choices=ConcernOutcome.choices, blank=True
    )
    measure = models.OneToOneField(
        "welfare.Measure",
        verbose_name=_("prestation ouverte"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="concern",
    )
    prosecutor_referral_on = models.DateField(
        _("signalement au procureur le"), null=True, blank=True
    )
    prosecutor_feedback = models.CharField(
        _("retour du parquet"), max_length=32, choices=ProsecutorFeedback.choices, blank=True
    )
    prosecutor_feedback_on = models.DateField(_("retour du parquet le"), null=True, blank=True)

    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("information préoccupante")
        verbose_name_plural = _("informations préoccupantes")
        indexes = [
            models.Index(fields=["received_on", "territory"], name="concern_received"),
            models.Index(
                fields=["territory", "evaluation_due_on"],
                name="concern_open_due",
                condition=Q(evaluation_ended_on__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="concern_source_valid", condition=Q(source__in=ConcernSource.values)
            ),
            models.CheckConstraint(
                name="concern_danger_kind_valid", condition=Q(danger_kind__in=DangerKind.values)
            ),
            models.CheckConstraint(
                name="concern_first_analysis_valid",
                condition=Q(first_analysis__in=FirstAnalysis.values) | Q(first_analysis=""),
            ),
            models.CheckConstraint(
                name="concern_outcome_valid",
                condition=Q(outcome__in=ConcernOutcome.values) | Q(outcome=""),
            ),
            models.CheckConstraint(
                name="concern_feedback_valid",
                condition=Q(prosecutor_feedback__in=ProsecutorFeedback.values)
                | Q(prosecutor_feedback=""),
            ),
            models.CheckConstraint(
                name="concern_due_after_receipt",
                condition=Q(evaluation_due_on__gte=F("received_on")),
            ),
            models.CheckConstraint(
                name="concern_analysis_dated",
                condition=Q(first_analysis="", analysed_on__isnull=True)
                | (~Q(first_analysis="") & Q(analysed_on__gte=F("received_on"))),
                violation_error_message=_(
                    "La première analyse est datée, au plus tôt le jour de la réception."
                ),
            ),
            models.CheckConstraint(
                name="concern_evaluation_after_receipt",
                condition=Q(evaluation_started_on__isnull=True)
                | Q(evaluation_started_on__gte=F("received_on")),
                violation_error_message=_(
                    "L'évaluation ne peut commencer avant la réception de l'information."
                ),
            ),
            models.CheckConstraint(
                name="concern_evaluation_ends_after_start",
                condition=Q(evaluation_ended_on__isnull=True)
                | (
                    Q(evaluation_ended_on__gte=F("received_on"))
                    & (
                        Q(evaluation_started_on__isnull=True)
                        | Q(evaluation_ended_on__gte=F("evaluation_started_on"))
                    )
                ),
                violation_error_message=_(
                    "L'évaluation ne peut se terminer avant d'avoir commencé."
                ),
            ),
            # An outcome is what ends the evaluation of a concern qualified as an IP.
            models.CheckConstraint(
                name="concern_outcome_ends_evaluation",
                condition=Q(outcome="", evaluation_ended_on__isnull=True)
                | (
                    ~Q(outcome="")
                    & Q(evaluation_ended_on__isnull=False)
                    & Q(first_analysis=FirstAnalysis.CONCERN)
                ),
                violation_error_message=_(
                    "Une suite n'est donnée qu'à une information préoccupante, à la fin de "
                    "son évaluation."
                ),
            ),
            models.CheckConstraint(
                name="concern_administrative_help_has_measure",
                condition=Q(outcome=ConcernOutcome.ADMINISTRATIVE_HELP, measure__isnull=False)
                | (~Q(outcome=ConcernOutcome.ADMINISTRATIVE_HELP) & Q(measure__isnull=True)),
                violation_error_message=_(
                    "Une prestation d'aide sociale à l'enfance ouvre une mesure dans le dossier "
                    "de l'enfant."
                ),
            ),
            models.CheckConstraint(
                name="concern_prosecutor_outcome_dated",
                condition=~Q(outcome=ConcernOutcome.PROSECUTOR)
                | Q(prosecutor_referral_on__isnull=False),
                violation_error_message=_("Indiquez la date du signalement au procureur."),
            ),
            models.CheckConstraint(
                name="concern_referral_after_receipt",
                condition=Q(prosecutor_referral_on__isnull=True)
                | Q(prosecutor_referral_on__gte=F("received_on")),
                violation_error_message=_(
                    "Le signalement ne peut précéder la réception de l'information."
                ),
            ),
            models.CheckConstraint(
                name="concern_feedback_after_referral",
                condition=Q(prosecutor_feedback="", prosecutor_feedback_on__isnull=True)
                | (
                    ~Q(prosecutor_feedback="")
                    & Q(prosecutor_feedback_on__gte=F("prosecutor_referral_on"))
                ),
                violation_error_message=_(
                    "Le retour du parquet est daté, au plus tôt le jour du signalement."
                ),
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        """The CRIP's number of this concern, e.g. "IP 2023-00042"."""
        return f"IP {self.received_on:%Y}-{self.pk or 0:05d}"

    @property
    def is_open(self) -> bool:
        return self.evaluation_ended_on is None and (
            self.first_analysis != FirstAnalysis.NOT_CONCERN
        )

    def is_overdue_on(self, day: date) -> bool:
        return self.is_open and self.evaluation_due_on < day

    def was_late(self) -> bool:
        """Whether the evaluation ended after its due date."""
        return self.evaluation_ended_on is not None and (
            self.evaluation_ended_on > self.evaluation_due_on
        )


pghistory.track(
    pghistory.InsertEvent("child.add"), pghistory.DeleteEvent("child.remove"), obj_field=None
)(Concern.children.through)
pghistory.track(
    pghistory.InsertEvent("evaluator.add"),
    pghistory.DeleteEvent("evaluator.remove"),
    obj_field=None,
)(Concern.evaluators.through)
