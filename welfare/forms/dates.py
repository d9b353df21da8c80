"""Date fields shared by every form of the portal."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# The dates a file can hold. Legal durations are added to the dates people type (a measure's
# limit, an agrément's five years, the board's four-month reminder): from 31/12/9999 the sum
# leaves Python's calendar, which crashed the page instead of answering next to the field.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2099, 12, 31)


def validate_plausible_date(value):
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise forms.ValidationError(
            _("Saisissez une date comprise entre le %(earliest)s et le %(latest)s."),
            code="implausible_date",
            params={
                "earliest": EARLIEST_DATE.strftime("%d/%m/%Y"),
                "latest": LATEST_DATE.strftime("%d/%m/%Y"),
            },
        )


class PlausibleDatesMixin:
    """Every date field of the form refuses a date outside ``EARLIEST_DATE``–``LATEST_DATE``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.validators.append(validate_plausible_date)
