from datetime import date, timedelta
from decimal import Decimal

import factory

from schemes import services
from schemes.enums import ActionStatus, BudgetDomain, Funder, SchemeKind, SchemeStatus
from schemes.models import (
    Action,
    Budget,
    BudgetLine,
    Funding,
    Indicator,
    Measurement,
    Milestone,
    Objective,
    Report,
    Scheme,
)
from schemes.reports.kinds import input_hash


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scheme
        skip_postgeneration_save = True

    title = factory.Faker("sentence", nb_words=6, locale="fr_FR")
    kind = SchemeKind.CHILD_FAMILY
    start_year = 2021
    end_year = 2025
    adopted_on = date(2021, 6, 28)
    status = SchemeStatus.ADOPTED
    summary = factory.Faker("paragraph", locale="fr_FR")

    @factory.post_generation
    def published(scheme, create, extracted, **kwargs):
        """``published=True`` publishes the plan as it is on creation; publish it again with
        ``services.scheme_publish`` once its objectives and actions are made."""
        if create and extracted:
            services.scheme_publish(scheme=scheme)
            scheme.refresh_from_db()


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    scheme = factory.SubFactory(SchemeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Faker("sentence", nb_words=8, locale="fr_FR")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    objective = factory.SubFactory(ObjectiveFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Faker("sentence", nb_words=8, locale="fr_FR")
    description = factory.Faker("paragraph", locale="fr_FR")
    lead_service = "Service de l'aide sociale à l'enfance"
    partners = "CAF, associations"
    start_date = date(2022, 1, 1)
    end_date = date(2024, 12, 31)
    status = ActionStatus.IN_PROGRESS
    progress = 50


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action = factory.SubFactory(ActionFactory)
    due_on = date(2023, 6, 30)
    label = factory.Faker("sentence", nb_words=4, locale="fr_FR")


class FundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funding

    action = factory.SubFactory(ActionFactory)
    funder = Funder.DEPARTEMENT
    amount = Decimal("10000")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    action = factory.SubFactory(ActionFactory)
    name = factory.Sequence(lambda n: f"Familles accompagnées {n}")
    unit = "familles"
    baseline = Decimal("0")
    target = Decimal("100")


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: date(2022, 1, 1) + timedelta(days=n))
    value = Decimal("40")


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    year = factory.Sequence(lambda n: 2023 + n)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    budget = factory.SubFactory(BudgetFactory)
    domain = BudgetDomain.PREVENTION
    voted = Decimal("1000000")
    executed = Decimal("900000")


class ReportFactory(factory.django.DjangoModelFactory):
    """A queued plan report; pass ``parameters`` with a real scheme's pk to render it."""

    class Meta:
        model = Report

    kind = "plan"
    title = factory.Faker("sentence", nb_words=5, locale="fr_FR")
    # Far above the test schemes' ids: a sequence from 1 met the ``scheme.pk`` a test passed to
    # another report, and two pending reports of one input break the partial unique index.
    parameters = factory.Sequence(lambda n: {"scheme": 1_000_000 + n})
    input_hash = factory.LazyAttribute(
        lambda report: input_hash(kind=report.kind, parameters=report.parameters)
    )
