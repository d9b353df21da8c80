"""A service's refusal lands on the form that called it, whatever field it names."""

from django import forms
from django.core.exceptions import ValidationError

from welfare.forms.errors import save_or_show_errors


class EndForm(forms.Form):
    end_date = forms.DateField()


def _refuse(error):
    def write():
        raise error

    return write


def test_an_error_on_a_field_of_the_form_goes_next_to_it():
    form = EndForm({"end_date": "2025-01-01"})
    assert form.is_valid()
    assert save_or_show_errors(form, _refuse(ValidationError({"end_date": "Trop tard."}))) is None
    assert form.errors == {"end_date": ["Trop tard."]}


def test_an_error_on_a_field_the_form_does_not_have_goes_above_the_form():
    form = EndForm({"end_date": "2025-01-01"})
    assert form.is_valid()
    save_or_show_errors(form, _refuse(ValidationError({"start_date": "Avant la naissance."})))
    assert form.non_field_errors() == ["Avant la naissance."]


def test_an_error_without_a_field_goes_above_the_form():
    form = EndForm({"end_date": "2025-01-01"})
    assert form.is_valid()
    save_or_show_errors(form, _refuse(ValidationError("Refusé.")))
    assert form.non_field_errors() == ["Refusé."]


def test_what_the_service_returns_is_returned():
    form = EndForm({"end_date": "2025-01-01"})
    assert save_or_show_errors(form, lambda: 42) == 42
