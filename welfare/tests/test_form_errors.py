"""A service's refusal lands on the form that called it, whatever field it names."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from welfare.forms.errors import refusal_as_messages, save_or_show_errors


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


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_refusal_in_the_block_becomes_messages_and_skips_the_rest():
    request, done = _request(), []
    with refusal_as_messages(request):
        _refuse(ValidationError(["Demande clôturée.", "Rien à faire."]))()
        done.append("after")
    assert [str(message) for message in get_messages(request)] == [
        "Demande clôturée.",
        "Rien à faire.",
    ]
    assert done == []


def test_a_block_without_refusal_runs_to_its_end():
    request, done = _request(), []
    with refusal_as_messages(request):
        done.append("saved")
    assert done == ["saved"]
    assert list(get_messages(request)) == []
