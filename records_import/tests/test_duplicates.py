"""The import's duplicate hook is the portal's detection (issue 19): a child created by an
extract that may already have a file becomes an anomaly of its row."""

from datetime import date

import pytest
from django.conf import settings

from records_import.duplicates import check
from welfare.tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def test_the_import_checks_its_children_with_the_portals_detection_by_default():
    assert settings.IMPORT_DUPLICATE_CHECK == "records_import.duplicates.check"


def test_a_created_child_resembling_a_file_of_the_base_is_reported(nord, sud):
    existing = ChildFactory(
        first_name="Léa", last_name="Martin-Durand", birth_date=date(2012, 3, 4), territory=sud
    )
    created = ChildFactory(
        first_name="Lea", last_name="Martin Durand", birth_date=date(2012, 3, 4), territory=nord
    )
    [(child, message)] = list(check(children=[created]))
    assert child == created
    assert str(existing.public_id) in message
    assert message.startswith("Doublon possible du dossier")


def test_a_created_child_with_no_likeness_is_not_reported(nord):
    ChildFactory(first_name="Léa", last_name="Martin", birth_date=date(2012, 3, 4))
    created = ChildFactory(first_name="Hugo", last_name="Bernard", birth_date=date(2015, 7, 1))
    assert list(check(children=[created])) == []
