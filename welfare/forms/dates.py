"""Date fields shared by every form of the portal."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

# What a date field accepts: the French way, and ISO (what a browser's own date picker, or a
# script, sends); the widget also reads eight digits alone (a phone's numeric keypad has no
# slash). Not two-digit years: "05/03/68" would silently be 2068.
INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
INVALID_DATE = _("Saisissez une date au format jj/mm/aaaa, par exemple 21/04/2013.")


class DateInput(forms.DateInput):
    """A date written jj/mm/aaaa whatever the browser's language, typed rather than picked.

    ``type="date"`` showed mm/dd/yyyy in a browser set to English and made typing a birth date
    years back a chore; this is a text field with the format as placeholder and digits on a
    phone's keyboard.
    """

    input_type = "text"

    def __init__(self, attrs=None):
        attrs = {"placeholder": "jj/mm/aaaa", "inputmode": "numeric", **(attrs or {})}
        super().__init__(attrs=attrs, format="%d/%m/%Y")

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, str) and len(value.strip()) == 8 and value.strip().isdigit():
            value = value.strip()
            return f"{value[:2]}/{value[2:4]}/{value[4:]}"
        return value


def use_portal_dates(field):
    """Make ``field`` read and show dates the portal's way (see ``DateInput``)."""
    field.input_formats = INPUT_FORMATS
    field.error_messages = {**field.error_messages, "invalid": INVALID_DATE}
    if not isinstance(field.widget, DateInput):
        widget = DateInput(attrs=field.widget.attrs)
        widget.is_required = field.required
        field.widget = widget
    if not field.help_text:
        field.help_text = _("Au format jj/mm/aaaa.")


class DateField(forms.DateField):
    """A date field of the portal, for forms that declare their fields."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        use_portal_dates(self)


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
    """Every date field of the form is the portal's (``use_portal_dates``), those a model form
    makes included, and refuses a date outside ``EARLIEST_DATE``–``LATEST_DATE``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                use_portal_dates(field)
                field.validators.append(validate_plausible_date)
