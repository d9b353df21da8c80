"""Legal figures of the agrément of assistants familiaux (domain_rules.md §3.1).

They are dated ``LegalParameter`` rows (a change of law is a new row), read through welfare's
one accessor: ``LegalParameterSet`` in Python, ``LegalParameter.objects.value_on`` in SQL. An
agrément's own figures (its places without derogation, its validity, the notice before its
expiry) are those in force on the day it is granted; the clock of an application is the one in
force on the day the file was complete.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.db.models import F, Func, Value
from django.db.models.functions import Cast

from placements.enums import ApplicationStatus
from welfare.enums import LegalParameterKey as Key
from welfare.models import LegalParameter, LegalParameterSet
from welfare.rules import add_months, add_years


def agrement_parameters() -> LegalParameterSet:
    """Every dated legal figure at once (one query)."""
    return LegalParameterSet(LegalParameter.objects.all())


def default_places(parameters: LegalParameterSet, day: date) -> int:
    """L421-5 CASF: the minors an agrément allows without a derogation (3 since 2005)."""
    return parameters.value(Key.AGREMENT_DEFAULT_PLACES, day)


def agrement_expiry(
    *, granted_on: date, deaf_holder: bool, parameters: LegalParameterSet
) -> date | None:
    """The first day the agrément no longer holds (5 years after its grant); none for
    holders of the DEAF (art. L421-9 CASF)."""
    if deaf_holder:
        return None
    return add_years(granted_on, parameters.value(Key.AGREMENT_VALIDITY_YEARS, granted_on))


def reminder_date(*, granted_on: date, expires_on: date | None, parameters) -> date | None:
    """The latest day of the renewal notice: 4 months before expiry (art. D421-19 CASF)."""
    if expires_on is None:
        return None
    return add_months(expires_on, -parameters.value(Key.AGREMENT_REMINDER_MONTHS, granted_on))


def suspension_end(*, agrement, parameters: LegalParameterSet) -> date:
    """The last day a suspension may last: it is decided for 4 months at most (art. R421-24
    al. 2 CASF), then the agrément is restored or withdrawn."""
    months = parameters.value(Key.AGREMENT_SUSPENSION_MAX_MONTHS, agrement.state_changed_on)
    return add_months(agrement.state_changed_on, months)


@dataclass(frozen=True)
class ApplicationClock:
    """The decision clock of an application for agrément on a day.

    ``due_on`` is the last day a decision may be notified (none while the file is incomplete);
    from ``tacit_from``, the day after, the agrément is granted tacitly."""

    status: str
    due_on: date | None
    tacit_from: date | None
    extended: bool


def application_due_on(*, complete_on, extended: bool, parameters) -> date | None:
    """Art. L421-6 al. 2 CASF: the decision is notified within 4 months, extendable by 2 by a
    reasoned decision, counted from the complete file (the dated rows in force that day)."""
    if complete_on is None:
        return None
    months = parameters.value(Key.AGREMENT_DECISION_MONTHS, complete_on)
    if extended:
        months += parameters.value(Key.AGREMENT_EXTENSION_MONTHS, complete_on)
    return add_months(complete_on, months)


def application_clock(application, *, day: date, parameters) -> ApplicationClock:
    """Where ``application`` stands on ``day``: a decision recorded is its status; without
    one, incomplete, in instruction until ``due_on`` included, then granted tacitly."""
    due = application_due_on(
        complete_on=application.complete_on,
        extended=application.extended_on is not None,
        parameters=parameters,
    )
    tacit_from = due + timedelta(days=1) if due else None
    if application.decision:
        status = application.decision
    elif due is None:
        status = ApplicationStatus.INCOMPLETE
    elif day <= due:
        status = ApplicationStatus.PENDING
    else:
        status = ApplicationStatus.TACIT
    return ApplicationClock(
        status=status,
        due_on=due,
        tacit_from=tacit_from,
        extended=application.extended_on is not None,
    )


def months_after(day, months):
    """SQL ``day + months`` calendar months as a date (PostgreSQL keeps the end of a shorter
    month, as ``add_months`` does); ``months`` may be negative."""
    interval = Func(Value(0), months, function="make_interval", output_field=models.DurationField())
    return Cast(
        models.ExpressionWrapper(day + interval, output_field=models.DateTimeField()),
        models.DateField(),
    )


def reminder_date_sql():
    """``reminder_date`` of the row, computed by PostgreSQL from the dated notice delay."""
    months = LegalParameter.objects.value_on(
        Key.AGREMENT_REMINDER_MONTHS, models.OuterRef("granted_on")
    )
    return months_after(F("expires_on"), -months)
