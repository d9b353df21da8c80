"""Choice displays translate the label shown, not every label of the field (welfare/choices.py)."""

from collections import Counter

import pytest
from django.utils import translation

from welfare.enums import MeasureEndReason, MeasureType
from welfare.models import Measure


@pytest.fixture
def translations_made(monkeypatch):
    made = Counter()
    translation.gettext("")  # the real gettext is looked up once, then kept on ``_trans``
    real = translation._trans.gettext

    def counting(message):
        made[message] += 1
        return real(message)

    monkeypatch.setattr(translation._trans, "gettext", counting)
    return made


def test_a_measure_type_is_shown_in_french_with_one_translation(translations_made):
    measure = Measure(type=MeasureType.PLACEMENT, end_reason=MeasureEndReason.MAJORITY)
    assert measure.get_type_display() == "Placement (art. 375-3 du Code civil)"
    assert measure.get_end_reason_display() == "Majorité"
    assert sum(translations_made.values()) == 2


def test_an_unknown_or_empty_value_is_shown_as_it_is():
    assert Measure(type="retired_type").get_type_display() == "retired_type"
    assert Measure(end_reason="").get_end_reason_display() == ""
