"""Date fields: written jj/mm/aaaa whatever the browser's language, and typed."""

from datetime import date

import pytest
from django import forms
from django.urls import reverse

from welfare.forms.dates import DateField, DateInput, PlausibleDatesMixin
from welfare.models import Child


class Form(PlausibleDatesMixin, forms.Form):
    day = forms.DateField()


@pytest.mark.parametrize(
    "typed", ["21/04/2013", "21/4/2013", "2013-04-21", "21042013", " 21042013 "]
)
def test_a_date_is_read_the_french_way_in_iso_or_as_eight_digits(typed):
    form = Form({"day": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2013, 4, 21)


@pytest.mark.parametrize("typed", ["21/04/13", "04/21/2013", "21 avril 2013", "2104201"])
def test_anything_else_is_refused_with_the_format_to_use(typed):
    form = Form({"day": typed})
    assert form.errors["day"] == [
        "Saisissez une date au format jj/mm/aaaa, par exemple 21/04/2013."
    ]


def test_the_field_is_a_text_input_showing_the_french_format():
    html = Form(initial={"day": date(2013, 4, 21)})["day"].as_widget()
    assert 'type="text"' in html
    assert 'value="21/04/2013"' in html
    assert 'placeholder="jj/mm/aaaa"' in html
    assert 'inputmode="numeric"' in html


def test_a_declared_field_and_a_model_forms_field_are_the_same():
    assert isinstance(DateField().widget, DateInput)
    assert isinstance(Form().fields["day"].widget, DateInput)
    assert Form().fields["day"].help_text == "Au format jj/mm/aaaa."


def test_a_child_is_created_with_a_birth_date_typed_the_french_way(client, referent_nord):
    client.force_login(referent_nord)
    client.post(
        reverse("children:create"),
        {"last_name": "Lefèvre", "first_name": "Noé", "birth_date": "02/03/2014", "sex": "M"},
    )
    assert Child.objects.get().birth_date == date(2014, 3, 2)
