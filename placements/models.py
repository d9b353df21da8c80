"""Places where children in care live: establishments, assistants familiaux and their
agrément, the daily rates they are paid, and the placements themselves.

A placement's end date is the day the child leaves: it is not counted as a day in the place
(a stay from the 1st to the 3rd is two days), so a move on one day ends one placement and
starts the next on that same day, and the date ranges ``[start, end)`` never overlap.
"""

import uuid
from datetime import date

import pghistory
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, F, Func, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from placements.enums import (
    AgrementState,
    ApplicationDecision,
    ApplicationKind,
    EstablishmentKind,
    PlaceKind,
    PlacementEndReason,
)
from placements.rules import (
    agrement_parameters,
    default_places,
    months_after,
    reminder_date_sql,
)
from welfare.enums import LegalParameterKey
from welfare.models import Child, LegalParameter, Recorded
from welfare.scope import Scope
from welfare.validators import validate_phone


class DateRange(Func):
    """PostgreSQL ``daterange(start, end, '[)')``: the end date itself is not included."""

    function = "DATERANGE"
    output_field = DateRangeField()

    def __init__(self, start, end):
        super().__init__(start, end, models.Value("[)"))


# --- QuerySets --------------------------------------------------------------------------------


class ProviderQuerySet(models.QuerySet):
    def for_user(self, user):
        """The providers a member of staff manages or reads: a territory for the territorial
        roles, all of them for the directorate and administrators (``Scope.for_user``)."""
        return Scope.for_user(user).filter(self)


class AgrementQuerySet(models.QuerySet):
    def in_force_on(self, day: date):
        """Agréments that held on ``day``: granted, not yet expired, and not suspended or
        withdrawn by then (an agrément since expired or suspended still held before)."""
        return (
            self.filter(granted_on__lte=day)
            .filter(Q(expires_on__isnull=True) | Q(expires_on__gt=day))
            .filter(
                Q(state__in=[AgrementState.VALID, AgrementState.EXPIRED])
                | Q(state_changed_on__gt=day)
            )
        )

    def with_notice_late(self, day: date):
        """Annotate ``notice_due_on`` (``reminder_date``: expiry − the notice delay in force on
        the grant, computed by PostgreSQL the same way, the end of a shorter month kept) and
        ``notice_late``: the renewal notice is not recorded as sent and its latest day is
        before ``day``."""
        return self.annotate(notice_due_on=reminder_date_sql()).annotate(
            notice_late=ExpressionWrapper(
                Q(
                    state=AgrementState.VALID,
                    reminder_sent_on__isnull=True,
                    expires_on__isnull=False,
                    notice_due_on__lt=day,
                ),
                output_field=models.BooleanField(),
            )
        )

    def expiring_within_notice(self, day: date):
        """Valid agréments that expire after ``day`` and no later than the notice delay in
        force on ``day`` (4 months, art. D421-19 CASF)."""
        months = LegalParameter.objects.value_on(
            LegalParameterKey.AGREMENT_REMINDER_MONTHS, models.Value(day)
        )
        return self.filter(state=AgrementState.VALID, expires_on__gt=day).filter(
            expires_on__lte=months_after(models.Value(day, output_field=models.DateField()), months)
        )

    def lapsed_on(self, day: date):
        """Agréments suspended or withdrawn by ``day`` that would otherwise still hold: the
        carer may no longer receive a child (art. L421-6 al. 3 CASF)."""
        return self.filter(
            state__in=[AgrementState.SUSPENDED, AgrementState.WITHDRAWN],
            state_changed_on__lte=day,
            granted_on__lte=day,
        ).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=day))


class PlacementQuerySet(models.QuerySet):
    def for_user(self, user):
        """Placements of the children this user may open."""
        return self.filter(child__in=Child.objects.for_user(user))

    def active_on(self, day: date):
        """Placements under way on ``day`` (the day of departure no longer counts)."""
        return self.filter(start_date__lte=day).filter(
            Q(end_date__isnull=True) | Q(end_date__gt=day)
        )

    def overlapping(self, start: date, end: date | None):
        """Placements sharing at least one day with ``[start, end)``."""
        queryset = self.filter(Q(end_date__isnull=True) | Q(end_date__gt=start))
        return queryset if end is None else queryset.filter(start_date__lt=end)

    def pead(self):
        return self.filter(place_kind=PlaceKind.FAMILY_HOME)

    def housed(self):
        """Placements away from home: with an assistant familial or in an establishment."""
        return self.exclude(place_kind=PlaceKind.FAMILY_HOME)


