"""Writes on placements and providers. Each function runs in one transaction; pghistory
records every row written.

The rules that need counting (the places of an agrément, an establishment's capacity) are
checked after locking the carer's or the establishment's row, so two requests racing for the
last place are served one after the other and the second one sees the first one's child.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from placements.enums import (
    AgrementState,
    ApplicationDecision,
    ApplicationStatus,
    PlaceKind,
    PlacementEndReason,
)
from placements.models import (
    Agrement,
    AgrementApplication,
    DailyRate,
    Establishment,
    FosterCarer,
    Placement,
)
from placements.rules import (
    agrement_expiry,
    agrement_parameters,
    application_clock,
    application_due_on,
)
from welfare.enums import MeasureType
from welfare.models import Child, Measure
from welfare.services.children import refuse_if_archived
from welfare.services.fields import assign_fields

PEAD_MEASURES = (MeasureType.AEMO_REINFORCED, MeasureType.AEMO_WITH_ACCOMMODATION)


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def eligible_measure_types(place_kind: str) -> tuple:
    """The measures that may order this kind of place: PEAD rests on an AEMO renforcée or
    avec hébergement, the other places on a measure under which the child lives away."""
    if place_kind == PlaceKind.FAMILY_HOME:
        return PEAD_MEASURES
    return MeasureType.accommodation()


# --- Checks -----------------------------------------------------------------------------------


def _check_place(place_kind, establishment, foster_carer):
    if place_kind not in PlaceKind.values:
        raise ValidationError({"place_kind": _("Choisissez le type d'accueil.")})
    chosen = {
        PlaceKind.ESTABLISHMENT: establishment is not None,
        PlaceKind.FOSTER_CARER: foster_carer is not None,
    }
    for kind, field in (
        (PlaceKind.ESTABLISHMENT, "establishment"),
        (PlaceKind.FOSTER_CARER, "foster_carer"),
    ):
        if kind == place_kind and not chosen[kind]:
            raise ValidationError({field: _("Choisissez le lieu d'accueil.")})
        if kind != place_kind and chosen[kind]:
            raise ValidationError(
                {field: _("Un seul lieu d'accueil, conforme au type d'accueil choisi.")}
            )


def _check_dates(start_date, end_date):
    if end_date is not None and end_date <= start_date:
        raise ValidationError({"end_date": _("Le départ doit être postérieur à l'arrivée.")})


def _check_measure(*, child, measure, place_kind, start_date, end_date):
    """The measure is the child's, may order this place, is under way on arrival, and the
    child's measures cover every day of the stay without a gap (renewals follow one another).
    A stay with no departure date yet is checked on its first day."""
    eligible = eligible_measure_types(place_kind)
    if measure.child_id != child.pk:
        raise ValidationError({"measure": _("Cette mesure ne concerne pas cet enfant.")})
    if measure.type not in eligible:
        if place_kind == PlaceKind.FAMILY_HOME:
            message = _(
                "Un PEAD repose sur une AEMO renforcée ou avec hébergement ; « %(measure)s » ne "
                "permet pas un placement au domicile familial."
            )
        else:
            message = _(
                "« %(measure)s » ne confie pas l'enfant au Département : il ne peut fonder un "
                "accueil hors du domicile."
            )
        raise ValidationError({"measure": message % {"measure": measure.get_type_display()}})
    if not measure.is_active_on(start_date):
        raise ValidationError(
            {
                "measure": _("Cette mesure n'est pas en cours le %(day)s, jour de l'arrivée.")
                % {"day": _day(start_date)}
            }
        )
    last_day = end_date - timedelta(days=1) if end_date else start_date
    covered_until = start_date - timedelta(days=1)
    measures = (
        Measure.objects.filter(child=child, type__in=eligible, start_date__lte=last_day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=start_date))
        .order_by("start_date")
    )
    for item in measures:
        if item.start_date > covered_until + timedelta(days=1):
            break
        covered_until = max(covered_until, item.end_date or date.max)
        if covered_until >= last_day:
            return
    raise ValidationError(
        {
            "end_date": _(
                "Aucune mesure de l'enfant ne couvre la période à partir du %(day)s : un "
                "placement ne peut durer au-delà des mesures qui l'ordonnent."
            )
            % {"day": _day(covered_until + timedelta(days=1))}
        }
    )


def _check_no_overlap(*, child, start_date, end_date, exclude=None):
    """Name the other placement, which the exclusion constraint alone would not do."""
    others = Placement.objects.filter(child=child).overlapping(start_date, end_date)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    other = others.select_related("establishment", "foster_carer").first()
    if other is not None:
        raise ValidationError({"start_date": _overlap_message(other)})


def _overlap_message(other):
    period = (
        _("du %(start)s au %(end)s")
        % {"start": _day(other.start_date), "end": _day(other.end_date)}
        if other.end_date
        else _("depuis le %(start)s, sans date de départ") % {"start": _day(other.start_date)}
    )
    return _(
        "L'enfant a déjà un placement sur cette période : %(place)s, %(period)s. Terminez-le "
        "d'abord, ou utilisez « Changer de lieu d'accueil »."
    ) % {"place": other.place_label, "period": period}


def _peak(placements, start_date, end_date) -> tuple[int, date]:
    """The most placements under way on one day of ``[start_date, end_date)`` and that day."""
    days = {start_date} | {
        p.start_date
        for p in placements
        if p.start_date > start_date and (end_date is None or p.start_date < end_date)
    }
    counts = [(sum(1 for p in placements if p.is_active_on(day)), day) for day in days]
    return max(counts, key=lambda item: (item[0], -item[1].toordinal()))


def _lock_place(place_kind, establishment, foster_carer):
    """Lock the carer's or the establishment's row until the transaction ends."""
    if place_kind == PlaceKind.FOSTER_CARER:
        return FosterCarer.objects.select_for_update().get(pk=foster_carer.pk)
    if place_kind == PlaceKind.ESTABLISHMENT:
        return Establishment.objects.select_for_update().get(pk=establishment.pk)
    return None


def _agrement_refusal(carer, start_date) -> str:
    latest = carer.agrements.filter(granted_on__lte=start_date).order_by("-granted_on").first()
    if latest is None:
        return _("%(carer)s n'a pas d'agrément en cours le %(day)s.") % {
            "carer": carer,
            "day": _day(start_date),
        }
    if latest.state in (AgrementState.SUSPENDED, AgrementState.WITHDRAWN):
        return _(
            "L'agrément de %(carer)s est %(state)s depuis le %(since)s : aucun enfant ne peut "
            "lui être confié."
        ) % {
            "carer": carer,
            "state": latest.get_state_display().lower(),
            "since": _day(latest.state_changed_on),
        }
    return _(
        "L'agrément de %(carer)s a expiré le %(day)s : il doit être renouvelé avant tout "
        "nouvel accueil."
    ) % {"carer": carer, "day": _day(latest.expires_on or latest.state_changed_on)}


def _check_foster_carer(carer, *, start_date, end_date):
    agrement = carer.agrements.in_force_on(start_date).order_by("-granted_on").first()
    if agrement is None:
        raise ValidationError({"foster_carer": _agrement_refusal(carer, start_date)})
    placements = list(carer.placements.overlapping(start_date, end_date))
    if not placements:
        return
    peak, day = _peak(placements, start_date, end_date)
    if peak >= agrement.places:
        raise ValidationError(
            {
                "foster_carer": ngettext(
                    "%(carer)s n'a plus de place libre : son agrément autorise %(places)d "
                    "enfant et %(count)d est déjà accueilli le %(day)s.",
                    "%(carer)s n'a plus de place libre : son agrément autorise %(places)d "
                    "enfants et %(count)d sont déjà accueillis le %(day)s.",
                    agrement.places,
                )
                % {"carer": carer, "places": agrement.places, "count": peak, "day": _day(day)}
            }
        )


def _check_establishment(establishment, *, child, start_date, end_date):
    age = child.age_on(start_date)
    if not establishment.min_age <= age <= establishment.max_age:
        raise ValidationError(
            {
                "establishment": _(
                    "%(name)s accueille des enfants de %(low)d à %(high)d ans ; l'enfant aura "
                    "%(age)d ans le %(day)s."
                )
                % {
                    "name": establishment,
                    "low": establishment.min_age,
                    "high": establishment.max_age,
                    "age": age,
                    "day": _day(start_date),
                }
            }
        )
    placements = list(establishment.placements.overlapping(start_date, end_date))
    if not placements:
        return
    peak, day = _peak(placements, start_date, end_date)
    if peak >= establishment.authorised_capacity:
        raise ValidationError(
            {
                "establishment": _(
                    "%(name)s est complet : %(count)d enfants y sont accueillis le %(day)s pour "
                    "une capacité autorisée de %(capacity)d places."
                )
                % {
                    "name": establishment,
                    "count": peak,
                    "day": _day(day),
                    "capacity": establishment.authorised_capacity,
                }
            }
        )


# --- Placements -------------------------------------------------------------------------------


@transaction.atomic
def placement_create(
    *,
    child: Child,
    measure: Measure,
    place_kind: str,
    start_date: date,
    establishment: Establishment | None = None,
    foster_carer: FosterCarer | None = None,
    end_date: date | None = None,
    author=None,
) -> Placement:
    """Place ``child`` under ``measure`` with a foster carer, in an establishment or at home
    (PEAD) from ``start_date`` (until ``end_date``, the day of departure, when known).

    Refused with a ``ValidationError`` naming the field when the measure does not cover the
    stay, another placement overlaps it, the carer's agrément is not in force or has no place
    left, or the establishment is full or does not take the child's age. The place's row is
    locked first, so that the count of children already there cannot change under us.
    """
    refuse_if_archived(child)
    _check_place(place_kind, establishment, foster_carer)
    _check_dates(start_date, end_date)
    _check_measure(
        child=child,
        measure=measure,
        place_kind=place_kind,
        start_date=start_date,
        end_date=end_date,
    )
    place = _lock_place(place_kind, establishment, foster_carer)
    _check_no_overlap(child=child, start_date=start_date, end_date=end_date)
    if place_kind == PlaceKind.FOSTER_CARER:
        _check_foster_carer(place, start_date=start_date, end_date=end_date)
    elif place_kind == PlaceKind.ESTABLISHMENT:
        _check_establishment(place, child=child, start_date=start_date, end_date=end_date)
    placement = Placement(
        child=child,
        measure=measure,
        place_kind=place_kind,
        establishment=establishment,
        foster_carer=foster_carer,
        start_date=start_date,
        end_date=end_date,
        created_by=author,
    )
    placement.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            placement.save()
    except IntegrityError as error:
        # Another request placed the same child in the meantime: the exclusion constraint
        # caught it, and the checks above, run again, name that placement.
        _check_no_overlap(child=child, start_date=start_date, end_date=end_date)
        raise error
    return placement


@transaction.atomic
def placement_end(*, placement: Placement, end_date: date, end_reason: str) -> Placement:
    """Record that the child left the place on ``end_date`` (the day of departure) and why.
    A placement ends on or before its planned departure; it is never lengthened here."""
    if placement.end_reason:
        raise ValidationError({"end_date": _("Ce placement est déjà terminé.")})
    if end_reason not in PlacementEndReason.values:
        raise ValidationError({"end_reason": _("Indiquez le motif de fin du placement.")})
    if end_date <= placement.start_date:
        raise ValidationError(
            {
                "end_date": _("Le départ doit être postérieur à l'arrivée (%(day)s).")
                % {"day": _day(placement.start_date)}
            }
        )
    if placement.end_date and end_date > placement.end_date:
        raise ValidationError(
            {
                "end_date": _(
                    "Le départ était prévu le %(day)s : un placement ne peut être prolongé "
                    "au-delà ; enregistrez un nouveau placement."
                )
                % {"day": _day(placement.end_date)}
            }
        )
    placement.end_date = end_date
    placement.end_reason = end_reason
    placement.save(update_fields=["end_date", "end_reason", "updated_at"])
    return placement


@transaction.atomic
def placement_move(
    *,
    placement: Placement,
    move_date: date,
    place_kind: str,
    measure: Measure | None = None,
    establishment: Establishment | None = None,
    foster_carer: FosterCarer | None = None,
    end_reason: str = PlacementEndReason.MOVE,
    end_date: date | None = None,
    author=None,
) -> Placement:
    """Move the child to another place on ``move_date``: the current placement ends that
    day and the new one starts it, both or neither (one transaction). The new placement is
    ordered by ``measure``, by default the one that ordered the current placement."""
    placement_end(placement=placement, end_date=move_date, end_reason=end_reason)
    return placement_create(
        child=placement.child,
        measure=measure or placement.measure,
        place_kind=place_kind,
        establishment=establishment,
        foster_carer=foster_carer,
        start_date=move_date,
        end_date=end_date,
        author=author,
    )


# --- Providers --------------------------------------------------------------------------------

ESTABLISHMENT_FIELDS = (
    "name",
    "kind",
    "manager",
    "authorised_capacity",
    "min_age",
    "max_age",
    "territory",
    "address",
    "phone",
)
CARER_FIELDS = ("first_name", "last_name", "territory", "address", "phone", "employer")


@transaction.atomic
def establishment_save(*, establishment: Establishment | None = None, **fields) -> Establishment:
    """Create an establishment, or change one. Its capacity cannot fall below the number of
    children it accommodates today or later."""
    establishment = establishment or Establishment()
    if establishment.pk:
        establishment = Establishment.objects.select_for_update().get(pk=establishment.pk)
    assign_fields(establishment, ESTABLISHMENT_FIELDS, fields)
    establishment.full_clean()
    if establishment.pk:
        today = timezone.localdate()
        placements = list(establishment.placements.overlapping(today, None))
        if placements:
            peak, day = _peak(placements, today, None)
            if peak > establishment.authorised_capacity:
                raise ValidationError(
                    {
                        "authorised_capacity": _(
                            "%(count)d enfants y seront accueillis le %(day)s : la capacité ne "
                            "peut être inférieure."
                        )
                        % {"count": peak, "day": _day(day)}
                    }
                )
    establishment.save()
    return establishment


@transaction.atomic
def foster_carer_save(
    *, foster_carer: FosterCarer | None = None, deaf_obtained_on=None, **fields
) -> FosterCarer:
    """Create an assistant familial, or change one. Obtaining the DEAF lifts the expiry of
    the agrément in force."""
    foster_carer = foster_carer or FosterCarer()
    assign_fields(foster_carer, CARER_FIELDS, fields)
    newly_deaf = foster_carer.deaf_obtained_on is None and deaf_obtained_on is not None
    foster_carer.deaf_obtained_on = deaf_obtained_on
    foster_carer.full_clean()
    foster_carer.save()
    if newly_deaf:
        foster_carer.agrements.filter(state=AgrementState.VALID).update(expires_on=None)
    return foster_carer


@transaction.atomic
def agrement_grant(
    *,
    foster_carer: FosterCarer,
    granted_on: date,
    places: int,
    number: str = "",
    derogation_reason: str = "",
    derogation_decided_on: date | None = None,
) -> Agrement:
    """Record an agrément (a first one or a renewal). It expires after 5 years, or never
    for a holder of the DEAF; more than 3 places need a recorded derogation (the figures in
    force on ``granted_on``)."""
    agrement = Agrement(
        foster_carer=foster_carer,
        granted_on=granted_on,
        expires_on=agrement_expiry(
            granted_on=granted_on,
            deaf_holder=foster_carer.deaf_holder,
            parameters=agrement_parameters(),
        ),
        places=places,
        number=number,
        derogation_reason=derogation_reason,
        derogation_decided_on=derogation_decided_on,
    )
    agrement.full_clean()
    agrement.save()
    return agrement


@transaction.atomic
def agrement_change_state(
    *, agrement: Agrement, state: str, since: date, reason: str = ""
) -> Agrement:
    """Suspend, withdraw or restore an agrément from ``since``. Children already placed stay
    placed (their moves are decided child by child); no new child can be placed meanwhile."""
    if state not in AgrementState.values:
        raise ValidationError({"state": _("État inconnu.")})
    if state != AgrementState.VALID and not reason.strip():
        raise ValidationError({"state_reason": _("Indiquez le motif de la décision.")})
    if since < agrement.granted_on:
        raise ValidationError(
            {"state_changed_on": _("La décision ne peut précéder l'agrément lui-même.")}
        )
    agrement.state = state
    agrement.state_changed_on = since
    agrement.state_reason = reason
    agrement.full_clean()
    agrement.save(update_fields=["state", "state_changed_on", "state_reason"])
    return agrement


@transaction.atomic
def agrement_record_reminder(*, agrement: Agrement, sent_on: date, today: date) -> Agrement:
    """Record the day the holder was told to apply for renewal (art. D421-19 CASF: at least 4
    months before expiry, the dated delay; the letter itself leaves the Département by
    post)."""
    if not agrement.calls_for_renewal_notice:
        if agrement.expires_on is None:
            raise ValidationError(
                _("Cet agrément n'expire pas (titulaire du DEAF) : il n'y a pas d'avis à envoyer.")
            )
        raise ValidationError(_("Seul un agrément valide appelle un avis de renouvellement."))
    if sent_on > today:
        raise ValidationError({"sent_on": _("L'avis ne peut être daté d'un jour à venir.")})
    if not agrement.granted_on <= sent_on < agrement.expires_on:
        raise ValidationError(
            {
                "sent_on": _("Choisissez une date entre le %(start)s et la veille de l'expiration.")
                % {"start": f"{agrement.granted_on:%d/%m/%Y}"}
            }
        )
    agrement.reminder_sent_on = sent_on
    agrement.save(update_fields=["reminder_sent_on"])
    return agrement


@transaction.atomic
def agrements_expire(*, today: date) -> int:
    """Mark as expired the valid agréments whose expiry date has come; returns how many."""
    return Agrement.objects.filter(state=AgrementState.VALID, expires_on__lte=today).update(
        state=AgrementState.EXPIRED, state_changed_on=F("expires_on")
    )


@transaction.atomic
def daily_rate_set(
    *,
    year: int,
    amount,
    place_kind: str,
    establishment: Establishment | None = None,
    foster_carer: FosterCarer | None = None,
) -> DailyRate:
    """Set the prix de journée of a year for an establishment, one assistant familial, or the
    Département's default (assistants familiaux or PEAD); a second call replaces it."""
    rate = DailyRate.objects.filter(
        year=year, place_kind=place_kind, establishment=establishment, foster_carer=foster_carer
    ).first() or DailyRate(
        year=year, place_kind=place_kind, establishment=establishment, foster_carer=foster_carer
    )
    rate.amount = amount
    rate.full_clean(validate_constraints=False)
    rate.save()
    return rate


