import datetime

import factory
from django.conf import settings
from django.utils import timezone

from welfare.enums import (
    DecisionMaker,
    DocumentKind,
    GuardianRelationship,
    HearingKind,
    MeasureNature,
    MeasureType,
    PlacementBasis,
    Role,
    Sex,
)
from welfare.models import (
    AccessLog,
    Child,
    Departement,
    Guardian,
    Hearing,
    Measure,
    StatutoryDocument,
    Territory,
    User,
)
from welfare.rules import add_years


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"territoire-{n}")
    name = factory.Sequence(lambda n: f"Territoire {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"agent{n}")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    role = Role.CASEWORKER
    territory = factory.SubFactory(TerritoryFactory)
    password = factory.django.Password(settings.DEMO_PASSWORD)


class DepartementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Departement

    name = "Département du Jura"
    insee_code = "39"
    direction = "Direction de l'Enfance et de la Famille"
    address = "17 rue Rouget de Lisle\n39039 Lons-le-Saunier Cedex"
    phone = "03 84 87 40 02"
    email = "enfance-famille@jura.fr"


# --- Children's files -------------------------------------------------------------------------


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    # Ten years old: old enough for every measure, too young for the clocks of 17 and 18.
    birth_date = factory.LazyFunction(lambda: add_years(timezone.localdate(), -10))
    sex = factory.Iterator(Sex.values)
    territory = factory.SubFactory(TerritoryFactory)
    referent = None


class GuardianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guardian

    child = factory.SubFactory(ChildFactory)
    relationship = GuardianRelationship.MOTHER
    first_name = factory.Faker("first_name_female", locale="fr_FR")
    last_name = factory.LazyAttribute(lambda guardian: guardian.child.last_name)
    holds_parental_authority = True


class MeasureFactory(factory.django.DjangoModelFactory):
    """A placement under art. 375-3 decided by the juge des enfants; dates relative to today."""

    class Meta:
        model = Measure

    child = factory.SubFactory(ChildFactory)
    type = MeasureType.PLACEMENT
    nature = factory.LazyAttribute(
        lambda measure: (
            MeasureNature.ADMINISTRATIVE
            if measure.type in MeasureType.administrative()
            else MeasureNature.JUDICIAL
        )
    )
    decided_by = factory.LazyAttribute(
        lambda measure: (
            DecisionMaker.DEPARTEMENT_PRESIDENT
            if measure.type in MeasureType.administrative()
            else DecisionMaker.CHILDREN_JUDGE
        )
    )
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    decision_date = factory.LazyAttribute(lambda measure: measure.start_date)
    end_date = factory.LazyAttribute(
        lambda measure: (
            measure.start_date + datetime.timedelta(days=364)
            if measure.type in MeasureType.with_term()
            else None
        )
    )
    court = factory.LazyAttribute(
        lambda measure: "" if measure.nature == MeasureNature.ADMINISTRATIVE else "TJ de Dole"
    )
    parental_agreement = factory.LazyAttribute(
        lambda measure: measure.type == MeasureType.PROVISIONAL_CARE
    )
    placement_basis = factory.LazyAttribute(
        lambda measure: PlacementBasis.ASE if measure.type == MeasureType.PLACEMENT else ""
    )


class StatutoryDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatutoryDocument

    child = factory.SubFactory(ChildFactory)
    kind = DocumentKind.PPE
    completed_on = factory.LazyFunction(timezone.localdate)
    objectives = "Maintenir les liens avec la fratrie."


class HearingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hearing

    child = factory.SubFactory(ChildFactory)
    date = factory.LazyFunction(timezone.localdate)
    kind = HearingKind.FIRST
    court = "Tribunal judiciaire de Dole"
    judge = "Mme la juge des enfants"


class AccessLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessLog

    child = factory.SubFactory(ChildFactory)
    user = factory.SubFactory(UserFactory)
