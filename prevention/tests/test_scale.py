"""The concerns and home interventions of the synthetic Département (prevention/scale.py)."""

from prevention.enums import ConcernOutcome
from prevention.models import Concern, Intervention


def test_each_administrative_help_opened_the_measure_that_follows_it(departement_of_synthesis):
    helps = Concern.objects.filter(outcome=ConcernOutcome.ADMINISTRATIVE_HELP)
    assert helps.exists()
    for concern in helps.select_related("measure").prefetch_related("children"):
        (child,) = concern.children.all()
        assert concern.measure.child_id == child.pk
        assert concern.received_on <= concern.measure.start_date
        assert concern.evaluation_ended_on <= concern.measure.start_date


def test_home_interventions_follow_the_help_at_home_of_the_files(departement_of_synthesis):
    interventions = Intervention.objects.home().prefetch_related("children", "children__measures")
    assert interventions.exists()
    for intervention in interventions:
        (child,) = intervention.children.all()
        assert any(m.start_date == intervention.started_on for m in child.measures.all())
