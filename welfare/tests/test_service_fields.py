"""The services' one way of writing a record's fields from keyword arguments."""

from types import SimpleNamespace

import pytest

from welfare.services.fields import assign_fields


def test_the_allowed_fields_are_set():
    record = SimpleNamespace(first_name="Léa", last_name="Martin")
    assign_fields(record, ("first_name", "last_name"), {"first_name": "Léna"})
    assert (record.first_name, record.last_name) == ("Léna", "Martin")


def test_a_field_outside_the_list_is_refused_and_nothing_is_set():
    record = SimpleNamespace(first_name="Léa", territory="nord")
    with pytest.raises(TypeError, match="territory"):
        assign_fields(record, ("first_name",), {"first_name": "Léna", "territory": "sud"})
    assert (record.first_name, record.territory) == ("Léa", "nord")
