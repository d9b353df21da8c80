import datetime
from decimal import Decimal

import factory

from placements.enums import ApplicationKind, EstablishmentKind, PlaceKind
from placements.models import (
    Agrement,
    AgrementApplication,
    DailyRate,
    Establishment,
    FosterCarer,
    Placement,
)
from welfare.tests.factories import ChildFactory, MeasureFactory, TerritoryFactory


class EstablishmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Establishment

    name = factory.Sequence(lambda n: f"MECS Les Tilleuls {n}")
    kind = EstablishmentKind.MECS
    authorised_capacity = 12
    min_age = 0
    max_age = 20
    territory = factory.SubFactory(TerritoryFactory)
    address = factory.Faker("address", locale="fr_FR")


class FosterCarerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FosterCarer

    first_name = factory.Faker("first_name_female", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    territory = factory.SubFactory(TerritoryFactory)
    address = factory.Faker("address", locale="fr_FR")


class AgrementFactory(factory.django.DjangoModelFactory):
    """A valid agrément of 3 places granted two years ago."""

    class Meta:
        model = Agrement

    foster_carer = factory.SubFactory(FosterCarerFactory)
    number = factory.Sequence(lambda n: f"AF-39-{n:04d}")
    places = 3
    granted_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=730))
    expires_on = factory.LazyAttribute(
        lambda agrement: agrement.granted_on.replace(year=agrement.granted_on.year + 5)
    )


class AgrementApplicationFactory(factory.django.DjangoModelFactory):
    """A first application for 3 places, received a week ago, its file not complete yet."""

    class Meta:
        model = AgrementApplication

    applicant = factory.SubFactory(FosterCarerFactory)
    kind = ApplicationKind.FIRST
    places = 3
    received_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=7))


class DailyRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyRate

    year = 2023
    place_kind = PlaceKind.FOSTER_CARER
    amount = Decimal("100.00")


class PlacementFactory(factory.django.DjangoModelFactory):
    """A placement with a foster carer under a judicial placement measure; written straight
    to the database (tests of the rules go through the services)."""

    class Meta:
        model = Placement

    child = factory.SubFactory(ChildFactory)
    measure = factory.SubFactory(MeasureFactory, child=factory.SelfAttribute("..child"))
    place_kind = PlaceKind.FOSTER_CARER
    foster_carer = factory.SubFactory(FosterCarerFactory)
    start_date = factory.LazyAttribute(lambda placement: placement.measure.start_date)
    end_date = None
