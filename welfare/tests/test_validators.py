"""Validators shared by the apps' models (welfare/validators.py)."""

import pytest
from django.core.exceptions import ValidationError

from welfare.validators import validate_phone


@pytest.mark.parametrize(
    "number",
    [
        "03 84 87 40 02",
        "0384874002",
        "03.84.87.40.02",
        "06-12-34-56-78",
        "+33 3 84 87 40 02",
        "+33 (0)3 84 87 40 02",
        "+41 22 123 45 67",
    ],
)
def test_french_and_international_numbers_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize(
    "number",
    [
        "appeler le soir",
        "03 84 87 40",  # nine digits
        "3 84 87 40 02 1",  # no leading 0 or +
        "+33",
        "03 84 87 40 02 ou 06 12 34 56 78",
        "+1234567890123456",  # more than 15 digits
    ],
)
def test_anything_else_is_refused_with_an_example(number):
    with pytest.raises(ValidationError) as error:
        validate_phone(number)
    assert "par exemple 03 84 87 40 02" in error.value.messages[0]
