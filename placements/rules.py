"""Legal figures of the agrément of assistants familiaux (domain_rules.md §3.1).

They are the law's own numbers, each with its article; the money figures (daily rates) are
dated records instead (``DailyRate``), since they change every year.
"""

from datetime import date

from welfare.rules import add_months, add_years

# L421-5 CASF: three minors accommodated permanently, jeunes majeurs included; more only by
# a derogation the agrément records.
AGREMENT_DEFAULT_PLACES = 3
# Validity of an agrément (5 years; holders of the DEAF are renewed without a time limit).
AGREMENT_VALIDITY_YEARS = 5
# D421-19: the Président du conseil départemental warns the holder 4 months before expiry.
AGREMENT_REMINDER_MONTHS = 4


def agrement_expiry(*, granted_on: date, deaf_holder: bool) -> date | None:
    """The first day the agrément no longer holds; none for holders of the DEAF."""
    if deaf_holder:
        return None
    return add_years(granted_on, AGREMENT_VALIDITY_YEARS)


def reminder_date(expires_on: date | None) -> date | None:
    """The day the renewal reminder is due, 4 months before expiry."""
    if expires_on is None:
        return None
    return add_months(expires_on, -AGREMENT_REMINDER_MONTHS)
