"""Writes of the prevention app. Each function validates against the model's rules and runs in
one transaction; pghistory records every row written, the children's links included."""

from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prevention.enums import ConcernOutcome, FirstAnalysis, PreventionAccessPurpose
from prevention.models import (
    Concern,
    ConcernParameter,
    Intervention,
    Partner,
    PreventionAction,
)
from prevention.rules import evaluation_due_on
from welfare.enums import DecisionMaker, MeasureType
from welfare.models import Child
from welfare.services import children as children_services
from welfare.services.access_log import access_log_record
from welfare.services.fields import assign_fields

ACTION_FIELDS = (
    "title",
    "kind",
    "partner",
    "territory",
    "start_date",
    "end_date",
    "budget",
    "cost",
    "description",
    "assessment",
)
HOME_FIELDS = ("started_on", "ended_on", "family_name", "visits_count", "outcome", "notes")
GROUP_FIELDS = ("started_on", "families_count", "participants_count", "notes")
CONCERN_FIELDS = (
    "territory",
    "received_on",
    "source",
    "transmitter",
    "grave_danger",
    "danger_kind",
    "facts",
    "prosecutor_referral_on",
)


# --- Partners and actions ---------------------------------------------------------------------


@transaction.atomic
def partner_create(*, name: str, kind: str) -> Partner:
    """Add an organisation that runs prevention actions."""
    partner = Partner(name=name.strip(), kind=kind)
    partner.full_clean()
    partner.save()
    return partner


@transaction.atomic
def action_create(**fields) -> PreventionAction:
    """Add a prevention action of one budget year; ``fields`` are the form's fields (title,
    kind, partner, territory, period, budget, cost, description, assessment)."""
    action = PreventionAction()
    assign_fields(action, ACTION_FIELDS, fields)
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_update(*, action: PreventionAction, **changes) -> PreventionAction:
    """Change an action. Its interventions must stay within its period, and an action that
    already has interventions keeps its nature (home interventions or group activity), since
    the two record families differently."""
    action = PreventionAction.objects.select_for_update().get(pk=action.pk)
    was_home = action.is_home_intervention
    assign_fields(action, ACTION_FIELDS, changes)
    action.full_clean()
    interventions = action.interventions.all()
    if action.is_home_intervention != was_home and interventions.exists():
        raise ValidationError(
            {
                "kind": _(
                    "Des interventions sont déjà saisies : une action à domicile ne peut "
                    "devenir une action collective, ni l'inverse."
                )
            }
        )
    if interventions.exclude(started_on__range=(action.start_date, action.end_date)).exists():
        raise ValidationError(
            _("Des interventions de cette action sortent de la nouvelle période.")
        )
    action.save()
    return action


# --- Interventions ----------------------------------------------------------------------------


def _check_intervention(intervention):
    action = intervention.action
    errors = {}
    if not action.start_date <= intervention.started_on <= action.end_date:
        errors["started_on"] = _("La date doit être comprise dans la période de l'action (%s).") % (
            f"{action.start_date:%d/%m/%Y} – {action.end_date:%d/%m/%Y}"
        )
    if action.is_home_intervention and not intervention.family_name.strip():
        errors["family_name"] = _("Indiquez la famille accompagnée.")
    if errors:
        raise ValidationError(errors)


def _intervention_fields(action):
    return HOME_FIELDS if action.is_home_intervention else GROUP_FIELDS


@transaction.atomic
def intervention_create(*, action: PreventionAction, author, **fields) -> Intervention:
    """Record what an action delivered: a home intervention with one family (which counts
    as one family reached) or a session of a group activity with its families counted."""
    intervention = Intervention(action=action, created_by=author)
    assign_fields(intervention, _intervention_fields(action), fields)
    if action.is_home_intervention:
        intervention.families_count = 1
    intervention.full_clean()
    _check_intervention(intervention)
    intervention.save()
    return intervention


@transaction.atomic
def intervention_update(*, intervention: Intervention, **changes) -> Intervention:
    """Correct an intervention or record its end and outcome."""
    assign_fields(intervention, _intervention_fields(intervention.action), changes)
    intervention.full_clean()
    _check_intervention(intervention)
    intervention.save()
    return intervention


@transaction.atomic
def intervention_delete(*, intervention: Intervention) -> None:
    """Remove an intervention entered by mistake (its history stays in pghistory)."""
    intervention.children.clear()
    intervention.delete()


@transaction.atomic
def intervention_child_add(*, intervention: Intervention, child: Child, by) -> None:
    """Link a child's file to a home intervention: it then shows in the child's timeline. The
    child's access log says who did it."""
    if not intervention.action.is_home_intervention:
        raise ValidationError(
            _("Une action collective compte les familles sans les nommer : aucun enfant.")
        )
    children_services.refuse_if_archived(child)
    intervention.children.add(child)
    access_log_record(child=child, user=by, purpose=PreventionAccessPurpose.LINKED_TO_PREVENTION)


