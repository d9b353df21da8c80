"""A service's refusal shown to the user: on the form that called it, or in the page's messages
when no form was filled (a button)."""

from contextlib import contextmanager

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(form, error: ValidationError) -> None:
    """Put ``error`` on ``form``: each message next to the field it names, and above the form
    the messages that name no field of this form. A service checks the whole record, so it
    may answer on a field another form edits (a measure's start, refused at its end when the
    birth date has since been corrected); Django's ``add_error`` raises on those."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        known = name != NON_FIELD_ERRORS and name in form.fields
        form.add_error(name if known else None, errors)


def save_or_show_errors(form, write):
    """Run the service ``write`` and return what it returns, or None once its validation
    errors are on ``form``."""
    try:
        return write()
    except ValidationError as error:
        add_service_errors(form, error)
        return None


@contextmanager
def refusal_as_messages(request):
    """Run the block; if a service in it refuses (``ValidationError``), the rest of the block is
    skipped and each of its messages is shown as an error on the next page."""
    try:
        yield
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