# --- Applications for agrément (art. L421-3 and L421-6 CASF) ----------------------------------


def _day_not_after(field: str, value: date, today: date):
    if value > today:
        raise ValidationError({field: _("Cette date ne peut être dans le futur.")})


def _check_complete(complete_on: date, *, received_on: date, today: date):
    _day_not_after("complete_on", complete_on, today)
    if complete_on < received_on:
        raise ValidationError(
            {
                "complete_on": _(
                    "Le dossier ne peut être complet avant la réception de la demande (%(day)s)."
                )
                % {"day": _day(received_on)}
            }
        )


def _locked_application(application: AgrementApplication) -> AgrementApplication:
    return AgrementApplication.objects.select_for_update().get(pk=application.pk)


def _still_pending(application: AgrementApplication):
    if application.decision:
        raise ValidationError(
            _("La décision est déjà enregistrée (%(decision)s) : la demande est close.")
            % {"decision": application.get_decision_display().lower()}
        )


@transaction.atomic
def application_receive(
    *,
    applicant: FosterCarer,
    kind: str,
    places: int,
    received_on: date,
    today: date,
    complete_on: date | None = None,
    author=None,
) -> AgrementApplication:
    """Record an application for agrément as received (and complete, when it is). Its
    decision clock starts from the complete file (art. L421-6 al. 2 CASF)."""
    _day_not_after("received_on", received_on, today)
    if complete_on is not None:
        _check_complete(complete_on, received_on=received_on, today=today)
    application = AgrementApplication(
        applicant=applicant,
        kind=kind,
        places=places,
        received_on=received_on,
        complete_on=complete_on,
        created_by=author,
    )
    application.full_clean()
    application.save()
    return application


