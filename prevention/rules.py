"""The clock of an information préoccupante (domain_rules.md §2.1, art. D226-2-4 CASF): its
evaluation is due 3 months after receipt, sooner for a very young child; a grave and immediate
danger is instead due to the parquet the day it is received (art. L226-4 I 2° and D226-2-4
I 2°: without delay, without waiting for the evaluation). The durations are read from the
dated ``ConcernParameter`` rows in force on the day of receipt."""

from datetime import date, timedelta

from prevention.enums import ConcernParameterKey as Key
from welfare.models import LegalParameterSet
from welfare.rules import add_months, add_years


def evaluation_due_on(
    *, received_on: date, birth_dates, grave_danger: bool, parameters: LegalParameterSet
) -> date:
    """The day by which the evaluation must end, the shortest of the deadlines that apply to
    the concern as received (its children's ages that day); for a grave and immediate danger,
    the day by which the signalement must reach the parquet (the day of receipt)."""
    if grave_danger:
        return received_on + timedelta(
            days=parameters.value(Key.GRAVE_DANGER_REFERRAL_DAYS, received_on)
        )
    due = add_months(received_on, parameters.value(Key.EVALUATION_MONTHS, received_on))
    young_age = parameters.value(Key.YOUNG_CHILD_AGE, received_on)
    if any(add_years(birth, young_age) > received_on for birth in birth_dates):
        months = parameters.value(Key.YOUNG_CHILD_EVALUATION_MONTHS, received_on)
        due = min(due, add_months(received_on, months))
    return due
