"""Validators shared by the apps' models."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# What people type between digits: spaces, dots, dashes, and "(0)" in "+33 (0)3 …".
_SEPARATORS = re.compile(r"[\s.\-()]")


@deconstructible
class PhoneNumberValidator:
    """A French number of ten digits starting with 0 (03 84 87 40 02), or an international one:
    "+" and 8 to 15 digits (+33 3 84 87 40 02, a family abroad). Separators are allowed."""

    message = _(
        "Saisissez un numéro de téléphone valide, par exemple 03 84 87 40 02 ou +33 3 84 87 40 02."
    )
    code = "invalid_phone"

    def __call__(self, value):
        digits = _SEPARATORS.sub("", value or "")
        if not re.fullmatch(r"0\d{9}|\+\d{8,15}", digits):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, PhoneNumberValidator)


validate_phone = PhoneNumberValidator()