@transaction.atomic
def application_record_complete(
    *, application: AgrementApplication, complete_on: date, today: date
) -> AgrementApplication:
    """Record the day the file became complete: the 4 months run from it."""
    application = _locked_application(application)
    _still_pending(application)
    if application.extended_on:
        raise ValidationError(
            {"complete_on": _("Le délai est déjà prolongé : le dossier complet ne change plus.")}
        )
    _check_complete(complete_on, received_on=application.received_on, today=today)
    application.complete_on = complete_on
    application.full_clean()
    application.save(update_fields=["complete_on", "updated_at"])
    return application


@transaction.atomic
def application_extend(
    *, application: AgrementApplication, extended_on: date, reason: str, today: date
) -> AgrementApplication:
    """Extend the decision delay once by 2 months, by a reasoned decision taken before the
    first 4 months run out (art. L421-6 al. 2 CASF)."""
    application = _locked_application(application)
    _still_pending(application)
    if application.complete_on is None:
        raise ValidationError(
            {"extended_on": _("Le délai ne court pas encore : le dossier n'est pas complet.")}
        )
    if application.extended_on:
        raise ValidationError(
            {"extended_on": _("Le délai ne peut être prolongé qu'une fois (art. L421-6 CASF).")}
        )
    if not reason.strip():
        raise ValidationError(
            {"reason": _("La prolongation est une décision motivée (art. L421-6 CASF).")}
        )
    _day_not_after("extended_on", extended_on, today)
    due = application_due_on(
        complete_on=application.complete_on, extended=False, parameters=agrement_parameters()
    )
    if not application.complete_on <= extended_on <= due:
        raise ValidationError(
            {
                "extended_on": _(
                    "La prolongation est décidée entre le dossier complet (%(start)s) et la fin "
                    "du délai de 4 mois (%(due)s) ; au-delà, l'agrément est réputé acquis "
                    "(art. L421-6 al. 2 CASF)."
                )
                % {"start": _day(application.complete_on), "due": _day(due)}
            }
        )
    application.extended_on = extended_on
    application.extension_reason = reason
    application.full_clean()
    application.save(update_fields=["extended_on", "extension_reason", "updated_at"])
    return application


