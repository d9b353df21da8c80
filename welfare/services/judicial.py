"""Writes of the judicial cycle: hearings, the decisions received from the judge, and the
reports sent to the judge. Each runs in one transaction; pghistory records every row."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from welfare.enums import DecisionEffect, DocumentKind, MeasureEndReason
from welfare.models import Child, Hearing, Measure, StatutoryDocument
from welfare.rules import report_sending_errors
from welfare.services.children import measure_create, measure_end, refuse_if_archived

HEARING_FIELDS = ("measure", "date", "kind", "court", "judge", "summoned", "outcome")


def _check_own(child: Child, measure: Measure | None, field: str) -> None:
    if measure is not None and measure.child_id != child.pk:
        raise ValidationError({field: _("La mesure doit concerner cet enfant.")})


@transaction.atomic
def hearing_create(*, child: Child, author, **fields) -> Hearing:
    """Record a hearing set or held before the judge for ``child``."""
    refuse_if_archived(child)
    unknown = set(fields) - set(HEARING_FIELDS)
    if unknown:
        raise TypeError(f"Champs non modifiables : {', '.join(sorted(unknown))}")
    hearing = Hearing(child=child, created_by=author, **fields)
    _check_own(child, hearing.measure, "measure")
    hearing.full_clean()
    hearing.save()
    return hearing


@transaction.atomic
def decision_record(
    *,
    child: Child,
    author,
    effect: str,
    target: Measure | None = None,
    hearing: Hearing | None = None,
    **measure_fields,
) -> Measure:
    """Record a judgment or order received, in one step: it opens a measure, renews or
    modifies ``target`` (the new measure replaces it: ``target`` ends the day before, reason
    "remplacée"), or ends ``target`` (mainlevée, on the decision's start date). The hearing
    that produced it, when given, points to the decision. Returns the measure opened, or
    ``target`` when the decision ends it."""
    refuse_if_archived(child)
    _check_own(child, target, "target")
    if hearing is not None and hearing.child_id != child.pk:
        raise ValidationError({"hearing": _("L'audience doit concerner cet enfant.")})
    if effect != DecisionEffect.OPENS and target is None:
        raise ValidationError({"target": _("Choisissez la mesure que cette décision concerne.")})
    if effect == DecisionEffect.ENDS:
        decision = measure_end(
            measure=target,
            end_date=measure_fields["start_date"],
            end_reason=MeasureEndReason.RETURN_HOME,
        )
    elif effect == DecisionEffect.RENEWS:
        decision = measure_create(child=child, author=author, renews=target, **measure_fields)
    else:
        if effect == DecisionEffect.MODIFIES:
            target = Measure.objects.select_for_update().get(pk=target.pk)
            last_day = measure_fields["start_date"] - timedelta(days=1)
            if last_day < target.start_date:
                raise ValidationError(
                    {
                        "start_date": _(
                            "La nouvelle mesure doit commencer après celle qu'elle modifie."
                        )
                    }
                )
            measure_end(
                measure=target,
                end_date=min(last_day, target.end_date or last_day),
                end_reason=MeasureEndReason.CHANGED,
            )
        decision = measure_create(child=child, author=author, **measure_fields)
    if hearing is not None:
        hearing.decision = decision
        hearing.save(update_fields=["decision"])
    return decision


@transaction.atomic
def record_report_sent(
    *,
    document: StatutoryDocument,
    sent_on: date,
    shared_on: date | None = None,
    not_shared_reason: str = "",
) -> StatutoryDocument:
    """Record that a rapport de situation or d'échéance was sent to the judge on ``sent_on``,
    with the day its content was shared with the parents and the child, or why it was not
    (art. L223-5 al. 4 CASF). The deadline it answers is done from then on. Called by the
    report's page, and by a letter's sending when letters come."""
    refuse_if_archived(document.child)
    if document.kind not in (DocumentKind.SITUATION_REPORT, DocumentKind.DEADLINE_REPORT):
        raise ValidationError(_("Seul un rapport se transmet au juge."))
    document.sent_to_judge_on = sent_on
    document.shared_with_family_on = shared_on
    document.not_shared_reason = not_shared_reason.strip()
    errors = report_sending_errors(document, today=timezone.localdate())
    if errors:
        raise ValidationError(errors)
    document.full_clean()
    document.save(update_fields=["sent_to_judge_on", "shared_with_family_on", "not_shared_reason"])
    return document