@transaction.atomic
def intervention_child_remove(*, intervention: Intervention, child: Child, by) -> None:
    """Unlink a child linked by mistake (logged in the child's access log)."""
    intervention.children.remove(child)
    access_log_record(
        child=child, user=by, purpose=PreventionAccessPurpose.UNLINKED_FROM_PREVENTION
    )


# --- Informations préoccupantes ---------------------------------------------------------------


def _set_due_date(concern: Concern, birth_dates) -> None:
    concern.evaluation_due_on = evaluation_due_on(
        received_on=concern.received_on,
        birth_dates=birth_dates,
        grave_danger=concern.grave_danger,
        parameters=ConcernParameter.objects.as_set(),
    )


# An information préoccupante is about a child (art. L226-3 CASF): its evaluation is of that
# child's situation, and its outcome goes in that child's file.
EVALUATION_BEFORE_ANALYSIS = gettext_lazy(
    "L'évaluation commence au plus tôt le jour de la première analyse."
)
NO_CHILD = gettext_lazy(
    "Indiquez d'abord l'enfant concerné (« Modifier les enfants ») : une information "
    "préoccupante porte sur un enfant."
)


def _locked(concern: Concern) -> Concern:
    return Concern.objects.select_for_update().get(pk=concern.pk)


def _check_referral(concern: Concern) -> None:
    if concern.prosecutor_referral_on and concern.prosecutor_referral_on < concern.received_on:
        raise ValidationError(
            {
                "prosecutor_referral_on": _(
                    "Le signalement ne peut précéder la réception de l'information."
                )
            }
        )


@transaction.atomic
def concern_create(*, author, children=(), **fields) -> Concern:
    """Record an information préoccupante as received; its evaluation is due 3 months later,
    sooner for a very young child or a grave and immediate danger (dated parameters)."""
    for child in children:
        children_services.refuse_if_archived(child)
    concern = Concern(created_by=author)
    assign_fields(concern, CONCERN_FIELDS, fields)
    _set_due_date(concern, [child.birth_date for child in children])
    _check_referral(concern)
    concern.full_clean()
    concern.save()
    concern.children.set(children)
    return concern


@transaction.atomic
def concern_update(*, concern: Concern, **changes) -> Concern:
    """Correct the intake of a concern; the due date follows the corrected receipt date and
    danger."""
    concern = _locked(concern)
    assign_fields(concern, CONCERN_FIELDS, changes)
    _set_due_date(concern, concern.children.values_list("birth_date", flat=True))
    _check_referral(concern)
    concern.full_clean()
    concern.save()
    return concern


def _refresh_due_date(concern: Concern) -> None:
    _set_due_date(concern, concern.children.values_list("birth_date", flat=True))
    concern.save(update_fields=["evaluation_due_on", "updated_at"])


@transaction.atomic
def concern_child_add(
    *, concern: Concern, child: Child, by, purpose: str = PreventionAccessPurpose.LINKED_TO_CONCERN
) -> Concern:
    """Add an existing child's file to a concern; a very young child shortens the deadline.
    The child's access log says who did it."""
    children_services.refuse_if_archived(child)
    concern = _locked(concern)
    concern.children.add(child)
    _refresh_due_date(concern)
    access_log_record(child=child, user=by, purpose=purpose)
    return concern


@transaction.atomic
def concern_child_create(*, concern: Concern, by, **identity) -> Child:
    """Open a child's file from a concern, in its territory, through welfare's service, and
    add it to the concern."""
    child = children_services.child_create(territory=concern.territory, **identity)
    concern_child_add(
        concern=concern, child=child, by=by, purpose=PreventionAccessPurpose.OPENED_FROM_CONCERN
    )
    return child


@transaction.atomic
def concern_child_remove(*, concern: Concern, child: Child, by) -> Concern:
    """Remove a child added by mistake; the deadline is computed again (logged in the
    child's access log)."""
    concern = _locked(concern)
    if concern.measure_id and concern.measure.child_id == child.pk:
        raise ValidationError(_("Cet enfant bénéficie de la prestation ouverte par cette IP."))
    if (
        concern.first_analysis == FirstAnalysis.CONCERN
        and not concern.children.exclude(pk=child.pk).exists()
    ):
        raise ValidationError(
            _("Cette IP est qualifiée : indiquez l'enfant concerné avant de retirer celui-ci.")
        )
    concern.children.remove(child)
    _refresh_due_date(concern)
    access_log_record(child=child, user=by, purpose=PreventionAccessPurpose.UNLINKED_FROM_CONCERN)
    return concern