def _grant(application: AgrementApplication, granted_on: date, **derogation) -> Agrement:
    return agrement_grant(
        foster_carer=application.applicant,
        granted_on=granted_on,
        places=application.places,
        **derogation,
    )


@transaction.atomic
def application_decide(
    *,
    application: AgrementApplication,
    decision: str,
    decided_on: date,
    today: date,
    reason: str = "",
    number: str = "",
    derogation_reason: str = "",
) -> AgrementApplication:
    """Record the explicit decision, within the delay (art. L421-6 al. 2 CASF): a grant
    records the agrément from ``decided_on``; a refusal states its reason. Past the delay the
    agrément is already granted tacitly, and is recorded as such instead."""
    application = _locked_application(application)
    _still_pending(application)
    if decision not in (ApplicationDecision.GRANTED, ApplicationDecision.REFUSED):
        raise ValidationError({"decision": _("Choisissez d'accorder ou de refuser l'agrément.")})
    if application.complete_on is None:
        raise ValidationError(
            {
                "decided_on": _(
                    "Le dossier n'est pas complet : enregistrez d'abord son dépôt complet."
                )
            }
        )
    _day_not_after("decided_on", decided_on, today)
    clock = application_clock(application, day=decided_on, parameters=agrement_parameters())
    if decided_on < application.complete_on:
        raise ValidationError(
            {
                "decided_on": _("La décision ne peut précéder le dossier complet (%(day)s).")
                % {"day": _day(application.complete_on)}
            }
        )
    if decided_on > clock.due_on:
        raise ValidationError(
            {
                "decided_on": _(
                    "Le délai de décision a expiré le %(due)s : l'agrément est réputé acquis "
                    "depuis le %(tacit)s (art. L421-6 al. 2 CASF). Enregistrez l'accord tacite."
                )
                % {"due": _day(clock.due_on), "tacit": _day(clock.tacit_from)}
            }
        )
    if decision == ApplicationDecision.REFUSED and not reason.strip():
        raise ValidationError(
            {
                "reason": _(
                    "Un refus d'agrément est motivé (art. L211-2 du code des relations entre le "
                    "public et l'administration)."
                )
            }
        )
    if decision == ApplicationDecision.GRANTED:
        derogation = (
            {"derogation_reason": derogation_reason, "derogation_decided_on": decided_on}
            if derogation_reason.strip()
            else {}
        )
        application.agrement = _grant(application, decided_on, number=number, **derogation)
    application.decision = decision
    application.decided_on = decided_on
    application.decision_reason = reason
    application.full_clean()
    application.save()
    return application


@transaction.atomic
def application_record_tacit(
    *, application: AgrementApplication, today: date, number: str = ""
) -> AgrementApplication:
    """Record the agrément granted tacitly: no decision was notified within the delay
    (art. L421-6 al. 2 CASF), so it holds from the day after the delay ran out."""
    application = _locked_application(application)
    _still_pending(application)
    clock = application_clock(application, day=today, parameters=agrement_parameters())
    if clock.status != ApplicationStatus.TACIT:
        if clock.due_on is None:
            raise ValidationError(_("Le dossier n'est pas complet : le délai ne court pas."))
        raise ValidationError(
            _("Le délai de décision court jusqu'au %(due)s : l'agrément n'est pas encore acquis.")
            % {"due": _day(clock.due_on)}
        )
    application.agrement = _grant(application, clock.tacit_from, number=number)
    application.decision = ApplicationDecision.TACIT
    application.decided_on = clock.tacit_from
    application.full_clean()
    application.save()
    return application
