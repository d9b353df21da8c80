"""Retention of the children's files: when a file leaves the active base.

The CNIL's reference framework for child protection (délibération n° 2022-008 of 20 January
2022, § 46) recommends that the data of a minor's or young adult's support stay in the active
base no more than two years after the last contact, then go to intermediate archiving; final
archiving or destruction is decided under the code du patrimoine by the archives
départementales, never here. The period is the dated ``LegalParameter``
``active_base_months``, in force on the day of the decision.

"Last contact" is the latest date the file records about the child, wherever it is recorded:
welfare's measures and statutory documents, and what the apps hold (placements, concerns,
home interventions). Something still running (a measure or placement without end, a measure
past its end with no decision recorded, an open concern) counts as the day itself, so it keeps
the file active. A file with no record at all counts from its creation.

The apps hold part of the answer and welfare never imports them: an app registers, in its
``AppConfig.ready()``, ``register_last_contact(provider)`` where ``provider(day)`` returns an
expression of the latest date of its records for the child ``OuterRef("pk")`` (``latest_date``
builds one), ``NULL`` when it has none. The whole computation is one SQL statement.

The boundary: a file is past the period when *more than* the period has gone by, as § 46 says
("au-delà de deux ans"), so on the day exactly two years after the last contact it is still
active, and it leaves the active base the day after (the limits of welfare.rules are inclusive
the same way).
"""

from collections.abc import Callable
from datetime import date

from django.db import models
from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest, TruncDate

from welfare.enums import LegalParameterKey
from welfare.models import Child, LegalParameter, LegalParameterSet, Measure, StatutoryDocument

LastContactProvider = Callable[[date], models.Expression]

_providers: list[LastContactProvider] = []


def register_last_contact(provider: LastContactProvider) -> LastContactProvider:
    """Count ``provider(day)``'s date in every child's last contact; usable as a decorator."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def last_contact_providers() -> list[LastContactProvider]:
    return list(_providers)


def day_value(day: date) -> Value:
    """``day`` as an SQL date, for "still running counts as the day"."""
    return Value(day, output_field=models.DateField())


def latest_date(queryset, expression) -> Subquery:
    """The greatest ``expression`` over ``queryset`` (already filtered on ``OuterRef("pk")``),
    as a subquery; ``NULL`` when the queryset is empty."""
    return Subquery(
        queryset.annotate(contact=expression)
        .order_by(F("contact").desc(nulls_last=True))
        .values("contact")[:1],
        output_field=models.DateField(),
    )


class AddMonths(models.Func):
    """``date + months`` calendar months in PostgreSQL (31 January + 1 month = end of
    February), as ``welfare.rules.add_months`` computes it in Python."""

    template = "(%(expressions)s)::date"
    arg_joiner = " + "
    output_field = models.DateField()

    def __init__(self, day, months: int):
        super().__init__(day, models.Func(Value(0), Value(months), function="make_interval"))


def _own_contacts(day: date) -> list:
    today = day_value(day)
    measure_contact = Greatest(
        F("start_date"),
        Case(
            When(end_date__isnull=True, then=today),
            # Past its end with no decision on record: the deadline is still open.
            When(end_reason="", then=Greatest(F("end_date"), today)),
            default=F("end_date"),
        ),
    )
    return [
        latest_date(Measure.objects.filter(child=OuterRef("pk")), measure_contact),
        latest_date(StatutoryDocument.objects.filter(child=OuterRef("pk")), F("completed_on")),
    ]


def with_last_contact(children, *, day: date):
    """``children`` annotated with ``last_contact``: the latest date of any record about the
    child, a record still running on ``day`` counting as ``day`` (one statement)."""
    contacts = _own_contacts(day) + [provider(day) for provider in _providers]
    # GREATEST ignores NULLs in PostgreSQL: a child with no placement still has measures.
    return children.annotate(last_contact=Coalesce(Greatest(*contacts), TruncDate("created_at")))


def active_period_months(day: date) -> int:
    """The active period in force on ``day``, in months (one query)."""
    return LegalParameterSet(
        LegalParameter.objects.filter(key=LegalParameterKey.ACTIVE_BASE_MONTHS)
    ).value(LegalParameterKey.ACTIVE_BASE_MONTHS, day)


def files_past_active_period(*, day: date, months: int | None = None):
    """Files of the active base, not held in it, whose last contact is more than the active
    period before ``day`` (exactly the period: still active), with ``last_contact``,
    oldest contact first."""
    if months is None:
        months = active_period_months(day)
    children = Child.objects.active_base().filter(legal_hold=False)
    return (
        with_last_contact(children, day=day)
        .alias(period_end=AddMonths(F("last_contact"), months))
        .filter(period_end__lt=day_value(day))
        .order_by("last_contact", "pk")
    )
