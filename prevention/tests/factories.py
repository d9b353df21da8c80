import datetime
from decimal import Decimal

import factory

from prevention.enums import ActionKind, ConcernSource, DangerKind, PartnerKind
from prevention.models import Concern, Intervention, Partner, PreventionAction
from welfare.tests.factories import TerritoryFactory


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Association partenaire {n}")
    kind = PartnerKind.ASSOCIATION


class PreventionActionFactory(factory.django.DjangoModelFactory):
    """A TISF action of the 2023 budget year."""

    class Meta:
        model = PreventionAction

    title = factory.Sequence(lambda n: f"Action de prévention {n}")
    kind = ActionKind.TISF
    partner = factory.SubFactory(PartnerFactory)
    territory = factory.SubFactory(TerritoryFactory)
    start_date = datetime.date(2023, 1, 1)
    end_date = datetime.date(2023, 12, 31)
    budget = Decimal("10000.00")
    cost = Decimal("9000.00")


class InterventionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intervention

    action = factory.SubFactory(PreventionActionFactory)
    started_on = factory.LazyAttribute(lambda intervention: intervention.action.start_date)
    family_name = factory.LazyAttribute(
        lambda intervention: "Famille Morel" if intervention.action.is_home_intervention else ""
    )
    families_count = 1


class ConcernFactory(factory.django.DjangoModelFactory):
    """A concern received today, still to be qualified, due in three months."""

    class Meta:
        model = Concern

    territory = factory.SubFactory(TerritoryFactory)
    received_on = factory.LazyFunction(datetime.date.today)
    source = ConcernSource.SCHOOL
    danger_kind = DangerKind.NEGLECT
    facts = "Absences répétées, enfant souvent affamé selon l'école."
    evaluation_due_on = factory.LazyAttribute(
        lambda concern: concern.received_on + datetime.timedelta(days=91)
    )