@transaction.atomic
def concern_analyse(
    *,
    concern: Concern,
    first_analysis: str,
    analysed_on: date,
    evaluation_started_on: date | None = None,
    evaluators=(),
) -> Concern:
    """Record the CRIP's first analysis and, for an IP, the start of the evaluation and its
    team."""
    concern = _locked(concern)
    if concern.evaluation_ended_on:
        raise ValidationError(_("L'évaluation est terminée : l'analyse ne peut plus changer."))
    if first_analysis == FirstAnalysis.CONCERN and not concern.children.exists():
        raise ValidationError({"first_analysis": NO_CHILD})
    if first_analysis == FirstAnalysis.NOT_CONCERN and (evaluation_started_on or evaluators):
        raise ValidationError(
            {
                "evaluation_started_on": _(
                    "Une information qui ne relève pas d'une IP n'est pas évaluée."
                )
            }
        )
    if evaluation_started_on and evaluation_started_on < analysed_on:
        raise ValidationError({"evaluation_started_on": EVALUATION_BEFORE_ANALYSIS})
    concern.first_analysis = first_analysis
    concern.analysed_on = analysed_on
    concern.evaluation_started_on = evaluation_started_on
    concern.full_clean()
    concern.save()
    concern.evaluators.set(evaluators)
    return concern


def _measure_errors(error: ValidationError) -> ValidationError:
    """welfare's errors on the measure, named after the outcome form's measure fields."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {
            key if key == NON_FIELD_ERRORS else f"measure_{key}": messages
            for key, messages in error.error_dict.items()
        }
    )


@transaction.atomic
def concern_close(
    *,
    concern: Concern,
    author,
    evaluation_ended_on: date,
    outcome: str,
    prosecutor_referral_on: date | None = None,
    measure: dict | None = None,
) -> Concern:
    """End the evaluation with its outcome. An administrative help opens its measure in the
    child's file through welfare's service (``measure``: child, type, decision, start and end
    dates, parental agreement); a referral to the prosecutor is dated."""
    concern = _locked(concern)
    if concern.first_analysis != FirstAnalysis.CONCERN:
        raise ValidationError(_("Seule une information préoccupante est évaluée."))
    if concern.evaluation_ended_on:
        raise ValidationError(_("L'évaluation de cette IP est déjà terminée."))
    if not concern.children.exists():
        raise ValidationError(NO_CHILD)
    concern.evaluation_ended_on = evaluation_ended_on
    concern.outcome = outcome
    if prosecutor_referral_on:
        concern.prosecutor_referral_on = prosecutor_referral_on
    _check_referral(concern)
    if outcome == ConcernOutcome.ADMINISTRATIVE_HELP:
        if not measure or not concern.children.filter(pk=measure["child"].pk).exists():
            raise ValidationError(
                {"measure_child": _("Choisissez l'enfant concerné qui bénéficie de la prestation.")}
            )
        if measure["type"] not in MeasureType.administrative():
            raise ValidationError({"measure_type": _("Choisissez une prestation administrative.")})
        try:
            concern.measure = children_services.measure_create(
                author=author, decided_by=DecisionMaker.DEPARTEMENT_PRESIDENT, **measure
            )
        except ValidationError as error:
            raise _measure_errors(error) from error
    concern.full_clean()
    concern.save()
    return concern


@transaction.atomic
def concern_signal(*, concern: Concern, author, prosecutor_referral_on: date) -> Concern:
    """Record the signalement of a grave and immediate danger sent to the procureur, which
    closes the concern (art. L226-4 I 2° and D226-2-4 I 2° CASF: referred without waiting
    for the evaluation). Not analysed yet, it is qualified an IP that day."""
    concern = _locked(concern)
    if not concern.grave_danger:
        raise ValidationError(
            _("Seul un danger grave et immédiat est signalé sans attendre l'évaluation.")
        )
    if concern.first_analysis == FirstAnalysis.NOT_CONCERN:
        raise ValidationError(_("Cette information ne relève pas d'une IP."))
    if not concern.children.exists():
        raise ValidationError(NO_CHILD)
    if prosecutor_referral_on < concern.received_on:
        raise ValidationError(
            {
                "prosecutor_referral_on": _(
                    "Le signalement ne peut précéder la réception de l'information."
                )
            }
        )
    if concern.evaluation_started_on and prosecutor_referral_on < concern.evaluation_started_on:
        raise ValidationError(
            {
                "prosecutor_referral_on": _(
                    "L'évaluation a commencé le %(day)s : le signalement ne peut la précéder."
                )
                % {"day": f"{concern.evaluation_started_on:%d/%m/%Y}"}
            }
        )
    if not concern.first_analysis:
        concern.first_analysis = FirstAnalysis.CONCERN
        concern.analysed_on = prosecutor_referral_on
        concern.save(update_fields=["first_analysis", "analysed_on", "updated_at"])
    return concern_close(
        concern=concern,
        author=author,
        evaluation_ended_on=prosecutor_referral_on,
        outcome=ConcernOutcome.PROSECUTOR,
        prosecutor_referral_on=prosecutor_referral_on,
    )


@transaction.atomic
def concern_feedback(
    *, concern: Concern, prosecutor_feedback: str, prosecutor_feedback_on: date
) -> Concern:
    """Record what the procureur did with the signalement (art. L226-4 CASF)."""
    concern = _locked(concern)
    if not concern.prosecutor_referral_on:
        raise ValidationError(_("Aucun signalement au procureur n'est enregistré."))
    concern.prosecutor_feedback = prosecutor_feedback
    concern.prosecutor_feedback_on = prosecutor_feedback_on
    concern.full_clean()
    concern.save()
    return concern
