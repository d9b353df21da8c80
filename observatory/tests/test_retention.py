"""The figures of past dates still count the files archived since (CNIL 2022-008, § 46: the
published statistics never change)."""

from datetime import date

import pytest

from observatory.base import Params
from observatory.care import overdue_clocks
from welfare.models import Child
from welfare.tests.test_retention import archived, ended_file

pytestmark = pytest.mark.django_db


def test_archived_files_still_count_in_the_figures_of_past_dates(nord):
    # Under a placement on 31/12/2022 and past its PPE deadline that day.
    child = archived(ended_file(nord))
    day = date(2022, 12, 31)
    assert child in Child.objects.in_care_on(day)
    figures = overdue_clocks(Params(day=day, start=date(2022, 1, 1), end=day))
    assert figures["nord"]["children"] == 1
