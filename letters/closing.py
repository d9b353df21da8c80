"""Closing actions: what recording a letter's sending settles in the file, by template code.

Sending some letters is what the law asks for, and the file keeps a deadline open until it
is done: the renewal notice of an assistant familial (art. D421-19 CASF), the report to the
juge des enfants (art. 375 C. civ., L223-5 CASF). Recording the sending of such a letter runs
the action registered for its template's code, in the same transaction; a letter without one
closes nothing.

``register_closing_action(code, action)`` where ``action(*, letter, sent_on, today)`` calls
the service of the app that owns the deadline (its own checks and French messages apply; a
``ValidationError`` it raises cancels the recording). Both reports to the judge close
through ``welfare.services.judicial.record_report_sent``, the service of their page.
"""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from placements.services import agrement_record_reminder
from welfare.enums import DocumentKind
from welfare.services.judicial import record_report_sent

# The seeded templates whose sending closes a deadline (letters/migrations/0002).
AGREMENT_RENEWAL_NOTICE = "avis-renouvellement-agrement"
SITUATION_REPORT_COVER = "transmission-rapport-situation"
RAPPORT_ECHEANCE_COVER = "transmission-rapport-echeance"

ClosingAction = Callable[..., object]
_actions: dict[str, ClosingAction] = {}


def register_closing_action(code: str, action: ClosingAction) -> ClosingAction:
    """Run ``action`` when the sending of a letter of template ``code`` is recorded."""
    _actions[code] = action
    return action


def closing_action(code: str) -> ClosingAction | None:
    return _actions.get(code)


def agrement_notice_sent(*, letter, sent_on: date, today: date):
    """The renewal notice left: record it on the agrément it announces (the latest valid one
    with an expiry), which takes it off the board's late notices."""
    agrement = (
        letter.foster_carer.agrements.filter(expires_on__isnull=False)
        .order_by("-granted_on")
        .first()
    )
    if agrement is None:
        raise ValidationError(_("Cet assistant familial n'a pas d'agrément à renouveler."))
    return agrement_record_reminder(agrement=agrement, sent_on=sent_on, today=today)


def _report_sent(kind: str, label: str):
    """The closing action of a report's cover letter: the latest report of ``kind`` done by
    the day of sending and not yet sent is recorded sent to the judge that day, through
    ``record_report_sent`` (art. 375 C. civ., L223-5 al. 4 CASF: the day its content was
    shared with the parents and the child, or why not, is read from the report, and its
    absence refuses the sending with the service's message)."""

    def report_sent(*, letter, sent_on: date, today: date):
        report = (
            letter.child.documents.filter(
                kind=kind, sent_to_judge_on__isnull=True, completed_on__lte=sent_on
            )
            .order_by("-completed_on")
            .first()
        )
        if report is None:
            raise ValidationError(
                _(
                    "Aucun %(report)s réalisé à cette date n'attend sa transmission : "
                    "enregistrez d'abord le rapport dans le dossier."
                )
                % {"report": label}
            )
        return record_report_sent(
            document=report,
            sent_on=sent_on,
            shared_on=report.shared_with_family_on,
            not_shared_reason=report.not_shared_reason,
        )

    return report_sent


situation_report_sent = _report_sent(DocumentKind.SITUATION_REPORT, _("rapport de situation"))
deadline_report_sent = _report_sent(DocumentKind.DEADLINE_REPORT, _("rapport d'échéance"))


def register_defaults():
    """The deadlines the portal holds today (called by ``LettersConfig.ready``)."""
    register_closing_action(AGREMENT_RENEWAL_NOTICE, agrement_notice_sent)
    register_closing_action(SITUATION_REPORT_COVER, situation_report_sent)
    register_closing_action(RAPPORT_ECHEANCE_COVER, deadline_report_sent)
