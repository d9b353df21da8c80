"""Writes on the children's files. Each function validates against the model's rules (the
legal limits included) and runs in one transaction; pghistory records every row written."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from welfare.enums import MeasureEndReason, MeasureNature, MeasureType
from welfare.models import (
    Child,
    Guardian,
    LegalParameter,
    LegalParameterSet,
    Measure,
    StatutoryDocument,
)
from welfare.retention import files_past_active_period
from welfare.rules import measure_errors, report_sending_errors
from welfare.services.fields import assign_fields

CHILD_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "sex",
    "referent",
    "disability",
    "mdph_decision_date",
    "unaccompanied_minor",
)
GUARDIAN_FIELDS = (
    "relationship",
    "first_name",
    "last_name",
    "holds_parental_authority",
    "deceased",
    "phone",
    "email",
    "address",
)
MEASURE_FIELDS = (
    "type",
    "decided_by",
    "decision_date",
    "start_date",
    "end_date",
    "court",
    "decision_reference",
    "parental_agreement",
    "durable_difficulties",
    "placement_basis",
    "without_hearing",
    "judge_referral_date",
    "merits_extension_date",
)


def _check_siblings(child, siblings):
    if any(sibling.territory_id != child.territory_id or sibling == child for sibling in siblings):
        raise ValidationError(
            {"siblings": _("Un frère ou une sœur doit être un autre enfant du même territoire.")}
        )


def refuse_if_archived(child: Child) -> None:
    """Refuse any write on a file in intermediate archiving: it is kept as it was when it left
    the active base (CNIL 2022-008, § 46), and read-only. Every write service of welfare and
    of the apps calls this first."""
    if child.archived_at is not None:
        raise ValidationError(
            _(
                "Ce dossier est en archivage intermédiaire depuis le %(day)s (référentiel CNIL "
                "« protection de l'enfance », délibération n° 2022-008, § 46) : il se consulte "
                "en lecture seule et ne peut plus être modifié. S'il doit revenir en base "
                "active, l'archiviste l'y maintient, avec le motif."
            )
            % {"day": f"{timezone.localtime(child.archived_at):%d/%m/%Y}"}
        )


@transaction.atomic
def child_create(*, territory, siblings=(), **fields) -> Child:
    """Open a child's file in ``territory``; ``fields`` are the identity fields of the form
    (names, birth date, sex, référent, disability and MDPH decision, unaccompanied minor)."""
    child = Child(territory=territory)
    assign_fields(child, CHILD_FIELDS, fields)
    child.full_clean()
    _check_siblings(child, siblings)
    child.save()
    child.siblings.set(siblings)
    return child


def _birth_date_errors(child: Child) -> list[str]:
    """What a corrected birth date would make wrong in the file: a measure whose legal limits
    it breaks (begun before the birth, a young adult's help before majority…) or a document
    dated before the birth. Nothing when the birth date is unchanged."""
    stored = Child.objects.filter(pk=child.pk).values_list("birth_date", flat=True).first()
    if stored is None or stored == child.birth_date:
        return []
    parameters = LegalParameterSet(LegalParameter.objects.all())
    errors = []
    for measure in child.measures.order_by("start_date", "pk"):
        measure.child = child
        for message in measure_errors(measure, parameters).values():
            errors.append(_("%(measure)s : %(message)s") % {"measure": measure, "message": message})
    for document in child.documents.filter(completed_on__lt=child.birth_date):
        errors.append(
            _("%(document)s : le document serait antérieur à la naissance.")
            % {"document": document}
        )
    return errors


@transaction.atomic
def child_update(*, child: Child, siblings=None, **changes) -> Child:
    """Change a child's identity fields and, when given, the siblings (linked both ways). A
    corrected birth date is refused while a measure or a document of the file contradicts it:
    the caseworker corrects those first, and no later page meets an invalid measure."""
    refuse_if_archived(child)
    assign_fields(child, CHILD_FIELDS, changes)
    child.full_clean()
    invalidated = _birth_date_errors(child)
    if invalidated:
        raise ValidationError(
            {
                "birth_date": [
                    _(
                        "Avec cette date de naissance, des éléments du dossier ne seraient plus "
                        "valides ; corrigez-les d'abord."
                    ),
                    *invalidated,
                ]
            }
        )
    child.save()
    if siblings is not None:
        # Archived siblings are not offered in the form; their link stays as it was.
        siblings = [*siblings, *child.siblings.archived()]
        _check_siblings(child, siblings)
        child.siblings.set(siblings)
    return child


def guardian_twin(*, guardian: Guardian, first_name: str, last_name: str) -> Guardian | None:
    """Another guardian of ``guardian.child`` who is the same person (names equal up to case,
    accents, hyphens and their order), or None."""
    return (
        Guardian.objects.filter(child_id=guardian.child_id)
        .exclude(pk=guardian.pk)
        .same_person(first_name, last_name)
        .first()
    )


def _check_guardian(guardian: Guardian) -> None:
    guardian.full_clean()
    twin = guardian_twin(
        guardian=guardian, first_name=guardian.first_name, last_name=guardian.last_name
    )
    if twin:
        raise ValidationError(
            {
                "last_name": _("Cette personne figure déjà dans le dossier : %(name)s.")
                % {"name": twin}
            }
        )


@transaction.atomic
def guardian_create(*, child: Child, **fields) -> Guardian:
    """Add a holder of parental authority or a relative to a child's file; the same person
    twice on one file is refused."""
    refuse_if_archived(child)
    guardian = Guardian(child=child)
    assign_fields(guardian, GUARDIAN_FIELDS, fields)
    _check_guardian(guardian)
    guardian.save()
    return guardian


@transaction.atomic
def guardian_update(*, guardian: Guardian, **changes) -> Guardian:
    """Change a guardian's details (not into another guardian of the same file)."""
    refuse_if_archived(guardian.child)
    assign_fields(guardian, GUARDIAN_FIELDS, changes)
    _check_guardian(guardian)
    guardian.save()
    return guardian


def _check_renews_precedes(renews, measure):
    if measure.start_date and renews.start_date >= measure.start_date:
        raise ValidationError(
            {"renews": _("La mesure renouvelée doit avoir commencé avant celle-ci.")}
        )


def _nature_of(measure_type) -> str:
    if measure_type in MeasureType.administrative():
        return MeasureNature.ADMINISTRATIVE
    return MeasureNature.JUDICIAL


@transaction.atomic
def measure_create(*, child: Child, author, renews: Measure | None = None, **fields) -> Measure:
    """Record a measure decided for ``child``; refused with the rule's message when it breaks
    a legal limit. A renewal closes the measure it renews with the reason "renouvelée"."""
    refuse_if_archived(child)
    measure = Measure(child=child, created_by=author, renews=renews)
    assign_fields(measure, MEASURE_FIELDS, fields)
    measure.nature = _nature_of(measure.type)
    if renews is not None:
        renews = Measure.objects.select_for_update().get(pk=renews.pk)
        if renews.child_id != child.pk:
            raise ValidationError({"renews": _("La mesure renouvelée doit concerner cet enfant.")})
        if renews.renewals.exists():
            raise ValidationError({"renews": _("Cette mesure a déjà été renouvelée.")})
        _check_renews_precedes(renews, measure)
    measure.full_clean()
    measure.save()
    if renews is not None and not renews.end_reason:
        renews.end_reason = MeasureEndReason.RENEWED
        renews.save(update_fields=["end_reason", "updated_at"])
    return measure


@transaction.atomic
def measure_update(*, measure: Measure, renews: Measure | None = None, **changes) -> Measure:
    """Correct a measure as recorded; the legal limits are checked again."""
    refuse_if_archived(measure.child)
    if renews is not None and (renews.child_id != measure.child_id or renews.pk == measure.pk):
        raise ValidationError({"renews": _("La mesure renouvelée doit concerner cet enfant.")})
    measure.renews = renews
    assign_fields(measure, MEASURE_FIELDS, changes)
    if renews is not None:
        _check_renews_precedes(renews, measure)
    measure.nature = _nature_of(measure.type)
    measure.full_clean()
    measure.save()
    return measure


@transaction.atomic
def measure_end(*, measure: Measure, end_date: date, end_reason: str) -> Measure:
    """Record that a measure ended on ``end_date`` (at its term or earlier) and why."""
    refuse_if_archived(measure.child)
    if end_date < measure.start_date:
        raise ValidationError({"end_date": _("La fin de la mesure ne peut précéder son début.")})
    if measure.end_date and end_date > measure.end_date:
        raise ValidationError(
            {
                "end_date": _(
                    "Une mesure ne peut se terminer après son échéance (%(day)s) : "
                    "enregistrez plutôt son renouvellement."
                )
                % {"day": f"{measure.end_date:%d/%m/%Y}"}
            }
        )
    if end_reason == MeasureEndReason.RENEWED:
        raise ValidationError(
            {"end_reason": _("Pour un renouvellement, saisissez la nouvelle mesure.")}
        )
    measure.end_date = end_date
    measure.end_reason = end_reason
    measure.full_clean()
    measure.save(update_fields=["end_date", "end_reason", "updated_at"])
    return measure


@transaction.atomic
def document_create(*, child: Child, author, kind: str, completed_on: date, **fields):
    """Record a PPE, rapport de situation or d'échéance, or autonomy interview once it is
    done; the next deadline follows from it. A report sent to the judge says when its content
    was shared with the parents and the child, or why not (``report_sending_errors``)."""

    refuse_if_archived(child)
    document = StatutoryDocument(child=child, author=author, kind=kind, completed_on=completed_on)
    assign_fields(
        document,
        (
            "referent",
            "objectives",
            "trusted_person",
            "summary",
            "sent_to_judge_on",
            "measure",
            "shared_with_family_on",
            "not_shared_reason",
        ),
        fields,
    )
    if document.measure is not None and document.measure.child_id != child.pk:
        raise ValidationError({"measure": _("La mesure doit concerner cet enfant.")})
    errors = report_sending_errors(document, today=timezone.localdate())
    if errors:
        raise ValidationError(errors)
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def child_legal_hold_set(*, child: Child, by, hold: bool, reason: str = "") -> Child:
    """Keep a file in the active base (``hold``), with the reason (a claim, a procedure under
    way, a young adult back in touch), or lift the hold. Held on an archived file, the file
    comes back to the active base: the hold is how a file leaves intermediate archiving.
    Decided by the territory manager for his territory's files, by the archivist for the
    archived ones (the views' scope); pghistory keeps every change with its author."""
    reason = reason.strip()
    if hold and not reason:
        raise ValidationError({"reason": _("Indiquez le motif du maintien en base active.")})
    child.legal_hold = hold
    child.legal_hold_reason = reason if hold else ""
    child.legal_hold_by = by if hold else None
    child.legal_hold_at = timezone.now() if hold else None
    fields = ["legal_hold", "legal_hold_reason", "legal_hold_by", "legal_hold_at", "updated_at"]
    if hold and child.archived_at is not None:
        child.archived_at = None
        child.archived_by = None
        fields += ["archived_at", "archived_by"]
    child.save(update_fields=fields)
    return child


@transaction.atomic
def retention_apply(*, day: date, by=None) -> int:
    """Move to intermediate archiving every file whose last contact is more than the active
    period before ``day`` (CNIL 2022-008, § 46), unless held in the active base; returns how
    many. One UPDATE, so the rule is read and applied in the same statement; running it again
    archives nothing more. The files stay whole: figures of past dates and national exports
    still count them."""
    now = timezone.now()
    return Child.objects.filter(
        pk__in=Subquery(files_past_active_period(day=day).values("pk"))
    ).update(archived_at=now, archived_by=by, updated_at=now)