# --- Providers --------------------------------------------------------------------------------


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Establishment(models.Model):
    """An authorised establishment or service (ESSMS) that receives children in care."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=EstablishmentKind.choices)
    manager = models.CharField(_("organisme gestionnaire"), max_length=200, blank=True)
    authorised_capacity = models.PositiveSmallIntegerField(_("capacité autorisée"))
    min_age = models.PositiveSmallIntegerField(_("âge minimum (ans)"), default=0)
    max_age = models.PositiveSmallIntegerField(_("âge maximum (ans)"), default=20)
    territory = models.ForeignKey(
        "welfare.Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        related_name="establishments",
    )
    address = models.TextField(_("adresse"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True, validators=[validate_phone])

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("établissement")
        verbose_name_plural = _("établissements")
        constraints = [
            models.CheckConstraint(
                name="establishment_kind_valid", condition=Q(kind__in=EstablishmentKind.values)
            ),
            models.CheckConstraint(
                name="establishment_capacity_positive",
                condition=Q(authorised_capacity__gt=0),
                violation_error_message=_("La capacité autorisée doit être d'au moins une place."),
            ),
            models.CheckConstraint(
                name="establishment_age_range",
                condition=Q(min_age__lte=F("max_age"), max_age__lte=20),
                violation_error_message=_(
                    "L'âge minimum ne peut dépasser l'âge maximum, qui est d'au plus 20 ans "
                    "(accueil jusqu'à la veille des 21 ans)."
                ),
            ),
            # D316-1 CASF: a lieu de vie accommodates 3 to 7 people, 10 in two units.
            models.CheckConstraint(
                name="establishment_lva_capacity",
                condition=~Q(kind=EstablishmentKind.LVA) | Q(authorised_capacity__lte=10),
                violation_error_message=_(
                    "Un lieu de vie et d'accueil accueille au plus 10 personnes (art. D316-1 CASF)."
                ),
            ),
            models.CheckConstraint(
                name="establishment_nursery_ages",
                condition=~Q(kind=EstablishmentKind.NURSERY) | Q(max_age__lte=2),
                violation_error_message=_(
                    "Une pouponnière accueille des enfants de moins de 3 ans."
                ),
            ),
            models.CheckConstraint(
                name="establishment_semi_autonomy_ages",
                condition=~Q(kind=EstablishmentKind.SEMI_AUTONOMY) | Q(min_age__gte=16),
                violation_error_message=_("La semi-autonomie accueille des jeunes de 16 à 21 ans."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("placements:establishment_detail", args=[self.public_id])


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class FosterCarer(models.Model):
    """An assistant familial (art. L421-2 CASF); places come from the agrément in force."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    territory = models.ForeignKey(
        "welfare.Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        related_name="foster_carers",
    )
    address = models.TextField(_("adresse"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True, validators=[validate_phone])
    employer = models.CharField(
        _("employeur"),
        max_length=200,
        default=_("Département"),
        help_text=_("Le Département ou le service de placement familial qui l'emploie."),
    )
    deaf_obtained_on = models.DateField(
        _("diplôme d'État d'assistant familial (DEAF) obtenu le"),
        null=True,
        blank=True,
        help_text=_("Les titulaires du DEAF voient leur agrément renouvelé sans limite de durée."),
    )

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("assistant familial")
        verbose_name_plural = _("assistants familiaux")

    def __str__(self):
        return f"{self.last_name.upper()} {self.first_name}"

    def get_absolute_url(self):
        return reverse("placements:foster_carer_detail", args=[self.public_id])

    @property
    def deaf_holder(self) -> bool:
        return self.deaf_obtained_on is not None


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Agrement(models.Model):
    """An agrément of an assistant familial; a renewal is a new row, the history stays."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    foster_carer = models.ForeignKey(
        FosterCarer,
        verbose_name=_("assistant familial"),
        on_delete=models.PROTECT,
        related_name="agrements",
    )
    number = models.CharField(_("numéro d'agrément"), max_length=40, blank=True)
    places = models.PositiveSmallIntegerField(_("nombre de places"))
    derogation_reason = models.TextField(
        _("motif de la dérogation"),
        blank=True,
        help_text=_("Obligatoire au-delà de 3 places (art. L421-5 CASF)."),
    )
    derogation_decided_on = models.DateField(_("dérogation accordée le"), null=True, blank=True)
    granted_on = models.DateField(_("début de l'agrément"))
    expires_on = models.DateField(
        _("expire le"),
        null=True,
        blank=True,
        help_text=_("Premier jour où l'agrément ne vaut plus ; aucun pour un titulaire du DEAF."),
    )
    state = models.CharField(
        _("état"), max_length=16, choices=AgrementState.choices, default=AgrementState.VALID
    )
    state_changed_on = models.DateField(_("état depuis le"), null=True, blank=True)
    state_reason = models.TextField(_("motif du changement d'état"), blank=True)
    reminder_sent_on = models.DateField(
        _("rappel de renouvellement envoyé le"), null=True, blank=True
    )

    objects = AgrementQuerySet.as_manager()

    class Meta:
        ordering = ["foster_carer", "-granted_on"]
        verbose_name = _("agrément")
        verbose_name_plural = _("agréments")
        indexes = [models.Index(fields=["state", "expires_on"], name="agrement_state_expiry")]
        constraints = [
            models.CheckConstraint(
                name="agrement_state_valid", condition=Q(state__in=AgrementState.values)
            ),
            models.CheckConstraint(
                name="agrement_places_positive",
                condition=Q(places__gt=0),
                violation_error_message=_("Un agrément compte au moins une place."),
            ),
            models.CheckConstraint(
                name="agrement_expires_after_grant",
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=F("granted_on")),
                violation_error_message=_("L'agrément ne peut expirer avant d'avoir commencé."),
            ),
            models.CheckConstraint(
                name="agrement_state_change_dated",
                condition=Q(state=AgrementState.VALID) | Q(state_changed_on__isnull=False),
                violation_error_message=_(
                    "Indiquez la date de la suspension, du retrait ou de l'expiration."
                ),
            ),
        ]

    def __str__(self):
        return ngettext(
            "Agrément de %(carer)s (%(places)s place)",
            "Agrément de %(carer)s (%(places)s places)",
            self.places,
        ) % {"carer": self.foster_carer, "places": self.places}

    def clean(self):
        """L421-5 CASF: beyond the places allowed without derogation (3, the figure in force
        on the grant), the agrément records the derogation, its reason and its date."""
        if self.places is None or self.granted_on is None:
            return
        allowed = default_places(agrement_parameters(), self.granted_on)
        if self.places <= allowed:
            return
        errors = {}
        if not self.derogation_reason.strip():
            errors["derogation_reason"] = _(
                "Au-delà de %(places)d places, indiquez le motif de la dérogation accordée "
                "(art. L421-5 CASF)."
            ) % {"places": allowed}
        if not self.derogation_decided_on:
            errors["derogation_decided_on"] = _(
                "Au-delà de %(places)d places, indiquez la date de la dérogation (art. L421-5 "
                "CASF)."
            ) % {"places": allowed}
        if errors:
            raise ValidationError(errors)

    def is_in_force_on(self, day: date) -> bool:
        """Same rule as ``AgrementQuerySet.in_force_on``."""
        return (
            self.granted_on <= day
            and (self.expires_on is None or self.expires_on > day)
            and (
                self.state in (AgrementState.VALID, AgrementState.EXPIRED)
                or self.state_changed_on > day
            )
        )

    def is_lapsed_on(self, day: date) -> bool:
        """Same rule as ``AgrementQuerySet.lapsed_on``."""
        return (
            self.state in (AgrementState.SUSPENDED, AgrementState.WITHDRAWN)
            and self.state_changed_on <= day
            and self.granted_on <= day
            and (self.expires_on is None or self.expires_on > day)
        )

    @property
    def calls_for_renewal_notice(self) -> bool:
        """A valid agrément with an expiry (not a DEAF holder's) is renewed on application,
        after a notice to its holder (art. D421-19 CASF)."""
        return self.expires_on is not None and self.state == AgrementState.VALID


class AgrementApplicationQuerySet(models.QuerySet):
    def pending(self):
        """Applications with no decision recorded (the tacit ones not yet recorded among them:
        their clock tells them apart)."""
        return self.filter(decision="")

    def decided(self):
        return self.exclude(decision="")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class AgrementApplication(Recorded):
    """An application for the agrément of an assistant familial, from its receipt to the
    decision of the président du conseil départemental (art. L421-3 and L421-6 CASF).

    Its clock is computed, never stored (``placements.rules.application_clock``): 4 months from
    the complete file, 6 once extended by a reasoned decision; silence past that day is an
    agrément granted ("accordé tacitement", recorded by ``application_record_tacit``)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    applicant = models.ForeignKey(
        FosterCarer,
        verbose_name=_("demandeur"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    kind = models.CharField(
        _("objet de la demande"), max_length=16, choices=ApplicationKind.choices
    )
    places = models.PositiveSmallIntegerField(_("nombre de places demandé"))
    received_on = models.DateField(_("demande reçue le"))
    complete_on = models.DateField(
        _("dossier complet le"),
        null=True,
        blank=True,
        help_text=_("Le délai de décision court à compter du dossier complet."),
    )
    extended_on = models.DateField(_("délai prolongé le"), null=True, blank=True)
    extension_reason = models.TextField(_("motif de la prolongation"), blank=True)
    decision = models.CharField(
        _("décision"), max_length=16, choices=ApplicationDecision.choices, blank=True
    )
    decided_on = models.DateField(_("décision du"), null=True, blank=True)
    decision_reason = models.TextField(_("motif de la décision"), blank=True)
    agrement = models.OneToOneField(
        Agrement,
        verbose_name=_("agrément délivré"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
    )

    objects = AgrementApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("demande d'agrément")
        verbose_name_plural = _("demandes d'agrément")
        constraints = [
            models.CheckConstraint(
                name="application_kind_valid", condition=Q(kind__in=ApplicationKind.values)
            ),
            models.CheckConstraint(
                name="application_decision_valid",
                condition=Q(decision__in=ApplicationDecision.values) | Q(decision=""),
            ),
            models.CheckConstraint(
                name="application_places_positive",
                condition=Q(places__gt=0),
                violation_error_message=_("Une demande porte sur au moins une place."),
            ),
            models.CheckConstraint(
                name="application_complete_after_receipt",
                condition=Q(complete_on__isnull=True) | Q(complete_on__gte=F("received_on")),
                violation_error_message=_(
                    "Le dossier ne peut être complet avant la réception de la demande."
                ),
            ),
            models.CheckConstraint(
                name="application_extension_reasoned",
                condition=Q(extended_on__isnull=True, extension_reason="")
                | (
                    Q(extended_on__isnull=False, complete_on__isnull=False)
                    & ~Q(extension_reason="")
                    & Q(extended_on__gte=F("complete_on"))
                ),
                violation_error_message=_(
                    "La prolongation est une décision motivée et datée, prise une fois le "
                    "dossier complet (art. L421-6 al. 2 CASF)."
                ),
            ),
            models.CheckConstraint(
                name="application_decision_dated",
                condition=Q(decision="", decided_on__isnull=True)
                | (
                    ~Q(decision="")
                    & Q(complete_on__isnull=False)
                    & Q(decided_on__gte=F("complete_on"))
                ),
                violation_error_message=_(
                    "Une décision est datée, au plus tôt le jour où le dossier est complet."
                ),
            ),
            models.CheckConstraint(
                name="application_refusal_reasoned",
                condition=~Q(decision=ApplicationDecision.REFUSED) | ~Q(decision_reason=""),
                violation_error_message=_(
                    "Un refus d'agrément est motivé (art. L211-2 du code des relations entre le "
                    "public et l'administration)."
                ),
            ),
            models.CheckConstraint(
                name="application_grant_has_agrement",
                condition=Q(decision__in=["", ApplicationDecision.REFUSED], agrement__isnull=True)
                | (
                    Q(decision__in=[ApplicationDecision.GRANTED, ApplicationDecision.TACIT])
                    & Q(agrement__isnull=False)
                ),
                violation_error_message=_("Un agrément accordé est enregistré avec sa décision."),
            ),
        ]

    def __str__(self):
        return _("%(kind)s de %(applicant)s reçue le %(day)s") % {
            "kind": self.get_kind_display(),
            "applicant": self.applicant,
            "day": f"{self.received_on:%d/%m/%Y}",
        }

    def get_absolute_url(self):
        return reverse("placements:application_detail", args=[self.public_id])


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class DailyRate(models.Model):
    """A prix de journée for one calendar year: an establishment's, one assistant familial's,
    or the Département's default for assistants familiaux or for PEAD (no place given)."""

    year = models.PositiveSmallIntegerField(_("année"))
    place_kind = models.CharField(_("type d'accueil"), max_length=20, choices=PlaceKind.choices)
    establishment = models.ForeignKey(
        Establishment,
        verbose_name=_("établissement"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rates",
    )
    foster_carer = models.ForeignKey(
        FosterCarer,
        verbose_name=_("assistant familial"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rates",
    )
    amount = models.DecimalField(_("prix de journée (€)"), max_digits=8, decimal_places=2)

    class Meta:
        ordering = ["-year", "place_kind"]
        verbose_name = _("prix de journée")
        verbose_name_plural = _("prix de journée")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "place_kind", "establishment", "foster_carer"],
                nulls_distinct=False,
                name="daily_rate_unique_per_year",
                violation_error_message=_("Un prix de journée existe déjà pour cette année."),
            ),
            models.CheckConstraint(
                name="daily_rate_amount_positive",
                condition=Q(amount__gt=0),
                violation_error_message=_("Le prix de journée doit être positif."),
            ),
            models.CheckConstraint(
                name="daily_rate_year_plausible",
                condition=Q(year__gte=2000, year__lte=2100),
                violation_error_message=_("Année invalide."),
            ),
            models.CheckConstraint(
                name="daily_rate_target_matches_kind",
                condition=Q(
                    place_kind=PlaceKind.ESTABLISHMENT,
                    establishment__isnull=False,
                    foster_carer__isnull=True,
                )
                | Q(place_kind=PlaceKind.FOSTER_CARER, establishment__isnull=True)
                | Q(
                    place_kind=PlaceKind.FAMILY_HOME,
                    establishment__isnull=True,
                    foster_carer__isnull=True,
                ),
                violation_error_message=_(
                    "Le prix de journée ne correspond pas au type d'accueil."
                ),
            ),
        ]

    def __str__(self):
        target = self.establishment or self.foster_carer or _("Département")
        return f"{self.get_place_kind_display()} – {target} – {self.year} : {self.amount} €"


# --- Placements -------------------------------------------------------------------------------


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Placement(Recorded):
    """Where a child lives under the measure that orders it, from ``start_date`` until the
    day of departure ``end_date`` (not counted); created and ended through the services,
    which check the measure and the places left."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(
        "welfare.Child",
        verbose_name=_("enfant"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    measure = models.ForeignKey(
        "welfare.Measure",
        verbose_name=_("mesure"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    place_kind = models.CharField(_("lieu d'accueil"), max_length=20, choices=PlaceKind.choices)
    establishment = models.ForeignKey(
        Establishment,
        verbose_name=_("établissement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
    )
    foster_carer = models.ForeignKey(
        FosterCarer,
        verbose_name=_("assistant familial"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="placements",
    )
    start_date = models.DateField(_("arrivée le"))
    end_date = models.DateField(_("départ le"), null=True, blank=True)
    end_reason = models.CharField(
        _("motif de fin"), max_length=20, choices=PlacementEndReason.choices, blank=True
    )

    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        indexes = [
            models.Index(fields=["start_date", "end_date"], name="placement_period"),
        ]
        constraints = [
            ExclusionConstraint(
                name="placement_no_overlap",
                expressions=[
                    ("child", RangeOperators.EQUAL),
                    (DateRange("start_date", "end_date"), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_("L'enfant a déjà un placement sur cette période."),
            ),
            models.CheckConstraint(
                name="placement_starts_before_end",
                condition=Q(end_date__isnull=True) | Q(start_date__lt=F("end_date")),
                violation_error_message=_("Le départ doit être postérieur à l'arrivée."),
            ),
            models.CheckConstraint(
                name="placement_one_place",
                condition=Q(
                    place_kind=PlaceKind.ESTABLISHMENT,
                    establishment__isnull=False,
                    foster_carer__isnull=True,
                )
                | Q(
                    place_kind=PlaceKind.FOSTER_CARER,
                    establishment__isnull=True,
                    foster_carer__isnull=False,
                )
                | Q(
                    place_kind=PlaceKind.FAMILY_HOME,
                    establishment__isnull=True,
                    foster_carer__isnull=True,
                ),
                violation_error_message=_(
                    "Choisissez un seul lieu d'accueil, conforme au type d'accueil."
                ),
            ),
            models.CheckConstraint(
                name="placement_end_reason_valid",
                condition=Q(end_reason__in=PlacementEndReason.values) | Q(end_reason=""),
            ),
            models.CheckConstraint(
                name="placement_end_reason_needs_end",
                condition=Q(end_reason="") | Q(end_date__isnull=False),
                violation_error_message=_("Un placement terminé a une date de départ."),
            ),
        ]

    def __str__(self):
        return _("%(place)s depuis le %(start)s") % {
            "place": self.place_label,
            "start": self.start_date.strftime("%d/%m/%Y"),
        }

    @property
    def place_label(self) -> str:
        if self.place_kind == PlaceKind.ESTABLISHMENT:
            return str(self.establishment)
        if self.place_kind == PlaceKind.FOSTER_CARER:
            return _("Assistant familial %(carer)s") % {"carer": self.foster_carer}
        return str(PlaceKind.FAMILY_HOME.label)

    @property
    def is_pead(self) -> bool:
        return self.place_kind == PlaceKind.FAMILY_HOME

    def is_active_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date > day)

    def days(self) -> int | None:
        """Days spent in the place; none while it has no end date."""
        return None if self.end_date is None else (self.end_date - self.start_date).days
